/**
 * Year-on-year comparison of a headline figure: last year's value, the change, and whether the
 * change is for the better, judged by the indicator's own "better" direction.
 */
import { changeBetween, notAvailable } from "./figures.ts";
import type { Better, Direction, Figure, Unit, YearFigure } from "./types.ts";

/** How far a value is from the best it could be, for directions that aim at a point. */
function distanceFromBest(value: number, better: Better): number {
  if (better === "towards parity") return value >= 1 ? value - 1 : 1 / value - 1; // 0.5 is as far from parity as 2.0
  if (better === "towards zero") return Math.abs(value);
  return 0;
}

export function directionOf(current: Figure, previous: Figure, better: Better): Direction {
  if (current.value === null || previous.value === null || better === "none") return "not available";
  const [now, before] = [current.value, previous.value];
  if (now === before) return "no change";
  switch (better) {
    case "higher":
    case "yes":
      return now > before ? "better" : "worse";
    case "lower":
      return now < before ? "better" : "worse";
    default: {
      const [d1, d0] = [distanceFromBest(now, better), distanceFromBest(before, better)];
      if (d1 === d0) return "no change";
      return d1 < d0 ? "better" : "worse";
    }
  }
}

export interface Comparison {
  previous: Figure;
  change: Figure;
  direction: Direction;
}

/** Compare the last point of `trend` (this year) with the point for the year before. */
export function compareWithLastYear(trend: readonly YearFigure[], year: number, unit: Unit, better: Better): Comparison {
  const current = trend.find((t) => t.year === year);
  const before = trend.find((t) => t.year === year - 1);
  const previous = before ? before.value : notAvailable(`there is no data for ${year - 1}`);
  if (!current) return { previous, change: notAvailable(`there is no data for ${year}`), direction: "not available" };
  return { previous, change: changeBetween(current.value, previous, unit), direction: directionOf(current.value, previous, better) };
}
