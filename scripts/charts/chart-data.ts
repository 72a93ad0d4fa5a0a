/**
 * A chart's data as an HTML-ready table model and as CSV (RFC 4180). Both come from DataTables of
 * the same figures (the CSV's may add the page's own table of them: a chart type's `download`),
 * so they hold the same figures as the chart, each with its 95% confidence interval
 * where it has one: in the table after the figure in brackets ("1.69 (1.41 to 2.02)": a phone
 * shows a table of a few columns), in the CSV as two number columns, lower and upper. The table
 * prints each figure's text as the compute step wrote it (scripts/format/numbers.ts: "+0.9 points",
 * as on the page); the CSV writes the same rounded number bare ("0.9"). A figure
 * that is not shown reads as in the chart ("fewer than 10", "not shown"), never as a number: in
 * the table in its cell; in the CSV, whose number columns hold only numbers, as an empty cell and
 * a last column, "Note", that says why. A column of words (unit "text") is written as it is in both.
 */
import { plainNumber } from "../format/numbers.ts";
import type { DataColumn, DataRow, DataTable, Figure, IntervalFigure, TableModel } from "./types.ts";

/** One cell as the table shows it: words as they are, a figure as the page prints it ("1,234", "46.9%", "+0.9 points") with its interval. */
function cellText(cell: Figure | string, interval: IntervalFigure | undefined): string {
  if (typeof cell === "string") return cell;
  const shown = cell.value === null ? undefined : interval;
  return `${cell.display}${shown ? ` (${shown.display})` : ""}`;
}

/** One cell in the CSV: a bare number, words, or empty for a figure not shown (the note says why). */
function csvCell(cell: Figure | string, column: DataColumn): string {
  if (typeof cell === "string") return cell;
  if (cell.value === null) return "";
  if (column.unit === "count" || column.unit === "text") return String(cell.value);
  return column.unit === "yes/no" ? cell.display : plainNumber(cell.value, column.unit);
}

export function toTableModel(table: DataTable): TableModel {
  const textColumns = table.columns.flatMap((column, i) => (column.unit === "text" ? [i] : []));
  return {
    caption: table.caption,
    head: [table.rowHeader, ...table.columns.map((column) => (column.intervals ? `${column.header} with 95% interval` : column.header))],
    rows: table.rows.map((row) => ({ header: row.label, cells: row.cells.map((cell, i) => cellText(cell, row.intervals?.[i])) })),
    ...(textColumns.length > 0 ? { textColumns } : {}),
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

/** The CSV's last column: why a cell of the row is empty ("fewer than 10"; with the column's name if there are several). */
export const NOTE_HEADER = "Note";

/** An interval's two CSV columns, named for its figure's column: "Relative likelihood, 95% interval lower". */
const limitHeaders = (column: DataColumn) => (column.intervals ? [`${column.header}, 95% interval lower`, `${column.header}, 95% interval upper`] : []);

/**
 * The table as CSV: a header row of clear column names, CRLF line ends, numbers without units,
 * hidden figures empty and noted; an interval as two number columns, its lower and upper limits.
 */
export function toCsv(table: DataTable): string {
  const several = table.columns.length > 1;
  // A cell left empty on purpose (an interval where there is no figure) needs no note: its row's figure has one.
  const note = (row: DataRow) =>
    row.cells
      .flatMap((cell, i) => (typeof cell !== "string" && cell.value === null && cell.display !== "" ? [several ? `${table.columns[i]!.header}: ${cell.display}` : cell.display] : []))
      .join("; ");
  const limits = (column: DataColumn, cell: Figure, interval: IntervalFigure | undefined) => {
    const unit = column.unit;
    if (!column.intervals || unit === "text" || unit === "count") return [];
    return [interval?.lower, interval?.upper].map((end) => (cell.value === null || end === undefined || end.value === null ? "" : plainNumber(end.value, unit)));
  };
  const lines = [
    [table.rowHeader, ...table.columns.flatMap((column) => [column.header, ...limitHeaders(column)]), NOTE_HEADER],
    ...table.rows.map((row) => [
      row.label,
      ...row.cells.flatMap((cell, i) => {
        const column = table.columns[i]!;
        return [csvCell(cell, column), ...(typeof cell === "string" ? [] : limits(column, cell, row.intervals?.[i]))];
      }),
      note(row),
    ]),
  ];
  return lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}
