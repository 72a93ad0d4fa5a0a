/**
 * Disclosure control (DESIGN.md section 6). Counts from 1 up to the threshold are hidden
 * ("fewer than 10"). Secondary suppression then hides more cells so that no hidden cell can be
 * recovered as a total minus the cells shown.
 *
 * Zero is shown, as it identifies nobody, except beside a hidden total: "Bands 8c-9 and VSM:
 * fewer than 10 | fewer than 10 | 0 | 0" tells readers that every one of a small group declared
 * the same status. So a zero tied by a sum to a hidden total is hidden too, and reads "fewer
 * than 10" like the small counts beside it (true of 0, and "not shown" would mark it as 0).
 */
import { countShown, suppressed, withheld } from "./figures.ts";
import type { Figure } from "./types.ts";

export function isSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/**
 * A count of people: shown, or "fewer than N" if small. With `hiddenBecause`, a count that is
 * not small is hidden all the same (it would reveal a small one) and says "not shown".
 */
export function countFigure(n: number, threshold: number, hiddenBecause?: string): Figure {
  if (isSmall(n, threshold) || (n === 0 && hiddenBecause !== undefined)) return suppressed(threshold);
  return hiddenBecause === undefined ? countShown(n) : withheld(hiddenBecause);
}

/**
 * Which cells to hide. `values` are the cells' counts; each line lists the cells that are
 * tied by one sum: the parts, then their total LAST. Small cells are hidden first; then, until
 * nothing changes: a zero part of a line whose total is hidden is hidden; and while some line
 * has exactly one hidden cell, the smallest non-zero cell shown in that line is hidden too, so
 * every line with a hidden cell has at least two. Cells in `keep` (the figures a chart draws)
 * are hidden that way only when the line has no other cell to hide.
 */
export function cellsToHide(values: readonly number[], lines: readonly (readonly number[])[], threshold: number, keep: ReadonlySet<number> = new Set()): boolean[] {
  const hidden = values.map((v) => isSmall(v, threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (hidden[line[line.length - 1]!]) {
        for (const i of line.slice(0, -1)) {
          if (hidden[i] || values[i] !== 0) continue;
          hidden[i] = true;
          changed = true;
        }
      }
      if (line.filter((i) => hidden[i]).length !== 1) continue;
      const shown = line.filter((i) => !hidden[i] && values[i]! > 0);
      const spare = shown.filter((i) => !keep.has(i));
      const candidates = spare.length > 0 ? spare : shown;
      if (candidates.length === 0) continue;
      const smallest = candidates.reduce((a, b) => (values[b]! < values[a]! ? b : a));
      hidden[smallest] = true;
      changed = true;
    }
  }
  return hidden;
}
