import { describe, expect, it } from "vitest";
import { narrativeTablesWithoutCaption, renderMarkdown } from "./markdown.ts";
import { checkStructure, parsePage } from "../check/structure.ts";

const source = [
  "Our introduction.",
  "",
  "## Staff",
  "",
  "Table: Staff by ethnic group, 31 March 2024",
  "",
  "| Group | Staff |",
  "| --- | ---: |",
  "| White | 1,200 |",
  "| BME | 300 |",
  "",
  "Last year:",
  "",
  "| Group | Staff |",
  "| --- | ---: |",
  "| White | 1,150 |",
].join("\n");

describe("renderMarkdown", () => {
  it("splits the narrative where the summary goes: its introduction, then its sections", () => {
    const out = renderMarkdown(source);
    expect(out.introHtml).toBe("<p>Our introduction.</p>\n");
    expect(out.sectionsHtml.startsWith('<h2 id="staff">Staff</h2>')).toBe(true);
    expect(out.html).toBe(out.introHtml + out.sectionsHtml);
  });

  it("makes a Markdown table with a caption line an accessible table that scrolls in its own box", () => {
    const doc = parsePage(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>t</h1>${renderMarkdown(source).html}</body></html>`);
    const table = doc.querySelector("table")!;
    expect(table.querySelector("caption")!.textContent).toBe("Staff by ethnic group, 31 March 2024");
    expect([...table.querySelectorAll("th")].map((th) => th.getAttribute("scope"))).toEqual(["col", "col"]);
    expect(table.parentElement!.className).toBe("table-scroll");
    // The caption line is not printed as a paragraph as well.
    expect(doc.body.textContent.split("Staff by ethnic group")).toHaveLength(2);
    // The built-page checks find nothing to say about the captioned table (the second has no caption, and the validator refuses it).
    const problems = checkStructure("x.html", doc.documentElement.outerHTML).filter((f) => f.rule === "table-caption");
    expect(problems).toHaveLength(1);
  });

  it("names the first line of each table that has no caption line, for the validator", () => {
    expect(narrativeTablesWithoutCaption(source)).toEqual([13]);
    expect(narrativeTablesWithoutCaption("No tables here.")).toEqual([]);
  });
});
