import { describe, expect, it } from "vitest";
import { workedGroup } from "../../../test/worked-group.ts";
import { compareGroup } from "../../compute/comparison.ts";
import { buildChart } from "../build-chart.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { funnelChart } from "./funnel.ts";
import { toTableModel } from "../chart-data.ts";

// The worked group (test/worked-group.ts): pooled 2.00; Castlemere above the 99.8% limit, Dunmore
// between the limits; Eastwick's figure is hidden in its own report; Fenbridge has no data for the year.
// Castlemere by a longer name here, which the plot must break over lines beside its point.
const named = workedGroup.members.map((m) => (m.slug === "c" ? { ...m, name: "Castlemere Mental Health" } : m));
const comparison = compareGroup({ ...workedGroup, members: named }).indicators.find((c) => c.slug === "wres-2")!;
const CONTEXT = "the 6 organisations in North Region, 2024";

describe("funnel plot", async () => {
  const chart = await buildChart(funnelChart, { comparison, context: CONTEXT }, { id: "wres-2" });

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("names the organisations outside the 99.8% limits in its title, and the rest in the notes the page gives under it", () => {
    expect(chart.title).toBe("Castlemere Mental Health (8.33) is above the 99.8% limits; the other 3 organisations are inside them.");
    expect(chart.subtitle).toBe(
      "How likely White applicants were to be appointed from shortlisting, compared with BME applicants (relative likelihood): the 6 organisations in North Region, 2024. Group figure 2.00.",
    );
    expect(comparison.notes).toEqual([
      "Between the 95% and 99.8% limits, where about 1 organisation in 20 falls by chance alone: Dunmore (1.30, below).",
      "Not on the plot, because its figure is not shown (it would let a number below 10 be worked out): Eastwick.",
      "Not on the plot, because its figure is not available (there is no 2024 data): Fenbridge.",
    ]);
  });

  it("draws a point for each published figure only, the limits and the group's figure, with a key above", () => {
    expect(markCount(chart.svg, "symbol")).toBe(4);
    const texts = svgTexts(chart.svg);
    for (const label of ["The group's figure", "95% limits", "99.8% limits", "Inside the 95% limits", "Between the limits", "Outside the 99.8% limits"]) expect(texts).toContain(label);
    // The outlier is named beside its point (its name broken to fit the plot); no other organisation is.
    expect(texts.join(" ")).toContain("Castlemere");
    expect(texts.join(" ")).not.toMatch(/Ashworth|Dunmore|Eastwick|Fenbridge/);
  });

  it("gives every organisation's figure, interval, size and position in its table and CSV, and nothing for the hidden one", () => {
    expect(chart.table.head).toEqual(["Organisation", "Relative likelihood with 95% interval", "Shortlisted applicants", "Effective number of shortlisted applicants", "Against the group's limits"]);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Ashworth", "2.00 (1.20 to 3.34)", "300", "300", "within the limits"],
      ["Brackenfield", "2.00 (1.59 to 2.52)", "1,500", "1,500", "within the limits"],
      ["Castlemere Mental Health", "8.33 (3.79 to 18.33)", "300", "127", "above the 99.8% limit"],
      ["Dunmore", "1.30 (0.98 to 1.72)", "900", "992", "below the 95% limit, within the 99.8% limit"],
      ["Eastwick", "not shown", "", "", "not on the plot"],
      ["Fenbridge", "not available", "", "", "not on the plot"],
    ]);
    expect(chart.table.textColumns).toEqual([3]);
    expect(chart.csv.split("\r\n")[3]).toBe("Castlemere Mental Health,8.33,3.79,18.33,300,127,above the 99.8% limit,");
    expect(chart.csv.split("\r\n")[5]).toBe("Eastwick,,,,,,not on the plot,Relative likelihood: not shown");
  });

  it("gives each published figure its interval and size without a plot too, and no column that would be empty", () => {
    // Too few for a plot: Ashworth and Brackenfield only, and Eastwick's figure hidden.
    const few = compareGroup({ ...workedGroup, members: workedGroup.members.filter((m) => "abe".includes(m.slug)) }).indicators.find((c) => c.slug === "wres-2")!;
    const table = toTableModel(funnelChart.table({ comparison: few, context: CONTEXT }));
    expect(table.head).toEqual(["Organisation", "Relative likelihood with 95% interval", "Shortlisted applicants"]);
    expect(table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Ashworth", "2.00 (1.20 to 3.34)", "300"],
      ["Brackenfield", "2.00 (1.59 to 2.52)", "1,500"],
      ["Eastwick", "not shown", ""],
    ]);
    // No figure published at all: the figure column alone, each cell saying why.
    const none = compareGroup({ ...workedGroup, members: workedGroup.members.filter((m) => "ef".includes(m.slug)) }).indicators.find((c) => c.slug === "wres-2")!;
    const bare = toTableModel(funnelChart.table({ comparison: none, context: CONTEXT }));
    expect(bare.head).toEqual(["Organisation", "Relative likelihood"]);
    expect(bare.rows.map((r) => r.cells)).toEqual([["not shown"], ["not available"]]);
  });
});
