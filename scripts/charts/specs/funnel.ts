/**
 * A group comparison (scripts/compute/comparison.ts) as a funnel plot: each organisation a point
 * at its size (across) and its figure (up: a relative likelihood on a log scale, a share or a
 * board difference on a plain one), the group's figure as a line across, and the 95% (solid)
 * and 99.8% (dashed) limits around it, which narrow as the size grows. The shape of a point says
 * where it lies, so colour is never the only cue: a circle inside the 95% limits, a square
 * between the limits, a triangle outside the 99.8% limits, named beside it.
 *
 * Organisations whose figure is not published are not drawn; the notes and the table list them.
 * Every number travels in the rows, and the scales are worked out from them inside Vega, so the
 * funnel plots of one kind share one compiled view (see render-svg.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import type { ComparedMember, IndicatorComparison } from "../../compute/comparison.ts";
import type { Position } from "../../compute/funnel.ts";
import { countShown } from "../../compute/figures.ts";
import { chartName } from "../words.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataColumn, DataRow, DataTable } from "../types.ts";
import { LINE_HEIGHT, REFERENCE, ROWS_DATA, TEXT_SIZE, WIDTH } from "../constants.ts";
import { base, breakLines, firstRow, labelWidth } from "./common.ts";

export interface FunnelInput {
  comparison: IndicatorComparison;
  /** The group and year, for the subtitle and caption: "North East and Yorkshire, 2024". */
  context: string;
}

const HEIGHT = 240;
/** The chart's padding left and right (common.ts, base) and the y-axis beside its tick labels: tick, padding, title padding and the title's line. */
const PADDING = { left: 4, right: 8 };
const Y_AXIS_EXTRA = 25;
/** Half the size of a point's symbol, the gap between a point and its name, and the gap kept around a name. */
const POINT_RADIUS = 5;
const NAME_GAP = 9;
const CLEARANCE = 2;
/** The widest a name beside its point may be before it breaks over lines. */
const NAME_WIDTH = 120;
/** Arial's ascent and descent, in ems, and where Vega puts a "middle" baseline (vega-scenegraph's text offset). */
const ASCENT = 0.905;
const DESCENT = 0.212;
const MIDDLE = Math.round(0.3 * TEXT_SIZE);

type Band = "inside" | "between" | "outside";
const BANDS: Record<Position, Band> = { within: "inside", "above 95": "between", "below 95": "between", "above 99.8": "outside", "below 99.8": "outside" };
const BAND_LABEL: Record<Band, string> = { inside: "Inside the 95% limits", between: "Between the limits", outside: "Outside the 99.8% limits" };

const onPlot = (m: ComparedMember): m is ComparedMember & { point: { x: number; y: number }; position: Position } => m.point !== undefined;

/** The figure's axis title. */
function yTitle(c: IndicatorComparison): string {
  return c.kind === "ratio" ? "Relative likelihood (log scale)" : c.kind === "share" ? `Share of the workforce (%)` : "Difference (percentage points)";
}

/** The extent of the y-axis: every point, the group's figure and the funnel's neck (its limits at the largest size), with room around them. */
function yDomain(c: IndicatorComparison, ys: number[]): [number, number] {
  const neck = c.funnel.at(-1)!;
  const all = [...ys, c.target!, neck.lower998, neck.upper998];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  if (c.kind === "ratio") return [lo / 1.3, hi * 1.3];
  const pad = Math.max(2, (hi - lo) * 0.15);
  return c.kind === "share" ? [Math.max(0, lo - pad), Math.min(100, hi + pad)] : [lo - pad, hi + pad];
}

/** Round values for the ticks of a likelihood's log scale, from the finest set to the coarsest. */
const LOG_TICKS = [
  [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100],
  [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100],
  [0.1, 1, 10, 100],
];

/** The y-axis's tick values: at most 6, round, inside the domain (chosen here, so that the axis's width is known before Vega lays it out). */
function yTicks(kind: IndicatorComparison["kind"], [lo, hi]: [number, number]): number[] {
  if (kind === "ratio") {
    for (const set of LOG_TICKS) {
      const ticks = set.filter((v) => v >= lo && v <= hi);
      if (ticks.length <= 6) return ticks;
    }
    return [1];
  }
  const rough = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A tick's label, as the axis's labelExpr writes it: a board difference signed ("+10", "0", "-10"). */
const tickText = (kind: IndicatorComparison["kind"], v: number) => `${kind === "board" && v > 0 ? "+" : ""}${v}`;
const TICK_EXPR = { board: "(datum.value > 0 ? '+' : '') + datum.value", ratio: "'' + datum.value", share: "'' + datum.value" };

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** Whether the segment from p to q crosses the box. */
function crosses(box: Box, [px, py]: [number, number], [qx, qy]: [number, number]): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(qx - px, qy - py)));
  for (let i = 0; i <= steps; i++) {
    const [x, y] = [px + ((qx - px) * i) / steps, py + ((qy - py) * i) / steps];
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

export interface NameLabel {
  lines: string[];
  /** The point's x and y (data units), and where the name's first line is drawn from it, in chart units. */
  x: number;
  y: number;
  dy: number;
  left: boolean;
}

/**
 * The names of the organisations outside the 99.8% limits, beside their points, placed in the plot
 * as Vega will lay it out: beside the point, or moved a little up or down, on whichever side it
 * touches no other name, no point and no line of the funnel (the group's figure and its limits,
 * which the geometry check treats as reference lines) and stays inside the plot. A name that fits
 * nowhere is left off: the chart's title names every organisation outside the limits.
 */
export function nameLabels(c: IndicatorComparison, domain: [number, number], ticks: number[]): NameLabel[] {
  const width = WIDTH - PADDING.left - PADDING.right - (Math.max(...ticks.map((t) => labelWidth(tickText(c.kind, t)))) + Y_AXIS_EXTRA);
  const xMax = c.funnel.at(-1)!.x;
  const scale = (v: number) => (c.kind === "ratio" ? Math.log(v) : v);
  const [a, b] = [scale(domain[0]), scale(domain[1])];
  const px = (x: number) => (x / xMax) * width;
  const py = (y: number) => HEIGHT - ((scale(y) - a) / (b - a)) * HEIGHT;
  const points = c.members.filter(onPlot);
  const obstacles: Box[] = points.map((m) => ({ left: px(m.point.x) - POINT_RADIUS, right: px(m.point.x) + POINT_RADIUS, top: py(m.point.y) - POINT_RADIUS, bottom: py(m.point.y) + POINT_RADIUS }));
  const curves: [number, number][][] = [
    [
      [0, py(c.target!)],
      [width, py(c.target!)],
    ],
    ...(["lower95", "upper95", "lower998", "upper998"] as const).map((field) => c.funnel.map((f): [number, number] => [px(f.x), py(f[field])])),
  ];
  const onCurve = (box: Box) => curves.some((curve) => curve.some((p, i) => i > 0 && crosses(box, curve[i - 1]!, p)));
  const taken: Box[] = [];
  const labels: NameLabel[] = [];
  // Down the plot, the names of the points nearest the top first.
  for (const m of points.filter((p) => BANDS[p.position] === "outside").sort((p, q) => q.point.y - p.point.y)) {
    const [x, y] = [px(m.point.x), py(m.point.y)];
    const candidates = [0, -6, 6, -12, 12, -18, 18, -24, 24, -32, 32, -40, 40].flatMap((shift) =>
      [false, true].map((left) => {
        const lines = breakLines(m.name, Math.min(NAME_WIDTH, (left ? x : width - x) - NAME_GAP - CLEARANCE));
        const wide = Math.max(...lines.map(labelWidth));
        // Vega sets the first line's baseline at y + dy + MIDDLE and each next line one line lower: centred on the point, the block starts higher.
        const dy = shift - ((lines.length - 1) * LINE_HEIGHT) / 2;
        const first = y + dy + MIDDLE;
        const box = {
          left: left ? x - NAME_GAP - wide : x + NAME_GAP,
          right: left ? x - NAME_GAP : x + NAME_GAP + wide,
          top: first - ASCENT * TEXT_SIZE,
          bottom: first + (lines.length - 1) * LINE_HEIGHT + DESCENT * TEXT_SIZE,
        };
        return { lines, dy, left, box };
      }),
    );
    const place = candidates.find(({ box }) => {
      const around = { left: box.left - CLEARANCE, right: box.right + CLEARANCE, top: box.top - CLEARANCE, bottom: box.bottom + CLEARANCE };
      return box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= HEIGHT && ![...obstacles, ...taken].some((o) => overlap(around, o)) && !onCurve(around);
    });
    if (!place) continue;
    taken.push(place.box);
    labels.push({ lines: place.lines, x: m.point.x, y: m.point.y, dy: place.dy, left: place.left });
  }
  return labels;
}

function text({ comparison: c, context }: FunnelInput) {
  return {
    title: c.outliers,
    subtitle: `${c.measure}: ${context}. Group figure ${c.pooled.display}.`,
    alt: chartName(`Funnel plot: each organisation's figure against its size, ${context}, with the group's figure and its 95% and 99.8% limits`),
  };
}

/**
 * Every organisation's figure with its 95% interval in brackets (as a report's tables give them),
 * its size, and where it lies against the limits when there are limits. A column only when some
 * organisation has a figure for it: where none is published, no interval and no size either.
 */
function table({ comparison: c, context }: FunnelInput): DataTable {
  const plotted = c.funnel.length > 0;
  const figure = c.kind === "ratio" ? "Relative likelihood" : c.kind === "share" ? "Share of the workforce (%)" : "Difference (percentage points)";
  const size = c.kind === "share" ? "Headcount" : `${c.sizeLabel.charAt(0).toUpperCase()}${c.sizeLabel.slice(1)}`;
  const notApplicable = { value: null, display: "", status: "not available" as const };
  const columns: { column: DataColumn; cell: (m: ComparedMember) => DataRow["cells"][number] }[] = [
    { column: { header: figure, unit: c.unit, ...(c.members.some((m) => m.interval) ? { intervals: true as const } : {}) }, cell: (m) => m.value },
    ...(c.members.some((m) => m.size) ? [{ column: { header: size, unit: "count" as const }, cell: (m: ComparedMember) => m.size ?? notApplicable }] : []),
    // Where each lies against the limits, when there are limits to lie against.
    ...(plotted && c.kind === "ratio"
      ? [{ column: { header: `Effective number of ${c.sizeLabel}`, unit: "count" as const }, cell: (m: ComparedMember) => (m.point ? countShown(Math.round(m.point.x)) : notApplicable) }]
      : []),
    ...(plotted ? [{ column: { header: "Against the group's limits", unit: "text" as const }, cell: (m: ComparedMember) => m.positionText }] : []),
  ];
  return {
    caption: `${c.heading}: each organisation's figure, ${context}. The group's figure is ${c.pooled.display}${c.pooledInterval ? ` (95% interval ${c.pooledInterval.display})` : ""}.`,
    rowHeader: "Organisation",
    columns: columns.map((k) => k.column),
    rows: c.members.map((m) => ({ label: m.name, cells: columns.map((k) => k.cell(m)), intervals: [m.interval] })),
  };
}

const LINES = ["The group's figure", "95% limits", "99.8% limits"];

function spec({ comparison: c }: FunnelInput): TopLevelSpec {
  const points = c.members.filter(onPlot);
  const domain = yDomain(
    c,
    points.map((m) => m.point.y),
  );
  const ticks = yTicks(c.kind, domain);
  const xMax = c.funnel.at(-1)?.x ?? 1;
  const curve = (line: string, side: string, field: "lower95" | "upper95" | "lower998" | "upper998") =>
    c.funnel.map((f) => ({ kind: "line", line, curve: `${line} ${side}`, x: f.x, y: f[field] }));
  const rows = [
    { kind: "frame", ylo: domain[0], yhi: domain[1], xmax: xMax, yticks: ticks },
    ...[0, xMax].map((x) => ({ kind: "line", line: LINES[0], curve: "target", x, y: c.target })),
    ...curve(LINES[1]!, "lower", "lower95"),
    ...curve(LINES[1]!, "upper", "upper95"),
    ...curve(LINES[2]!, "lower", "lower998"),
    ...curve(LINES[2]!, "upper", "upper998"),
    ...points.map((m) => ({ kind: "point", x: m.point.x, y: m.point.y, band: BAND_LABEL[BANDS[m.position]] })),
    ...nameLabels(c, domain, ticks).map((n) => ({ kind: "name", name: n.lines, x: n.x, y: n.y, dy: n.dy, left: n.left })),
  ];
  // The view is built before its first rows arrive (render-svg.ts): until then, a domain of 1 to 2 and no ticks.
  const frame = (field: string) => firstRow(field, field === "ylo" ? 1 : 2);
  const x = {
    field: "x",
    type: "quantitative" as const,
    // In lines no wider than the plot: Vega narrows the plot to fit a wider title.
    title: c.kind === "ratio" ? ["Size: effective number of", c.sizeLabel] : c.kind === "share" ? "Size: headcount" : "Size: voting board members",
    scale: { domain: [0, { expr: frame("xmax") }], nice: false },
    axis: { tickCount: 4, format: ",d", grid: false },
  };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: yTitle(c),
    scale: { type: c.kind === "ratio" ? ("log" as const) : ("linear" as const), domain: [{ expr: frame("ylo") }, { expr: frame("yhi") }], nice: false },
    // The ticks chosen here (yTicks), so that nameLabels knows the axis's width.
    axis: { values: { expr: `(length(data('${ROWS_DATA}')) ? data('${ROWS_DATA}')[0].yticks : [])` }, labelExpr: TICK_EXPR[c.kind], grid: true },
  };
  const kind = (k: string) => [{ filter: `datum.kind === '${k}'` }];
  const legend = { orient: "top" as const, title: null, direction: "vertical" as const, labelFontSize: TEXT_SIZE };
  const lineLegend = { ...legend, symbolType: "stroke", symbolSize: 400, symbolStrokeWidth: 2 };
  return {
    ...base,
    height: HEIGHT,
    data: { values: rows },
    // The two keys (lines, then points) one above the other, above the plot: Vega's legend layout, which Vega-Lite passes on but does not type.
    config: { ...base.config, legend: { ...base.config!.legend, ...({ layout: { top: { anchor: "start", direction: "vertical", margin: 4 } } } as object) } },
    layer: [
      {
        // The group's figure and its limits: reference lines, which no name may lie on (scripts/check/chart-geometry.ts).
        name: `${REFERENCE}_funnel`,
        transform: kind("line"),
        mark: { type: "line", clip: true, strokeWidth: 2 },
        encoding: {
          x,
          y,
          detail: { field: "curve" },
          color: { field: "line", type: "nominal", scale: { domain: LINES, range: [colours.text, colours.reference, colours.reference] }, legend: lineLegend },
          strokeDash: { field: "line", type: "nominal", scale: { domain: LINES, range: [[1, 0], [1, 0], [5, 4]] }, legend: lineLegend },
        },
      },
      {
        transform: kind("point"),
        mark: { type: "point", filled: true, opacity: 1, size: 60, color: colours.focus, clip: true },
        encoding: {
          x,
          y,
          shape: { field: "band", type: "nominal", scale: { domain: Object.values(BAND_LABEL), range: ["circle", "square", "triangle-up"] }, legend },
        },
      },
      {
        transform: kind("name"),
        mark: {
          type: "text",
          baseline: "middle",
          lineHeight: LINE_HEIGHT,
          align: { expr: "datum.left ? 'right' : 'left'" },
          dx: { expr: `datum.left ? ${-NAME_GAP} : ${NAME_GAP}` },
          dy: { expr: "datum.dy" },
        },
        encoding: { x, y, text: { field: "name" } },
      },
    ],
  };
}

/** The figures drawn as points: those shown (a group compared has at least 3). */
const plotted = ({ comparison: c }: FunnelInput) => c.members.filter(onPlot).map((m) => m.value);

export const funnelChart: ChartType<FunnelInput> = { name: "funnel", text, table, spec, plotted };
