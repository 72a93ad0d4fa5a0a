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
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { readOperators, unmarkedRuns } from "./content-stream.ts";
import { pageContent, readXmp, STANDARD_TYPES } from "./pdf-ua.ts";
import { annotationsOf, linkTarget, outlineItems, structElements, structTreeRoot, textOf, typeOf } from "./structure-tree.ts";

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
  accessibility: PdfAccessibility;
}

/** What PDF/UA-1 asks of the file that the PDF step sees to (scripts/pdf/pdf-ua.ts). */
export interface PdfAccessibility {
  /** Pages (1 = first) with content painted outside both tagged content and artifacts, and how many pieces. */
  unmarked: { page: number; pieces: number }[];
  /** How many pages' content could not be read (not Flate-encoded, or syntax the reader does not follow). */
  unreadablePages: number;
  /** The structure types used, each with how many elements have it. */
  types: Record<string, number>;
  /** Types not standard in PDF 1.7 and not role-mapped to a standard one. */
  unmappedTypes: string[];
  figures: { alt: string | undefined }[];
  /** Each link annotation owned by a /Link element, in reading order, with its description. */
  links: { target: string | undefined; contents: string | undefined }[];
  /** Link annotations on the pages that no /Link element owns. */
  untaggedLinks: number;
  /** Pages whose annotations are not in structure order (/Tabs /S). */
  pagesWithoutTabOrder: number;
  /** From the XMP metadata packet, if any. */
  xmp?: { title?: string; pdfuaPart?: string };
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

/** The margins of the PDF's pages, in millimetres (the @page rule of templates/print/print.css). */
export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PageLayout {
  /**
   * How much of the text area is used: from its top down to the lowest word in it, as a share of its
   * height (charts count by their labels; the running head and page number, in the margins, do not).
   */
  fill: number;
  /** A page wider than it is tall (print.css prints a wide action plan on landscape pages). */
  landscape: boolean;
  /** Words printed beside the text area, in the left or right margin or off the page: content that ran wide. */
  outside: string[];
  /** The words of the lowest line in the text area, left to right: what a page ends with. */
  lastLine: string;
  /** The height of each word's box in the text area, in points to 0.01 (the font's size times its ascent and descent). */
  wordHeights: number[];
}

/** Where the words of each page are, from poppler's word boxes (pdftotext -bbox). */
export function pageLayout(bytes: Uint8Array, margins: PageMargins): Promise<PageLayout[]> {
  return withPdfFile(bytes, async (file) => {
    const { stdout } = await run("pdftotext", ["-bbox", file, "-"], { maxBuffer: 256 * 1024 * 1024 });
    const mm = 72 / 25.4;
    return stdout.split("<page ").slice(1).map((page) => {
      const width = Number(/width="([\d.]+)"/.exec(page)![1]);
      const height = Number(/height="([\d.]+)"/.exec(page)![1]);
      const [top, bottom] = [margins.top * mm, height - margins.bottom * mm];
      const [left, right] = [margins.left * mm - 1, width - margins.right * mm + 1];
      const outside: string[] = [];
      const words: { x: number; y: number; height: number; text: string }[] = [];
      for (const word of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const [xMin, yMin, xMax, yMax] = [Number(word[1]), Number(word[2]), Number(word[3]), Number(word[4])];
        if (yMin < top || yMax > bottom) continue;
        const text = word[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
        words.push({ x: xMin, y: yMax, height: Math.round((yMax - yMin) * 100) / 100, text });
        if (xMin < left || xMax > right) outside.push(text);
      }
      const lowest = Math.max(top, ...words.map((w) => w.y));
      const lastLine = words
        .filter((w) => w.y > lowest - 3)
        .sort((a, b) => a.x - b.x)
        .map((w) => w.text)
        .join(" ");
      const wordHeights = words.map((w) => w.height);
      return { fill: (lowest - top) / (bottom - top), landscape: width > height, outside, lastLine, wordHeights };
    });
  });
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
  const accessibility = readAccessibility(pdf);
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
    outline: outlineItems(pdf).map(({ item, depth }) => ({ title: textOf(item, "Title") ?? "", depth })),
    accessibility,
  };
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name]!);

function readAccessibility(pdf: PDFDocument): PdfAccessibility {
  const unmarked: PdfAccessibility["unmarked"] = [];
  let unreadablePages = 0;
  let pagesWithoutTabOrder = 0;
  const owned = new Set<PDFDict>();
  const elements = structElements(pdf);
  const types: Record<string, number> = {};
  const figures: PdfAccessibility["figures"] = [];
  const links: PdfAccessibility["links"] = [];
  for (const element of elements) {
    const type = typeOf(element);
    types[type] = (types[type] ?? 0) + 1;
    if (type === "Figure") figures.push({ alt: textOf(element, "Alt") });
    if (type !== "Link") continue;
    for (const annotation of annotationsOf(pdf, element)) {
      owned.add(annotation);
      links.push({ target: linkTarget(annotation), contents: textOf(annotation, "Contents") });
    }
  }
  let untaggedLinks = 0;
  pdf.getPages().forEach((page, i) => {
    const content = pageContent(pdf, page.node);
    try {
      if (!content) throw new Error("unreadable");
      const pieces = unmarkedRuns(readOperators(content)).length;
      if (pieces > 0) unmarked.push({ page: i + 1, pieces });
    } catch {
      unreadablePages++;
    }
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (annots && annots.size() > 0 && page.node.lookupMaybe(PDFName.of("Tabs"), PDFName)?.decodeText() !== "S") pagesWithoutTabOrder++;
    for (let a = 0; annots && a < annots.size(); a++) {
      const annotation = annots.lookup(a);
      if (annotation instanceof PDFDict && annotation.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() === "Link" && !owned.has(annotation)) untaggedLinks++;
    }
  });
  const roleMap = structTreeRoot(pdf)?.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
  const mapsToStandard = (type: string) => {
    const role = roleMap?.lookupMaybe(PDFName.of(type), PDFName)?.decodeText();
    return role !== undefined && STANDARD_TYPES.has(role);
  };
  const unmappedTypes = Object.keys(types).filter((type) => !STANDARD_TYPES.has(type) && !mapsToStandard(type));
  const packet = readXmp(pdf);
  const xmp = packet === undefined ? undefined : {
    title: /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(packet)?.[1],
    pdfuaPart: /<pdfuaid:part>([^<]*)<\/pdfuaid:part>/.exec(packet)?.[1],
  };
  return {
    unmarked,
    unreadablePages,
    types,
    unmappedTypes,
    figures,
    links,
    untaggedLinks,
    pagesWithoutTabOrder,
    ...(xmp ? { xmp: { ...(xmp.title === undefined ? {} : { title: unescapeXml(xmp.title) }), ...(xmp.pdfuaPart === undefined ? {} : { pdfuaPart: xmp.pdfuaPart }) } } : {}),
  };
}
