/**
 * Computed indicators (scripts/compute) and their charts (scripts/charts) as the report page
 * shows them: a summary card per figure, and full tables for WRES 1 / WDES 1 and the board.
 * Every text here comes from already-suppressed figures; nothing reads a raw count.
 */
import { signedNumber } from "../format/numbers.ts";
import type { Chart, TableModel } from "../charts/types.ts";
import { renderInline } from "./markdown.ts";
import { indicatorLabel, specOf } from "../compute/definitions.ts";
import { startOfSentence } from "../compute/groups.ts";
import type { BoardDetail, Direction, Figure, IndicatorResult, Judgement, RepresentationTable, Unit } from "../compute/types.ts";

/** One line on a member's report: the group's name linked to its comparison, then where the member sits. */
export interface GroupPositionView {
  group: string;
  href: string;
  /** "28 organisations compared", when this organisation is one of them (at least 3 always are). */
  compared: string | undefined;
  text: string;
}

export interface ResultView {
  slug: string;
  heading: string; // "Appointed from shortlisting" or "Harassment from managers (ii)"
  /** The row heading in the at-a-glance table: "WDES 4a (ii): harassment, bullying or abuse from managers". */
  label: string;
  value: string; // "1.86", "12.3%", "fewer than 10", "not available"
  /** What the number is and whose it is, beside it: "of staff are BME", "relative likelihood: White applicants compared with BME applicants". */
  unitText: string | undefined;
  /** The unit alone, where a bare number would be unclear: "relative likelihood", "percentage points", "out of 10". */
  unit: string | undefined;
  /** A survey figure's NHS Staff Survey year (the autumn before its data year). */
  surveyYear: number | undefined;
  previous: string | undefined; // "1.54 in 2023", "30.9% in the 2022 survey"
  /** "England: 29.2% of BME staff in the 2021 NHS Staff Survey (NHS England WRES 2022 report), the latest national figure we hold: 3 years before ours." */
  national: string | undefined;
  /** Which way the figure moved, in words: "Down from 30.9% in the 2022 survey" (an arrow beside it). */
  direction: { key: Direction; label: string } | undefined;
  /** Whether that is for the better, in words: "better than last year", "similar to last year (the change may be chance)". */
  judgement: { key: Judgement; label: string } | undefined;
  /** "95% confidence interval for the relative likelihood: 1.43 to 2.00" (the data note says what that is, once). */
  interval: string | undefined;
  /** The finding, unless a chart of this figure has it as its caption (each finding is said once). */
  sentence: string | undefined;
  narrativeHtml: string | undefined;
  tables: TableModel[];
  charts: Chart[];
  /** Where the figure sits in each of the organisation's groups (scripts/html/group-view.ts), one line a group. */
  groups: GroupPositionView[];
}

/** Whether the change is for the better, in words: on a card, and in the at-a-glance table's "Change" column. */
const JUDGEMENT_LABEL: Record<Exclude<Judgement, "not judged">, { card: string; short: string }> = {
  // The card joins it to the direction in one sentence: "Down from 30.9% in the 2022 survey: similar to last year ...".
  better: { card: "better than last year", short: "better" },
  worse: { card: "worse than last year", short: "worse" },
  similar: { card: "similar to last year (the change may be chance)", short: "similar" },
};

/** Which way the figure moved, in a word for the at-a-glance table. */
const DIRECTION_WORD: Record<Exclude<Direction, "not available">, string> = { up: "Up", down: "Down", "no change": "No change" };

/** The survey year of the year before's figure, for survey results. */
const previousSurveyYear = (result: IndicatorResult) => result.trend.find((t) => t.year === result.year - 1)?.surveyYear;

/** "30.9% in the 2022 survey", "1.86 in 2023", "Yes in 2023", "not shown in 2023". */
function previousText(result: IndicatorResult): string | undefined {
  if (result.previous.status === "not available") return undefined;
  const surveyYear = previousSurveyYear(result);
  const when = surveyYear ? `in the ${surveyYear} survey` : `in ${result.year - 1}`;
  return `${result.previous.display} ${when}`;
}

function directionLabel(result: IndicatorResult, previous: string): string {
  if (result.unit === "yes/no") return result.direction === "no change" ? `The same answer as last year (${previous})` : `Changed from ${previous}`;
  return { up: "Up from", down: "Down from", "no change": "No change from", "not available": "" }[result.direction] + ` ${previous}`;
}

/** The judgement, when there is one to state ("no change" already says all there is to say). */
function judgementOf(result: IndicatorResult, length: "card" | "short"): ResultView["judgement"] {
  if (result.judgement === "not judged" || result.direction === "no change") return undefined;
  return { key: result.judgement, label: JUDGEMENT_LABEL[result.judgement][length] };
}

function representationTable(table: RepresentationTable, result: IndicatorResult): TableModel {
  return {
    caption: `${result.standard} ${result.id}: ${table.caption}`,
    head: ["Staff group", "Headcount", ...table.columns.map((c) => `${c.label} staff`)],
    rows: [...table.rows, table.total].map((row) => ({
      header: row.label,
      cells: [
        row.headcount.display,
        ...table.columns.map((c) => {
          const cell = row.cells.find((x) => x.group === c.key);
          if (!cell) return "not available";
          return cell.share.value === null ? cell.count.display : `${cell.count.display} (${cell.share.display})`;
        }),
      ],
    })),
  };
}

function boardTable(board: BoardDetail, result: IndicatorResult): TableModel {
  return {
    caption: `${result.standard} ${result.id}: board membership compared with the workforce, ${result.focus.inSentence} members`,
    head: ["Board members", "Members", `${result.focus.label} members`, `${result.focus.label} share`, "Difference from the workforce"],
    rows: board.rows.map((row) => ({
      header: row.label,
      cells: [String(row.members), String(row.focusMembers), row.share.display, row.difference.display],
    })),
  };
}

/** Whose figure the headline is, in words: "BME staff", "White applicants compared with BME applicants". */
function whose(result: IndicatorResult): string {
  const focus = `${result.focus.inSentence} staff`;
  switch (result.measure) {
    case "relative-likelihood": {
      const { subject, people } = specOf(result.standard, result.id).likelihood!;
      const [top, bottom] = subject === "reference" ? [result.reference, result.focus] : [result.focus, result.reference];
      return `${top.inSentence} ${people} compared with ${bottom.inSentence} ${people}`;
    }
    case "board":
      return `${result.focus.inSentence} share of voting board members minus their share of the workforce`;
    default:
      return focus;
  }
}

/** The words after the big number that say what it is and whose: "18.6% of staff are BME", "29.5% of BME staff". */
function unitWords(result: IndicatorResult): string | undefined {
  switch (result.measure) {
    case "representation":
      return `of staff are ${result.focus.inSentence}`;
    case "relative-likelihood":
      return `relative likelihood: ${whose(result)}`;
    case "board":
      return `percentage points: ${whose(result)}`;
    case "survey":
      return result.unit === "score" ? `out of 10, for ${whose(result)}` : result.unit === "%" ? `of ${whose(result)}` : undefined;
    default:
      return undefined;
  }
}

/** "1 year", "3 years": how much older England's latest figure is than ours; undefined when it is of the same year. */
function nationalAge(result: IndicatorResult): string | undefined {
  const years = result.national ? result.year - result.national.year : 0;
  return years <= 0 ? undefined : `${years} ${years === 1 ? "year" : "years"}`;
}

/**
 * England's figure on the card: whose it is, when and where from, and, when it is from an earlier
 * year than ours, that it is the latest we hold.
 */
function nationalText(result: IndicatorResult): string | undefined {
  const national = result.national;
  if (!national) return undefined;
  const value = national.value.display;
  const figure =
    result.measure === "relative-likelihood"
      ? `England's relative likelihood: ${value}`
      : result.measure === "representation"
        ? `England: ${value} of staff were ${result.focus.inSentence}`
        : `England: ${value} of ${whose(result)}`;
  const when = national.surveyYear ? `in the ${national.surveyYear} NHS Staff Survey` : `in ${national.year}`;
  const age = nationalAge(result);
  return `${figure} ${when} (${national.source})${age ? `, the latest national figure we hold: ${age} before ours` : ""}.`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The result's row heading in the at-a-glance table: the indicator's own label when it has a
 * single figure ("WRES 2: appointment from shortlisting"), else the part ("WDES 4b: reporting ..."),
 * which is also the part's heading on its card: one short name for each part.
 */
export function resultLabel(result: IndicatorResult, label: string, parts: number): string {
  return parts > 1 ? indicatorLabel(result.standard, result.id, lowerFirst(result.shortTitle)) : label;
}

export function resultView(result: IndicatorResult, charts: readonly Chart[], label: string, groups: readonly GroupPositionView[] = []): ResultView {
  const shown = result.value.value !== null;
  const own = charts.filter((c) => c.id === result.slug || c.id.startsWith(`${result.slug}-`));
  const previous = previousText(result);
  return {
    slug: result.slug,
    heading: label,
    label,
    // A difference in points keeps its sign ("+0.9"); the unit follows in words.
    value: shown && result.unit === "points" ? signedNumber(result.value.value!, "points") : result.value.display,
    surveyYear: result.surveyYear,
    unitText: shown ? unitWords(result) : undefined,
    unit: shown ? ({ times: "relative likelihood", "%": undefined, points: "percentage points", score: "out of 10", "yes/no": undefined } as const)[result.unit] : undefined,
    previous,
    national: nationalText(result),
    direction: result.direction === "not available" || !previous ? undefined : { key: result.direction, label: directionLabel(result, previous) },
    judgement: judgementOf(result, "card"),
    interval: result.interval && `95% confidence interval for ${result.measure === "relative-likelihood" ? "the relative likelihood" : whose(result)}: ${result.interval.display}`,
    // Outside the parity band, significance and the basis (a rolling average, a single year) are in the sentence already.
    sentence: own.some((c) => c.title === result.sentence) ? undefined : result.sentence,
    narrativeHtml: renderInline(result.narrative),
    tables: [
      ...(result.representation?.tables.map((t) => representationTable(t, result)) ?? []),
      ...(result.board ? [boardTable(result.board, result)] : []),
    ],
    charts: own,
    groups: [...groups],
  };
}

/** One row of the at-a-glance table: a figure, last year's, the change, England's, the parity band. */
export interface GlanceRow {
  label: string;
  href: string;
  value: string; // "1.69", "29.5%", "6.6 out of 10", "Yes"
  /**
   * Under the value: the comparison group's figure for a survey result ("White staff: 24.1%"),
   * or whose a likelihood or board difference is ("White applicants compared with BME applicants").
   */
  comparison: string | undefined;
  previous: string | undefined;
  /** Which way it moved ("Up", "Down", "No change") and, apart from that, whether that is better. */
  direction: { key: Direction; label: string } | undefined;
  judgement: { key: Judgement; label: string } | undefined;
  /** "1.59 (2023)", "29.2% (2021 survey, 3 years earlier)"; undefined: we hold no national figure (not available). */
  national: string | undefined;
  /** Relative likelihoods only: inside or outside the parity band. */
  parity: "Inside" | "Outside" | undefined;
  /** Whether the gap between the groups is beyond chance (its 95% interval excludes no gap), where the figure has an interval. */
  gap: "Significant" | "May be chance" | undefined;
  /** Whether the parity band and the gap between groups apply to this figure: where they do, a missing one is "not available", not "does not apply". */
  applies: { parity: boolean; gap: boolean };
}

/** A figure with its unit in words where a bare number would be unclear in a table of mixed units. */
function figureText(figure: Figure, unit: Unit): string {
  return figure.value !== null && unit === "score" ? `${figure.display} out of 10` : figure.display;
}

export function glanceRow(result: IndicatorResult, label: string, href: string): GlanceRow {
  const other = result.measure === "survey" ? result.groups.find((g) => g.role === "reference") : undefined;
  // Survey figures carry their survey year here too.
  const survey = (text: string, year: number | undefined) => (year ? `${text} (${year} survey)` : text);
  const value = figureText(result.value, result.unit);
  const age = nationalAge(result);
  const whoseValue =
    result.measure === "representation"
      ? `${result.focus.label} share of staff: ${value}`
      : result.measure === "survey" && result.unit !== "yes/no"
        ? `${result.focus.label} staff: ${value}`
        : value;
  return {
    label,
    href,
    value: survey(whoseValue, result.surveyYear),
    comparison: other
      ? `${other.label} staff: ${figureText(other.value, result.unit)}`
      : result.measure === "relative-likelihood" || result.measure === "board"
        ? startOfSentence(whose(result))
        : undefined,
    previous: result.previous.status === "not available" ? undefined : survey(figureText(result.previous, result.unit), previousSurveyYear(result)),
    direction: result.direction === "not available" ? undefined : { key: result.direction, label: DIRECTION_WORD[result.direction] },
    judgement: judgementOf(result, "short"),
    national:
      result.national &&
      `${figureText(result.national.value, result.unit)} (${result.national.surveyYear ? `${result.national.surveyYear} survey` : result.national.year}${age ? `, ${age} earlier` : ""})`,
    parity: result.outsideParityBand === null ? undefined : result.outsideParityBand ? "Outside" : "Inside",
    gap: result.significance === "not available" ? undefined : result.significance === "significant" ? "Significant" : "May be chance",
    applies: {
      parity: result.measure === "relative-likelihood",
      gap: result.measure === "relative-likelihood" || (result.measure === "survey" && result.unit === "%" && other !== undefined),
    },
  };
}
