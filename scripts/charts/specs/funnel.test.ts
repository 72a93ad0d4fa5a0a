import { describe, expect, it } from "vitest";
import { compareGroup, type MemberFigure } from "../../compute/comparison.ts";
import type { Figure } from "../../compute/types.ts";
import { buildChart } from "../build-chart.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { funnelChart } from "./funnel.ts";

// The worked group of the guide and of comparison.test.ts: pooled 2.00; Castlemere above the 99.8%
// limit, Dunmore between the limits; Eastwick's figure is hidden in its own report.
const shown = (display: string): Figure => ({ value: Number(display), display, status: "shown" });
const ratio = (a: number, m: number, b: number, k: number, display: string): MemberFigure => ({ value: shown(display), counts: [a, m, b, k], size: m + k });
const comparison = compareGroup({
  slug: "north",
  name: "North Region (fictional)",
  shortName: "North Region",
  type: "region",
  ethnicMinorityTerm: "BME",
  year: 2024,
  members: [
    ["Ashworth", ratio(60, 200, 15, 100, "2.00")],
    ["Brackenfield", ratio(300, 1000, 75, 500, "2.00")],
    ["Castlemere Mental Health", ratio(100, 200, 6, 100, "8.33")],
    ["Dunmore", ratio(140, 600, 54, 300, "1.30")],
    ["Eastwick", { value: { value: null, display: "not shown", status: "suppressed", reason: "it would let a number below 10 be worked out" } } as MemberFigure],
  ].map(([name, figure], i) => ({ slug: `o${i}`, name: name as string, record: { year: 2024, figures: { "wres-2": figure as MemberFigure } } })),
}).indicators.find((c) => c.slug === "wres-2")!;

describe("funnel plot", async () => {
  const chart = await buildChart(funnelChart, { comparison, context: "the 5 organisations in North Region, 2024" }, { id: "wres-2" });

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("names the organisations outside the 99.8% limits in its title, and the rest in the notes the page gives under it", () => {
    expect(chart.title).toBe("Castlemere Mental Health (8.33) is above the 99.8% limits; the other 3 organisations are inside them.");
    expect(chart.subtitle).toBe(
      "How likely White applicants were to be appointed from shortlisting, compared with BME applicants (relative likelihood): the 5 organisations in North Region, 2024. Group figure 2.00.",
    );
    expect(comparison.notes).toEqual([
      "Between the 95% and 99.8% limits, where about 1 organisation in 20 falls by chance alone: Dunmore (1.30, below).",
      "Not on the plot, because its figure is not shown (it would let a number below 10 be worked out): Eastwick.",
    ]);
  });

  it("draws a point for each published figure only, the limits and the group's figure, with a key above", () => {
    expect(markCount(chart.svg, "symbol")).toBe(4);
    const texts = svgTexts(chart.svg);
    for (const label of ["The group's figure", "95% limits", "99.8% limits", "Inside the 95% limits", "Between the limits", "Outside the 99.8% limits"]) expect(texts).toContain(label);
    // The outlier is named beside its point (its name broken to fit the plot); no other organisation is.
    expect(texts.join(" ")).toContain("Castlemere");
    expect(texts.join(" ")).not.toMatch(/Ashworth|Dunmore|Eastwick/);
  });

  it("gives every organisation's figure, interval, size and position in its table and CSV, and nothing for the hidden one", () => {
    expect(chart.table.head).toEqual([
      "Organisation",
      "Relative likelihood",
      "95% interval, from",
      "95% interval, to",
      "Shortlisted applicants",
      "Effective number of shortlisted applicants",
      "Against the group's limits",
    ]);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Ashworth", "2.00", "1.20", "3.34", "300", "300", "within the limits"],
      ["Brackenfield", "2.00", "1.59", "2.52", "1,500", "1,500", "within the limits"],
      ["Castlemere Mental Health", "8.33", "3.79", "18.33", "300", "127", "above the 99.8% limit"],
      ["Dunmore", "1.30", "0.98", "1.72", "900", "992", "below the 95% limit, within the 99.8% limit"],
      ["Eastwick", "not shown", "", "", "", "", "not on the plot"],
    ]);
    expect(chart.table.textColumns).toEqual([5]);
    expect(chart.csv.split("\r\n")[3]).toBe("Castlemere Mental Health,8.33,3.79,18.33,300,127,above the 99.8% limit,");
    expect(chart.csv.split("\r\n")[5]).toBe("Eastwick,,,,,,not on the plot,Relative likelihood: not shown");
  });
});
