// Renders the editionChanges macro with Nunjucks (autoescape on, as Eleventy uses it) and checks
// the HTML: valid, a heading naming the previous period, the counts in words, a table with a
// caption and row headers linking each action, the earlier editions listed, and author text escaped.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, Parser } from "html-validate";
import { describe, expect, it } from "vitest";
import type { EditionChanges, EditionLink } from "../../../scripts/html/site-types.ts";

interface NunjucksEnvironment {
  renderString(template: string, context: object): string;
  addFilter(name: string, filter: (value: string) => string): void;
}
interface Nunjucks {
  Environment: new (loader: unknown, options: { autoescape: boolean }) => NunjucksEnvironment;
  FileSystemLoader: new (searchPaths: string) => unknown;
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;

const templates = path.resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixture.json"), "utf8")) as { changes: EditionChanges; earlier: EditionLink[] };
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
// Eleventy's `url` filter adds the site's path prefix; the site is served from "/".
env.addFilter("url", (value) => value);
const render = (changes: EditionChanges | undefined, earlier: EditionLink[]) =>
  env.renderString('{% from "components/edition-changes/template.njk" import editionChanges %}{{ editionChanges(changes, earlier) }}', { changes, earlier });

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
const parse = (html: string) => new Parser(validator.getConfigForSync("inline.html")).parseHtml(html);
const text = (s: string) => s.replace(/\s+/g, " ").trim();

describe("editionChanges macro", () => {
  const html = render(fixture.changes, fixture.earlier);
  const root = parse(html);

  it("renders valid HTML", () => {
    const report = validator.validateStringSync(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("names the previous edition and gives the counts in words", () => {
    expect(root.querySelectorAll("h2")[0]!.textContent).toBe("What has changed since 2023/24");
    const summary = text(root.querySelectorAll("p")[0]!.textContent);
    expect(summary).toBe(
      "Compared with the Example Trust WRES and WDES action plan 2023/24: 1 new action, 1 status change, 1 action no longer in the plan, 1 overdue action; 3 actions are unchanged.",
    );
    expect(root.querySelectorAll("p a")[0]!.getAttributeValue("href")).toBe("/example-nhs-trust/2023-24/");
  });

  it("says only the changes there are, never a count of none", () => {
    const summary = (counts: typeof fixture.changes.counts) => text(parse(render({ ...fixture.changes, counts }, [])).querySelectorAll("p")[0]!.textContent).replace(/^.*2023\/24: /, "");
    expect(summary({ added: 0, statusChanged: 0, removed: 0, overdue: 1, unchanged: 4 })).toBe("1 overdue action; 4 actions are unchanged.");
    expect(summary({ added: 2, statusChanged: 0, removed: 0, overdue: 0, unchanged: 0 })).toBe("2 new actions.");
    expect(summary({ added: 0, statusChanged: 0, removed: 0, overdue: 0, unchanged: 1 })).toBe("no action has changed.");
  });

  it("lists each changed action in a table with a caption, column headers and a linked row header", () => {
    expect(root.querySelectorAll("table caption")[0]!.textContent).toBe("Changes to the actions since 2023/24");
    expect(root.querySelectorAll("thead th").map((th) => th.getAttributeValue("scope"))).toEqual(["col", "col"]);
    const rows = root.querySelectorAll("tbody tr");
    expect(rows.map((tr) => tr.querySelectorAll("th")[0]!.getAttributeValue("scope"))).toEqual(["row", "row", "row"]);
    expect(rows.map((tr) => tr.querySelectorAll("th a")[0]!.getAttributeValue("href"))).toEqual(fixture.changes.rows.map((r) => r.href));
    expect(text(rows[1]!.querySelectorAll("td")[0]!.textContent)).toBe("New in 2024/25. Overdue: it was due by 31 January 2025 and is not complete.");
  });

  it("lists the earlier editions, newest first as given", () => {
    expect(root.querySelectorAll("h3")[0]!.textContent).toBe("Earlier editions");
    expect(root.querySelectorAll("ul a").map((a) => a.getAttributeValue("href"))).toEqual(["/example-nhs-trust/2023-24/", "/example-nhs-trust/2022-23/"]);
  });

  it("with no previous edition shows only the earlier editions, and nothing at all when there are none", () => {
    const alone = parse(render(undefined, fixture.earlier));
    expect(alone.querySelectorAll("h2")[0]!.textContent).toBe("Earlier editions");
    expect(alone.querySelectorAll("table")).toHaveLength(0);
    expect(alone.querySelectorAll("h3")).toHaveLength(0);
    expect(render(undefined, []).trim()).toBe("");
  });

  it("escapes every text field", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const out = render(
      { ...fixture.changes, previous: { title: hostile, period: hostile, url: 'x" onclick="alert(1)' }, rows: [{ id: hostile, href: undefined, changes: [hostile] }] },
      [{ title: hostile, period: hostile, url: "/" }],
    );
    expect(out).not.toContain("<img");
    expect(out).not.toContain('" onclick');
  });
});
