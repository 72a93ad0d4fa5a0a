/**
 * Making Figures: the value rounded as published and the text to print, both by
 * scripts/format/numbers.ts. Every number that leaves the compute step is made here, so NaN and
 * Infinity cannot escape (they become "not available").
 */
import { changeText, count, figureText, interval as intervalText, round } from "../format/numbers.ts";
import type { Interval } from "./intervals.ts";
import type { Figure, IntervalFigure, Significance, Unit } from "./types.ts";

export function notAvailable(reason: string): Figure {
  return { value: null, display: "not available", status: "not available", reason };
}

/** A count below the threshold: "fewer than 10". */
export function suppressed(threshold: number): Figure {
  return {
    value: null,
    display: `fewer than ${threshold}`,
    status: "suppressed",
    reason: `it rests on fewer than ${threshold} people, who could be identified`,
  };
}

/**
 * A figure hidden to protect a small count elsewhere: a rate or likelihood built on one, a
 * survey result with few responses, or a cell hidden so a small one cannot be worked out.
 * It is not itself small, so it never says "fewer than 10".
 */
export function withheld(reason: string): Figure {
  return { value: null, display: "not shown", status: "suppressed", reason };
}

export const revealsSmallCount = (threshold: number) => `it would let a number below ${threshold} be worked out`;

/** A computed value, rounded as published; NaN or Infinity becomes "not available" with `reason`. */
export function shown(value: number, unit: Unit, reasonIfNotFinite = "it cannot be calculated from the data"): Figure {
  if (!Number.isFinite(value)) return notAvailable(reasonIfNotFinite);
  const rounded = round(value, unit);
  return { value: rounded, display: figureText(rounded, unit), status: "shown" };
}

/** A whole count of people, shown as is (use `countFigure` in suppress.ts for counts that may be small). */
export function countShown(n: number): Figure {
  return { value: n, display: count(n), status: "shown" };
}

/** The change between two figures in the unit of change ("+0.32", "-2.1 points"). */
export function changeBetween(current: Figure, previous: Figure, unit: Unit): Figure {
  if (current.value === null) return notAvailable("this year's figure is not shown");
  if (previous.value === null)
    return notAvailable(previous.status === "suppressed" ? "last year's figure is not shown" : (previous.reason ?? "there is no figure for last year"));
  if (unit === "yes/no")
    return { value: current.value - previous.value, display: current.value === previous.value ? "no change" : `from ${previous.display} to ${current.display}`, status: "shown" };
  const changeUnit: Unit = unit === "%" || unit === "points" ? "points" : unit;
  const value = round(current.value - previous.value, changeUnit);
  return { value, display: changeText(value, unit), status: "shown" };
}

/**
 * An interval rounded as its figure is: "1.43 to 2.00", "25.9% to 33.4%", "-1.2 to +5.3 points".
 * `scale` turns a fraction into the unit (100 for a percentage or points).
 */
export function intervalFigure(interval: Interval, unit: Unit, scale = 1): IntervalFigure {
  const lower = shown(interval.lower * scale, unit);
  const upper = shown(interval.upper * scale, unit);
  if (lower.value === null || upper.value === null) return { lower, upper, display: `${lower.display} to ${upper.display}` };
  return { lower, upper, display: intervalText(lower.value, upper.value, unit) };
}

/**
 * Is "no difference" (`none`: 1 for a ratio, 0 for a difference) outside the interval as it is
 * shown? Judged on the rounded ends, so a reader who sees "1.00 to 1.52" is never told the
 * difference is beyond chance.
 */
export function significanceOf(interval: IntervalFigure | undefined, none: number): Significance {
  if (!interval || interval.lower.value === null || interval.upper.value === null) return "not available";
  return interval.lower.value > none || interval.upper.value < none ? "significant" : "may be chance";
}
