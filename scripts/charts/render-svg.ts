/**
 * Vega-Lite spec -> SVG string, in Node, with no browser and no canvas.
 *
 * Vega's own SVG is made fit for inlining in a page and a tagged PDF:
 * - the root gets role="img" and aria-label = the finding, and a class for styling;
 * - every ARIA attribute and role Vega writes on marks, axes and legends is removed (they would
 *   repeat each value to a screen reader; the data table is the accessible route to the numbers);
 * - ids (Vega numbers clip paths from a process-wide counter) are renamed from the chart id,
 *   so the same data gives byte-identical SVG and two charts on one page never share an id;
 * - empty helper elements and pointer-event hints are dropped;
 * - it is made smaller (26 charts sit on one report page): coordinates rounded to 2 decimals,
 *   labels and lines placed by x and y rather than a transform, a group's usual text-anchor named
 *   once on the group, no outline width or dashes on a shape that draws no outline,
 *   attributes that only restate SVG's defaults dropped, Vega's styling classes dropped (the
 *   mark groups keep "mark-<type> role-mark": tests count marks by it, and reference lines and bands
 *   the class "reference": the geometry check finds them by it), groups without attributes
 *   unwrapped, the font and its usual size named once on the root instead of on every label,
 *   and the usual text and axis colours left to the stylesheet (chart-figure.css) instead of every
 *   label and tick.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FONT, REFERENCE, ROWS_DATA, TEXT_SIZE } from "./constants.ts";
import { escapeAttribute } from "../html/escape.ts";
import { colours } from "./palette.ts";
import { textWidth } from "./text-width.ts";

/**
 * Vega measures text with the chart font's real widths (text-width.ts) instead of its estimate:
 * a text measure of one's own is how Vega is meant to be given one where there is no canvas.
 */
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: { fontSize?: number }, text: unknown) => number } };
textMetrics.width = (item, text) => textWidth(typeof text === "string" || typeof text === "number" ? String(text).trim() : "", item.fontSize ?? 11);

export interface SvgOptions {
  /** Unique on the page; prefixes every id inside the SVG. */
  id: string;
  /** The accessible name: the finding in words. */
  label: string;
}

/**
 * One live Vega view per chart shape (the spec with its rows taken out), reused by swapping in each
 * chart's rows. Compiling the Vega-Lite spec, parsing it and building the view's dataflow are about
 * half of a chart's cost, and the charts of one type (on a report and across reports) share a shape
 * whenever their spec depends on the data only through the rows (see specs/survey.ts).
 *
 * A reused view must draw exactly what a new one would. Mark items follow the new rows, but Vega
 * keeps an axis's tick, grid and label items by value from one run to the next, in their old
 * order. So every render first runs with its axes emptied (the `RESET` signal), then draws: each
 * chart's SVG depends on its own spec and rows only, never on the chart drawn before it.
 * Renders through one view take turns.
 */
interface SharedView {
  view: vega.View;
  /** The size the spec asks for, before Vega fits the plot to its axes. */
  width: number;
  height: number;
  /** The end of the queue of renders through this view. */
  turn: Promise<unknown>;
}
const views = new Map<string, SharedView>();
/** Enough for every shape of a large build's recent reports, small enough to keep memory flat. */
const MAX_VIEWS = 200;
const RESET = "reset_guides";

/** The compiled spec, with every axis's tick values switched off while `RESET` is true. */
function resettable(spec: vega.Spec): vega.Spec {
  const withReset = (axis: vega.Axis): vega.Axis => ({
    ...axis,
    values: { signal: `${RESET} ? [] : ${axis.values === undefined ? "null" : "signal" in axis.values ? `(${axis.values.signal})` : JSON.stringify(axis.values)}` },
  });
  const walk = (node: vega.Spec | vega.GroupMark): void => {
    if (node.axes) node.axes = node.axes.map(withReset);
    for (const mark of node.marks ?? []) if (mark.type === "group") walk(mark);
  };
  walk(spec);
  return { ...spec, signals: [...(spec.signals ?? []), { name: RESET, value: false }] };
}

function viewFor(shape: TopLevelSpec): SharedView {
  const key = JSON.stringify(shape);
  let shared = views.get(key);
  if (!shared) {
    const spec = resettable(compile(shape).spec);
    const size = (value: unknown) => (typeof value === "number" ? value : 0);
    shared = { view: new vega.View(vega.parse(spec), { renderer: "none" }), width: size(spec.width), height: size(spec.height), turn: Promise.resolve() };
    views.set(key, shared);
    // Forget the oldest (a Map keeps insertion order); renders already queued on it still finish.
    if (views.size > MAX_VIEWS) {
      const [oldest] = views.values();
      views.delete(views.keys().next().value!);
      void oldest!.turn.finally(() => oldest!.view.finalize());
    }
  }
  return shared;
}

async function draw({ view, width, height }: SharedView, rows: unknown[] | undefined): Promise<string> {
  view.signal(RESET, true);
  if (rows) view.data(ROWS_DATA, rows.map((row) => ({ ...(row as object) })));
  await view.runAsync();
  // Lay the chart out again: Vega sizes a view on its first run only, unless asked.
  view.signal(RESET, false).width(width).height(height).resize();
  return view.toSVG();
}

export async function renderSvg(spec: TopLevelSpec, options: SvgOptions): Promise<string> {
  const inline = "data" in spec && spec.data && "values" in spec.data ? (spec.data.values as unknown[]) : undefined;
  const shared = viewFor(inline ? { ...spec, data: { name: ROWS_DATA } } : spec);
  const render = shared.turn.then(async () => accessibleSvg(await draw(shared, inline), options));
  shared.turn = render.catch(() => {});
  return render;
}

/** A coordinate to at most 2 decimals, without trailing zeros. */
const round2 = (n: number) => String(Number(n.toFixed(2)));

/** Rewrites Vega's SVG as described above. Exported for tests. */
export function accessibleSvg(raw: string, options: SvgOptions): string {
  const root = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)" viewBox="([^"]+)"[^>]*>/.exec(raw);
  if (!root) throw new Error("unexpected SVG from Vega: no root element with width, height and viewBox");
  const [openTag, width, height, viewBox] = root as unknown as [string, string, string, string];

  const ids = [...raw.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  const newId = new Map(ids.map((old, i) => [old, `${options.id}-svg-${i + 1}`]));
  const body = raw
    .slice(openTag.length)
    .replace(/ (role|aria-[a-z]+|pointer-events)="[^"]*"/g, "")
    .replace(/<path class="foreground"[^>]*display="none"\/>/g, "")
    .replace(/ id="([^"]+)"/g, (_, old: string) => ` id="${newId.get(old)!}"`)
    .replace(/url\(#([^)]+)\)/g, (_, old: string) => `url(#${newId.get(old) ?? old})`)
    // Coordinates to 2 decimals: in attribute values only, never in a label's text.
    .replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/\d+\.\d{3,}/g, (n) => round2(Number(n)))}"`)
    .replace(/ (opacity="1"|stroke-width="1"|text-anchor="start"|transform="translate\(0,0\)"|font-weight="normal"|font-style="normal")/g, "")
    .replace(/ class="(?![^"]*role-mark)[^"]*"/g, "")
    .replace(/ class="(mark-[a-z]+ role-mark)([^"]*)"/g, (_, mark: string, names: string) =>
      names.includes(` ${REFERENCE}_`) ? ` class="${mark} ${REFERENCE}"` : ` class="${mark}"`,
    )
    // A line's end defaults to 0,0; a group's background (once its class is gone) with neither fill
    // nor stroke draws nothing (a clip path's shape stays).
    .replace(/<line [^>]*>/g, (line) => line.replace(/ [xy]2="0"/g, ""))
    .replace(/(?<!<clipPath [^>]*>)<path d="[^"]*"\/>/g, "")
    // Axis labels Vega hid because they would overlap: invisible, and no use to a PDF's text either.
    .replace(/<text [^>]*opacity="0"[^>]*>[^<]*<\/text>/g, "")
    .replaceAll(` font-family="${FONT}"`, "")
    .replaceAll(` font-size="${TEXT_SIZE}px"`, "")
    .replace(/(<text\b[^>]*?) fill="([^"]+)"/g, (text: string, start: string, fill: string) => (fill === colours.text ? start : text))
    .replace(/(<line\b[^>]*?) stroke="([^"]+)"/g, (line: string, start: string, stroke: string) => (stroke === colours.axis ? start : line))
    // A label placed by a translation alone (not broken into lines) takes x and y: the same place in fewer bytes.
    .replace(/<text([^>]*?) transform="translate\((-?[\d.]+),(-?[\d.]+)\)"([^>]*)>(?!<tspan)/g, '<text$1 x="$2" y="$3"$4>')
    // So does a line (a tick, a grid line, a rule): its ends moved by the translation.
    .replace(/<line transform="translate\((-?[\d.]+),(-?[\d.]+)\)"([^>]*)\/>/g, (_, x: string, y: string, rest: string) => `<line${lineEnds(rest, Number(x), Number(y))}/>`);

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="${width}" height="${height}" ` +
    `viewBox="${viewBox}" font-family="${FONT}" font-size="${TEXT_SIZE}px" role="img" aria-label="${escapeAttribute(options.label)}" focusable="false">` +
    shareTextAnchors(withoutUnpaintedStrokes(unwrapBareGroups(body)))
  );
}

/** A line's attributes with its ends moved by (dx, dy): x1 y1 x2 y2 first, each left out where it is 0 (SVG's default). */
function lineEnds(attributes: string, dx: number, dy: number): string {
  const end = (name: string) => Number(new RegExp(` ${name}="([^"]+)"`).exec(attributes)?.[1] ?? 0);
  const ends = [
    ["x1", end("x1") + dx],
    ["y1", end("y1") + dy],
    ["x2", end("x2") + dx],
    ["y2", end("y2") + dy],
  ] as const;
  return ends.map(([name, at]) => (at === 0 ? "" : ` ${name}="${round2(at)}"`)).join("") + attributes.replace(/ [xy][12]="[^"]*"/g, "");
}

/**
 * A shape or label with no stroke of its own (no group here has one: Vega strokes none) or one of
 * width 0 draws no outline, so its outline's width, dashes and colour say nothing: the chart's point
 * symbols carried stroke-width="2" each. Lines keep theirs: the stylesheet strokes a line without one.
 */
function withoutUnpaintedStrokes(svg: string): string {
  if (/<g [^>]* stroke="/.test(svg)) return svg;
  return svg.replace(/<(?:path|rect|text)\b[^>]*>/g, (tag) => (/ stroke="/.test(tag) && !/ stroke-width="0"/.test(tag) ? tag : tag.replace(/ stroke(-[a-z]+)?="[^"]*"/g, "")));
}

/**
 * Each group holding no other group takes the text-anchor most of its labels have (an axis's
 * labels, a mark's value labels), which its labels then inherit instead of each naming it; a label
 * anchored otherwise names its own, "start" too.
 */
function shareTextAnchors(svg: string): string {
  return svg.replace(/<g(\s[^>]*[^/])>((?:(?!<g[\s>]|<\/g>)[\s\S])*)<\/g>/g, (group: string, attributes: string, body: string) => {
    const anchor = (tag: string) => / text-anchor="([^"]+)"/.exec(tag)?.[1] ?? "start";
    const counts = new Map<string, number>();
    for (const [tag] of body.matchAll(/<text\b[^>]*>/g)) counts.set(anchor(tag), (counts.get(anchor(tag)) ?? 0) + 1);
    const [shared, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["start", 0];
    if (shared === "start" || count < 2) return group;
    const labels = body.replace(/<text\b[^>]*>/g, (tag) => {
      const own = anchor(tag);
      if (own === shared) return tag.replace(/ text-anchor="[^"]*"/, "");
      return own === "start" ? tag.replace(/^<text/, '<text text-anchor="start"') : tag;
    });
    return `<g${attributes} text-anchor="${shared}">${labels}</g>`;
  });
}

/** Removes every <g> without attributes, with its closing tag, keeping what it holds: such a group changes nothing drawn. */
function unwrapBareGroups(svg: string): string {
  const open: boolean[] = [];
  return svg.replace(/<g>|<g [^>]*?\/>|<g [^>]*>|<\/g>/g, (tag) => {
    if (tag === "</g>") return open.pop() ? "" : tag;
    if (tag.endsWith("/>")) return tag;
    open.push(tag === "<g>");
    return tag === "<g>" ? "" : tag;
  });
}
