/**
 * Computed indicators -> finished charts: picks the chart type for each indicator and maps
 * its (already suppressed) figures onto that chart's input. Only figures reach a chart; raw
 * counts are never read here (WRES 1 / WDES 1's counts and headcounts, for the CSV, are figures
 * that the compute step has already suppressed).
 */
import type { GroupFigure, GroupLabel, IndicatorResult, ReportIndicators, RepresentationRow, RepresentationTable } from "../compute/types.ts";
import { longDate } from "../dates.ts";
import { buildChart } from "./build-chart.ts";
import { boardChart } from "./specs/board.ts";
import { likelihoodChart } from "./specs/relative-likelihood.ts";
import { representationChart, type CountRow } from "./specs/representation.ts";
import { surveyChart } from "./specs/survey.ts";
import type { Chart, Figure } from "./types.ts";

export interface ChartOptions {
  /** Where the page links to a chart's CSV, given its file name; defaults to the file name itself. */
  csvHref?: (csvFileName: string) => string;
}

const NOT_AVAILABLE: Figure = { value: null, display: "not available", status: "not available" };

const shareOf = (row: RepresentationRow, group: string): Figure =>
  row.cells.find((cell) => cell.group === group)?.share ?? NOT_AVAILABLE;

/** A row of a WRES 1 / WDES 1 table as the CSV gives it, as the page's table does: its headcount and each column's group's count and share (already suppressed). */
const countRow = (row: RepresentationRow, columns: readonly GroupLabel[]): CountRow => ({
  label: row.label,
  headcount: row.headcount,
  cells: columns.map((column) => row.cells.find((cell) => cell.group === column.key) ?? { count: NOT_AVAILABLE, share: NOT_AVAILABLE }),
});

/**
 * The national title if it is short enough for a subtitle, else the short title: for a part of a
 * metric (WDES 4a-ii), the part's one short name, as on its card's heading.
 */
const measureOf = (result: IndicatorResult) => (result.title.length <= 160 ? result.title : result.shortTitle);

const groupValue = (groups: GroupFigure[], role: GroupFigure["role"]) => groups.find((g) => g.role === role)?.value;

/** Every chart for a report's indicators, in the report's order (WRES, then WDES). */
export async function buildCharts(indicators: ReportIndicators, options: ChartOptions = {}): Promise<Chart[]> {
  const date = longDate(indicators.snapshotDate);
  const place = (id: string) => ({
    id,
    ...(options.csvHref ? { csvHref: options.csvHref(`${id}.csv`) } : {}),
  });

  const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  const chartsFor = (result: IndicatorResult): Promise<Chart>[] => {
    switch (result.measure) {
      case "representation": {
        const detail = result.representation;
        if (!detail) return [];
        const overall = shareOf(detail.overall, result.focus.key);
        return detail.tables.map((table: RepresentationTable) =>
          buildChart(
            representationChart,
            {
              group: result.focus.inSentence,
              groupHeading: result.focus.label,
              staffGroup: `${table.staffGroup} staff`,
              category: table.staffGroup === "medical and dental" ? "subgroup" : result.standard === "WDES" || table.clusters ? "AfC cluster" : "AfC band",
              date,
              overall,
              rows: (table.clusters ?? table.rows).map((row) => ({ label: row.label, share: shareOf(row, result.focus.key) })),
              ...(table.clusters
                ? {
                    grouped: {
                      hidden: table.rows.filter((row) => shareOf(row, result.focus.key).status === "suppressed").length,
                      bands: table.rows.length,
                      table: `the table of ${lowerFirst(table.caption)}`,
                    },
                  }
                : {}),
              counts: {
                groups: table.columns.map((column) => column.label),
                rows: [...(table.clusters ?? []), ...table.rows, table.total].map((row) => countRow(row, table.columns)),
                overall: countRow(detail.overall, table.columns),
              },
            },
            place(`${result.slug}-${table.staffGroup.replace(/\W+/g, "-")}`),
          ),
        );
      }
      case "relative-likelihood":
        return [
          buildChart(
            likelihoodChart,
            {
              headline: result.sentence,
              topic: lowerFirst(result.shortTitle),
              measure: measureOf(result),
              ...(result.trend.every((y) => y.basis === "two-year rolling average") ? { basis: "two-year rolling average" } : {}),
              band: indicators.parityBand,
              years: result.trend.map((y) => ({
                label: y.basis === "single year" ? `${y.year} (single year)` : String(y.year),
                value: y.value,
                ...(y.interval ? { interval: y.interval } : {}),
              })),
            },
            place(result.slug),
          ),
        ];
      case "survey": {
        if (result.unit !== "%" && result.unit !== "score") return [];
        const roles = (["focus", "reference"] as const).filter((role) => result.trend.some((y) => groupValue(y.groups, role)));
        // No group has a figure, shown or not: there is nothing to chart, and the card gives the sentence.
        if (roles.length === 0) return [];
        const headings = { focus: result.focus.label, reference: result.reference.label };
        return [
          buildChart(
            surveyChart,
            {
              headline: result.sentence,
              topic: lowerFirst(result.shortTitle),
              measure: measureOf(result),
              unit: result.unit,
              // Survey figures are labelled by the survey they come from (the autumn before the data year).
              years: result.trend.map((y) => String(y.surveyYear ?? y.year)),
              groups: roles.map((role) => ({
                heading: headings[role],
                values: result.trend.map((y) => groupValue(y.groups, role) ?? NOT_AVAILABLE),
                intervals: result.trend.map((y) => y.groups.find((g) => g.role === role)?.interval),
              })),
              ...(roles.length === 2 ? { gaps: result.trend.map((y) => y.gap) } : {}),
            },
            place(result.slug),
          ),
        ];
      }
      case "board": {
        const detail = result.board;
        if (!detail) return [];
        return [
          buildChart(
            boardChart,
            {
              headline: result.sentence,
              group: result.focus.inSentence,
              groupHeading: result.focus.label,
              date,
              workforce: detail.workforceShare,
              rows: detail.rows.map((row) => ({ label: row.label, members: row.members, focusMembers: row.focusMembers, share: row.share, difference: row.difference })),
            },
            place(result.slug),
          ),
        ];
      }
    }
  };

  return Promise.all([...indicators.wres, ...indicators.wdes].flatMap(chartsFor));
}
