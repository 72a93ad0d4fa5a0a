/**
 * WRES indicators 2-4 / WDES metrics 2-3: a relative likelihood each year, as a line with
 * labelled points, over a shaded band (default 0.80 to 1.25) and a dashed line at 1.00 (parity).
 * A year whose figure is not shown has no point and breaks the line.
 */
import type { TopLevelSpec } from "vega-lite";
import { chartName, yearSpan } from "../words.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataTable, Figure, IntervalFigure } from "../types.ts";
import { linePlot, missingFields, missingLabels, placePointLabels, pointLabelLayers, type Side } from "../point-labels.ts";
import { LINE_HEIGHT, REFERENCE } from "../constants.ts";
import { base, firstRow } from "./common.ts";
import { parityBandName } from "../../compute/sentences.ts";
import { interval } from "../../format/numbers.ts";

export interface LikelihoodInput {
  /** The compute step's sentence for the latest year: the main message. */
  headline: string;
  /** What the chart is about, in a few words for its accessible name: "appointed from shortlisting". */
  topic: string;
  /** What is measured, in words: "Relative likelihood of White applicants compared with BME applicants being appointed from shortlisting". */
  measure: string;
  /** "two-year rolling average" when every year is one (a single-year point says so in its label). */
  basis?: string;
  band: { lower: number; upper: number };
  /** Oldest first; each with its 95% confidence interval (Katz log) where it has one. */
  years: { label: string; value: Figure; interval?: IntervalFigure }[];
}


function text(input: LikelihoodInput) {
  return {
    title: input.headline,
    subtitle: `${input.measure}, each year${input.basis ? ` (${input.basis})` : ""}; 1.00 means equally likely`,
    alt: chartName(`Line chart: ${input.topic}, the relative likelihood ${yearSpan(input.years.map((y) => y.label))}, against ${parityBandName(input.band)}`),
    // A year not shown says so in the chart, where its point would be.
  };
}

function table(input: LikelihoodInput): DataTable {
  return {
    caption: input.measure,
    rowHeader: "Year",
    columns: [{ header: "Relative likelihood", unit: "times", intervals: true }],
    rows: input.years.map((y) => ({ label: y.label, cells: [y.value], intervals: [y.interval] })),
  };
}

const HEIGHT = 200;

function spec(input: LikelihoodInput): TopLevelSpec {
  const { lower, upper } = input.band;
  const shownValues = input.years.flatMap((y) => (y.value.value === null ? [] : [y.value.value]));
  // Room above the band and above the highest value for its label.
  const top = Math.max(upper + 0.25, Math.max(0, ...shownValues) * 1.2);
  const plot = linePlot(input.years.length, top, HEIGHT, top.toFixed(1));
  // Each label above its point unless that puts it on the band's edges or the parity line.
  const labels = input.years.flatMap((y, column) =>
    y.value.value === null ? [] : [{ column, value: y.value.value, text: y.value.display, prefer: ["above", "below", "right", "left"] as Side[] }],
  );
  const missing = missingLabels(input.years.map((y) => (y.value.value === null ? [y.value.display] : [])), plot, labels, [lower, 1, upper]);
  const placed = placePointLabels(labels, plot, [lower, 1, upper], missing.map((m) => m.box));
  const values = input.years.map((y, column) => ({
    year: y.label,
    rl: y.value.value,
    text: y.value.display,
    top,
    ...(placed[labels.findIndex((l) => l.column === column)] ?? undefined),
    ...missing.filter((m) => m.column === column).map(missingFields)[0],
  }));
  // The top travels in the rows, so the likelihood charts of a report share one spec and are compiled once (see render-svg.ts).
  const yScale = { domain: [0, { expr: firstRow("top", 1) }], nice: false };
  const x = { field: "year", type: "ordinal" as const, title: null, scale: { domain: values.map((v) => v.year) }, axis: { labelAngle: 0 } };
  const y = {
    field: "rl",
    type: "quantitative" as const,
    title: "Relative likelihood",
    scale: yScale,
    axis: { tickCount: 5, format: ".1f", grid: true },
  };
  const reference = (name: string) => ({ name: `${REFERENCE}_${name}`, data: { values: [{}] } });
  // The band's edges and the parity line in the reference grey: 3:1 against white and against the band.
  const line = (name: string, at: number, dash: number[]) => ({
    ...reference(name),
    mark: { type: "rule" as const, color: colours.reference, strokeWidth: dash.length ? 2 : 1, ...(dash.length ? { strokeDash: dash } : {}) },
    encoding: { y: { datum: at, type: "quantitative" as const, scale: yScale } },
  });
  return {
    ...base,
    height: HEIGHT,
    data: { values },
    layer: [
      {
        ...reference("band"),
        mark: { type: "rect", color: colours.band },
        encoding: { y: { datum: lower, type: "quantitative", scale: yScale }, y2: { datum: upper } },
      },
      line("lower", lower, []),
      line("upper", upper, []),
      line("parity", 1, [6, 3]),
      {
        data: { values: [{}] },
        mark: { type: "text", align: "left", baseline: "bottom", lineHeight: LINE_HEIGHT, dy: -6 - LINE_HEIGHT },
        encoding: {
          x: { value: 0 },
          y: { value: 0 },
          text: { value: [`Shaded: ${interval(lower, upper, "times")}`, "Dashed line: 1.00, equally likely"] },
        },
      },
      {
        mark: { type: "line", color: colours.focus, strokeWidth: 2, invalid: "break-paths-show-domains" },
        encoding: { x, y },
      },
      {
        transform: [{ filter: "datum.rl !== null" }],
        mark: { type: "point", filled: true, size: 70, color: colours.focus, opacity: 1 },
        encoding: { x, y },
      },
      ...pointLabelLayers(x, y),
    ],
  };
}

const plotted = (input: LikelihoodInput) => input.years.map((year) => year.value);

export const likelihoodChart: ChartType<LikelihoodInput> = { name: "relative-likelihood", text, table, spec, plotted };
