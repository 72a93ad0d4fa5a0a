/**
 * NHS Staff Survey indicators (WRES 5-8, WDES 4-9a): each group's percentage (or engagement
 * score) with its response base. A result whose base is below the threshold is hidden.
 *
 * A percentage with its base is a proportion of the people who answered: it has a Wilson score
 * interval, and the gap between the focus and reference groups a Newcombe interval (intervals.ts).
 * Both are worked out from the published percentage and base, so they claim nothing the figures
 * shown do not carry. An engagement score has no interval: its spread is not published.
 */
import type { SurveyResult } from "../validate/metrics-schema.ts";
import { countShown, intervalFigure, notAvailable, shown, significanceOf, suppressed, withheld } from "./figures.ts";
import type { Labels } from "./groups.ts";
import { differenceOfProportions, wilsonInterval } from "./intervals.ts";
import type { GroupFigure, GroupKey, Unit, YearFigure } from "./types.ts";

export interface SurveyAnswer {
  group: GroupKey;
  value: number;
  base: number;
}

export function answersOf(results: Partial<Record<GroupKey, SurveyResult | undefined>>): SurveyAnswer[] {
  return Object.entries(results).flatMap(([group, r]) => (r ? [{ group: group as GroupKey, value: r.percent, base: r.base }] : []));
}

/** The people behind a shown percentage: the published percentage of the base, for the intervals. */
export interface SurveyProportion {
  answered: number;
  base: number;
}

/** A survey result for one year, with the focus group's proportion (kept inside the compute step, for comparing years). */
export type SurveyYear = Omit<YearFigure, "year"> & { estimate?: SurveyProportion };

export function computeSurvey(answers: SurveyAnswer[], focus: GroupKey, reference: GroupKey, unit: Unit, labels: Labels, threshold: number): SurveyYear {
  const shownProportion = (a: SurveyAnswer | undefined): SurveyProportion | undefined =>
    unit === "%" && a && a.base >= threshold ? { answered: (a.value / 100) * a.base, base: a.base } : undefined;
  const groups: GroupFigure[] = answers.map((a) => {
    const small = a.base > 0 && a.base < threshold;
    const p = shownProportion(a);
    const interval = p && wilsonInterval(p.answered, p.base);
    return {
      ...labels[a.group],
      role: a.group === focus ? "focus" : a.group === reference ? "reference" : "other",
      value: a.base === 0 ? notAvailable(`no ${labels[a.group].inSentence} staff answered`) : small ? withheld(`fewer than ${threshold} of them answered the question`) : shown(a.value, unit),
      denominator: small ? suppressed(threshold) : countShown(a.base),
      ...(interval ? { interval: intervalFigure(interval, "%", 100) } : {}),
    };
  });
  const order = { reference: 0, focus: 1, other: 2 };
  groups.sort((a, b) => order[a.role] - order[b.role]);
  const headline = groups.find((g) => g.role === "focus");
  if (!headline) return { value: notAvailable(`there is no result for ${labels[focus].inSentence} staff`), groups, significance: "not available" };
  const [f, r] = [shownProportion(answers.find((a) => a.group === focus)), shownProportion(answers.find((a) => a.group === reference))];
  const difference = f && r ? differenceOfProportions(f.answered, f.base, r.answered, r.base) : null;
  const gap = difference ? { value: shown(100 * difference.difference, "points"), interval: intervalFigure(difference.interval, "points", 100) } : undefined;
  return {
    value: headline.value,
    groups,
    ...(headline.interval ? { interval: headline.interval } : {}),
    ...(gap ? { gap } : {}),
    significance: significanceOf(gap?.interval, 0),
    ...(f ? { estimate: f } : {}),
  };
}
