/**
 * Test helper: the repository's reference definitions and the fictional Example NHS Trust's
 * metric files, parsed with the real schemas, for tests of the compute and view steps.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadYaml } from "../scripts/load/yaml.ts";
import { Metrics } from "../scripts/validate/metrics-schema.ts";
import { IndicatorList, NationalFigures, type Reference } from "../scripts/validate/schema.ts";
import { repoRoot } from "./project.ts";

export const yamlFile = (file: string): unknown => loadYaml(readFileSync(path.join(repoRoot, file), "utf8")).value;

export const reference: Reference = {
  wres: IndicatorList.parse(yamlFile("data/reference/wres-indicators.yaml")),
  wdes: IndicatorList.parse(yamlFile("data/reference/wdes-metrics.yaml")),
  peoplePromise: { source: "", themes: [] },
  statuses: [],
  national: NationalFigures.parse(yamlFile("data/reference/national-figures.yaml")),
};

/** The Example NHS Trust's metric data, by year. */
export const exampleMetrics = new Map([2022, 2023, 2024].map((y) => [y, Metrics.parse(yamlFile(`data/metrics/example-nhs-trust/${y}.yaml`))]));
