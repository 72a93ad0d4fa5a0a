/**
 * Interval statistics: how sure a published figure is, from the counts behind it. Pure functions
 * on plain numbers (no rounding, no suppression: callers decide what may be shown). Proportions
 * are fractions from 0 to 1, not percentages. The guide explains each in plain English with a
 * worked example (content/guide/methods.md, "How the figures are worked out").
 *
 * - A proportion with a known base (a staff-survey percentage): the Wilson score interval
 *   (Wilson 1927; Newcombe 1998, "Two-sided confidence intervals for the single proportion",
 *   Statistics in Medicine 17:857-872, method 3). Chosen because it stays inside 0-100%, is
 *   sensible at 0% and 100%, and has close to its stated coverage for the bases we publish.
 *
 * - A ratio of two proportions (a relative likelihood, WRES 2-4, WDES 2-3): the Katz log method
 *   (Katz, Baptista, Azen and Pike 1978, Biometrics 34:469-474): the log of the ratio is close to
 *   normal, with standard error sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2). Chosen over Koopman's score
 *   interval because it has a closed form a reader can check with a calculator, and because the
 *   counts behind a published likelihood are never fewer than the suppression threshold (10), where
 *   the two methods agree closely (Fagerland, Lydersen and Laake 2015, Stat Methods Med Res 24:224).
 *   Zero-cell rule: the log method has no answer when one of the four cells of the 2x2 table
 *   (x1, n1 - x1, x2, n2 - x2) is 0, so then 0.5 is added to each of the four cells (the
 *   Haldane-Anscombe correction: x + 0.5 of n + 1) for the interval only. When x1 is 0 the
 *   observed ratio is 0 and the lower limit is 0; the upper limit comes from the corrected counts.
 *   When x2 is 0 the ratio itself is undefined and there is no interval.
 *
 * - A difference of two proportions (a survey result between two groups, or between two years):
 *   Newcombe's hybrid score interval built from the two Wilson intervals (Newcombe 1998, "Interval
 *   estimation for the difference between independent proportions", Statistics in Medicine
 *   17:873-890, method 10).
 *
 * - A ratio between two relative likelihoods (this year's against last year's): the difference of
 *   their logs, whose standard error is the root of the sum of their squared standard errors
 *   (independent samples).
 *
 * A comparison is beyond chance at the 95% level when its interval excludes "no difference":
 * 1 for a ratio, 0 for a difference (`excludes`).
 */

/** The standard normal quantile for a two-sided 95% interval: qnorm(0.975). */
export const Z_95 = 1.959963984540054;
/** The standard normal quantile for a two-sided 99.8% interval: qnorm(0.999) (the outer limits of a funnel plot). */
export const Z_99_8 = 3.090232306167813;

export interface Interval {
  lower: number;
  upper: number;
}

/** Does the interval leave out `value` (1 for a ratio, 0 for a difference)? Its ends count as inside. */
export function excludes(interval: Interval, value: number): boolean {
  return interval.lower > value || interval.upper < value;
}

/**
 * Wilson score interval for `successes` out of `base` (fractions 0-1). `successes` may be a
 * fraction of a person (a published percentage times its base). Null when the base is not
 * positive or the successes lie outside 0..base.
 */
export function wilsonInterval(successes: number, base: number, z = Z_95): Interval | null {
  if (!(base > 0) || !(successes >= 0) || successes > base) return null;
  const p = successes / base;
  const z2 = z * z;
  const denominator = 1 + z2 / base;
  const centre = (p + z2 / (2 * base)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / base + z2 / (4 * base * base));
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

/** A ratio of two proportions with its interval, and the standard error of its log (for comparing two ratios). */
export interface RatioEstimate {
  /** (x1 / n1) / (x2 / n2), unrounded. */
  ratio: number;
  interval: Interval;
  /** Standard error of log(ratio), from the corrected counts when a cell is 0. */
  logStandardError: number;
  /** True when 0.5 was added to each cell (a cell of the 2x2 table was 0). */
  corrected: boolean;
}

/**
 * The ratio (x1 / n1) / (x2 / n2) with its Katz log interval (see the zero-cell rule above).
 * Null when a base is not positive, a count lies outside 0..base, or x2 is 0 (no ratio).
 */
export function ratioOfProportions(x1: number, n1: number, x2: number, n2: number, z = Z_95): RatioEstimate | null {
  const valid = (x: number, n: number) => n > 0 && x >= 0 && x <= n;
  if (!valid(x1, n1) || !valid(x2, n2) || x2 === 0) return null;
  const ratio = x1 / n1 / (x2 / n2);
  const corrected = [x1, n1 - x1, x2, n2 - x2].some((cell) => cell === 0);
  const [a, m, b, k] = corrected ? [x1 + 0.5, n1 + 1, x2 + 0.5, n2 + 1] : [x1, n1, x2, n2];
  const logStandardError = Math.sqrt(1 / a - 1 / m + 1 / b - 1 / k);
  const logCentre = Math.log(a / m / (b / k));
  const upper = Math.exp(logCentre + z * logStandardError);
  const lower = x1 === 0 ? 0 : Math.exp(logCentre - z * logStandardError);
  return { ratio, interval: { lower, upper }, logStandardError, corrected };
}

/**
 * Newcombe's hybrid score interval for p1 - p2 (fractions, so -1..1), from x1 of n1 and x2 of n2.
 * Null when either proportion has no Wilson interval.
 */
export function differenceOfProportions(x1: number, n1: number, x2: number, n2: number, z = Z_95): { difference: number; interval: Interval } | null {
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  if (!w1 || !w2) return null;
  const [p1, p2] = [x1 / n1, x2 / n2];
  const difference = p1 - p2;
  return {
    difference,
    interval: {
      lower: difference - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
      upper: difference + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
    },
  };
}

/**
 * The ratio of two relative likelihoods (`now.ratio / before.ratio`) with its interval, from the
 * two log standard errors. Null when either ratio is 0 (its log is not finite).
 */
export function ratioOfRatios(now: RatioEstimate, before: RatioEstimate, z = Z_95): { ratio: number; interval: Interval } | null {
  if (!(now.ratio > 0) || !(before.ratio > 0)) return null;
  const logRatio = Math.log(now.ratio) - Math.log(before.ratio);
  const standardError = Math.hypot(now.logStandardError, before.logStandardError);
  return { ratio: Math.exp(logRatio), interval: { lower: Math.exp(logRatio - z * standardError), upper: Math.exp(logRatio + z * standardError) } };
}
