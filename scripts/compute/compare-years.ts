/**
 * Year-on-year comparison of a headline figure: last year's value, the change, which way it moved
 * (up / down: a fact) and whether that is for the better (a judgement, by the indicator's own
 * "better" direction, and only when the change is beyond chance). The two are kept apart so a
 * page never says "better" with an arrow pointing the way a reader reads as "up".
 */
import { changeBetween, notAvailable } from "./figures.ts";
import type { Better, Direction, Figure, Judgement, Unit, YearFigure } from "./types.ts";

/** How far a value is from the best it could be, for directions that aim at a point. */
function distanceFromBest(value: number, better: Better): number {
  if (better === "towards parity") return value >= 1 ? value - 1 : 1 / value - 1; // 0.5 is as far from parity as 2.0
  if (better === "towards zero") return Math.abs(value);
  return 0;
}

/** Up, down or no change, on the figures as shown (rounded). */
export function directionOf(current: Figure, previous: Figure): Direction {
  if (current.value === null || previous.value === null) return "not available";
  if (current.value === previous.value) return "no change";
  return current.value > previous.value ? "up" : "down";
}

/**
 * Whether the change is beyond chance: "census" for a count of everyone (board membership, a
 * yes/no answer), which has no sampling error; true or false from the 95% interval of the change;
 * null when its uncertainty cannot be worked out (an engagement score, a hidden count).
 */
export type Chance = "census" | boolean | null;

/** Better or worse by the measure's direction; "not judged" when both years are as far from the best (0.80 and 1.25). */
function improvement(now: number, before: number, better: Better): Judgement {
  switch (better) {
    case "higher":
    case "yes":
      return now > before ? "better" : "worse";
    case "lower":
      return now < before ? "better" : "worse";
    default: {
      const [d1, d0] = [distanceFromBest(now, better), distanceFromBest(before, better)];
      if (d1 === d0) return "not judged";
      return d1 < d0 ? "better" : "worse";
    }
  }
}

export function judgementOf(current: Figure, previous: Figure, better: Better, beyondChance: Chance): Judgement {
  const direction = directionOf(current, previous);
  if (direction === "not available" || better === "none") return "not judged";
  if (direction === "no change") return "similar";
  if (beyondChance === null) return "not judged";
  if (beyondChance === false) return "similar";
  return improvement(current.value!, previous.value!, better);
}

export interface Comparison {
  previous: Figure;
  change: Figure;
  direction: Direction;
  judgement: Judgement;
}

/** Compare the last point of `trend` (this year) with the point for the year before. */
export function compareWithLastYear(trend: readonly YearFigure[], year: number, unit: Unit, better: Better, beyondChance: Chance): Comparison {
  const current = trend.find((t) => t.year === year);
  const before = trend.find((t) => t.year === year - 1);
  const previous = before ? before.value : notAvailable(`there is no data for ${year - 1}`);
  if (!current) return { previous, change: notAvailable(`there is no data for ${year}`), direction: "not available", judgement: "not judged" };
  return {
    previous,
    change: changeBetween(current.value, previous, unit),
    direction: directionOf(current.value, previous),
    judgement: judgementOf(current.value, previous, better, beyondChance),
  };
}
