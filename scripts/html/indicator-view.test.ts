import { describe, expect, it } from "vitest";
import { exampleMetrics, reference } from "../../test/example-data.ts";
import { computeReportIndicators } from "../compute/indicators.ts";
import { Settings } from "../validate/schema.ts";
import { glanceRow, resultView } from "./indicator-view.ts";

const metricsByYear = new Map([2023, 2024].map((y) => [y, exampleMetrics.get(y)!]));
const organisation = { name: "Example NHS Trust", type: "trust" as const, terminology: { ethnic_minority: "BME" } };
const computed = computeReportIndicators({ metricsByYear, year: 2024, settings: Settings.parse({}), organisation, reference });
const result = (id: string) => [...computed.wres, ...computed.wdes].find((r) => r.slug === id)!;
const view = (id: string) => resultView(result(id), [], id);
const glance = (id: string) => glanceRow(result(id), id, "#");

describe("resultView: the national figure on an indicator card", () => {
  it("names England's figure, whose it is, its year and its source, and says when it is older than ours", () => {
    // The example trust's 2024 WRES 2 is 1.69 (405/1500 over 128/800); England's latest is 1.59 for 2023.
    expect(view("wres-2").value).toBe("1.69");
    expect(view("wres-2").national).toBe("England's relative likelihood: 1.59 in 2023 (NHS England WRES 2023 report), the latest national figure we hold: 1 year before ours.");
    expect(view("wres-1").national).toBe("England: 24.2% of staff were BME in 2022 (NHS England WRES 2022 report), the latest national figure we hold: 2 years before ours.");
  });

  it("says nothing where there is no national figure", () => {
    expect(view("wres-6").national).toBeUndefined();
  });

  it("names the NHS Staff Survey behind a national survey figure, and whose figure it is", () => {
    expect(view("wres-5").national).toBe(
      "England: 29.2% of BME staff in the 2021 NHS Staff Survey (NHS England WRES 2022 report), the latest national figure we hold: 2 years before ours.",
    );
  });
});

describe("resultView: whose the headline figure is (review finding 11)", () => {
  it("says beside the big number what it is and whose", () => {
    const words = (id: string) => `${view(id).value} ${view(id).unitText}`;
    expect(words("wres-1")).toBe("18.6% of staff are BME");
    expect(words("wres-5")).toBe("29.5% of BME staff");
    expect(words("wres-2")).toBe("1.69 relative likelihood: White applicants compared with BME applicants");
    expect(words("wdes-3")).toBe("2.37 relative likelihood: Disabled staff compared with non-disabled staff");
    expect(words("wdes-9a")).toBe("6.6 out of 10, for Disabled staff");
    expect(words("wres-9")).toBe("-3.2 percentage points: BME share of voting board members minus their share of the workforce");
  });

  it("says whose figure a 95% confidence interval is for", () => {
    expect(view("wres-5").interval).toBe("95% confidence interval for BME staff: 24.3% to 35.3%");
    expect(view("wres-2").interval).toBe("95% confidence interval for the relative likelihood: 1.41 to 2.02");
  });

  it("gives a part of a metric one short name, its at-a-glance label, as its heading", () => {
    expect(resultView(result("wdes-4a-ii"), [], "WDES 4a (ii): harassment, bullying or abuse from managers").heading).toBe(
      "WDES 4a (ii): harassment, bullying or abuse from managers",
    );
  });
});

describe("glanceRow: whose figure each cell is, and England's year", () => {
  it("names the group of a share or survey figure, and whose a likelihood or board difference is", () => {
    expect(glance("wres-1").value).toBe("BME share of staff: 18.6%");
    expect([glance("wres-5").value, glance("wres-5").comparison]).toEqual(["BME staff: 29.5% (2023 survey)", "White staff: 24.1%"]);
    expect([glance("wres-2").value, glance("wres-2").comparison]).toEqual(["1.69", "White applicants compared with BME applicants"]);
    expect(glance("wdes-10").comparison).toBe("Disabled share of voting board members minus their share of the workforce");
  });

  it("says when England's figure is from an earlier year than ours", () => {
    expect(glance("wres-2").national).toBe("1.59 (2023, 1 year earlier)");
    expect(glance("wres-5").national).toBe("29.2% (2021 survey, 2 years earlier)");
  });

  it("knows where the parity band and the gap between groups apply, so a missing one is 'not available'", () => {
    expect(glance("wres-3").applies).toEqual({ parity: true, gap: true });
    expect(glance("wres-1").applies).toEqual({ parity: false, gap: false });
    expect(glance("wdes-8").applies).toEqual({ parity: false, gap: false });
    expect(glance("wres-6").applies).toEqual({ parity: false, gap: true });
  });
});
