import { describe, expect, it } from "vitest";
import { colours, contrastRatio, luminance } from "./palette.ts";

describe("palette contrast (WCAG 2.2, 1.4.11 non-text contrast)", () => {
  it("computes known ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(luminance("#005eb8")).toBeCloseTo(0.1146, 3); // NHS Blue, worked by hand
    expect(() => luminance("blue")).toThrow();
  });

  it("data marks reach 3:1 against the white background", () => {
    expect(contrastRatio(colours.focus, colours.background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colours.reference, colours.background)).toBeGreaterThanOrEqual(3);
  });

  it("the two data colours reach 3:1 against each other, so they differ in greyscale too", () => {
    expect(contrastRatio(colours.focus, colours.reference)).toBeGreaterThanOrEqual(3);
  });

  it("text and axes reach 4.5:1 against white", () => {
    expect(contrastRatio(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.axis, colours.background)).toBeGreaterThanOrEqual(4.5);
  });

  it("records why NHS Blue is not a data colour: it cannot reach 3:1 against both white and dark blue", () => {
    expect(contrastRatio("#005eb8", colours.focus)).toBeLessThan(3);
  });
});
