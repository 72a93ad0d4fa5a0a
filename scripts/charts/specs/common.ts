/**
 * What every chart shares: size, font, text size (their values in ../constants.ts), colours of axes
 * and grid, and the placing of labels. A chart spec spreads `base` into its top level and adds its
 * data, layers and encodings.
 *
 * Size: every chart is laid out 280 units wide with its text 13 units high, for the width it is
 * shown at: the narrowest column of a 320 px phone screen holds it at 268 px (text 12.4 px), a
 * wide screen at up to 1.25 times (templates/components/chart-figure), and a printed page at 85 mm
 * (text 11 pt). One SVG serves them all, without the blow-up of a phone chart stretched across a
 * desktop column. Labels are placed from their measured widths (../text-width.ts) so that none
 * leaves the chart, overlaps another or lies on a reference line; scripts/check/chart-geometry.ts
 * measures that in the browser.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec } from "vega-lite/types_unstable/spec/layer.js";
import type { UnitSpec } from "vega-lite/types_unstable/spec/unit.js";
import { colours } from "../palette.ts";
import { textWidth } from "../text-width.ts";
import type { Figure } from "../types.ts";
import { FONT, LINE_HEIGHT, REFERENCE, ROWS_DATA, TEXT_SIZE, WIDTH } from "../constants.ts";

/**
 * A Vega expression for a field of the chart's first row ("the top of the scale"): the rows carry
 * what the spec would otherwise hold, so that charts of one shape share a view (render-svg.ts).
 * A view is built before its first rows arrive: until then the field is `fallback`.
 */
export const firstRow = (field: string, fallback: number) => `(length(data('${ROWS_DATA}')) ? data('${ROWS_DATA}')[0].${field} : ${fallback})`;

/** The width of a label in the chart's text size. */
export const labelWidth = (text: string) => Math.ceil(textWidth(text, TEXT_SIZE));

type Base = Pick<TopLevelSpec, "autosize" | "background" | "padding" | "config"> & { width: number };

export const base: Base = {
  width: WIDTH,
  autosize: { type: "fit-x", contains: "padding" },
  background: colours.background,
  padding: { left: 4, right: 8, top: 8, bottom: 4 },
  config: {
    aria: false,
    font: FONT,
    view: { stroke: null },
    text: { fontSize: TEXT_SIZE, fill: colours.text },
    axis: {
      labelFontSize: TEXT_SIZE,
      titleFontSize: TEXT_SIZE,
      labelColor: colours.text,
      titleColor: colours.text,
      titleFontWeight: "normal",
      domainColor: colours.axis,
      tickColor: colours.axis,
      gridColor: colours.grid,
      labelLimit: 0,
      // Axis lines over the marks: a shaded band must not hide the axis.
      zindex: 1,
    },
    legend: {
      labelFontSize: TEXT_SIZE,
      titleFontSize: TEXT_SIZE,
      labelColor: colours.text,
      titleColor: colours.text,
      labelLimit: 0,
      symbolStrokeWidth: 2,
      symbolSize: 80,
    },
  },
};

/** The widest a category label may be before it breaks over lines. */
const CATEGORY_WIDTH = 100;

/**
 * Long category names break over lines instead of being cut with an ellipsis: returns a Vega
 * expression for `labelExpr` that maps each long label to its lines (or null if none is long).
 */
export function wrapLabels(labels: readonly string[], maxWidth = CATEGORY_WIDTH): string | null {
  const wrapped = labels
    .filter((label) => labelWidth(label) > maxWidth)
    .map((label) => `datum.label === ${JSON.stringify(label)} ? ${JSON.stringify(breakLines(label, maxWidth))}`);
  return wrapped.length === 0 ? null : `${wrapped.join(" : ")} : datum.label`;
}

/** A label broken between words into lines no wider than `maxWidth` (a single long word keeps its line). */
export function breakLines(label: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && labelWidth(`${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** One layer of a layered chart. */
export type Layer = UnitSpec<Field> | LayerSpec<Field>;

export interface Bar {
  label: string;
  figure: Figure;
  colour: string;
}

/** A reference drawn across horizontal bars: a dashed line at `value` with `text` above it. */
export interface Reference {
  value: number;
  text: string;
}

/** The gap between a bar's end, or a reference line, and its label. */
const GAP = 4;

/**
 * Horizontal bars, one per row in the given order, each labelled with its value; a row whose
 * figure is not shown keeps its place with its reason in italics ("fewer than 10") and no bar.
 * A reference, if given, is a dashed line over the bars, named above the plot.
 *
 * A value label sits just past its bar's end. Where that would put it on the reference line,
 * it goes inside the end of its bar (white on the dark bar) if it fits there, else just past the
 * line. The reference's name starts at its line, or ends there if it would run off the chart.
 * These choices are Vega expressions of the scale and each label's measured width, so the layout
 * is decided where the scale is known.
 *
 * The figures travel in the rows only (the reference on the first row), and the top of the scale
 * is worked out from them inside Vega, so that every chart with the same labels shares one spec
 * shape and so one compiled view (see render-svg.ts).
 */
export function horizontalBars(bars: readonly Bar[], options: { axisTitle: string; reference?: Reference }) {
  const labels = bars.map((bar) => bar.label);
  const { reference } = options;
  const values = bars.map((bar, i) => {
    const text = bar.figure.display;
    return {
      label: bar.label,
      share: bar.figure.value,
      at: bar.figure.value ?? 0,
      colour: bar.colour,
      // Only a dark bar can hold its label in white.
      holdsLabel: bar.colour === colours.focus,
      text,
      width: labelWidth(text),
      ...(reference && i === 0 ? { reference: reference.value, referenceText: reference.text, referenceWidth: labelWidth(reference.text) } : {}),
    };
  });
  // At least 10%, and room beside the largest bar or reference for its label.
  const top = (field: string) => `(extent(pluck(data('${ROWS_DATA}'), '${field}'))[1] || 0) * 1.35`;
  const xmax = { name: "xmax", expr: `max(10, ${top("share")}${reference ? `, ${top("reference")}` : ""})` };
  const params = reference ? [xmax, { name: "line", expr: `scale('x', ${firstRow("reference", 0)})` }] : [xmax];
  const wrap = wrapLabels(labels);
  const y = {
    field: "label",
    type: "nominal" as const,
    title: null,
    scale: { domain: labels },
    axis: { ticks: false, domain: false, ...(wrap === null ? {} : { labelExpr: wrap }) },
  };
  const x = {
    field: "at",
    type: "quantitative" as const,
    title: options.axisTitle,
    scale: { domain: [0, { expr: xmax.name }], nice: false },
    axis: { tickCount: 4, labelExpr: "datum.label + '%'", grid: true },
  };
  // Where each value label goes: past the bar's end, inside it, or past the reference line.
  const end = "scale('x', datum.at)";
  const onLine = `(line > ${end} + ${GAP - 2.5} && line < ${end} + ${GAP} + datum.width + 2.5)`;
  const inside = `(${onLine} && datum.holdsLabel && datum.share !== null && ${end} >= datum.width + ${2 * GAP})`;
  const placement = reference
    ? {
        x: { expr: `${inside} ? ${end} - ${GAP} : ${onLine} ? line + ${GAP} : ${end} + ${GAP}` },
        align: { expr: `${inside} ? 'right' : 'left'` },
        fill: { expr: `${inside} ? '${colours.background}' : '${colours.text}'` },
      }
    : { x: { expr: `${end} + ${GAP}` }, align: "left" as const };
  const valueLabels = (filter: string, fontStyle: "normal" | "italic"): Layer => ({
    transform: [{ filter }],
    mark: { type: "text", baseline: "middle", fontStyle, ...placement },
    encoding: { y, text: { field: "text" } },
  });
  const layers: Layer[] = [
    {
      transform: [{ filter: "datum.share !== null" }],
      mark: { type: "bar", height: { band: 0.7 } },
      encoding: { y, x, color: { field: "colour", type: "nominal", scale: null } },
    },
    ...(reference
      ? [
          {
            name: `${REFERENCE}_line`,
            transform: [{ filter: "isValid(datum.reference)" }],
            mark: { type: "rule" as const, color: colours.reference, strokeWidth: 2, strokeDash: [6, 3] },
            encoding: { x: { ...x, field: "reference" } },
          },
          {
            transform: [{ filter: "isValid(datum.reference)" }],
            mark: {
              type: "text" as const,
              baseline: "bottom" as const,
              dy: -GAP,
              align: { expr: "line + datum.referenceWidth <= width ? 'left' : 'right'" },
            },
            encoding: { x: { ...x, field: "reference" }, y: { value: 0 }, text: { field: "referenceText" } },
          },
        ]
      : []),
    valueLabels("datum.share !== null", "normal"),
    valueLabels("datum.share === null", "italic"),
  ];
  return { values, layers, params, height: bars.length * (wrap === null ? 24 : 2 * LINE_HEIGHT + 4) };
}
