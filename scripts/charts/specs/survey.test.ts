import { describe, expect, it } from "vitest";
import { buildChart } from "../build-chart.ts";
import { surveyExample as input } from "./examples.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { surveyChart } from "./survey.ts";

describe("survey chart", async () => {
  const chart = await buildChart(surveyChart, input, { id: "wres-5-test" });

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("states the finding in its title, and what it shows in its name", () => {
    expect(chart.title).toBe(input.headline);
    expect(chart.alt).toBe(
      "Line chart: harassment, bullying or abuse from patients, relatives or the public, the percentage for each group of staff each survey year from 2021 to 2023.",
    );
  });

  it("tells the groups apart by shape and dash as well as colour, with a key", () => {
    expect(markCount(chart.svg, "symbol")).toBe(5);
    expect(chart.svg).toMatch(/<path [^>]*d="M-?[\d.]+,-?[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z"[^>]*fill="#768692"/); // square points
    expect(chart.svg).toContain('stroke-dasharray="6,3"');
    const texts = svgTexts(chart.svg);
    for (const label of ["BME staff", "White staff", "29.8%", "31.4%", "26.1%", "24.9%", "25.2%"]) expect(texts).toContain(label);
  });

  it("has the same numbers in its table and CSV, with 95% intervals and the gap between the groups", () => {
    expect(chart.table.head).toEqual(["Survey year", "BME staff (%) with 95% interval", "White staff (%) with 95% interval", "Gap (percentage points) with 95% interval"]);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["2021", "29.8%", "26.1%", "not available"],
      ["2022", "not shown", "24.9% (22.6% to 27.4%)", "not shown"],
      ["2023", "31.4% (26.3% to 37.0%)", "25.2% (22.9% to 27.7%)", "+6.2 points (+0.6 to +11.9 points)"],
    ]);
    const interval = (column: string) => `"${column}, 95% interval lower","${column}, 95% interval upper"`;
    expect(chart.csv).toBe(
      `Survey year,BME staff (%),${interval("BME staff (%)")},White staff (%),${interval("White staff (%)")},Gap (percentage points),${interval("Gap (percentage points)")},Note\r\n` +
        "2021,29.8,,,26.1,,,,,,Gap (percentage points): not available\r\n" +
        "2022,,,,24.9,22.6,27.4,,,,BME staff (%): not shown; Gap (percentage points): not shown\r\n" +
        "2023,31.4,26.3,37.0,25.2,22.9,27.7,6.2,0.6,11.9,\r\n",
    );
  });
});
