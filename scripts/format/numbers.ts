/**
 * Numbers as the reader sees them: the one place a published figure becomes text. The compute
 * step writes each figure's `display` with these functions, and the charts, the pages and the
 * finding sentences print that `display` (or call these functions for a number of their own, such
 * as the parity band's ends), so one figure reads the same in a page's table, a chart's table, its
 * text alternative and its sentence. The CSV downloads write `plainNumber`: the same rounding, no
 * unit, no "+", so a spreadsheet reads a number.
 *
 * Rounding as published: likelihoods to 2 decimals, percentages, percentage points and scores
 * to 1, a yes or no answer to 0 (1 is yes). Pure.
 */

/** "times" for relative likelihoods, "%" for percentages, "points" for percentage-point differences. */
export type Unit = "times" | "%" | "points" | "score" | "yes/no";

const DECIMALS: Record<Unit, number> = { times: 2, "%": 1, points: 1, score: 1, "yes/no": 0 };

/** The value rounded as published, half away from zero (2.675 -> 2.68, not the float's 2.67); never -0. */
export function round(value: number, unit: Unit): number {
  const factor = 10 ** DECIMALS[unit];
  const rounded = Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The rounded value as a bare number, for a CSV cell or inside a phrase: "46.9", "1.86", "-2.1", "0.0". */
export function plainNumber(value: number, unit: Unit): string {
  return round(value, unit).toFixed(DECIMALS[unit]);
}

/** A bare number with its sign when above zero: "+0.9", "-6.8", "0.0" (a change, or a difference's lower end). */
export function signedNumber(value: number, unit: Unit): string {
  return `${round(value, unit) > 0 ? "+" : ""}${plainNumber(value, unit)}`;
}

/** "29.5%" */
export const percentage = (value: number): string => `${plainNumber(value, "%")}%`;

/** A difference in percentage points, signed: "+0.9 points", "-6.8 points", "0.0 points". */
export const pointsDifference = (value: number): string => `${signedNumber(value, "points")} points`;

/** A difference's size without its sign, in words for a sentence that says "above" or "below": "0.9 percentage points". */
export const pointsInWords = (value: number): string => `${plainNumber(Math.abs(value), "points")} percentage points`;

/** "1.86" (a relative likelihood never carries a % sign or "times"). */
export const relativeLikelihood = (value: number): string => plainNumber(value, "times");

/** A count of people with thousands separators: "1,234". */
export const count = (n: number): string => n.toLocaleString("en-GB");

/** A figure in its unit: "1.86", "46.9%", "+0.9 points", "6.6", "Yes". */
export function figureText(value: number, unit: Unit): string {
  switch (unit) {
    case "%":
      return percentage(value);
    case "points":
      return pointsDifference(value);
    case "yes/no":
      return round(value, unit) === 1 ? "Yes" : "No";
    default:
      return plainNumber(value, unit);
  }
}

/** A change since last year in the unit of change: "+0.32", "-2.1 points" (a change of a percentage is in points). */
export function changeText(value: number, unit: Exclude<Unit, "yes/no">): string {
  return unit === "%" || unit === "points" ? pointsDifference(value) : signedNumber(value, unit);
}

/** An interval, each end rounded as its figure is: "1.43 to 2.00", "25.9% to 33.4%", "-1.2 to +5.3 points" (the unit said once). */
export function interval(lower: number, upper: number, unit: Unit): string {
  return unit === "points" ? `${signedNumber(lower, unit)} to ${pointsDifference(upper)}` : `${figureText(lower, unit)} to ${figureText(upper, unit)}`;
}

/** A download's size as GOV.UK attachments give it: "245 KB" (at least 1), "1.2 MB". */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
