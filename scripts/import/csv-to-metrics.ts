/**
 * CSV rows (read-csv.ts) -> the content of a metric data file, checked three ways, every problem
 * at the CSV line and column it comes from:
 *   1. each row: a known standard, indicator, breakdown and group, and a value of the right kind;
 *   2. the rows together: no figure twice, and every row that must come with another present
 *      (a staff group needs its ethnicity AND disability counts, a survey result its base, ...);
 *   3. the metric data file's own schema and cross-checks (scripts/validate/metrics-schema.ts),
 *      so that the file written is one the validator accepts.
 * Pure: no I/O.
 */
import type { Position, Segment } from "../load/yaml.ts";
import { SourceMap } from "../load/yaml.ts";
import type { Message } from "../validate/messages.ts";
import { importMessages } from "./messages.ts";
import { didYouMean } from "../validate/suggest.ts";
import { checkMetrics, Metrics } from "../validate/metrics-schema.ts";
import type { Problem } from "../validate/problems.ts";
import type { Reference } from "../validate/schema.ts";
import { zodProblems } from "../validate/zod-problems.ts";
import {
  findRow,
  indicatorName,
  indicatorsOf,
  normaliseBreakdown,
  normaliseIndicator,
  ROWS,
  rowAsCsv,
  type RowDefinition,
  type ValueKind,
} from "./csv-layout.ts";
import type { Cell, CsvRow } from "./read-csv.ts";
import type { Standard } from "../validate/schema.ts";

export interface FileDetails {
  year: number;
  /** YYYY-MM-DD. */
  snapshotDate: string;
  /** The NHS Staff Survey year of the survey rows (written only if there are survey rows). */
  surveyYear: number;
}

/**
 * Positions of the values of a metric data file built from CSV rows: `at(path)` gives the CSV
 * cell the value came from, or the first row of the nearest section that has one. It stands in
 * for the YAML source map so that the metric file's own checks report CSV lines.
 */
class CsvPositions extends SourceMap {
  private readonly positions = new Map<string, Position>();
  constructor() {
    super("", undefined);
  }
  record(path: readonly Segment[], position: Position): void {
    for (let i = path.length; i >= 0; i--) {
      const key = path.slice(0, i).join("\u0000");
      if (!this.positions.has(key)) this.positions.set(key, position);
    }
  }
  override at(path: readonly Segment[]): Position {
    for (let i = path.length; i >= 0; i--) {
      const found = this.positions.get(path.slice(0, i).join("\u0000"));
      if (found) return found;
    }
    return { line: 1, column: 1 };
  }
  override keyAt(path: readonly Segment[]): Position {
    return this.at(path);
  }
}

const EXPECTED: Record<ValueKind, string> = {
  count: "a whole number of people (0 or more)",
  percent: "a percentage from 0 to 100",
  score: "a score from 0 to 10",
  "yes-no": "Yes or No",
  text: "text",
};

/** The value of a cell as the kind needs it, or undefined if it is not one. */
function parseValue(text: string, kind: ValueKind): number | boolean | string | undefined {
  if (kind === "text") return text;
  if (kind === "yes-no") return /^(yes|true)$/i.test(text) ? true : /^(no|false)$/i.test(text) ? false : undefined;
  const plain = kind === "count" ? text.replace(/^(\d{1,3})((,\d{3})+)$/, (_, a: string, b: string) => a + b.replace(/,/g, "")) : text.replace(/\s*%$/, "");
  if (!/^\d+(\.\d+)?$/.test(plain)) return undefined;
  const n = Number(plain);
  if (kind === "count") return Number.isInteger(n) ? n : undefined;
  return n <= (kind === "percent" ? 100 : 10) ? n : undefined;
}

function setAt(target: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) node = (node[String(segment)] ??= {}) as Record<string, unknown>;
  node[String(path.at(-1))] = value;
}

/** Which row a CSV row is, or the problem with it. */
function identify(row: CsvRow): { definition: RowDefinition } | { cell: Cell; message: Message } {
  const { Standard: s, Indicator: i, Breakdown: b, Group: g } = row.cells;
  const standard = (["WRES", "WDES"] as const).find((x) => x === s.text.toUpperCase());
  if (!standard) return { cell: s, message: importMessages.csvUnknownStandard(s.text) };
  const ofIndicator = ROWS.filter((r) => r.standard === standard && normaliseIndicator(r.indicator) === normaliseIndicator(i.text));
  if (ofIndicator.length === 0) return { cell: i, message: importMessages.csvUnknownIndicator(standard, i.text, indicatorsOf(standard)) };
  const name = indicatorName(standard, ofIndicator[0]!.indicator);
  const ofBreakdown = ofIndicator.filter((r) => normaliseBreakdown(r.breakdown) === normaliseBreakdown(b.text));
  if (ofBreakdown.length === 0) {
    const breakdowns = [...new Set(ofIndicator.map((r) => r.breakdown))];
    return { cell: b, message: importMessages.csvUnknownBreakdown(name, b.text, breakdowns, didYouMean(b.text, breakdowns)) };
  }
  const definition = findRow(standard, i.text, b.text, g.text);
  if (!definition) {
    const groups = ofBreakdown.map((r) => r.group).filter(Boolean);
    return { cell: g, message: importMessages.csvUnknownGroup(`${name}, ${ofBreakdown[0]!.breakdown}`, g.text, groups, didYouMean(g.text, groups)) };
  }
  return { definition };
}

const unitName = (unit: string, standard: Standard): string => {
  const example = ROWS.find((r) => r.unit === unit && r.standard === standard)!;
  return `${indicatorName(example.standard, example.indicator)}${unit.startsWith("workforce.") || unit.endsWith(".previous") || unit.endsWith(".overall") ? `, ${example.breakdown}${unit.endsWith(".overall") ? " (Overall)" : ""}` : ""}`;
};

export interface CsvMetricsResult {
  /** The metric data file's content (only when there are no problems). */
  metrics?: Metrics;
  problems: Problem[];
}

/**
 * `rowsOnly`: check each row and stop there (when some rows could not be read at all, the
 * checks of the rows together would only report those rows as missing).
 */
export function csvToMetrics(rows: readonly CsvRow[], file: string, details: FileDetails, rowsOnly = false): CsvMetricsResult {
  const problems: Problem[] = [];
  const problem = (position: Position, m: Message) => problems.push({ file, position, ...m });
  const positions = new CsvPositions();
  const content: Record<string, unknown> = { year: details.year, snapshot_date: details.snapshotDate };
  const seen = new Map<RowDefinition, number>();
  /** The first row of each unit given, to point at when the unit is incomplete. */
  const units = new Map<string, { row: CsvRow; standard: Standard }>();

  for (const row of rows) {
    // An empty Value means "no figure": the template lists every row, to be filled in or left empty.
    if (row.cells.Value.text === "") continue;
    const found = identify(row);
    if ("message" in found) {
      problem(found.cell.position, found.message);
      continue;
    }
    const d = found.definition;
    const first = seen.get(d);
    if (first !== undefined) {
      problem(row.cells.Standard.position, importMessages.csvDuplicateRow(first));
      continue;
    }
    seen.set(d, row.line);
    if (!units.has(d.unit)) units.set(d.unit, { row, standard: d.standard });
    const value = parseValue(row.cells.Value.text, d.kind);
    const where = `${indicatorName(d.standard, d.indicator)}, ${d.breakdown}${d.group ? `, ${d.group}` : ""}`;
    if (value === undefined) {
      problem(row.cells.Value.position, importMessages.csvBadValue(where, row.cells.Value.text, EXPECTED[d.kind]));
      continue;
    }
    positions.record(d.path, row.cells.Value.position);
    setAt(content, d.path, value);
  }

  if (problems.length > 0 || rowsOnly) return { problems };

  // Rows that must come together: report each incomplete unit once, at its first row.
  for (const [unit, { row, standard }] of units) {
    const requires = ROWS.find((r) => r.unit === unit)?.requires;
    const needed = requires ? [unit, requires] : [unit];
    const missing = ROWS.filter((r) => needed.includes(r.unit) && !seen.has(r) && (r.unit === unit || !units.has(r.unit)));
    if (missing.length > 0) problem(row.cells.Standard.position, importMessages.csvMissingRows(unitName(unit, standard), missing.map(rowAsCsv)));
  }
  if (problems.length > 0) return { problems };

  if ("staff_survey" in content) content.survey_year = details.surveyYear;
  content.workforce ??= {};
  const workforce = content.workforce as Record<string, unknown>;
  workforce.non_clinical ??= {};
  workforce.clinical ??= {};

  const parsed = Metrics.safeParse(content);
  if (!parsed.success) {
    const describe = (path: readonly Segment[]) => `the figures (${path.filter((s) => typeof s === "string").join(" > ")})`;
    return { problems: zodProblems(parsed.error, Metrics, content, file, positions, describe, {} as Reference) };
  }
  const crossChecks = checkMetrics(file, String(details.year), positions, parsed.data);
  return crossChecks.length > 0 ? { problems: crossChecks } : { metrics: parsed.data, problems: [] };
}
