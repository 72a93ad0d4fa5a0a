// Renders test/fixtures/print/long-table.html in the real Chromium and reads the real PDF back with poppler.
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchBrowser } from "./browser.ts";
import { inspectPdf, pageLayout, type PdfInspection } from "./inspect-pdf.ts";
import { PdfError } from "./pdf-error.ts";
import { missingWords, renderPdf, renderPlainPdf, type PdfJob, type RenderedPdf } from "./render-pdf.ts";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { checkPdf } from "../check/pdf-structure.ts";
import { makeAccessible } from "./pdf-ua.ts";
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

const run = promisify(execFile);
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

/** Poppler's reading of the structure tree: each element's type, and the text of its marked content. */
async function structText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "struct-"));
  await writeFile(path.join(dir, "a.pdf"), bytes);
  return (await run("pdfinfo", ["-struct-text", path.join(dir, "a.pdf")], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

describe("the PDF/UA corrections, on the real PDF", () => {
  let plain: PdfInspection;
  let plainBytes: Uint8Array;
  beforeAll(async () => {
    plainBytes = (await renderPlainPdf(browser, job)).bytes;
    plain = await inspectPdf(plainBytes);
  });

  it("marks the running head, page numbers and contents leaders as artifacts: nothing painted is left untagged", async () => {
    expect(plain.accessibility.unmarked.length).toBe(plain.pages); // Chromium leaves every page's margin boxes unmarked
    expect(pdf.accessibility.unmarked).toEqual([]);
    expect(pdf.accessibility.unreadablePages).toBe(0);
    // Poppler agrees: the words are on the pages, but not in the tags a screen reader follows.
    const tagged = await structText(first.bytes);
    expect(pdf.text[1]).toContain("Page 2 of");
    expect(tagged).not.toMatch(/Page \d+ of/);
    expect(tagged).not.toContain("Fixture NHS Foundation Trust Workforce");
  });

  it("keeps the structure tree and its marked content: the figure wrapper becomes a group, /Strong becomes readable", async () => {
    const corrected = await PDFDocument.load(plainBytes, { updateMetadata: false });
    makeAccessible(corrected, { headings: [], links: [] }, meta);
    const before = await structText(plainBytes);
    const after = await structText(await corrected.save());
    // Poppler skips an element of a type it does not know ("StructElem object is wrong type"): role-mapped, /Strong is read.
    expect(before).not.toContain('"Every quarter"');
    const strong = /\n( *)Span \(inline\)\n\1  NonStruct\n\1    "Every quarter"/;
    expect(after).toMatch(strong);
    const beforeLines = before.split("\n");
    const afterLines = after.replace(strong, "").split("\n");
    expect(afterLines).toHaveLength(beforeLines.length);
    const changed = beforeLines.flatMap((line, i) => (line === afterLines[i] ? [] : [[line.trim(), afterLines[i]!.trim()]]));
    expect(changed).toEqual([["Figure", "Div"]]);
    expect(after).toContain('"The people committee will review the plan in September 2025."');
  });

  it("tags the <figure> wrapper as a group, so that every figure has alternate text", () => {
    expect(plain.accessibility.figures.filter((f) => !f.alt)).toHaveLength(1);
    expect(pdf.accessibility.figures).toEqual([{ alt: "Bar chart: 20 of 80 actions complete" }]);
    expect(pdf.accessibility.types.Div).toBe(1);
  });

  it("role-maps /Strong to a standard type", () => {
    expect(plain.accessibility.unmappedTypes).toEqual(["Strong"]);
    expect(pdf.accessibility.types.Strong).toBe(1);
    expect(pdf.accessibility.unmappedTypes).toEqual([]);
  });

  it("describes every link: a contents entry by its section and page, a web link by its words", () => {
    expect(plain.accessibility.links.every((l) => l.contents === undefined)).toBe(true);
    const links = pdf.accessibility.links;
    expect(links.filter((l) => !l.contents)).toEqual([]);
    expect(pdf.accessibility.untaggedLinks).toBe(0);
    const contents = pdf.text.findIndex((page) => page.includes("Contents"));
    const introduction = pdf.text.findIndex((page, i) => i !== contents && lines(page).includes("1. Introduction")) + 1;
    expect(links[0]).toEqual({ target: "#introduction", contents: `1. Introduction, page ${introduction}` });
    expect(links.at(-1)).toEqual({ target: "https://www.england.nhs.uk/about/equality/equality-hub/workforce-equality-data-standards/", contents: "NHS England website" });
    expect(pdf.accessibility.pagesWithoutTabOrder).toBe(0);
  });

  it("keeps the spaces of a heading that runs over two lines in its bookmark", () => {
    const title = "4. Who reviews the plan: the people committee, the staff networks and the board of directors";
    expect(plain.outline.map((o) => o.title)).not.toContain(title); // Chromium runs the words at the line break together
    expect(pdf.outline.map((o) => o.title)).toContain(title);
  });

  it("writes XMP metadata with the title, author and the PDF/UA identifier", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "xmp-"));
    await writeFile(path.join(dir, "a.pdf"), first.bytes);
    const xmp = (await run("pdfinfo", ["-meta", path.join(dir, "a.pdf")])).stdout;
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${meta.title}</rdf:li>`);
    expect(xmp).toContain(`<rdf:li>${meta.author}</rdf:li>`);
    expect(xmp).toContain(`<xmp:CreateDate>${new Date(EPOCH * 1000).toISOString().replace(".000", "")}</xmp:CreateDate>`);
    expect(plain.accessibility.xmp).toBeUndefined();
  });

  it("passes the PDF checks, which find each missing clause in Chromium's own print", async () => {
    expect(await checkPdf("fixture.pdf", first.bytes)).toEqual([]);
    const rules = new Set((await checkPdf("plain.pdf", plainBytes)).map((f) => f.rule));
    expect([...rules].sort()).toEqual(["artifacts", "figure-alt", "link-contents", "role-map", "xmp"]);
  });
});

describe("renderPlainPdf", () => {
  it("prints the same page once: running head and all, but no contents numbers", async () => {
    const plain = await inspectPdf((await renderPlainPdf(browser, job)).bytes);
    expect(plain.tagged).toBe(true);
    expect(lines(plain.text[1]!)[0]!.replace(/\s+/g, " ")).toBe(lines(pdf.text[1]!)[0]!.replace(/\s+/g, " "));
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

  it("fails when a picture the page shows is missing, instead of printing without it", async () => {
    const site = await siteWithCss("");
    const html = await readFile(path.join(site, "long-table.html"), "utf8");
    await writeFile(path.join(site, "long-table.html"), html.replace("<section class=\"cover\">", '<section class="cover"><img src="/logos/missing.svg" alt="" height="90">'));
    const error = await renderPdf(browser, { ...job, htmlPath: path.join(site, "long-table.html"), siteRoot: site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).problem.code).toBe("pdf-resource-missing");
    expect((error as PdfError).problem.message).toMatch(/uses \/logos\/missing.svg, which could not be loaded \(the server answered 404\)/);
  });

  it("keeps a table with a long unbroken word inside the page: its cells' words break instead of running into the margin", async () => {
    const site = await siteWithCss("");
    const html = await readFile(path.join(site, "long-table.html"), "utf8");
    const code = "ESRREF".repeat(24) + "END";
    await writeFile(path.join(site, "long-table.html"), html.replace("<td>Director of People A001</td>", `<td>Director of People ${code}</td>`));
    const bytes = (await renderPdf(browser, { ...job, htmlPath: path.join(site, "long-table.html"), siteRoot: site })).bytes;
    const pages = await pageLayout(bytes, { top: 18, right: 17, bottom: 16, left: 17 });
    pages.forEach(({ outside }, i) => expect(outside, `page ${i + 1}`).toEqual([]));
    // Nor did Chromium shrink the pages to fit it: the commonest words are the table's 10 point (poppler's boxes are 1.117 em tall).
    const heights = pages.flatMap((page) => page.wordHeights);
    const commonest = [...heights.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map<number, number>())].sort((a, b) => b[1] - a[1])[0]![0];
    expect((commonest / 1.117).toFixed(2)).toBe("10.00");
    expect((await inspectPdf(bytes)).text.join("").replace(/\s+/g, "")).toContain(code);
  });

  it("refuses a PDF whose contents numbers would need digits its font does not hold, instead of printing wrong numbers", async () => {
    // The contents numbers in a face the footers do not use: only the placeholder's 0 is in its subset.
    const site = await siteWithCss('.contents__page { font-family: "Liberation Mono", monospace; }');
    const error = await renderPdf(browser, { ...job, htmlPath: path.join(site, "long-table.html"), siteRoot: site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).problem.code).toBe("pdf-contents-numbers");
    expect((error as PdfError).problem.message).toMatch(/has no glyph for the digit [1-9]/);
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
