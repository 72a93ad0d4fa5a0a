/**
 * Print HTML page -> tagged PDF, laid out by Chromium's own CSS paged media (Chromium 131 or later):
 * `@page` margin boxes for the running head and "Page X of Y", named pages for the covers, native
 * repetition of table header rows, and the break rules in templates/print/print.css.
 *
 * The page is printed once, tagged and with bookmarks. Chromium cannot number the contents (no
 * `target-counter()`): each contents entry gets a box of fixed width holding "000", and after the
 * print each box's number is written over it from the print's own named destinations (Chromium names
 * them after element ids), in the PDF's content stream (contents-numbers.ts). Nothing is laid out
 * twice, so nothing can move between the numbers and the pages they name.
 * Meanwhile poppler reads the print's text back: every word of the page must be in it
 * (pdf-content-lost). Then the metadata is set and what PDF/UA asks beyond Chromium's tags is added
 * (pdf-ua.ts: artifacts, figure groups, role map, link descriptions, bookmark titles, XMP).
 *
 * Pages are loaded from a private origin (http://print.localhost/) whose requests are answered from the
 * files under `siteRoot` (Playwright request routing): root-relative URLs such as /assets/print/print.css
 * work as on the web server, without opening a port, and every other request is refused, so a PDF never
 * depends on the network.
 */
import { dirname, resolve } from "node:path";
import { PDFDocument, type PDFDict } from "pdf-lib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { pdfMessages } from "./messages.ts";
import { PdfError } from "./pdf-error.ts";
import { routeSite } from "./site-origin.ts";
import { firstLine, sourceDate } from "../errors.ts";
import { pdfText } from "./inspect-pdf.ts";
import { requirePagedMedia } from "./browser.ts";
import { ContentsNumbersError, PLACEHOLDER, writeContentsNumbers } from "./contents-numbers.ts";
import { makeAccessible, type PageFacts } from "./pdf-ua.ts";
import { structElements } from "./structure-tree.ts";

export interface PdfMeta {
  /** Document title; should equal the page's <title>, which Chromium also uses. */
  title: string;
  author: string;
  subject: string;
  /** BCP 47 language of the document, e.g. "en-GB". */
  lang: string;
  keywords?: readonly string[];
}

/** Where the print page is: a URL Chromium can load, or an HTML file inside a built site folder. */
export type PdfSource = { url: string } | { htmlPath: string; siteRoot?: string };

export type PdfJob = PdfSource & {
  meta: PdfMeta;
  /** Give up on the document after this long (default 60 s). */
  timeoutMs?: number;
};

export interface PdfTimings {
  loadMs: number;
  /** Reading the page's words and links, fitting tables to the page, the contents' number boxes (0 for the plain print). */
  prepareMs: number;
  printMs: number;
  /** Contents numbers, PDF/UA corrections, metadata, writing the file. */
  finishMs: number;
  /** Waiting, after that, for the check that every word of the page is in the PDF (0 for the plain print). */
  checkMs: number;
  totalMs: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  timings: PdfTimings;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const PRINT_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;

/** The PDF of a print page: contents page numbers, tags, bookmarks, metadata; checked for lost words and moved pages. */
export function renderPdf(browser: Browser, job: PdfJob): Promise<RenderedPdf> {
  return withRetry(() => renderOnce(browser, job, true));
}

/** One tagged print of the same page with its metadata, and nothing else (no contents numbers, checks or PDF/UA corrections): the benchmark's yardstick. */
export function renderPlainPdf(browser: Browser, job: PdfJob): Promise<RenderedPdf> {
  return withRetry(() => renderOnce(browser, job, false));
}

/** A crashed page is retried once; content errors and timeouts are not (they would fail again). */
async function withRetry(render: () => Promise<RenderedPdf>): Promise<RenderedPdf> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof PageCrash)) throw error;
    try {
      return await render();
    } catch (again) {
      throw again instanceof PageCrash ? new Error(`Chromium crashed twice while printing ${again.document}`, { cause: again }) : again;
    }
  }
}

class PageCrash extends Error {
  constructor(readonly document: string) {
    super(`Chromium crashed while printing ${document}`);
  }
}

function describe(source: PdfSource): string {
  return "url" in source ? source.url : source.htmlPath;
}

async function renderOnce(browser: Browser, job: PdfJob, full: boolean): Promise<RenderedPdf> {
  requirePagedMedia(browser);
  const document = describe(job);
  const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The print page forbids scripts (CSP) for readers; the PDF step must still read and fill in the contents.
  const context = await browser.newContext({ bypassCSP: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError(pdfMessages.timedOut(document, timeoutMs / 1000))), timeoutMs);
  });
  try {
    return await Promise.race([print(context, job, document, full, timeoutMs), deadline]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

async function print(context: BrowserContext, job: PdfJob, document: string, full: boolean, timeoutMs: number): Promise<RenderedPdf> {
  const started = performance.now();
  const url = "url" in job ? job.url : (await routeSite(context, job.siteRoot ?? dirname(job.htmlPath)))(resolve(job.htmlPath));
  const page = await context.newPage();
  const failure = watchForFailure(page, document);
  page.setDefaultTimeout(timeoutMs);
  const guard = <T>(work: Promise<T>) => Promise.race([work, failure.promise]);

  const response = await guard(page.goto(url, { waitUntil: "load" })).catch((error: unknown) => {
    if (error instanceof PdfError || error instanceof PageCrash) throw error;
    throw new PdfError(pdfMessages.loadFailed(document, firstLine(error)), { cause: error });
  });
  if (response && !response.ok()) throw new PdfError(pdfMessages.loadFailed(document, `the server answered ${response.status()}`));
  failure.settle();
  const loaded = performance.now();

  // The page's words, to be found again in the PDF (see missingWords). Chart text is left out:
  // innerText runs an SVG's labels together, and the SVG is printed as drawn.
  let source: string | undefined;
  let facts: PageFacts | undefined;
  if (full) {
    // The four steps in one call into the page, in this order (plain DOM functions, below): each
    // call costs a round trip to Chromium, 10 to 50 ms on a busy machine.
    const steps = `[(${pageWords.toString()})(), (${fitToPage.toString()})(), (${addContentsPageBoxes.toString()})(${JSON.stringify(PLACEHOLDER)}), (${pageFacts.toString()})()]`;
    [source, , , facts] = await page.evaluate<[string, undefined, undefined, PageFacts]>(steps);
  }
  failure.settle();
  const prepared = performance.now();

  const raw = await guard(page.pdf({ ...PRINT_OPTIONS, tagged: true, outline: true }));
  failure.settle();
  const printed = performance.now();
  // Poppler reads the words back while the file is finished here (two processes, two cores).
  const lostWords = source === undefined ? undefined : pdfText(raw).then((text) => missingWords(source, text));
  lostWords?.catch(() => undefined);

  const pdf = await PDFDocument.load(stableDestinationNames(raw), { updateMetadata: false });
  setMetadata(pdf, job.meta, sourceDate());
  if (facts) {
    const elements = structElements(pdf);
    const links = withContentsPages(facts.links, contentsNumbers(pdf, facts, elements, document));
    makeAccessible(pdf, { ...facts, links }, job.meta, elements);
  }
  const bytes = await pdf.save();
  const finished = performance.now();
  const lost = (await lostWords) ?? [];
  if (lost.length > 0) throw new PdfError(pdfMessages.contentLost(document, lost.length, lost.slice(0, 8).join(" ")));
  const checked = performance.now();
  return {
    bytes,
    pages: pdf.getPageCount(),
    timings: {
      loadMs: loaded - started,
      prepareMs: prepared - loaded,
      printMs: printed - prepared,
      finishMs: finished - printed,
      checkMs: checked - finished,
      totalMs: checked - started,
    },
  };
}

/** Writes the contents page numbers into the print; a print they cannot be written into is refused (pdf-contents-numbers). */
function contentsNumbers(pdf: PDFDocument, facts: PageFacts, elements: readonly PDFDict[], document: string): string[] {
  const targets = facts.links.filter((link) => link.contents).map((link) => link.target.slice(1));
  try {
    return writeContentsNumbers(pdf, targets, elements).map((entry) => entry.page);
  } catch (error) {
    if (error instanceof ContentsNumbersError) throw new PdfError(pdfMessages.contentsNumbers(document, error.message), { cause: error });
    throw error;
  }
}

/** A contents entry's link is described with its page: "Section, page N". */
function withContentsPages(links: PageFacts["links"], pages: readonly string[]): PageFacts["links"] {
  let next = 0;
  return links.map((link) => {
    if (!link.contents) return link;
    const page = pages[next++];
    return page ? { ...link, text: `${link.text}, page ${page}` } : link;
  });
}

/*
 * The functions below run inside the page (page.evaluate): plain DOM code, no imports.
 */

/**
 * Two corrections that need the page measured at the width of its text area (--page-width and
 * --page-height on the root, from print.css; a page without them is left as it is):
 * - A table wider than the text area (a long unbroken address or code in a cell: print.css sizes
 *   columns by their words and breaks none inside) would run off the page, its last columns lost;
 *   the words in that table's cells may then break anywhere.
 * - Rows are kept whole (print.css), but a row taller than half a page that does not fit would leave
 *   the page before it more than half empty: such rows may split between their lines.
 * (Measuring in print media at a viewport of that size instead made Chromium's tagging of repeated
 * header cells vary from one print to the next.)
 */
function fitToPage(): void {
  const root = window.document.documentElement;
  const style = getComputedStyle(root);
  if (!style.getPropertyValue("--page-width") || !style.getPropertyValue("--page-height")) return;
  const body = window.document.body;
  // A section printed on pages of another size (print.css: .landscape) sets its own --page-width and
  // --page-height: its tables and rows are measured against its own text area.
  const areas = [body, ...window.document.querySelectorAll<HTMLElement>(".landscape")];
  const before = areas.map((area) => area.getAttribute("style"));
  for (const area of areas) area.style.cssText = "width: var(--page-width); max-width: none; margin: 0; padding: 0";
  const widths = areas.map((area) => area.getBoundingClientRect().width);
  const halfHeights = areas.map((area) => {
    const probe = window.document.createElement("div");
    probe.style.cssText = "position: absolute; visibility: hidden; height: var(--page-height)";
    area.append(probe);
    const half = probe.getBoundingClientRect().height / 2;
    probe.remove();
    return half;
  });
  // An element's text area is the innermost holding it: the last in document order that contains it.
  // (No named inner functions here: the TypeScript loader would wrap them in a helper the page lacks.)
  const wide = [...window.document.querySelectorAll("table")].filter(
    (table) => table.getBoundingClientRect().width > widths[areas.reduce((found, area, i) => (area.contains(table) ? i : found), 0)]! + 0.5,
  );
  const tall = [...window.document.querySelectorAll<HTMLTableRowElement>("tr")].filter(
    (row) => row.getBoundingClientRect().height > halfHeights[areas.reduce((found, area, i) => (area.contains(row) ? i : found), 0)]!,
  );
  areas.forEach((area, i) => {
    if (before[i] === null || before[i] === undefined) area.removeAttribute("style");
    else area.setAttribute("style", before[i]);
  });
  for (const table of wide) for (const cell of table.querySelectorAll<HTMLElement>("td")) cell.style.overflowWrap = "anywhere";
  for (const row of tall) row.style.breakInside = "auto";
}

/** The text of the page as a reader gets it, without the charts' labels. */
function pageWords(): string {
  const hideCharts = window.document.createElement("style");
  hideCharts.textContent = "svg { display: none !important; }";
  window.document.head.append(hideCharts);
  const text = window.document.body.innerText;
  hideCharts.remove();
  return text;
}

/**
 * Gives each contents entry (nav.contents a[href^="#"]) a dotted leader and a page-number box of
 * fixed width (templates/print/print.css), holding the placeholder that the page number is written
 * over after the print (contents-numbers.ts).
 */
function addContentsPageBoxes(placeholder: string): void {
  for (const link of window.document.querySelectorAll<HTMLAnchorElement>('nav.contents a[href^="#"]')) {
    const leader = window.document.createElement("span");
    leader.className = "contents__leader";
    leader.setAttribute("aria-hidden", "true");
    const number = window.document.createElement("span");
    number.className = "contents__page";
    number.textContent = placeholder;
    link.append(leader, number);
  }
}

/**
 * The headings and links the print shows, in document order, for the PDF/UA corrections (pdf-ua.ts):
 * bookmark titles with their spaces, and each link annotation's description. A contents entry is
 * marked as such: its page is added to its description once the numbers are written ("Section, page N").
 */
function pageFacts(): PageFacts {
  // No named inner functions: the TypeScript loader would wrap them in a helper the page lacks.
  const headings = [...window.document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter((h) => h.getClientRects().length > 0)
    .map((h) => (h.textContent ?? "").replace(/\s+/g, " ").trim());
  const links = [...window.document.querySelectorAll<HTMLAnchorElement>("a[href]")]
    .filter((a) => a.getClientRects().length > 0)
    .map((a) => {
      const href = a.getAttribute("href") ?? "";
      const target = href.startsWith("#") ? `#${decodeURIComponent(href.slice(1))}` : a.href;
      const words = a.cloneNode(true) as HTMLAnchorElement;
      for (const part of words.querySelectorAll(".contents__leader, .contents__page")) part.remove();
      const text = (a.getAttribute("aria-label") ?? words.textContent ?? "").replace(/\s+/g, " ").trim();
      return a.querySelector(".contents__page") ? { target, text, contents: true } : { target, text };
    });
  return { headings, links };
}

/**
 * The words of `before` that `after` lacks, counting repeats: the check that nothing was lost
 * between the print page and the PDF. Paged.js can fail silently (a row taller than a page can be
 * clipped off its page), so the page's words before layout are compared with the words poppler
 * reads from the printed PDF. The PDF may hold more (running heads, page numbers, repeated table
 * headers), never fewer.
 */
export function missingWords(before: string, after: string): string[] {
  // Split at hyphens too: a hyphenated word broken at a line end comes out of the PDF as two lines.
  const words = (text: string) => text.split(/[\s\-\u2010\u2011]+/).filter(Boolean);
  const needed = new Map<string, number>();
  for (const w of words(before)) needed.set(w, (needed.get(w) ?? 0) + 1);
  const found = new Map<string, number>();
  for (const w of words(after)) found.set(w, (found.get(w) ?? 0) + 1);
  // A word short of copies may have been broken inside (a long address in a narrow cell wraps
  // anywhere): count it again in the text with every space and hyphen taken out.
  let squashed: string | undefined;
  const lost: string[] = [];
  for (const [w, n] of needed) {
    if ((found.get(w) ?? 0) >= n) continue;
    squashed ??= after.replace(/[\s\-\u2010\u2011\u00ad]+/g, "");
    const piece = w.replace(/[\s\-\u2010\u2011\u00ad]+/g, "");
    let copies = 0;
    for (let at = squashed.indexOf(piece); at !== -1 && copies < n; at = squashed.indexOf(piece, at + piece.length)) copies++;
    for (let i = copies; i < n; i++) lost.push(w);
  }
  return lost;
}

/** Watches the page for what must fail the document: a script error, a crash, or a picture or stylesheet that did not load. */
function watchForFailure(page: Page, document: string): { promise: Promise<never>; settle: () => void } {
  let failure: Error | undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<never>((_, r) => {
    reject = r;
  });
  promise.catch(() => undefined);
  const fail = (error: Error) => {
    failure ??= error;
    reject(failure);
  };
  page.on("pageerror", (error) => fail(new PdfError(pdfMessages.pageError(document, error.message))));
  page.on("crash", () => fail(new PageCrash(document)));
  // A picture or stylesheet the page uses that is missing: the PDF would silently lack it.
  page.on("response", (response) => {
    if (response.status() >= 400 && response.request().frame().parentFrame() === null && !response.request().isNavigationRequest())
      fail(new PdfError(pdfMessages.resourceMissing(document, new URL(response.url()).pathname, `the server answered ${response.status()}`)));
  });
  page.on("requestfailed", (request) => {
    if (!request.isNavigationRequest()) fail(new PdfError(pdfMessages.resourceMissing(document, request.url(), request.failure()?.errorText ?? "it failed")));
  });
  return {
    promise,
    settle: () => {
      if (failure) throw failure;
    },
  };
}

/**
 * Chromium names the link destinations after its internal DOM node numbers, "(node00000253)", which
 * drift by one or two between renders of the same page. Renumbers them 1, 2, 3... in the same order, so
 * the name tree stays sorted, with the same width, so no byte offset in the file moves.
 */
export function stableDestinationNames(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const pattern = /\(node(\d{8})\)/g;
  const numbers = [...new Set(Array.from(text.matchAll(pattern), (match) => Number(match[1])))].sort((a, b) => a - b);
  const renumbered = new Map(numbers.map((n, i) => [n, String(i + 1).padStart(8, "0")]));
  return Buffer.from(text.replace(pattern, (_, n: string) => `(node${renumbered.get(Number(n))})`), "latin1");
}

/**
 * Sets Author, Subject, Keywords, Title and Lang (Chromium sets only Title and Lang), and fixes the dates
 * when `date` is given. pdf-lib rewrites the file but keeps every object: the structure tree (tags),
 * the outline (bookmarks) and the embedded fonts come through unchanged (checked in render-pdf.test.ts).
 */
function setMetadata(pdf: PDFDocument, meta: PdfMeta, date: Date | undefined): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setLanguage(meta.lang);
  if (meta.keywords?.length) pdf.setKeywords([...meta.keywords]);
  if (date) {
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
}
