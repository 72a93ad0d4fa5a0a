/**
 * Group names in the organisation's words. National titles keep "BME"; everything we write
 * (sentences, table headings) uses the organisation's term, e.g. "culturally diverse".
 */
import type { GroupKey, GroupLabel } from "./types.ts";

export type Dimension = "ethnicity" | "disability";

export type Labels = Record<GroupKey, GroupLabel>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function groupLabels(ethnicMinorityTerm: string): Labels {
  const make = (key: GroupKey, inSentence: string): GroupLabel => ({ key, label: capitalise(inSentence), inSentence });
  return {
    white: make("white", "White"),
    bme: make("bme", ethnicMinorityTerm),
    ethnicity_unknown: make("ethnicity_unknown", "ethnicity not known"),
    disabled: make("disabled", "Disabled"),
    non_disabled: make("non_disabled", "non-disabled"),
    disability_unknown: make("disability_unknown", "disability not known"),
    overall: make("overall", "all staff"),
  };
}

/** Reference group, focus group and unknown, in table column order. */
export const groupsOf: Record<Dimension, readonly [GroupKey, GroupKey, GroupKey]> = {
  ethnicity: ["white", "bme", "ethnicity_unknown"],
  disability: ["non_disabled", "disabled", "disability_unknown"],
};

/** Turn a group key into a sentence subject: "Culturally diverse applicants". */
export function startOfSentence(text: string): string {
  return capitalise(text);
}
