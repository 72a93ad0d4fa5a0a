/**
 * Print HTML page -> tagged PDF: loads the page in Chromium, lays it out with Paged.js (plus our handlers in
 * templates/print/paged-handlers.js), prints it with tags and bookmarks, then sets the document metadata.
 *
 * Pages are loaded from a private origin (http://print.localhost/) whose requests are answered from the
 * files under `siteRoot` (Playwright request routing): root-relative URLs such as /assets/print/print.css
 * work as on the web server, without opening a port, and every other request is refused, so a PDF never
 * depends on the network.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { PdfError, pdfMessages } from "./messages.ts";
import { routeSite } from "./site-origin.ts";
import { sourceDate } from "../errors.ts";
import { pdfText } from "./inspect-pdf.ts";

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
  /** Paged.js layout (0 for plain printing). */
  layoutMs: number;
  printMs: number;
  /** Reading the PDF back to check no word was lost (0 for plain printing). */
  checkMs: number;
  metadataMs: number;
  totalMs: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  timings: PdfTimings;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const here = dirname(fileURLToPath(import.meta.url));
export const HANDLERS_PATH = resolve(here, "../../templates/print/paged-handlers.js");
export const POLYFILL_PATH = join(dirname(createRequire(import.meta.url).resolve("pagedjs")), "../dist/paged.polyfill.js");

/** Registers our handlers before Paged.js lays out, and flags the end of the layout. A string, not a
 * function passed to page.evaluate, because the TypeScript loader would add helpers the page lacks. */
const PAGED_CONFIG = `
window.PagedConfig = {
  auto: true,
  before: () => window.registerPrintHandlers(window.Paged),
  after: () => { window.__done = true; },
};`;

let scripts: { handlers: string; polyfill: string } | undefined;
function pagedScripts(): { handlers: string; polyfill: string } {
  scripts ??= { handlers: readFileSync(HANDLERS_PATH, "utf8"), polyfill: readFileSync(POLYFILL_PATH, "utf8") };
  return scripts;
}

/** The fixed date for the PDF's CreationDate and ModDate when SOURCE_DATE_EPOCH is set (reproducible builds). */

/** Renders with Paged.js: running heads, page numbers, contents page numbers, repeated table headers. */
export function renderPdf(browser: Browser, job: PdfJob): Promise<RenderedPdf> {
  return withRetry(() => renderOnce(browser, job, true));
}

/** Chromium's own printing of the same page, without Paged.js: the yardstick for the benchmark. */
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
      throw again instanceof PageCrash ? new Error(`Chromium crashed twice while printing ${again.document}`) : again;
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

async function renderOnce(browser: Browser, job: PdfJob, paged: boolean): Promise<RenderedPdf> {
  const document = describe(job);
  const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The print page forbids scripts (CSP) for readers; the PDF step must still inject Paged.js and our handlers.
  const context = await browser.newContext({ bypassCSP: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfError(pdfMessages.timedOut(document, timeoutMs / 1000))), timeoutMs);
  });
  try {
    return await Promise.race([print(context, job, document, paged, timeoutMs), deadline]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

async function print(context: BrowserContext, job: PdfJob, document: string, paged: boolean, timeoutMs: number): Promise<RenderedPdf> {
  const started = performance.now();
  const url = "url" in job ? job.url : (await routeSite(context, job.siteRoot ?? dirname(job.htmlPath)))(resolve(job.htmlPath));
  const page = await context.newPage();
  const failure = watchForFailure(page, document);
  page.setDefaultTimeout(timeoutMs);

  const response = await Promise.race([page.goto(url, { waitUntil: "load" }), failure.promise]).catch((error: unknown) => {
    if (error instanceof PdfError || error instanceof PageCrash) throw error;
    throw new PdfError(pdfMessages.loadFailed(document, error instanceof Error ? error.message.split("\n")[0]! : String(error)));
  });
  if (response && !response.ok()) throw new PdfError(pdfMessages.loadFailed(document, `the server answered ${response.status()}`));
  const loaded = performance.now();

  // With Paged.js, the page's words before layout must all be in the printed PDF (see missingWords).
  // Chart text is left out: innerText runs an SVG's labels together, and the SVG is printed as drawn.
  // Chromium's own printing (the benchmark's yardstick) loses nothing and is not checked.
  const source = !paged ? undefined : await page.evaluate(() => {
    const hideCharts = window.document.createElement("style");
    hideCharts.textContent = "svg { display: none !important; }";
    window.document.head.append(hideCharts);
    const text = window.document.body.innerText;
    hideCharts.remove();
    return text;
  });
  if (paged) await layOut(page, failure.promise);
  await failure.settle();
  const laidOut = performance.now();

  const raw = await Promise.race([
    page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    failure.promise,
  ]);
  await failure.settle();
  const printed = performance.now();
  if (source !== undefined) {
    const lost = missingWords(source, await pdfText(raw));
    if (lost.length > 0) throw new PdfError(pdfMessages.contentLost(document, lost.length, lost.slice(0, 8).join(" ")));
  }
  const checked = performance.now();

  const { bytes, pages } = await setMetadata(stableDestinationNames(raw), job.meta, sourceDate());
  const finished = performance.now();
  return {
    bytes,
    pages,
    timings: {
      loadMs: loaded - started,
      layoutMs: laidOut - loaded,
      printMs: printed - laidOut,
      checkMs: checked - printed,
      metadataMs: finished - checked,
      totalMs: finished - started,
    },
  };
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

/** Injects our handlers and the Paged.js polyfill, and waits until the layout is done. */
async function layOut(page: Page, failed: Promise<never>): Promise<void> {
  const { handlers, polyfill } = pagedScripts();
  await page.addScriptTag({ content: handlers + PAGED_CONFIG });
  await page.addScriptTag({ content: polyfill });
  await Promise.race([page.waitForFunction(() => (window as unknown as Record<string, unknown>).__done === true), failed]);
}

/**
 * Watches the page for what must fail the document: a script error, a crash, or Paged.js's
 * "Layout repeated" (after which Paged.js stops but still reports that it is done, losing the rest).
 */
function watchForFailure(page: Page, document: string): { promise: Promise<never>; settle: () => Promise<void> } {
  let failure: Error | undefined;
  const pending: Promise<void>[] = [];
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
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() !== "error" || !message.text().includes("Layout repeated")) return;
    // Paged.js logs the element it could not place: quote its text so the author can find it.
    const lookup = message.args()[1]?.evaluate((node) => (node instanceof Node ? (node.textContent ?? "") : "")) ?? Promise.resolve("");
    pending.push(
      lookup.then(
        (text) => fail(new PdfError(pdfMessages.layoutRepeated(document, quote(text)))),
        () => fail(new PdfError(pdfMessages.layoutRepeated(document, quote("")))),
      ),
    );
  });
  return {
    promise,
    settle: async () => {
      await Promise.all(pending);
      if (failure) throw failure;
    },
  };
}

function quote(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean ? `"${clean.slice(0, 80)}${clean.length > 80 ? "..." : ""}"` : "an element of the page";
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
async function setMetadata(raw: Uint8Array, meta: PdfMeta, date: Date | undefined): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(raw, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setLanguage(meta.lang);
  if (meta.keywords?.length) pdf.setKeywords([...meta.keywords]);
  if (date) {
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}
