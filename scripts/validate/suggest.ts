/**
 * What the validator, the import and the command line work out for a message from what the
 * author wrote: the known word a typo most likely meant, the action number a slip most likely
 * meant, why a date does not exist, the number a figure written with "%" or commas stands for,
 * what a YAML error is about. Each result is passed to a message catalogue as data: the
 * catalogues (validate/messages.ts and the others) only put data into words (docs/decisions.md).
 */
import { closest, distance } from "fastest-levenshtein";

/** The known word nearest to `word`, if it is near enough to be a likely typo. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word.toLowerCase(), known.map((k) => k.toLowerCase()));
  const match = known.find((k) => k.toLowerCase() === best)!;
  return distance(word.toLowerCase(), best) <= Math.max(2, Math.floor(word.length / 3)) ? match : undefined;
}

/** Action numbers are short: only a one-character slip ("4.13" for "4.3") is a likely typo. */
export const nearActionNumber = (see: string, known: readonly string[]): string | undefined => known.find((k) => distance(k, see) === 1);

/** Why a value is not a date written year-month-day, and the date the author most likely meant. */
export type DateSlip =
  /** No month 13: the day and month were probably swapped ("2024-31-03" -> "2024-03-31"). */
  | { kind: "no such month"; month: number; swapped: string }
  /** No 31 June: the month's last day. */
  | { kind: "no such day"; monthName: string; year: number; days: number; lastDay: string }
  /** Not year-month-day at all: the same date the other way round if it was day/month/year, else an example. */
  | { kind: "not year-month-day"; example: string };

export function dateSlip(value: string): DateSlip {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (parts) {
    const [year, month] = parts.slice(1).map(Number) as [number, number];
    if (month < 1 || month > 12) return { kind: "no such month", month, swapped: `${parts[1]}-${parts[3]}-${parts[2]}` };
    const monthName = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { kind: "no such day", monthName, year, days, lastDay: `${parts[1]}-${String(month).padStart(2, "0")}-${String(days)}` };
  }
  // Day/month/year, as dates are written in the UK: say it the other way round.
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  return { kind: "not year-month-day", example: uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : "2024-03-31" };
}

/** A figure copied with its % sign or thousands commas ("12.5%", "1,234"): the number to write, and whether it had a % sign. */
export function numberAsWritten(value: unknown): { number: string; percent: boolean } | undefined {
  if (typeof value !== "string" || !/^\s*-?[\d,]*\.?\d+\s*%?\s*$/.test(value)) return undefined;
  return { number: value.replace(/[\s,%]/g, ""), percent: value.includes("%") };
}

/** A usable id made from one that is not: lower case, hyphens for anything else ("North East" -> "north-east"). */
export const idFrom = (value: string, fallback: string): string =>
  value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || fallback;

/** What a YAML error from js-yaml is about, for the fix to suggest. */
export type YamlSlip = "tab" | "duplicate key" | "tag" | "control character" | "second document" | "other";

export function yamlSlip(reason: string): YamlSlip {
  if (reason.includes("tab")) return "tab";
  if (reason.includes("duplicated mapping key")) return "duplicate key";
  if (reason.includes("unknown tag")) return "tag";
  if (reason.includes("null byte") || reason.includes("non-printable")) return "control character";
  if (reason.startsWith("expected a single document")) return "second document";
  return "other";
}

/** What a placeholder of npm run new asks for: an email address, or the words after "Replace this with". */
export function placeholderAsks(placeholder: string): { email: boolean; what: string | undefined } {
  return { email: placeholder.includes("@"), what: /^Replace this with (.+)$/.exec(placeholder)?.[1] };
}
