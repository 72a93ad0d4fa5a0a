import { describe, expect, it } from "vitest";
import { shown, suppressed, withheld } from "../../compute/figures.ts";
import { buildChart } from "../build-chart.ts";
import { boardChart } from "./board.ts";
import { boardExample, counted, FEWER, representationExample as input, smallGroups } from "./examples.ts";
import { expectAccessibleChart, markCount, svgTexts } from "./expect-chart.ts";
import { representationChart } from "./representation.ts";

const place = { id: "wres-1-test" };

describe("representation chart", async () => {
  const chart = await buildChart(representationChart, input, place);

  it("is accessible", () => {
    expectAccessibleChart(chart);
  });

  it("states how the bands stand against the whole workforce, without restating its share (the card's sentence says it)", () => {
    expect(chart.title).toBe(
      "BME staff are 8.0% of non-clinical staff in Band 8a, the lowest share of the AfC bands that can be shown, and below their share of the whole workforce.",
    );
    expect(chart.title).not.toContain("24.0%");
    expect(chart.alt).toBe(
      "Bar chart: the percentage of non-clinical staff in each AfC band who are BME, with the whole workforce's percentage as a line.",
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
    // The CSV has the chart's table and the page's table of counts: each row's headcount and each group's count and share.
    expect(chart.csv.split("\r\n")).toEqual([
      "AfC band,Headcount,White staff,White staff (%),BME staff,BME staff (%),Ethnicity not known staff,Ethnicity not known staff (%),Note",
      "Band 2,500,330,66.0,151,30.2,19,3.8,",
      "Band 3,200,140,70.0,53,26.5,7,3.5,",
      "Band 4,300,220,73.3,65,21.7,15,5.0,",
      "Band 5,500,390,78.0,92,18.4,18,3.6,",
      "Band 6,300,250,83.3,37,12.3,13,4.3,",
      "Band 8a,150,130,86.7,12,8.0,8,5.3,",
      "Very senior managers,11,,,,,0,0.0,White staff: fewer than 10; White staff (%): fewer than 10; BME staff: fewer than 10; BME staff (%): fewer than 10",
      "All non-clinical staff,1961,1468,74.9,413,21.1,80,4.1,",
      "Whole workforce,5000,3600,72.0,1200,24.0,200,4.0,",
      "",
    ]);
  });

  it("renders byte-identical SVG for the same data, even after other charts", async () => {
    await buildChart(boardChart, boardExample, { id: "other" });
    expect((await buildChart(representationChart, input, place)).svg).toBe(chart.svg);
  });

  it("keeps the overall share out of the chart when it is not shown, and gives the spread of the bands instead", async () => {
    const overall = { ...input.counts.overall, cells: input.counts.overall.cells.map(() => ({ count: suppressed(10), share: suppressed(10) })) };
    const noOverall = await buildChart(representationChart, { ...input, overall: suppressed(10), counts: { ...input.counts, overall } }, place);
    expectAccessibleChart(noOverall);
    // Why the whole workforce's share is not shown is the card's sentence, said once.
    expect(noOverall.title).toBe("BME staff are between 8.0% (Band 8a) and 30.2% (Band 2) of non-clinical staff in the AfC bands that can be shown.");
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
    expect(medical.title).toBe("BME staff are 31.8% of consultants, the only subgroup that can be shown: above their share of the whole workforce.");
  });

  it("draws no chart when fewer than two bands are shown: its caption says what is shown", async () => {
    const rows = input.rows.map((row, i) => (i === 0 ? row : { ...row, share: suppressed(10) }));
    const one = await buildChart(representationChart, { ...input, rows }, place);
    expect(one.svg).toBeUndefined();
    expect(one.title).toBe("BME staff are 30.2% of non-clinical staff in Band 2, the only AfC band that can be shown: above their share of the whole workforce.");
    expect(one.table.rows.map((r) => r.cells[0])).toEqual(["30.2%", ...Array<string>(6).fill(FEWER), "24.0%"]);
    const none = await buildChart(representationChart, { ...input, overall: withheld("it would let a number below 10 be worked out"), rows: rows.slice(1) }, place);
    expect(none.svg).toBeUndefined();
    expect(none.title).toBe("No AfC band figure for non-clinical staff can be shown.");
  });

  it("says in its caption and its text alternative that the bands are grouped, and why, and names the table of bands", async () => {
    const clusters = [counted("Bands 1-4", 679, 122, 39), counted("Bands 5-7", 237, 30, 13), smallGroups("Bands 8a-8b", 70), smallGroups("Bands 8c-9 and VSM", 31)];
    const grouped = await buildChart(
      representationChart,
      {
        ...input,
        category: "AfC cluster",
        rows: clusters.map((row) => ({ label: row.label, share: row.cells[1]!.share })),
        grouped: { hidden: 10, bands: 13, table: "the table of non-clinical staff by AfC band" },
        // The chart's clusters, then the bands (here the example's).
        counts: { ...input.counts, rows: [...clusters, ...input.counts.rows] },
      },
      place,
    );
    expectAccessibleChart(grouped);
    expect(grouped.title).toBe("BME staff are 10.7% of non-clinical staff in Bands 5-7, the lowest share of the AfC clusters that can be shown, and below their share of the whole workforce.");
    expect(grouped.subtitle).toBe(
      "Percentage of non-clinical staff in each AfC cluster who are BME, at 31 March 2024, against the whole workforce. " +
        "Bands are grouped into the WDES clusters because the share is hidden in 10 of the 13 bands to protect small numbers of staff; the table of non-clinical staff by AfC band gives each band.",
    );
    expect(grouped.alt).toContain("in each AfC cluster (bands grouped, as most bands' figures are hidden) who are BME");
    expect(grouped.table.head[0]).toBe("AfC cluster");
    // The CSV carries what the chart shows and each band.
    expect(grouped.csv.split("\r\n").map((line) => line.split(",")[0])).toEqual([
      "AfC cluster or band",
      ...clusters.map((row) => row.label),
      ...input.counts.rows.map((row) => row.label),
      "Whole workforce",
      "",
    ]);
    expect(svgTexts(grouped.svg)).toEqual(expect.arrayContaining(["Bands 1-4", "Bands 5-7", "14.5%", "10.7%"]));
  });

  it("makes no contrast of a difference under half a point: 'about the same', not 'but'", async () => {
    // The review's case: Disabled staff 6.8% of the whole workforce, 6.6% of clinical staff in Bands 5-7.
    const close = await buildChart(
      representationChart,
      { ...input, overall: shown(6.8, "%"), rows: [{ label: "Bands 1-4", share: shown(7.4, "%") }, { label: "Bands 5-7", share: shown(6.6, "%") }] },
      place,
    );
    expect(close.title).toBe("Among non-clinical staff, BME staff are about their share of the whole workforce or more in every AfC band.");
    const one = await buildChart(representationChart, { ...input, overall: shown(6.8, "%"), rows: [{ label: "Bands 5-7", share: shown(6.6, "%") }, { label: "Bands 8a-8b", share: suppressed(10) }] }, place);
    expect(one.title).toBe("BME staff are 6.6% of non-clinical staff in Bands 5-7, the only AfC band that can be shown: about the same as their share of the whole workforce.");
    const apart = await buildChart(representationChart, { ...input, overall: shown(6.8, "%"), rows: [{ label: "Bands 1-4", share: shown(7.4, "%") }, { label: "Bands 5-7", share: shown(6.2, "%") }] }, place);
    expect(apart.title).toBe("BME staff are 6.2% of non-clinical staff in Bands 5-7, the lowest share of any AfC band, and below their share of the whole workforce.");
  });
});
