import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../build.ts";
import { writeEstate } from "../bench/estate.ts";
import type { Project } from "../validate/validate-project.ts";
import { organisationKeys } from "./input-keys.ts";

let project: Project;
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "estate-"));
  await writeEstate(root, { orgs: 2, years: 2, seed: 5 });
  project = await loadAndValidate(root);
});

const options = { tool: "test", asOf: "2025-01-15", withPdfs: true, env: {} };
const keys = (p: Project, o = options) => Object.fromEntries(organisationKeys(p, o));

describe("organisationKeys", () => {
  it("gives each organisation its own key, the same every time", () => {
    const first = keys(project);
    expect(Object.keys(first)).toEqual(["synthetic-001", "synthetic-002"]);
    expect(first["synthetic-001"]).not.toBe(first["synthetic-002"]);
    expect(keys(project)).toEqual(first);
  });

  it("changes only the key of the organisation whose plan changed", () => {
    const changed = structuredClone(project);
    const plan = changed.plans.find((p) => p.organisation === "synthetic-002")!;
    plan.data.themes[0]!.actions[0]!.leads = ["Someone else"];
    const before = keys(project);
    const after = keys(changed);
    expect(after["synthetic-001"]).toBe(before["synthetic-001"]);
    expect(after["synthetic-002"]).not.toBe(before["synthetic-002"]);
  });

  it("changes with the build date only where an action becomes overdue", () => {
    const dueDates = project.plans.flatMap((p) => p.data.themes.flatMap((t) => t.actions.flatMap((a) => (a.due && a.status !== "complete" ? [a.due] : []))));
    const latest = dueDates.sort().at(-1)!;
    // Long after every due date, one more day makes nothing newly overdue; before the last due date, it does.
    expect(keys(project, { ...options, asOf: "2099-01-01" })).toEqual(keys(project, { ...options, asOf: "2099-01-02" }));
    expect(keys(project, { ...options, asOf: latest })).not.toEqual(keys(project, { ...options, asOf: "2099-01-01" }));
  });

  it("changes every key when PDFs are switched on or off (the web pages link them) or the tool changes", () => {
    const base = keys(project);
    for (const other of [keys(project, { ...options, withPdfs: false }), keys(project, { ...options, tool: "other" })])
      for (const slug of Object.keys(base)) expect(other[slug]).not.toBe(base[slug]);
  });
});
