/**
 * Steps 3 and 4 for one report: its indicators from the raw counts, then its charts. The build
 * calls this in its own thread for a few reports, and through a pool of worker threads
 * (compute-cache.ts) for many: this module is the pool's worker, so it takes and returns plain
 * data only.
 */
import { computeReportIndicators, type ComputeInput } from "../compute/indicators.ts";
import type { ReportIndicators } from "../compute/types.ts";
import { buildCharts } from "../charts/from-indicators.ts";
import type { Chart } from "../charts/types.ts";

export interface ComputedReport {
  indicators: ReportIndicators;
  charts: Chart[];
}

export default async function computeReport(input: ComputeInput): Promise<ComputedReport> {
  const indicators = computeReportIndicators(input);
  return { indicators, charts: await buildCharts(indicators) };
}
