/**
 * Fixed inputs for each chart type, with one figure not shown in each: used by the tests.
 * Numbers are invented but shaped like a real trust's.
 */
import { intervalFigure } from "../../compute/figures.ts";
import type { Figure } from "../types.ts";
import type { BoardInput } from "./board.ts";
import type { LikelihoodInput } from "./relative-likelihood.ts";
import type { RepresentationInput } from "./representation.ts";
import type { SurveyInput } from "./survey.ts";

export const FEWER = "fewer than 10";
export const NOT_SHOWN = "not shown";
const shown = (value: number, display = String(value)): Figure => ({ value, display, status: "shown" });
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
  overall: shown(24),
  rows: [
    { label: "Band 2", share: shown(30.2) },
    { label: "Band 3", share: shown(26.5) },
    { label: "Band 4", share: shown(21.7) },
    { label: "Band 5", share: shown(18.4) },
    { label: "Band 6", share: shown(12.3) },
    { label: "Band 8a", share: shown(8) },
    { label: "Very senior managers", share: hidden },
  ],
};

export const likelihoodExample: LikelihoodInput = {
  headline: "White applicants were 1.86 times as likely as BME applicants to be appointed from shortlisting (1.54 last year).",
  topic: "appointed from shortlisting",
  measure: "Relative likelihood of staff being appointed from shortlisting across all posts",
  band: { lower: 0.8, upper: 1.25 },
  years: [
    { label: "2021", value: shown(1.32) },
    { label: "2022", value: withheld },
    { label: "2023", value: shown(1.54), interval: ci(1.21, 1.96) },
    { label: "2024", value: shown(1.86), interval: ci(1.47, 2.35) },
  ],
};

export const surveyExample: SurveyInput = {
  headline: "31.4% of BME staff experienced harassment, bullying or abuse from patients or the public (White staff 25.2%).",
  topic: "harassment, bullying or abuse from patients, relatives or the public",
  measure: "Percentage of staff experiencing harassment, bullying or abuse from patients, relatives or the public in last 12 months",
  unit: "%",
  years: ["2021", "2022", "2023"],
  groups: [
    { heading: "BME", values: [shown(29.8), withheld, shown(31.4)], intervals: [undefined, undefined, ci(0.263, 0.37, "%")] },
    { heading: "White", values: [shown(26.1), shown(24.9), shown(25.2)], intervals: [undefined, ci(0.226, 0.274, "%"), ci(0.229, 0.277, "%")] },
  ],
  gaps: [undefined, undefined, { value: shown(6.2), interval: ci(0.006, 0.119, "points") }],
};

export const boardExample: BoardInput = {
  headline: "1 of the 7 voting board members was BME (14.3%), 9.7 percentage points below their share of the overall workforce (24.0%).",
  group: "BME",
  groupHeading: "BME",
  date: "31 March 2024",
  workforce: shown(24),
  rows: [
    { label: "Voting members", share: shown(14.3), difference: shown(-9.7) },
    { label: "Executive members", share: shown(16.7), difference: shown(-7.3) },
    { label: "Non-executive members", share: shown(12.5), difference: shown(-11.5) },
  ],
};
