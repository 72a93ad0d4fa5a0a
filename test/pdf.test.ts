/**
 * The PDFs of the repository's own examples, built by the real pipeline in real Chromium and
 * parsed from their bytes: numbering, contents, repeated table headers, metadata, tags, fonts,
 * and the board-paper cover sheet.
 */
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, loadAndValidate } from "../scripts/build.ts";
import { inspectPdf, type PdfInspection } from "../scripts/pdf/inspect-pdf.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { planModel } from "../scripts/action-plan/plan-model.ts";
import type { Project } from "../scripts/validate/validate-project.ts";
import { repoRoot } from "./project.ts";

let out: string;
let project: Project;
const pdfs = new Map<string, PdfInspection>();

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "pdf-test-")), "_site");
  await build({ outputDir: out, check: false, quiet: true });
  project = await loadAndValidate(repoRoot);
  for (const r of project.reports) {
    const key = `${r.organisation}/${r.slug}`;
    pdfs.set(key, await inspectPdf(await readFile(path.join(out, key, `${r.organisation}-${r.slug}.pdf`))));
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
          const planStarts = pdf.text.findIndex((t) => /Actions for /.test(t));
          const pagesWithRow = pdf.text.flatMap((t, i) => (i >= planStarts && idAtRowStart.test(t) ? [i] : []));
          for (const i of pagesWithRow) {
            expect(pdf.text[i], `${report.organisation} action ${action.id} on page ${i + 1}`).toMatch(new RegExp(`^\\s*${plan.columns?.id ?? "Action"}\\s{2,}(What we will do|Objective|Actions)\\s`, "m"));
            if (!new RegExp(`Actions for ${theme.name}`).test(pdf.text[i]!)) continued++;
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
    // The cover sheet runs on, as the seed's does, before the report's own cover.
    const coverSheet = squash(pdf.text.slice(0, pdf.text.findIndex((t) => /^\s*Contents\s*$/m.test(t))).join(" "));
    for (const field of ["Recommendation", "Report author Angela Hartley", "Executive sponsors", "Assurance level Substantial", "Rationale for assurance rating"]) expect(coverSheet).toContain(field);
  });

  it("shows each chart with its text alternative in the PDF of the report with data", () => {
    const pdf = pdfs.get("example-nhs-trust/2024-25")!;
    const all = squash(pdf.text.join(" "));
    expect(all).toContain("Data for this chart");
    expect(all).toMatch(/Culturally diverse staff are \d+\.\d% of non-clinical staff in Band \d/);
  });
});
