/**
 * Step 5, render PDF, as the build uses it: every report's print page (already written by the
 * HTML step) becomes `<report>/<org>-<period>.pdf`, through a content-addressed cache so that an
 * unchanged report is never printed again.
 *
 * The cache key is a hash of everything the PDF depends on: the print page's bytes (charts are
 * inline SVG) and the pictures it shows (a logo), the print and component stylesheets, the PDF engine's source (pdfEngineFiles), the
 * lock file, the metadata and SOURCE_DATE_EPOCH. Change any of them and the key changes.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, readdir, rename } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, requirePagedMedia } from "./browser.ts";
import { renderMany, type PdfBatchJob } from "./render-many.ts";
import type { PdfMeta } from "./render-pdf.ts";
import { pdfMessages } from "./messages.ts";
import { PdfError } from "./pdf-error.ts";

const toolRoot = path.resolve(import.meta.dirname, "../..");

export interface PdfReport {
  key: string; // "<org>/<period>"
  printFile: string; // site-relative: "org/2021-22/print.html"
  pdfFile: string; // site-relative: "org/2021-22/org-2021-22.pdf"
  meta: PdfMeta;
}

export interface PdfInfo {
  bytes: number;
  pages: number;
  cached: boolean;
}

export interface BuildPdfsOptions {
  siteDir: string;
  cacheDir: string;
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  /** An open browser to use; else one is launched (only if some PDF must be printed) and closed. */
  browser?: Browser;
}

/** The source files of the PDF engine: what turns a print page into PDF bytes. */
export function pdfEngineFiles(): string[] {
  return ["render-pdf.ts", "contents-numbers.ts", "destinations.ts", "inspect-pdf.ts", "pdf-ua.ts", "content-stream.ts", "structure-tree.ts"].map((f) => path.join(toolRoot, "scripts/pdf", f));
}

/** The files every PDF depends on besides its own print page. */
async function sharedInputs(siteDir: string): Promise<string> {
  const files = [
    path.join(siteDir, "assets/print/print.css"),
    path.join(siteDir, "assets/components.css"),
    path.join(toolRoot, "package-lock.json"),
    ...pdfEngineFiles(),
  ];
  const hash = createHash("sha256");
  for (const f of files) hash.update(await readFile(f));
  return hash.digest("hex");
}

/**
 * The bytes of the site's own files the print page shows as pictures (<img src="/...">: a logo): the
 * page names them by path only, so a new logo under the same name must still change the key.
 */
async function pictures(printHtml: Uint8Array, siteDir: string): Promise<Buffer[]> {
  const paths = [...Buffer.from(printHtml).toString("utf8").matchAll(/<img\b[^>]*\bsrc="(\/[^"]*)"/g)].map((m) => m[1]!);
  return Promise.all([...new Set(paths)].map((p) => readFile(path.join(siteDir, decodeURIComponent(p))).catch(() => Buffer.from(`missing ${p}`))));
}

export function cacheKey(printHtml: Uint8Array, shared: string, meta: PdfMeta, env: NodeJS.ProcessEnv, pictureBytes: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const picture of pictureBytes) hash.update(picture);
  return hash
    .update(printHtml)
    .update(shared)
    .update(JSON.stringify(meta))
    .update(env.SOURCE_DATE_EPOCH ?? "")
    .digest("hex");
}

/** PDF page count, read from the cached file name: "<hash>-<pages>.pdf". */
const cachedName = (key: string, pages: number) => `${key}-${pages}.pdf`;

export async function buildPdfs(reports: readonly PdfReport[], options: BuildPdfsOptions): Promise<Map<string, PdfInfo>> {
  const env = options.env ?? process.env;
  const shared = await sharedInputs(options.siteDir);
  await mkdir(options.cacheDir, { recursive: true });
  const cached = new Map<string, string>();
  for (const name of await readdir(options.cacheDir)) {
    const m = /^([0-9a-f]{64})-(\d+)\.pdf$/.exec(name);
    if (m) cached.set(m[1]!, name);
  }

  const info = new Map<string, PdfInfo>();
  const jobs: (PdfBatchJob & { key: string; report: PdfReport })[] = [];
  for (const report of reports) {
    const html = await readFile(path.join(options.siteDir, report.printFile));
    const key = cacheKey(html, shared, report.meta, env, await pictures(html, options.siteDir));
    const hit = cached.get(key);
    const target = path.join(options.siteDir, report.pdfFile);
    if (hit) {
      await copyFile(path.join(options.cacheDir, hit), target);
      const bytes = (await readFile(target)).length;
      info.set(report.key, { bytes, pages: Number(/-(\d+)\.pdf$/.exec(hit)![1]), cached: true });
    } else {
      jobs.push({ key, report, htmlPath: path.join(options.siteDir, report.printFile), siteRoot: options.siteDir, meta: report.meta, outPath: target });
    }
  }
  if (jobs.length === 0) return info;

  const browser = options.browser ?? (await launchBrowser(env));
  try {
    requirePagedMedia(browser);
    const summary = await renderMany(browser, jobs, { quiet: options.quiet });
    if (summary.failures.length > 0) {
      const first = summary.failures[0]!;
      const problem = first.error instanceof PdfError ? first.error.problem : undefined;
      const failures = summary.failures.map((f) => `${path.relative(options.siteDir, f.outPath)} (${f.error.message})`);
      // The first failure is the cause: its own cause (Chromium's words) is printed under it.
      throw new PdfError(pdfMessages.failed(failures, problem?.fix), { cause: first.error });
    }
    for (const written of summary.written) {
      const job = jobs.find((j) => j.outPath === written.outPath)!;
      // Into the cache by copy-then-rename, so a half-written file is never taken for a PDF.
      const temp = path.join(options.cacheDir, `${job.key}.partial`);
      await copyFile(written.outPath, temp);
      await rename(temp, path.join(options.cacheDir, cachedName(job.key, written.pages)));
      info.set(job.report.key, { bytes: written.bytes, pages: written.pages, cached: false });
    }
  } finally {
    if (!options.browser) await browser.close();
  }
  return info;
}
