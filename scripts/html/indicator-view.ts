/**
 * Computed indicators (scripts/compute) and their charts (scripts/charts) as the report page
 * shows them: a summary card per figure, and full tables for WRES 1 / WDES 1 and the board.
 * Every text here comes from already-suppressed figures; nothing reads a raw count.
 */
import { labelText } from "../charts/format.ts";
import type { Chart, TableModel } from "../charts/types.ts";
import { renderInline } from "./markdown.ts";
import type { BoardDetail, Direction, IndicatorResult, RepresentationTable } from "../compute/types.ts";

export interface ResultView {
  slug: string;
  heading: string; // "Appointed from shortlisting" or "Harassment from managers (ii)"
  value: string; // "1.86", "12.3%", "fewer than 10", "not available"
  unitText: string | undefined; // "times as likely"
  previous: string | undefined; // "1.54 in 2023"
  national: string | undefined; // "England: 1.59 (2023, NHS England WRES 2023 report)"
  direction: { key: Direction; label: string } | undefined;
  flag: string | undefined;
  sentence: string;
  basis: string | undefined;
  narrativeHtml: string | undefined;
  tables: TableModel[];
  charts: Chart[];
}

const DIRECTION_LABEL: Record<Direction, string> = {
  better: "Better than last year",
  worse: "Worse than last year",
  "no change": "No change from last year",
  "not available": "No comparison with last year",
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

export function resultView(result: IndicatorResult, charts: readonly Chart[], parityBand: { lower: number; upper: number }): ResultView {
  const shown = result.value.value !== null;
  return {
    slug: result.slug,
    heading: [result.shortTitle, result.part].filter(Boolean).join(": "),
    value: shown ? labelText(result.value, result.unit) : result.value.display,
    unitText: shown ? ({ times: "relative likelihood", "%": undefined, points: "percentage points", score: "out of 10", "yes/no": undefined } as const)[result.unit] : undefined,
    previous: result.previous.status === "not available" ? undefined : `${labelText(result.previous, result.unit)} in ${result.year - 1}`,
    national: result.national && `England: ${labelText(result.national.value, result.unit)} (${result.national.year}, ${result.national.source})`,
    direction: result.direction === "not available" ? undefined : { key: result.direction, label: DIRECTION_LABEL[result.direction] },
    flag:
      result.outsideParityBand === true
        ? `Outside the range ${parityBand.lower.toFixed(2)} to ${parityBand.upper.toFixed(2)} (the "four-fifths" rule of thumb), so the difference is worth attention.`
        : undefined,
    sentence: result.sentence,
    basis: result.basis,
    narrativeHtml: renderInline(result.narrative),
    tables: [
      ...(result.representation?.tables.map((t) => representationTable(t, result)) ?? []),
      ...(result.board ? [boardTable(result.board, result)] : []),
    ],
    charts: charts.filter((c) => c.id === result.slug || c.id.startsWith(`${result.slug}-`)),
  };
}
