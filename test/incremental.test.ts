/**
 * The incremental build is safe: a rebuild gives exactly the bytes a cold build gives, an unchanged
 * report is never recomputed or re-rendered, a changed input re-renders what depends on it, and a
 * change to the tool (templates, code) or the settings renders everything again.
 */
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, loadAndValidate, type BuildSummary } from "../scripts/build.ts";
import { generateEstate, writeEstate } from "../scripts/bench/estate.ts";
import { toolHash } from "../scripts/cache/content-cache.ts";
import { checkSite } from "../scripts/check/check-site.ts";
import { makeProject, repoRoot } from "./project.ts";
import { planModel } from "../scripts/action-plan/plan-model.ts";


async function siteFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f, "utf8")] as const)));
}

async function newEstate(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "estate-"));
  await writeEstate(root, { orgs: 2, years: 2, seed: 7 });
  return root;
}

const quick = (root: string, toolVersion = "test-tool") => build({ root, pdf: false, check: false, toolVersion });

describe("synthetic estate", () => {
  it("is deterministic for a seed and different for another", () => {
    const a = generateEstate({ orgs: 3, years: 2, seed: 1 });
    expect(generateEstate({ orgs: 3, years: 2, seed: 1 })).toEqual(a);
    expect(generateEstate({ orgs: 3, years: 2, seed: 2 })).not.toEqual(a);
    // The settings, the groups file (one region of the 3), 3 organisation files, and per organisation and year a plan, a metric file and a report page.
    expect(a.size).toBe(1 + 1 + 3 + 3 * 2 * 3);
    expect(a.get("data/groups.yaml")).toContain("members:");
  });

  it("passes validation, with about 30 actions a plan", async () => {
    const project = await loadAndValidate(await newEstate());
    expect(project.reports).toHaveLength(4);
    for (const plan of project.plans) {
      const actions = planModel(plan.data).actions.length;
      expect(actions).toBeGreaterThanOrEqual(20);
      expect(actions).toBeLessThanOrEqual(42);
    }
  });
});

describe("incremental build", () => {
  let root: string;
  let cold: BuildSummary;
  let coldFiles: Map<string, string>;
  beforeAll(async () => {
    root = await newEstate();
    cold = await quick(root);
    coldFiles = await siteFiles(cold.outputDir);
  }, 120_000);

  it("renders and computes everything on the first build", () => {
    expect(cold.computed).toEqual(["synthetic-001/2023-24", "synthetic-001/2024-25", "synthetic-002/2023-24", "synthetic-002/2024-25"]);
    expect(cold.rendered).toContain("site");
    expect(cold.rendered).toContain("web:synthetic-002/2023-24");
    expect(cold.rendered).toContain("print:synthetic-002/2023-24");
    expect(cold.rendered).toContain("org:synthetic-001");
  });

  it("re-renders nothing when nothing changed, and the site is byte for byte the same", async () => {
    const again = await quick(root);
    expect(again.computed).toEqual([]);
    expect(again.rendered).toEqual([]);
    expect(await siteFiles(again.outputDir)).toEqual(coldFiles);
  }, 60_000);

  it("after one metric file changes, re-renders only that organisation's changed report; every other file is as before", async () => {
    const file = path.join(root, "data/metrics/synthetic-002/2024.yaml");
    const before = await readFile(file, "utf8");
    await writeFile(file, before.replace(/narrative: .*/, "narrative: The network now meets every week and sets its own agenda."));
    const warm = await quick(root);
    // Only the report whose figures come from that file is recomputed (the 2023 report's come from 2023 and before)...
    expect(warm.computed).toEqual(["synthetic-002/2024-25"]);
    // ...and only it is rendered again: the organisation's other pages are linked as they were.
    expect(warm.rendered).toEqual(["print:synthetic-002/2024-25", "web:synthetic-002/2024-25"]);
    const files = await siteFiles(warm.outputDir);
    expect([...files.keys()].sort()).toEqual([...coldFiles.keys()].sort());
    const changed = [...files].filter(([name, text]) => coldFiles.get(name) !== text).map(([name]) => name);
    expect(changed.sort()).toEqual([".build-manifest.json", "synthetic-002/2024-25/index.html", "synthetic-002/2024-25/print.html"]);
    expect(files.get("synthetic-002/2024-25/index.html")).toContain("The network now meets every week");
    expect(files.get("synthetic-002/2024-25/print.html")).toContain("The network now meets every week");

    // And the rebuilt site is exactly what a cold build of the same files gives, byte for byte.
    const fresh = await mkdtemp(path.join(tmpdir(), "estate-cold-"));
    await cp(path.join(root, "data"), path.join(fresh, "data"), { recursive: true });
    await cp(path.join(root, "content"), path.join(fresh, "content"), { recursive: true });
    const coldAgain = await siteFiles((await quick(fresh)).outputDir);
    expect([...coldAgain.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of coldAgain) expect(files.get(name), name).toBe(text);
  }, 120_000);

  it("renders and computes everything again when the tool changes", async () => {
    const changed = await quick(root, "another-tool-version");
    expect(changed.computed).toHaveLength(4);
    expect(changed.rendered).toHaveLength(cold.rendered.length);
  }, 60_000);

  it("recomputes every report when the settings change", async () => {
    const settings = path.join(root, "data/settings.yaml");
    await writeFile(settings, `${await readFile(settings, "utf8")}suppression:\n  threshold: 12\n`);
    const changed = await quick(root, "another-tool-version");
    expect(changed.computed).toHaveLength(4);
  }, 60_000);
});

describe("build --only", () => {
  it("rebuilds the organisation named and keeps every other organisation's files as they were, saying which are out of date", async () => {
    const root = await newEstate();
    const cold = await quick(root);
    const before = await siteFiles(cold.outputDir);
    for (const org of ["synthetic-001", "synthetic-002"]) {
      const file = path.join(root, `data/metrics/${org}/2024.yaml`);
      await writeFile(file, (await readFile(file, "utf8")).replace(/narrative: .*/, `narrative: New words for ${org}.`));
    }

    const lines: string[] = [];
    const only = await build({ root, pdf: false, check: false, toolVersion: "test-tool", only: "synthetic-002/2024-25", log: (line) => lines.push(line) });
    expect(only.computed).toEqual(["synthetic-002/2024-25"]);
    expect(only.outdated).toEqual(["synthetic-001"]);
    // Says what changed (a file, not the tool): the line once said "their files have changed" whatever had.
    expect(lines).toContainEqual(expect.stringMatching(/^Kept 1 organisation as in the previous site, although out of date \(.*2024\.yaml.*\): synthetic-001\. Build without --only to bring it up to date\.$/));
    const files = await siteFiles(only.outputDir);
    expect(files.get("synthetic-002/2024-25/index.html")).toContain("New words for synthetic-002.");
    for (const [name, text] of before) if (name.startsWith("synthetic-001/")) expect(files.get(name), name).toBe(text);

    // A full build then brings the other organisation up to date.
    const full = await quick(root);
    expect(full.outdated).toEqual([]);
    expect(full.computed).toEqual(["synthetic-001/2024-25"]);
    expect((await siteFiles(full.outputDir)).get("synthetic-001/2024-25/index.html")).toContain("New words for synthetic-001.");
  }, 120_000);

  it("with --no-pdf after a build with PDFs, keeps the other organisations' PDFs: no link breaks", async () => {
    // Two small organisations, Acme and its copy Beta, built with PDFs.
    const root = await makeProject({});
    await cp(path.join(repoRoot, "test/fixtures/bad/_base"), root, { recursive: true });
    for (const [from, to] of [
      ["data/plans/acme/2023-24.yaml", "data/plans/beta/2023-24.yaml"],
      ["data/metrics/acme/2024.yaml", "data/metrics/beta/2024.yaml"],
      ["content/reports/acme/2023-24.md", "content/reports/beta/2023-24.md"],
    ])
      await cp(path.join(root, from!), path.join(root, to!));
    await writeFile(path.join(root, "data/organisations/beta.yaml"), "name: Beta NHS Trust\ntype: trust\n");
    await build({ root, check: false, quiet: true, toolVersion: "test-tool" });
    for (const org of ["acme", "beta"]) await writeFile(path.join(root, `content/reports/${org}/2023-24.md`), "---\nsummary: A plan.\nmetrics_year: 2024\n---\nHello again.\n");

    const preview = await build({ root, pdf: false, check: false, toolVersion: "test-tool", only: "acme" });
    expect(preview.outdated).toEqual(["beta"]);
    const files = await siteFiles(preview.outputDir);
    expect(files.has("beta/2023-24/beta-2023-24.pdf")).toBe(true);
    expect(files.has("acme/2023-24/acme-2023-24.pdf")).toBe(false);
    expect(files.get("acme/2023-24/index.html")).not.toContain("acme-2023-24.pdf");
    // Every link of the site resolves (the checks that need no browser).
    expect((await checkSite({ siteDir: preview.outputDir })).findings).toEqual([]);
  }, 120_000);

  it("refuses a name that is no organisation or report, suggesting the nearest", async () => {
    const root = await newEstate();
    await expect(build({ root, pdf: false, check: false, toolVersion: "test-tool", only: "synthetic-02/2024-25" })).rejects.toMatchObject({
      problem: { code: "only-unknown", message: expect.stringContaining('did you mean "synthetic-002/2024-25"?') as unknown },
    });
  });
});

describe("toolHash", () => {
  it("changes when a template changes", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), "tool-"));
    for (const part of ["scripts", "templates", "content", ".eleventy.js", "package-lock.json"]) {
      await cp(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
    }
    const before = await toolHash(copy);
    expect(await toolHash(copy)).toBe(before);
    const template = path.join(copy, "templates/components/status-tag/template.njk");
    await writeFile(template, `${await readFile(template, "utf8")}\n`);
    expect(await toolHash(copy)).not.toBe(before);
  });
});
