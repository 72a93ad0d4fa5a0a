import { describe, expect, it } from "vitest";
import { exampleMetrics as example, reference } from "../../test/example-data.ts";
import { Metrics } from "../validate/metrics-schema.ts";
import { Settings, type Organisation } from "../validate/schema.ts";
import { computeReportIndicators } from "./indicators.ts";
import type { IndicatorResult, ReportIndicators } from "./types.ts";

const organisation: Organisation = { name: "Example NHS Trust", short_name: "Example Trust", type: "trust", terminology: { ethnic_minority: "culturally diverse" } };
const find = (r: ReportIndicators, standard: "wres" | "wdes", id: string): IndicatorResult => r[standard].find((i) => i.id === id)!;

/** Every number written anywhere in the output, as text ("47", "6.4"). */
const numbersIn = (value: unknown) => new Set(JSON.stringify(value).match(/\d+(\.\d+)?/g));

describe("computeReportIndicators on the fictional Example NHS Trust", () => {
  const r = computeReportIndicators({ metricsByYear: example, year: 2024, settings: Settings.parse({}), organisation, reference });

  it("computes every WRES indicator and WDES metric, in order", () => {
    expect(r.wres.map((i) => i.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(r.wdes.map((i) => i.id)).toEqual(["1", "2", "3", "4a-i", "4a-ii", "4a-iii", "4b", "5", "6", "7", "8", "9a", "9b", "10"]);
    expect(r.years).toEqual([2022, 2023, 2024]);
  });

  it("never writes NaN, Infinity or undefined", () => {
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("puts England's published figure beside WRES 2 and 3, and none where the reference data has none", () => {
    expect(find(r, "wres", "2").national).toEqual({ value: { value: 1.59, display: "1.59", status: "shown" }, year: 2023, source: "NHS England WRES 2023 report" });
    expect(find(r, "wres", "3").national).toMatchObject({ value: { display: "1.14" }, year: 2022 });
    expect(find(r, "wres", "6").national).toBeUndefined();
    expect(find(r, "wdes", "4a-i").national).toBeUndefined();
    expect(find(r, "wdes", "3").national).toMatchObject({ value: { display: "2.17" }, year: 2023, source: "NHS England WDES 2023 report" });
  });

  it("matches hand calculations from the 2024 and 2023 files", () => {
    // WRES 2: White 405/1500 = 27.0%; culturally diverse 128/800 = 16.0%; 0.27 / 0.16 = 1.6875 -> 1.69. 2023: 1.86.
    const w2 = find(r, "wres", "2");
    expect([w2.value.display, w2.previous.display, w2.change.display, w2.direction]).toEqual(["1.69", "1.86", "-0.17", "down"]);
    // Katz log interval: SE = sqrt(1/405 - 1/1500 + 1/128 - 1/800) = sqrt(0.00836497) = 0.0914602;
    // log 1.6875 = 0.523248; 1.959964 x 0.0914602 = 0.179259; exp(0.343989) = 1.41, exp(0.702507) = 2.02.
    expect(w2.interval?.display).toBe("1.41 to 2.02");
    expect(w2.significance).toBe("significant");
    // Against 2023 (372/1200 over 100/600 = 1.86, SE 0.100936): ratio 1.6875 / 1.86 = 0.907258,
    // SE = sqrt(0.0914602^2 + 0.100936^2) = 0.136210; exp(-0.097328 -/+ 1.959964 x 0.136210) = 0.695 .. 1.185:
    // 1 is inside, so the fall may be chance.
    expect(w2.judgement).toBe("similar");
    expect(w2.sentence).toBe(
      "White applicants were 1.69 times as likely as culturally diverse applicants to be appointed from shortlisting (1.86 last year); the difference is statistically significant (unlikely to be chance) and outside the parity band (0.80 to 1.25).",
    );
    // WDES 2: non-disabled 490/2050 = 23.90%; Disabled 40/180 = 22.22%; 1.0756 -> 1.08.
    const d2 = find(r, "wdes", "2");
    expect(d2.value.display).toBe("1.08");
    expect(d2.sentence).toMatch(/^Non-disabled applicants were 1\.08 times as likely as Disabled applicants to be appointed from shortlisting/);
    expect(d2.outsideParityBand).toBe(false);
    // SE = sqrt(1/490 - 1/2050 + 1/40 - 1/180) = sqrt(0.0209975) = 0.144905; log 1.075610 = 0.072888;
    // exp(0.072888 -/+ 0.284009) = 0.81 .. 1.43: parity is inside.
    expect(d2.interval?.display).toBe("0.81 to 1.43");
    expect(d2.sentence).toMatch(/; the difference is inside the parity band \(0\.80 to 1\.25\) and may be chance\.$/);
    // WRES 3 in 2024: 9 culturally diverse entries this year -> the likelihood is hidden.
    const w3 = find(r, "wres", "3");
    expect(w3.value.status).toBe("suppressed");
    expect(w3.sentence).not.toMatch(/\d\.\d/);
  });

  it("writes WDES 3 as the capability process, never disciplinary, with its rolling average", () => {
    const d3 = find(r, "wdes", "3");
    expect(d3.sentence).toContain("formal capability process");
    expect(d3.sentence).not.toContain("disciplinary");
    expect(d3.basis).toBe("two-year rolling average");
    expect(d3.sentence).toContain(", on a two-year rolling average;");
  });

  it("turns a likelihood below 1 round into 'less likely', never 'times more likely' or a % sign", () => {
    const w4 = find(r, "wres", "4");
    expect(w4.value.value).toBeLessThan(1);
    expect(w4.sentence).toMatch(/^White staff were less likely than culturally diverse staff to access non-mandatory training and CPD \(relative likelihood 0\.\d\d; 0\.\d\d last year\); the difference /);
    for (const i of [...r.wres, ...r.wdes].filter((i) => i.measure === "relative-likelihood")) {
      expect(i.sentence).not.toMatch(/times more likely|\d%/);
      expect(i.value.display).not.toContain("%");
    }
  });

  it("uses the organisation's term in sentences and keeps the national title", () => {
    const w1 = find(r, "wres", "1");
    expect(w1.sentence).toMatch(/^Culturally diverse staff made up \d+\.\d% of the workforce/);
    expect(w1.focus.label).toBe("Culturally diverse");
    expect(find(r, "wres", "2").title).toBe("Relative likelihood of staff being appointed from shortlisting across all posts");
    expect(JSON.stringify(r.wres.map((i) => i.sentence))).not.toContain("BME");
  });

  it("heads board membership with the voting members, and gets singular and plural right", () => {
    // 2024 board: 13 voting members (6 executive, 7 non-executive), 2 culturally diverse, 1 Disabled;
    // 4 non-voting, none culturally diverse or Disabled: 17 in all.
    // WRES 9: 2 / 13 = 15.385%; workforce 620 / 3,341 = 18.557%; 15.385 - 18.557 = -3.17 -> -3.2 points.
    const w9 = find(r, "wres", "9");
    expect(w9.value.display).toBe("-3.2 points");
    expect(w9.sentence).toBe(
      "2 of the 13 voting board members were culturally diverse (15.4%), 3.2 percentage points below their share of the overall workforce (18.6%); last year the difference was -10.1 points. Counting the 4 non-voting members too, 2 of all 17 (11.8%) were culturally diverse.",
    );
    expect(w9.board!.rows.map((row) => row.key)).toEqual(["voting", "executive", "non-executive", "non-voting", "all"]);
    expect(find(r, "wdes", "10").sentence).toMatch(/^1 of the 13 voting board members was Disabled \(7\.7%\)/);
    expect(find(r, "wres", "9").title).toBe("Percentage difference between the organisations' Board voting membership and its overall workforce");
  });

  it("labels survey figures with their survey year, and states the gap's significance", () => {
    const w6 = find(r, "wres", "6");
    expect(w6.surveyYear).toBe(2023);
    expect(w6.trend.map((t) => t.surveyYear)).toEqual([2021, 2022, 2023]);
    expect(w6.sentence).toMatch(/^In the 2023 NHS Staff Survey, among culturally diverse staff, 27\.8% said .*, up from 26\.1% in the 2022 survey, compared with 21\.0% of White staff; /);
    // Wilson, 27.8% of 260 = 72.28 people: centre (0.278 + 3.841459/520) / (1 + 3.841459/260) = 0.285387 / 1.014775 = 0.281232;
    // half = (1.959964 / 1.014775) x sqrt(0.278 x 0.722 / 260 + 3.841459 / 270400) = 1.931427 x 0.0280391 = 0.0541555 -> 22.7% to 33.5%.
    expect(w6.interval?.display).toBe("22.7% to 33.5%");
    // Newcombe: 27.8 - 21.0 = +6.8 points, interval +1.1 to +13.0 points: 0 is outside.
    expect(w6.gap?.interval.display).toBe("+1.1 to +13.0 points");
    expect(w6.significance).toBe("significant");
    expect(w6.sentence).toMatch(/of White staff; the gap is statistically significant \(unlikely to be chance\)\.$/);
  });

  it("never calls a share of the workforce better or worse, and says Yes or No for WDES 9b", () => {
    const w1 = find(r, "wres", "1");
    expect([w1.direction, w1.judgement]).toEqual(["up", "not judged"]);
    const d9b = find(r, "wdes", "9b");
    expect(d9b.value.display).toBe("Yes");
    expect(d9b.previous.display).toBe("Yes");
  });
});

describe("disclosure control", () => {
  // A small organisation with a high threshold (50) so that the hidden counts are distinctive numbers.
  const row = (white: number, bme: number, eu: number, disabled: number, nd: number, du: number) => ({
    white, bme, ethnicity_unknown: eu, disabled, non_disabled: nd, disability_unknown: du,
  });
  const metrics = Metrics.parse({
    year: 2024,
    snapshot_date: "2024-03-31",
    workforce: {
      non_clinical: { band_5: row(613, 47, 71, 52, 640, 39), band_6: row(509, 88, 66, 93, 515, 55) },
      clinical: {},
    },
    recruitment: {
      shortlisted: row(700, 230, 61, 120, 810, 61),
      appointed: row(210, 43, 58, 57, 196, 58),
    },
    board: {
      voting_executive: row(5, 1, 0, 0, 6, 0),
      voting_non_executive: row(6, 0, 0, 1, 5, 0),
      non_voting_executive: row(2, 0, 0, 0, 2, 0),
      non_voting_non_executive: row(1, 0, 0, 0, 1, 0),
    },
  });
  const settings = Settings.parse({ suppression: { threshold: 50 } });
  const r = computeReportIndicators({ metricsByYear: new Map([[2024, metrics]]), year: 2024, settings, organisation, reference });

  it("hides small cells, their shares, and the cells that would give them away", () => {
    // Primary: BME 47 (band 5), disability unknown 39 (band 5), appointed BME 43.
    // Secondary: unknown 71 in band 5's row, then 88 and 66 in the columns; 52 beside 39, then 93 and 55.
    // Shares that would give them away: 47/731 = 6.4%, 88/663 = 13.3%, 39/731 = 5.3%; BME rate 43/230 = 18.7%.
    // (71/731 = 9.7% is left out: the overall BME share, 135/1394, is also 9.7% and is shown.)
    const hidden = ["47", "71", "88", "66", "39", "52", "93", "55", "43", "6.4", "13.3", "5.3", "18.7"];
    const shown = numbersIn(r);
    for (const n of hidden) expect(shown.has(n), `${n} must not appear`).toBe(false);
    expect(find(r, "wres", "2").value.display).toBe("not shown");
  });

  it("leaves no row or column of a table with exactly one hidden cell", () => {
    for (const i of [find(r, "wres", "1"), find(r, "wdes", "1")]) {
      const { tables, overall } = i.representation!;
      for (const t of tables) {
        const rows = [...t.rows, t.total, overall];
        const cells = rows.map((row) => [...row.cells.map((c) => c.count), row.headcount]);
        for (const line of cells) expect(line.filter((c) => c.status === "suppressed").length).not.toBe(1);
        for (const c of [0, 1, 2, 3]) expect(cells.slice(0, -1).filter((line) => line[c]!.status === "suppressed").length).not.toBe(1);
      }
    }
  });

  it("labels a hidden group's share as its count is labelled: one label for one cell in the table and the chart", () => {
    // A small band: 3 White, 4 BME, 0 unknown (total 7). The 0 is hidden beside its small total and reads
    // "fewer than 10" in the table of counts; its share must read the same, not "not shown" (review finding 17).
    const small = Metrics.parse({
      year: 2024,
      snapshot_date: "2024-03-31",
      workforce: { non_clinical: { band_5: row(300, 40, 20, 30, 300, 30), band_8d: row(3, 4, 0, 1, 6, 0) }, clinical: {} },
    });
    const w1 = find(computeReportIndicators({ metricsByYear: new Map([[2024, small]]), year: 2024, settings: Settings.parse({}), organisation, reference }), "wres", "1");
    const cells = w1.representation!.tables.flatMap((t) => [...t.rows, t.total]).flatMap((r) => r.cells);
    const hidden = cells.filter((c) => c.count.status === "suppressed");
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c.share.display).toBe(c.count.display);
    const unknown8d = w1.representation!.tables[0]!.rows.find((r) => r.label === "Band 8d")!.cells[2]!;
    expect([unknown8d.count.display, unknown8d.share.display]).toEqual(["fewer than 10", "fewer than 10"]);
  });

  it("publishes board membership even for small numbers", () => {
    // Voting: 5 + 1 executive, 6 non-executive = 12, 1 BME = 8.3%; all 15 with the 3 non-voting.
    const board = find(r, "wres", "9").board!;
    expect(board.rows[0]).toMatchObject({ key: "voting", members: 12, focusMembers: 1 });
    expect(board.rows[0]!.share.display).toBe("8.3%");
    expect(board.rows.find((row) => row.key === "all")).toMatchObject({ members: 15, focusMembers: 1 });
  });

  it("says why a figure is not available when its data is missing", () => {
    const w5 = find(r, "wres", "5");
    expect(w5.value).toMatchObject({ status: "not available", reason: "the 2024 data has no staff survey result for WRES 5" });
    expect(w5.sentence).toBe("There is no result for culturally diverse staff: the 2024 data has no staff survey result for WRES 5.");
    expect(find(r, "wres", "4").value.reason).toBe("the 2024 data has no training figures");
    expect(find(r, "wres", "2").previous.reason).toBe("there is no data for 2023");
  });
});

describe("a metric file with only some sections", () => {
  const optional = ["recruitment", "disciplinary", "capability", "training", "staff_survey", "board"] as const;
  for (const section of optional) {
    it(`computes every figure without "${section}", saying why it is not available`, () => {
      const trimmed = new Map([...example].map(([y, m]) => [y, { ...m, [section]: undefined }]));
      const r = computeReportIndicators({ metricsByYear: trimmed, year: 2024, settings: Settings.parse({}), organisation, reference });
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined/);
      const unavailable = [...r.wres, ...r.wdes].filter((i) => i.value.status === "not available");
      expect(unavailable.length).toBeGreaterThan(0);
      for (const i of unavailable) expect(i.sentence, `${i.slug}`).toMatch(/not available|no result|no board membership|not shown/);
    });
  }

  it("says in words that board membership is missing", () => {
    const noBoard = new Map([...example].map(([y, m]) => [y, { ...m, board: undefined }]));
    const r = computeReportIndicators({ metricsByYear: noBoard, year: 2024, settings: Settings.parse({}), organisation, reference });
    expect(find(r, "wres", "9").sentence).toBe("Board membership is not available: the 2024 data has no board membership.");
  });
});

describe("a WRES-only metric file (no disability split)", () => {
  it("computes the WRES indicators and says the WDES figures are not available, and why", () => {
    const strip = (g: object) => Object.fromEntries(Object.entries(g).filter(([k]) => !["disabled", "non_disabled", "disability_unknown"].includes(k)));
    const wresOnly = new Map(
      [...example].map(([y, m]) => {
        const table = (t: Record<string, object | undefined> | undefined) => (t ? Object.fromEntries(Object.entries(t).map(([k, g]) => [k, g && strip(g)])) : t);
        return [
          y,
          Metrics.parse({
            ...m,
            workforce: { non_clinical: table(m.workforce.non_clinical), clinical: table(m.workforce.clinical), medical: table(m.workforce.medical) },
            recruitment: m.recruitment && { shortlisted: strip(m.recruitment.shortlisted), appointed: strip(m.recruitment.appointed) },
            board: m.board && Object.fromEntries(Object.entries(m.board).map(([k, g]) => [k, strip(g)])),
            capability: undefined,
          }),
        ];
      }),
    );
    const r = computeReportIndicators({ metricsByYear: wresOnly, year: 2024, settings: Settings.parse({}), organisation, reference });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|undefined/);
    expect(find(r, "wres", "2").value.display).toBe("1.69");
    for (const id of ["1", "2", "10"]) {
      expect(find(r, "wdes", id).value).toMatchObject({ status: "not available", reason: "the 2024 data has no disability (WDES) split of the headcounts" });
    }
    // Survey results have their own section, so WDES survey figures are still computed.
    expect(find(r, "wdes", "5").value.status).toBe("shown");
  });
});
