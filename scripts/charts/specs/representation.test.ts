import { describe, expect, it } from "vitest";
import { suppressed, withheld } from "../../compute/figures.ts";
import { buildChart } from "../build-chart.ts";
import { boardChart } from "./board.ts";
import { boardExample, FEWER, representationExample as input } from "./examples.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { representationChart } from "./representation.ts";

const place = { id: "wres-1-test" };

describe("representation chart", async () => {
  const chart = await buildChart(representationChart, input, place);

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("states the finding with the numbers shown", () => {
    expect(chart.title).toBe("BME staff are 24.0% of the whole workforce but 8.0% of non-clinical staff in Band 8a.");
    expect(chart.alt).toBe(
      "Bar chart: the percentage of non-clinical staff in each AfC band who are BME, with the whole workforce's percentage as a line;" +
        ' its figures are in the table under "Data for this chart" below.',
    );
  });

  it("draws one bar per figure shown and a note, not a bar, for the one not shown", () => {
    expect(markCount(chart.svg, "rect")).toBe(6);
    const texts = svgTexts(chart.svg);
    for (const label of ["30.2%", "26.5%", "21.7%", "18.4%", "12.3%", "8.0%", "Whole workforce: 24.0%", FEWER]) expect(texts).toContain(label);
  });

  it("has the same numbers in its table and CSV", () => {
    expect(chart.table.head).toEqual(["AfC band", "BME staff (%)"]);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ["Band 2", "30.2%"],
      ["Band 3", "26.5%"],
      ["Band 4", "21.7%"],
      ["Band 5", "18.4%"],
      ["Band 6", "12.3%"],
      ["Band 8a", "8.0%"],
      ["Very senior managers", FEWER],
      ["Whole workforce", "24.0%"],
    ]);
    expect(chart.csv).toBe(
      "AfC band,BME staff (%),Note\r\nBand 2,30.2,\r\nBand 3,26.5,\r\nBand 4,21.7,\r\nBand 5,18.4,\r\nBand 6,12.3,\r\nBand 8a,8.0,\r\nVery senior managers,,fewer than 10\r\nWhole workforce,24.0,\r\n",
    );
  });

  it("renders byte-identical SVG for the same data, even after other charts", async () => {
    await buildChart(boardChart, boardExample, { id: "other" });
    expect((await buildChart(representationChart, input, place)).svg).toBe(chart.svg);
  });

  it("keeps the overall share out of the chart when it is not shown, and gives the spread of the bands instead", async () => {
    const noOverall = await buildChart(representationChart, { ...input, overall: suppressed(10) }, place);
    expectAccessibleChart(noOverall);
    expect(noOverall.title).toBe(
      "BME staff are between 8.0% (Band 8a) and 30.2% (Band 2) of non-clinical staff in the AfC bands that can be shown; " +
        "the share of BME staff in the whole workforce is not shown, because it rests on fewer than 10 people, who could be identified.",
    );
    expect(svgTexts(noOverall.svg).some((t) => t.startsWith("Whole workforce"))).toBe(false);
  });

  it("names a medical and dental subgroup as people, not as a place", async () => {
    const medical = await buildChart(
      representationChart,
      {
        ...input,
        staffGroup: "medical and dental staff",
        category: "subgroup",
        rows: [
          { label: "Consultants", share: { value: 31.8, display: "31.8%", status: "shown" } },
          { label: "Trainee grades", share: suppressed(10) },
        ],
      },
      place,
    );
    expect(medical.title).toBe("BME staff are 24.0% of the whole workforce and 31.8% of consultants, the only subgroup that can be shown.");
  });

  it("draws no chart when fewer than two bands are shown: its caption says what is shown", async () => {
    const rows = input.rows.map((row, i) => (i === 0 ? row : { ...row, share: suppressed(10) }));
    const one = await buildChart(representationChart, { ...input, rows }, place);
    expect(one.svg).toBeUndefined();
    expect(one.title).toBe("BME staff are 24.0% of the whole workforce and 30.2% of non-clinical staff in Band 2, the only AfC band that can be shown.");
    expect(one.table.rows.map((r) => r.cells[0])).toEqual(["30.2%", ...Array<string>(6).fill(FEWER), "24.0%"]);
    const none = await buildChart(representationChart, { ...input, overall: withheld("it would let a number below 10 be worked out"), rows: rows.slice(1) }, place);
    expect(none.svg).toBeUndefined();
    expect(none.title).toBe(
      "The share of BME staff in the whole workforce is not shown, because it would let a number below 10 be worked out, and no AfC band figure can be shown either.",
    );
  });
});
