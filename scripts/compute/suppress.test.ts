import { describe, expect, it } from "vitest";
import { cellsGivenAway, cellsToHide, countFigure } from "./suppress.ts";

describe("suppression", () => {
  it("hides counts from 1 to below the threshold; zero only when hidden for another reason, and then as \"fewer than\"", () => {
    expect(countFigure(0, 10, "it would let a number below 10 be worked out")).toMatchObject({ value: null, display: "fewer than 10", status: "suppressed" });
    expect(countFigure(9, 10)).toMatchObject({ value: null, display: "fewer than 10", status: "suppressed" });
    expect(countFigure(10, 10).display).toBe("10");
    expect(countFigure(0, 10).display).toBe("0");
    expect(countFigure(4, 5).display).toBe("fewer than 5");
  });

  it("says a count hidden to protect another is \"not shown\", not \"fewer than\", when it is not small", () => {
    expect(countFigure(33, 10, "it would let a number below 10 be worked out")).toMatchObject({ value: null, display: "not shown" });
    expect(countFigure(3, 10, "it would let a number below 10 be worked out").display).toBe("fewer than 10");
  });

  it("hides a second cell so that a hidden one is not the total minus the rest", () => {
    // White 20, BME 5, unknown 30, total 55: 5 alone could be read as 55 - 20 - 30.
    expect(cellsToHide([20, 5, 30, 55], [[0, 1, 2, 3]], 10)).toEqual([true, true, false, false]);
  });

  it("carries secondary suppression across rows and columns until every line is safe", () => {
    // Two rows and a total row; columns: a, b, total.
    const values = [40, 3, 43, /* row 2 */ 60, 50, 110, /* totals */ 100, 53, 153];
    const lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8]];
    const hidden = cellsToHide(values, lines, 10);
    for (const line of lines) expect(line.filter((i) => hidden[i]).length).not.toBe(1);
    expect(hidden[1]).toBe(true);
  });

  it("hides a zero whose row total is hidden: 'fewer than 10 | fewer than 10 | 0 | 0' would say all of a small group are alike", () => {
    // Bands 8c-9 and VSM: White 6, BME 0, unknown 0, total 6 (the total last in its line).
    expect(cellsToHide([6, 0, 0, 6], [[0, 1, 2, 3]], 10)).toEqual([true, true, true, true]);
    // With the total shown, a zero says nothing about a small group, and stays.
    expect(cellsToHide([60, 0, 0, 60], [[0, 1, 2, 3]], 10)).toEqual([false, false, false, false]);
  });

  it("finds a hidden cell given away by a total less the cells shown, and none when two share the line", () => {
    expect(cellsGivenAway([[0, 1, 2, 3]], [false, true, false, false])).toEqual([1]);
    expect(cellsGivenAway([[0, 1, 2, 3]], [true, true, false, false])).toEqual([]);
    // A hidden total and one hidden part: the line gives their difference, neither alone.
    expect(cellsGivenAway([[0, 1, 2, 3]], [false, true, false, true])).toEqual([]);
  });

  describe("a hidden cell that bridges two blocks of hidden cells", () => {
    // Four rows and four columns, each row with its total last, then a row of column totals.
    // Hidden (all small): a 2x2 block in rows 0-1 x columns 0-1, another in rows 2-3 x columns 2-3,
    // and the bridge, row 1 column 2. Every row and column holds two or three hidden cells, so
    // line by line all is safe; yet row 0 + row 1 - column 0 - column 1 leaves the bridge alone:
    // cell(1,2) = total(row 0) + total(row 1) - total(col 0) - total(col 1) - cells shown in rows
    // 0-1 + cells shown in columns 0-1. The blocks' own cells are not given away: adding 1 to
    // (0,0) and (1,1) and taking 1 from (0,1) and (1,0) keeps every sum.
    const at = (r: number, c: number) => r * 5 + c;
    const small = new Set([at(0, 0), at(0, 1), at(1, 0), at(1, 1), at(2, 2), at(2, 3), at(3, 2), at(3, 3), at(1, 2)]);
    const grid = [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => (small.has(at(r, c)) ? 3 + ((r + c) % 5) : 20 + 7 * r + 3 * c)));
    const values = [...grid.flatMap((row) => [...row, row.reduce((a, b) => a + b, 0)])];
    for (const c of [0, 1, 2, 3, 4]) values.push([0, 1, 2, 3].reduce((s, r) => s + values[at(r, c)]!, 0));
    const lines = [
      ...[0, 1, 2, 3, 4].map((r) => [0, 1, 2, 3, 4].map((c) => at(r, c))),
      ...[0, 1, 2, 3, 4].map((c) => [0, 1, 2, 3, 4].map((r) => at(r, c))),
    ];
    const usedToWorkItOut = [at(0, 2), at(0, 3), at(1, 3), at(2, 0), at(3, 0), at(2, 1), at(3, 1), at(0, 4), at(1, 4), at(4, 0), at(4, 1)];

    it("is found although each line has two hidden cells", () => {
      const lineByLine = values.map((_, i) => small.has(i));
      for (const line of lines) expect(line.filter((i) => lineByLine[i]).length).not.toBe(1);
      expect(cellsGivenAway(lines, lineByLine)).toEqual([at(1, 2)]);
      // The sum above, done by hand, gives the bridge's count.
      const v = (i: number) => values[i]!;
      const worked = v(at(0, 4)) + v(at(1, 4)) - v(at(4, 0)) - v(at(4, 1)) - v(at(0, 2)) - v(at(0, 3)) - v(at(1, 3)) + v(at(2, 0)) + v(at(3, 0)) + v(at(2, 1)) + v(at(3, 1));
      expect(worked).toBe(v(at(1, 2)));
    });

    it("is protected: a cell that sum needs is hidden too, and no hidden cell is given away", () => {
      const hidden = cellsToHide(values, lines, 10);
      for (const i of small) expect(hidden[i]).toBe(true);
      expect(usedToWorkItOut.some((i) => hidden[i])).toBe(true);
      expect(cellsGivenAway(lines, hidden)).toEqual([]);
    });
  });

  it("protects a hidden zero like any hidden cell: its column gets a second hidden cell", () => {
    // Rows: [6, 0, 6] and [40, 30, 70]; totals row [46, 30, 76]. The zero in row 1 is hidden with
    // its small total; column b would then have exactly one hidden cell (0 = 30 - 30), so 30 goes too.
    const values = [6, 0, 6, 40, 30, 70, 46, 30, 76];
    const lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8]];
    const hidden = cellsToHide(values, lines, 10);
    expect(hidden[1]).toBe(true);
    for (const line of lines) expect(line.filter((i) => hidden[i]).length).not.toBe(1);
  });
});

describe("cells a chart draws", () => {
  it("are hidden to protect a small cell only when the line has no other cell to hide", () => {
    // White 237, BME 30, unknown 5, total 280: BME is the smallest cell shown, but it is the bar.
    expect(cellsToHide([237, 30, 5, 280], [[0, 1, 2, 3]], 10, new Set([1, 3]))).toEqual([true, false, true, false]);
    // With nothing else to hide, a kept cell goes all the same.
    expect(cellsToHide([30, 5, 35], [[0, 1, 2]], 10, new Set([0, 2]))).toEqual([true, true, false]);
  });
});
