/**
 * Steps 3 and 4 (compute, charts) for every report, through a content-addressed cache: a report's
 * indicators and chart SVGs are stored under the hash of exactly what they are made from (its
 * organisation's metric files, the metrics year, the organisation's file, the settings, the
 * reference data and the tool's version), so an unchanged report is neither recomputed nor
 * re-charted, and any change to one of those inputs makes it again.
 */
import type { Project, ReportEntry } from "../validate/validate-project.ts";
import { computeReportIndicators } from "../compute/indicators.ts";
import type { ReportIndicators } from "../compute/types.ts";
import { buildCharts } from "../charts/from-indicators.ts";
import type { Chart } from "../charts/types.ts";
import { hashOf, type JsonCache } from "./content-cache.ts";

export interface ComputedReports {
  indicators: Map<string, ReportIndicators>;
  charts: Map<string, Chart[]>;
  /** Report keys ("<org>/<period>") whose indicators and charts were made in this run, not taken from the cache. */
  computed: string[];
}

interface Entry {
  indicators: ReportIndicators;
  charts: Chart[];
}

/** The cache key of one report's indicators and charts. */
export function computeKey(project: Project, report: ReportEntry, year: number, tool: string): string {
  const organisation = project.organisations.find((o) => o.slug === report.organisation)!;
  const metrics = project.metrics.filter((m) => m.organisation === report.organisation).sort((a, b) => a.year - b.year);
  return hashOf(
    "compute",
    tool,
    String(year),
    JSON.stringify(project.settings),
    JSON.stringify(project.reference),
    JSON.stringify(organisation.data),
    JSON.stringify(metrics.map((m) => [m.year, m.data])),
  );
}

function compute(project: Project, report: ReportEntry, year: number): ReportIndicators {
  const organisation = project.organisations.find((o) => o.slug === report.organisation)!;
  const metricsByYear = new Map(project.metrics.filter((m) => m.organisation === report.organisation).map((m) => [m.year, m.data]));
  return computeReportIndicators({ metricsByYear, year, settings: project.settings, organisation: organisation.data, reference: project.reference });
}

/** Every report's indicators and charts, from the cache where the inputs are unchanged (no cache: all made afresh). */
export async function computeReports(project: Project, options: { tool: string; cache?: JsonCache }): Promise<ComputedReports> {
  const result: ComputedReports = { indicators: new Map(), charts: new Map(), computed: [] };
  for (const report of project.reports) {
    const year = report.data.metrics_year;
    if (year === undefined) continue;
    const key = `${report.organisation}/${report.slug}`;
    const cacheKey = computeKey(project, report, year, options.tool);
    let entry = await options.cache?.get<Entry>(cacheKey);
    if (!entry) {
      const indicators = compute(project, report, year);
      entry = { indicators, charts: await buildCharts(indicators) };
      await options.cache?.put(cacheKey, entry);
      result.computed.push(key);
    }
    result.indicators.set(key, entry.indicators);
    result.charts.set(key, entry.charts);
  }
  return result;
}
