import { describe, expect, it } from "vitest";
import { exampleMetrics, reference } from "../../test/example-data.ts";
import { Settings, type Organisation } from "../validate/schema.ts";
import { shown, workedGroup } from "../../test/worked-group.ts";
import { compareGroup, memberRecord, positionSentence, type MemberRecord } from "./comparison.ts";
import { computeReportIndicators } from "./indicators.ts";

const organisation: Organisation = { name: "Example NHS Trust", short_name: "Example Trust", type: "trust", terminology: { ethnic_minority: "culturally diverse" } };

describe("memberRecord: what an organisation's report publishes", () => {
  const record = memberRecord(computeReportIndicators({ metricsByYear: exampleMetrics, year: 2024, settings: Settings.parse({}), organisation, reference }));

  it("takes the published counts behind a likelihood, the subject group first", () => {
    // WRES 2 in the 2024 file: White 405 appointed of 1,500 shortlisted, culturally diverse 128 of 800 (1.69).
    expect(record.figures["wres-2"]).toMatchObject({ value: { display: "1.69" }, counts: [405, 1500, 128, 800], size: 2300 });
  });

  it("takes no counts for a hidden figure", () => {
    // WRES 3 in 2024 rests on 9 culturally diverse entries: hidden in the report, so no counts here.
    const w3 = record.figures["wres-3"]!;
    expect(w3.value.status).toBe("suppressed");
    expect(w3.counts).toBeUndefined();
    expect(w3.size).toBeUndefined();
  });

  it("compares every compared indicator, the board by its voting members", () => {
    expect(Object.keys(record.figures)).toEqual(["wres-1", "wres-2", "wres-3", "wres-4", "wres-9", "wdes-1", "wdes-2", "wdes-3", "wdes-10"]);
    // Voting members in 2024: executive 5 White + 1 culturally diverse, non-executive 6 + 1: 2 of 13.
    const board = record.figures["wres-9"]!;
    expect(board.counts?.slice(0, 2)).toEqual([2, 13]);
    expect(board.size).toBe(13);
    expect(board.counts?.slice(2)).toEqual(record.figures["wres-1"]!.counts);
  });
});

// The worked group (its figures worked by hand in test/worked-group.ts): pooled 2.00, Castlemere above
// the 99.8% limit, Dunmore between the limits, Eastwick's figure hidden, Fenbridge without data.
const input = workedGroup;

describe("compareGroup: a relative likelihood", () => {
  const comparison = compareGroup(input);
  const w2 = comparison.indicators.find((i) => i.slug === "wres-2")!;
  const member = (slug: string) => w2.members.find((m) => m.slug === slug)!;

  it("pools the published counts only", () => {
    expect(w2.compared).toBe(4);
    expect(w2.pooled.display).toBe("2.00");
    expect(w2.target).toBeCloseTo(2, 12);
    expect(w2.finding).toBe("Across the 4 organisations compared, White applicants were 2.00 times as likely as BME applicants to be appointed from shortlisting.");
  });

  it("places each organisation at its effective size and against the limits there", () => {
    expect(member("a").point!.x).toBeCloseTo(300, 8);
    expect(member("b").point!.x).toBeCloseTo(1500, 8);
    expect(member("c").point!.x).toBeCloseTo(126.804, 2);
    expect(member("d").point!.x).toBeCloseTo(992.19, 1);
    expect(w2.members.map((m) => m.position)).toEqual(["within", "within", "above 99.8", "below 95", "not shown", "not available"]);
  });

  it("names the organisations outside the 99.8% limits, and those between the limits in a note", () => {
    expect(w2.outliers).toBe("Castlemere (8.33) is above the 99.8% limits; the other 3 organisations are inside them.");
    expect(w2.notes).toEqual([
      "Between the 95% and 99.8% limits, where about 1 organisation in 20 falls by chance alone: Dunmore (1.30, below).",
      "Not on the plot, because its figure is not shown (it would let a number below 10 be worked out): Eastwick.",
      "Not on the plot, because its figure is not available (there is no 2024 data): Fenbridge.",
    ]);
  });

  it("gives each organisation its own 95% interval and the group's", () => {
    // C: exp(log 8.3333 -/+ 1.959964 x 0.402078) = exp(2.120264 -/+ 0.788058) = exp(1.332206) .. exp(2.908322) = 3.7894 .. 18.326
    expect(member("c").interval!.display).toBe("3.79 to 18.33");
    // pooled: s0 = sqrt(0.0068333) = 0.0826640; exp(0.693147 -/+ 0.162018) = 1.7009 .. 2.3518
    expect(w2.pooledInterval!.display).toBe("1.70 to 2.35");
  });

  it("draws limits that narrow from the smallest organisation to the largest", () => {
    const first = w2.funnel[0]!;
    const last = w2.funnel.at(-1)!;
    expect(first.x).toBeCloseTo(126.804 * 0.8, 2);
    expect(last.x).toBeCloseTo(1500 * 1.1, 6);
    expect(first.upper998 - first.lower998).toBeGreaterThan(last.upper998 - last.lower998);
  });

  it("leaves a hidden figure out of everything it writes", () => {
    expect(member("e")).toMatchObject({ point: undefined, interval: undefined, size: undefined, position: "not shown" });
  });

  it("says in one line where an organisation sits", () => {
    expect(positionSentence(w2, member("c"))).toBe("above the 99.8% limit, so higher than the group by more than chance explains");
    expect(positionSentence(w2, member("a"))).toBe("within the expected range");
    expect(positionSentence(w2, member("d"))).toBe("below the 95% limit but inside the 99.8% limit, so lower than most, possibly by chance");
    expect(positionSentence(w2, member("e"))).toBe("not compared, because this figure is not shown");
  });

  it("compares nothing when fewer than three organisations have a published figure", () => {
    const few = compareGroup({ ...input, members: input.members.slice(0, 2) }).indicators.find((i) => i.slug === "wres-2")!;
    expect(few.funnel).toEqual([]);
    expect(few.pooled.status).toBe("not available");
    expect(few.members.map((m) => m.position)).toEqual(["not compared", "not compared"]);
    // Each published figure keeps its own interval and size without a plot: A's and B's as on the plot above.
    expect(few.members.map((m) => [m.interval?.display, m.size?.display])).toEqual([
      ["1.20 to 3.34", "300"],
      ["1.59 to 2.52", "1,500"],
    ]);
    expect(few.finding).toBe("There is no funnel plot: only 2 of the 2 organisations have a published figure, and at least 3 are needed.");
  });
});

describe("compareGroup: a share of the workforce and the board", () => {
  const shares = (x: number, n: number, focusBoard: number, board: number): MemberRecord => ({
    year: 2024,
    figures: {
      "wres-1": { value: shown(Math.round((1000 * x) / n) / 10, `${((100 * x) / n).toFixed(1)}%`), counts: [x, n], size: n },
      "wres-9": { value: shown(0, "0"), counts: [focusBoard, board, x, n], size: board },
    },
  });
  const group = compareGroup({
    ...input,
    members: [
      { slug: "a", name: "Ashworth", record: shares(100, 1000, 1, 10) },
      { slug: "b", name: "Brackenfield", record: shares(300, 1000, 2, 10) },
      { slug: "c", name: "Castlemere", record: shares(200, 1000, 3, 10) },
      { slug: "d", name: "Dunmore", record: shares(400, 1000, 2, 10) },
    ],
  });

  it("widens the share's limits by the variance between organisations", () => {
    // p0 = 1000 / 4000 = 0.25; s = sqrt(0.25 x 0.75 / 1000) = 0.0136931 for each
    // z = (0.1 - 0.25) / s = -10.9545, (0.3 - 0.25) / s = 3.6515, -3.6515, 10.9545
    // phi = (120 + 13.3333 + 13.3333 + 120) / 4 = 66.6667; w = 1 / s^2 = 5333.33 each,
    // sum w - sum w^2 / sum w = 21333.33 - 5333.33 = 16000
    // tau^2 = (4 x 66.6667 - 3) / 16000 = 263.6667 / 16000 = 0.0164792
    const w1 = group.indicators.find((i) => i.slug === "wres-1")!;
    expect(w1.pooled.display).toBe("25.0%");
    expect(w1.tau2).toBeCloseTo(0.0164792, 6);
    // limits at 1,000: 0.25 -/+ 1.959964 x sqrt(0.0001875 + 0.0164792) = 0.25 -/+ 0.253017 -> 0 (kept at 0%) .. 50.3%
    expect(w1.members.every((m) => m.position === "within")).toBe(true);
    expect(w1.outliers).toBe("None of the 4 organisations is outside the 99.8% limits.");
  });

  it("compares the board's share with the workforce's, in points", () => {
    // board: 8 of 40 voting members = 20%; workforce 25%: -5.0 points
    const w9 = group.indicators.find((i) => i.slug === "wres-9")!;
    expect(w9.pooled.display).toBe("-5.0 points");
    expect(w9.finding).toBe("Across the 4 organisations compared, BME members' share of voting board seats was 5.0 percentage points below their share of the workforce.");
    // Ashworth: 10% - 10% = 0 points; limits at 10 members: -5 -/+ 1.959964 x 100 x sqrt(0.2 x 0.8 / 10) = -5 -/+ 24.79
    const a = w9.members[0]!;
    expect(a.point!.y).toBeCloseTo(0, 10);
    expect(a.position).toBe("within");
  });

  it("draws no limits when no voting board member of the group is in the focus group, and says why", () => {
    const none = compareGroup({ ...input, members: [1, 2, 3].map((i) => ({ slug: `o${i}`, name: `Org ${i}`, record: shares(100 * i, 1000, 0, 10) })) });
    // board 0 of 30; workforce 600 of 3,000 = 20%: -20.0 points
    const w9 = none.indicators.find((i) => i.slug === "wres-9")!;
    expect(w9.pooled.display).toBe("-20.0 points");
    expect(w9.funnel).toEqual([]);
    expect(w9.finding).toBe(
      "Across the 3 organisations compared, BME members' share of voting board seats was 20.0 percentage points below their share of the workforce. There is no funnel plot: none of the 30 voting board members of the organisations compared is BME, so chance gives no spread to draw limits from.",
    );
    expect(w9.members.every((m) => m.position === "not compared")).toBe(true);
  });
});
