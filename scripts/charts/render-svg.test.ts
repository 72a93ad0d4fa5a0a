import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { accessibleSvg, renderSvg, ROWS_DATA } from "./render-svg.ts";
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
