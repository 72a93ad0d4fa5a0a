/**
 * Funnel plots: control limits around a group's pooled figure that narrow as an organisation's
 * numbers grow, after Spiegelhalter (2005), "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24:1185-1202. Pure functions on plain numbers; the guide explains them in
 * plain English with a worked example (content/guide/comparisons.md).
 *
 * A funnel plot has four parts: the figure Y of each organisation, a
 * target (the group's pooled figure), a precision for each organisation, and limits
 * target +/- z x (standard error at that precision) for z = 1.96 (95%) and z = 3.09 (99.8%). An
 * organisation whose figure lies outside the 99.8% limits differs from the group by more than
 * chance explains (about 1 in 500 would by chance); outside the 95% limits only, about 1 in 20 do.
 *
 * - A relative likelihood (WRES 2-4, WDES 2-3) is a ratio, so it is compared on the log scale, where
 *   it is close to normal (the Katz method's assumption): limits exp(log target +/- z x s), where s is the
 *   standard error of the organisation's log likelihood, the Katz one of intervals.ts. Its size on
 *   the funnel's x-axis is that precision counted in people: `effectiveSize`. So a point lies
 *   outside the 95% limits exactly when the organisation's own 95% interval leaves out the group's
 *   figure.
 * - A share of the workforce (WRES 1, WDES 1) is a proportion: limits
 *   target +/- z x sqrt(target (1 - target) / n + tau^2) at headcount n. Shares of staff differ
 *   between organisations far more than chance, mostly because the places they serve differ, so
 *   the limits are widened by tau^2, the variation between organisations, estimated as in
 *   Spiegelhalter (2005b), "Handling over-dispersion of performance indicators", Quality and Safety
 *   in Health Care 14:347-351 (`overdispersion`): an organisation outside them is unusual even
 *   allowing for the usual differences between organisations.
 * - A board's difference from its workforce (WRES 9, WDES 10) is a share of a small number of
 *   members minus the workforce's share: limits target +/- z x sqrt(q (1 - q) / n) at n board
 *   members, q the group's pooled board share, in percentage points.
 */
import { Z_95, Z_99_8 } from "./intervals.ts";

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** Where a figure lies against its limits. Values on a limit count as inside it. */
export type Position = "above 99.8" | "above 95" | "within" | "below 95" | "below 99.8";

/** centre +/- z x standardError, at 95% and 99.8%. */
export function normalLimits(centre: number, standardError: number): FunnelLimits {
  return {
    lower95: centre - Z_95 * standardError,
    upper95: centre + Z_95 * standardError,
    lower998: centre - Z_99_8 * standardError,
    upper998: centre + Z_99_8 * standardError,
  };
}

/**
 * Limits for a ratio at `size` (an effective number of people): exp of the normal limits around
 * log(target) with standard error sqrt(variancePerPerson / size). `variancePerPerson` is the
 * pooled figure's squared log standard error times the group's total size (see effectiveSize).
 */
export function ratioLimits(target: number, variancePerPerson: number, size: number): FunnelLimits {
  const log = normalLimits(Math.log(target), Math.sqrt(variancePerPerson / size));
  return { lower95: Math.exp(log.lower95), upper95: Math.exp(log.upper95), lower998: Math.exp(log.lower998), upper998: Math.exp(log.upper998) };
}

/**
 * How many people an organisation's likelihood is worth: the group's size that would give its
 * standard error with the group's own rates and mix of groups, variancePerPerson / s^2. For an
 * organisation with the group's rates and mix it is its real size; fewer people in the smaller
 * group, or fewer people counted, make it smaller.
 */
export function effectiveSize(variancePerPerson: number, logStandardError: number): number {
  return variancePerPerson / logStandardError ** 2;
}

/**
 * Limits for a proportion (a fraction 0-1) at `size` people, widened by `tau2` (the variance
 * between organisations, 0 for none), kept within 0 and 1.
 */
export function proportionLimits(target: number, size: number, tau2 = 0): FunnelLimits {
  const l = normalLimits(target, Math.sqrt((target * (1 - target)) / size + tau2));
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return { lower95: clamp(l.lower95), upper95: clamp(l.upper95), lower998: clamp(l.lower998), upper998: clamp(l.upper998) };
}

export function positionAgainst(value: number, limits: FunnelLimits): Position {
  if (value > limits.upper998) return "above 99.8";
  if (value > limits.upper95) return "above 95";
  if (value < limits.lower998) return "below 99.8";
  if (value < limits.lower95) return "below 95";
  return "within";
}

/** One organisation's figure and its standard error under the funnel's assumption (no difference from the target). */
export interface Scored {
  value: number;
  standardError: number;
}

/**
 * Over-dispersion, Spiegelhalter (2005b): each organisation's z-score (value - target) / s; the
 * 10% highest and lowest z-scores pulled in to the highest and lowest of the rest (Winsorising:
 * with n organisations, floor(n / 10) at each end, so none below 10); phi = the mean of their
 * squares (1 when the spread is what chance gives); and the additive variance between organisations
 *
 *   tau^2 = max(0, (n phi - (n - 1)) / (sum w - sum w^2 / sum w)),  w = 1 / s^2,
 *
 * 0 when the organisations differ no more than chance explains. Needs at least two organisations.
 */
export function overdispersion(scored: readonly Scored[], target: number): { phi: number; tau2: number } {
  const n = scored.length;
  if (n < 2) return { phi: 1, tau2: 0 };
  const z = scored.map((s) => (s.value - target) / s.standardError);
  const sorted = [...z].sort((a, b) => a - b);
  const k = Math.floor(n / 10);
  const [low, high] = [sorted[k]!, sorted[n - 1 - k]!];
  const phi = z.reduce((sum, zi) => sum + Math.min(high, Math.max(low, zi)) ** 2, 0) / n;
  const w = scored.map((s) => 1 / s.standardError ** 2);
  const sumW = w.reduce((a, b) => a + b, 0);
  const sumW2 = w.reduce((a, b) => a + b * b, 0);
  return { phi, tau2: Math.max(0, (n * phi - (n - 1)) / (sumW - sumW2 / sumW)) };
}
