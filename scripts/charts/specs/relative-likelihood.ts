/**
 * WRES indicators 2-4 / WDES metrics 2-3: a relative likelihood each year, as a line with
 * labelled points, over a shaded band (default 0.80 to 1.25) and a dashed line at 1.00 (parity).
 * A year whose figure is not shown has no point and breaks the line.
 */
import type { TopLevelSpec } from "vega-lite";
import { labelText, notShownNote, chartName, yearSpan } from "../format.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataTable, Figure } from "../types.ts";
import { base, TEXT_SIZE } from "./common.ts";
import { parityBandName } from "../../compute/sentences.ts";
import { ROWS_DATA } from "../render-svg.ts";

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
  /** Oldest first. */
  years: { label: string; value: Figure }[];
}

const ratio = (n: number) => n.toFixed(2);

function text(input: LikelihoodInput) {
  const hidden = input.years.filter((y) => y.value.value === null);
  return {
    title: input.headline,
    subtitle: `${input.measure}, each year${input.basis ? ` (${input.basis})` : ""}; 1.00 means equally likely`,
    alt: chartName(`Line chart: ${input.topic}, the relative likelihood ${yearSpan(input.years.map((y) => y.label))}, against ${parityBandName(input.band)}`),
    notes: hidden.map((y) => notShownNote(y.label, y.value)),
  };
}

function table(input: LikelihoodInput): DataTable {
  return {
    caption: input.measure,
    rowHeader: "Year",
    columns: [{ header: "Relative likelihood", unit: "times" }],
    rows: input.years.map((y) => ({ label: y.label, cells: [y.value] })),
  };
}

function spec(input: LikelihoodInput): TopLevelSpec {
  const values = input.years.map((y) => ({ year: y.label, rl: y.value.value, text: labelText(y.value, "times") }));
  // The top of the scale is worked out from the rows inside Vega, so the likelihood charts of a report
  // share one spec and are compiled once (see render-svg.ts).
  const yScale = { domain: [0, { expr: `max(${input.band.upper + 0.25}, (extent(pluck(data('${ROWS_DATA}'), 'rl'))[1] || 0) * 1.2)` }], nice: false };
  const x = { field: "year", type: "ordinal" as const, title: null, scale: { domain: values.map((v) => v.year) }, axis: { labelAngle: 0 } };
  const y = {
    field: "rl",
    type: "quantitative" as const,
    title: "Relative likelihood",
    scale: yScale,
    axis: { tickCount: 5, format: ".1f", grid: true },
  };
  const reference = { data: { values: [{}] } };
  return {
    ...base,
    height: 200,
    data: { values },
    layer: [
      {
        ...reference,
        mark: { type: "rect", color: colours.band },
        encoding: { y: { datum: input.band.lower, type: "quantitative", scale: yScale }, y2: { datum: input.band.upper } },
      },
      {
        ...reference,
        mark: { type: "rule", color: colours.reference, strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { y: { datum: 1, type: "quantitative", scale: yScale } },
      },
      {
        ...reference,
        mark: { type: "text", align: "left", baseline: "bottom", fontSize: TEXT_SIZE, lineHeight: 15, dy: -6 },
        encoding: {
          x: { value: 0 },
          y: { value: 0 },
          text: { value: [`Shaded: ${ratio(input.band.lower)} to ${ratio(input.band.upper)}`, "Dashed line: 1.00, equally likely"] },
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
      {
        transform: [{ filter: "datum.rl !== null" }],
        mark: { type: "text", baseline: "bottom", dy: -8 },
        encoding: { x, y, text: { field: "text" } },
      },
    ],
  };
}

export const likelihoodChart: ChartType<LikelihoodInput> = { name: "relative-likelihood", text, table, spec };
