/**
 * Fixed inputs for each chart type, with one figure not shown in each: used by the tests.
 * Numbers are invented but shaped like a real trust's.
 */
import { countShown, intervalFigure, shown } from "../../compute/figures.ts";
import type { Figure } from "../types.ts";
import type { BoardInput } from "./board.ts";
import type { LikelihoodInput } from "./relative-likelihood.ts";
import type { CountRow, RepresentationInput } from "./representation.ts";
import type { SurveyInput } from "./survey.ts";

export const FEWER = "fewer than 10";
export const NOT_SHOWN = "not shown";
/** A figure as the compute step writes it: "24.0%", "1.86", "-9.7 points". */
const percent = (value: number) => shown(value, "%");
const likelihood = (value: number) => shown(value, "times");
const points = (value: number) => shown(value, "points");
/** A small count, and a figure hidden to protect one (a likelihood or survey result). */
const hidden: Figure = { value: null, display: FEWER, status: "suppressed" };
const withheld: Figure = { value: null, display: NOT_SHOWN, status: "suppressed" };
/** A 95% interval as the compute step gives it (a percentage's ends as fractions). */
const ci = (lower: number, upper: number, unit: "times" | "%" | "points" = "times") => intervalFigure({ lower, upper }, unit, unit === "times" ? 1 : 100);

/** A row of counts as the compute step gives it: White, BME and unknown, each with its share of the row. */
export function counted(label: string, white: number, bme: number, unknown: number): CountRow {
  const headcount = white + bme + unknown;
  return { label, headcount: countShown(headcount), cells: [white, bme, unknown].map((n) => ({ count: countShown(n), share: percent((100 * n) / headcount) })) };
}
/** A row of `headcount` staff whose White and BME counts are both small (its unknown count 0). */
export function smallGroups(label: string, headcount: number): CountRow {
  return { label, headcount: countShown(headcount), cells: [hidden, hidden, countShown(0)].map((count) => ({ count, share: count.value === null ? count : percent(0) })) };
}
const bands = [
  counted("Band 2", 330, 151, 19),
  counted("Band 3", 140, 53, 7),
  counted("Band 4", 220, 65, 15),
  counted("Band 5", 390, 92, 18),
  counted("Band 6", 250, 37, 13),
  counted("Band 8a", 130, 12, 8),
  smallGroups("Very senior managers", 11),
];

export const representationExample: RepresentationInput = {
  group: "BME",
  groupHeading: "BME",
  staffGroup: "non-clinical staff",
  category: "AfC band",
  date: "31 March 2024",
  overall: percent(24),
  rows: bands.map((row) => ({ label: row.label, share: row.cells[1]!.share })),
  counts: {
    groups: ["White", "BME", "Ethnicity not known"],
    rows: [...bands, counted("All non-clinical staff", 1468, 413, 80)],
    overall: { headcount: countShown(5000), cells: [3600, 1200, 200].map((n) => ({ count: countShown(n), share: percent(n / 50) })) },
  },
};

export const likelihoodExample: LikelihoodInput = {
  headline: "White applicants were 1.86 times as likely as BME applicants to be appointed from shortlisting (1.54 last year).",
  topic: "appointed from shortlisting",
  measure: "Relative likelihood of staff being appointed from shortlisting across all posts",
  band: { lower: 0.8, upper: 1.25 },
  years: [
    { label: "2021", value: likelihood(1.32) },
    { label: "2022", value: withheld },
    { label: "2023", value: likelihood(1.54), interval: ci(1.21, 1.96) },
    { label: "2024", value: likelihood(1.86), interval: ci(1.47, 2.35) },
  ],
};

export const surveyExample: SurveyInput = {
  headline: "31.4% of BME staff experienced harassment, bullying or abuse from patients or the public (White staff 25.2%).",
  topic: "harassment, bullying or abuse from patients, relatives or the public",
  measure: "Percentage of staff experiencing harassment, bullying or abuse from patients, relatives or the public in last 12 months",
  unit: "%",
  years: ["2021", "2022", "2023"],
  groups: [
    { heading: "BME", values: [percent(29.8), withheld, percent(31.4)], intervals: [undefined, undefined, ci(0.263, 0.37, "%")] },
    { heading: "White", values: [percent(26.1), percent(24.9), percent(25.2)], intervals: [undefined, ci(0.226, 0.274, "%"), ci(0.229, 0.277, "%")] },
  ],
  gaps: [undefined, undefined, { value: points(6.2), interval: ci(0.006, 0.119, "points") }],
};

export const boardExample: BoardInput = {
  headline: "1 of the 7 voting board members was BME (14.3%), 9.7 percentage points below their share of the overall workforce (24.0%).",
  group: "BME",
  groupHeading: "BME",
  date: "31 March 2024",
  workforce: percent(24),
  rows: [
    { label: "Voting members", members: 7, focusMembers: 1, share: percent(14.3), difference: points(-9.7) },
    { label: "Executive members", members: 6, focusMembers: 1, share: percent(16.7), difference: points(-7.3) },
    { label: "Non-executive members", members: 8, focusMembers: 1, share: percent(12.5), difference: points(-11.5) },
  ],
};
