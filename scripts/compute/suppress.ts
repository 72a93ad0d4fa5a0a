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
 * nothing changes: a zero part of a line whose total is hidden is hidden; while some line has
 * exactly one hidden cell, the smallest non-zero cell shown in that line is hidden too, so every
 * line with a hidden cell has at least two; and while the lines taken together still give a
 * hidden cell away (see `cellsGivenAway`), the smallest cell shown beside it is hidden. Cells in
 * `keep` (the figures a chart draws) are hidden for another's sake only when there is no other.
 */
export function cellsToHide(values: readonly number[], lines: readonly (readonly number[])[], threshold: number, keep: ReadonlySet<number> = new Set()): boolean[] {
  const hidden = values.map((v) => isSmall(v, threshold));
  // The cell to hide among candidates: one outside `keep` if there is one; the smallest count that
  // is not zero (a shown zero identifies nobody), else a zero.
  const choose = (candidates: number[]): number | undefined => {
    const spare = candidates.filter((i) => !keep.has(i));
    const rank = (i: number) => (values[i] === 0 ? Infinity : values[i]!);
    return (spare.length > 0 ? spare : candidates).reduce<number | undefined>((a, b) => (a === undefined || rank(b) < rank(a) ? b : a), undefined);
  };
  for (;;) {
    hideLineByLine(values, lines, hidden, choose);
    const [givenAway] = cellsGivenAway(lines, hidden);
    if (givenAway === undefined) return hidden;
    const beside = [...new Set(lines.filter((line) => line.includes(givenAway)).flat())].filter((i) => !hidden[i]);
    // When every cell beside it is hidden already, it is given away through lines further off:
    // a cell is hidden in one of the lines that hold hidden cells.
    const next = choose(beside.length > 0 ? beside : values.map((_, i) => i).filter((i) => !hidden[i] && lines.some((l) => l.includes(i) && l.some((j) => hidden[j]))));
    if (next === undefined) return hidden;
    hidden[next] = true;
  }
}

/** The line-by-line rules: a zero beside a hidden total is hidden; no line keeps a single hidden cell. */
function hideLineByLine(values: readonly number[], lines: readonly (readonly number[])[], hidden: boolean[], choose: (candidates: number[]) => number | undefined): void {
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
      const next = choose(line.filter((i) => !hidden[i] && values[i]! > 0));
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
}

/**
 * The hidden cells that the published figures still give away exactly. Two hidden cells in every
 * line is not enough: when rows and columns are tied together, a hidden cell can be worked out from
 * several lines at once (two rows' totals, less two columns' totals, less the cells shown). With
 * the shown cells known, each line is a linear equation in the hidden cells; a hidden cell is
 * given away when it has the same value in every solution, that is when, in the equations' reduced
 * row echelon form, it is a pivot whose row holds no free cell. Cells' indices, in order.
 */
export function cellsGivenAway(lines: readonly (readonly number[])[], hidden: readonly boolean[]): number[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const column = new Map(unknowns.map((cell, c) => [cell, c]));
  // A line with no hidden cell says nothing about them (its row would be all zeros): left out.
  const rows = lines.flatMap((line) => {
    if (!line.some((cell) => hidden[cell])) return [];
    const row = new Float64Array(unknowns.length);
    line.forEach((cell, k) => {
      const c = column.get(cell);
      if (c !== undefined) row[c]! += k === line.length - 1 ? -1 : 1;
    });
    return [row];
  });
  // Gauss-Jordan elimination with partial pivoting, in place; the coefficients are small, so a
  // tolerance far below any of them tells a zero from a value.
  const EPSILON = 1e-9;
  const pivots: number[] = [];
  for (let c = 0; c < unknowns.length && pivots.length < rows.length; c++) {
    const top = pivots.length;
    let best = top;
    for (let r = top + 1; r < rows.length; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[best]![c]!)) best = r;
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[top], rows[best]] = [rows[best]!, rows[top]!];
    const pivotRow = rows[top];
    const pivot = pivotRow[c]!;
    for (let k = 0; k < pivotRow.length; k++) pivotRow[k]! /= pivot;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const factor = row[c]!;
      if (r !== top && Math.abs(factor) > EPSILON) for (let k = 0; k < row.length; k++) row[k]! -= factor * pivotRow[k]!;
    }
    pivots.push(c);
  }
  const isPivot = new Set(pivots);
  return pivots
    .filter((c, r) => rows[r]!.every((x, k) => isPivot.has(k) || Math.abs(x) < EPSILON))
    .map((c) => unknowns[c]!)
    .sort((a, b) => a - b);
}
