/**
 * NHS Staff Survey indicators (WRES 5-8, WDES 4-9a): each group's percentage (or engagement
 * score) with its response base. A result whose base is below the threshold is hidden.
 */
import type { SurveyResult } from "../validate/metrics-schema.ts";
import { countShown, notAvailable, shown, suppressed, withheld } from "./figures.ts";
import type { Labels } from "./groups.ts";
import type { GroupFigure, GroupKey, Unit, YearFigure } from "./types.ts";

export interface SurveyAnswer {
  group: GroupKey;
  value: number;
  base: number;
}

export function answersOf(results: Partial<Record<GroupKey, SurveyResult | undefined>>): SurveyAnswer[] {
  return Object.entries(results).flatMap(([group, r]) => (r ? [{ group: group as GroupKey, value: r.percent, base: r.base }] : []));
}

export function computeSurvey(answers: SurveyAnswer[], focus: GroupKey, reference: GroupKey, unit: Unit, labels: Labels, threshold: number): Omit<YearFigure, "year"> {
  const groups: GroupFigure[] = answers.map((a) => {
    const small = a.base > 0 && a.base < threshold;
    return {
      ...labels[a.group],
      role: a.group === focus ? "focus" : a.group === reference ? "reference" : "other",
      value: a.base === 0 ? notAvailable(`no ${labels[a.group].inSentence} staff answered`) : small ? withheld(`fewer than ${threshold} of them answered the question`) : shown(a.value, unit),
      denominator: small ? suppressed(threshold) : countShown(a.base),
    };
  });
  const order = { reference: 0, focus: 1, other: 2 };
  groups.sort((a, b) => order[a.role] - order[b.role]);
  const headline = groups.find((g) => g.role === "focus");
  return { value: headline ? headline.value : notAvailable(`there is no result for ${labels[focus].inSentence} staff`), groups };
}
