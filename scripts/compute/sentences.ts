/**
 * The plain-English words for each figure, for a member of the public. The wording rules
 * (DESIGN.md section 5): a likelihood never carries a % sign; a likelihood below 1 is never
 * "times more likely" (we say "less likely"); the organisation's term for ethnic minority staff;
 * singular and plural agree with the numbers; a hidden figure is never restated in words; a
 * sentence claims no more than the figures shown: "statistically significant" only when the 95%
 * interval excludes no difference, else "may be chance"; survey figures name their survey year.
 */
import { interval, pointsInWords } from "../format/numbers.ts";
import { startOfSentence } from "./groups.ts";
import type { Basis, BoardDetail, Figure, GroupLabel, IndicatorResult, Significance } from "./types.ts";

/**
 * The one name of the 0.80-1.25 band, used on every page, chart and note: "the parity band
 * (0.80 to 1.25)". (It is a rule of thumb, from the "four-fifths rule"; the guide says so.)
 */
export function parityBandName(band: { lower: number; upper: number }): string {
  return `the parity band (${interval(band.lower, band.upper, "times")})`;
}

/** ", up from 28.0% last year" / ", down from ... in the 2022 survey" / ", the same as last year" / "". */
function sinceLastYear(value: Figure, previous: Figure, when = "last year"): string {
  if (value.value === null || previous.value === null) return "";
  if (value.value > previous.value) return `, up from ${previous.display} ${when}`;
  if (value.value < previous.value) return `, down from ${previous.display} ${when}`;
  return `, the same as ${when === "last year" ? "last year" : when.replace(/^in /, "")}`;
}

function withheld(subject: string, value: Figure): string {
  return value.status === "suppressed"
    ? `${subject} is not shown, because ${value.reason ?? "it could identify people"}.`
    : `${subject} is not available: ${value.reason ?? "the data does not allow it"}.`;
}

export interface LikelihoodWords {
  subject: GroupLabel;
  comparator: GroupLabel;
  /** "applicants", "staff" */
  people: string;
  /** "be appointed from shortlisting", "enter the formal capability process" */
  to: string;
  /** WRES 3 / WDES 3 */
  basis?: Basis;
}

const BASIS_WORDS: Record<Basis, string> = {
  "two-year rolling average": ", on a two-year rolling average",
  "single year": ", on one year's figures (a single year: last year's are not available for the two-year rolling average)",
};

/** "the difference is statistically significant (unlikely to be chance) and outside the parity band (0.80 to 1.25)" */
function likelihoodVerdict(significance: Significance, outside: boolean, band: { lower: number; upper: number }): string {
  const where = `${outside ? "outside" : "inside"} ${parityBandName(band)}`;
  switch (significance) {
    case "significant":
      return `the difference is statistically significant (unlikely to be chance) ${outside ? "and" : "but"} ${where}`;
    case "may be chance":
      return `the difference is ${where} ${outside ? "but" : "and"} may be chance`;
    default:
      return `this is ${where}`;
  }
}

export function likelihoodSentence(
  w: LikelihoodWords,
  r: Pick<IndicatorResult, "value" | "previous" | "significance">,
  outside: boolean | null,
  band: { lower: number; upper: number },
): string {
  const { value, previous } = r;
  const subject = `${w.subject.inSentence} ${w.people}`;
  const comparator = `${w.comparator.inSentence} ${w.people}`;
  if (value.value === null)
    return withheld(`How likely ${subject} were to ${w.to}, compared with ${comparator},`, value);
  const basis = w.basis ? BASIS_WORDS[w.basis] : "";
  const last = previous.value === null ? "" : `${previous.display} last year`;
  if (value.display === "1.00")
    return `${startOfSentence(w.subject.inSentence)} and ${comparator} were equally likely to ${w.to}${basis}${last ? ` (${last})` : ""}.`;
  // One sentence: the verdict on its own would be the same words under several figures.
  const sentence =
    value.value > 1
      ? `${startOfSentence(subject)} were ${value.display} times as likely as ${comparator} to ${w.to}${basis}${last ? ` (${last})` : ""}`
      : `${startOfSentence(subject)} were less likely than ${comparator} to ${w.to}${basis} (relative likelihood ${value.display}${last ? `; ${last}` : ""})`;
  return `${sentence}; ${likelihoodVerdict(r.significance, outside === true, band)}.`;
}

export interface SurveyWords {
  /** What the focus group's figure says: (v) => "9.1% said they had experienced ..." */
  says: (value: string) => string;
  /** The comparison: (v, group) => "8.0% of White staff" */
  compared: (value: string, group: string) => string;
}

type SurveyResultWords = Pick<IndicatorResult, "focus" | "reference" | "groups" | "value" | "previous" | "significance" | "year" | "trend" | "surveyYear">;

/** "In the 2023 NHS Staff Survey, among culturally diverse staff, 29.5% said ..., down from 30.9% in the 2022 survey, compared with 24.1% of White staff; the gap may be chance." */
export function surveySentence(w: SurveyWords, r: SurveyResultWords): string {
  const { value, previous } = r;
  const name = r.focus.inSentence;
  if (value.value === null) {
    return value.status === "suppressed"
      ? `The result for ${name} staff is not shown, because ${value.reason ?? "too few of them answered the question"}.`
      : `There is no result for ${name} staff: ${value.reason ?? "the data does not include it"}.`;
  }
  const others = r.groups
    .filter((g) => g.role !== "focus")
    .map((g) => (g.value.value === null ? `a figure not shown for ${g.key === "overall" ? g.inSentence : `${g.inSentence} staff`}` : w.compared(g.value.display, g.key === "overall" ? g.inSentence : `${g.inSentence} staff`)));
  const comparison = others.length === 0 ? "" : `, compared with ${others.join(" and ")}`;
  const survey = r.surveyYear ? `In the ${r.surveyYear} NHS Staff Survey, among` : "Among";
  const lastSurvey = r.trend.find((t) => t.year === r.year - 1)?.surveyYear;
  const since = sinceLastYear(value, previous, lastSurvey ? `in the ${lastSurvey} survey` : "last year");
  const gap =
    r.significance === "not available"
      ? ""
      : `; the gap ${r.significance === "significant" ? "is statistically significant (unlikely to be chance)" : "may be chance"}`;
  return `${survey} ${name} staff, ${w.says(value.display)}${since}${comparison}${gap}.`;
}

export function representationSentence(focus: GroupLabel, value: Figure, previous: Figure, undeclared: Figure | undefined, characteristic: string): string {
  if (value.value === null) return withheld(`The share of ${focus.inSentence} staff in the workforce`, value);
  const unknown = !undeclared || undeclared.value === null ? "" : `; the ${characteristic} of ${undeclared.display} of staff is not known`;
  return `${startOfSentence(focus.inSentence)} staff made up ${value.display} of the workforce${sinceLastYear(value, previous)}${unknown}.`;
}

/**
 * "2 of the 13 voting board members were culturally diverse (15.4%), 3.2 percentage points below
 * their share of the overall workforce (18.6%); last year the difference was -11.9 points. Counting
 * the 4 non-voting members too, 2 of all 17 (11.8%) were culturally diverse."
 */
export function boardSentence(focus: GroupLabel, board: BoardDetail | undefined, value: Figure, previous: Figure): string {
  if (!board) return withheld("Board membership", value);
  const row = (key: string) => board.rows.find((r) => r.key === key)!;
  const [voting, nonVoting, all] = [row("voting"), row("non-voting"), row("all")];
  if (voting.share.value === null) return `There is no voting board membership to compare: ${voting.share.reason ?? "no voting members are listed"}.`;
  const who = voting.focusMembers === 0 ? "None" : String(voting.focusMembers);
  const members = voting.members === 1 ? "the 1 voting board member" : `the ${voting.members} voting board members`;
  const verb = voting.focusMembers === 1 || (voting.focusMembers === 0 && voting.members === 1) ? "was" : "were";
  const opening = `${who} of ${members} ${verb} ${focus.inSentence} (${voting.share.display})`;
  const nonVotingClause =
    nonVoting.members === 0
      ? ""
      : ` Counting the ${nonVoting.members === 1 ? "1 non-voting member" : `${nonVoting.members} non-voting members`} too, ${all.focusMembers === 0 ? "none" : all.focusMembers} of all ${all.members} (${all.share.display}) ${all.focusMembers === 1 ? "was" : "were"} ${focus.inSentence}.`;
  const diff = voting.difference;
  if (diff.value === null) return `${opening}; their share of the overall workforce is not shown, because the group is small.${nonVotingClause}`;
  const relation =
    diff.value === 0
      ? "the same as their share of the overall workforce"
      : `${pointsInWords(diff.value)} ${diff.value > 0 ? "above" : "below"} their share of the overall workforce`;
  const last = previous.value === null ? "" : `; last year the difference was ${previous.display}`;
  return `${opening}, ${relation} (${board.workforceShare.display})${last}.${nonVotingClause}`;
}

export function voicesSentence(organisation: string, value: Figure): string {
  if (value.value === null) return withheld("The answer on the voices of Disabled staff", value);
  return value.value === 1
    ? `Yes: ${organisation} has taken action to facilitate the voices of Disabled staff to be heard.`
    : `No: ${organisation} has not taken action to facilitate the voices of Disabled staff to be heard.`;
}
