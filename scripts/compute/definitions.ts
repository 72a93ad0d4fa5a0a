/**
 * The catalogue: for every WRES indicator and WDES metric, how it is computed from one year's
 * counts, which group is the focus and which the reference, which direction is better, and
 * the words of its sentence. The national titles come from data/reference.
 */
import { splitsOf, type Metrics, type SurveyResult } from "../validate/metrics-schema.ts";
import { countShown, notAvailable, shown } from "./figures.ts";
import { groupsOf, type Dimension, type Labels } from "./groups.ts";
import { computeBoard } from "./board.ts";
import type { Chance } from "./compare-years.ts";
import { differenceOfProportions, excludes, ratioOfRatios, type RatioEstimate } from "./intervals.ts";
import { computeLikelihood, outsideBand, type GroupRate, type LikelihoodSpec } from "./relative-likelihood.ts";
import { computeRepresentation } from "./representation.ts";
import { boardSentence, likelihoodSentence, representationSentence, surveySentence, voicesSentence, type SurveyWords } from "./sentences.ts";
import { answersOf, computeSurvey, type SurveyProportion } from "./survey.ts";
import type { Basis, BoardDetail, Better, GroupKey, IndicatorResult, Measure, RepresentationDetail, Unit, YearFigure } from "./types.ts";
import type { Standard } from "../validate/schema.ts";

/**
 * An indicator's name as every page heads it, reports and comparison pages alike: its code and a
 * short title, "WRES 2: appointment from shortlisting"; a part of a metric by its number as NHS
 * England writes it, "WDES 4a (ii): ..." (id "4a-ii").
 */
export const indicatorLabel = (standard: Standard, id: string | number, title: string): string => `${standard} ${String(id).replace(/-([ivx]+)$/, " ($1)")}: ${title}`;

/** One year's counts with what several indicators share: the suppressed workforce tables. */
export interface YearData {
  year: number;
  metrics: Metrics;
  /** For the splits the file gives (see presentSplits) only. */
  representation: Record<Dimension, RepresentationDetail>;
  /** Overall workforce by group, unrounded: [reference, focus, unknown, headcount]. */
  totals: Record<Dimension, number[]>;
  dimensions: Set<Dimension>;
  /** The year before's data, when the organisation has a file for it (WRES 3 / WDES 3 take last year's entries from it). */
  previous?: YearData;
}

export interface Context {
  labels: Labels;
  threshold: number;
  band: { lower: number; upper: number };
  organisation: string;
}

export interface Computed extends Omit<YearFigure, "year"> {
  representation?: RepresentationDetail;
  board?: BoardDetail;
  narrative?: string;
  /** What comparing this year with another needs; kept inside the compute step (never published). */
  estimate?: RatioEstimate | SurveyProportion;
}

export type Draft = Omit<IndicatorResult, "sentence">;

export interface IndicatorSpec {
  standard: Standard;
  id: string;
  number: number;
  /** A short plain name; for a part of a metric, the part's own name ("Harassment, bullying or abuse from managers"). */
  shortTitle: string;
  measure: Measure;
  unit: Unit;
  better: Better;
  dimension: Dimension;
  /** Relative likelihoods: whose likelihood is on top, and the words of their sentences (for the group comparisons). */
  likelihood?: { subject: "reference" | "focus"; people: string; to: string };
  compute(y: YearData, ctx: Context): Computed;
  /** Is the change from `before` to `now` beyond chance? (see compare-years.ts) */
  changeBeyondChance(now: Computed, before: Computed): Chance;
  sentence(r: Draft, ctx: Context): string;
}

/**
 * The splits (ethnicity for WRES, disability for WDES) that every headcount of a metric file gives
 * in full: a WRES-only return has no disability split, and its WDES figures are "not available".
 */
export function presentSplits(metrics: Metrics): Set<Dimension> {
  const counts = [
    ...(["non_clinical", "clinical", "medical"] as const).flatMap((t) => Object.values(metrics.workforce[t] ?? {})),
    ...(metrics.recruitment ? [metrics.recruitment.shortlisted, metrics.recruitment.appointed] : []),
    ...Object.values(metrics.board ?? {}),
  ].filter((g) => g !== undefined);
  return new Set((["ethnicity", "disability"] as const).filter((d) => counts.length > 0 && counts.every((g) => splitsOf(g).includes(d))));
}

export function prepareYear(year: number, metrics: Metrics, labels: Labels, threshold: number): YearData {
  const dims: Dimension[] = [...presentSplits(metrics)];
  const representation = Object.fromEntries(dims.map((d) => [d, computeRepresentation(metrics, d, labels, threshold)])) as Record<Dimension, RepresentationDetail>;
  const totals = Object.fromEntries(
    dims.map((d) => {
      const cells = ["non_clinical", "clinical", "medical"] as const;
      const rows = cells.flatMap((c) => Object.values(metrics.workforce[c] ?? {}));
      const counts = groupsOf[d].map((g) => rows.reduce((s, r) => s + (r?.[g as keyof typeof r] ?? 0), 0));
      return [d, [...counts, counts.reduce((a, b) => a + b, 0)]];
    }),
  ) as Record<Dimension, number[]>;
  return { year, metrics, representation, totals, dimensions: new Set(dims) };
}

export const missing = (y: YearData, what: string): Computed => ({ value: notAvailable(`the ${y.year} data has no ${what}`), groups: [], significance: "not available" });

/** A count of everyone (workforce shares, board membership, a yes/no answer) has no sampling error. */
const census = (): Chance => "census";

const focusOf = (d: Dimension) => groupsOf[d][1];
const referenceOf = (d: Dimension) => groupsOf[d][0];

/* ---------- representation: WRES 1, WDES 1 ---------- */

function representation(standard: Standard, dimension: Dimension): IndicatorSpec {
  return {
    standard,
    id: "1",
    number: 1,
    shortTitle: "Staff in each pay band compared with the whole workforce",
    measure: "representation",
    unit: "%",
    better: "none",
    dimension,
    compute(y, ctx) {
      const detail = y.representation[dimension];
      const roles = ["reference", "focus", "other"] as const;
      return {
        value: detail.overall.cells[1]!.share,
        groups: detail.overall.cells.map((c, i) => ({
          ...ctx.labels[c.group],
          role: roles[i]!,
          value: c.share,
          numerator: c.count,
          denominator: detail.overall.headcount,
        })),
        significance: "not available",
        representation: detail,
      };
    },
    changeBeyondChance: census,
    sentence: (r) => representationSentence(r.focus, r.value, r.previous, r.representation?.undeclared, dimension),
  };
}

/* ---------- relative likelihoods: WRES 2, 3, 4; WDES 2, 3 ---------- */

interface LikelihoodDefinition {
  standard: Standard;
  id: string;
  shortTitle: string;
  dimension: Dimension;
  /** Whose likelihood is on top. */
  subject: "reference" | "focus";
  people: string;
  to: string;
  /** Past tense for "no BME staff ..." */
  counted: string;
  base: string;
  rates(y: YearData, group: GroupKey): GroupRate | undefined;
  /** WRES 3 / WDES 3: whether the year's figure is a two-year rolling average or a single year. */
  basis?(y: YearData): Basis | undefined;
  what: string;
}

function likelihood(d: LikelihoodDefinition): IndicatorSpec {
  const [reference, focus] = [referenceOf(d.dimension), focusOf(d.dimension)];
  const [subject, comparator] = d.subject === "reference" ? [reference, focus] : [focus, reference];
  const spec: LikelihoodSpec = {
    subject,
    comparator,
    focus,
    noneInBase: (g) => `no ${g} ${d.people} ${d.base}`,
    noneCounted: (g) => `no ${g} ${d.people} ${d.counted}, so there is nothing to compare with`,
  };
  return {
    standard: d.standard,
    id: d.id,
    number: Number(d.id),
    shortTitle: d.shortTitle,
    measure: "relative-likelihood",
    unit: "times",
    better: "towards parity",
    dimension: d.dimension,
    likelihood: { subject: d.subject, people: d.people, to: d.to },
    compute(y, ctx) {
      const [s, c] = [d.rates(y, subject), d.rates(y, comparator)];
      if (!s || !c) return missing(y, d.what);
      const basis = d.basis?.(y);
      return { ...computeLikelihood(spec, s, c, ctx.labels, ctx.threshold), ...(basis ? { basis } : {}) };
    },
    changeBeyondChance(now, before) {
      const [a, b] = [now.estimate, before.estimate];
      if (!a || !b || !("ratio" in a) || !("ratio" in b)) return null;
      const change = ratioOfRatios(a, b);
      return change ? excludes(change.interval, 1) : null;
    },
    sentence: (r, ctx) =>
      likelihoodSentence(
        { subject: ctx.labels[subject], comparator: ctx.labels[comparator], people: d.people, to: d.to, ...(r.basis ? { basis: r.basis } : {}) },
        r,
        outsideBand(r.value, ctx.band),
        ctx.band,
      ),
  };
}

const recruitmentRates = (y: YearData, group: GroupKey): GroupRate | undefined => {
  const r = y.metrics.recruitment;
  const key = group as keyof NonNullable<Metrics["recruitment"]>["shortlisted"];
  return r ? { group, numerator: r.appointed[key] ?? 0, denominator: r.shortlisted[key] ?? 0 } : undefined;
};

/** A count against the workforce headcount of the group, which may itself be hidden in WRES 1 / WDES 1. */
function headcountRate(y: YearData, dimension: Dimension, group: GroupKey, numerator: number, parts: number[] = []): GroupRate {
  const column = groupsOf[dimension].indexOf(group);
  return {
    group,
    numerator,
    numeratorParts: parts,
    denominator: y.totals[dimension][column]!,
    denominatorHidden: y.representation[dimension].overall.cells[column]!.count.status === "suppressed",
  };
}

type ProcessKey = "disciplinary" | "capability";

/**
 * Last year's own entries (one year, not an average): from last year's metric file when it has
 * them, else from this file's previous_year_entries (validation has checked that the two agree).
 */
function previousEntries(y: YearData, key: ProcessKey): Record<string, number> | undefined {
  const last = y.previous?.metrics[key];
  if (last && !last.rolling_average) return last.entries;
  return y.metrics[key]?.previous_year_entries;
}

/**
 * WRES 3 / WDES 3: the two-year rolling average of entries (this year's and last year's) against
 * this year's headcount, as the technical guidance defines it; a single year when last year's
 * entries are not known (and then said so wherever the figure appears).
 */
function processRate(y: YearData, dimension: Dimension, key: ProcessKey, group: GroupKey): GroupRate | undefined {
  const process = y.metrics[key];
  if (!process) return undefined;
  const current = (process.entries as Record<string, number>)[group]!;
  if (process.rolling_average) return { ...headcountRate(y, dimension, group, current), years: 2 };
  const previous = previousEntries(y, key)?.[group];
  if (previous === undefined) return headcountRate(y, dimension, group, current);
  return { ...headcountRate(y, dimension, group, (current + previous) / 2, [current, previous]), years: 2 };
}

function processBasis(y: YearData, key: ProcessKey): Basis | undefined {
  const process = y.metrics[key];
  if (!process) return undefined;
  return process.rolling_average || previousEntries(y, key) ? "two-year rolling average" : "single year";
}

/* ---------- survey indicators ---------- */

type SurveyKey = keyof NonNullable<Metrics["staff_survey"]>;

const percentWords = (says: string): SurveyWords => ({
  says: (v) => `${v} ${says}`,
  compared: (v, group) => `${v} of ${group}`,
});

function survey(standard: Standard, id: string, key: SurveyKey, shortTitle: string, better: Better, says: string): IndicatorSpec {
  const dimension: Dimension = standard === "WRES" ? "ethnicity" : "disability";
  const isScore = key === "wdes_9a";
  const words: SurveyWords = isScore
    ? { says: (v) => `the staff engagement score was ${v} out of 10`, compared: (v, group) => `${v} for ${group}` }
    : percentWords(says);
  return {
    standard,
    id,
    number: parseInt(id, 10),
    shortTitle,
    measure: "survey",
    unit: isScore ? "score" : "%",
    better,
    dimension,
    compute(y, ctx) {
      const results = y.metrics.staff_survey?.[key] as Partial<Record<GroupKey, SurveyResult | { score: number; base: number }>> | undefined;
      if (!results) return missing(y, `staff survey result for ${standard} ${id}`);
      const answers = isScore
        ? Object.entries(results).map(([group, r]) => ({ group: group as GroupKey, value: (r as { score: number }).score, base: r.base }))
        : answersOf(results as Partial<Record<GroupKey, SurveyResult>>);
      const surveyYear = y.metrics.survey_year;
      return { ...computeSurvey(answers, focusOf(dimension), referenceOf(dimension), isScore ? "score" : "%", ctx.labels, ctx.threshold), ...(surveyYear ? { surveyYear } : {}) };
    },
    changeBeyondChance(now, before) {
      const [a, b] = [now.estimate, before.estimate];
      if (!a || !b || !("base" in a) || !("base" in b)) return null;
      const change = differenceOfProportions(a.answered, a.base, b.answered, b.base);
      return change ? excludes(change.interval, 0) : null;
    },
    sentence: (r) => surveySentence(words, r),
  };
}

/* ---------- board: WRES 9, WDES 10 ---------- */

function board(standard: Standard, id: string, dimension: Dimension): IndicatorSpec {
  return {
    standard,
    id,
    number: Number(id),
    shortTitle: "Board membership compared with the workforce",
    measure: "board",
    unit: "points",
    better: "towards zero",
    dimension,
    compute(y, ctx) {
      if (!y.metrics.board) return missing(y, "board membership");
      const [, focusCount, , headcount] = y.totals[dimension] as [number, number, number, number];
      const detail = computeBoard(y.metrics.board, dimension, y.representation[dimension].overall, headcount === 0 ? NaN : (100 * focusCount) / headcount);
      const voting = detail.rows.find((r) => r.key === "voting")!;
      return {
        value: voting.difference,
        groups: [{ ...ctx.labels[focusOf(dimension)], role: "focus", value: voting.share, numerator: countShown(voting.focusMembers), denominator: countShown(voting.members) }],
        significance: "not available",
        board: detail,
      };
    },
    changeBeyondChance: census,
    sentence: (r) => boardSentence(r.focus, r.board, r.value, r.previous),
  };
}

/* ---------- WDES 9b ---------- */

const voices: IndicatorSpec = {
  standard: "WDES",
  id: "9b",
  number: 9,
  shortTitle: "Action to hear the voices of Disabled staff",
  measure: "survey",
  unit: "yes/no",
  better: "yes",
  dimension: "disability",
  compute(y) {
    const answer = y.metrics.wdes_9b;
    if (!answer) return missing(y, "answer for WDES 9b");
    return { value: shown(answer.answer ? 1 : 0, "yes/no"), groups: [], significance: "not available", ...(answer.narrative ? { narrative: answer.narrative } : {}) };
  },
  changeBeyondChance: census,
  sentence: (r, ctx) => voicesSentence(ctx.organisation, r.value),
};

/* ---------- the catalogue ---------- */

export const WRES_SPECS: IndicatorSpec[] = [
  representation("WRES", "ethnicity"),
  likelihood({
    standard: "WRES", id: "2", shortTitle: "Appointed from shortlisting", dimension: "ethnicity", subject: "reference",
    people: "applicants", to: "be appointed from shortlisting", counted: "were appointed", base: "were shortlisted",
    rates: recruitmentRates, what: "recruitment figures",
  }),
  likelihood({
    standard: "WRES", id: "3", shortTitle: "Entering the formal disciplinary process", dimension: "ethnicity", subject: "focus",
    people: "staff", to: "enter the formal disciplinary process", counted: "entered the formal disciplinary process", base: "are in the workforce",
    rates: (y, g) => processRate(y, "ethnicity", "disciplinary", g), basis: (y) => processBasis(y, "disciplinary"), what: "disciplinary figures",
  }),
  likelihood({
    standard: "WRES", id: "4", shortTitle: "Accessing non-mandatory training and CPD", dimension: "ethnicity", subject: "reference",
    people: "staff", to: "access non-mandatory training and CPD", counted: "accessed non-mandatory training and CPD", base: "are in the workforce",
    rates: (y, g) => (y.metrics.training ? headcountRate(y, "ethnicity", g, y.metrics.training[g as "white" | "bme"]) : undefined), what: "training figures",
  }),
  survey("WRES", "5", "wres_5", "Harassment, bullying or abuse from patients, relatives or the public", "lower",
    "said they had experienced harassment, bullying or abuse from patients, relatives or the public in the last 12 months"),
  survey("WRES", "6", "wres_6", "Harassment, bullying or abuse from staff", "lower",
    "said they had experienced harassment, bullying or abuse from staff in the last 12 months"),
  survey("WRES", "7", "wres_7", "Equal opportunities for career progression or promotion", "higher",
    "believed the organisation provides equal opportunities for career progression or promotion"),
  survey("WRES", "8", "wres_8", "Discrimination from a manager, team leader or colleague", "lower",
    "said they had personally experienced discrimination at work from a manager, team leader or other colleagues in the last 12 months"),
  board("WRES", "9", "ethnicity"),
];

export const WDES_SPECS: IndicatorSpec[] = [
  representation("WDES", "disability"),
  likelihood({
    standard: "WDES", id: "2", shortTitle: "Appointed from shortlisting", dimension: "disability", subject: "reference",
    people: "applicants", to: "be appointed from shortlisting", counted: "were appointed", base: "were shortlisted",
    rates: recruitmentRates, what: "recruitment figures",
  }),
  likelihood({
    standard: "WDES", id: "3", shortTitle: "Entering the formal capability process", dimension: "disability", subject: "focus",
    people: "staff", to: "enter the formal capability process", counted: "entered the formal capability process", base: "are in the workforce",
    rates: (y, g) => processRate(y, "disability", "capability", g), basis: (y) => processBasis(y, "capability"), what: "capability figures",
  }),
  survey("WDES", "4a-i", "wdes_4a_i", "Harassment, bullying or abuse from patients, relatives or the public", "lower",
    "said they had experienced harassment, bullying or abuse from patients, service users, their relatives or other members of the public in the last 12 months"),
  survey("WDES", "4a-ii", "wdes_4a_ii", "Harassment, bullying or abuse from managers", "lower",
    "said they had experienced harassment, bullying or abuse from managers in the last 12 months"),
  survey("WDES", "4a-iii", "wdes_4a_iii", "Harassment, bullying or abuse from other colleagues", "lower",
    "said they had experienced harassment, bullying or abuse from other colleagues in the last 12 months"),
  survey("WDES", "4b", "wdes_4b", "Reporting harassment, bullying or abuse", "higher",
    "said that the last time they experienced harassment, bullying or abuse at work, they or a colleague reported it"),
  survey("WDES", "5", "wdes_5", "Equal opportunities for career progression or promotion", "higher",
    "believed the organisation provides equal opportunities for career progression or promotion"),
  survey("WDES", "6", "wdes_6", "Pressure to come to work when unwell", "lower",
    "said they had felt pressure from their manager to come to work despite not feeling well enough to perform their duties"),
  survey("WDES", "7", "wdes_7", "Feeling the organisation values their work", "higher",
    "said they were satisfied with the extent to which the organisation values their work"),
  survey("WDES", "8", "wdes_8", "Adequate reasonable adjustments", "higher",
    "said their employer had made adequate adjustments to enable them to carry out their work"),
  survey("WDES", "9a", "wdes_9a", "Staff engagement score", "higher", ""),
  voices,
  board("WDES", "10", "disability"),
];

/** The definition of one indicator (or part): "WDES", "4a-ii". */
export function specOf(standard: Standard, id: string): IndicatorSpec {
  return (standard === "WRES" ? WRES_SPECS : WDES_SPECS).find((s) => s.id === id)!;
}
