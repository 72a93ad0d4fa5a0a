/**
 * Compute and chart the reports the plan names, through a content-addressed cache: a report's
 * indicators and chart SVGs are stored under the hash of exactly what they are made from (its
 * organisation's metric files for its year and the years before, the metrics year, the
 * organisation's file, the settings, the reference data and the tool's version: computeKey in
 * scripts/plan/inputs.ts), so an unchanged report is neither recomputed nor re-charted, and any
 * change to one of those inputs makes it again. Many reports to make are shared out over worker
 * threads.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { ComputeInput } from "../compute/indicators.ts";
import type { ReportIndicators } from "../compute/types.ts";
import type { Chart } from "../charts/types.ts";
import type { ReportKey } from "../validate/validate-project.ts";
import computeReport, { type ComputedReport } from "./compute-report.ts";
import type { JsonCache } from "./content-cache.ts";

export interface ComputedReports {
  indicators: Map<ReportKey, ReportIndicators>;
  charts: Map<ReportKey, Chart[]>;
  /** The reports whose indicators and charts were made in this run, not taken from the cache. */
  computed: ReportKey[];
}

/** One report to compute, or to take from the cache, as the plan says (scripts/plan/plan-build.ts). */
export interface ComputeJob {
  key: ReportKey;
  /** Under this key in the cache (scripts/plan/inputs.ts, computeKey). */
  cacheKey: string;
  /** Taken from the cache; made all the same should the cache have lost it since the plan was made. */
  reuse: boolean;
  input: ComputeInput;
}

export interface ComputeOptions {
  cache?: JsonCache;
  /**
   * Worker threads for the reports to make; 0 makes them in this thread. Default: one a CPU when
   * there are at least POOL_MIN reports to make, else 0.
   */
  threads?: number;
}

/** Fewer reports than this are made in the build's own thread: starting a worker (about a second, loading Vega) would cost more than it saves. */
const POOL_MIN = 40;

/** A pool of worker threads, each running compute-report.ts (through compute-worker.mjs). */
function workerPool(threads: number): Piscina<ComputeInput, ComputedReport> {
  return new Piscina({ filename: new URL("./compute-worker.mjs", import.meta.url).href, execArgv: [], minThreads: threads, maxThreads: threads });
}

/** Every job's indicators and charts, from the cache or made afresh (no cache: all made afresh). */
export async function computeReports(jobs: readonly ComputeJob[], options: ComputeOptions): Promise<ComputedReports> {
  // In the order of the jobs; filled from the cache first, then by computing the rest.
  const entries = new Map<ReportKey, ComputedReport | undefined>();
  const missing: ComputeJob[] = [];
  for (const job of jobs) {
    const entry = job.reuse ? await options.cache?.get<ComputedReport>(job.cacheKey) : undefined;
    entries.set(job.key, entry);
    if (!entry) missing.push(job);
  }

  const threads = options.threads ?? (missing.length >= POOL_MIN ? availableParallelism() : 0);
  const pool = threads > 0 ? workerPool(threads) : undefined;
  try {
    await Promise.all(
      missing.map(async ({ key, cacheKey, input }) => {
        const entry = await (pool ? pool.run(input) : computeReport(input));
        await options.cache?.put(cacheKey, entry);
        entries.set(key, entry);
      }),
    );
  } finally {
    await pool?.destroy();
  }

  const result: ComputedReports = { indicators: new Map(), charts: new Map(), computed: missing.map((m) => m.key) };
  for (const [key, entry] of entries) {
    result.indicators.set(key, entry!.indicators);
    result.charts.set(key, entry!.charts);
  }
  return result;
}
