/**
 * The PDFs of the repository's own examples, built by the real pipeline in real Chromium and
 * parsed from their bytes: numbering, contents, repeated table headers, metadata, tags, fonts,
 * the board-paper cover sheet, PDF/UA clauses, and how the pages are used (issue 21: page count,
 * type sizes, no stranded headings, no near-empty pages, no word broken in a table header).
 */
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, loadAndValidate } from "../scripts/build.ts";
import { PDFDocument } from "pdf-lib";
import { inspectPdf, pageLayout, pdfText, type PageLayout, type PdfInspection } from "../scripts/pdf/inspect-pdf.ts";
import { readDestinations } from "../scripts/pdf/destinations.ts";
import { launchBrowser } from "../scripts/pdf/browser.ts";
import { routeSite } from "../scripts/pdf/site-origin.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { planModel } from "../scripts/action-plan/plan-model.ts";
import type { Project } from "../scripts/validate/validate-project.ts";
import { repoRoot } from "./project.ts";

let out: string;
let project: Project;
const pdfs = new Map<string, PdfInspection>();
const layouts = new Map<string, PageLayout[]>();
/** The page (1 = first) of each element a contents entry or link points at. */
const pagesOf = new Map<string, Map<string, number>>();
/** The margins of print.css's @page rule. */
const MARGINS = { top: 18, right: 17, bottom: 16, left: 17 };

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "pdf-test-")), "_site");
  await build({ outputDir: out, check: false, quiet: true });
  project = await loadAndValidate(repoRoot);
  for (const r of project.reports) {
    const key = `${r.organisation}/${r.slug}`;
    const bytes = await readFile(path.join(out, key, `${r.organisation}-${r.slug}.pdf`));
    pdfs.set(key, await inspectPdf(bytes));
    layouts.set(key, await pageLayout(bytes, MARGINS));
    const destinations = readDestinations(await PDFDocument.load(bytes, { updateMetadata: false }));
    pagesOf.set(key, new Map([...destinations].map(([id, d]) => [id, d.page])));
  }
}, 300_000);

describe("the PDF of every example report", () => {
  it("numbers every page \"Page X of Y\" with the real page count", () => {
    expect(pdfs.size).toBeGreaterThanOrEqual(4);
    for (const [key, pdf] of pdfs) {
      expect(pdf.pages, key).toBeGreaterThan(3);
      pdf.text.forEach((text, i) => expect(text, `${key} page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pages}`));
    }
  });

  it("heads every page from the contents on with the organisation's name, from the print layout's custom properties", () => {
    for (const report of project.reports) {
      const pdf = pdfs.get(`${report.organisation}/${report.slug}`)!;
      const name = squash(project.organisations.find((o) => o.slug === report.organisation)!.data.name);
      const contents = pdf.text.findIndex((t) => /^\s*Contents\s*$/m.test(t));
      expect(contents, report.organisation).toBeGreaterThan(0);
      pdf.text.slice(contents).forEach((text, i) => expect(squash(text).slice(0, 30), `${report.organisation} page ${contents + i + 1}`).toBe(name.slice(0, 30)));
    }
  });

  it("has a contents page whose numbers are the pages where the headings are", () => {
    for (const [key, pdf] of pdfs) {
      const contentsPage = pdf.text.findIndex((t) => /^\s*Contents\s*$/m.test(t));
      expect(contentsPage, key).toBeGreaterThanOrEqual(0);
      const entries = [...pdf.text[contentsPage]!.matchAll(/^(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
      expect(entries.length, key).toBeGreaterThanOrEqual(3);
      for (const { title, page } of entries) {
        // The heading's first words stand on the page the contents names (headings may wrap).
        const words = squash(title).split(" ").slice(0, 4).join(" ");
        expect(squash(pdf.text[page - 1] ?? ""), `${key}: "${title}" on page ${page}`).toContain(words);
      }
    }
  });

  it("repeats each action table's header row on every page the table runs over", () => {
    let continued = 0;
    for (const report of project.reports) {
      const pdf = pdfs.get(`${report.organisation}/${report.slug}`)!;
      const plan = report.plan.data;
      for (const theme of planModel(plan).themes) {
        for (const action of theme.actions.filter((a) => a.id !== undefined)) {
          const idAtRowStart = new RegExp(`^\\s*${action.id!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s{2,}`, "m");
          // Only the action plan's pages: elsewhere "1.2" can be a chart's axis label.
          const planStarts = pagesOf.get(`${report.organisation}/${report.slug}`)!.get("action-plan")! - 1;
          const pagesWithRow = pdf.text.flatMap((t, i) => (i >= planStarts && idAtRowStart.test(t) ? [i] : []));
          for (const i of pagesWithRow) {
            expect(pdf.text[i], `${report.organisation} action ${action.id} on page ${i + 1}`).toMatch(new RegExp(`^\\s*${plan.columns?.id ?? "Action"}\\s+(What we will do|Objective|Actions)\\s`, "m"));
            if (!squash(pdf.text[i]!).includes(squash(theme.name))) continued++;
          }
        }
      }
    }
    // Some tables really do run over a page in the examples, so the repetition was exercised.
    expect(continued).toBeGreaterThan(0);
  });

  it("sets title, author, subject and language, shows the title, has bookmarks, tags and embedded fonts", () => {
    for (const report of project.reports) {
      const pdf = pdfs.get(`${report.organisation}/${report.slug}`)!;
      const org = project.organisations.find((o) => o.slug === report.organisation)!;
      expect(pdf.info.title).toBe(report.data.title ?? report.plan.data.title);
      expect(pdf.info.author).toBe(org.data.name);
      expect(pdf.info.subject).toContain(report.plan.data.period);
      expect(pdf.lang).toBe("en-GB");
      expect(pdf.displayDocTitle).toBe(true);
      expect(pdf.tagged).toBe(true);
      expect(pdf.outline.length).toBeGreaterThan(2);
      expect(pdf.fonts.length).toBeGreaterThan(0);
      expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    }
  });

  it("meets the PDF/UA clauses we rely on: artifacts, figures with alternate text, role map, described links, XMP, bookmarks as the headings read", async () => {
    for (const report of project.reports) {
      const key = `${report.organisation}/${report.slug}`;
      const ua = pdfs.get(key)!.accessibility;
      expect(ua.unmarked, key).toEqual([]);
      expect(ua.unreadablePages, key).toBe(0);
      expect(ua.figures.filter((f) => !f.alt?.trim()), key).toEqual([]);
      expect(ua.unmappedTypes, key).toEqual([]);
      expect(ua.links.length, key).toBeGreaterThan(3);
      expect(ua.links.filter((l) => !l.contents?.trim()), key).toEqual([]);
      expect(ua.untaggedLinks, key).toBe(0);
      expect(ua.xmp, key).toEqual({ title: pdfs.get(key)!.info.title, pdfuaPart: "1" });
      // Every bookmark is a heading of the print page, word for word with its spaces.
      const page = parsePage(await readFile(path.join(out, key, "print.html"), "utf8"));
      const headings = new Set([...page.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => squash(h.textContent ?? "")));
      for (const { title } of pdfs.get(key)!.outline) expect(headings, `${key}: bookmark "${title}"`).toContain(title);
    }
    // The example with charts has figures, each with its own alternate text (the chart's accessible name).
    const figures = pdfs.get("example-nhs-trust/2024-25")!.accessibility.figures;
    expect(figures.length).toBeGreaterThan(20);
  });

  it("keeps text extractable in reading order: cover, then contents, then the plan", () => {
    const pdf = pdfs.get("norfolk-and-waveney-ccg/2021-22")!;
    const all = squash(pdf.text.join(" "));
    const order = ["Workforce Race Equality Standard (WRES) Action Plan 2021/22", "Contents", "Theme 1: Representation, Recruitment and Retention", "Theme 4: Staff Experience"].map((s) =>
      all.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("opens the board paper with the standard cover sheet", () => {
    const pdf = pdfs.get("cambridgeshire-community-services/2023-24")!;
    const firstPage = squash(pdf.text[0]!);
    for (const field of ["Report to Trust Board", "22 November 2023", "Agenda item 13", "Purpose of the report", "For noting: ☑ yes", "For decision: ☐ no", "Executive summary"])
      expect(firstPage).toContain(field);
    // All on the one page (the seed's ran on: a board pack's cover sheet is one page).
    for (const field of ["Recommendation", "Report author Angela Hartley", "Executive sponsors", "Assurance level Substantial", "Rationale for assurance"]) expect(firstPage).toContain(field);
  });

  it("shows the organisation's logo on the cover (its file is in the site before the PDFs are printed)", () => {
    // The example logo is an SVG whose words, "Example Trust", print as text beside the NHS mark.
    expect(pdfs.get("example-nhs-trust/2024-25")!.text[0]).toMatch(/^\s*Example Trust\s*$/m);
  });

  it("shows each chart with its text alternative in the PDF of the report with data", async () => {
    // In the order drawn: a caption stands beside its chart, so the page's layout interleaves their lines.
    const all = squash(await pdfText(await readFile(path.join(out, "example-nhs-trust/2024-25/example-nhs-trust-2024-25.pdf"))));
    expect(all).toContain("Data for this chart");
    expect(all).toMatch(/Culturally diverse staff are \d+\.\d% of non- ?clinical staff in Bands? \d/); // "non-" may end a line
  });
});

describe("how the PDFs use their pages (issue 21)", () => {
  const printPage = async (key: string) => parsePage(await readFile(path.join(out, key, "print.html"), "utf8"));
  /** The page (1 = first) the contents are on: the pages before it are covers. */
  const contentsPage = (key: string) => pdfs.get(key)!.text.findIndex((t) => /^\s*Contents\s*$/m.test(t)) + 1;

  it("prints the example trust's report on at most 28 pages (48 with Paged.js and 11 pt type)", () => {
    expect(pdfs.get("example-nhs-trust/2024-25")!.pages).toBeLessThanOrEqual(28);
  });

  it("leaves no page under 40% used, except the covers, the page before the appendix or a change of page size, and the last", () => {
    for (const [key, pages] of layouts) {
      // The covers and the appendix start a page, and so does a wide action plan on its landscape pages; the contents follow on.
      const contents = contentsPage(key);
      const appendix = pagesOf.get(key)!.get("chart-data");
      pages.forEach(({ fill, landscape }, i) => {
        const page = i + 1;
        if (page < contents || page === pages.length || page + 1 === appendix || pages[i + 1]!.landscape !== landscape) return;
        expect(fill, `${key} page ${page} is ${Math.round(fill * 100)}% used`).toBeGreaterThanOrEqual(0.4);
      });
    }
  });

  it("prints a wide action plan, and only it, on landscape pages, so that its columns keep their words whole", async () => {
    let wide = 0;
    for (const [key, pages] of layouts) {
      const landscape = pages.flatMap((p, i) => (p.landscape ? [i + 1] : []));
      if (!(await printPage(key)).querySelector(".print-action-plan.landscape")) {
        expect(landscape, key).toEqual([]);
        continue;
      }
      wide++;
      // From the action plan's heading to the page before the appendix (or the last page), every page and no other.
      const first = pagesOf.get(key)!.get("action-plan")!;
      const last = (pagesOf.get(key)!.get("chart-data") ?? pages.length + 1) - 1;
      expect(landscape, key).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    }
    // The examples include a plan of more than six columns (objective, current position, ...).
    expect(wide).toBeGreaterThan(0);
  });

  it("starts the appendix's tables on its heading's page", async () => {
    const key = "example-nhs-trust/2024-25";
    const first = (await printPage(key)).querySelector(".chart-data__table")!.id;
    expect(pagesOf.get(key)!.get("chart-data")).toBeDefined();
    expect(pagesOf.get(key)!.get(first)).toBe(pagesOf.get(key)!.get("chart-data"));
  });

  it("never ends a page with a heading, a caption, a list number or a line that leads into a list", async () => {
    for (const [key, pages] of layouts) {
      const html = await printPage(key);
      // Headings and captions, less any that a paragraph also says word for word (then the PDF cannot tell which ends the page).
      const paragraphs = new Set([...html.querySelectorAll("p, li")].map((e) => squash(e.textContent ?? "")));
      const titles = [...html.querySelectorAll("h1, h2, h3, h4, h5, h6, caption, .chart-figure__title")].map((e) => squash(e.textContent ?? "")).filter((t) => !paragraphs.has(t));
      pages.forEach(({ lastLine }, i) => {
        if (i + 1 < contentsPage(key)) return; // a cover's last line may echo a heading ("2023/24")
        const line = squash(lastLine);
        // A list number is short: a year ending a sentence ("2024.") is not one.
        expect(/^(\d{1,2}\.|•)$/.test(line), `${key} page ${i + 1} ends with a list number: "${line}"`).toBe(false);
        expect(line.endsWith(":"), `${key} page ${i + 1} ends with "${line}", which leads into what is on the next page`).toBe(false);
        if (line.length < 6 || !line.includes(" ")) return; // one word ends many a table row too
        const title = titles.find((t) => t.endsWith(line));
        expect(title, `${key} page ${i + 1} ends with "${line}", the end of a heading or caption`).toBeUndefined();
      });
    }
  });

  it("keeps every page's words inside its text area: nothing runs into the margins", () => {
    for (const [key, pages] of layouts) pages.forEach(({ outside }, i) => expect(outside, `${key} page ${i + 1}`).toEqual([]));
  });

  it("breaks no word inside a table header", async () => {
    const count = (words: string[]) => words.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    for (const [key, pdf] of pdfs) {
      const html = await printPage(key);
      // An action table's caption is not printed (print.css): it says again the heading above it.
      for (const caption of html.querySelectorAll(".action-table caption")) caption.remove();
      // Each header word is printed whole at least as often as the page says it (headers repeated on later pages add more).
      // Split at hyphens too: a line may end at a hyphen, which is a proper place to break.
      const split = (text: string) =>
        text
          .split(/[\s\-\u2010\u2011]+/)
          .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
          .filter((w) => w.length > 3);
      const printed = count(split(pdf.text.join(" ")));
      // Chart labels left out: a chart draws its own text (its legend may be cut short, the charts' check).
      const textNodes = (root: Node): string[] =>
        [...root.childNodes].flatMap((n) => (n.nodeType === 3 ? [n.textContent ?? ""] : n.nodeName.toLowerCase() === "svg" || (n as Element).classList?.contains("nhsuk-u-visually-hidden") ? [] : textNodes(n)));
      const words = (root: Node) => textNodes(root).flatMap(split);
      // As often as the table headers say it (the body's words wrap by other rules, and a hidden word is not printed).
      const said = count([...html.querySelectorAll("th")].flatMap(words));
      const headerWords = new Set([...html.querySelectorAll("th")].flatMap(words));
      expect(headerWords.size, key).toBeGreaterThan(2);
      for (const word of headerWords) expect(printed.get(word) ?? 0, `${key}: table header word "${word}" printed whole`).toBeGreaterThanOrEqual(said.get(word) ?? 0);
    }
  });

  it("keeps every table cell's words inside the cell, and each appendix table whole in its column, laid out at the page's text width", async () => {
    const browser = await launchBrowser();
    try {
      for (const key of pdfs.keys()) {
        // The text area of an A4 page less print.css's margins, in CSS px.
        const width = Math.round(((210 - MARGINS.left - MARGINS.right) / 25.4) * 96);
        const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 1000 } });
        const page = await context.newPage();
        await page.goto((await routeSite(context, out))(`${key}/print.html`));
        await page.emulateMedia({ media: "print" });
        const found = await page.evaluate(() => {
          const name = (e: Element) => (e.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
          // A word that will not wrap (a status tag held on one line) runs over the next cell.
          const overflowing = [...document.querySelectorAll("td, th")].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map(name);
          // A table split between the two columns has a box in each.
          const split = [...document.querySelectorAll(".chart-data__table")].filter((t) => t.getClientRects().length > 1).map(name);
          return { overflowing, split, tables: document.querySelectorAll(".chart-data__table").length };
        });
        await context.close();
        expect(found.overflowing, key).toEqual([]);
        expect(found.split, key).toEqual([]);
        if (key === "example-nhs-trust/2024-25") expect(found.tables).toBeGreaterThan(10);
      }
    } finally {
      await browser.close();
    }
  });

  it("prints body text at 12 point, tables and notes at 10 point or more, a board cover sheet at 9 (chart text is the charts' check)", async () => {
    const browser = await launchBrowser();
    try {
      for (const key of pdfs.keys()) {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        await page.goto((await routeSite(context, out))(`${key}/print.html`));
        await page.emulateMedia({ media: "print" });
        const sizes = await page.evaluate(() => {
          const pt = (element: Element) => (parseFloat(getComputedStyle(element).fontSize) * 72) / 96;
          const texts = [...document.body.querySelectorAll("*")].filter(
            (e) => !e.closest("svg") && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "") && e.getClientRects().length > 0,
          );
          const body = texts.filter((e) => /^(P|LI)$/.test(e.tagName) && !e.closest("table, figure, nav"));
          // A board paper's cover sheet is set at 9 point, to keep it to its one page.
          const sheet = texts.filter((e) => e.closest(".board-cover"));
          const rest = texts.filter((e) => !e.closest(".board-cover"));
          return { smallest: Math.min(...rest.map(pt)), smallestSheet: Math.min(...sheet.map(pt)), smallestBody: Math.min(...body.map(pt)), body: body.length };
        });
        await context.close();
        expect(sizes.body, key).toBeGreaterThan(5);
        expect(sizes.smallestBody, `${key}: body text`).toBeGreaterThanOrEqual(11.99);
        expect(sizes.smallest, `${key}: any text`).toBeGreaterThanOrEqual(9.99); // 10 pt is 13.333 px
        expect(sizes.smallestSheet, `${key}: the cover sheet`).toBeGreaterThanOrEqual(8.99);
      }
    } finally {
      await browser.close();
    }
  });

  it("prints at full size: nothing so wide that Chromium shrank the pages to fit (body text measures 12 point on the page)", () => {
    for (const [key, pages] of layouts) {
      // Poppler's word boxes are as tall as the font's ascent and descent: 1.117 em for Liberation Sans (Arial's metrics).
      const heights = pages.flatMap((page) => page.wordHeights);
      // The commonest sizes are the stylesheet's whole points (12, 10 ...), exactly: a shrunk print has 11.9 and 9.9.
      const common = [...heights.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map<number, number>())].sort((a, b) => b[1] - a[1]).slice(0, 2);
      for (const [height] of common) {
        const size = height / 1.117;
        expect(Math.abs(size - Math.round(size)), `${key}: a common text size is ${size.toFixed(2)} pt`).toBeLessThan(0.03);
      }
    }
  });

  it("lists every section a reader looks for in the contents: each indicator, each theme, the appendix", async () => {
    const html = await printPage("example-nhs-trust/2024-25");
    const entries = [...html.querySelectorAll("nav.contents a")].map((a) => a.getAttribute("href"));
    const targets = [...html.querySelectorAll(".indicator-list__item, .action-theme > h3, #at-a-glance, #chart-data")].map((e) => `#${e.getAttribute("id")}`);
    expect(targets.length).toBeGreaterThan(20);
    for (const target of targets) expect(entries, target).toContain(target);
  });

  it("numbers no list of indicators itself: the headings carry the indicators' own numbers", () => {
    const pdf = pdfs.get("example-nhs-trust/2024-25")!;
    expect(pdf.text.join("\n")).not.toMatch(/^[ \t]*\d+\.[ \t]+(WRES|WDES) /m); // on one line: "2024." may end a line before a heading
  });

  it("holds what a board needs: the at-a-glance summary after the contents, and the progress line", async () => {
    const key = "example-nhs-trust/2024-25";
    const at = pagesOf.get(key)!;
    // The summary is on the contents page or after it, and before the report's first section of its own.
    const firstSection = (await printPage(key)).querySelector(".report-body > h2[id]")!.getAttribute("id")!;
    expect(at.get("at-a-glance")).toBeGreaterThanOrEqual(contentsPage(key));
    expect(at.get("at-a-glance")).toBeLessThanOrEqual(at.get(firstSection)!);
    const text = squash(pdfs.get(key)!.text.join(" "));
    expect(text.lastIndexOf("At a glance")).toBeLessThan(text.lastIndexOf(squash((await printPage(key)).getElementById(firstSection)!.textContent)));
    expect(text).toMatch(/Progress as at [^:]*: .*1 action complete/);
  });

  it("fits a board paper's cover sheet on its first page: its last words there, the report's own cover next", async () => {
    let sheets = 0;
    for (const report of project.reports) {
      const key = `${report.organisation}/${report.slug}`;
      const sheet = (await printPage(key)).querySelector(".board-cover");
      if (!sheet) continue;
      sheets++;
      const text = pdfs.get(key)!.text.map(squash);
      const lastWords = squash([...sheet.querySelectorAll("td")].at(-1)!.textContent ?? "").split(" ").slice(-3).join(" ");
      expect(text[0], key).toContain(lastWords);
      expect(text[1], key).toContain(squash(report.data.title ?? report.plan.data.title));
      expect(contentsPage(key), key).toBe(3);
    }
    expect(sheets).toBeGreaterThan(0);
  });

  it("puts the board paper's cover sheet first as its one h1, with one top-level bookmark per section", () => {
    const pdf = pdfs.get("cambridgeshire-community-services/2023-24")!;
    const top = pdf.outline.filter((o) => o.depth === 1).map((o) => o.title);
    expect(top).toEqual(["Bi-Annual People Strategy Update"]);
    const sections = pdf.outline.filter((o) => o.depth === 2).map((o) => o.title);
    expect(new Set(sections).size).toBe(sections.length);
    expect(sections[0]).toBe("Contents");
    expect(squash(pdf.text[0]!)).toMatch(/^Bi-Annual People Strategy Update Report to the Trust Board/);
  });
});
