/**
 * Value labels for the points of a line chart (years across, a value up), placed before Vega
 * draws them: each label goes above or below its point, further up or down past a reference
 * line in its way, or beside its point, wherever it touches no other label, no point, no
 * reference line and stays inside the plot, and in a year's column the labels keep the order of
 * their values. A label that fits nowhere is left off: its value
 * is in the chart's table. The most recent year is placed first, then the first year, then the
 * others from the latest back, so the labels a reader looks for are the last to be left off.
 *
 * Vega lays the plot out from the same numbers (specs/common.ts): 280 units wide less the
 * padding and the y-axis, whose width follows from its widest tick label, and a point scale
 * across (each year in the middle of its step). scripts/check/chart-geometry.ts measures the
 * result in the browser.
 */
import { LINE_HEIGHT, TEXT_SIZE, WIDTH } from "./constants.ts";
import { breakLines, labelWidth } from "./specs/common.ts";

/** Where a label goes around its point: Vega text mark settings. */
export interface Placement {
  dx: number;
  dy: number;
  align: "left" | "center" | "right";
  baseline: "top" | "middle" | "bottom";
}

export type Side = "above" | "below" | "right" | "left";

/** The gap between a point's centre and its label. */
const POINT_GAP = 8;

const placements: Record<Side, Placement> = {
  above: { dx: 0, dy: -POINT_GAP, align: "center", baseline: "bottom" },
  below: { dx: 0, dy: POINT_GAP, align: "center", baseline: "top" },
  right: { dx: POINT_GAP + 1, dy: 0, align: "left", baseline: "middle" },
  left: { dx: -POINT_GAP - 1, dy: 0, align: "right", baseline: "middle" },
};

/** Arial's ascent and descent, in ems: the box a browser gives a line of text. */
const ASCENT = 0.905;
const DESCENT = 0.212;
/** Where Vega puts the baseline of a text for each `baseline` (vega-scenegraph's text offset). */
const baselineOffset = { top: Math.round(0.79 * TEXT_SIZE), middle: Math.round(0.3 * TEXT_SIZE), bottom: Math.round(-0.21 * TEXT_SIZE) };
/** How much further than usual a label may move above or below its point to clear a line. */
const MAX_SHIFT = 24;
/** Half the size of a point's symbol, and the gap kept between labels. */
const POINT_RADIUS = 5;
const LABEL_GAP = 1;
/** The y-axis beside the tick labels: tick, padding, title padding and the title's line. */
const Y_AXIS_EXTRA = 25;
/** The gap between a missing figure's label and the axis below it. */
const FOOT_GAP = 4;
/** The chart's padding left and right (specs/common.ts). */
const PADDING = { left: 4, right: 8 };

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A line chart's plot as Vega lays it out, in plot pixels. */
export interface LinePlot {
  width: number;
  height: number;
  /** The x of each year's points. */
  xs: number[];
  /** The y of a value. */
  y(value: number): number;
}

/**
 * The plot of a line chart `height` high with `columns` years across and a y scale from 0 to
 * `top`, whose widest tick label is as wide as `widestTick` ("40%", "3.5").
 */
export function linePlot(columns: number, top: number, height: number, widestTick: string): LinePlot {
  const width = WIDTH - PADDING.left - PADDING.right - (labelWidth(widestTick) + Y_AXIS_EXTRA);
  const step = width / columns;
  return { width, height, xs: Array.from({ length: columns }, (_, i) => step * (i + 0.5)), y: (value) => height * (1 - value / top) };
}

function boxOf(placement: Placement, x: number, y: number, width: number): Box {
  const line = y + placement.dy + baselineOffset[placement.baseline];
  const left = placement.align === "center" ? x - width / 2 : placement.align === "left" ? x + placement.dx : x + placement.dx - width;
  return { left, right: left + width, top: line - ASCENT * TEXT_SIZE, bottom: line + DESCENT * TEXT_SIZE };
}

export interface PointLabel {
  /** The year's column, and the point's value. */
  column: number;
  value: number;
  text: string;
  /** The sides it may go, best first (above or below are tried before beside in any case). */
  prefer: readonly Side[];
}

export interface MissingLabel {
  /** The first column of the run of years it stands for. */
  column: number;
  lines: string[];
  /** Where Vega puts its first line: y (the plot's foot or head), dy, and dx from the first year to the run's middle. */
  y: number;
  dx: number;
  dy: number;
  box: Box;
}

/**
 * A year's figure that is not shown has no point: its reason ("not shown", "Disabled staff: not
 * shown") is written in italics in the year's column, once for a run of years with the same
 * reasons, broken over lines to fit the run's width (and half a column either side). It sits at the foot of the plot, or at its
 * head if a point, a reference line or another such label is in the way; if both are taken, it is
 * left off (the chart's table says it). `texts` has each column's reasons (none if all
 * its figures are shown), `points` the values shown in each column and `lines` the reference
 * lines. Vega sets a label's first line at the mark's y and the others below it.
 */
export function missingLabels(
  texts: readonly (readonly string[])[],
  plot: LinePlot,
  points: readonly { column: number; value: number }[],
  lines: readonly number[] = [],
): MissingLabel[] {
  const step = plot.width / plot.xs.length;
  const obstacles: Box[] = [
    ...points.map((p) => ({ left: plot.xs[p.column]! - POINT_RADIUS, right: plot.xs[p.column]! + POINT_RADIUS, top: plot.y(p.value) - POINT_RADIUS, bottom: plot.y(p.value) + POINT_RADIUS })),
    ...lines.map((value) => ({ left: -Infinity, right: Infinity, top: plot.y(value) - 1.5, bottom: plot.y(value) + 1.5 })),
  ];
  // Runs of neighbouring columns with the same reasons.
  const runs: { first: number; last: number; reasons: readonly string[] }[] = [];
  texts.forEach((reasons, column) => {
    const run = runs[runs.length - 1];
    if (reasons.length === 0) return;
    if (run && run.last === column - 1 && run.reasons.join("\n") === reasons.join("\n")) run.last = column;
    else runs.push({ first: column, last: column, reasons });
  });
  return runs.flatMap(({ first, last, reasons }) => {
    const x = (plot.xs[first]! + plot.xs[last]!) / 2;
    // Its run's width and half a column either side, or the run's width alone, within the plot.
    const edges = Math.min(2 * (x + 3), 2 * (plot.width + PADDING.right - 1 - x));
    const candidates = [last - first + 2, last - first + 1].flatMap((columns) => {
      const lines = reasons.flatMap((text) => breakLines(text, Math.min(columns * step, edges) - 2 * LABEL_GAP));
      const width = Math.max(...lines.map(labelWidth));
      const height = (lines.length - 1) * LINE_HEIGHT;
      const at = (y: number, dy: number) => {
        const baseline = y + dy + baselineOffset.bottom;
        return { lines, y, dy, box: { left: x - width / 2, right: x + width / 2, top: baseline - ASCENT * TEXT_SIZE, bottom: baseline + height + DESCENT * TEXT_SIZE } };
      };
      // The foot, then the head of the plot.
      return [at(plot.height, -FOOT_GAP - height), at(0, Math.ceil(ASCENT * TEXT_SIZE - baselineOffset.bottom) + FOOT_GAP)];
    });
    const place = candidates.find((p) => !obstacles.some((o) => overlap(p.box, o)));
    if (!place) return [];
    obstacles.push(place.box);
    return [{ column: first, dx: x - plot.xs[first]!, ...place }];
  });
}

/**
 * A placement for each label (in the order given), or null for one left off. `lines` are the
 * values of the reference lines; `fixed` the boxes of labels already drawn (missingLabel's).
 */
export function placePointLabels(labels: readonly PointLabel[], plot: LinePlot, lines: readonly number[] = [], fixed: readonly Box[] = []): (Placement | null)[] {
  const points: Box[] = labels.map((l) => {
    const [x, y] = [plot.xs[l.column]!, plot.y(l.value)];
    return { left: x - POINT_RADIUS, right: x + POINT_RADIUS, top: y - POINT_RADIUS, bottom: y + POINT_RADIUS };
  });
  const rules: Box[] = lines.map((value) => ({ left: -Infinity, right: Infinity, top: plot.y(value) - 1.5, bottom: plot.y(value) + 1.5 }));
  const taken: (Box & { column: number; value: number })[] = fixed.map((box) => ({ ...box, column: -1, value: 0 }));
  // In one year, a higher value's label is never below a lower value's.
  const inOrder = (box: Box, label: PointLabel) =>
    taken.every((other) => other.column !== label.column || other.value === label.value || (label.value > other.value ? box.bottom <= other.top : box.top >= other.bottom));
  const fits = (box: Box, label: PointLabel) =>
    inOrder(box, label) &&
    box.left >= -3 &&
    box.right <= plot.width + PADDING.right - 1 &&
    box.top >= 0 &&
    box.bottom <= plot.height &&
    ![...points, ...rules].some((obstacle) => overlap(box, obstacle)) &&
    !taken.some((other) => overlap({ left: box.left - LABEL_GAP, right: box.right + LABEL_GAP, top: box.top - LABEL_GAP, bottom: box.bottom + LABEL_GAP }, other));

  const order = labels.map((_, i) => i).sort((a, b) => priority(labels[a]!, labels[b]!, plot.xs.length));
  const result: (Placement | null)[] = labels.map(() => null);
  for (const i of order) {
    const label = labels[i]!;
    const [x, y, width] = [plot.xs[label.column]!, plot.y(label.value), labelWidth(label.text)];
    const vertical = label.prefer.filter((side) => side === "above" || side === "below");
    // The nearest first: one unit further above or below (in the order preferred), then two...
    const moved = Array.from({ length: MAX_SHIFT }, (_, k) =>
      vertical.map((side) => ({ ...placements[side], dy: placements[side].dy + (side === "above" ? -1 : 1) * (k + 1) })),
    ).flat();
    // Beside its point a label is likely to lie on the chart's line through the point: that comes last.
    const beside = label.prefer.filter((side) => side === "left" || side === "right").map((side) => placements[side]);
    const placement = [...vertical.map((side) => placements[side]), ...moved, ...beside].find((c) => fits(boxOf(c, x, y, width), label));
    if (placement) {
      taken.push({ ...boxOf(placement, x, y, width), column: label.column, value: label.value });
      result[i] = placement;
    }
  }
  return result;
}

/** The latest year first, then the first year, then the rest from the latest back; the higher value first within a year. */
function priority(a: PointLabel, b: PointLabel, columns: number): number {
  const rank = (column: number) => (column === columns - 1 ? 0 : column === 0 ? 1 : columns - column);
  return rank(a.column) - rank(b.column) || b.value - a.value;
}

/** The row fields of a missing figure's label (on the row of the first year of its run), and the text mark that reads them. */
export const missingFields = (label: MissingLabel) => ({ missing: label.lines, missingY: label.y, missingDx: label.dx, missingDy: label.dy });
const missingLabelMark = {
  type: "text" as const,
  fontStyle: "italic" as const,
  baseline: "bottom" as const,
  lineHeight: LINE_HEIGHT,
  y: { expr: "datum.missingY" },
  dx: { expr: "datum.missingDx" },
  dy: { expr: "datum.missingDy" },
};

/** The text mark that draws labels placed here: each row carries its placement (none: no label). */
const placedLabel = {
  type: "text" as const,
  dx: { expr: "datum.dx" },
  dy: { expr: "datum.dy" },
  align: { expr: "datum.align" },
  baseline: { expr: "datum.baseline" },
};

/**
 * The two text layers of a line chart's labels, drawn on its x and y encodings: each value label
 * where it was placed, and each missing figure's label in its year's column.
 */
export function pointLabelLayers<X, Y>(x: X, y: Y) {
  return [
    { transform: [{ filter: "isValid(datum.dy)" }], mark: placedLabel, encoding: { x, y, text: { field: "text" } } },
    { transform: [{ filter: "isValid(datum.missing)" }], mark: missingLabelMark, encoding: { x, text: { field: "missing" } } },
  ];
}
