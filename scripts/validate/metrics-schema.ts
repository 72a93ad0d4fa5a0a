/**
 * The metric data file: data/metrics/<organisation>/<year>.yaml, the raw counts of one
 * organisation for one year (workforce at the snapshot date, usually 31 March), from which
 * scripts/compute/ derives every WRES indicator and WDES metric.
 *
 * The zod schema checks each value; `checkMetrics` then checks the figures against each other
 * (appointed cannot exceed shortlisted, ...) with positions from the source map.
 */
import { z } from "zod";
import type { SourceMap, Segment } from "../load/yaml.ts";
import { messages, type Message } from "./messages.ts";
import type { Problem } from "./problems.ts";
import { isoDate } from "./schema.ts";

const count = z.int().min(0);
/** A two-year average may be a half: 7.5. */
const averageCount = z.number().min(0);
const percent = z.number().min(0).max(100);

/** Counts by ethnicity group (WRES). */
const ethnicity = {
  white: count.optional().describe("White staff"),
  bme: count.optional().describe("Black and minority ethnic staff (the national category; reports use the organisation's own term)"),
  ethnicity_unknown: count.optional().describe("Ethnicity not stated or unknown"),
};
/** Counts by disability group (WDES). */
const disability = {
  disabled: count.optional().describe("Staff who have declared a disability"),
  non_disabled: count.optional().describe("Staff who have declared no disability"),
  disability_unknown: count.optional().describe("Disability not declared or unknown"),
};

const ZOD_CUSTOM = "custom";

/** The two ways a headcount is split, and the three counts of each. */
export const SPLITS = {
  ethnicity: ["white", "bme", "ethnicity_unknown"],
  disability: ["disabled", "non_disabled", "disability_unknown"],
} as const;
export type Split = keyof typeof SPLITS;

/** The splits a headcount gives in full. */
export function splitsOf(g: GroupCounts): Split[] {
  return (Object.keys(SPLITS) as Split[]).filter((s) => SPLITS[s].every((k) => g[k] !== undefined));
}

export const GroupCounts = z
  .strictObject({ ...ethnicity, ...disability })
  .superRefine((g, ctx) => {
    // A WRES-only or WDES-only return gives one split; a split that is given must be given in full.
    const given = (Object.keys(SPLITS) as Split[]).filter((s) => SPLITS[s].some((k) => g[k] !== undefined));
    // zod's own issue kind; zod-problems.ts turns `params.kind` into the catalogue's message.
    const issue = (path: string[], kind: string) => ctx.addIssue({ code: ZOD_CUSTOM, path, params: { kind }, message: kind });
    for (const s of given) for (const k of SPLITS[s]) if (g[k] === undefined) issue([k], "split-incomplete");
    if (given.length === 0) issue([], "split-missing");
  })
  .describe("A headcount split by ethnicity (WRES), by disability (WDES), or both; when both, the two must add up to the same total");
export type GroupCounts = z.infer<typeof GroupCounts>;

export const AFC_BANDS = ["band_1", "band_2", "band_3", "band_4", "band_5", "band_6", "band_7", "band_8a", "band_8b", "band_8c", "band_8d", "band_9", "vsm"] as const;
export const MEDICAL_SUBGROUPS = ["consultants", "non_consultant_career_grades", "trainee_grades", "other_medical"] as const;
export type AfcBand = (typeof AFC_BANDS)[number];
export type MedicalSubgroup = (typeof MEDICAL_SUBGROUPS)[number];

const bandRows = Object.fromEntries(AFC_BANDS.map((b) => [b, GroupCounts.optional()])) as Record<AfcBand, z.ZodOptional<typeof GroupCounts>>;
const medicalRows = Object.fromEntries(MEDICAL_SUBGROUPS.map((m) => [m, GroupCounts.optional()])) as Record<
  MedicalSubgroup,
  z.ZodOptional<typeof GroupCounts>
>;

const SurveyResult = z.strictObject({
  percent: percent.describe("The percentage answering this way, 0-100, as the survey reports it"),
  base: count.describe("How many in the group answered the question (the response base)"),
});
export type SurveyResult = z.infer<typeof SurveyResult>;
const ethnicitySurvey = z.strictObject({ white: SurveyResult, bme: SurveyResult, overall: SurveyResult.optional() });
const disabilitySurvey = z.strictObject({ disabled: SurveyResult, non_disabled: SurveyResult, overall: SurveyResult.optional() });
const EngagementScore = z.strictObject({
  score: z.number().min(0).max(10).describe("Staff engagement score, 0-10"),
  base: count.describe("How many in the group answered"),
});

/** Entries into a formal process (WRES 3 disciplinary, WDES 3 capability), for the two groups compared. */
function processEntries<K extends string>(groups: readonly [K, K], what: string) {
  const of = <T extends z.ZodType>(type: T) => z.strictObject(Object.fromEntries(groups.map((k) => [k, type])) as Record<K, T>);
  return z.strictObject({
    entries: of(averageCount).describe(`Staff entering the formal ${what} process in the year`),
    previous_year_entries: of(count).optional().describe("The year before's entries: if given, the two-year rolling average is used"),
    rolling_average: z.boolean().default(false).describe("true if `entries` is already the two-year rolling average"),
  });
}

export const Metrics = z.strictObject({
  year: z.int().min(2014).max(2100).describe("The data year: the workforce snapshot is taken on 31 March of this year"),
  snapshot_date: isoDate.describe("Date of the workforce snapshot, e.g. 2024-03-31"),
  survey_year: z.int().min(2014).max(2100).optional().describe("The NHS Staff Survey year the survey figures come from, e.g. 2023"),
  workforce: z
    .strictObject({
      non_clinical: z.strictObject(bandRows).describe("Non-clinical staff by AfC band"),
      clinical: z.strictObject(bandRows).describe("Clinical staff (not medical and dental) by AfC band"),
      medical: z.strictObject(medicalRows).optional().describe("Medical and dental staff by subgroup"),
    })
    .describe("Headcounts at the snapshot date"),
  recruitment: z
    .strictObject({ shortlisted: GroupCounts, appointed: GroupCounts })
    .optional()
    .describe("Applicants shortlisted and appointed from shortlisting, all posts (WRES 2, WDES 2)"),
  disciplinary: processEntries(["white", "bme"], "disciplinary").optional().describe("WRES 3"),
  capability: processEntries(["disabled", "non_disabled"], "capability").optional().describe("WDES 3"),
  training: z
    .strictObject({ white: count, bme: count, ethnicity_unknown: count })
    .optional()
    .describe("Staff who accessed non-mandatory training and CPD (WRES 4)"),
  staff_survey: z
    .strictObject({
      wres_5: ethnicitySurvey.optional(),
      wres_6: ethnicitySurvey.optional(),
      wres_7: ethnicitySurvey.optional(),
      wres_8: ethnicitySurvey.optional(),
      wdes_4a_i: disabilitySurvey.optional(),
      wdes_4a_ii: disabilitySurvey.optional(),
      wdes_4a_iii: disabilitySurvey.optional(),
      wdes_4b: disabilitySurvey.optional(),
      wdes_5: disabilitySurvey.optional(),
      wdes_6: disabilitySurvey.optional(),
      wdes_7: disabilitySurvey.optional(),
      wdes_8: z.strictObject({ disabled: SurveyResult }).optional(),
      wdes_9a: z.strictObject({ disabled: EngagementScore, non_disabled: EngagementScore, overall: EngagementScore }).optional(),
    })
    .optional()
    .describe("NHS Staff Survey results with their response bases"),
  wdes_9b: z
    .strictObject({
      answer: z.boolean().describe("Has the organisation taken action to facilitate the voices of Disabled staff to be heard? (true or false)"),
      narrative: z.string().trim().min(1).optional().describe("What it has done (Markdown)"),
    })
    .optional(),
  board: z
    .strictObject({
      voting_executive: GroupCounts,
      voting_non_executive: GroupCounts,
      non_voting_executive: GroupCounts,
      non_voting_non_executive: GroupCounts,
    })
    .optional()
    .describe("Board members by voting and executive membership (published, never suppressed)"),
});
export type Metrics = z.infer<typeof Metrics>;

type Push = (path: Segment[], m: Message) => void;

const total = (g: GroupCounts, s: Split) => SPLITS[s].reduce((sum, k) => sum + (g[k] ?? 0), 0);

/** Both splits of one headcount, when both are given, must describe the same people. */
function checkSplits(g: GroupCounts, path: Segment[], push: Push): void {
  if (splitsOf(g).length < 2) return;
  const e = total(g, "ethnicity");
  const d = total(g, "disability");
  if (e !== d) push(path, messages.metricSplitsDiffer(path.filter((s) => typeof s === "string").join(" > "), e, d));
}

/** Every field optional, all the way down: the parts of a metric file that passed the schema. */
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type MetricsParts = DeepPartial<Metrics>;

/**
 * The parts of a file that pass the schema on their own, when the whole does not: each field that
 * parses is kept, each object that does not is searched field by field, the rest is left out. The
 * cross-checks then run on what is right, in the same run as the schema's problems.
 */
export function partsThatParse(schema: z.ZodType, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (!(inner instanceof z.ZodObject) || value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const shape = inner.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]) => {
      const part = Object.hasOwn(shape, key) ? partsThatParse(shape[key]!, field) : undefined;
      return part === undefined ? [] : [[key, part]];
    }),
  );
}

/**
 * Cross-field checks of a metric file, or of the parts of it that passed the schema; problems carry
 * file:line:col. `written` is the fields the author wrote at the top of the file (a survey_year
 * written wrongly is not missing).
 */
export function checkMetrics(file: string, name: string, map: SourceMap, m: MetricsParts, written: readonly string[] = Object.keys(m)): Problem[] {
  const problems: Problem[] = [];
  const push: Push = (path, message) => problems.push({ file, position: map.at(path), ...message });

  if (m.year !== undefined && String(m.year) !== name) push(["year"], messages.metricYearMismatch(m.year, name));
  // Survey figures are labelled with their survey year everywhere; a year the file does not give cannot be guessed.
  if (m.staff_survey && !written.includes("survey_year")) push(["staff_survey"], messages.surveyYearMissing(m.year ?? Number(name)));

  for (const table of ["non_clinical", "clinical", "medical"] as const) {
    for (const [row, g] of Object.entries(m.workforce?.[table] ?? {})) if (g) checkSplits(g, ["workforce", table, row], push);
  }

  if (m.recruitment) {
    const { shortlisted = {}, appointed = {} } = m.recruitment;
    checkSplits(shortlisted, ["recruitment", "shortlisted"], push);
    checkSplits(appointed, ["recruitment", "appointed"], push);
    for (const key of Object.keys(appointed) as (keyof GroupCounts)[]) {
      const a = appointed[key];
      const s = shortlisted[key];
      if (a !== undefined && s !== undefined && a > s) push(["recruitment", "appointed", key], messages.appointedOverShortlisted(key, a, s));
    }
  }
  if (m.board) for (const [cell, g] of Object.entries(m.board)) if (g) checkSplits(g, ["board", cell], push);

  for (const [section, groups] of [
    ["disciplinary", m.disciplinary],
    ["capability", m.capability],
  ] as const) {
    if (groups?.rolling_average && groups.previous_year_entries)
      push([section, "previous_year_entries"], messages.rollingAverageTwice(section));
    if (groups && !groups.rolling_average)
      for (const [key, value] of Object.entries(groups.entries ?? {}))
        if (value !== undefined && !Number.isInteger(value)) push([section, "entries", key], messages.notWholeCount(key, value));
  }
  return problems;
}

/**
 * WRES 3 / WDES 3 across files: a `previous_year_entries` must agree with last year's own metric
 * file, where that file gives the year's entries (not an average). The compute step takes last
 * year's entries from that file, so a disagreeing copy would be published nowhere and mislead the
 * author; it is refused where it is written, naming the other file and its figure.
 */
export function checkPreviousYear(file: string, map: SourceMap, m: Metrics, lastYear: { file: string; data: Metrics } | undefined): Problem[] {
  if (!lastYear) return [];
  const problems: Problem[] = [];
  for (const section of ["disciplinary", "capability"] as const) {
    const given = m[section]?.previous_year_entries as Record<string, number> | undefined;
    const last = lastYear.data[section];
    if (!given || !last || last.rolling_average) continue;
    const entries = last.entries as Record<string, number>;
    for (const [group, value] of Object.entries(given)) {
      if (entries[group] !== value)
        problems.push({ file, position: map.at([section, "previous_year_entries", group]), ...messages.previousYearDisagrees(section, group, value, lastYear.file, entries[group]!) });
    }
  }
  return problems;
}
