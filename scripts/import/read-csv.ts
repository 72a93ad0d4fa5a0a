/**
 * Read a CSV file into rows of named cells, each cell with its line and column, using csv-parse.
 * Handles what spreadsheets write: a byte-order mark, CRLF line ends, quoted cells with commas
 * and line breaks, blank rows and rows of empty cells. Problems carry the CSV file's name.
 */
import { CsvError, parse } from "csv-parse/sync";
import type { Position } from "../load/yaml.ts";
import { messages, type Message } from "../validate/messages.ts";
import { importMessages } from "./messages.ts";
import { didYouMean } from "../validate/suggest.ts";
import type { Problem } from "../validate/problems.ts";

export const COLUMNS = ["Standard", "Indicator", "Breakdown", "Group", "Value"] as const;
export type Column = (typeof COLUMNS)[number];
/** Columns an author may add for their own use; the import ignores them. */
const IGNORED_COLUMNS = ["Notes"];

export interface Cell {
  text: string;
  position: Position;
}
export interface CsvRow {
  /** The line the row starts on (1-based). */
  line: number;
  cells: Record<Column, Cell>;
}

export interface ReadCsvResult {
  rows: CsvRow[];
  problems: Problem[];
}

interface Record_ {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Where each cell of a raw record starts: its line offset within the record and its column. */
function cellStarts(raw: string): { line: number; column: number }[] {
  const starts = [{ line: 0, column: 1 }];
  let line = 0;
  let column = 1;
  let quoted = false;
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted;
    if (ch === "\n") {
      line++;
      column = 1;
      continue;
    }
    column++;
    if (ch === "," && !quoted) starts.push({ line, column });
  }
  return starts;
}

/** Decode as UTF-8 (with or without a byte-order mark), or undefined if the bytes are not UTF-8. */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function readCsv(bytes: Uint8Array, file: string): ReadCsvResult {
  const problems: Problem[] = [];
  const problem = (position: Position, m: Message) => problems.push({ file, position, ...m });
  const text = decode(bytes);
  if (text === undefined) {
    problem({ line: 1, column: 1 }, messages.notUtf8());
    return { rows: [], problems };
  }
  let records: Record_[];
  try {
    // With `info` and `raw`, csv-parse returns { record, raw, info } objects; its types do not say so.
    const options = { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true };
    records = parse(text, options) as unknown as Record_[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lines = typeof error.lines === "number" ? error.lines : 1;
    problem({ line: Math.max(1, lines), column: 1 }, importMessages.csvSyntax(error.message.replace(/^[^:]*:\s*/, "")));
    return { rows: [], problems };
  }

  const located = records.map((r) => {
    const breaks = (r.raw.match(/\n/g) ?? []).length - (r.raw.endsWith("\n") ? 1 : 0);
    const first = r.info.lines - breaks;
    const starts = cellStarts(r.raw);
    const at = (i: number): Position => ({ line: first + (starts[i]?.line ?? 0), column: starts[i]?.column ?? 1 });
    return { cells: r.record.map((c) => c.trim()), first, at };
  });
  const header = located[0];
  if (!header) {
    problem({ line: 1, column: 1 }, importMessages.csvNoData());
    return { rows: [], problems };
  }

  // The heading row names the columns, in any order, in any case.
  const index = new Map<Column, number>();
  header.cells.forEach((name, i) => {
    const column = COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (column) index.set(column, i);
    else if (!IGNORED_COLUMNS.some((c) => c.toLowerCase() === name.toLowerCase()))
      problem(header.at(i), importMessages.csvColumnUnknown(name, [...COLUMNS, ...IGNORED_COLUMNS], didYouMean(name, [...COLUMNS, ...IGNORED_COLUMNS])));
  });
  for (const c of COLUMNS) if (!index.has(c)) problem(header.at(0), importMessages.csvColumnMissing(c, header.cells));
  if (problems.length > 0) return { rows: [], problems };

  const rows: CsvRow[] = [];
  for (const r of located.slice(1)) {
    if (r.cells.length !== header.cells.length) {
      problem(r.at(0), importMessages.csvFieldCount(r.cells.length, header.cells.length));
      continue;
    }
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, { text: r.cells[index.get(c)!]!, position: r.at(index.get(c)!) }])) as Record<Column, Cell>;
    rows.push({ line: r.first, cells });
  }
  if (rows.length === 0 && problems.length === 0) problem({ line: header.first, column: 1 }, importMessages.csvNoData());
  return { rows, problems };
}
