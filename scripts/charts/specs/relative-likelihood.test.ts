import { describe, expect, it } from "vitest";
import { buildChart } from "../build-chart.ts";
import { likelihoodExample as input, NOT_SHOWN } from "./examples.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { likelihoodChart } from "./relative-likelihood.ts";

describe("relative likelihood chart", async () => {
  const chart = await buildChart(likelihoodChart, input, { id: "wres-2-test" });

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("states the finding in its title, and what it shows (years, band) in its name", () => {
    expect(chart.title).toBe(input.headline);
    expect(chart.alt).toBe(
      'Line chart: appointed from shortlisting, the relative likelihood each year from 2021 to 2024, against the parity band (0.80 to 1.25).',
    );
    expect(chart.alt).not.toMatch(/\d%/);
  });

  it("draws a point per year shown, the band and the parity line, with the key above", () => {
    expect(markCount(chart.svg, "symbol")).toBe(3);
    expect(markCount(chart.svg, "rect")).toBe(1);
    const texts = svgTexts(chart.svg);
    for (const label of ["1.32", "1.54", "1.86", "2022", "Shaded: 0.80 to 1.25", "Dashed line: 1.00, equally likely"]) expect(texts).toContain(label);
    expect(texts).toContain(NOT_SHOWN);
  });

  it("has the same numbers in its table and CSV, each with its 95% interval where it has one", () => {
    expect(chart.table.head).toEqual(["Year", "Relative likelihood with 95% interval"]);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells])).toEqual([["2021", "1.32"], ["2022", NOT_SHOWN], ["2023", "1.54 (1.21 to 1.96)"], ["2024", "1.86 (1.47 to 2.35)"]]);
    expect(chart.csv).toBe(
      'Year,Relative likelihood,"Relative likelihood, 95% interval lower","Relative likelihood, 95% interval upper",Note\r\n' +
        "2021,1.32,,,\r\n2022,,,,not shown\r\n2023,1.54,1.21,1.96,\r\n2024,1.86,1.47,2.35,\r\n",
    );
  });
});
