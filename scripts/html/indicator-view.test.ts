import { describe, expect, it } from "vitest";
import { exampleMetrics, reference } from "../../test/example-data.ts";
import { computeReportIndicators } from "../compute/indicators.ts";
import { Settings } from "../validate/schema.ts";
import { resultView } from "./indicator-view.ts";


describe("resultView: the national figure on an indicator card", () => {
  const metricsByYear = new Map([2023, 2024].map((y) => [y, exampleMetrics.get(y)!]));
  const organisation = { name: "Example NHS Trust", type: "trust" as const, terminology: { ethnic_minority: "BME" } };
  const computed = computeReportIndicators({ metricsByYear, year: 2024, settings: Settings.parse({}), organisation, reference });
  const view = (id: string) => resultView(computed.wres.find((r) => r.id === id)!, [], `WRES ${id}`);

  it("names England's figure, its year and its source beside the organisation's", () => {
    // The example trust's 2024 WRES 2 is 1.69 (405/1500 over 128/800); England's latest is 1.59 for 2023.
    expect(view("2").value).toBe("1.69");
    expect(view("2").national).toBe("England: 1.59 (2023, NHS England WRES 2023 report)");
  });

  it("says nothing where there is no national figure", () => {
    expect(view("6").national).toBeUndefined();
  });

  it("names the NHS Staff Survey behind a national survey figure", () => {
    expect(view("5").national).toBe("England: 29.2% (2021 NHS Staff Survey, NHS England WRES 2022 report)");
  });
});
