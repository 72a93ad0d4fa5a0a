/**
 * One plain-English sentence per figure, for a member of the public. The wording rules
 * (DESIGN.md section 5): a likelihood never carries a % sign; a likelihood below 1 is never
 * "times more likely" (we say "less likely"); the organisation's term for ethnic minority staff;
 * singular and plural agree with the numbers; a hidden figure is never restated in words.
 */
import { startOfSentence } from "./groups.ts";
import type { BoardDetail, Figure, GroupFigure, GroupLabel } from "./types.ts";

const fixed2 = (n: number) => n.toFixed(2);

/** ", up from 28.0% last year" / ", down from ..." / ", the same as last year" / "". */
function sinceLastYear(value: Figure, previous: Figure): string {
  if (value.value === null || previous.value === null) return "";
  if (value.value > previous.value) return `, up from ${previous.display} last year`;
  if (value.value < previous.value) return `, down from ${previous.display} last year`;
  return ", the same as last year";
}

function withheld(subject: string, value: Figure): string {
  return value.status === "suppressed"
    ? `${subject} is not published, because ${value.reason ?? "it could identify people"}.`
    : `${subject} is not available: ${value.reason ?? "the data does not allow it"}.`;
}

export interface LikelihoodWords {
  subject: GroupLabel;
  comparator: GroupLabel;
  /** "applicants", "staff" */
  people: string;
  /** "be appointed from shortlisting", "enter the formal capability process" */
  to: string;
  /** "a two-year rolling average", if the figure is one */
  basis?: string;
}

export function likelihoodSentence(
  w: LikelihoodWords,
  value: Figure,
  previous: Figure,
  outside: boolean | null,
  band: { lower: number; upper: number },
): string {
  const subject = `${w.subject.inSentence} ${w.people}`;
  const comparator = `${w.comparator.inSentence} ${w.people}`;
  if (value.value === null)
    return withheld(`How likely ${subject} were to ${w.to}, compared with ${comparator},`, value);
  const basis = w.basis ? `, on ${w.basis}` : "";
  const last = previous.value === null ? "" : `${previous.display} last year`;
  let sentence: string;
  if (value.display === "1.00") {
    sentence = `${startOfSentence(w.subject.inSentence)} and ${comparator} were equally likely to ${w.to}${basis}${last ? ` (${last})` : ""}`;
  } else if (value.value > 1) {
    sentence = `${startOfSentence(subject)} were ${value.display} times as likely as ${comparator} to ${w.to}${basis}${last ? ` (${last})` : ""}`;
  } else {
    sentence = `${startOfSentence(subject)} were less likely than ${comparator} to ${w.to}${basis} (relative likelihood ${value.display}${last ? `; ${last}` : ""})`;
  }
  if (outside)
    sentence += `; this is outside the range of ${fixed2(band.lower)} to ${fixed2(band.upper)} that is treated as parity (the four-fifths rule)`;
  return `${sentence}.`;
}

export interface SurveyWords {
  /** What the focus group's figure says: (v) => "9.1% said they had experienced ..." */
  says: (value: string) => string;
  /** The comparison: (v, group) => "8.0% of White staff" */
  compared: (value: string, group: string) => string;
}

export function surveySentence(w: SurveyWords, focus: GroupLabel, groups: GroupFigure[], value: Figure, previous: Figure): string {
  const name = focus.inSentence;
  if (value.value === null) {
    return value.status === "suppressed"
      ? `The result for ${name} staff is not published, because ${value.reason ?? "too few of them answered the question"}.`
      : `There is no result for ${name} staff: ${value.reason ?? "the data does not include it"}.`;
  }
  const others = groups
    .filter((g) => g.role !== "focus")
    .map((g) => (g.value.value === null ? `a figure not published for ${g.key === "overall" ? g.inSentence : `${g.inSentence} staff`}` : w.compared(g.value.display, g.key === "overall" ? g.inSentence : `${g.inSentence} staff`)));
  const comparison = others.length === 0 ? "" : `, compared with ${others.join(" and ")}`;
  return `Among ${name} staff, ${w.says(value.display)}${sinceLastYear(value, previous)}${comparison}.`;
}

export function representationSentence(focus: GroupLabel, value: Figure, previous: Figure, undeclared: Figure | undefined, characteristic: string): string {
  if (value.value === null) return withheld(`The share of ${focus.inSentence} staff in the workforce`, value);
  const unknown = !undeclared || undeclared.value === null ? "" : `; the ${characteristic} of ${undeclared.display} of staff is not known`;
  return `${startOfSentence(focus.inSentence)} staff made up ${value.display} of the workforce${sinceLastYear(value, previous)}${unknown}.`;
}

export function boardSentence(focus: GroupLabel, board: BoardDetail | undefined, value: Figure, previous: Figure): string {
  if (!board) return withheld("Board membership", value);
  const all = board.rows.find((r) => r.key === "all")!;
  if (all.share.value === null) return `There is no board membership to compare: ${all.share.reason ?? "no members are listed"}.`;
  const who = all.focusMembers === 0 ? "None" : String(all.focusMembers);
  const members = all.members === 1 ? "the 1 board member" : `the ${all.members} board members`;
  const verb = all.focusMembers === 1 || (all.focusMembers === 0 && all.members === 1) ? "was" : "were";
  const opening = `${who} of ${members} ${verb} ${focus.inSentence} (${all.share.display})`;
  const diff = all.difference;
  if (diff.value === null) return `${opening}; their share of the overall workforce is not published, because the group is small.`;
  const size = Math.abs(diff.value).toFixed(1);
  const relation =
    diff.value === 0
      ? "the same as their share of the overall workforce"
      : `${size} percentage points ${diff.value > 0 ? "above" : "below"} their share of the overall workforce`;
  const last = previous.value === null ? "" : `; last year the difference was ${previous.display}`;
  return `${opening}, ${relation} (${board.workforceShare.display})${last}.`;
}

export function voicesSentence(organisation: string, value: Figure): string {
  if (value.value === null) return withheld("The answer on the voices of Disabled staff", value);
  return value.value === 1
    ? `Yes: ${organisation} has taken action to facilitate the voices of Disabled staff to be heard.`
    : `No: ${organisation} has not taken action to facilitate the voices of Disabled staff to be heard.`;
}
