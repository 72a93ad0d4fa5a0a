/**
 * Every chart laid out in real Chromium as a reader meets it: in the narrowest column a report
 * page gives a chart (268 px on a 320 px phone), on a 1280 px screen and on an A4 page. The
 * charts are the example trust's (from its real metric files) and each chart type's example
 * with the hard cases beside it: values a hair apart, at 0 and near 100, on the reference lines,
 * long group names, many years. The rules are the build check's own
 * (scripts/check/chart-geometry.ts): no label outside its chart, on another label or on a
 * reference line; text at least 12 px on the phone and 9 pt on paper, and not blown up.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleMetrics, reference } from "../../test/example-data.ts";
import { measureScript, PRINT_MIN_PX, screenRules, type ChartProblem, type TextRules } from "../check/chart-geometry.ts";
import { computeReportIndicators } from "../compute/indicators.ts";
import { launchBrowser } from "../pdf/browser.ts";
import { Settings } from "../validate/schema.ts";
import { buildChart } from "./build-chart.ts";
import { buildCharts } from "./from-indicators.ts";
import { boardChart } from "./specs/board.ts";
import { boardExample, likelihoodExample, representationExample, surveyExample } from "./specs/examples.ts";
import { drawn } from "./specs/expect-chart.ts";
import { likelihoodChart } from "./specs/relative-likelihood.ts";
import { representationChart } from "./specs/representation.ts";
import { surveyChart } from "./specs/survey.ts";
import type { Chart, Figure } from "./types.ts";

const shown = (value: number): Figure => ({ value, display: String(value), status: "shown" });
const hidden: Figure = { value: null, display: "fewer than 10", status: "suppressed" };
const withheld: Figure = { value: null, display: "not shown", status: "suppressed" };
const years = (n: number) => Array.from({ length: n }, (_, i) => String(2019 + i));

async function hardCases(): Promise<Chart[]> {
  const survey = (id: string, groups: { heading: string; values: Figure[] }[], unit: "%" | "score" = "%") =>
    buildChart(surveyChart, { ...surveyExample, unit, years: years(groups[0]!.values.length), groups }, { id });
  const likelihood = (id: string, values: (number | null)[]) =>
    buildChart(
      likelihoodChart,
      { ...likelihoodExample, years: values.map((v, i) => ({ label: String(2019 + i), value: v === null ? withheld : shown(v) })) },
      { id },
    );
  const representation = (id: string, overall: number, shares: (number | null)[], labels?: string[]) =>
    buildChart(
      representationChart,
      {
        ...representationExample,
        overall: shown(overall),
        rows: shares.map((share, i) => ({ label: labels?.[i] ?? `Band ${i + 2}`, share: share === null ? hidden : shown(share) })),
      },
      { id },
    );
  return Promise.all([
    buildChart(representationChart, representationExample, { id: "example-representation" }),
    buildChart(likelihoodChart, likelihoodExample, { id: "example-likelihood" }),
    buildChart(surveyChart, surveyExample, { id: "example-survey" }),
    buildChart(boardChart, boardExample, { id: "example-board" }),
    survey("survey-a-hair-apart", [
      { heading: "BME", values: [25, 24.9, 31.2, 31.2, 40.1, 40].map(shown) },
      { heading: "White", values: [24.9, 25, 31.1, 31.2, 40, 40.1].map(shown) },
    ]),
    survey("survey-near-zero", [
      { heading: "Disabled", values: [1.5, 0.8, 0, 2.1].map(shown) },
      { heading: "Non-disabled", values: [0.9, 1.2, 0.4, 0].map(shown) },
    ]),
    survey("survey-near-100", [
      { heading: "BME", values: [98.2, 99.1, 100].map(shown) },
      { heading: "White", values: [97.9, 99.5, 99.9].map(shown) },
    ]),
    survey("survey-long-names", [
      { heading: "Black, Asian and minority ethnic", values: [20.4, 22.8, 19.9].map(shown) },
      { heading: "White British and White Other", values: [12.3, 13.4, 14.1].map(shown) },
    ]),
    survey("survey-one-group", [{ heading: "Disabled", values: [6.6, 6.5, 6.9, 7.1, 7.0, 6.8].map(shown) }], "score"),
    survey("survey-scores", [
      { heading: "Disabled", values: [6.6, 6.5, 6.6].map(shown) },
      { heading: "Non-disabled", values: [7.1, 7.0, 6.6].map(shown) },
    ], "score"),
    likelihood("likelihood-on-the-lines", [0.79, 0.81, 1.01, 1.24, 1.26, 0.99]),
    likelihood("likelihood-in-the-band", [0.86, 0.83, 0.9, 1.1, 1.15, 0.95]),
    likelihood("likelihood-large", [2.95, 3.4, 0.5, 1.0]),
    likelihood("likelihood-years-missing", [null, null, 0.3, 0.25, null, 0.2]),
    survey("survey-years-missing", [
      { heading: "Culturally diverse", values: [withheld, shown(2.1), withheld, withheld, shown(1.5)] },
      { heading: "White", values: [shown(1.2), withheld, withheld, shown(0.9), shown(1.1)] },
    ]),
    representation("representation-on-the-line", 18.6, [17.5, 18.0, 18.6, 19.0, 2.0, null, 15.5]),
    representation("representation-low-reference", 3.0, [null, 2.8, 3.2, null, 0, 5.1]),
    representation("representation-reference-above-all", 40, [10.2, 12.5, 8.4, null]),
    representation("representation-long-names", 12.5, [31.8, null, 9.2, 12.6], [
      "Consultants",
      "Non-consultant career grades",
      "Trainee grades",
      "Other medical and dental staff",
    ]),
    buildChart(
      boardChart,
      { ...boardExample, workforce: shown(99.5), rows: [0, 100, 50, 99.9].map((v, i) => ({ label: ["All board members", "Voting members", "Executive members", "Non-voting members"][i]!, members: 10, focusMembers: Math.round(v / 10), share: shown(v), difference: shown(v - 99.5) })) },
      { id: "board-0-to-100" },
    ),
  ]);
}

async function exampleTrustCharts(): Promise<Chart[]> {
  const organisation = { name: "Example NHS Trust", type: "trust" as const, terminology: { ethnic_minority: "culturally diverse" } };
  const computed = computeReportIndicators({ metricsByYear: exampleMetrics, year: 2024, settings: Settings.parse({}), organisation, reference });
  return buildCharts(computed);
}

const css = readFileSync(path.resolve(import.meta.dirname, "../../templates/components/chart-figure/chart-figure.css"), "utf8");
/** The narrowest column a report page gives a chart: 268 px on a 320 px screen (26 px either side). */
const pageOf = (charts: Chart[]) =>
  `<!DOCTYPE html><html lang="en"><head><style>body { margin: 0 26px; font-family: Arial, "Liberation Sans", sans-serif; } ${css}</style></head><body>` +
  charts.map((chart) => `<figure id="chart-${chart.id}" class="chart-figure"><div class="chart-figure__chart">${chart.svg}</div></figure>`).join("") +
  "</body></html>";

let browser: Browser;
let page: Page;
let charts: Chart[];

beforeAll(async () => {
  // Only the charts drawn: one with fewer than two figures shown is words and a table (build-chart.ts).
  [browser, charts] = await Promise.all([launchBrowser(), Promise.all([exampleTrustCharts(), hardCases()]).then((sets) => sets.flat().filter((c) => c.svg !== undefined))]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** The problems, one line each: "chart-wres-5 overlap "25.0%": ...". */
async function problemsAt(width: number, media: "screen" | "print", rules: TextRules): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ media });
  await page.setContent(pageOf(charts));
  const problems = await page.evaluate<ChartProblem[]>(measureScript(rules));
  return problems.map((p) => `${p.chart} ${p.rule} "${p.text}": ${p.detail}`);
}

describe("every chart in Chromium", () => {
  it("has the example trust's charts and the hard cases to lay out", () => {
    expect(charts.length).toBeGreaterThan(40);
  });

  it.each([320, 1280])("at %i px: every label inside its chart, apart from the others and off the reference lines, and readable", async (width) => {
    expect(await problemsAt(width, "screen", screenRules(width))).toEqual([]);
  });

  it("on an A4 page: the same, with text at least 9 pt", async () => {
    expect(await problemsAt(794, "print", { minPx: PRINT_MIN_PX })).toEqual([]);
  });

  it("would see a label cut off, a label on another, a label on a reference line and text too small", async () => {
    const chart = charts.find((c) => c.id === "example-representation")!;
    const broken = drawn(chart.svg)
      // The first value label moved off the right edge, one band's name onto the one above, the reference's name onto its line.
      .replace(/(<text x=")[\d.]+(" y="\d+">30\.2%)/, "$1270$2")
      .replace(/(<text (?:text-anchor="end" )?x="-?[\d.]+" y=")[\d.]+(">Band 3<)/, "$124.5$2")
      .replace(/<text text-anchor="end"( x="[\d.]+") y="-?[\d.]+"(>Whole workforce)/, '<text text-anchor="middle"$1 y="140"$2');
    expect(broken.match(/270"|24\.5"|"middle" x="[\d.]+" y="140"/g)).toHaveLength(3);
    // And a chart drawn for a wider box than it is given, so its text shrinks.
    const shrunk = drawn(chart.svg).replace(/ viewBox="0 0 (\d+)/, (_, width: string) => ` viewBox="0 0 ${Number(width) * 1.5}`);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.emulateMedia({ media: "screen" });
    await page.setContent(pageOf([{ ...chart, svg: broken }, { ...chart, id: "shrunk", svg: shrunk }]));
    const problems = await page.evaluate<ChartProblem[]>(measureScript(screenRules(320)));
    expect(problems.map((p) => [p.chart, p.rule, p.text])).toEqual([
      ["chart-example-representation", "overlap", "Band 2"],
      ["chart-example-representation", "on-reference", "Whole workforce: 24.0%"],
      ["chart-example-representation", "outside", "30.2%"],
      ["chart-shrunk", "too-small", expect.any(String)],
    ]);
  });
});
