// renderMany with the real Chromium: writes the PDFs it can, and records the ones it cannot.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { inspectPdf } from "./inspect-pdf.ts";
import { renderMany } from "./render-many.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const meta = { title: "Fixture", author: "Fixture NHS Foundation Trust", subject: "WRES", lang: "en-GB" };
let browser: Browser;
let out: string;

beforeAll(async () => {
  browser = await launchBrowser();
  out = await mkdtemp(join(tmpdir(), "render-many-"));
});

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

it("renders every job it can, a bounded number at a time, and lists the failures instead of stopping", async () => {
  const page = (name: string) => join(repo, "test/fixtures/print", name);
  const jobs = [
    { htmlPath: page("long-table.html"), siteRoot: repo, meta, outPath: join(out, "a/report.pdf") },
    { htmlPath: page("missing.html"), siteRoot: repo, meta, outPath: join(out, "b/report.pdf") },
    { htmlPath: page("long-table.html"), siteRoot: repo, meta, outPath: join(out, "c/report.pdf") },
  ];
  const summary = await renderMany(browser, jobs, { quiet: true });

  expect(summary.documents).toBe(2);
  expect(summary.failures.map((f) => f.outPath)).toEqual([join(out, "b/report.pdf")]);
  expect(summary.failures[0]!.error.message).toMatch(/could not be loaded/);
  const written = await inspectPdf(new Uint8Array(await readFile(join(out, "c/report.pdf"))));
  expect(summary.written.map((w) => w.pages)).toEqual([written.pages, written.pages]);
  expect(summary.pages).toBe(2 * written.pages);
  expect(summary.bytes).toBe(summary.written[0]!.bytes + summary.written[1]!.bytes);
});
