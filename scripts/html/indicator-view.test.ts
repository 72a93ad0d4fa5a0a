import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeReportIndicators } from "../compute/indicators.ts";
import { loadYaml } from "../load/yaml.ts";
import { Metrics } from "../validate/metrics-schema.ts";
import { IndicatorList, NationalFigures, Settings, type Reference } from "../validate/schema.ts";
import { resultView } from "./indicator-view.ts";

const root = path.resolve(import.meta.dirname, "../..");
const yaml = (file: string) => loadYaml(readFileSync(path.join(root, file), "utf8")).value;
const reference: Reference = {
  wres: IndicatorList.parse(yaml("data/reference/wres-indicators.yaml")),
  wdes: IndicatorList.parse(yaml("data/reference/wdes-metrics.yaml")),
  peoplePromise: { source: "", themes: [] },
  statuses: [],
  national: NationalFigures.parse(yaml("data/reference/national-figures.yaml")),
};

describe("resultView: the national figure on an indicator card", () => {
  const metricsByYear = new Map([2023, 2024].map((y) => [y, Metrics.parse(yaml(`data/metrics/example-nhs-trust/${y}.yaml`))]));
  const organisation = { name: "Example NHS Trust", type: "trust" as const, terminology: { ethnic_minority: "BME" } };
  const computed = computeReportIndicators({ metricsByYear, year: 2024, settings: Settings.parse({}), organisation, reference });
  const view = (id: string) => resultView(computed.wres.find((r) => r.id === id)!, [], computed.parityBand);

  it("names England's figure, its year and its source beside the organisation's", () => {
    // The example trust's 2024 WRES 2 is 1.69 (405/1500 over 128/800); England's latest is 1.59 for 2023.
    expect(view("2").value).toBe("1.69");
    expect(view("2").national).toBe("England: 1.59 (2023, NHS England WRES 2023 report)");
  });

  it("says nothing where there is no national figure", () => {
    expect(view("5").national).toBeUndefined();
  });
});
