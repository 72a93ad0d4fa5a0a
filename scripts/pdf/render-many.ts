/**
 * Renders many print pages to PDF with one browser and a bounded pool of pages, writing each PDF as it
 * is done. A failed document is recorded and the others go on; the summary lists the failures.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import pLimit from "p-limit";
import type { Browser } from "playwright-core";
import { renderPdf, type PdfJob, type RenderedPdf } from "./render-pdf.ts";

export type PdfBatchJob = PdfJob & {
  /** Where to write the PDF. */
  outPath: string;
};

export interface PdfWritten {
  outPath: string;
  pages: number;
  bytes: number;
  seconds: number;
}

export interface PdfFailure {
  outPath: string;
  error: Error;
}

export interface PdfBatchSummary {
  documents: number;
  pages: number;
  bytes: number;
  seconds: number;
  written: PdfWritten[];
  failures: PdfFailure[];
}

export interface RenderManyOptions {
  /**
   * Pages laid out at once (each in a browser context of its own, closed when its PDF is written, so
   * memory stays flat however many documents): one a CPU, at most MAX_AT_ONCE. On 2 cores, a third
   * adds nothing.
   */
  concurrency?: number;
  /** No progress bar (it is also off when stderr is not a terminal). */
  quiet?: boolean;
  /** The renderer; renderPdf unless given (renderPlainPdf for the benchmark's yardstick). */
  render?: (browser: Browser, job: PdfJob) => Promise<RenderedPdf>;
}

/** Each page being laid out holds a Chromium renderer (a few hundred MB for a long report). */
const MAX_AT_ONCE = 6;

export async function renderMany(browser: Browser, jobs: readonly PdfBatchJob[], options: RenderManyOptions = {}): Promise<PdfBatchSummary> {
  const started = performance.now();
  const render = options.render ?? renderPdf;
  const limit = pLimit(options.concurrency ?? Math.min(availableParallelism(), MAX_AT_ONCE));
  const bar =
    options.quiet || !process.stderr.isTTY || jobs.length === 0
      ? undefined
      : new SingleBar({ format: "PDF {bar} {value}/{total} documents, {pages} pages", stream: process.stderr }, Presets.shades_classic);
  bar?.start(jobs.length, 0, { pages: 0 });

  const written: PdfWritten[] = [];
  const failures: PdfFailure[] = [];
  await Promise.all(
    jobs.map((job) =>
      limit(async () => {
        try {
          const pdf = await render(browser, job);
          await mkdir(dirname(job.outPath), { recursive: true });
          await writeFile(job.outPath, pdf.bytes);
          written.push({ outPath: job.outPath, pages: pdf.pages, bytes: pdf.bytes.length, seconds: pdf.timings.totalMs / 1000 });
        } catch (error) {
          failures.push({ outPath: job.outPath, error: error instanceof Error ? error : new Error(String(error)) });
        }
        bar?.increment(1, { pages: written.reduce((sum, w) => sum + w.pages, 0) });
      }),
    ),
  );
  bar?.stop();

  const byPath = (a: { outPath: string }, b: { outPath: string }) => a.outPath.localeCompare(b.outPath);
  return {
    documents: written.length,
    pages: written.reduce((sum, w) => sum + w.pages, 0),
    bytes: written.reduce((sum, w) => sum + w.bytes, 0),
    seconds: (performance.now() - started) / 1000,
    written: written.sort(byPath),
    failures: failures.sort(byPath),
  };
}
