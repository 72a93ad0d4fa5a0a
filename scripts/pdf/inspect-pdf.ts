/**
 * Reads a PDF back for checks and tests: pages, text per page, metadata, bookmarks, tags, fonts.
 *
 * Two readers, each for what it does best: poppler (pdftotext, pdffonts; Debian's poppler-utils) for the
 * text in reading order and the fonts, because its text extraction is the reference that readers and
 * search engines resemble and it needs no JavaScript font machinery; pdf-lib (already used to write the
 * metadata) for the document catalogue (Lang, ViewerPreferences, MarkInfo, StructTreeRoot, Outlines),
 * which poppler does not print. pdfjs-dist would do both but is another large dependency to keep on Node 20.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

const run = promisify(execFile);

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export interface PdfOutlineEntry {
  title: string;
  /** 1 for top-level bookmarks. */
  depth: number;
}

export interface PdfInspection {
  pages: number;
  /** Text of each page (index 0 = page 1), in reading order, laid out as on the page (pdftotext -layout). */
  text: string[];
  info: { title?: string; author?: string; subject?: string; keywords?: string; creationDate?: Date; modDate?: Date };
  lang?: string;
  displayDocTitle: boolean;
  /** The catalogue has a structure tree and MarkInfo /Marked true. */
  tagged: boolean;
  outline: PdfOutlineEntry[];
  fonts: PdfFont[];
}

/** Poppler reads files: hand it the bytes as a temporary file for the length of `use`. */
async function withPdfFile<T>(bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "inspect-pdf-"));
  const file = join(dir, "document.pdf");
  try {
    await writeFile(file, bytes);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pdftotext = async (file: string, mode: "-layout" | "-raw") =>
  (await run("pdftotext", [mode, "-enc", "UTF-8", file, "-"], { maxBuffer: 256 * 1024 * 1024 })).stdout;

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  return withPdfFile(bytes, async (file) => {
    const [text, fonts, catalogue] = await Promise.all([pageTexts(file), pdfFonts(file), readCatalogue(bytes)]);
    return { ...catalogue, text, fonts };
  });
}

/**
 * The text of a PDF as poppler's pdftotext reads it, in the order it was drawn (not laid out as
 * on the page): the lines of one table cell stay together, so a word broken over two lines of a
 * narrow cell comes out as two consecutive pieces.
 */
export function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdfFile(bytes, (file) => pdftotext(file, "-raw"));
}

async function pageTexts(file: string): Promise<string[]> {
  const pages = (await pdftotext(file, "-layout")).split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** Parses pdffonts' table; the columns are found from the row of dashes under the header. */
async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run("pdffonts", [file]);
  const lines = stdout.split("\n");
  const rule = lines[1] ?? "";
  const columns: [number, number][] = [];
  for (const match of rule.matchAll(/-+/g)) columns.push([match.index, match.index + match[0].length]);
  const cell = (line: string, i: number) => line.slice(columns[i]![0], columns[i]![1] + 1).trim();
  return lines
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => ({ name: cell(line, 0), type: cell(line, 1), embedded: cell(line, 3) === "yes" }));
}

async function readCatalogue(bytes: Uint8Array): Promise<Omit<PdfInspection, "text" | "fonts">> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const marked = markInfo?.lookupMaybe(PDFName.of("Marked"), PDFBool)?.asBoolean() ?? false;
  const lang = catalog.lookupMaybe(PDFName.of("Lang"), PDFString, PDFHexString)?.decodeText();
  return {
    pages: pdf.getPageCount(),
    info: {
      title: pdf.getTitle(),
      author: pdf.getAuthor(),
      subject: pdf.getSubject(),
      keywords: pdf.getKeywords(),
      creationDate: pdf.getCreationDate(),
      modDate: pdf.getModificationDate(),
    },
    ...(lang === undefined ? {} : { lang }),
    displayDocTitle: catalog.getViewerPreferences()?.getDisplayDocTitle() ?? false,
    tagged: marked && catalog.has(PDFName.of("StructTreeRoot")),
    outline: outlineEntries(catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict), 1),
  };
}

function outlineEntries(first: PDFDict | undefined, depth: number): PdfOutlineEntry[] {
  const entries: PdfOutlineEntry[] = [];
  const seen = new Set<PDFDict>();
  for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
    seen.add(item);
    const title = item.lookupMaybe(PDFName.of("Title"), PDFString, PDFHexString)?.decodeText() ?? "";
    entries.push({ title, depth }, ...outlineEntries(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1));
  }
  return entries;
}
