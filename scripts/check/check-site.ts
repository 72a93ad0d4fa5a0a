/**
 * Step 6, check: every quality gate on a built site folder. HTML validity, our own structure
 * checks and links need no browser; axe-core runs in Chromium; PDFs are parsed.
 * Returns every finding; the command line prints them and exits non-zero on any.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { checkAccessibility } from "./axe.ts";
import type { Finding } from "./findings.ts";
import { checkHtmlValidity } from "./html-validity.ts";
import { checkLinks, type SitePage } from "./links.ts";
import { checkStructure } from "./structure.ts";

export interface CheckOptions {
  siteDir: string;
  browser?: Browser; // without one, the browser checks are skipped
  serve?: (context: BrowserContext) => Promise<(file: string) => string>;
  checkPdf?: (file: string, bytes: Uint8Array) => Promise<Finding[]>;
}

export interface CheckResult {
  pages: number;
  pdfs: number;
  findings: Finding[];
}

async function listSite(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const files = await listSite(options.siteDir);
  const htmlFiles = files.filter((f) => f.endsWith(".html"));
  const pages: SitePage[] = await Promise.all(htmlFiles.map(async (file) => ({ file, html: await readFile(path.join(options.siteDir, file), "utf8") })));

  const findings: Finding[] = [];
  for (const page of pages) {
    findings.push(...(await checkHtmlValidity(page.file, page.html)));
    findings.push(...checkStructure(page.file, page.html));
  }
  findings.push(...checkLinks(pages, new Set(files)));

  const webPages = pages.filter((p) => !p.html.includes('<body class="print">')).map((p) => p.file);
  if (options.browser && options.serve) findings.push(...(await checkAccessibility(options.browser, webPages, options.serve)));

  const pdfFiles = files.filter((f) => f.endsWith(".pdf"));
  if (options.checkPdf)
    for (const file of pdfFiles) findings.push(...(await options.checkPdf(file, await readFile(path.join(options.siteDir, file)))));

  return { pages: htmlFiles.length, pdfs: pdfFiles.length, findings };
}

/** The machine-readable results, for CI and for the accessibility statement. */
export async function writeCheckReport(file: string, result: CheckResult): Promise<void> {
  await writeFile(file, `${JSON.stringify({ pages: result.pages, pdfs: result.pdfs, findings: result.findings }, null, 2)}\n`);
}
