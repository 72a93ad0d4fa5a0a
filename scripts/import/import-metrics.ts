/**
 * The import step: the bytes of a CSV laid out like the national WRES/WDES data returns ->
 * the YAML text of a metric data file. Pure; the command (scripts/commands/import.ts) reads
 * and writes the files. Throws InputProblems with every problem, at CSV line and column.
 */
import { InputProblems } from "../validate/problems.ts";
import { csvToMetrics, type FileDetails } from "./csv-to-metrics.ts";
import { readCsv } from "./read-csv.ts";
import { metricsToYaml } from "./write-metrics-yaml.ts";
import type { Metrics } from "../validate/metrics-schema.ts";

export interface ImportInput extends FileDetails {
  /** The CSV file as named to the author (in problems and in the YAML header comment). */
  file: string;
  organisation: string;
}

export function importMetricsCsv(bytes: Uint8Array, input: ImportInput): { metrics: Metrics; yaml: string } {
  const read = readCsv(bytes, input.file);
  const result = csvToMetrics(read.rows, input.file, input, read.problems.length > 0);
  if (!result.metrics) throw new InputProblems([...read.problems, ...result.problems]);
  return { metrics: result.metrics, yaml: metricsToYaml(result.metrics, { source: input.file, organisation: input.organisation }) };
}
