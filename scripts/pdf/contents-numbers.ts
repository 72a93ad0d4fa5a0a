/**
 * The contents page numbers, written into the one tagged print of a page.
 *
 * Chromium cannot number a contents (no `target-counter()`). The print page gives each contents entry
 * a box of fixed width holding the placeholder "000", right-aligned (render-pdf.ts, print.css), and is
 * printed once. Its named destinations, which Chromium names after the element ids, give each
 * heading's page; this module then writes that number over the placeholder in the page's content
 * stream, so no second print is needed and nothing on any page can move:
 *
 * - the placeholder is found through the structure tree: the last marked content of each /Link
 *   element, when it shows exactly "000" (the font's ToUnicode map says what its glyphs are);
 * - the number is written with the same font's glyphs for its digits. They are in the font subset
 *   because each page's footer ("Page X of Y") prints its own number in the same face, regular Arial
 *   or Liberation Sans, as print.css keeps the contents numbers; a digit the subset lacks fails the PDF
 *   (`pdf-contents-numbers`) instead of printing a wrong or empty number;
 * - the number ends where the placeholder ended, as Chromium right-aligns text: each text box's width
 *   rounded up to Chromium's layout unit, 1/64 px, the unit of the content stream's coordinates here.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject, type PDFPage } from "pdf-lib";
import { inflateSync } from "node:zlib";
import { readOperators, type Operator } from "./content-stream.ts";
import { readDestinations } from "./destinations.ts";
import { pageContent, setPageContent } from "./pdf-ua.ts";
import { annotationsOf, kidsOf, isElement, linkTarget, typeOf } from "./structure-tree.ts";

/** What each contents entry holds until its number is written: three digits wide, the widest page number expected. */
export const PLACEHOLDER = "000";

/** Why the numbers could not be written (the PDF step turns it into the catalogue's pdf-contents-numbers). */
export class ContentsNumbersError extends Error {}

/**
 * Writes each contents entry's page number over its placeholder; `targets` are the ids the contents
 * entries link to, in document order, every one of which must be found; `elements` the structure
 * elements in reading order (structElements). Returns each entry's target id and page ("" when the
 * target is not printed), in document order.
 */
export function writeContentsNumbers(pdf: PDFDocument, targets: readonly string[], elements: readonly PDFDict[]): { id: string; page: string }[] {
  const pageOf = new Map([...readDestinations(pdf)].map(([id, d]) => [id, d.page]));
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((page, i) => [page.ref.toString(), i]));
  const streams = new Map<number, PageStream>();
  const stream = (i: number) => {
    let found = streams.get(i);
    if (!found) {
      const bytes = pageContent(pdf, pages[i]!.node);
      if (!bytes) throw new ContentsNumbersError(`the content of page ${i + 1} is in a form the PDF step cannot read`);
      const operators = readOperators(bytes);
      const marked = new Map<number, number>();
      operators.forEach((op, at) => {
        const mcid = op.name === "BDC" ? /\/MCID\s+(\d+)/.exec(latin1.decode(bytes.subarray(op.start, op.end)))?.[1] : undefined;
        if (mcid !== undefined) marked.set(Number(mcid), at);
      });
      found = { bytes, operators, marked, edits: [] };
      streams.set(i, found);
    }
    return found;
  };
  const written: { id: string; page: string }[] = [];
  // The entries are one list: after a link to the first entry's target, each next link to the next
  // entry's target is looked at, and no page is read beyond the contents.
  for (const link of elements) {
    if (written.length === targets.length) break;
    if (typeOf(link) !== "Link") continue;
    const target = annotationsOf(pdf, link).map(linkTarget).find((t) => t !== undefined);
    const last = markedContents(pdf, link).at(-1);
    if (target !== `#${targets[written.length]}` || !last) continue;
    const index = pageIndex.get(last.page.toString());
    if (index === undefined) continue;
    const page = stream(index);
    const run = textRun(page, last.mcid);
    if (!run) continue;
    const font = fontOf(pdf, pages[index]!, run.font);
    if (!font || font.text(run.glyphs) !== PLACEHOLDER) continue;
    const id = target.slice(1);
    const number = pageOf.has(id) ? String(pageOf.get(id)) : "";
    const glyphs = [...number].map((digit) => {
      const glyph = font.glyphOf(digit, run.glyphs[0]!);
      if (glyph === undefined) throw new ContentsNumbersError(`the font ${font.name} has no glyph for the digit ${digit} (the contents numbers must be in the face of the footers' "Page X of Y")`);
      if (font.width([glyph], 1) !== font.width([run.glyphs[0]!], 1))
        throw new ContentsNumbersError(`the digit ${digit} of the font ${font.name} is not as wide as its 0 (the contents numbers must have tabular figures)`);
      return glyph;
    });
    // Chromium right-aligns the box's text: x = right edge - width, each width rounded up to 1/64 px.
    const advance = run.step?.dx ?? font.width(run.glyphs.slice(0, 1), run.size);
    const right = onGrid(run.x) + ceil64(advance * run.glyphs.length);
    const x = right - ceil64(advance * glyphs.length);
    const hex = (glyph: number) => `<${glyph.toString(16).padStart(4, "0")}>`;
    const shown = run.step ? glyphs.map((g, i) => `${i > 0 ? `${run.step!.text} 0 Td ` : ""}${hex(g)} Tj`).join("\n") : `<${glyphs.map((g) => hex(g).slice(1, -1)).join("")}> Tj`;
    page.edits.push({ start: run.xAt.start, end: run.xAt.end, text: formatNumber(x) });
    page.edits.push({ start: run.shownAt.start, end: run.shownAt.end, text: shown });
    written.push({ id, page: number });
  }
  if (written.length !== targets.length || written.some((w, i) => w.id !== targets[i]))
    throw new ContentsNumbersError(`the contents has ${targets.length} entries, but ${written.length} placeholders "${PLACEHOLDER}" were found in the print, in the order of the entries`);
  for (const [i, page] of streams) if (page.edits.length > 0) setPageContent(pdf, pages[i]!, applyEdits(page.bytes, page.edits));
  return written;
}

interface PageStream {
  bytes: Uint8Array;
  operators: Operator[];
  /** Each marked-content id, with the index of its BDC operator. */
  marked: Map<number, number>;
  edits: { start: number; end: number; text: string }[];
}

const ceil64 = (px: number) => Math.ceil(px * 64 - 1e-3) / 64;
/** A position Chromium wrote rounded to 5 decimals, back on its 1/64 px grid (639.29688 is 639.296875). */
const onGrid = (px: number) => (Math.abs(px * 64 - Math.round(px * 64)) < 0.01 ? Math.round(px * 64) / 64 : px);
const formatNumber = (x: number) => String(Math.round(x * 100000) / 100000);
const latin1 = new TextDecoder("latin1");

/** The marked-content references under an element, depth first, each with its page. */
function markedContents(pdf: PDFDocument, element: PDFDict, inherited?: PDFRef): { mcid: number; page: PDFRef }[] {
  const page = element.get(PDFName.of("Pg")) instanceof PDFRef ? (element.get(PDFName.of("Pg")) as PDFRef) : inherited;
  return kidsOf(pdf, element).flatMap((kid): { mcid: number; page: PDFRef }[] => {
    if (kid instanceof PDFNumber) return page ? [{ mcid: kid.asNumber(), page }] : [];
    if (isElement(kid)) return markedContents(pdf, kid, page);
    if (kid instanceof PDFDict && kid.get(PDFName.of("MCID")) instanceof PDFNumber) {
      const own = kid.get(PDFName.of("Pg"));
      const mcid = (kid.get(PDFName.of("MCID")) as PDFNumber).asNumber();
      const at = own instanceof PDFRef ? own : page;
      return at ? [{ mcid, page: at }] : [];
    }
    return [];
  });
}

interface TextRun {
  font: string;
  size: number;
  x: number;
  glyphs: number[];
  /**
   * How far apart Chromium set the glyphs, when it set each with its own Td (the text's size in px
   * is not a whole number: its advances are not the font's widths times the size).
   */
  step?: { dx: number; text: string };
  /** Byte ranges of the text matrix's x, and from the first shown string to the last Tj. */
  xAt: { start: number; end: number };
  shownAt: { start: number; end: number };
}

/** Operand tokens of an operator with their byte ranges (names, numbers and hex strings: what Chromium writes). */
function operands(bytes: Uint8Array, op: Operator): { text: string; start: number; end: number }[] {
  const tokens: { text: string; start: number; end: number }[] = [];
  const end = op.end - op.name.length;
  for (let i = op.start; i < end; ) {
    if (bytes[i]! <= 0x20) {
      i++;
      continue;
    }
    const start = i;
    if (bytes[i] === 0x3c) while (i < end && bytes[i] !== 0x3e) i++;
    while (i < end && bytes[i]! > 0x20) i++;
    tokens.push({ text: latin1.decode(bytes.subarray(start, i)), start, end: i });
  }
  return tokens;
}

/**
 * The one text run shown inside the marked content `mcid`, in the shapes Chromium writes: Tf, a text
 * matrix without rotation, then one Tj of a hex string, or one Tj per glyph with a Td of the same
 * width between them.
 */
function textRun(page: PageStream, mcid: number): TextRun | undefined {
  const { bytes, operators } = page;
  const open = page.marked.get(mcid);
  if (open === undefined) return undefined;
  let font: { name: string; size: number } | undefined;
  let matrix: ReturnType<typeof operands> | undefined;
  const shown: { text: string; start: number; end: number }[] = [];
  const steps: string[] = [];
  let other = false;
  for (let i = open + 1, depth = 1; i < operators.length && depth > 0; i++) {
    const op = operators[i]!;
    if (op.name === "BDC" || op.name === "BMC") depth++;
    else if (op.name === "EMC") depth--;
    else if (op.name === "Tf") {
      const [name, size] = operands(bytes, op);
      font = { name: name!.text.slice(1), size: Number(size!.text) };
    } else if (op.name === "Tm") matrix = operands(bytes, op);
    else if (op.name === "Tj") {
      const [string] = operands(bytes, op);
      if (string?.text.startsWith("<")) shown.push({ text: string.text, start: string.start, end: op.end });
      else other = true;
    } else if (op.name === "Td") {
      const [dx, dy] = operands(bytes, op);
      if (Number(dy?.text) === 0 && shown.length > 0) steps.push(dx!.text);
      else other = true;
    } else if (["TJ", "'", '"', "TD", "T*", "TL", "Tc", "Tw", "Tz", "Ts"].includes(op.name)) other = true;
  }
  if (other || shown.length === 0 || !font || matrix?.length !== 6) return undefined;
  if (Number(matrix[0]!.text) !== 1 || Number(matrix[1]!.text) !== 0) return undefined;
  const strings = shown.map((s) => s.text.slice(1, -1).replace(/\s+/g, ""));
  if (strings.some((hex) => hex.length % 4 !== 0)) return undefined;
  const glyphs = strings.flatMap((hex) => Array.from({ length: hex.length / 4 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16)));
  let step: TextRun["step"];
  if (steps.length > 0) {
    // One glyph a Tj, and the same step between each.
    if (steps.length !== shown.length - 1 || glyphs.length !== shown.length || new Set(steps.map(Number)).size !== 1) return undefined;
    step = { dx: Number(steps[0]), text: steps[0]! };
  } else if (shown.length !== 1) return undefined;
  return {
    font: font.name,
    size: font.size,
    x: Number(matrix[4]!.text),
    glyphs,
    ...(step ? { step } : {}),
    xAt: matrix[4]!,
    shownAt: { start: shown[0]!.start, end: shown.at(-1)!.end },
  };
}

/** A composite font (Type0, two-byte glyph ids): what its glyphs say (ToUnicode) and their widths (/W, /DW). */
interface FontFacts {
  name: string;
  text: (glyphs: readonly number[]) => string;
  /** The glyph for a character; of several, the one as wide as `like` (a tabular digit beside a tabular placeholder). */
  glyphOf: (char: string, like: number) => number | undefined;
  /** Width of the glyphs at `size`, in text space units. */
  width: (glyphs: readonly number[], size: number) => number;
}

const fonts = new WeakMap<PDFDict, FontFacts | undefined>();

function fontOf(pdf: PDFDocument, page: PDFPage, resource: string): FontFacts | undefined {
  const font = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict)?.lookupMaybe(PDFName.of(resource), PDFDict);
  if (!font) return undefined;
  if (!fonts.has(font)) fonts.set(font, readFont(pdf, font));
  return fonts.get(font);
}

function readFont(pdf: PDFDocument, font: PDFDict): FontFacts | undefined {
  const descendant = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0);
  const toUnicode = font.lookup(PDFName.of("ToUnicode"));
  if (!(descendant instanceof PDFDict) || !(toUnicode instanceof PDFRawStream)) return undefined;
  const unicode = readToUnicode(streamText(toUnicode));
  const widths = readWidths(pdf, descendant);
  const fallback = descendant.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  const widthOf = (glyph: number) => widths.get(glyph) ?? fallback;
  return {
    name: font.lookupMaybe(PDFName.of("BaseFont"), PDFName)?.decodeText() ?? "?",
    text: (glyphs) => glyphs.map((g) => unicode.get(g) ?? "\uFFFD").join(""),
    glyphOf: (char, like) => {
      const candidates = [...unicode].filter(([, c]) => c === char).map(([g]) => g);
      return candidates.find((g) => widthOf(g) === widthOf(like)) ?? candidates[0];
    },
    width: (glyphs, size) => (glyphs.reduce((sum, g) => sum + widthOf(g), 0) / 1000) * size,
  };
}

function streamText(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of("Filter"));
  return latin1.decode(filter === PDFName.of("FlateDecode") ? inflateSync(stream.contents) : stream.contents);
}

/** A ToUnicode CMap's bfchar and bfrange entries (ISO 32000-1, 9.10.3), as glyph id -> text. */
export function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code!, 16), utf16(text!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, low, high, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(low!, 16);
      const start = utf16(text!);
      for (let g = first; g <= parseInt(high!, 16); g++) map.set(g, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + g - first));
    }
  return map;
}

/** A CIDFont's /W array: `c [w1 w2 ...]` and `cFirst cLast w` entries. */
function readWidths(pdf: PDFDocument, cidFont: PDFDict): Map<number, number> {
  const widths = new Map<number, number>();
  const array = cidFont.lookupMaybe(PDFName.of("W"), PDFArray);
  const items: PDFObject[] = array ? array.asArray().map((item) => (item instanceof PDFRef ? pdf.context.lookup(item)! : item)) : [];
  for (let i = 0; i < items.length; ) {
    const first = (items[i] as PDFNumber).asNumber();
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((w, k) => widths.set(first + k, (w as PDFNumber).asNumber()));
      i += 2;
    } else {
      const last = (next as PDFNumber).asNumber();
      const w = (items[i + 2] as PDFNumber).asNumber();
      for (let g = first; g <= last; g++) widths.set(g, w);
      i += 3;
    }
  }
  return widths;
}

function applyEdits(bytes: Uint8Array, edits: readonly { start: number; end: number; text: string }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(bytes.subarray(from, edit.start), Buffer.from(edit.text, "latin1"));
    from = edit.end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
