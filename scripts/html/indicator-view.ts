/**
 * Computed indicators (scripts/compute) and their charts (scripts/charts) as the report page
 * shows them: a summary card per figure, and full tables for WRES 1 / WDES 1 and the board.
 * Every text here comes from already-suppressed figures; nothing reads a raw count.
 */
import { labelText } from "../charts/format.ts";
import type { Chart, TableModel } from "../charts/types.ts";
import { renderInline } from "./markdown.ts";
import type { BoardDetail, Direction, Figure, IndicatorResult, RepresentationTable, Unit } from "../compute/types.ts";

export interface ResultView {
  slug: string;
  heading: string; // "Appointed from shortlisting" or "Harassment from managers (ii)"
  /** The row heading in the at-a-glance table: "WDES 4a (ii): harassment, bullying or abuse from managers". */
  label: string;
  value: string; // "1.86", "12.3%", "fewer than 10", "not available"
  unitText: string | undefined; // "times as likely"
  previous: string | undefined; // "1.54 in 2023"
  national: string | undefined; // "England: 1.59 (2023, NHS England WRES 2023 report)"
  direction: { key: Direction; label: string } | undefined;
  /** The finding, unless a chart of this figure has it as its caption (each finding is said once). */
  sentence: string | undefined;
  narrativeHtml: string | undefined;
  tables: TableModel[];
  charts: Chart[];
}

/** The change from last year, in words: on a card, and in a column of the at-a-glance table headed "Change". */
const DIRECTION_LABEL: Record<Direction, { card: string; short: string | undefined }> = {
  better: { card: "Better than last year", short: "Better" },
  worse: { card: "Worse than last year", short: "Worse" },
  "no change": { card: "No change from last year", short: "No change" },
  "not available": { card: "No comparison with last year", short: undefined },
};

function representationTable(table: RepresentationTable, result: IndicatorResult): TableModel {
  return {
    caption: `${result.standard} ${result.id}: ${table.caption}`,
    head: ["Staff group", "Headcount", ...table.columns.map((c) => `${c.label} staff`)],
    rows: [...table.rows, table.total].map((row) => ({
      header: row.label,
      cells: [
        row.headcount.display,
        ...table.columns.map((c) => {
          const cell = row.cells.find((x) => x.group === c.key);
          if (!cell) return "not available";
          return cell.share.value === null ? cell.count.display : `${cell.count.display} (${cell.share.display})`;
        }),
      ],
    })),
  };
}

function boardTable(board: BoardDetail, result: IndicatorResult): TableModel {
  return {
    caption: `${result.standard} ${result.id}: board membership compared with the workforce, ${result.focus.inSentence} members`,
    head: ["Board members", "Members", `${result.focus.label} members`, `${result.focus.label} share`, "Difference from the workforce"],
    rows: board.rows.map((row) => ({
      header: row.label,
      cells: [String(row.members), String(row.focusMembers), row.share.display, row.difference.display],
    })),
  };
}

/** "4a-ii" -> "4a (ii)": a part of a metric as NHS England numbers it. */
const partNumber = (id: string) => id.replace(/-([ivx]+)$/, " ($1)");
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The result's row heading in the at-a-glance table: the indicator's own label when it has a
 * single figure ("WRES 2: appointment from shortlisting"), else the part ("WDES 4b: reporting ...").
 */
export function resultLabel(result: IndicatorResult, indicatorLabel: string, parts: number): string {
  return parts > 1 ? `${result.standard} ${partNumber(result.id)}: ${lowerFirst(result.shortTitle)}` : indicatorLabel;
}

export function resultView(result: IndicatorResult, charts: readonly Chart[], label: string): ResultView {
  const shown = result.value.value !== null;
  const own = charts.filter((c) => c.id === result.slug || c.id.startsWith(`${result.slug}-`));
  return {
    slug: result.slug,
    heading: [result.shortTitle, result.part].filter(Boolean).join(": "),
    label,
    value: shown ? labelText(result.value, result.unit) : result.value.display,
    unitText: shown ? ({ times: "relative likelihood", "%": undefined, points: "percentage points", score: "out of 10", "yes/no": undefined } as const)[result.unit] : undefined,
    previous: result.previous.status === "not available" ? undefined : `${labelText(result.previous, result.unit)} in ${result.year - 1}`,
    national: result.national && `England: ${labelText(result.national.value, result.unit)} (${result.national.year}, ${result.national.source})`,
    direction: result.direction === "not available" ? undefined : { key: result.direction, label: DIRECTION_LABEL[result.direction].card },
    // Outside the parity band and the basis (a rolling average) are in the sentence already.
    sentence: own.some((c) => c.title === result.sentence) ? undefined : result.sentence,
    narrativeHtml: renderInline(result.narrative),
    tables: [
      ...(result.representation?.tables.map((t) => representationTable(t, result)) ?? []),
      ...(result.board ? [boardTable(result.board, result)] : []),
    ],
    charts: own,
  };
}

/** One row of the at-a-glance table: a figure, last year's, the change, England's, the parity band. */
export interface GlanceRow {
  label: string;
  href: string;
  value: string; // "1.69", "29.5%", "6.6 out of 10", "Yes"
  /** The comparison group's figure for a survey result: "White staff: 24.1%". */
  comparison: string | undefined;
  previous: string | undefined;
  direction: { key: Direction; label: string } | undefined;
  national: string | undefined; // "1.59 (2023)"
  /** Relative likelihoods only: inside or outside the parity band. */
  parity: "Inside" | "Outside" | undefined;
}

/** A figure with its unit in words where a bare number would be unclear in a table of mixed units. */
function figureText(figure: Figure, unit: Unit): string {
  if (figure.value === null) return figure.display;
  if (unit === "yes/no") return figure.value === 1 ? "Yes" : "No";
  if (unit === "score") return `${labelText(figure, unit)} out of 10`;
  if (unit === "points") return `${labelText(figure, unit)} points`;
  return labelText(figure, unit);
}

export function glanceRow(result: IndicatorResult, label: string, href: string): GlanceRow {
  const other = result.measure === "survey" ? result.groups.find((g) => g.role === "reference") : undefined;
  return {
    label,
    href,
    value: figureText(result.value, result.unit),
    comparison: other && `${other.label} staff: ${figureText(other.value, result.unit)}`,
    previous: result.previous.status === "not available" ? undefined : figureText(result.previous, result.unit),
    direction: DIRECTION_LABEL[result.direction].short !== undefined ? { key: result.direction, label: DIRECTION_LABEL[result.direction].short! } : undefined,
    national: result.national && `${figureText(result.national.value, result.unit)} (${result.national.year})`,
    parity: result.outsideParityBand === null ? undefined : result.outsideParityBand ? "Outside" : "Inside",
  };
}
