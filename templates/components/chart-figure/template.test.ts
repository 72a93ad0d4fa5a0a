// Renders the chartFigure macro with Nunjucks (autoescape on, as Eleventy uses it) and checks the
// HTML: valid, one figure with its caption first, the SVG named by the finding, a table with
// column and row headers holding the chart's rows, a CSV link, and author text escaped.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, Parser } from "html-validate";
import { describe, expect, it } from "vitest";
import type { Chart } from "../../../scripts/charts/types.ts";

interface NunjucksEnvironment {
  renderString(template: string, context: object): string;
}
interface Nunjucks {
  Environment: new (loader: unknown, options: { autoescape: boolean }) => NunjucksEnvironment;
  FileSystemLoader: new (searchPaths: string) => unknown;
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;

const templates = path.resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixture.json"), "utf8")) as Chart;
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
const render = (chart: Chart, options: object = {}) =>
  env.renderString('{% from "components/chart-figure/template.njk" import chartFigure %}{{ chartFigure(chart, options) }}', { chart, options });

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
const parse = (html: string) => new Parser(validator.getConfigForSync("inline.html")).parseHtml(html);

describe("chartFigure macro", () => {
  const html = render(fixture);
  const root = parse(html);

  it("renders valid HTML", () => {
    const report = validator.validateStringSync(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("is a figure whose caption (first child) gives the title and the subtitle", () => {
    const figure = root.querySelectorAll("figure");
    expect(figure).toHaveLength(1);
    const first = figure[0]!.childElements[0]!;
    expect(first.tagName).toBe("figcaption");
    expect(first.textContent).toContain(fixture.title);
    expect(first.textContent).toContain(fixture.subtitle);
  });

  it("inlines the SVG with role img and the finding as its name", () => {
    const svg = root.querySelectorAll("figure svg");
    expect(svg).toHaveLength(1);
    expect(svg[0]!.getAttributeValue("role")).toBe("img");
    expect(svg[0]!.getAttributeValue("aria-label")).toBe(fixture.alt);
  });

  it("gives the data as a table with a caption, column headers and row headers", () => {
    expect(root.querySelectorAll("details table caption")[0]!.textContent).toBe(fixture.table.caption);
    const cols = root.querySelectorAll("thead th");
    expect(cols.map((th) => th.textContent)).toEqual(fixture.table.head);
    expect(cols.every((th) => th.getAttributeValue("scope") === "col")).toBe(true);
    const rows = root.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(fixture.table.rows.length);
    rows.forEach((tr, i) => {
      const header = tr.querySelectorAll("th")[0]!;
      expect(header.getAttributeValue("scope")).toBe("row");
      expect(header.textContent).toBe(fixture.table.rows[i]!.header);
      expect(tr.querySelectorAll("td").map((td) => td.textContent)).toEqual(fixture.table.rows[i]!.cells);
    });
  });

  it("links the CSV, and gives no source line (the report says its sources once)", () => {
    expect(html).not.toContain("Source");
    const link = root.querySelectorAll("a[download]")[0]!;
    expect(link.getAttributeValue("href")).toBe(fixture.csvHref);
  });

  it("in print, links to the table in the PDF's appendix instead of repeating it under the chart", () => {
    expect(root.querySelectorAll("details")).toHaveLength(1);
    const printed = parse(render(fixture, { print: true }));
    expect(printed.querySelectorAll("details, table")).toHaveLength(0);
    const link = printed.querySelectorAll(".chart-figure__data-link a")[0]!;
    expect(link.getAttributeValue("href")).toBe(`#data-${fixture.id}`);
    expect(link.textContent).toBe("Data for this chart");
  });

  it("shows the table, open, and the CSV link under the caption when no chart was drawn", () => {
    const undrawn = parse(render({ ...fixture, svg: undefined }));
    expect(undrawn.querySelectorAll("svg, details")).toHaveLength(0);
    expect(undrawn.querySelectorAll("figure > figcaption + .chart-figure__table table caption")[0]!.textContent).toBe(fixture.table.caption);
    expect(undrawn.querySelectorAll("a[download]")[0]!.getAttributeValue("href")).toBe(fixture.csvHref);
  });

  it("escapes every text field: only the SVG is trusted markup", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const out = render({
      ...fixture,
      title: hostile,
      subtitle: hostile,
      csvHref: 'x" onclick="alert(1)',
      table: { caption: hostile, head: [hostile], rows: [{ header: hostile, cells: [hostile] }] },
    });
    expect(out).not.toContain("<img");
    expect(out).not.toContain('" onclick');
    expect(parse(out).querySelectorAll("img")).toHaveLength(0);
  });
});
