import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { accessibleSvg, renderSvg } from "./render-svg.ts";
import { ROWS_DATA, TEXT_SIZE } from "./constants.ts";
import { boardChart } from "./specs/board.ts";
import { boardExample, likelihoodExample, representationExample, surveyExample } from "./specs/examples.ts";
import { likelihoodChart } from "./specs/relative-likelihood.ts";
import { representationChart } from "./specs/representation.ts";
import { surveyChart } from "./specs/survey.ts";
import type { Figure } from "./types.ts";

const options = { id: "chart", label: "A finding." };

/** What a new Vega view, used once, draws for this spec (its rows as the named dataset): the yardstick for the shared views. */
async function drawnAfresh(spec: TopLevelSpec): Promise<string> {
  const { values } = spec.data as { values: object[] };
  const view = new vega.View(vega.parse(compile({ ...spec, data: { name: ROWS_DATA } }).spec), { renderer: "none" });
  try {
    return accessibleSvg(await view.data(ROWS_DATA, values).toSVG(), options);
  } finally {
    view.finalize();
  }
}

const scaled = (figure: Figure, by: number): Figure =>
  figure.value === null ? figure : { ...figure, value: Math.round(figure.value * by * 100) / 100, display: String(Math.round(figure.value * by * 100) / 100) };

// Pairs of charts of one shape (same spec apart from the rows) whose axes have different ticks.
const cases: [string, TopLevelSpec, TopLevelSpec][] = [
  [
    "relative likelihood",
    likelihoodChart.spec(likelihoodExample),
    likelihoodChart.spec({ ...likelihoodExample, years: likelihoodExample.years.map((y) => ({ ...y, value: scaled(y.value, 2.7) })) }),
  ],
  [
    "survey",
    surveyChart.spec(surveyExample),
    surveyChart.spec({ ...surveyExample, groups: surveyExample.groups.map((g) => ({ ...g, values: g.values.map((v) => scaled(v, 0.4)) })) }),
  ],
  [
    "representation",
    representationChart.spec(representationExample),
    representationChart.spec({ ...representationExample, rows: representationExample.rows.map((r) => ({ ...r, share: scaled(r.share, 1.8) })) }),
  ],
  ["board", boardChart.spec(boardExample), boardChart.spec({ ...boardExample, rows: boardExample.rows.map((r) => ({ ...r, share: scaled(r.share, 0.3) })) })],
];

describe("renderSvg, which reuses one Vega view for every chart of a shape", () => {
  it.each(cases)("draws a %s chart exactly as a new view would, whatever it drew before", async (_name, first, second) => {
    const [firstAlone, secondAlone] = [await drawnAfresh(first), await drawnAfresh(second)];
    expect(firstAlone).not.toBe(secondAlone);
    // One shape: the specs differ in their rows only, so both go through the same view.
    expect(JSON.stringify({ ...first, data: null })).toBe(JSON.stringify({ ...second, data: null }));
    // Drawn in turn through the shared view, and again in the other order, and concurrently.
    expect(await renderSvg(first, options)).toBe(firstAlone);
    expect(await renderSvg(second, options)).toBe(secondAlone);
    expect(await renderSvg(first, options)).toBe(firstAlone);
    expect(await Promise.all([renderSvg(second, options), renderSvg(first, options), renderSvg(second, options)])).toEqual([secondAlone, firstAlone, secondAlone]);
  });
});

describe("accessibleSvg", () => {
  const inSvg = (body: string) => accessibleSvg(`<svg width="320" height="100" viewBox="0 0 320 100">${body}</svg>`, options);
  const raw =
    `<svg class="marks" width="320" height="100" viewBox="0 0 320 100"><g fill="none"><g><g><text fill="#212b32" font-size="${TEXT_SIZE}px">A</text>` +
    '<text fill="#ffffff" font-size="20px">B</text></g><path d="M0,0h9v9h-9Z"/><g class="mark-rect role-mark"><path d="M0,0h1v1h-1Z" fill="#003087"/></g></g><g/></g></svg>';

  it("unwraps groups without attributes, drops a background that draws nothing, and keeps every other group and its content", () => {
    const svg = accessibleSvg(raw, options);
    expect(svg).not.toContain("<g>");
    expect(svg.match(/<g[ >]/g)).toHaveLength(2);
    expect(svg.match(/<\/g>/g)).toHaveLength(2);
    expect(svg).toContain('<g fill="none"><text>A</text><text fill="#ffffff" font-size="20px">B</text><g class="mark-rect role-mark"><path d="M0,0h1v1h-1Z" fill="#003087"/></g><g/></g></svg>');
  });

  it("names the usual text size once on the root and leaves the usual text colour to the stylesheet, keeping any other", () => {
    const svg = accessibleSvg(raw, options);
    expect(svg).toMatch(new RegExp(`^<svg [^>]* font-size="${TEXT_SIZE}px"`));
    expect(svg).toContain("<text>A</text>");
    expect(svg).toContain('<text fill="#ffffff" font-size="20px">B</text>');
  });

  it("rounds coordinates to two decimals and places plain labels by x and y, never touching a label's text", () => {
    const svg = accessibleSvg(
      '<svg width="320" height="100" viewBox="0 0 320 100"><text transform="translate(12.3456,7.891)">1.23456</text>' +
        '<text transform="translate(5,6)"><tspan>Two</tspan><tspan x="0" dy="15">lines</tspan></text></svg>',
      options,
    );
    expect(svg).toContain('<text x="12.35" y="7.89">1.23456</text>');
    // A label broken into lines keeps its transform: its lines are placed from it.
    expect(svg).toContain('<text transform="translate(5,6)"><tspan>Two</tspan>');
  });

  it("places lines by their ends, not a translation", () => {
    const lines = ['<line transform="translate(0,200)" x2="217" stroke="#d8dde0"/>', '<line transform="translate(35.5,0)" y2="-136"/>', '<line transform="translate(224,93.33)" x2="-224"/>'];
    expect(inSvg(`<g transform="translate(1,1)">${lines.join("")}</g>`)).toContain(
      '<line y1="200" x2="217" y2="200" stroke="#d8dde0"/><line x1="35.5" x2="35.5" y2="-136"/><line x1="224" y1="93.33" y2="93.33"/>',
    );
  });

  it("drops the outline width and dashes of a shape that draws no outline, keeping a line's and a stroked shape's", () => {
    const svg = inSvg(
      '<g fill="none" stroke-miterlimit="4"><g class="mark-symbol role-mark"><path d="M1,0Z" fill="#003087" stroke-width="2"/>' +
        '<path d="M2,0Z" stroke="#003087" stroke-width="2" stroke-dasharray="6,3"/><path d="M3,0Z" fill="#768692" stroke="#768692" stroke-width="0" stroke-dasharray="1,0"/>' +
        '<line x2="5" stroke-width="2"/></g></g>',
    );
    expect(svg).toContain('<path d="M1,0Z" fill="#003087"/><path d="M2,0Z" stroke="#003087" stroke-width="2" stroke-dasharray="6,3"/><path d="M3,0Z" fill="#768692"/><line x2="5" stroke-width="2"/>');
  });

  it("gives a group its labels' usual anchor once, each other label naming its own", () => {
    const svg = inSvg(
      '<g transform="translate(1,2)"><line x2="5"/><text x="0" y="17">0%</text><text text-anchor="middle" x="35" y="17">10%</text>' +
        '<text text-anchor="middle" x="70" y="17">20%</text><text text-anchor="end" x="87" y="34">Title</text></g><g transform="translate(3,4)"><text text-anchor="end" x="-2" y="1">Only</text></g>',
    );
    expect(svg).toContain(
      '<g transform="translate(1,2)" text-anchor="middle"><line x2="5"/><text text-anchor="start" x="0" y="17">0%</text><text x="35" y="17">10%</text><text x="70" y="17">20%</text><text text-anchor="end" x="87" y="34">Title</text></g>',
    );
    // One label: nothing to share.
    expect(svg).toContain('<g transform="translate(3,4)"><text text-anchor="end" x="-2" y="1">Only</text></g>');
  });

  it("leaves no label in a real chart naming the anchor its group gives, and no point symbol an outline it does not draw", async () => {
    const svg = await renderSvg(surveyChart.spec(surveyExample), options);
    const leafGroups = [...svg.matchAll(/<g(\s[^>]*[^/])>((?:(?!<g[\s>]|<\/g>)[\s\S])*)<\/g>/g)];
    expect(leafGroups.length).toBeGreaterThan(3);
    for (const [, attributes, body] of leafGroups) {
      const named = [...body!.matchAll(/<text\b[^>]*>/g)].map(([tag]) => / text-anchor="([^"]+)"/.exec(tag)?.[1] ?? "");
      const own = / text-anchor="([^"]+)"/.exec(attributes!)?.[1];
      // No label repeats its group's anchor, and no anchor but the default is left on most of a group's labels.
      if (own) expect(named, attributes).not.toContain(own);
      for (const anchor of new Set(named)) if (anchor && anchor !== "start" && named.length > 1) expect(named.filter((a) => a === anchor).length * 2, attributes).toBeLessThanOrEqual(named.length);
    }
    expect(svg).toContain("mark-symbol");
    expect(svg).not.toMatch(/<path (?![^>]* stroke=")[^>]*stroke-width/);
  });
});
