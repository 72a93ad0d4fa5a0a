import { describe, expect, it } from "vitest";
import { compareWithLastYear, directionOf } from "./compare-years.ts";
import { shown } from "./figures.ts";
import type { YearFigure } from "./types.ts";

const point = (year: number, v: number, unit: "%" | "times"): YearFigure => ({ year, value: shown(v, unit), groups: [] });

describe("year-on-year comparison", () => {
  it("a fall is better when lower is better (harassment, WRES 5)", () => {
    const c = compareWithLastYear([point(2023, 30.9, "%"), point(2024, 29.5, "%")], 2024, "%", "lower");
    expect(c.previous.display).toBe("30.9%");
    expect(c.change).toMatchObject({ value: -1.4, display: "-1.4 points" });
    expect(c.direction).toBe("better");
  });

  it("a fall is worse when higher is better (equal opportunities, WRES 7)", () => {
    const c = compareWithLastYear([point(2023, 46.0, "%"), point(2024, 44.6, "%")], 2024, "%", "higher");
    expect(c.direction).toBe("worse");
    expect(c.change.display).toBe("-1.4 points");
  });

  it("judges likelihoods by distance from parity on either side", () => {
    // 0.50 (half as likely) is as far from parity as 2.00; 1.80 is nearer than either.
    expect(directionOf(shown(1.8, "times"), shown(0.5, "times"), "towards parity")).toBe("better");
    expect(directionOf(shown(0.5, "times"), shown(1.8, "times"), "towards parity")).toBe("worse");
    expect(directionOf(shown(2, "times"), shown(0.5, "times"), "towards parity")).toBe("no change");
    const c = compareWithLastYear([point(2023, 1.86, "times"), point(2024, 1.69, "times")], 2024, "times", "towards parity");
    expect(c.change.display).toBe("-0.17");
    expect(c.direction).toBe("better");
  });

  it("says not available when there is no earlier year", () => {
    const c = compareWithLastYear([point(2022, 20, "%"), point(2024, 21, "%")], 2024, "%", "lower");
    expect(c.previous).toMatchObject({ value: null, status: "not available", reason: "there is no data for 2023" });
    expect(c.direction).toBe("not available");
    expect(c.change.value).toBeNull();
  });
});
