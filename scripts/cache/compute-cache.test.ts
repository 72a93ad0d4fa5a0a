import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeJobs, loadAndValidate } from "../build.ts";
import { firstBuildPlan } from "../../test/project.ts";
import { writeEstate } from "../bench/estate.ts";
import { computeReports } from "./compute-cache.ts";
import { JsonCache } from "./content-cache.ts";

describe("computeReports", () => {
  it("gives the same indicators and charts from a pool of worker threads as in this thread, and caches them", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "estate-"));
    await writeEstate(root, { orgs: 2, years: 3, seed: 3 });
    const project = await loadAndValidate(root);
    const jobs = computeJobs(project, firstBuildPlan(project));
    const inline = await computeReports(jobs, { threads: 0 });
    const cache = new JsonCache(path.join(root, ".cache"));
    const pooled = await computeReports(jobs, { threads: 2, cache });
    expect(pooled.computed).toEqual(inline.computed);
    expect(inline.computed).toHaveLength(6);
    expect([...pooled.charts.keys()]).toEqual([...inline.charts.keys()]);
    expect(pooled.indicators).toEqual(inline.indicators);
    expect(pooled.charts).toEqual(inline.charts);
    // The next plan takes every report from the cache, and so does the run.
    const plan = firstBuildPlan(project, await cache.keys());
    expect(plan.organisations.flatMap((o) => o.reports.map((r) => r.compute?.action))).toEqual(Array(6).fill("reuse"));
    const again = await computeReports(computeJobs(project, plan), { threads: 2, cache });
    expect(again.computed).toEqual([]);
    expect(again.charts).toEqual(inline.charts);
  }, 60_000);
});
