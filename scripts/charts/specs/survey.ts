/**
 * WRES indicators 5-8 / WDES metrics 4-9a: a staff-survey result for each group over the years,
 * one line per group. Groups differ in colour (3:1 apart), point shape and dash, named in the
 * key above the chart; each point carries its value where there is room. A figure not shown has
 * no point.
 */
import type { TopLevelSpec } from "vega-lite";
import { chartName, yearSpan } from "../words.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataColumn, DataTable, Figure, IntervalFigure } from "../types.ts";
import { linePlot, missingFields, missingLabels, placePointLabels, pointLabelLayers, type Side } from "../point-labels.ts";
import { base, firstRow, labelWidth, wrapLabels } from "./common.ts";
import { notAvailable, withheld } from "../../compute/figures.ts";

export interface SurveyInput {
  /** The compute step's sentence for the latest year: the main message. */
  headline: string;
  /** What the chart is about, in a few words for its accessible name: "pressure to come to work when unwell". */
  topic: string;
  /** What is measured: "Staff experiencing harassment, bullying or abuse from staff in the last 12 months". */
  measure: string;
  unit: "%" | "score";
  /** Survey years, oldest first: "2023". */
  years: string[];
  /** The focus group first, then the comparison group if there is one; one figure per year, each with its 95% interval (Wilson score) where it has one. */
  groups: { heading: string; values: Figure[]; intervals?: (IntervalFigure | undefined)[] }[];
  /** Percentages of two groups: per year, the gap (the first group's figure minus the second's, in points), with its 95% interval (Newcombe). */
  gaps?: ({ value: Figure; interval: IntervalFigure } | undefined)[];
}

const STYLES = [
  { colour: colours.focus, shape: "circle", dash: [1, 0] },
  { colour: colours.reference, shape: "square", dash: [6, 3] },
] as const;

const columnHeader = (input: SurveyInput, heading: string) => `${heading} staff (${input.unit === "%" ? "%" : "score out of 10"})`;

function text(input: SurveyInput) {
  return {
    title: input.headline,
    subtitle: `${input.measure}, by survey year${input.unit === "score" ? " (score out of 10)" : ""}`,
    alt: chartName(`Line chart: ${input.topic}, ${input.unit === "score" ? "the score" : "the percentage"} ${input.groups.length > 1 ? "for each group of staff " : ""}${yearSpan(input.years, "survey year")}`),
    // A figure not shown says so in the chart, at the foot of its year.
  };
}

/** The difference of a year without one: not shown if a group's figure is hidden, else not available (no base to work it from). */
const noGap = (figures: Figure[]): Figure =>
  figures.some((f) => f.status === "suppressed") ? withheld("a group's figure is not shown") : notAvailable("the survey gives no base to work it from");

function table(input: SurveyInput): DataTable {
  // A percentage has an interval (a score has none: its spread is not published); so has the gap between two groups.
  const intervals = input.unit === "%";
  const gap = intervals && input.groups.length === 2 ? input.gaps : undefined;
  const columns: DataColumn[] = [
    ...input.groups.map((group) => ({
      header: columnHeader(input, group.heading),
      unit: input.unit,
      ...(intervals ? { intervals: true as const } : {}),
    })),
    ...(gap ? [{ header: "Gap (percentage points)", unit: "points" as const, intervals: true as const }] : []),
  ];
  return {
    caption: input.measure,
    rowHeader: "Survey year",
    columns,
    rows: input.years.map((year, i) => ({
      label: year,
      cells: [...input.groups.map((group) => group.values[i]!), ...(gap ? [gap[i]?.value ?? noGap(input.groups.map((group) => group.values[i]!))] : [])],
      ...(intervals ? { intervals: [...input.groups.map((group) => group.intervals?.[i]), ...(gap ? [gap[i]?.interval] : [])] } : {}),
    })),
  };
}

const HEIGHT = 200;
const ABOVE_FIRST: Side[] = ["above", "below", "right", "left"];
const BELOW_FIRST: Side[] = ["below", "above", "right", "left"];
/** A key entry's symbol and the gap after it. */
const LEGEND_SYMBOL = 15;

function spec(input: SurveyInput): TopLevelSpec {
  const names = input.groups.map((group) => `${group.heading} staff`);
  const shownValues = input.groups.flatMap((group) => group.values.flatMap((v) => (v.value === null ? [] : [v.value])));
  // Headroom above the highest value for its label; a score is out of 10.
  const top = input.unit === "%" ? Math.min(100, Math.max(10, Math.max(0, ...shownValues) * 1.25)) : 10;
  const plot = linePlot(input.years.length, top, HEIGHT, input.unit === "%" ? `${Math.floor(top)}%` : String(Math.floor(top)));
  // The higher value of a year is labelled above its point, the lower below, where there is room.
  const labels = input.groups.flatMap((group, g) =>
    group.values.flatMap((v, column) => {
      if (v.value === null) return [];
      const others = input.groups.map((other) => other.values[column]!.value).filter((o): o is number => o !== null);
      const higher = v.value >= Math.max(...others);
      return [{ g, column, value: v.value, text: v.display, prefer: higher ? ABOVE_FIRST : BELOW_FIRST }];
    }),
  );
  // A year with a figure not shown says which, at the foot of its column ("not shown" if none is shown).
  const missing = missingLabels(
    input.years.map((_, column) => {
      const hidden = input.groups.map((group) => ({ group, figure: group.values[column]! })).filter((h) => h.figure.value === null);
      const alike = hidden.length > 0 && hidden.length === input.groups.length && hidden.every((h) => h.figure.display === hidden[0]!.figure.display);
      return alike ? [hidden[0]!.figure.display] : hidden.map((h) => `${h.group.heading} staff: ${h.figure.display}`);
    }),
    plot,
    labels,
  );
  const placed = placePointLabels(labels, plot, [], missing.map((m) => m.box));
  const placementOf = (g: number, column: number) => placed[labels.findIndex((l) => l.g === g && l.column === column)] ?? undefined;
  const values = input.groups.flatMap((group, g) =>
    group.values.map((v, i) => ({
      year: input.years[i]!,
      group: names[g]!,
      value: v.value,
      text: v.display,
      top,
      ...placementOf(g, i),
      // On the first group's row of the year only: one label a year.
      ...(g === 0 ? missing.filter((m) => m.column === i).map(missingFields)[0] : {}),
    })),
  );
  const styles = STYLES.slice(0, names.length);
  const x = { field: "year", type: "ordinal" as const, title: null, scale: { domain: input.years }, axis: { labelAngle: 0 } };
  const y = {
    field: "value",
    type: "quantitative" as const,
    title: input.unit === "%" ? "Percentage of staff" : "Score (0 to 10)",
    // The top travels in the rows, so every survey chart of a report has the same spec and is compiled once (see render-svg.ts).
    scale: { domain: [0, { expr: firstRow("top", 1) }], nice: false },
    axis: { tickCount: 5, grid: true, ...(input.unit === "%" ? { labelExpr: "datum.label + '%'" } : {}) },
  };
  // The key above the plot: its entries side by side if they fit (each a symbol, a gap and its
  // name, and a gap between entries), else one under another, a long name broken over lines.
  const legendWidth = names.reduce((sum, name) => sum + LEGEND_SYMBOL + labelWidth(name), 0) + 10 * (names.length - 1);
  const wrap = wrapLabels(names, plot.width - LEGEND_SYMBOL);
  const key = {
    orient: "top" as const,
    direction: "horizontal" as const,
    title: null,
    // The key's symbols are the filled points: a dashed outline would only notch them.
    symbolStrokeWidth: 0,
    columns: legendWidth <= plot.width ? names.length : 1,
    ...(wrap === null ? {} : { labelExpr: wrap }),
  };
  const color = { field: "group", type: "nominal" as const, scale: { domain: names, range: styles.map((s) => s.colour) }, legend: key };
  const shape = { field: "group", type: "nominal" as const, scale: { domain: names, range: styles.map((s) => s.shape) }, legend: key };
  const strokeDash = {
    field: "group",
    type: "nominal" as const,
    scale: { domain: names, range: styles.map((s) => [...s.dash]) },
    legend: key,
  };
  return {
    ...base,
    height: HEIGHT,
    data: { values },
    layer: [
      { mark: { type: "line", strokeWidth: 2, invalid: "break-paths-show-domains" }, encoding: { x, y, color, strokeDash } },
      {
        transform: [{ filter: "datum.value !== null" }],
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { x, y, color, shape },
      },
      ...pointLabelLayers(x, y),
    ],
  };
}

const plotted = (input: SurveyInput) => input.groups.flatMap((group) => group.values);

export const surveyChart: ChartType<SurveyInput> = { name: "survey", text, table, spec, plotted };
