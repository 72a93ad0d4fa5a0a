/**
 * Checks every chart must pass, whatever its type: used by each chart type's test.
 */
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { Chart, TableModel } from "../types.ts";
import { FONT, TEXT_SIZE, WIDTH } from "../constants.ts";

/** The <path> marks inside the mark groups of a Vega mark type ("rect", "symbol"). */
export function markCount(svg: string | undefined, markType: string): number {
  const groups = [...drawn(svg).matchAll(new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>(.*?)</g>`, "g"))];
  return groups.reduce((n, g) => n + (g[1]!.match(/<path /g) ?? []).length, 0);
}

/** A chart's SVG, which a test expects to have been drawn. */
export function drawn(svg: string | undefined): string {
  if (svg === undefined) throw new Error("the chart was not drawn (too few of its figures are shown)");
  return svg;
}

export function expectAccessibleChart(chart: Chart): void {
  const svg = drawn(chart.svg);
  const root = /^<svg [^>]*>/.exec(svg)![0];
  expect(root).toContain(' role="img"');
  expect(root).toContain(` aria-label="${chart.alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`);
  expect(root).toMatch(new RegExp(` viewBox="0 0 ${WIDTH} \\d+"`));
  // The name says what the chart shows, in one sentence; the finding is the caption, said once, and
  // where the figures are is said by what follows the chart, which differs on the web and in the PDF.
  expect(chart.alt).toMatch(/^(Line chart|Bar chart|Funnel plot): [^;]*\.$/);
  expect(chart.alt).not.toMatch(/below|above|table|Data for this chart/);
  expect(chart.alt).not.toContain(chart.title.replace(/\.$/, ""));
  // Only the root names the chart: no mark, axis or legend carries ARIA or a role.
  const inner = svg.slice(root.length);
  expect(inner).not.toMatch(/ (aria-[a-z]+|role)=/);
  expect(inner).not.toContain("<title");
  // No external references; ids are the chart's own.
  expect(svg).not.toMatch(/(href|src)=|url\((?!#)/);
  for (const [, id] of svg.matchAll(/ id="([^"]+)"/g)) expect(id!.startsWith(`${chart.id}-svg-`)).toBe(true);
  // Text in one size, in the fixed font.
  for (const [, size] of svg.matchAll(/font-size="([\d.]+)px"/g)) expect(Number(size)).toBe(TEXT_SIZE);
  for (const [, font] of svg.matchAll(/font-family="([^"]+)"/g)) expect(font).toBe(FONT);
  // Nothing broken leaks into any output.
  for (const output of [svg, chart.alt, chart.csv, JSON.stringify(chart.table)]) expect(output).not.toMatch(/NaN|Infinity|undefined|null/);
  // Every figure of the table is in the CSV, in a column of numbers.
  expect(missingFromCsv(chart.table, chart.csv)).toEqual([]);
}

/** The numbers a cell shows: "1,221" gives 1221; "48 (15.5%)" 48 and 15.5; "1.69 (1.41 to 2.02)" all three; "-3.2 points" -3.2. */
const numbersIn = (text: string) => [...text.replace(/(\d),(\d{3})/g, "$1$2").matchAll(/[-+]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
const isNumber = (field: string) => /^-?\d+(\.\d+)?$/.test(field);

/**
 * What a table on the page shows that its chart's CSV does not, in words (none: the CSV carries
 * it all). Rows are matched by their heading; each number a cell shows must be a number of the
 * CSV's row, and a cell of words ("fewer than 10", "not shown") must be a field of the row or in
 * its Note. A CSV column holding a number holds only numbers or nothing.
 */
export function missingFromCsv(table: TableModel, csv: string): string[] {
  const [header, ...records] = parse(csv);
  const problems: string[] = [];
  header!.forEach((name, i) => {
    const values = records.map((record) => record[i]!).filter((v) => v !== "");
    if (i > 0 && values.some(isNumber) && !values.every(isNumber)) problems.push(`column "${name}" mixes numbers and words`);
  });
  for (const row of table.rows) {
    const record = records.find((r) => r[0] === row.header);
    if (!record) {
      problems.push(`no row "${row.header}"`);
      continue;
    }
    const numbers = record.slice(1).filter(isNumber).map(Number);
    for (const cell of row.cells) {
      const words = !/^[-+]?\d/.test(cell);
      const found = words ? record.slice(1).some((field) => field === cell || field.includes(cell)) : numbersIn(cell).every((n) => numbers.includes(n));
      if (!found) problems.push(`"${row.header}": ${cell}`);
    }
  }
  return problems;
}

/** Lines of text drawn in the SVG, in document order (a multi-line text gives one per <tspan>). */
export function svgTexts(svg: string | undefined): string[] {
  return [...drawn(svg).matchAll(/<text[^>]*>(.*?)<\/text>/g)].flatMap((m) => {
    const lines = [...m[1]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]!);
    return lines.length > 0 ? lines : [m[1]!];
  });
}
