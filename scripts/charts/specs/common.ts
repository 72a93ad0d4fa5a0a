/**
 * What every chart shares: size, font, text sizes, colours of axes and grid. A chart spec
 * spreads `base` into its top level and adds its data, layers and encodings.
 *
 * Size: 320 units wide, the narrowest phone screen, so text drawn at 12 units is at least
 * 12 CSS px on a phone; wider screens and A4 scale it up through the viewBox.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec } from "vega-lite/types_unstable/spec/layer.js";
import type { UnitSpec } from "vega-lite/types_unstable/spec/unit.js";
import { hiddenLabel, labelText } from "../format.ts";
import { colours } from "../palette.ts";
import type { Figure } from "../types.ts";
import { ROWS_DATA } from "../render-svg.ts";

export const WIDTH = 320;
export const FONT = "Arial, 'Liberation Sans', sans-serif";
export const TEXT_SIZE = 12;
export const LABEL_SIZE = 13;

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
    text: { fontSize: LABEL_SIZE, fill: colours.text },
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

/**
 * Long category names break over lines instead of being cut with an ellipsis: returns a Vega
 * expression for `labelExpr` that maps each long label to its lines (or null if none is long).
 */
export function wrapLabels(labels: readonly string[], maxChars = 16): string | null {
  const wrapped = labels
    .filter((label) => label.length > maxChars)
    .map((label) => {
      const lines: string[] = [];
      for (const word of label.split(" ")) {
        const last = lines[lines.length - 1];
        if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      return `datum.label === ${JSON.stringify(label)} ? ${JSON.stringify(lines)}`;
    });
  return wrapped.length === 0 ? null : `${wrapped.join(" : ")} : datum.label`;
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

/**
 * Horizontal bars, one per row in the given order, each labelled with its value; a row whose
 * figure is not shown keeps its place with an italic note ("fewer than 10, not shown") and no
 * bar. A reference, if given, is drawn over the bars but under the labels.
 *
 * The figures travel in the rows only (the reference on the first row), and the top of the scale
 * is worked out from them inside Vega, so that every chart with the same labels shares one spec
 * shape and so one compiled view (see render-svg.ts).
 */
export function horizontalBars(bars: readonly Bar[], options: { axisTitle: string; reference?: Reference }) {
  const labels = bars.map((bar) => bar.label);
  const { reference } = options;
  const values = bars.map((bar, i) => ({
    label: bar.label,
    share: bar.figure.value,
    at: bar.figure.value ?? 0,
    colour: bar.colour,
    text: bar.figure.value === null ? hiddenLabel(bar.figure) : labelText(bar.figure, "%"),
    ...(reference && i === 0 ? { reference: reference.value, referenceText: reference.text } : {}),
  }));
  // At least 10%, and room beside the largest bar or reference for its label.
  const top = (field: string) => `(extent(pluck(data('${ROWS_DATA}'), '${field}'))[1] || 0) * 1.35`;
  const xmax = { name: "xmax", expr: `max(10, ${top("share")}${reference ? `, ${top("reference")}` : ""})` };
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
  const valueLabels = (filter: string, fontStyle: "normal" | "italic"): Layer => ({
    transform: [{ filter }],
    mark: { type: "text", align: "left", dx: 4, baseline: "middle", fontStyle },
    encoding: { y, x, text: { field: "text" } },
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
            transform: [{ filter: "isValid(datum.reference)" }],
            mark: { type: "rule" as const, color: colours.reference, strokeWidth: 2, strokeDash: [6, 3] },
            encoding: { x: { ...x, field: "reference" } },
          },
          {
            transform: [{ filter: "isValid(datum.reference)" }],
            // The label sits to the left of its line when the line is past the middle.
            mark: { type: "text" as const, fontSize: TEXT_SIZE, baseline: "bottom" as const, dy: -4, align: { expr: `datum.reference > ${xmax.name} / 2 ? 'right' : 'left'` } },
            encoding: { x: { ...x, field: "reference" }, y: { value: 0 }, text: { field: "referenceText" } },
          },
        ]
      : []),
    valueLabels("datum.share !== null", "normal"),
    valueLabels("datum.share === null", "italic"),
  ];
  return { values, layers, params: [xmax], height: bars.length * (wrap === null ? 24 : 34) };
}
