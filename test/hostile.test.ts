/**
 * Hostile content: a project whose every author-written string tries to inject markup, script,
 * event handlers, `javascript:` and `data:` links, or spreadsheet formulas. The built site is
 * parsed page by page; the PDF's text is read back with pdftotext. Everything must show as text
 * (or be dropped), never run.
 */
import { readdir, readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { inspectPdf } from "../scripts/pdf/inspect-pdf.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { makeProject, repoRoot } from "./project.ts";

const SCRIPT = `<script>alert("x")</script>`;
const IMG = `<img src=x onerror=alert(1)>`;
const FORMULA = `=HYPERLINK("https://evil.example/","Click")`;

/** YAML double-quoted string of any text. */
const q = (text: string) => JSON.stringify(text);

const organisation = `name: ${q(`${FORMULA} Trust ${SCRIPT}`)}
short_name: ${q(`Acme ${IMG}`)}
type: trust
terminology:
  ethnic_minority: ${q(`@SUM(1+1) ${IMG}`)}
contact:
  phone: ${q(`<a href="javascript:alert(1)">call</a>`)}
`;

const plan = `title: ${q(`Plan ${SCRIPT}`)}
period: 2023/24
standards: [WRES, WDES]
introduction: ${q(`Intro <div onclick="alert(2)">click</div> [link](javascript:alert(3))`)}
themes:
  - id: "1"
    title: ${q(`Theme <svg onload=alert(4)>`)}
    wres: [1, 2]
    actions:
      - id: "1.1"
        action: |
          Action <iframe src="javascript:alert(5)"></iframe>
          [a](javascript:alert(6)) [b](JaVaScRiPt:alert(7)) [c](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)
          [d](&#106;avascript:alert(9)) <javascript:alert(10)> ![e](data:image/svg+xml,<svg onload=alert(11)>)
        leads: [${q(`<b onmouseover=alert(12)>Lead</b>`)}]
        timescale: ${q(`-1+1 ${SCRIPT}`)}
        status: in progress
        kpis: [${q(`+cmd|' /C calc'!A0`)}]
      - id: "1.2"
        action: ${q(`Second <object data="x"></object>`)}
        progress: ${q(`<style>body{display:none}</style> progress`)}
        wdes: [2]
`;

const report = `---
title: ${q(`Report ${SCRIPT}`)}
metrics_year: 2024
summary: ${q(`Summary ${IMG}`)}
quotes:
  - text: ${q(`Quote ${SCRIPT} [q](javascript:alert(13))`)}
    name: ${q(`Name ${IMG}`)}
    role: ${q(`<a href=javascript:alert(14)>Role</a>`)}
board_paper:
  report_to: ${q(`Board ${SCRIPT}`)}
  date: 2024-03-31
  agenda_item: ${q(`<img src=x onerror=alert(15)>`)}
  purpose: [noting]
  executive_summary: ${q(`Summary [x](javascript:alert(16)) ${SCRIPT}`)}
  recommendation: ${q(`<button formaction="javascript:alert(17)">Go</button>`)}
  author: { name: ${q(`Author ${IMG}`)}, role: ${q(SCRIPT)} }
  executive_sponsors: [{ name: ${q(`Sponsor <svg><script>alert(18)</script></svg>`)} }]
---
## Foreword ${SCRIPT}

<script>alert("body")</script>

<img src=x onerror=alert(19)>

[link](javascript:alert(20)) [mixed](  JaVaScRiPt:alert(21)) [data](data:text/html,<script>alert(22)</script>)

<a href="javascript:alert(23)" onclick="alert(24)">html link</a>
`;

let site: string;
let files: string[];

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  const metrics = await readFile(path.join(repoRoot, "test/fixtures/bad/_base/data/metrics/acme/2024.yaml"), "utf8");
  const root = await makeProject({
    "data/organisations/acme.yaml": organisation,
    "data/plans/acme/2023-24.yaml": plan,
    "data/metrics/acme/2024.yaml": metrics,
    "content/reports/acme/2023-24.md": report,
  });
  site = path.join(await mkdtemp(path.join(tmpdir(), "hostile-")), "_site");
  await build({ root, outputDir: site, pdf: false, check: false });
  files = await allFiles(site);
});

const isMarkup = (f: string) => /\.(html|svg)$/.test(f);

describe("hostile author content", () => {
  it("builds a site with the report's pages, charts and CSV files", () => {
    expect(files.some((f) => f.endsWith("acme/2023-24/index.html"))).toBe(true);
    expect(files.some((f) => f.endsWith("acme/2023-24/print.html"))).toBe(true);
    expect(files.filter((f) => f.endsWith(".csv")).length).toBeGreaterThan(0);
  });

  it("puts no script element, no event handler and no javascript:/data: link in any page or SVG", async () => {
    const markup = files.filter(isMarkup);
    expect(markup.length).toBeGreaterThan(3);
    for (const file of markup) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(/<script/i);
      expect(text, file).not.toMatch(/<(iframe|object|embed|button|style)[\s>]/i);
      const document = parsePage(file.endsWith(".svg") ? `<!doctype html><html><body>${text}</body></html>` : text);
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of [...element.attributes]) {
          const where = `${path.relative(site, file)}: <${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`;
          expect(attribute.name.toLowerCase().startsWith("on"), where).toBe(false);
          if (["href", "src", "xlink:href", "action", "formaction", "data", "srcset", "poster"].includes(attribute.name.toLowerCase())) {
            // Strip what a browser ignores (control characters, white space) before looking at the scheme.
            const url = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
            expect(url, where).not.toMatch(/^(javascript|vbscript|data):/);
          }
        }
      }
    }
  });

  it("gives every page a Content-Security-Policy that allows no inline script", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const document = parsePage(await readFile(file, "utf8"));
      const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content");
      expect(csp, file).toBeTruthy();
      const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
      const scripts = directives.get("script-src") ?? directives.get("default-src");
      expect(scripts, file).toBeDefined();
      expect(scripts, file).not.toContain("'unsafe-inline'");
      expect(scripts, file).not.toContain("'unsafe-eval'");
      expect(scripts, file).not.toContain("*");
    }
  });

  it("shows the hostile text literally, as text", async () => {
    const page = parsePage(await readFile(path.join(site, "acme/2023-24/index.html"), "utf8"));
    const text = page.body.textContent ?? "";
    for (const literal of [`Summary ${IMG}`, `Theme <svg onload=alert(4)>`, `<script>alert("body")</script>`, "[link](javascript:alert(20))", `Quote ${SCRIPT}`, `<b onmouseover=alert(12)>Lead</b>`, `Second <object data="x"></object>`])
      expect(text).toContain(literal);
    expect(page.querySelector("h1")?.textContent).toContain(`Report ${SCRIPT}`);
  });

  // Titles, descriptions and breadcrumbs come from content/*.11tydata.js as plain strings, so the
  // layout escapes author text exactly once (a reader sees "<", never "&lt;").
  it("escapes author text once only in titles, descriptions and breadcrumbs", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const document = parsePage(await readFile(file, "utf8"));
      const shown = [
        document.title,
        document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "",
        ...[...document.querySelectorAll(".nhsuk-breadcrumb a")].map((a) => a.textContent ?? ""),
      ];
      for (const text of shown) expect(text, file).not.toMatch(/&(lt|gt|quot|amp|#\d+);/);
    }
  });

  it("neutralises spreadsheet formulas in every CSV cell", async () => {
    const csvs = files.filter((f) => f.endsWith(".csv"));
    for (const file of csvs) {
      const cells = (await readFile(file, "utf8")).split(/\r\n/).flatMap((line) => line.split(","));
      for (const cell of cells) {
        const value = cell.replace(/^"|"$/g, "");
        // A plain number such as -2.1 is a number, not a formula.
        if (/^-?\d+(\.\d+)?$/.test(value)) continue;
        expect(value, `${path.basename(file)}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    // The organisation's own term (starting with @) reaches at least one CSV and is neutralised there.
    const all = (await Promise.all(csvs.map((f) => readFile(f, "utf8")))).join("\n");
    expect(all).toContain("'@SUM(1+1)");
  });
});

describe("hostile author content in the PDF", () => {
  it("prints the hostile text literally in the PDF", async () => {
    const root = await makeProject({
      "data/organisations/acme.yaml": organisation,
      "data/plans/acme/2023-24.yaml": plan,
      "content/reports/acme/2023-24.md": report.replace("metrics_year: 2024\n", ""),
    });
    const out = path.join(root, "_site");
    await build({ root, outputDir: out, pdf: true, check: false, quiet: true });
    const pdf = (await allFiles(out)).find((f) => f.endsWith(".pdf"))!;
    const inspection = await inspectPdf(await readFile(pdf));
    const text = inspection.text.join("\n").replace(/\s+/g, " ");
    expect(text).toContain(`Report ${SCRIPT}`);
    expect(text).toContain(`Theme <svg onload=alert(4)>`);
    expect(text).toContain(`Board ${SCRIPT}`);
    expect(text).toContain(`Quote ${SCRIPT}`);
    expect(inspection.info.title).toBe(`Report ${SCRIPT}`);
  });
});
