/**
 * Fixed inputs for each chart type, with one figure not shown in each: used by the tests.
 * Numbers are invented but shaped like a real trust's.
 */
import { intervalFigure, shown } from "../../compute/figures.ts";
import type { Figure } from "../types.ts";
import type { BoardInput } from "./board.ts";
import type { LikelihoodInput } from "./relative-likelihood.ts";
import type { RepresentationInput } from "./representation.ts";
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

export const representationExample: RepresentationInput = {
  group: "BME",
  groupHeading: "BME",
  staffGroup: "non-clinical staff",
  category: "AfC band",
  date: "31 March 2024",
  overall: percent(24),
  rows: [
    { label: "Band 2", share: percent(30.2) },
    { label: "Band 3", share: percent(26.5) },
    { label: "Band 4", share: percent(21.7) },
    { label: "Band 5", share: percent(18.4) },
    { label: "Band 6", share: percent(12.3) },
    { label: "Band 8a", share: percent(8) },
    { label: "Very senior managers", share: hidden },
  ],
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
    { label: "Voting members", share: percent(14.3), difference: points(-9.7) },
    { label: "Executive members", share: percent(16.7), difference: points(-7.3) },
    { label: "Non-executive members", share: percent(12.5), difference: points(-11.5) },
  ],
};
