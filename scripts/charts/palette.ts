/**
 * The chart colours, from the NHS identity palette, and the WCAG contrast arithmetic that
 * palette.test.ts uses to prove the marks reach 3:1 against white and against each other.
 *
 * Two data colours at most: a very dark one for the focus group and a mid grey for the
 * comparison. No third colour can reach 3:1 against white and both others, so any further
 * distinction is by shape, dash pattern or direct label.
 */
export const colours = {
  /** Focus group marks (BME, Disabled, board). NHS Dark Blue. */
  focus: "#003087",
  /** Comparison marks (White, non-disabled, whole workforce, parity line). NHS Mid Grey. */
  reference: "#768692",
  /** Text. NHS Black. */
  text: "#212b32",
  /** Axis lines and ticks. NHS Dark Grey. */
  axis: "#425563",
  /** Grid lines: decoration, not data. NHS Pale Grey (darker step). */
  grid: "#d8dde0",
  /** The parity band's shading (its edges are named in the key and on the axis). NHS Pale Grey. */
  band: "#e8edee",
  background: "#ffffff",
} as const;

/** Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.2 definition). */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
