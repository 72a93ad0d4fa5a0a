/**
 * A chart's data as an HTML-ready table model and as CSV (RFC 4180). Both come from the same
 * DataTable, so they hold the same figures as the chart. A figure that is not shown is written
 * as its display text ("fewer than 10"), never as a number.
 */
import { labelText, plainNumber } from "./format.ts";
import type { DataTable, TableModel } from "./types.ts";

export function toTableModel(table: DataTable): TableModel {
  return {
    caption: table.caption,
    head: [table.rowHeader, ...table.columns.map((column) => column.header)],
    rows: table.rows.map((row) => ({
      header: row.label,
      cells: row.cells.map((cell, i) => labelText(cell, table.columns[i]!.unit)),
    })),
  };
}

/**
 * A cell a spreadsheet could run as a formula (starts with = + - @, tab or carriage return)
 * gets a leading apostrophe. A plain number such as "-2.1" is not a formula and stays a number.
 */
export function neutraliseFormula(cell: string): string {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
export function csvField(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV: a header row of clear column names, CRLF line ends, numbers without units. */
export function toCsv(table: DataTable): string {
  const lines = [
    [table.rowHeader, ...table.columns.map((column) => column.header)],
    ...table.rows.map((row) => [row.label, ...row.cells.map((cell, i) => plainNumber(cell, table.columns[i]!.unit))]),
  ];
  return lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}
