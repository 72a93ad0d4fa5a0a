/**
 * Relative likelihoods (WRES 2, 3, 4; WDES 2, 3): the rate of one group divided by the rate of
 * the other, e.g. (White appointed / White shortlisted) / (BME appointed / BME shortlisted).
 * 1.00 is parity. A likelihood built on a hidden count is hidden too, and so is its interval.
 */
import { countShown, intervalFigure, notAvailable, revealsSmallCount, shown, significanceOf, withheld } from "./figures.ts";
import type { Labels } from "./groups.ts";
import { ratioOfProportions, type RatioEstimate } from "./intervals.ts";
import { countFigure, isSmall } from "./suppress.ts";
import type { Figure, GroupFigure, GroupKey, YearFigure } from "./types.ts";

/** One group's counts. `hidden` marks a count already hidden elsewhere (e.g. by secondary suppression of headcounts). */
export interface GroupRate {
  group: GroupKey;
  numerator: number;
  denominator: number;
  /** Counts behind the numerator (both years of a rolling average); any small one hides the rate. */
  numeratorParts?: number[];
  denominatorHidden?: boolean;
  /**
   * How many years the numerator averages (2 for a two-year rolling average). The interval counts
   * every year's people: numerator x years of denominator x years.
   */
  years?: number;
}

/** A likelihood for one year, with the estimate behind it (kept inside the compute step, for comparing years). */
export type LikelihoodYear = Omit<YearFigure, "year"> & { estimate?: RatioEstimate };

export interface LikelihoodSpec {
  /** The group whose likelihood is on top: White for WRES 2, BME for WRES 3. */
  subject: GroupKey;
  /** The group it is compared with. */
  comparator: GroupKey;
  focus: GroupKey;
  /** Why a figure is not available, in words: "no BME applicants were shortlisted". */
  noneInBase: (group: string) => string;
  noneCounted: (group: string) => string;
}

export function computeLikelihood(
  spec: LikelihoodSpec,
  subject: GroupRate,
  comparator: GroupRate,
  labels: Labels,
  threshold: number,
): LikelihoodYear {
  const hiddenNumerator = (g: GroupRate) => [g.numerator, ...(g.numeratorParts ?? [])].some((n) => isSmall(n, threshold));
  const hiddenDenominator = (g: GroupRate) => g.denominatorHidden === true || isSmall(g.denominator, threshold);
  const hidden = (g: GroupRate) => hiddenNumerator(g) || hiddenDenominator(g);

  const groupFigure = (g: GroupRate): GroupFigure => {
    let value: Figure;
    if (g.denominator === 0) value = notAvailable(spec.noneInBase(labels[g.group].inSentence));
    else if (hidden(g)) value = withheld(revealsSmallCount(threshold));
    else value = shown((100 * g.numerator) / g.denominator, "%");
    return {
      ...labels[g.group],
      role: g.group === spec.focus ? "focus" : "reference",
      value,
      numerator: !hiddenNumerator(g) ? countShown(g.numerator) : countFigure(g.numerator, threshold, revealsSmallCount(threshold)),
      denominator: !hiddenDenominator(g) ? countShown(g.denominator) : countFigure(g.denominator, threshold, revealsSmallCount(threshold)),
    };
  };

  let value: Figure;
  const noBase = [subject, comparator].find((g) => g.denominator === 0);
  if (noBase) value = notAvailable(spec.noneInBase(labels[noBase.group].inSentence));
  else if (comparator.numerator === 0) value = notAvailable(spec.noneCounted(labels[comparator.group].inSentence));
  else if (hidden(subject) || hidden(comparator)) value = withheld(revealsSmallCount(threshold));
  else value = shown(subject.numerator / subject.denominator / (comparator.numerator / comparator.denominator), "times");

  const groups = [subject, comparator].map(groupFigure).sort((a, b) => (a.role === "reference" ? -1 : b.role === "reference" ? 1 : 0));
  if (value.value === null) return { value, groups, significance: "not available" };
  const people = (g: GroupRate) => [g.numerator * (g.years ?? 1), g.denominator * (g.years ?? 1)] as const;
  const estimate = ratioOfProportions(...people(subject), ...people(comparator));
  if (!estimate) return { value, groups, significance: "not available" };
  const interval = intervalFigure(estimate.interval, "times");
  return { value, groups, interval, significance: significanceOf(interval, 1), estimate };
}

/** Is a likelihood outside the parity band? null when there is no likelihood to judge. */
export function outsideBand(value: Figure, band: { lower: number; upper: number }): boolean | null {
  if (value.value === null) return null;
  return value.value < band.lower || value.value > band.upper;
}
