/**
 * Checks that automated tools miss, on the built HTML of one page (parsed with linkedom):
 * one h1 and no skipped heading level, lang set, tables with a caption and scoped header
 * cells, charts with a text alternative and a caption or name that states numbers, statuses in words.
 * Pure: HTML text in, findings out. Unique titles and links are checked across pages elsewhere.
 */
import { parseHTML } from "linkedom";
import type { Finding } from "./findings.ts";

export function parsePage(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

function describe(el: Element): string {
  const id = el.getAttribute("id");
  const cls = el.getAttribute("class")?.split(/\s+/)[0];
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : cls ? `.${cls}` : ""}`;
}

export function checkStructure(file: string, html: string): Finding[] {
  const doc = parsePage(html);
  const findings: Finding[] = [];
  const add = (rule: string, el: Element | string, message: string, fix: string) =>
    findings.push({ file, check: "structure", rule, element: typeof el === "string" ? el : describe(el), message, fix });

  if (!doc.documentElement.getAttribute("lang")) add("html-lang", "html", "the page has no language", 'set <html lang="en-GB">');
  if (!doc.querySelector("title")?.textContent?.trim()) add("page-title", "head", "the page has no title", "give the page a <title>");

  const headings = [...doc.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const h1s = headings.filter((h) => h.tagName === "H1").length;
  if (h1s !== 1) add("one-h1", "body", `the page has ${h1s} top-level headings (h1)`, "a page has exactly one h1, its title");
  headings.forEach((h, i) => {
    const level = Number(h.tagName[1]);
    const previous = i > 0 ? Number(headings[i - 1]!.tagName[1]) : 0;
    if (level > previous + 1)
      add("heading-order", h, `heading level h${level} follows h${previous}, skipping a level ("${h.textContent?.trim().slice(0, 60)}")`, "use the next heading level down; in Markdown, one more # than the section above");
    if (!h.textContent?.trim()) add("empty-heading", h, "a heading has no text", "give the heading text, or remove it");
  });

  for (const table of doc.querySelectorAll("table")) {
    if (!table.querySelector("caption")?.textContent?.trim()) add("table-caption", table, "a table has no caption", "give every table a <caption> saying what it holds");
    const headers = [...table.querySelectorAll("th")];
    if (headers.length === 0) add("table-headers", table, "a table has no header cells", "mark the header row or column with <th>");
    for (const th of headers)
      if (!["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope") ?? ""))
        add("th-scope", th, "a header cell has no scope", 'add scope="col" or scope="row"');
  }

  for (const svg of doc.querySelectorAll("figure svg, svg[role=img]")) {
    if (svg.getAttribute("aria-hidden") === "true") continue;
    const labelledBy = svg.getAttribute("aria-labelledby");
    const name = svg.getAttribute("aria-label") ?? (labelledBy ? labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? "").join(" ") : "");
    if (!name.trim()) add("chart-alt", svg, "a chart has no text alternative", "give the chart's <svg> an aria-label stating its finding");
    else if (svg.closest("figure") && !/\d/.test(`${name} ${svg.closest("figure")!.querySelector("figcaption")?.textContent ?? ""}`))
      add("chart-alt-numbers", svg, `neither a chart's caption nor its text alternative states a figure ("${name.slice(0, 80)}")`, "state the finding with its numbers in the chart's caption");
  }

  for (const img of doc.querySelectorAll("img"))
    if (!img.hasAttribute("alt")) add("img-alt", img, "an image has no alt attribute", 'describe the image in alt, or alt="" if it is decoration');

  for (const tag of doc.querySelectorAll(".status-tag"))
    if (!tag.textContent?.trim()) add("status-text", tag, "a status is shown without words", "statuses are shown as words and an icon, never colour alone");

  return findings;
}
