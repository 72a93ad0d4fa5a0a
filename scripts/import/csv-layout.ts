/**
 * The CSV layout the import command reads: one row per figure, in the long format the national
 * WRES and WDES data returns use, with five columns:
 *
 *   Standard | Indicator | Breakdown            | Group    | Value
 *   WRES     | 2         | Shortlisted          | White    | 1500
 *   WDES     | 1         | Clinical Band 5      | Disabled | 30
 *   WDES     | 4a-i      | Percent              | Disabled | 31.2
 *
 * This module lists every row the layout knows (its labels, where its value goes in the metric
 * data file, what kind of value it holds, and which rows must come with it) and recognises the
 * wordings authors use ("BAME" for BME, "Indicator 2" for 2, "Non clinical, band 8A"). Pure data.
 */
import type { Segment } from "../load/yaml.ts";
import { AFC_BANDS, MEDICAL_SUBGROUPS } from "../validate/metrics-schema.ts";

import type { Standard } from "../validate/schema.ts";

/** count: a whole number of people; percent: 0-100; score: 0-10; yes-no: Yes or No; text: Markdown. */
export type ValueKind = "count" | "percent" | "score" | "yes-no" | "text";

/** One row the layout knows. */
export interface RowDefinition {
  standard: Standard;
  /** As written in the CSV: "2", "4a-i". */
  indicator: string;
  /** As written in the CSV: "Clinical Band 5", "Shortlisted", "Percent". */
  breakdown: string;
  /** As written in the CSV: "White", "BME", "Unknown", "Disabled", "Non-disabled", "Overall", or "" (WDES 9b). */
  group: string;
  /** Where the value goes in the metric data file. */
  path: Segment[];
  kind: ValueKind;
  /** Rows that must all be given together (e.g. the six counts of one staff group). */
  unit: string;
  /** Another unit that must also be complete when this one is given. */
  requires?: string;
}

/** Lower-case letters and digits only: "Non-clinical, Band 8A" -> "nonclinicalband8a". */
export const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** "Indicator 2" -> "2", "Metric 4a (ii)" -> "4aii". */
export const normaliseIndicator = (text: string): string => normalise(text).replace(/^(indicator|metric)/, "");

const GROUPS: Record<Standard, { key: string; label: string }[]> = {
  WRES: [
    { key: "white", label: "White" },
    { key: "bme", label: "BME" },
    { key: "ethnicity_unknown", label: "Unknown" },
  ],
  WDES: [
    { key: "disabled", label: "Disabled" },
    { key: "non_disabled", label: "Non-disabled" },
    { key: "disability_unknown", label: "Unknown" },
  ],
};
const OVERALL = { key: "overall", label: "Overall" };

/** Other wordings of the group labels, normalised, as the returns and local systems write them. */
const GROUP_ALIASES: Record<string, string> = {
  bame: "bme",
  blackandminorityethnic: "bme",
  blackasianandminorityethnic: "bme",
  ethnicminority: "bme",
  minorityethnic: "bme",
  notstated: "unknown",
  notknown: "unknown",
  notdeclared: "unknown",
  unknownornull: "unknown",
  unknownnotstated: "unknown",
  ethnicityunknown: "unknown",
  disabilityunknown: "unknown",
  notdisabled: "nondisabled",
  nodisability: "nondisabled",
  all: "overall",
  allstaff: "overall",
  allrespondents: "overall",
};
export const normaliseGroup = (text: string): string => {
  const n = normalise(text);
  return GROUP_ALIASES[n] ?? n;
};

/** Other wordings of breakdowns, normalised. */
const BREAKDOWN_ALIASES: Record<string, string> = {
  appointedfromshortlisting: "appointed",
  entriesthisyear: "entries",
  previousyear: "previousyearentries",
  accessed: "accessedtraining",
  accessednonmandatorytrainingandcpd: "accessedtraining",
  percentage: "percent",
  responsebase: "base",
  responses: "base",
};
export const normaliseBreakdown = (text: string): string => {
  const n = normalise(text)
    .replace(/^medicalanddental/, "medical")
    .replace(/verysenior(managers?)?$/, "vsm");
  return BREAKDOWN_ALIASES[n] ?? n;
};

const bandLabel = (band: string) => (band === "vsm" ? "VSM" : `Band ${band.replace("band_", "")}`);
const medicalLabel: Record<(typeof MEDICAL_SUBGROUPS)[number], string> = {
  consultants: "Consultants",
  non_consultant_career_grades: "Non-consultant career grades",
  trainee_grades: "Trainee grades",
  other_medical: "Other",
};
const BOARD_CELLS = [
  ["voting_executive", "Voting executive"],
  ["voting_non_executive", "Voting non-executive"],
  ["non_voting_executive", "Non-voting executive"],
  ["non_voting_non_executive", "Non-voting non-executive"],
] as const;
const WRES_SURVEY = ["5", "6", "7", "8"];
const WDES_SURVEY = ["4a-i", "4a-ii", "4a-iii", "4b", "5", "6", "7"];

function* definitions(): Generator<RowDefinition> {
  for (const standard of ["WRES", "WDES"] as const) {
    const groups = GROUPS[standard];
    const [reference, focus] = [groups[0]!, groups[1]!];
    // Indicator / metric 1: headcounts by staff group. Each row of the metric file needs both splits.
    const workforce: [table: string, row: string, breakdown: string][] = [
      ...(["non_clinical", "clinical"] as const).flatMap((table) =>
        AFC_BANDS.map((b): [string, string, string] => [table, b, `${table === "clinical" ? "Clinical" : "Non-clinical"} ${bandLabel(b)}`]),
      ),
      ...MEDICAL_SUBGROUPS.map((m): [string, string, string] => ["medical", m, `Medical ${medicalLabel[m]}`]),
    ];
    for (const [table, row, breakdown] of workforce)
      for (const g of groups)
        yield { standard, indicator: "1", breakdown, group: g.label, path: ["workforce", table, row, g.key], kind: "count", unit: `workforce.${table}.${row}.${standard}` };
    // Indicator / metric 2: recruitment, shortlisted and appointed. Each standard's rows form a unit of
    // their own, so a WRES-only (or WDES-only) return is complete without the other standard's rows.
    for (const [key, breakdown] of [["shortlisted", "Shortlisted"], ["appointed", "Appointed"]] as const)
      for (const g of groups) yield { standard, indicator: "2", breakdown, group: g.label, path: ["recruitment", key, g.key], kind: "count", unit: `recruitment.${standard}` };
    // Indicator / metric 3: entries into the formal process (disciplinary / capability), compared groups only.
    const section = standard === "WRES" ? "disciplinary" : "capability";
    for (const g of [reference, focus]) {
      yield { standard, indicator: "3", breakdown: "Entries", group: g.label, path: [section, "entries", g.key], kind: "count", unit: section };
      yield { standard, indicator: "3", breakdown: "Previous year entries", group: g.label, path: [section, "previous_year_entries", g.key], kind: "count", unit: `${section}.previous`, requires: section };
    }
    // Board membership (WRES 9, WDES 10): each of the four cells.
    const board = standard === "WRES" ? "9" : "10";
    for (const [key, breakdown] of BOARD_CELLS)
      for (const g of groups) yield { standard, indicator: board, breakdown, group: g.label, path: ["board", key, g.key], kind: "count", unit: `board.${standard}` };
    // Staff survey results: percent and response base of each compared group, overall optional.
    for (const id of standard === "WRES" ? WRES_SURVEY : WDES_SURVEY) {
      const key = `${standard.toLowerCase()}_${id.replace(/-/g, "_")}`;
      for (const g of [reference, focus, OVERALL])
        for (const [field, breakdown] of [["percent", "Percent"], ["base", "Base"]] as const)
          yield {
            standard,
            indicator: id,
            breakdown,
            group: g.label,
            path: ["staff_survey", key, g.key, field],
            kind: field === "percent" ? "percent" : "count",
            unit: g === OVERALL ? `${key}.overall` : key,
            ...(g === OVERALL ? { requires: key } : {}),
          };
    }
  }
  // WRES 4: staff who accessed non-mandatory training and CPD.
  for (const g of GROUPS.WRES) yield { standard: "WRES", indicator: "4", breakdown: "Accessed training", group: g.label, path: ["training", g.key], kind: "count", unit: "training" };
  // WDES 8: reasonable adjustments, Disabled staff only.
  for (const [field, breakdown] of [["percent", "Percent"], ["base", "Base"]] as const)
    yield { standard: "WDES", indicator: "8", breakdown, group: "Disabled", path: ["staff_survey", "wdes_8", "disabled", field], kind: field === "percent" ? "percent" : "count", unit: "wdes_8" };
  // WDES 9a: engagement scores, all three groups.
  for (const g of [...GROUPS.WDES.slice(0, 2), OVERALL])
    for (const [field, breakdown] of [["score", "Score"], ["base", "Base"]] as const)
      yield { standard: "WDES", indicator: "9a", breakdown, group: g.label, path: ["staff_survey", "wdes_9a", g.key, field], kind: field === "score" ? "score" : "count", unit: "wdes_9a" };
  // WDES 9b: the yes/no answer and the narrative; no group.
  yield { standard: "WDES", indicator: "9b", breakdown: "Answer", group: "", path: ["wdes_9b", "answer"], kind: "yes-no", unit: "wdes_9b" };
  yield { standard: "WDES", indicator: "9b", breakdown: "Narrative", group: "", path: ["wdes_9b", "narrative"], kind: "text", unit: "wdes_9b.narrative", requires: "wdes_9b" };
}

/** The order of the national lists: WRES indicators 1-9, then WDES metrics 1-10. */
const ORDER = [...["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((i) => `WRES ${i}`), ...["1", "2", "3", ...WDES_SURVEY.slice(0, 4), "5", "6", "7", "8", "9a", "9b", "10"].map((i) => `WDES ${i}`)];

/** Every row the layout knows, in the order the template lists them. */
export const ROWS: readonly RowDefinition[] = [...definitions()].sort((a, b) => ORDER.indexOf(`${a.standard} ${a.indicator}`) - ORDER.indexOf(`${b.standard} ${b.indicator}`));

export const rowKey = (standard: string, indicator: string, breakdown: string, group: string): string =>
  [standard, normaliseIndicator(indicator), normaliseBreakdown(breakdown), normaliseGroup(group)].join("|");

const byKey = new Map(ROWS.map((r) => [rowKey(r.standard, r.indicator, r.breakdown, r.group), r]));
export const findRow = (standard: Standard, indicator: string, breakdown: string, group: string): RowDefinition | undefined =>
  byKey.get(rowKey(standard, indicator, breakdown, group));

/** The indicators of a standard as written in the CSV ("1", "4a-i", ...). */
export const indicatorsOf = (standard: Standard): string[] => [...new Set(ROWS.filter((r) => r.standard === standard).map((r) => r.indicator))];

/** "WRES indicator 2", "WDES metric 4a-i": as the national returns name them. */
export const indicatorName = (standard: Standard, indicator: string): string => `${standard} ${standard === "WRES" ? "indicator" : "metric"} ${indicator}`;

/** The row written as a CSV line, for a fix: `WDES,1,Clinical Band 2,Disabled,<count>`. */
export const rowAsCsv = (r: RowDefinition): string =>
  [r.standard, r.indicator, r.breakdown, r.group, `<${r.kind === "yes-no" ? "Yes or No" : r.kind}>`].map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
