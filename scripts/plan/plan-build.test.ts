/**
 * The plan, asserted directly: no Eleventy, no browser. A synthetic estate of two organisations
 * with two editions each, the "previous site" being the manifest a build of it would have written.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadAndValidate } from "../build.ts";
import { writeEstate } from "../bench/estate.ts";
import type { Project } from "../validate/validate-project.ts";
import { emptyManifest, type Manifest, type PreviousSite } from "./manifest.ts";
import { planBuild, type BuildPlan, type PlanOptions } from "./plan-build.ts";

let project: Project;
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "estate-"));
  await writeEstate(root, { orgs: 2, years: 2, seed: 5 });
  project = await loadAndValidate(root);
});

const options: PlanOptions = { tool: "test", pdfs: true, checks: true, sourceDateEpoch: "", computeCache: new Set() };
const nothingBefore: PreviousSite = { manifest: emptyManifest(), missing: new Set() };

/** The manifest a build following `plan` writes (one page file per organisation and report, enough for the plan). */
function manifestOf(plan: BuildPlan): Manifest {
  const output = (file: string) => ({ key: file, files: [file] });
  return {
    ...emptyManifest(),
    organisations: Object.fromEntries(
      plan.organisations.map((o) => [
        o.slug,
        {
          inputs: o.inputs,
          page: output(`${o.slug}/index.html`),
          reports: Object.fromEntries(o.reports.map((r) => [r.key, { web: output(`${r.key}/index.html`), print: output(`${r.key}/print.html`), pdf: undefined }])),
        },
      ]),
    ),
  };
}

/** A plan after a first build, with its compute results in the cache. */
function secondPlan(changed: Project, changes: Partial<PlanOptions> = {}, missing: ReadonlySet<string> = new Set()): BuildPlan {
  const first = planBuild(project, nothingBefore, options);
  const computeCache = new Set(first.organisations.flatMap((o) => o.reports.flatMap((r) => (r.compute ? [r.compute.key] : []))));
  return planBuild(changed, { manifest: manifestOf(first), missing }, { ...options, computeCache, ...changes });
}

const decisions = (plan: BuildPlan) => Object.fromEntries(plan.organisations.map((o) => [o.slug, [o.action, ...o.reasons]]));
const computing = (plan: BuildPlan) => Object.fromEntries(plan.organisations.flatMap((o) => o.reports.map((r) => [r.key, [r.compute?.action, ...(r.compute?.reasons ?? [])]])));

describe("planBuild", () => {
  afterEach(() => vi.useRealTimers());

  it("builds and computes everything on a first build", () => {
    const plan = planBuild(project, nothingBefore, options);
    expect(decisions(plan)).toEqual({ "synthetic-001": ["build", "it is not in the previous site"], "synthetic-002": ["build", "it is not in the previous site"] });
    expect(Object.values(computing(plan))).toEqual(Array(4).fill(["compute", "its figures are not in the compute cache"]));
  });

  it("keeps every organisation when nothing changed", () => {
    const plan = secondPlan(project);
    expect(decisions(plan)).toEqual({ "synthetic-001": ["keep", "nothing it is made from has changed"], "synthetic-002": ["keep", "nothing it is made from has changed"] });
    expect(plan.organisations.flatMap((o) => o.reports)).toEqual([]);
  });

  it("keeps every organisation when the site is rebuilt years later: the day of the build is no input (statuses are as at the plan's review date)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-01-15T12:00:00Z"));
    const first = planBuild(project, nothingBefore, options);
    vi.setSystemTime(new Date("2031-11-30T12:00:00Z"));
    const later = planBuild(project, { manifest: manifestOf(first), missing: new Set() }, options);
    expect(decisions(later)).toEqual({ "synthetic-001": ["keep", "nothing it is made from has changed"], "synthetic-002": ["keep", "nothing it is made from has changed"] });
  });

  it("after one metric file changes, builds only its organisation and computes only the report that uses it, saying why", () => {
    const changed = structuredClone(project);
    changed.metrics.find((m) => m.file === "data/metrics/synthetic-002/2024.yaml")!.data.wdes_9b!.narrative = "Changed.";
    const plan = secondPlan(changed);
    expect(decisions(plan)).toEqual({ "synthetic-001": ["keep", "nothing it is made from has changed"], "synthetic-002": ["build", "data/metrics/synthetic-002/2024.yaml changed"] });
    expect(computing(plan)).toEqual({
      "synthetic-002/2023-24": ["reuse", "its figures are in the compute cache"],
      "synthetic-002/2024-25": ["compute", "data/metrics/synthetic-002/2024.yaml changed"],
    });
  });

  it("names a plan added, the tool and the PDFs as reasons", () => {
    const added = structuredClone(project);
    const plan = added.plans.find((p) => p.organisation === "synthetic-001")!;
    added.plans.push({ ...plan, slug: "2025-26", file: "data/plans/synthetic-001/2025-26.yaml" });
    expect(decisions(secondPlan(added))["synthetic-001"]).toEqual(["build", "data/plans/synthetic-001/2025-26.yaml is new"]);

    expect(decisions(secondPlan(project, { tool: "another" }))["synthetic-002"]).toEqual(["build", "the tool changed (its code, templates or dependencies)"]);
    expect(decisions(secondPlan(project, { pdfs: false }))["synthetic-002"]).toEqual(["build", "PDFs are not made this time"]);
  });

  it("builds an organisation whose files are missing from the previous site, naming them", () => {
    const plan = secondPlan(project, {}, new Set(["synthetic-001/2024-25/print.html"]));
    expect(decisions(plan)["synthetic-001"]).toEqual(["build", "a file of the previous site is missing (synthetic-001/2024-25/print.html)"]);
    expect(decisions(plan)["synthetic-002"]![0]).toBe("keep");
  });

  it("with --only, keeps every other organisation as it was and says which are out of date", () => {
    const changed = structuredClone(project);
    for (const m of changed.metrics) if (m.year === 2024) m.data.wdes_9b!.narrative = `New words for ${m.organisation}.`;
    const plan = secondPlan(changed, { only: "synthetic-002/2024-25" });
    expect(plan.only).toBe("synthetic-002");
    expect(decisions(plan)).toEqual({
      "synthetic-001": ["keep", "--only names synthetic-002", "out of date: data/metrics/synthetic-001/2024.yaml changed"],
      "synthetic-002": ["build", "data/metrics/synthetic-002/2024.yaml changed"],
    });
    expect(plan.organisations.map((o) => o.outdated.length > 0)).toEqual([true, false]);
  });

  it("with --only, builds another organisation all the same when the previous site does not have it", () => {
    const plan = planBuild(project, nothingBefore, { ...options, only: "synthetic-002" });
    expect(decisions(plan)["synthetic-001"]).toEqual(["build", "it is not in the previous site", "built although --only names synthetic-002: the previous site does not have it whole"]);
  });

  it("refuses an --only that names nothing, suggesting the nearest", () => {
    expect(() => planBuild(project, nothingBefore, { ...options, only: "synthetic-02/2024-25" })).toThrow(/did you mean "synthetic-002\/2024-25"\?/);
  });
});
