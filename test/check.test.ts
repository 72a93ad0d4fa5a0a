/**
 * The quality gates (scripts/check/) on real built output in real Chromium: the examples pass,
 * and pages broken on purpose are caught, each with a clear message.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { checkPagesEarly, checkSite } from "../scripts/check/check-site.ts";
import { JsonCache } from "../scripts/cache/content-cache.ts";
import { checkPdf } from "../scripts/check/pdf-structure.ts";
import { launchBrowser } from "../scripts/pdf/browser.ts";
import { routeSite } from "../scripts/pdf/site-origin.ts";
import { readProject } from "../scripts/load/read-project.ts";
import { validateProject } from "../scripts/validate/validate-project.ts";
import { makeProject } from "./project.ts";

let out: string;
let browser: Browser;

const check = (siteDir: string) => checkSite({ siteDir, browser, serve: (c) => routeSite(c, siteDir), checkPdf });

/** A one-page site: the shared assets and one report page, changed by `breakIt`. */
async function brokenSite(breakIt: (html: string) => string, page = "norfolk-and-waveney-ccg/2021-22/index.html"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "broken-site-"));
  await cp(path.join(out, "assets"), path.join(dir, "assets"), { recursive: true });
  await mkdir(path.join(dir, path.dirname(page)), { recursive: true });
  await writeFile(path.join(dir, page), breakIt(await readFile(path.join(out, page), "utf8")));
  return dir;
}

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "check-test-")), "_site");
  await build({ outputDir: out, check: false, quiet: true });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe("check", () => {
  it("finds nothing wrong with the examples: axe at 1280 and 320 px, HTML, links, structure, PDFs", async () => {
    const result = await check(out);
    expect(result.pages).toBeGreaterThanOrEqual(10);
    expect(result.pdfs).toBeGreaterThanOrEqual(4);
    expect(result.findings).toEqual([]);
  });

  it("draws every status and change icon in Chromium: 16 px, in the text's colour, hidden from screen readers", async () => {
    const context = await browser.newContext();
    try {
      const url = await routeSite(context, out);
      const page = await context.newPage();
      let drawn = 0;
      for (const report of ["example-nhs-trust/2024-25", "bsw-ccg/2020-21", "norfolk-and-waveney-ccg/2021-22"]) {
        await page.goto(url(path.join(out, report, "index.html")));
        const icons = await page.$$eval(".status-tag, .direction", (elements) =>
          elements.map((element) => {
            const icon = getComputedStyle(element, "::before");
            return { mask: icon.maskImage, width: icon.width, colour: icon.backgroundColor === getComputedStyle(element).color, words: element.textContent?.trim() };
          }),
        );
        drawn += icons.length;
        for (const icon of icons) {
          expect(icon.mask).toMatch(/^url\("data:image\/svg\+xml,/);
          expect(icon).toMatchObject({ width: "16px", colour: true });
          expect(icon.words).not.toBe("");
        }
      }
      expect(drawn).toBeGreaterThan(20);
    } finally {
      await context.close();
    }
  });

  it("catches a table without header cells", async () => {
    const dir = await brokenSite((html) =>
      html.replace(/<table class="nhsuk-table action-table"[^>]*>[\s\S]*?<\/table>/, (table) => table.replace(/<th\b[^>]*>/g, "<td>").replace(/<\/th>/g, "</td>")),
    );
    const { findings } = await check(dir);
    const headers = findings.find((f) => f.rule === "table-headers");
    expect(headers).toMatchObject({ check: "structure", file: "norfolk-and-waveney-ccg/2021-22/index.html", message: "a table has no header cells" });
    expect(headers!.fix).toContain("<th>");
  });

  it("catches an image without alternative text", async () => {
    const dir = await brokenSite((html) => html.replace("<h1>", '<img src="/assets/images/favicon.svg" width="40" height="40"><h1>'));
    const { findings } = await check(dir);
    const rules = findings.map((f) => `${f.check}:${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(["axe:image-alt", "structure:img-alt", "html:wcag/h37"]));
    expect(findings.find((f) => f.rule === "img-alt")!.fix).toContain("alt");
  });

  it("catches a colour too light for its text", async () => {
    const dir = await brokenSite((html) => html.replace("</head>", "<style>.nhsuk-header { background-color: #41b6e6; }</style></head>"));
    const { findings } = await check(dir);
    const contrast = findings.filter((f) => f.rule === "color-contrast");
    expect(contrast.length).toBeGreaterThan(0);
    expect(contrast[0]!.fix).toMatch(/contrast/i);
  });

  it("catches a colour too light only at 320 px, and says the width", async () => {
    const dir = await brokenSite((html) => html.replace("</head>", "<style>@media (max-width: 400px) { .nhsuk-header { background-color: #41b6e6; } }</style></head>"));
    const contrast = (await check(dir)).findings.filter((f) => f.rule === "color-contrast");
    expect(contrast.length).toBeGreaterThan(0);
    expect(contrast.every((f) => f.element.endsWith("(at 320px)"))).toBe(true);
  });

  it("takes a page's findings from its early check while its bytes are those checked, and checks it again when they are not", async () => {
    const page = "norfolk-and-waveney-ccg/2021-22/index.html";
    const light = (html: string) => html.replace("</head>", "<style>.nhsuk-header { background-color: #41b6e6; }</style></head>");
    const dir = await brokenSite(light, page);
    const options = { siteDir: dir, browser, serve: (c: BrowserContext) => routeSite(c, dir), checkPdf };
    const rules = async (early: Awaited<ReturnType<typeof checkPagesEarly>>) => (await checkSite({ ...options, early })).findings.filter((f) => f.check !== "links").map((f) => f.rule);
    // Checked early and unchanged: the early check's findings.
    expect(await rules(await checkPagesEarly(options, [page]))).toContain("color-contrast");
    // Checked early, then mended before the site's checks: checked again, nothing found.
    const early = await checkPagesEarly(options, [page]);
    const original = await readFile(path.join(out, page), "utf8");
    await writeFile(path.join(dir, page), original);
    expect(await rules(early)).toEqual([]);
    // Checked early while sound, then broken: found.
    const sound = await checkPagesEarly(options, [page]);
    await writeFile(path.join(dir, page), light(original));
    expect(await rules(sound)).toContain("color-contrast");
  });

  it("catches a heading level skipped and a title used twice", async () => {
    // The first heading after the h1 becomes an h4: a level skipped.
    const dir = await brokenSite((html) => html.replace(/<h2 id="contents-heading"([^>]*)>([^<]*)<\/h2>/, '<h4 id="contents-heading"$1>$2</h4>'));
    await cp(path.join(dir, "norfolk-and-waveney-ccg/2021-22/index.html"), path.join(dir, "norfolk-and-waveney-ccg/2021-22/copy.html"));
    const { findings } = await check(dir);
    const rules = findings.map((f) => `${f.check}:${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(["structure:heading-order", "links:unique-title"]));
  });

  it("checks a page again only when it, or a file it loads, changed", async () => {
    const dir = await brokenSite((html) => html);
    const cache = { results: new JsonCache(await mkdtemp(path.join(tmpdir(), "check-cache-"))), tool: "test" };
    // The page's own findings (alone, its links to the rest of the site are broken).
    const cached = async () => {
      const result = await checkSite({ siteDir: dir, browser, serve: (c) => routeSite(c, dir), checkPdf, cache });
      return { ...result, findings: result.findings.filter((f) => f.check !== "links") };
    };
    expect(await cached()).toMatchObject({ pages: 1, reused: 0, findings: [] });
    expect(await cached()).toMatchObject({ pages: 1, reused: 1, findings: [] });
    // A stylesheet the page loads changes: checked again, and the new problem is found.
    await writeFile(path.join(dir, "assets/site.css"), `${await readFile(path.join(dir, "assets/site.css"), "utf8")}\nh1 { color: #aaa; }`);
    const restyled = await cached();
    expect(restyled.reused).toBe(0);
    expect(restyled.findings.map((f) => f.rule)).toContain("color-contrast");
  });

  it("catches a chart whose labels run off its edge, naming the report and the chart", async () => {
    // The first chart's box made narrower than its layout: the labels past 200 units are cut off.
    const page = "example-nhs-trust/2024-25/index.html";
    const dir = await brokenSite((html) => html.replace(/(<svg [^>]*viewBox="0 0 )280/, "$1200"), page);
    const { findings } = await check(dir);
    const charts = findings.filter((f) => f.check === "charts");
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((f) => f.file === page && f.rule === "chart-outside" && f.element.startsWith("#chart-wres-1-non-clinical "))).toBe(true);
    expect(new Set(charts.map((f) => f.element.replace(/.*\((.*)\)$/, "$1")))).toEqual(new Set(["at 1280px", "at 320px"]));
    expect(charts[0]!.message).toMatch(/^the representation chart: the label .* is not wholly inside the chart/);
    // The fix names the chart type's spec, where its labels are laid out.
    expect(charts[0]!.fix).toContain("scripts/charts/specs/representation.ts");
  });

  it("catches a printed chart whose labels run off its edge, measured for paper", async () => {
    const page = "example-nhs-trust/2024-25/print.html";
    const dir = await brokenSite((html) => html.replace(/(<svg [^>]*viewBox="0 0 )280/, "$1200"), page);
    const charts = (await check(dir)).findings.filter((f) => f.check === "charts");
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((f) => f.file === page && f.rule === "chart-outside" && f.element.endsWith("(printed)"))).toBe(true);
  });

  it("refuses an organisation colour too light for white text before anything is built", async () => {
    const root = await makeProject({ "data/organisations/acme.yaml": 'name: Acme NHS Trust\ntype: trust\ncolour: "#41b6e6"\n' });
    const { files } = await readProject(root);
    const [problem] = validateProject(files).problems;
    expect(problem).toMatchObject({ code: "low-contrast", file: "data/organisations/acme.yaml", position: { line: 3, column: 9 } });
    expect(problem!.message).toBe("the colour #41b6e6 is too light for white text: its contrast is 2.32:1, and WCAG 2.2 AA needs 4.5:1");
  });
});
