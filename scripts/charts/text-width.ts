/**
 * How wide a label is, as a browser will draw it in the chart font (Arial, or Liberation Sans,
 * which has Arial's widths), so that Vega lays charts out for the text a reader sees.
 *
 * Vega in Node has no canvas to measure text and guesses 0.8 of the font size for every
 * character, about twice Arial's real widths: legends were laid out past the chart's edge and
 * labels placed by a wrong width. Arial was drawn to Helvetica's widths, and the Helvetica
 * metrics every PDF reader knows (the Adobe AFM files, as shipped by pdf-lib's standard fonts)
 * give each character's width: within 1 px of Chromium's on the labels measured (without
 * kerning, which only ever narrows a label). The oblique (italic) face has the same widths.
 */
import { Encodings, Font, FontNames } from "@pdf-lib/standard-fonts";

const helvetica = Font.load(FontNames.Helvetica);
/** A character outside the Windows-1252 set: wider than most, so that a guess never crowds. */
const UNKNOWN_WIDTH = 0.6;

const widths = new Map<string, number>();
function characterWidth(character: string): number {
  let width = widths.get(character);
  if (width === undefined) {
    const code = character.codePointAt(0)!;
    const glyph = Encodings.WinAnsi.canEncodeUnicodeCodePoint(code) ? Encodings.WinAnsi.encodeUnicodeCodePoint(code).name : undefined;
    const units = glyph === undefined ? undefined : helvetica.getWidthOfGlyph(glyph);
    width = typeof units === "number" ? units / 1000 : UNKNOWN_WIDTH;
    widths.set(character, width);
  }
  return width;
}

/** The width of `text` at `fontSize`, in the same units as the size. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) em += characterWidth(character);
  return em * fontSize;
}
