/**
 * WRES indicator 1 / WDES metric 1: the focus group's share of each AfC band (or cluster, or
 * medical subgroup), as horizontal bars, against a dashed line at its share of the whole
 * workforce. Rows whose figure is not shown keep their place on the axis with a note instead
 * of a bar.
 */
import type { TopLevelSpec } from "vega-lite";
import { capitalise, labelText, chartName } from "../format.ts";
import { colours } from "../palette.ts";
import type { ChartType, DataTable, Figure } from "../types.ts";
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
}

const WHOLE_WORKFORCE = "Whole workforce";

function text(input: RepresentationInput) {
  const who = `${input.group} staff`;
  const overall = labelText(input.overall, "%");
  const shown = input.rows.filter((row) => row.share.value !== null);
  const hidden = input.rows.filter((row) => row.share.value === null);
  const byShare = [...shown].sort((a, b) => a.share.value! - b.share.value!);
  const lowest = byShare[0];

  const highest = byShare[byShare.length - 1];
  // "of non-clinical staff in Band 5", but "of consultants" (not "of medical and dental staff in Consultants").
  const within = (label: string) => (input.category === "subgroup" ? label.charAt(0).toLowerCase() + label.slice(1) : `${input.staffGroup} in ${label}`);
  // Without the whole workforce's share, the finding is the spread of the shares that are shown.
  const overallHidden = `the share of ${who} in the whole workforce is ${input.overall.status === "not available" ? "not available" : "not shown"}, because ${input.overall.reason ?? "it could identify people"}`;
  const first = capitalise(
    input.overall.value === null
      ? lowest === undefined
        ? `${overallHidden}, and no ${input.category} figure can be shown either.`
        : shown.length === 1
          ? `${who} are ${labelText(lowest.share, "%")} of ${within(lowest.label)}, the only ${input.category} that can be shown; ${overallHidden}.`
          : `${who} are between ${labelText(lowest.share, "%")} (${lowest.label}) and ${labelText(highest!.share, "%")} (${highest!.label}) of ${input.staffGroup} in the ${input.category}s that can be shown; ${overallHidden}.`
      : lowest === undefined
        ? `${who} are ${overall} of the whole workforce; no ${input.category} figure can be shown.`
        : lowest.share.value! < input.overall.value
          ? `${who} are ${overall} of the whole workforce but ${labelText(lowest.share, "%")} of ${within(lowest.label)}.`
          : hidden.length === 0
            ? `${who} are ${overall} of the whole workforce and at least that share of ${input.staffGroup} in every ${input.category}.`
            : shown.length === 1
              ? `${who} are ${overall} of the whole workforce and ${labelText(lowest.share, "%")} of ${within(lowest.label)}, the only ${input.category} that can be shown.`
              : `${who} are ${overall} of the whole workforce and at least that share of ${input.staffGroup} in each of the ${shown.length} ${input.category}s that can be shown.`,
  );

  return {
    title: first,
    subtitle: `Percentage of ${input.staffGroup} in each ${input.category} who are ${input.group}, at ${input.date}, against the whole workforce`,
    alt: chartName(`Bar chart: the percentage of ${input.staffGroup} in each ${input.category} who are ${input.group}, with the whole workforce's percentage as a line`),
    // A figure not shown says so in the chart, in place of its bar; the whole workforce's in the title.
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

function spec(input: RepresentationInput): TopLevelSpec {
  const overall = input.overall.value;
  const bars = horizontalBars(
    input.rows.map((row) => ({ label: row.label, figure: row.share, colour: colours.focus })),
    {
      axisTitle: `${input.groupHeading} staff (%)`,
      ...(overall === null ? {} : { reference: { value: overall, text: `${WHOLE_WORKFORCE}: ${labelText(input.overall, "%")}` } }),
    },
  );
  return { ...base, height: bars.height, params: bars.params, data: { values: bars.values }, layer: bars.layers };
}

const plotted = (input: RepresentationInput) => input.rows.map((row) => row.share);

export const representationChart: ChartType<RepresentationInput> = { name: "representation", text, table, spec, plotted };
