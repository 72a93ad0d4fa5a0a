// Renders test/fixtures/print/long-table.html in the real Chromium and reads the real PDF back with poppler.
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchBrowser } from "./browser.ts";
import { inspectPdf, type PdfInspection } from "./inspect-pdf.ts";
import { PdfError } from "./messages.ts";
import { missingWords, renderPdf, renderPlainPdf, type PdfJob, type RenderedPdf } from "./render-pdf.ts";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/print/${name}`, import.meta.url));

const meta = {
  title: "Fixture Trust WRES report 2024/25",
  author: "Fixture NHS Foundation Trust",
  subject: "Workforce Race Equality Standard report and action plan",
  lang: "en-GB",
  keywords: ["WRES", "NHS"],
};
const job: PdfJob = { htmlPath: fixture("long-table.html"), siteRoot: repo, meta };
const EPOCH = 1_700_000_000;
const ROWS = Array.from({ length: 80 }, (_, i) => `A${String(i + 1).padStart(3, "0")}`);
const HEADER = ["Ref no.", "What we will do", "Responsible", "Progress status"];

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const lines = (page: string) => page.split("\n").map((line) => line.trim()).filter(Boolean);

let browser: Browser;
let first: RenderedPdf;
let second: RenderedPdf;
let pdf: PdfInspection;

beforeAll(async () => {
  vi.stubEnv("SOURCE_DATE_EPOCH", String(EPOCH));
  browser = await launchBrowser();
  first = await renderPdf(browser, job);
  second = await renderPdf(browser, job);
  pdf = await inspectPdf(first.bytes);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await browser?.close();
});

describe("renderPdf on a long table", () => {
  it("reports the page count of the PDF it wrote", () => {
    expect(pdf.pages).toBeGreaterThan(3);
    expect(first.pages).toBe(pdf.pages);
    expect(pdf.text).toHaveLength(pdf.pages);
  });

  it('numbers every page "Page X of Y", the cover too, and keeps the running header off the cover', () => {
    pdf.text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`);
      expect(count(page, /Page \d+ of \d+/g)).toBe(1);
    });
    expect(count(pdf.text[0]!, /Workforce Race Equality Standard/g)).toBe(1); // the cover's title only
    for (const page of pdf.text.slice(1)) {
      expect(lines(page)[0]).toMatch(/^Fixture NHS Foundation Trust\s+Workforce Race Equality Standard report 2024\/25$/);
    }
  });

  it("gives each contents entry the page its heading is on", () => {
    const contents = pdf.text.findIndex((page) => lines(page).some((line) => line.startsWith("Contents")));
    const entries = lines(pdf.text[contents]!)
      .map((line) => /^(\d\. [A-Z][a-z]+(?: [a-z]+)?)\s+(\d+)$/.exec(line))
      .filter((match) => match !== null);
    expect(entries.map((match) => match[1])).toEqual(["1. Introduction", "2. Action plan", "3. Next steps"]);
    for (const [, heading, number] of entries) {
      const landed = pdf.text.findIndex((page, i) => i !== contents && lines(page).includes(heading!));
      expect(landed + 1, heading).toBe(Number(number));
    }
  });

  it("repeats the header row on every page the table runs over, also on a page that starts inside a row taller than a page", () => {
    const spanned = pdf.text.map((page, i) => ({ page, number: i + 1 })).filter(({ page }) => /\bA0\d\d\b|Tall cell sentence/.test(page));
    expect(spanned.length).toBeGreaterThan(4);
    // Row A040 is taller than a page: some page begins in the middle of it.
    expect(spanned.some(({ page }) => page.includes("Tall cell sentence") && !page.includes("Action A040:"))).toBe(true);
    for (const { page, number } of spanned) {
      for (const header of HEADER) expect(count(page, new RegExp(header.replace(".", "\\."), "g")), `page ${number}: ${header}`).toBe(1);
    }
  });

  it("prints every cell once: no row lost or doubled at a page break", () => {
    const all = pdf.text.join("\n");
    // Each row's reference appears in its four cells: "A001", "Action A001: ...", "<lead> A001", "<status> A001".
    for (const id of ROWS) expect(count(all, new RegExp(`\\b${id}\\b`, "g")), id).toBe(4);
    for (let s = 1; s <= 70; s++) expect(count(all, new RegExp(`Tall cell sentence ${String(s).padStart(2, "0")} `, "g"))).toBe(1);
    expect(count(all, /The people committee will review the plan/g)).toBe(1);
  });

  it("sets the document metadata, language and title bar", () => {
    expect(pdf.info).toMatchObject({ title: meta.title, author: meta.author, subject: meta.subject, keywords: "WRES NHS" });
    expect(pdf.lang).toBe("en-GB");
    expect(pdf.displayDocTitle).toBe(true);
  });

  it("keeps tags, bookmarks from the headings, and embedded fonts through the metadata rewrite", () => {
    expect(pdf.tagged).toBe(true);
    expect(pdf.outline.map((entry) => entry.title)).toEqual(expect.arrayContaining(["1. Introduction", "2. Action plan", "3. Next steps"]));
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([]);
  });

  it("is byte-identical across renders when SOURCE_DATE_EPOCH is set", () => {
    expect(pdf.info.creationDate?.getTime()).toBe(EPOCH * 1000);
    expect(pdf.info.modDate?.getTime()).toBe(EPOCH * 1000);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});

describe("renderPlainPdf", () => {
  it("prints the same page once: the same pages, running head and all, but no contents numbers", async () => {
    const plain = await inspectPdf((await renderPlainPdf(browser, job)).bytes);
    expect(plain.tagged).toBe(true);
    expect(plain.pages).toBe(pdf.pages);
    expect(lines(plain.text[1]!)[0]).toBe(lines(pdf.text[1]!)[0]);
    const contents = plain.text.find((page) => page.includes("Contents"))!;
    expect(contents).toMatch(/^\s*1\. Introduction\s*$/m);
    expect(count(plain.text.join("\n"), /\bA040\b/g)).toBe(4);
  });
});

/** A site folder holding the long-table fixture and the print stylesheet with `extraCss` appended. */
async function siteWithCss(extraCss: string): Promise<string> {
  const site = await mkdtemp(path.join(tmpdir(), "print-css-"));
  await mkdir(path.join(site, "templates/print"), { recursive: true });
  const css = await readFile(path.join(repo, "templates/print/print.css"), "utf8");
  await writeFile(path.join(site, "templates/print/print.css"), `${css}\n${extraCss}\n`);
  await cp(fixture("long-table.html"), path.join(site, "long-table.html"));
  return site;
}

describe("renderPdf failures", () => {
  it("fails with a clear message when the print page is missing", async () => {
    const missing = { ...job, htmlPath: fixture("no-such-page.html") };
    await expect(renderPdf(browser, missing)).rejects.toThrow(PdfError);
    await expect(renderPdf(browser, missing)).rejects.toThrow(/could not be loaded: the server answered 404/);
  });

  it("fails when a script on the page throws, instead of printing a half-laid-out page", async () => {
    await expect(renderPdf(browser, { ...job, htmlPath: fixture("script-error.html") })).rejects.toThrow(/a script error stopped the PDF of .*boom/);
  });

  it("refuses a PDF that lost words of the page, as when a box too small for its text hides the rest", async () => {
    const site = await siteWithCss(".cover { height: 12mm; overflow: hidden; }");
    const error = await renderPdf(browser, { ...job, htmlPath: path.join(site, "long-table.html"), siteRoot: site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).problem.code).toBe("pdf-content-lost");
    expect((error as PdfError).problem.message).toMatch(/lost \d+ words of the report \(among them: ".*Reporting period.*"\)/);
  });

  it("refuses a PDF whose pages moved when the contents numbers were filled in", async () => {
    // Number boxes one character wide: "000" takes three lines in the first print, a page number one
    // in the second, so everything after the contents moves up.
    const site = await siteWithCss(".contents__page { width: 1ch; word-break: break-all; } .new-page { break-before: auto; }");
    const error = await renderPdf(browser, { ...job, htmlPath: path.join(site, "long-table.html"), siteRoot: site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).problem.code).toBe("pdf-pagination-moved");
    expect((error as PdfError).problem.message).toMatch(/"#(introduction|action-plan|next-steps)" moved on page \d+/);
  });

  it("counts words lost between the page and the PDF, hyphen breaks and repeats included", () => {
    expect(missingWords("Run the well-being survey twice twice", "Run the well-\nbeing survey twice twice Page 1 of 2")).toEqual([]);
    expect(missingWords("Action A040: one two two", "Action two")).toEqual(["A040:", "one", "two"]);
    // A long address a narrow cell broke in the middle is still there.
    expect(missingWords("see https://example.nhs.uk/a/very/long/path now", "see https://example.nhs.uk/a/ve\nry/long/path now")).toEqual([]);
  });

  it("gives up after the time limit", async () => {
    await expect(renderPdf(browser, { ...job, timeoutMs: 50 })).rejects.toThrow(/not finished after 0.05 seconds/);
  });
});
