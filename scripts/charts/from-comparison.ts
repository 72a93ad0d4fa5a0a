/**
 * A group comparison (scripts/compute/comparison.ts) -> a funnel plot per compared indicator, with
 * its table and CSV. An indicator with too few published figures for a funnel still gets its
 * table and CSV: every member's figure, and why there is no plot.
 */
import type { GroupComparison } from "../compute/comparison.ts";
import { buildChart } from "./build-chart.ts";
import { toCsv, toTableModel } from "./chart-data.ts";
import { funnelChart } from "./specs/funnel.ts";
import type { Chart, TableModel } from "./types.ts";

export interface ComparisonFigure {
  /** The indicator's slug: "wres-2". */
  slug: string;
  /** The funnel plot; undefined when too few organisations have a published figure. */
  chart: Chart | undefined;
  table: TableModel;
  csv: string;
  csvFileName: string;
}

/** `context` names the group and year for subtitles and captions: "the 28 organisations of North East and Yorkshire, 2024". */
export async function buildComparisonFigures(comparison: GroupComparison, context: string): Promise<ComparisonFigure[]> {
  return Promise.all(
    comparison.indicators.map(async (c): Promise<ComparisonFigure> => {
      const input = { comparison: c, context };
      if (c.funnel.length > 0) {
        const chart = await buildChart(funnelChart, input, { id: c.slug });
        return { slug: c.slug, chart, table: chart.table, csv: chart.csv, csvFileName: chart.csvFileName };
      }
      const table = funnelChart.table(input);
      return { slug: c.slug, chart: undefined, table: toTableModel(table), csv: toCsv(table), csvFileName: `${c.slug}.csv` };
    }),
  );
}
