/**
 * Step 3, compute: the typed OUTPUT of the indicator engine. Templates, charts and CSV read
 * these values and nothing else; they never see raw counts.
 *
 * Disclosure control has already been applied to everything here: a suppressed or unavailable
 * figure carries `value: null` and no number anywhere (not in `display`, not in `reason`), so
 * nothing downstream can leak it. Numbers are rounded as published and written as text by
 * scripts/format/numbers.ts, and `value` is the rounded number, so a chart, a table and a CSV
 * cannot disagree with the text.
 */

import type { Unit } from "../format/numbers.ts";
import type { Standard } from "../validate/schema.ts";

/** How a figure is published: "times" (a relative likelihood), "%", "points" (a percentage-point difference), "score", "yes/no". */
export type { Unit };

/** WRES indicators "1".."9"; WDES metrics "1", "2", "3", "4a-i", "4a-ii", "4a-iii", "4b", "5".."8", "9a", "9b", "10". */
export type IndicatorId = string;

/** How the figure is computed (as in data/reference/*.yaml, with "yes/no" for WDES 9b). */
export type Measure = "representation" | "relative-likelihood" | "survey" | "board";


/**
 * Which way the headline value improves: "towards parity" (likelihoods, best at 1.00),
 * "towards zero" (board minus workforce), "higher" or "lower" (survey results of the focus group),
 * "yes" (WDES 9b), "none" (a group's share of the workforce, WRES 1 / WDES 1: it rises or falls,
 * it does not get better or worse).
 */
export type Better = "higher" | "lower" | "towards parity" | "towards zero" | "yes" | "none";

/** Which way the headline value moved since last year: a fact, with no judgement in it. */
export type Direction = "up" | "down" | "no change" | "not available";

/**
 * Whether that movement is for the better, judged by `Better`. A figure from a sample (a relative
 * likelihood, a survey percentage) is "better" or "worse" only when the change is beyond chance
 * (its 95% interval excludes no change), else "similar". A count of everyone (board membership,
 * WDES 9b) has no sampling error, so any change is real. "not judged": the measure has no better
 * direction (WRES 1 / WDES 1), its uncertainty cannot be worked out from the data (the engagement
 * score), both years are as far from parity (0.80 and 1.25), or there is no comparison.
 */
export type Judgement = "better" | "worse" | "similar" | "not judged";

/** How a two-year measure (WRES 3, WDES 3) was worked out for a year. */
export type Basis = "two-year rolling average" | "single year";

/**
 * Whether the difference between the two groups this year is beyond chance: the 95% interval of a
 * likelihood excludes 1.00, or that of a survey gap excludes 0. "may be chance" otherwise.
 * "not available" when there is no interval (a hidden figure, no counts, a score, a census figure).
 */
export type Significance = "significant" | "may be chance" | "not available";

export type FigureStatus = "shown" | "suppressed" | "not available";

/** One publishable number, or the reason it is not published. */
export interface Figure {
  /** The rounded value as displayed; null when suppressed or not available. */
  value: number | null;
  /** The text to print: "1.86", "46.9%", "+0.32", "-2.1 points", "fewer than 10", "not available". */
  display: string;
  status: FigureStatus;
  /** Plain English, for "not available" (e.g. "no BME applicants were shortlisted") or suppression. Never contains a hidden number. */
  reason?: string;
}

/** Groups as keyed in the metric data files. "overall" is the whole workforce or all respondents. */
export type GroupKey = "white" | "bme" | "ethnicity_unknown" | "disabled" | "non_disabled" | "disability_unknown" | "overall";

export interface GroupLabel {
  key: GroupKey;
  /** The organisation's term, capitalised for a table heading: "White", "Culturally diverse", "Disabled", "Non-disabled". */
  label: string;
  /** The term for use inside a sentence: "White", "culturally diverse", "Disabled", "non-disabled". */
  inSentence: string;
}

/** A group's own figure inside an indicator, e.g. White applicants: 46.9% appointed (numerator 140, denominator 298). */
/** A 95% confidence interval, rounded as its figure is ("1.43 to 2.00", "25.9% to 33.4%"). */
export interface IntervalFigure {
  lower: Figure;
  upper: Figure;
  /** "1.43 to 2.00" */
  display: string;
}

export interface GroupFigure extends GroupLabel {
  /** "focus" is the group the standard is about (BME, Disabled); "reference" the comparator (White, non-disabled). */
  role: "focus" | "reference" | "other";
  /** The group's rate, percentage or score. */
  value: Figure;
  /** The count on top, e.g. appointed, entries, accessed training (absent for survey results). */
  numerator?: Figure;
  /** The count below, e.g. shortlisted, headcount, survey response base. */
  denominator?: Figure;
  /** Survey percentages with a known base: the Wilson score interval of `value`. */
  interval?: IntervalFigure;
}

/** The headline value and the groups' figures for one year (the current year or an earlier one). */
export interface YearFigure {
  year: number;
  value: Figure;
  groups: GroupFigure[];
  /**
   * The 95% confidence interval of the headline: Katz log for a relative likelihood, Wilson score
   * for a survey percentage. Absent when the headline is hidden or has no interval.
   */
  interval?: IntervalFigure;
  /** Survey percentages: the focus group's figure minus the reference group's, in points, with its Newcombe interval. */
  gap?: { value: Figure; interval: IntervalFigure };
  significance: Significance;
  /** WRES 3 / WDES 3: whether this year's figure is a two-year rolling average or a single year. */
  basis?: Basis;
  /** Survey figures: the NHS Staff Survey year the figures come from (the autumn before the data year), when the file gives it. */
  surveyYear?: number;
}

/** One cell of a representation table: how many of a group, and their share of the row. */
export interface RepresentationCell {
  group: GroupKey;
  count: Figure;
  /** Share of the row's headcount, in % (1 decimal). */
  share: Figure;
}

export interface RepresentationRow {
  /** "band_5", "cluster_1_4", "consultants", "total", "overall". */
  key: string;
  /** "Band 5", "Bands 1-4", "Consultants", "All non-clinical staff", "Overall workforce". */
  label: string;
  cells: RepresentationCell[];
  headcount: Figure;
}

/** WRES 1 / WDES 1 for one staff group: rows are AfC bands (WRES) or clusters (WDES) or medical subgroups. */
export interface RepresentationTable {
  staffGroup: "non-clinical" | "clinical" | "medical and dental";
  /** "Non-clinical staff by AfC band", ready for a <caption>. */
  caption: string;
  /** Column order: reference group, focus group, unknown. */
  columns: GroupLabel[];
  rows: RepresentationRow[];
  /** The whole staff group. */
  total: RepresentationRow;
  /**
   * A WRES table whose focus group's share is hidden in more than half of its bands: the bands
   * grouped as the WDES clusters (Bands 1-4, 5-7, 8a-8b, 8c-9 and VSM), suppressed in the same
   * pass as the bands, for its chart. The table keeps the bands.
   */
  clusters?: RepresentationRow[];
}

export interface RepresentationDetail {
  tables: RepresentationTable[];
  /** The whole workforce (all tables together): the comparison line for charts. */
  overall: RepresentationRow;
  /** Share of the workforce whose ethnicity (WRES) or disability (WDES) is not known: a data-quality note. */
  undeclared: Figure;
}

export interface BoardRow {
  /** "voting" is the headline of WRES 9 / WDES 10 (the standards' definition); the others are its breakdown. */
  key: "voting" | "executive" | "non-executive" | "non-voting" | "all";
  label: string;
  /** Board membership is published and never suppressed. */
  members: number;
  focusMembers: number;
  /** Focus group's share of these board members, %. */
  share: Figure;
  /** share minus the focus group's share of the overall workforce, in percentage points. */
  difference: Figure;
}

export interface BoardDetail {
  rows: BoardRow[];
  /** Focus group's share of the overall workforce, % (suppressed if the group is small). */
  workforceShare: Figure;
}

/** England's figure for the same indicator, as NHS England published it (data/reference/national-figures.yaml). */
export interface NationalFigure {
  value: Figure;
  /** The national data year, which may be earlier than the organisation's. */
  year: number;
  /** The publication, short: "NHS England WRES 2023 report". */
  source: string;
  /**
   * Survey figures: the NHS Staff Survey the national figure comes from. The national reports take
   * their survey figures from the survey of the autumn before their data year.
   */
  surveyYear?: number;
}

export interface IndicatorResult {
  standard: Standard;
  id: IndicatorId;
  /** The number in the reference list (WDES "4a-ii" is metric 4), for links to actions. */
  number: number;
  /** Stable anchor/file name: "wres-2", "wdes-4a-ii". */
  slug: string;
  /** The national title exactly as published (data/reference). */
  title: string;
  /** A short plain heading for cards and chart titles: "Appointed from shortlisting". */
  shortTitle: string;
  measure: Measure;
  unit: Unit;
  better: Better;
  /** Focus group (BME / Disabled, in the organisation's words) and the reference group it is compared with. */
  focus: GroupLabel;
  reference: GroupLabel;
  year: number;
  /** The headline value: RL, the focus group's %, board difference in points, engagement score, yes/no as 1/0. */
  value: Figure;
  /** The groups' figures behind the headline for this year. */
  groups: GroupFigure[];
  /** Every year present in the data up to `year`, oldest first, the current year last. */
  trend: YearFigure[];
  /** The previous year's headline, if that year is in the data (else status "not available"). */
  previous: Figure;
  /** Headline minus the previous year's, in the unit ("+0.32", "-2.1 points"). */
  change: Figure;
  direction: Direction;
  judgement: Judgement;
  /** Relative likelihoods only: true if outside the parity band; null if not an RL or not available. */
  outsideParityBand: boolean | null;
  /** One plain-English sentence for the public. Never a % on a likelihood, never "0.66 times more likely". */
  sentence: string;
  /** The 95% interval of this year's headline (see YearFigure.interval). */
  interval?: IntervalFigure;
  /** Survey percentages: this year's gap between the groups (see YearFigure.gap). */
  gap?: { value: Figure; interval: IntervalFigure };
  /** Is this year's difference between the groups beyond chance? */
  significance: Significance;
  /** WRES 3 / WDES 3: how this year's figure was worked out. */
  basis?: Basis;
  /** Survey figures: the NHS Staff Survey year of this year's figure, when the data gives it. */
  surveyYear?: number;
  /** WRES 1 / WDES 1 only. */
  representation?: RepresentationDetail;
  /** WRES 9 / WDES 10 only. */
  board?: BoardDetail;
  /** WDES 9b only: the organisation's narrative (Markdown). */
  narrative?: string;
  /** England's figure, where the reference data has one for this indicator and year or an earlier one. */
  national?: NationalFigure;
}

export interface ReportIndicators {
  organisation: string;
  /** The metric data year shown, e.g. 2024 (workforce at 31 March 2024). */
  year: number;
  /** Workforce snapshot date, YYYY-MM-DD. */
  snapshotDate: string;
  /** Staff survey year used for the survey indicators (autumn, a year behind), if given. */
  surveyYear: number | null;
  /** Years present in the data and used for trends, oldest first. */
  years: number[];
  /** Counts below this are shown as "fewer than N". */
  threshold: number;
  parityBand: { lower: number; upper: number };
  /** WRES 1..9 in order (empty if the data has no WRES figures). */
  wres: IndicatorResult[];
  /** WDES 1, 2, 3, 4a-i, 4a-ii, 4a-iii, 4b, 5, 6, 7, 8, 9a, 9b, 10 in order. */
  wdes: IndicatorResult[];
}
