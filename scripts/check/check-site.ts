/**
 * Step 7, check: every quality gate on a built site folder. HTML validity, our own structure
 * checks and links need no browser; axe-core and the chart geometry run in Chromium (chart
 * geometry also on the print pages, laid out for paper); PDFs are parsed.
 * Returns every finding; the command line prints them and exits non-zero on any.
 *
 * With a cache, a page or PDF checked before is not checked again: what the checks of one page
 * found is kept under a hash of the tool's version, the page's path and bytes, and the bytes of
 * the files it loads (stylesheets, images), as PDFs are kept by their print page. Links and titles
 * are checked across the whole site every time, as the site will be published (`site`), and so are
 * the links inside every PDF: a page's links can break when another page changes.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hashOf, type JsonCache } from "../cache/content-cache.ts";
import { checkAccessibility, WIDTHS } from "./axe.ts";
import { checkChartGeometry, checkPrintedCharts } from "./chart-geometry.ts";
import type { Finding } from "./findings.ts";
import { checkHtmlValidity } from "./html-validity.ts";
import { checkLinks, checkPdfLinks, linkTarget, ROOT, type SiteLocation, type SitePage } from "./links.ts";
import { pdfLinkUris } from "./pdf-uris.ts";
import { ORIGIN } from "../pdf/site-origin.ts";
import { checkStructure } from "./structure.ts";

export interface CheckOptions {
  siteDir: string;
  /** Where the site is published (default: the root of its own address); links are checked as they will resolve there. */
  site?: SiteLocation;
  browser?: Browser; // without one, the browser checks are skipped
  serve?: (context: BrowserContext) => Promise<(file: string) => string>;
  checkPdf?: (file: string, bytes: Uint8Array) => Promise<Finding[]>;
  /** What earlier checks found, by the hash of what they checked; `tool` is the tool's version (content-cache.ts, toolHash). */
  cache?: { results: JsonCache; tool: string };
  /** Pages checked already in this build (checkPagesEarly). */
  early?: EarlyChecks;
}

export interface CheckResult {
  pages: number;
  pdfs: number;
  findings: Finding[];
  /** Pages and PDFs whose results were taken from the cache. */
  reused: number;
}

async function listSite(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The site files a page loads: its stylesheets and images, as their addresses resolve where the site is published. */
const loadedFiles = (page: SitePage, site: SiteLocation): string[] =>
  [...page.html.matchAll(/<(?:img|link)\b[^>]*?\b(?:src|href)="([^"#?]+)"/g)].flatMap((m) => {
    const target = linkTarget(page.file, m[1]!, site);
    return target && "file" in target ? [target.file] : [];
  });

/** The cache key of one page's or PDF's checks. Each file a page loads is hashed once a run. */
function checkKeys(siteDir: string, site: SiteLocation, tool: string) {
  const loaded = new Map<string, Promise<string>>();
  const hashOfFile = (file: string) => {
    if (!loaded.has(file)) loaded.set(file, readFile(path.join(siteDir, file)).then((b) => hashOf(b), () => "missing"));
    return loaded.get(file)!;
  };
  return {
    page: async (page: SitePage) => hashOf("check page", tool, page.file, page.html, ...(await Promise.all(loadedFiles(page, site).sort().map(hashOfFile)))),
    pdf: (file: string, bytes: Uint8Array) => hashOf("check pdf", tool, file, bytes),
    pdfLinks: (bytes: Uint8Array) => hashOf("pdf links", tool, bytes),
  };
}

/**
 * Each page's own findings, by page: HTML validity and structure here, and with a browser axe and
 * the chart geometry there. The browser's work starts at once and goes on while this process
 * validates; what the caller does meanwhile shares the two cores too.
 */
async function checkPages(pages: readonly SitePage[], browser: Browser | undefined, serve: CheckOptions["serve"]): Promise<Map<string, Finding[]>> {
  // Chromium runs axe and the chart geometry while this process runs the other checks: the two share the work of two cores.
  // axe checks every page, the printable versions too: what is published must pass every check (issue 21). Their
  // charts are drawn for paper, so their geometry is checked in print media at A4 width (checkPrintedCharts), once,
  // in the visit that checks the widest screen width (the page is then laid out at the next width, on screen, again).
  const isPrint = (p: SitePage) => p.html.includes('<body class="print">');
  const printPages = new Set(pages.filter(isPrint).map((p) => p.file));
  const charts = (page: Page, file: string, width: number) =>
    !printPages.has(file) ? checkChartGeometry(page, file, width) : width === WIDTHS[0] ? checkPrintedCharts(page, file) : Promise.resolve([]);
  const inBrowser = browser && serve && pages.length > 0 ? checkAccessibility(browser, pages.map((p) => p.file), serve, [charts]) : undefined;
  // Settled at once, so that a failure in the browser waits for the checks here instead of going unhandled.
  const settled = inBrowser?.then((found) => ({ found }), (error: unknown) => ({ error }));
  const byPage = new Map<string, Finding[]>();
  for (const page of pages) byPage.set(page.file, [...(await checkHtmlValidity(page.file, page.html)), ...checkStructure(page.file, page.html)]);
  const browserFound = await settled;
  if (browserFound && "error" in browserFound) throw browserFound.error;
  if (browserFound) for (const [file, found] of browserFound.found) byPage.get(file)!.push(...found);
  return byPage;
}

/**
 * Pages checked ahead of the rest of the site (the print pages, written before the PDFs, while the
 * PDFs print): their own findings, by the hash of the bytes checked. `checkSite`, given them as
 * `early`, takes the findings of a page whose bytes are still those.
 */
export interface EarlyChecks {
  checked: ReadonlyMap<string, string>; // file -> hashOf(html)
  /** Settled: never rejects, so that a build failing elsewhere meanwhile leaves no unhandled rejection. */
  found: Promise<{ found: Map<string, Finding[]> } | { error: unknown }>;
}

/**
 * Starts the checks of `files` (each page's own checks, as checkSite runs them) on the site as it is
 * so far; pages whose checks are in the cache are left to checkSite. The files a page loads
 * (stylesheets, pictures) must already be written, and must not be rewritten until `found` settles.
 */
export async function checkPagesEarly(options: CheckOptions, files: readonly string[]): Promise<EarlyChecks> {
  const { cache } = options;
  const keys = cache && checkKeys(options.siteDir, options.site ?? ROOT, cache.tool);
  const pages: SitePage[] = [];
  for (const file of files) {
    const page = { file, html: await readFile(path.join(options.siteDir, file), "utf8") };
    if (!(cache && keys && (await cache.results.get<Finding[]>(await keys.page(page))))) pages.push(page);
  }
  return {
    checked: new Map(pages.map((p) => [p.file, hashOf(p.html)])),
    found: checkPages(pages, options.browser, options.serve).then((found) => ({ found }), (error: unknown) => ({ error })),
  };
}

export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const { cache, browser, serve, early } = options;
  const site = options.site ?? ROOT;
  const keys = cache && checkKeys(options.siteDir, site, cache.tool);
  const files = await listSite(options.siteDir);
  const htmlFiles = files.filter((f) => f.endsWith(".html"));
  const pages: SitePage[] = await Promise.all(htmlFiles.map(async (file) => ({ file, html: await readFile(path.join(options.siteDir, file), "utf8") })));

  // Each page's own findings, from the cache where it holds them.
  const byPage = new Map<string, Finding[]>();
  const pageKeys = new Map<string, string>();
  if (cache && keys)
    for (const page of pages) {
      const key = await keys.page(page);
      pageKeys.set(page.file, key);
      const known = await cache.results.get<Finding[]>(key);
      if (known) byPage.set(page.file, known);
    }
  const toCheck = pages.filter((p) => !byPage.has(p.file));
  // A page checked early is not checked again if its bytes are those checked.
  const checkedEarly = new Set(toCheck.filter((p) => early?.checked.get(p.file) === hashOf(p.html)).map((p) => p.file));
  const own = checkPages(toCheck.filter((p) => !checkedEarly.has(p.file)), browser, serve).then((found) => ({ found }), (error: unknown) => ({ error }));
  const built = new Set(files);
  const links = checkLinks(pages, built, site);

  const pdfFiles = files.filter((f) => f.endsWith(".pdf"));
  const byPdf: Finding[][] = [];
  let reusedPdfs = 0;
  for (const file of pdfFiles) {
    const bytes = await readFile(path.join(options.siteDir, file));
    if (options.checkPdf) {
      const key = keys?.pdf(file, bytes);
      const known = key === undefined ? undefined : await cache?.results.get<Finding[]>(key);
      if (known) reusedPdfs++;
      const found = known ?? (await options.checkPdf(file, bytes));
      if (key !== undefined && !known) await cache?.results.put(key, found);
      byPdf.push(found);
    }
    // A PDF's links are read once (by its bytes), and followed every time: the files they lead to may have changed.
    const linksKey = keys?.pdfLinks(bytes);
    const known = linksKey === undefined ? undefined : await cache?.results.get<string[]>(linksKey);
    const uris = known ?? (await pdfLinkUris(bytes));
    if (linksKey !== undefined && !known) await cache?.results.put(linksKey, uris);
    byPdf.push(checkPdfLinks(file, uris, built, site, ORIGIN));
  }

  const ownFound = await own;
  if ("error" in ownFound) throw ownFound.error;
  for (const [file, found] of ownFound.found) byPage.set(file, found);
  if (checkedEarly.size > 0) {
    const earlyFound = await early!.found;
    if ("error" in earlyFound) throw earlyFound.error;
    for (const file of checkedEarly) byPage.set(file, earlyFound.found.get(file)!);
  }
  // Only what a browser checked too is kept: a page checked without one was not checked whole.
  if (cache && browser && serve) for (const page of toCheck) await cache.results.put(pageKeys.get(page.file)!, byPage.get(page.file));

  const findings = [...pages.flatMap((p) => byPage.get(p.file)!), ...links, ...byPdf.flat()];
  return { pages: htmlFiles.length, pdfs: pdfFiles.length, findings, reused: pages.length - toCheck.length + reusedPdfs };
}

/** The machine-readable results, for CI and for the accessibility statement. */
export async function writeCheckReport(file: string, result: CheckResult): Promise<void> {
  await writeFile(file, `${JSON.stringify({ pages: result.pages, pdfs: result.pdfs, findings: result.findings }, null, 2)}\n`);
}
