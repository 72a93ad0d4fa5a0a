// Renders the atAGlance macro with Nunjucks (autoescape on, as Eleventy uses it) and checks the
// HTML, then lays it out in the real Chromium at 320 and 1280 px with the site's stylesheets:
// a table at both widths for assistive technology, each row a block of labelled fields on a
// phone with nothing to scroll sideways, and every field's name said once (by its column header).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, Parser } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../../scripts/pdf/browser.ts";
import type { GlanceView } from "../../../scripts/html/site-types.ts";
import { columnLabels } from "../../../scripts/html/column-labels.ts";

interface NunjucksEnvironment {
  renderString(template: string, context: object): string;
  addFilter(name: string, filter: (value: string[]) => string): void;
}
interface Nunjucks {
  Environment: new (loader: unknown, options: { autoescape: boolean }) => NunjucksEnvironment;
  FileSystemLoader: new (searchPaths: string) => unknown;
}
const require = createRequire(import.meta.url);
const nunjucks = require("nunjucks") as Nunjucks;

const templates = path.resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixture.json"), "utf8")) as Record<"withData" | "withoutData" | "noneNamed", GlanceView>;
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
env.addFilter("columnLabels", columnLabels);
const render = (glance: GlanceView) =>
  env.renderString('{% from "components/at-a-glance/template.njk" import atAGlance %}{{ atAGlance(glance, 2, { id: "at-a-glance" }) }}', { glance });

const validator = new HtmlValidate({ extends: ["html-validate:standard"], rules: { "no-redundant-role": "off" } });
const parse = (html: string) => new Parser(validator.getConfigForSync("inline.html")).parseHtml(html);
const page = (html: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`;

describe("atAGlance macro", () => {
  for (const [name, glance] of Object.entries(fixture)) {
    it(`renders valid HTML (${name})`, () => {
      const report = validator.validateStringSync(page(render(glance)));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    });
  }

  it("with figures: a row per figure, headed by the indicator, each field labelled by its column", () => {
    const root = parse(render(fixture.withData));
    expect(root.querySelectorAll("h2")[0]!.textContent).toBe("At a glance");
    expect(root.querySelectorAll("caption")[0]!.textContent).toContain("WRES indicators and WDES metrics");
    const head = root.querySelectorAll("thead th").map((th) => th.textContent);
    expect(head).toEqual(["Indicator", "This year", "Last year", "Change", "England", "Parity band 0.80 to 1.25", "Gap between groups", "Actions"]);
    const rows = root.querySelectorAll("tbody tr");
    expect(rows.map((r) => r.querySelectorAll("th")[0]!.textContent)).toEqual(fixture.withData.rows.map((r) => r.label));
    expect(rows.every((r) => r.querySelectorAll("th")[0]!.getAttributeValue("scope") === "row")).toBe(true);
    const first = rows[0]!.querySelectorAll("td").map((td) => td.textContent.trim());
    expect(first).toEqual(["1.69", "1.86", "Better", "1.59 (2023)", "Outside", "Significant", "Action 1.1, Action 1.2"]);
    expect(rows[1]!.querySelectorAll("td")[0]!.textContent).toContain("White staff: 24.1%");
    // No action: "None" in its cell, no sentence about it; a field that does not apply says so to a screen reader.
    expect(rows[1]!.querySelectorAll("td")[5]!.textContent).toBe("May be chance");
    expect(rows[1]!.querySelectorAll("td")[6]!.textContent).toBe("None");
    // A figure we do not hold (last year's, England's, a gap not shown) is "not available"; a parity band for a percentage "does not apply".
    const hiddenWords = (row: number) => rows[row]!.querySelectorAll("td").map((td) => td.querySelector(".at-a-glance__hidden")?.textContent);
    expect(hiddenWords(1)).toEqual([undefined, undefined, undefined, "not available", "does not apply", undefined, undefined]);
    expect(hiddenWords(2)).toEqual([undefined, "not available", "not available", "not available", "does not apply", "not available", undefined]);
    // What "significant" means, said once below the table.
    expect(root.querySelectorAll("p").map((p) => p.textContent)).toEqual([expect.stringMatching(/^Gap between groups: significant when its 95% confidence interval does not reach equality/)]);
  });

  it("without figures: the indicators the plan addresses, with anchors for the action tables' links, and the rest named once", () => {
    const root = parse(render(fixture.withoutData));
    const rows = root.querySelectorAll("tbody tr");
    expect(rows.map((r) => r.id)).toEqual(["wres-1", "wres-2"]);
    expect(rows.map((r) => r.querySelectorAll("td").map((td) => td.textContent.trim()))).toEqual([
      ["Percentage of staff in each of the AfC Bands 1-9", "Action 1.1"],
      ["Relative likelihood of staff being appointed from shortlisting across all posts", "Action 2.1"],
    ]);
    expect(root.querySelectorAll("p").map((p) => p.textContent)).toEqual(["No action in this plan addresses WRES 3, WRES 4 and WRES 9."]);
  });

  it("without figures or mapped actions: one sentence, no table", () => {
    const root = parse(render(fixture.noneNamed));
    expect(root.querySelectorAll("table")).toHaveLength(0);
    expect(root.querySelectorAll("p").map((p) => p.textContent)).toEqual(["The actions in this plan do not name the WRES indicators and WDES metrics they address."]);
  });

  it("escapes every text", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const html = render({ ...fixture.withData, noun: hostile, rows: [{ ...fixture.withData.rows[0]!, label: hostile, value: hostile, href: 'x" onclick="alert(1)' }] });
    expect(parse(html).querySelectorAll("img")).toHaveLength(0);
    expect(html).not.toContain('" onclick');
  });
});

describe("atAGlance in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const css = [require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css"), path.join(import.meta.dirname, "at-a-glance.css"), path.join(templates, "components/data-table/data-table.css"), path.join(templates, "components/indicator-card/indicator-card.css")]
    .map((f) => readFileSync(f, "utf8").replace(/@font-face\s*{[^}]*}/g, ""))
    .join("\n");

  for (const width of [320, 1280]) {
    it(`at ${width} px: no sideways scrolling, still a table, each field's name said once`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const tab = await context.newPage();
        await tab.setContent(page(`<style>${css}</style><div class="nhsuk-width-container">${render(fixture.withData)}</div>`));
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const tree = await tab.locator("table").ariaSnapshot();
        expect(tree).toMatch(/^- '?table "WRES indicators and WDES metrics/);
        expect(tree.match(/- '?row /g)).toHaveLength(4);
        expect(tree).toMatch(/- '?rowheader "WRES 2: appointment from shortlisting"/);
        expect(tree).toContain('- cell "1.69"');
        expect(tree).not.toContain("This year:");
        // On a phone each row is a block: the fields of a row stack one above another.
        const tops = await tab.locator("tbody tr:first-child td").evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().top));
        const stacked = tops.every((t, i) => i === 0 || t > tops[i - 1]!);
        expect(stacked).toBe(width === 320);
        // On a phone each field follows its column's name (its header, less the parity band's figures); wider, nothing.
        const head = await tab.locator("thead th").allTextContents();
        const labels = await tab.locator("tbody tr:first-child td").evaluateAll((tds) => tds.map((td) => getComputedStyle(td, "::before").content));
        expect(labels).toEqual(width === 320 ? head.slice(1).map((h) => `"${h.replace(/ 0\.80 to 1\.25$/, "")}: " / ""`) : head.slice(1).map(() => "none"));
      } finally {
        await context.close();
      }
    });

    it(`at ${width} px: the change's words stand on the line of the text after them ("Down, similar")`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const tab = await context.newPage();
        const row = { ...fixture.withData.rows[0]!, direction: { key: "down", label: "Down" }, judgement: { key: "similar", label: "similar" } } as GlanceView["rows"][number];
        await tab.setContent(page(`<style>${css}</style><div class="nhsuk-width-container">${render({ ...fixture.withData, rows: [row] })}</div>`));
        // The bottom of the word "Down" (in its arrow's box) and of the comma after that box: one baseline, not the arrow's foot.
        const [word, comma] = await tab.locator(".direction").evaluate((direction) =>
          [direction.firstChild!, direction.nextSibling!].map((node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return range.getBoundingClientRect().bottom;
          }),
        );
        expect(Math.abs(word! - comma!)).toBeLessThan(1);
      } finally {
        await context.close();
      }
    });
  }
});
