/**
 * A metric data file's content -> YAML text laid out as the authoring guide shows it: a comment
 * above each section saying what it holds, one line per staff group or result (a flow mapping of
 * its counts), keys in the schema's order. Pure.
 */
import type { Metrics } from "../validate/metrics-schema.ts";

const SECTION_COMMENTS: Record<string, string> = {
  workforce: "Headcounts at the snapshot date, by AfC band (clinical and non-clinical) and medical subgroup (WRES 1, WDES 1).",
  recruitment: "Applicants shortlisted and appointed from shortlisting, all posts (WRES 2, WDES 2).",
  disciplinary: "Entries into a formal disciplinary investigation (WRES 3); with previous_year_entries the two-year rolling average is used.",
  capability: "Entries into the formal capability process on the grounds of performance (WDES 3).",
  training: "Staff who accessed non-mandatory training and CPD (WRES 4).",
  staff_survey: "NHS Staff Survey results: percentages with the number who answered (the response base).",
  wdes_9b: "WDES 9b: has the organisation taken action to facilitate the voices of Disabled staff to be heard?",
  board: "Board members by voting and executive membership (WRES 9, WDES 10; published, never suppressed).",
};

type Value = string | number | boolean | Value[] | { [key: string]: Value | undefined };

const scalar = (v: string | number | boolean): string => (typeof v === "string" ? JSON.stringify(v) : String(v));
const isFlat = (o: Record<string, Value | undefined>): boolean => Object.values(o).every((v) => typeof v === "number" || typeof v === "boolean");
const entries = (o: Record<string, Value | undefined>) =>
  // rolling_average: false is the schema's default; writing it would only add noise.
  Object.entries(o).filter((e): e is [string, Value] => e[1] !== undefined && !(e[0] === "rolling_average" && e[1] === false));

function emit(key: string, value: Value, indent: string): string[] {
  if (typeof value !== "object" || Array.isArray(value)) return [`${indent}${key}: ${Array.isArray(value) ? JSON.stringify(value) : scalar(value)}`];
  const items = entries(value);
  if (items.length === 0) return [`${indent}${key}: {}`];
  if (isFlat(value)) return [`${indent}${key}: { ${items.map(([k, v]) => `${k}: ${scalar(v as number | boolean)}`).join(", ")} }`];
  return [`${indent}${key}:`, ...items.flatMap(([k, v]) => emit(k, v, `${indent}  `))];
}

export interface WriteOptions {
  /** The CSV file the figures came from, named in the header comment. */
  source: string;
  organisation: string;
}

export function metricsToYaml(metrics: Metrics, options: WriteOptions): string {
  const lines = [
    `# Metric data for ${options.organisation}, ${metrics.year}: raw counts for one year, from which every WRES`,
    "# indicator and WDES metric is computed. Imported from",
    `# ${options.source} with \`npm run import\`; check it with \`npm run validate\`.`,
    `# The workforce snapshot is taken on ${metrics.snapshot_date}.`,
    `year: ${metrics.year}`,
    `snapshot_date: ${metrics.snapshot_date}`,
  ];
  if (metrics.survey_year !== undefined) lines.push(`survey_year: ${metrics.survey_year} # the NHS Staff Survey the survey figures come from`);
  for (const [key, value] of entries(metrics)) {
    if (key === "year" || key === "snapshot_date" || key === "survey_year") continue;
    lines.push("", ...(SECTION_COMMENTS[key] ? [`# ${SECTION_COMMENTS[key]}`] : []), ...emit(key, value, ""));
  }
  return `${lines.join("\n")}\n`;
}
