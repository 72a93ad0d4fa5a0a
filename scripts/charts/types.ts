/**
 * Step 4, charts: the shapes passed between the chart modules.
 *
 * A chart type (one file under specs/) turns its own small input into a Vega-Lite spec, the
 * words (title, subtitle, text alternative, notes) and a data table. build-chart.ts renders the
 * spec to SVG and the table to HTML-ready rows and CSV. Every number arrives as a compute
 * `Figure`: already rounded and already suppressed (value null, display "fewer than 10").
 */
import type { TopLevelSpec } from "vega-lite";
import type { Figure, IntervalFigure, Unit } from "../compute/types.ts";

export type { Figure, IntervalFigure, Unit };

export interface DataColumn {
  /** Column heading, with the unit in words: "BME staff (% of band)". */
  header: string;
  /** "text" for a column of words, such as where an organisation sits against its group's limits; "count" for whole numbers of people ("1,204"). */
  unit: Unit | "text" | "count";
  /** The column's figures have 95% confidence intervals (in DataRow.intervals). */
  intervals?: true;
}

export interface DataRow {
  /** The row heading (first column): "Band 5", "2023". */
  label: string;
  /** One figure per column, in column order; text for a column of words (its unit is "text"). */
  cells: (Figure | string)[];
  /** Per column, the 95% interval of its figure, where the column has intervals and the figure one. */
  intervals?: (IntervalFigure | undefined)[];
}

/** The numbers a chart shows, as a table: the same figures, never more (a chart type's `download` may add the page's own tables' figures to its CSV). */
export interface DataTable {
  caption: string;
  /** Heading of the first column: "AfC band", "Year". */
  rowHeader: string;
  columns: DataColumn[];
  rows: DataRow[];
}

export interface ChartText {
  /** The main message, as a sentence. */
  title: string;
  /** What is measured, for whom, when. */
  subtitle: string;
  /** The SVG's accessible name: what the chart shows, briefly. The finding is the title (the caption), said once; where the figures are, what follows the chart says (chart-figure). */
  alt: string;
}

/** One kind of chart: one file under specs/. */
export interface ChartType<Input> {
  /** Stable name, used in CSS classes and tests: "representation". */
  name: string;
  text(input: Input): ChartText;
  table(input: Input): DataTable;
  spec(input: Input): TopLevelSpec;
  /**
   * The CSV's table, where the page shows more of these figures than the chart's table does (the
   * counts and headcounts of WRES 1 / WDES 1, the board's members): at least the page's table and
   * the chart's, in number columns. Without it the CSV is the chart's table.
   */
  download?(input: Input): DataTable;
  /** The figures the chart plots as its data (not its reference lines): with fewer than two of them shown, no chart is drawn. */
  plotted(input: Input): Figure[];
}

/** The data table ready for a template: every cell already text. */
export interface TableModel {
  caption: string;
  /** Column headings, the row-heading column first. */
  head: string[];
  rows: { header: string; cells: string[] }[];
  /** The cells (by place in a row) that hold words rather than figures: aligned as text, not as numbers. */
  textColumns?: number[];
}

/** A finished chart, ready for templates/components/chart-figure. */
export interface Chart extends ChartText {
  /** Unique on a page; prefixes every id inside the SVG. "wres-1-non-clinical". */
  id: string;
  /** The chart type's name. */
  kind: string;
  /** Inline SVG: role="img", aria-label = alt; trusted build output. Absent when fewer than two of its figures are shown: the caption and the table say it all. */
  svg?: string;
  table: TableModel;
  csv: string;
  csvFileName: string;
  /** Where the page links to the CSV (defaults to csvFileName, beside the page). */
  csvHref: string;
}
