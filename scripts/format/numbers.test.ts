import { describe, expect, it } from "vitest";
import { changeText, count, fileSize, figureText, interval, percentage, plainNumber, pointsDifference, pointsInWords, relativeLikelihood, round, signedNumber } from "./numbers.ts";

describe("round", () => {
  it("rounds half away from zero as published, not as the float is stored", () => {
    expect(round(2.675, "times")).toBe(2.68); // 2.675 is 2.67499... as a float
    expect(round(1.005, "times")).toBe(1.01);
    expect(round(-0.25, "%")).toBe(-0.3);
    expect(round(29.45, "%")).toBe(29.5);
    expect(round(0.5, "yes/no")).toBe(1);
  });

  it("never gives -0", () => {
    expect(Object.is(round(-0.01, "points"), 0)).toBe(true);
    expect(Object.is(round(-0.001, "times"), 0)).toBe(true);
  });
});

describe("figures as text", () => {
  it("writes each unit as published", () => {
    expect(percentage(29.45)).toBe("29.5%");
    expect(percentage(8)).toBe("8.0%");
    expect(relativeLikelihood(1.8649)).toBe("1.86");
    expect(relativeLikelihood(1)).toBe("1.00");
    expect(figureText(6.63, "score")).toBe("6.6");
    expect(figureText(1, "yes/no")).toBe("Yes");
    expect(figureText(0, "yes/no")).toBe("No");
  });

  it("signs a difference in points, and writes no sign on zero (even a rounded -0.01)", () => {
    expect(pointsDifference(0.94)).toBe("+0.9 points");
    expect(pointsDifference(-6.8)).toBe("-6.8 points");
    expect(pointsDifference(-0.01)).toBe("0.0 points");
    expect(figureText(0.9, "points")).toBe("+0.9 points");
    expect(signedNumber(0.9, "points")).toBe("+0.9");
  });

  it("says a difference's size in words for a sentence that says above or below", () => {
    expect(pointsInWords(-3.24)).toBe("3.2 percentage points");
    expect(pointsInWords(0.9)).toBe("0.9 percentage points");
  });

  it("writes a change in the unit of change: points for a percentage", () => {
    expect(changeText(0.32, "times")).toBe("+0.32");
    expect(changeText(-0.3, "score")).toBe("-0.3");
    expect(changeText(-2.1, "%")).toBe("-2.1 points");
    expect(changeText(0, "times")).toBe("0.00");
  });

  it("writes an interval with each end as its figure is, the unit of points said once", () => {
    expect(interval(1.4349, 2, "times")).toBe("1.43 to 2.00");
    expect(interval(25.94, 33.36, "%")).toBe("25.9% to 33.4%");
    expect(interval(-1.2, 5.3, "points")).toBe("-1.2 to +5.3 points");
    expect(interval(0.6, 11.9, "points")).toBe("+0.6 to +11.9 points");
  });

  it("writes counts with thousands separators, and file sizes", () => {
    expect(count(1234567)).toBe("1,234,567");
    expect(count(620)).toBe("620");
    expect(fileSize(200)).toBe("1 KB");
    expect(fileSize(250_000)).toBe("244 KB");
    expect(fileSize(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});

describe("plainNumber: the CSV's number", () => {
  it("is the display's rounding without unit or sign, so a spreadsheet reads a number", () => {
    for (const [value, unit] of [[0.94, "points"], [-6.84, "points"], [29.45, "%"], [1.8649, "times"], [-0.01, "points"]] as const) {
      const text = plainNumber(value, unit);
      expect(text).toMatch(/^-?\d+\.\d+$/);
      // The same rounding as the text the page prints: the display with its unit and "+" taken off.
      expect(text).toBe(figureText(value, unit).replace(/%$| points$/, "").replace(/^\+/, ""));
    }
  });
});
