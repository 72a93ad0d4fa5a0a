import { describe, expect, it } from "vitest";
import { buildChart } from "../build-chart.ts";
import { boardChart } from "./board.ts";
import { boardExample as input } from "./examples.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";

describe("board chart", async () => {
  const chart = await buildChart(boardChart, input, { id: "wres-9-test" });

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("states the finding in its title and says briefly what it shows in its name", () => {
    expect(chart.title).toBe(input.headline);
    expect(chart.alt).toBe(
      'Bar chart: the percentage of board members who are BME, by type of membership, against the whole workforce.',
    );
  });

  it("draws a bar for each kind of membership and for the workforce", () => {
    expect(markCount(chart.svg, "rect")).toBe(4);
    for (const label of ["14.3%", "16.7%", "12.5%", "24.0%", "Whole workforce"]) expect(svgTexts(chart.svg)).toContain(label);
  });

  it("has the same numbers in its table and CSV, with the difference, and in the CSV the page's counts of members", () => {
    expect(chart.csv).toBe(
      "Membership,Members,BME members,BME (%),BME in the whole workforce (%),Difference from workforce (percentage points),Note\r\n" +
        "Voting members,7,1,14.3,24.0,-9.7,\r\nExecutive members,6,1,16.7,24.0,-7.3,\r\nNon-executive members,8,1,12.5,24.0,-11.5,\r\n",
    );
  });
});
