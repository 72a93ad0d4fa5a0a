/**
 * The worked group of the guide's funnel-plot example, of scripts/compute/comparison.test.ts and of
 * scripts/charts/specs/funnel.test.ts: WRES 2 for six organisations of a fictional region, four with
 * published figures whose counts add up to White 600 of 2,000 appointed and BME 150 of 1,000, so
 * the pooled likelihood is exactly 2.00 and the variance per person V = 20.5. A fifth
 * organisation's likelihood is hidden in its own report; the sixth has no data for the year.
 *
 *   A  60/200 against 15/100:  2.00, s^2 = 1/60 - 1/200 + 1/15 - 1/100 = 0.0683333, x = 20.5 / 0.0683333 = 300
 *   B 300/1000 against 75/500: 2.00, s^2 = 0.0136667, x = 1500
 *   C 100/200 against 6/100:   8.33, s^2 = 1/100 - 1/200 + 1/6 - 1/100 = 0.1616667, s = 0.402078, x = 126.80;
 *      upper 99.8% limit there: exp(log 2 + 3.090232 x 0.402078) = exp(0.693147 + 1.242514) = 6.9286 < 8.33: above it
 *   D 140/600 against 54/300:  1.30, s^2 = 1/140 - 1/600 + 1/54 - 1/300 = 0.0206614, s = 0.143741, x = 992.19;
 *      lower 95% limit: exp(0.693147 - 1.959964 x 0.143741) = exp(0.411420) = 1.5090;
 *      lower 99.8% limit: exp(0.693147 - 3.090232 x 0.143741) = exp(0.248954) = 1.2827; 1.2963 is between them
 */
import type { GroupInput, MemberFigure, MemberRecord } from "../scripts/compute/comparison.ts";
import type { Figure } from "../scripts/compute/types.ts";

export const shown = (value: number, display: string): Figure => ({ value, display, status: "shown" });

/** A published likelihood from its counts: a of m in the subject group against b of k. */
const ratio = (a: number, m: number, b: number, k: number): MemberFigure => {
  const r = a / m / (b / k);
  return { value: shown(Math.round(r * 100) / 100, r.toFixed(2)), counts: [a, m, b, k], size: m + k };
};
const record = (figure: MemberFigure): MemberRecord => ({ year: 2024, figures: { "wres-2": figure } });

export const workedGroup: GroupInput = {
  slug: "north",
  name: "North Region (fictional)",
  shortName: "North Region",
  type: "region",
  ethnicMinorityTerm: "BME",
  shortTitles: { "wres-2": "appointment from shortlisting" },
  year: 2024,
  members: [
    { slug: "a", name: "Ashworth", record: record(ratio(60, 200, 15, 100)) },
    { slug: "b", name: "Brackenfield", record: record(ratio(300, 1000, 75, 500)) },
    { slug: "c", name: "Castlemere", record: record(ratio(100, 200, 6, 100)) },
    { slug: "d", name: "Dunmore", record: record(ratio(140, 600, 54, 300)) },
    {
      slug: "e",
      name: "Eastwick",
      record: record({ value: { value: null, display: "not shown", status: "suppressed", reason: "it would let a number below 10 be worked out" } }),
    },
    { slug: "f", name: "Fenbridge", record: undefined },
  ],
};
