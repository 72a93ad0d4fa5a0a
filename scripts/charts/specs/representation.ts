/**
 * WRES indicator 1 / WDES metric 1: the focus group's share of each AfC band (or cluster, or
 * medical subgroup), as horizontal bars, against a dashed line at its share of the whole
 * workforce. Rows whose figure is not shown keep their place on the axis with a note instead
 * of a bar. A WRES table whose bands are mostly hidden is drawn by cluster (`grouped`): the
 * caption says so and why, and the page's table of the bands keeps the detail.
 */
import type { TopLevelSpec } from "vega-lite";
import { capitalise, chartName } from "../words.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataColumn, DataTable, Figure } from "../types.ts";
import { base, horizontalBars } from "./common.ts";

export interface RepresentationInput {
  /** The focus group as written in a sentence: "BME", "Disabled". */
  group: string;
  /** The same as a heading: "BME", "Disabled". */
  groupHeading: string;
  /** "non-clinical staff", "clinical staff", "medical and dental staff". */
  staffGroup: string;
  /** "AfC band", "AfC cluster", "subgroup". */
  category: string;
  /** "31 March 2024". */
  date: string;
  /** The focus group's share of the whole workforce, %. */
  overall: Figure;
  /** In display order, most junior first. */
  rows: { label: string; share: Figure }[];
  /**
   * The rows are the WDES clusters of a WRES table of bands, because the focus group's share is
   * hidden in `hidden` of its `bands` bands; `table` names the page's table that gives each band
   * ("the table of non-clinical staff by AfC band").
   */
  grouped?: { hidden: number; bands: number; table: string };
  /**
   * For the CSV, which carries at least the page's table of this staff group: the groups' headings
   * in the table's order ("White", "BME", "Ethnicity not known"), and each row's headcount and each
   * group's count and share: the chart's rows, then (when grouped) the bands, then the staff
   * group's total; and the whole workforce's.
   */
  counts: { groups: string[]; rows: CountRow[]; overall: Omit<CountRow, "label"> };
}

export interface CountRow {
  label: string;
  headcount: Figure;
  /** Per group, in the order of `counts.groups`. */
  cells: { count: Figure; share: Figure }[];
}

const WHOLE_WORKFORCE = "Whole workforce";

/**
 * Below this many percentage points apart, a band's share and the whole workforce's are "about
 * the same": "6.8% of the workforce but 6.6% of Bands 5-7" would make a contrast of 0.2 points.
 */
export const ABOUT_THE_SAME = 0.5;

function text(input: RepresentationInput) {
  const who = `${input.group} staff`;
  const shown = input.rows.filter((row) => row.share.value !== null);
  const hidden = input.rows.filter((row) => row.share.value === null);
  const byShare = [...shown].sort((a, b) => a.share.value! - b.share.value!);
  const lowest = byShare[0];
  const highest = byShare[byShare.length - 1];
  // "of non-clinical staff in Band 5", but "of consultants" (not "of medical and dental staff in Consultants").
  const within = (label: string) => (input.category === "subgroup" ? label.charAt(0).toLowerCase() + label.slice(1) : `${input.staffGroup} in ${label}`);
  const overall = input.overall.value;
  /** A share against the whole workforce's, in words: "below", "about the same as", "above". */
  const against = (value: number) =>
    overall === null ? undefined : Math.abs(value - overall) < ABOUT_THE_SAME ? "about the same as" : value < overall ? "below" : "above";
  // The whole workforce's share is the card's sentence, just above; the title says how the bands stand against it.
  const first = capitalise(
    lowest === undefined
      ? `no ${input.category} figure for ${input.staffGroup} can be shown.`
      : overall === null
        ? shown.length === 1
          ? `${who} are ${lowest.share.display} of ${within(lowest.label)}, the only ${input.category} that can be shown.`
          : `${who} are between ${lowest.share.display} (${lowest.label}) and ${highest!.share.display} (${highest!.label}) of ${input.staffGroup} in the ${input.category}s that can be shown.`
        : shown.length === 1
          ? `${who} are ${lowest.share.display} of ${within(lowest.label)}, the only ${input.category} that can be shown: ${against(lowest.share.value!)} their share of the whole workforce.`
          : against(lowest.share.value!) === "below"
            ? `${who} are ${lowest.share.display} of ${within(lowest.label)}, the lowest share of ${hidden.length ? `the ${input.category}s that can be shown` : `any ${input.category}`}, and below their share of the whole workforce.`
            : `among ${input.staffGroup}, ${who} are ${lowest.share.value! < overall ? "about their share of the whole workforce or more" : "at least their share of the whole workforce"} ${hidden.length === 0 ? `in every ${input.category}` : `in each of the ${shown.length} ${input.category}s that can be shown`}.`,
  );

  const grouped = input.grouped;
  return {
    title: first,
    subtitle:
      `Percentage of ${input.staffGroup} in each ${input.category} who are ${input.group}, at ${input.date}, against the whole workforce` +
      (grouped
        ? `. Bands are grouped into the WDES clusters because the share is hidden in ${grouped.hidden} of the ${grouped.bands} bands to protect small numbers of staff; ${grouped.table} gives each band.`
        : ""),
    alt: chartName(
      `Bar chart: the percentage of ${input.staffGroup} in each ${input.category}${grouped ? " (bands grouped, as most bands' figures are hidden)" : ""} who are ${input.group}, with the whole workforce's percentage as a line`,
    ),
    // A figure not shown says so in the chart, in place of its bar; the whole workforce's share is on its line.
  };
}

function table(input: RepresentationInput): DataTable {
  return {
    caption: `${input.groupHeading} staff as a percentage of ${input.staffGroup} in each ${input.category}, ${input.date}`,
    rowHeader: capitalise(input.category),
    columns: [{ header: `${input.groupHeading} staff (%)`, unit: "%" }],
    rows: [
      ...input.rows.map((row) => ({ label: row.label, cells: [row.share] })),
      { label: WHOLE_WORKFORCE, cells: [input.overall] },
    ],
  };
}

/** The page's table and the chart's, in number columns: headcount, then each group's count and share. */
function download(input: RepresentationInput): DataTable {
  return {
    caption: table(input).caption,
    rowHeader: input.grouped ? `${capitalise(input.category)} or band` : capitalise(input.category),
    columns: [
      { header: "Headcount", unit: "count" },
      ...input.counts.groups.flatMap((group): DataColumn[] => [
        { header: `${group} staff`, unit: "count" },
        { header: `${group} staff (%)`, unit: "%" },
      ]),
    ],
    rows: [...input.counts.rows, { ...input.counts.overall, label: WHOLE_WORKFORCE }].map((row) => ({
      label: row.label,
      cells: [row.headcount, ...row.cells.flatMap((cell) => [cell.count, cell.share])],
    })),
  };
}

function spec(input: RepresentationInput): TopLevelSpec {
  const overall = input.overall.value;
  const bars = horizontalBars(
    input.rows.map((row) => ({ label: row.label, figure: row.share, colour: colours.focus })),
    {
      axisTitle: `${input.groupHeading} staff (%)`,
      ...(overall === null ? {} : { reference: { value: overall, text: `${WHOLE_WORKFORCE}: ${input.overall.display}` } }),
    },
  );
  return { ...base, height: bars.height, params: bars.params, data: { values: bars.values }, layer: bars.layers };
}

const plotted = (input: RepresentationInput) => input.rows.map((row) => row.share);

export const representationChart: ChartType<RepresentationInput> = { name: "representation", text, table, spec, plotted, download };
