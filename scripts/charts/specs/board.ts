/**
 * WRES indicator 9 / WDES metric 10: the focus group's share of the board (all, voting,
 * executive, ...) beside its share of the whole workforce, as labelled bars. The table adds
 * the difference in percentage points. Board membership is published and never suppressed;
 * the workforce share may be.
 */
import type { TopLevelSpec } from "vega-lite";
import { countShown } from "../../compute/figures.ts";
import { chartName } from "../words.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataTable, Figure } from "../types.ts";
import { base, horizontalBars } from "./common.ts";

export interface BoardInput {
  /** The finding, from the compute step (scripts/compute/sentences.ts boardSentence): the chart's title, said nowhere else. */
  headline: string;
  /** The focus group in a sentence: "BME", "Disabled". */
  group: string;
  groupHeading: string;
  /** "31 March 2024". */
  date: string;
  /** The focus group's share of the whole workforce, %. */
  workforce: Figure;
  /** The headline row first (e.g. voting members); `members` and `focusMembers` are counts of people, published (and in the CSV, as on the page). */
  rows: { label: string; members: number; focusMembers: number; share: Figure; difference: Figure }[];
}

const WHOLE_WORKFORCE = "Whole workforce";

function text(input: BoardInput) {
  return {
    title: input.headline,
    subtitle: `Percentage of board members who are ${input.group}, by type of membership, against the whole workforce, at ${input.date}`,
    alt: chartName(`Bar chart: the percentage of board members who are ${input.group}, by type of membership, against the whole workforce`),
    // A figure not shown says so in the chart, in place of its bar.
  };
}

function table(input: BoardInput): DataTable {
  return {
    caption: `${input.groupHeading} board members and workforce, ${input.date}`,
    rowHeader: "Membership",
    columns: [
      { header: `${input.groupHeading} (%)`, unit: "%" },
      { header: `${input.groupHeading} in the whole workforce (%)`, unit: "%" },
      { header: "Difference from workforce (percentage points)", unit: "points" },
    ],
    rows: input.rows.map((row) => ({ label: row.label, cells: [row.share, input.workforce, row.difference] })),
  };
}

/** The chart's table with the page's counts of members before it. */
function download(input: BoardInput): DataTable {
  const chartTable = table(input);
  return {
    ...chartTable,
    columns: [{ header: "Members", unit: "count" }, { header: `${input.groupHeading} members`, unit: "count" }, ...chartTable.columns],
    rows: input.rows.map((row, i) => ({ label: row.label, cells: [countShown(row.members), countShown(row.focusMembers), ...chartTable.rows[i]!.cells] })),
  };
}

function spec(input: BoardInput): TopLevelSpec {
  const bars = horizontalBars(
    [
      ...input.rows.map((row) => ({ label: row.label, figure: row.share, colour: colours.focus })),
      { label: WHOLE_WORKFORCE, figure: input.workforce, colour: colours.reference },
    ],
    { axisTitle: `${input.groupHeading} (%)` },
  );
  return { ...base, height: bars.height, params: bars.params, data: { values: bars.values }, layer: bars.layers };
}

/** The board's rows and the workforce, each a bar. */
const plotted = (input: BoardInput) => [...input.rows.map((row) => row.share), input.workforce];

export const boardChart: ChartType<BoardInput> = { name: "board", text, table, spec, plotted, download };
