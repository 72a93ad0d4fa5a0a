/**
 * What the chart specs (specs/) and the renderer (render-svg.ts) agree on: the size every chart is
 * laid out at, its font and text size, the class that marks reference lines and bands, and the name
 * of the data the renderer swaps each chart's rows into. Apart from both, so neither imports the other.
 */

/** Every chart is laid out this many units wide (specs/common.ts says why). */
export const WIDTH = 280;
export const FONT = "Arial, 'Liberation Sans', sans-serif";
export const TEXT_SIZE = 13;
/** The height of a line of text: Arial's ascent to descent (1.15 em). */
export const LINE_HEIGHT = Math.ceil(TEXT_SIZE * 1.15);
/** Names the layers of reference lines and bands ("reference_parity"): the SVG keeps it as a class for the geometry check. */
export const REFERENCE = "reference";
/** The name the chart's own rows go by, so that one compiled spec serves every chart of its shape (render-svg.ts). */
export const ROWS_DATA = "rows";
