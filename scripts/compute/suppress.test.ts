import { describe, expect, it } from "vitest";
import { cellsToHide, countFigure } from "./suppress.ts";

describe("suppression", () => {
  it("hides counts from 1 to below the threshold, not zero", () => {
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
});
