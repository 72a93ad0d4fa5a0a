// buildCharts on a hand-made ReportIndicators: one chart per chartable indicator, the figures
// passed through unchanged, and the counts behind rates (numerators, denominators) never shown.
// WRES 1's counts and headcounts are figures of the page's table, already suppressed: its CSV has them.
import { describe, expect, it } from "vitest";
import type { Figure, GroupFigure, IndicatorResult, ReportIndicators, RepresentationRow } from "../compute/types.ts";
import { countShown, shown } from "../compute/figures.ts";
import { buildCharts } from "./from-indicators.ts";
import { longDate } from "../dates.ts";
import { expectAccessibleChart } from "./specs/expect-chart.ts";

const hidden: Figure = { value: null, display: "fewer than 10", status: "suppressed" };
// Counts the charts must never print: distinctive, so a leak is unmistakable.
const COUNT: Figure = { value: 98765, display: "98765", status: "shown" };
const focus = { key: "bme" as const, label: "BME", inSentence: "BME" };
const reference = { key: "white" as const, label: "White", inSentence: "White" };
const group = (role: "focus" | "reference", value: Figure): GroupFigure => ({
  ...(role === "focus" ? focus : reference),
  role,
  value,
  numerator: COUNT,
  denominator: COUNT,
});
const row = (key: string, label: string, share: Figure, headcount = countShown(400)): RepresentationRow => ({
  key,
  label,
  headcount,
  cells: [
    { group: "white", count: countShown(300), share: shown(75, "%") },
    { group: "bme", count: share.value === null ? share : countShown(82), share },
  ],
});
const result = (id: string, measure: IndicatorResult["measure"], unit: IndicatorResult["unit"], extra: Partial<IndicatorResult>): IndicatorResult => ({
  standard: "WRES",
  id,
  number: Number(id),
  slug: `wres-${id}`,
  title: `Indicator ${id} title`,
  shortTitle: `Indicator ${id}`,
  measure,
  unit,
  better: "none",
  focus,
  reference,
  year: 2024,
  value: shown(1, "times"),
  groups: [],
  trend: [],
  previous: hidden,
  change: hidden,
  direction: "not available",
  judgement: "not judged",
  significance: "not available",
  outsideParityBand: null,
  sentence: `Sentence for indicator ${id}.`,
  ...extra,
});

const indicators: ReportIndicators = {
  organisation: "Example NHS Trust",
  year: 2024,
  snapshotDate: "2024-03-31",
  surveyYear: 2023,
  years: [2023, 2024],
  threshold: 10,
  parityBand: { lower: 0.8, upper: 1.25 },
  wres: [
    result("1", "representation", "%", {
      representation: {
        tables: [
          {
            staffGroup: "non-clinical",
            caption: "Non-clinical staff by AfC band",
            columns: [reference, focus],
            rows: [row("band_5", "Band 5", shown(20.5, "%")), row("band_9", "Band 9", hidden, countShown(12))],
            total: row("total", "All non-clinical staff", shown(19.9, "%")),
          },
        ],
        overall: row("overall", "Overall workforce", shown(21.3, "%")),
        undeclared: shown(3.2, "%"),
      },
    }),
    result("2", "relative-likelihood", "times", {
      trend: [
        {
          year: 2023,
          value: shown(1.54, "times"),
          interval: { lower: shown(1.2, "times"), upper: shown(1.98, "times"), display: "1.20 to 1.98" },
          groups: [group("focus", shown(14.6, "%")), group("reference", shown(22.5, "%"))],
          significance: "not available",
        },
        { year: 2024, value: hidden, groups: [group("focus", hidden), group("reference", shown(25.1, "%"))], significance: "not available" },
      ],
    }),
    result("5", "survey", "%", {
      trend: [{ year: 2023, value: shown(28.4, "%"), groups: [group("focus", shown(28.4, "%")), group("reference", hidden)], significance: "not available" }],
    }),
    // No survey figure at all, shown or hidden: no chart (the card gives the sentence).
    result("6", "survey", "%", { trend: [{ year: 2024, value: hidden, groups: [], significance: "not available" }] }),
    result("9", "board", "points", {
      board: {
        workforceShare: shown(21.3, "%"),
        rows: [{ key: "voting", label: "Voting members", members: 12, focusMembers: 2, share: shown(16.7, "%"), difference: shown(-4.6, "points") }],
      },
    }),
  ],
  wdes: [result("9b", "survey", "yes/no", {})],
};

describe("buildCharts", async () => {
  const charts = await buildCharts(indicators, { csvHref: (name) => `/data/${name}` });

  it("makes one chart per chartable indicator (none for yes/no, none for a survey result with no figures)", () => {
    expect(charts.map((c) => [c.id, c.kind])).toEqual([
      ["wres-1-non-clinical", "representation"],
      ["wres-2", "relative-likelihood"],
      ["wres-5", "survey"],
      ["wres-9", "board"],
    ]);
    expect(charts.map((c) => c.csvHref)).toEqual(["/data/wres-1-non-clinical.csv", "/data/wres-2.csv", "/data/wres-5.csv", "/data/wres-9.csv"]);
    // A chart with fewer than two of its figures shown is not drawn: its caption and its table (and CSV) say it all.
    expect(charts.map((c) => c.svg !== undefined)).toEqual([false, false, false, true]);
    expectAccessibleChart(charts[3]!);
  });

  it("passes the computed figures through to the words, table and CSV", () => {
    const [rep, rl, survey, board] = charts as [(typeof charts)[number], (typeof charts)[number], (typeof charts)[number], (typeof charts)[number]];
    expect(rep.title).toBe("BME staff are 20.5% of non-clinical staff in Band 5, the only AfC band that can be shown: below their share of the whole workforce.");
    expect(rl.alt).toContain("each year from 2023 to 2024");
    // The CSV has the page's table (counts and headcounts) as well as the chart's shares.
    expect(rep.csv).toBe(
      "AfC band,Headcount,White staff,White staff (%),BME staff,BME staff (%),Note\r\n" +
        "Band 5,400,300,75.0,82,20.5,\r\n" +
        "Band 9,12,300,75.0,,,BME staff: fewer than 10; BME staff (%): fewer than 10\r\n" +
        "All non-clinical staff,400,300,75.0,82,19.9,\r\n" +
        "Whole workforce,400,300,75.0,82,21.3,\r\n",
    );
    expect(rl.title).toBe("Sentence for indicator 2.");
    expect(rl.csv).toBe('Year,Relative likelihood,"Relative likelihood, 95% interval lower","Relative likelihood, 95% interval upper",Note\r\n2023,1.54,1.20,1.98,\r\n2024,,,,fewer than 10\r\n');
    expect(rl.table.rows.map((r) => r.cells)).toEqual([["1.54 (1.20 to 1.98)"], ["fewer than 10"]]);
    expect(survey.table.rows).toEqual([{ header: "2023", cells: ["28.4%", "fewer than 10", "not shown"] }]);
    expect(board.csv).toContain("Voting members,12,2,16.7,21.3,-4.6,\r\n");
  });

  it("never prints a count: not in SVG, text alternative, notes, table or CSV", () => {
    for (const chart of charts) expect(JSON.stringify(chart)).not.toContain("98765");
  });

  it("writes dates in words", () => {
    expect(longDate("2024-03-31")).toBe("31 March 2024");
  });
});
