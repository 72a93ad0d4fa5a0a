/**
 * Steps 3 and 4 (compute, charts) for every report, through a content-addressed cache: a report's
 * indicators and chart SVGs are stored under the hash of exactly what they are made from (its
 * organisation's metric files for its year and the years before, the metrics year, the
 * organisation's file, the settings, the reference data and the tool's version), so an unchanged
 * report is neither recomputed nor re-charted, and any change to one of those inputs makes it again.
 * Many reports to make are shared out over worker threads.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Project, ReportEntry } from "../validate/validate-project.ts";
import type { ComputeInput } from "../compute/indicators.ts";
import type { ReportIndicators } from "../compute/types.ts";
import type { Chart } from "../charts/types.ts";
import computeReport, { type ComputedReport } from "./compute-report.ts";
import { hashOf, type JsonCache } from "./content-cache.ts";

export interface ComputedReports {
  indicators: Map<string, ReportIndicators>;
  charts: Map<string, Chart[]>;
  /** Report keys ("<org>/<period>") whose indicators and charts were made in this run, not taken from the cache. */
  computed: string[];
}

export interface ComputeOptions {
  /** The tool's version, part of every key. */
  tool: string;
  cache?: JsonCache;
  /**
   * Worker threads for the reports not in the cache; 0 makes them in this thread. Default: one a
   * CPU when there are at least POOL_MIN reports to make, else 0.
   */
  threads?: number;
  /** Make the reports of these organisations (by slug) only; default: all. */
  only?: ReadonlySet<string>;
}

/** Fewer reports than this are made in the build's own thread: starting a worker (about a second, loading Vega) would cost more than it saves. */
const POOL_MIN = 40;

/** What one report's indicators and charts are made from: its organisation's file, and its metric files for its year and the years before (the trends). */
function computeInput(project: Project, report: ReportEntry, year: number): ComputeInput {
  const organisation = project.organisations.find((o) => o.slug === report.organisation)!;
  const metrics = project.metrics.filter((m) => m.organisation === report.organisation && m.year <= year).sort((a, b) => a.year - b.year);
  return { metricsByYear: new Map(metrics.map((m) => [m.year, m.data])), year, settings: project.settings, organisation: organisation.data, reference: project.reference };
}

/** The cache key of one report's indicators and charts: a hash of all its input and the tool's version. */
function computeKey(input: ComputeInput, tool: string): string {
  return hashOf(
    "compute",
    tool,
    String(input.year),
    JSON.stringify(input.settings),
    JSON.stringify(input.reference),
    JSON.stringify(input.organisation),
    JSON.stringify([...input.metricsByYear]),
  );
}

/** A pool of worker threads, each running compute-report.ts (through compute-worker.mjs). */
function workerPool(threads: number): Piscina<ComputeInput, ComputedReport> {
  return new Piscina({ filename: new URL("./compute-worker.mjs", import.meta.url).href, execArgv: [], minThreads: threads, maxThreads: threads });
}

/** Every report's indicators and charts, from the cache where the inputs are unchanged (no cache: all made afresh). */
export async function computeReports(project: Project, options: ComputeOptions): Promise<ComputedReports> {
  // In the order of the reports; filled from the cache first, then by computing the rest.
  const entries = new Map<string, ComputedReport | undefined>();
  const missing: { key: string; cacheKey: string; input: ComputeInput }[] = [];
  for (const report of project.reports) {
    const year = report.data.metrics_year;
    if (year === undefined || options.only?.has(report.organisation) === false) continue;
    const key = `${report.organisation}/${report.slug}`;
    const input = computeInput(project, report, year);
    const cacheKey = computeKey(input, options.tool);
    const entry = await options.cache?.get<ComputedReport>(cacheKey);
    entries.set(key, entry);
    if (!entry) missing.push({ key, cacheKey, input });
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
