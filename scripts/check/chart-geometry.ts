/**
 * Chart text as a reader sees it, measured in the real browser on every chart (`svg.chart-svg`)
 * of a page, as Chromium lays it out:
 * - every label lies inside its chart's box (nothing cut off at an edge);
 * - no label overlaps another label, a reference line or the edge of a reference band (the marks
 *   of a group with the class "reference", which scripts/charts keeps for the check);
 * - labels are large enough: at least 12 CSS px on a 320 px wide screen, at least 9 pt on a
 *   printed page, and at most 1.5 times the size they were drawn at (a chart blown up to fill a
 *   wide screen is a phone chart made big, not a chart laid out for the space).
 */
import type { Page } from "playwright-core";
import type { Finding } from "./findings.ts";

export interface TextRules {
  /** The smallest size a label may render at, in CSS px (1 pt = 4/3 px). */
  minPx?: number;
  /** The largest scale of a label against the size it is drawn at in the SVG. */
  maxScale?: number;
}

export interface ChartProblem {
  /** The id of the chart's figure ("chart-wres-5"), or the chart's place on the page. */
  chart: string;
  /** The chart's type, from its figure's class (chart-figure--survey): its spec is scripts/charts/specs/<kind>.ts. */
  kind?: string;
  rule: "outside" | "overlap" | "on-reference" | "too-small" | "too-large";
  /** The label concerned. */
  text: string;
  /** What is wrong, in words, with the measurements. */
  detail: string;
}

/**
 * Runs inside the page (Playwright serialises it: it may use nothing from outside itself).
 * Each line of a label (a <text>, or each <tspan> of one broken over lines) is a box as the
 * browser lays it out: the advance width of its glyphs by the font's ascent to descent.
 */
export function measureChartText(rules: TextRules): ChartProblem[] {
  const TOLERANCE = 0.5;
  interface Box {
    left: number;
    right: number;
    top: number;
    bottom: number;
  }
  const overlap = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
  const round = (n: number) => Math.round(n * 10) / 10;
  const problems: ChartProblem[] = [];

  document.querySelectorAll<SVGSVGElement>("svg.chart-svg").forEach((svg, index) => {
    const chart = svg.closest("figure")?.id || `chart ${index + 1} on the page`;
    const kind = /chart-figure--([\w-]+)/.exec(svg.closest("figure")?.className ?? "")?.[1];
    const frame = svg.getBoundingClientRect();
    if (frame.width === 0) return;
    const add = (rule: ChartProblem["rule"], text: string, detail: string) => problems.push({ chart, ...(kind ? { kind } : {}), rule, text, detail });
    // Positions in CSS px from the chart's top left corner.
    const describe = (b: Box) =>
      `x ${round(b.left - frame.left)} to ${round(b.right - frame.left)}, y ${round(b.top - frame.top)} to ${round(b.bottom - frame.top)}`;

    const lines = [...svg.querySelectorAll<SVGTextElement>("text")].flatMap((text) => {
      const spans = [...text.querySelectorAll<SVGTSpanElement>("tspan")];
      const scale = Math.hypot(text.getScreenCTM()!.a, text.getScreenCTM()!.b);
      const drawn = parseFloat(getComputedStyle(text).fontSize);
      return (spans.length > 0 ? spans : [text])
        .filter((line) => (line.textContent ?? "").trim() !== "")
        .map((line) => ({ label: line.textContent.trim(), box: line.getBoundingClientRect(), px: drawn * scale, scale }));
    });

    // The reference marks: a line's stroke, and the four edges of a band.
    const edges: { what: string; box: Box }[] = [];
    svg.querySelectorAll<SVGGraphicsElement>(".reference line, .reference path").forEach((mark) => {
      const box = mark.getBoundingClientRect();
      const scale = Math.hypot(mark.getScreenCTM()!.a, mark.getScreenCTM()!.b);
      const half = Math.max(0.5, (parseFloat(getComputedStyle(mark).strokeWidth) || 0) * scale) / 2;
      const grow = (b: Box): Box => ({ left: b.left - half, right: b.right + half, top: b.top - half, bottom: b.bottom + half });
      if (mark.tagName === "line") edges.push({ what: "a reference line", box: grow(box) });
      else
        for (const edge of [
          { ...box, bottom: box.top },
          { ...box, top: box.bottom },
          { ...box, right: box.left },
          { ...box, left: box.right },
        ])
          edges.push({ what: "the edge of a reference band", box: grow(edge) });
    });

    lines.forEach((line, i) => {
      const { box, label } = line;
      if (box.left < frame.left - TOLERANCE || box.right > frame.right + TOLERANCE || box.top < frame.top - TOLERANCE || box.bottom > frame.bottom + TOLERANCE)
        add("outside", label, `the label (${describe(box)}) is not wholly inside the chart (${round(frame.width)} by ${round(frame.height)} px)`);
      for (const other of lines.slice(i + 1))
        if (overlap(box, other.box)) add("overlap", label, `the label overlaps "${other.label}" (${describe(box)} against ${describe(other.box)})`);
      for (const edge of edges) if (overlap(box, edge.box)) add("on-reference", label, `the label lies on ${edge.what} (${describe(box)} against ${describe(edge.box)})`);
    });
    // Size: once per chart, for its smallest and its most enlarged label.
    const smallest = lines.reduce<(typeof lines)[number] | undefined>((a, b) => (a === undefined || b.px < a.px ? b : a), undefined);
    if (smallest && rules.minPx !== undefined && smallest.px < rules.minPx - 0.05)
      add("too-small", smallest.label, `chart text renders at ${round(smallest.px)} px (at least ${round(rules.minPx)} px is readable)`);
    const largest = lines.reduce<(typeof lines)[number] | undefined>((a, b) => (a === undefined || b.scale > a.scale ? b : a), undefined);
    if (largest && rules.maxScale !== undefined && largest.scale > rules.maxScale + 0.005)
      add("too-large", largest.label, `the chart is shown at ${round(largest.scale)} times the size it is drawn at (at most ${rules.maxScale})`);
  });
  return problems;
}

/** Each rule's fix; `spec` is the chart type's spec file, where its labels are placed. */
const fixes: Record<ChartProblem["rule"], (spec: string) => string> = {
  outside: (spec) => `lay the chart out so its labels fit its width (${spec}): wrap the legend or shorten the label`,
  overlap: (spec) => `place the labels apart (${spec}): above or below their point, or beside the line`,
  "on-reference": (spec) => `place the label clear of the reference line or band (${spec})`,
  "too-small": () => "draw chart text larger, or the chart narrower, so it is not scaled down (scripts/charts/specs/common.ts, templates/components/chart-figure/chart-figure.css)",
  "too-large": () => "lay the chart out for the width it is shown at instead of scaling it up (templates/components/chart-figure/chart-figure.css)",
};

/**
 * measureChartText as a script for the page. Run through tsx, a function's source calls esbuild's
 * `__name` helper, which the page does not have: the script brings a stand-in.
 */
export const measureScript = (rules: TextRules): string =>
  `(() => { const __name = (f) => f; return (${measureChartText.toString()})(${JSON.stringify(rules)}); })()`;

const measure = (page: Page, rules: TextRules) => page.evaluate<ChartProblem[]>(measureScript(rules));

function findingsOf(file: string, where: string, problems: ChartProblem[]): Finding[] {
  return problems.map((p) => ({
    file,
    check: "charts",
    rule: `chart-${p.rule}`,
    element: `#${p.chart} "${p.text}" (${where})`,
    message: `${p.kind ? `the ${p.kind} chart: ` : ""}${p.detail}`,
    fix: fixes[p.rule](p.kind ? `scripts/charts/specs/${p.kind}.ts` : "scripts/charts/specs/"),
  }));
}

/** The rules at a screen width: the 12 px floor applies on the narrowest screen. */
export const screenRules = (width: number): TextRules => ({ maxScale: 1.5, ...(width <= 320 ? { minPx: 12 } : {}) });

/** Every chart of the page open in `page`, at the width it is open at. */
export async function checkChartGeometry(page: Page, file: string, width: number): Promise<Finding[]> {
  return findingsOf(file, `at ${width}px`, await measure(page, screenRules(width)));
}

/** A4 portrait at 96 CSS px to the inch: the width a print page is laid out at. */
const A4_WIDTH_PX = Math.round((210 / 25.4) * 96);
/** 9 pt in CSS px. */
export const PRINT_MIN_PX = (9 * 96) / 72;

/**
 * Every chart of the print page open in `page`, laid out for paper (print media, A4 width): inside
 * the box, apart from each other and from reference marks, and at least 9 pt. The page is left in
 * screen media at A4 width.
 */
export async function checkPrintedCharts(page: Page, file: string): Promise<Finding[]> {
  await page.setViewportSize({ width: A4_WIDTH_PX, height: 1123 });
  await page.emulateMedia({ media: "print" });
  try {
    return findingsOf(file, "printed", await measure(page, { minPx: PRINT_MIN_PX }));
  } finally {
    await page.emulateMedia({ media: null });
  }
}
