import { describe, expect, it } from "vitest";
import { compareWithLastYear, directionOf, judgementOf } from "./compare-years.ts";
import { shown } from "./figures.ts";
import type { YearFigure } from "./types.ts";

const point = (year: number, v: number, unit: "%" | "times"): YearFigure => ({ year, value: shown(v, unit), groups: [], significance: "not available" });

describe("year-on-year comparison", () => {
  it("a fall beyond chance is better when lower is better (harassment, WRES 5), and the direction stays 'down'", () => {
    const c = compareWithLastYear([point(2023, 30.9, "%"), point(2024, 29.5, "%")], 2024, "%", "lower", true);
    expect(c.previous.display).toBe("30.9%");
    expect(c.change).toMatchObject({ value: -1.4, display: "-1.4 points" });
    expect([c.direction, c.judgement]).toEqual(["down", "better"]);
  });

  it("a fall beyond chance is worse when higher is better (equal opportunities, WRES 7)", () => {
    const c = compareWithLastYear([point(2023, 46.0, "%"), point(2024, 44.6, "%")], 2024, "%", "higher", true);
    expect([c.direction, c.judgement]).toEqual(["down", "worse"]);
    expect(c.change.display).toBe("-1.4 points");
  });

  it("a change that may be chance is 'similar', whichever way it went", () => {
    const c = compareWithLastYear([point(2023, 46.0, "%"), point(2024, 44.6, "%")], 2024, "%", "higher", false);
    expect([c.direction, c.judgement]).toEqual(["down", "similar"]);
  });

  it("never judges a share of the workforce, which has no better direction", () => {
    expect(judgementOf(shown(18.6, "%"), shown(17.8, "%"), "none", "census")).toBe("not judged");
    expect(directionOf(shown(18.6, "%"), shown(17.8, "%"))).toBe("up");
  });

  it("judges a count of everyone (board membership) without a test of chance", () => {
    expect(judgementOf(shown(-3.2, "times"), shown(-10.1, "times"), "towards zero", "census")).toBe("better");
    expect(judgementOf(shown(0.9, "times"), shown(1.2, "times"), "towards zero", "census")).toBe("better");
  });

  it("does not judge what it cannot test (an engagement score)", () => {
    expect(judgementOf(shown(6.6, "times"), shown(6.5, "times"), "higher", null)).toBe("not judged");
  });

  it("judges likelihoods by distance from parity on either side", () => {
    // 0.50 (half as likely) is as far from parity as 2.00; 1.80 is nearer than either.
    expect(judgementOf(shown(1.8, "times"), shown(0.5, "times"), "towards parity", true)).toBe("better");
    expect(judgementOf(shown(0.5, "times"), shown(1.8, "times"), "towards parity", true)).toBe("worse");
    expect(judgementOf(shown(2, "times"), shown(0.5, "times"), "towards parity", true)).toBe("not judged");
    const c = compareWithLastYear([point(2023, 1.86, "times"), point(2024, 1.69, "times")], 2024, "times", "towards parity", true);
    expect(c.change.display).toBe("-0.17");
    expect([c.direction, c.judgement]).toEqual(["down", "better"]);
  });

  it("calls an unchanged figure 'no change' and 'similar'", () => {
    const c = compareWithLastYear([point(2023, 1.5, "times"), point(2024, 1.5, "times")], 2024, "times", "towards parity", false);
    expect([c.direction, c.judgement]).toEqual(["no change", "similar"]);
  });

  it("says not available when there is no earlier year", () => {
    const c = compareWithLastYear([point(2022, 20, "%"), point(2024, 21, "%")], 2024, "%", "lower", null);
    expect(c.previous).toMatchObject({ value: null, status: "not available", reason: "there is no data for 2023" });
    expect([c.direction, c.judgement]).toEqual(["not available", "not judged"]);
    expect(c.change.value).toBeNull();
  });
});
