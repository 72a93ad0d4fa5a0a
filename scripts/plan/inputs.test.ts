/**
 * The compute key, asserted directly: made from the project's hashes (each part hashed once), it
 * must still change with every input of a year's figures (computeInput) and with nothing else.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../build.ts";
import { writeEstate } from "../bench/estate.ts";
import type { Project } from "../validate/validate-project.ts";
import { computeKey, projectHashes } from "./inputs.ts";

let project: Project;
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "estate-"));
  await writeEstate(root, { orgs: 2, years: 2, seed: 5 });
  project = await loadAndValidate(root);
});

/** The compute key of synthetic-001's 2023 figures, in `p` and with `tool`. */
const key2023 = (p: Project, tool = "test") => computeKey(projectHashes(p), "synthetic-001", 2023, tool);

/** A copy of the project with `change` made to it. */
function changed(change: (p: Project) => void): Project {
  const copy = structuredClone(project);
  change(copy);
  return copy;
}

describe("computeKey", () => {
  it("is the same for the same project, and differs between organisations and years", () => {
    const hashes = projectHashes(project);
    expect(key2023(structuredClone(project))).toBe(key2023(project));
    expect(new Set([computeKey(hashes, "synthetic-001", 2023, "test"), computeKey(hashes, "synthetic-001", 2024, "test"), computeKey(hashes, "synthetic-002", 2023, "test")]).size).toBe(3);
  });

  it("changes with each thing a year's figures are made from: the tool, the settings, the reference data, the organisation's file, its metric file for the year", () => {
    const before = key2023(project);
    expect(key2023(project, "another")).not.toBe(before);
    expect(key2023(changed((p) => (p.settings.suppression.threshold += 1)))).not.toBe(before);
    expect(key2023(changed((p) => (p.reference.wres.indicators[0]!.short_title = "Changed")))).not.toBe(before);
    expect(key2023(changed((p) => (p.organisations.find((o) => o.slug === "synthetic-001")!.data.name = "Changed")))).not.toBe(before);
    expect(key2023(changed((p) => (p.metrics.find((m) => m.file === "data/metrics/synthetic-001/2023.yaml")!.data.wdes_9b!.narrative = "Changed.")))).not.toBe(before);
  });

  it("changes with an earlier year's metric file (the trends), not with a later year's or another organisation's", () => {
    const before = key2023(project);
    const earlier = changed((p) => {
      const m = p.metrics.find((m) => m.file === "data/metrics/synthetic-001/2023.yaml")!;
      p.metrics.push({ ...structuredClone(m), year: 2022, file: "data/metrics/synthetic-001/2022.yaml" });
    });
    expect(key2023(earlier)).not.toBe(before);
    expect(key2023(changed((p) => (p.metrics.find((m) => m.file === "data/metrics/synthetic-001/2024.yaml")!.data.wdes_9b!.narrative = "Changed.")))).toBe(before);
    expect(key2023(changed((p) => (p.metrics.find((m) => m.file === "data/metrics/synthetic-002/2023.yaml")!.data.wdes_9b!.narrative = "Changed.")))).toBe(before);
  });
});
