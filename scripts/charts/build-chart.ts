/**
 * One chart type + its input -> a finished Chart: the words, the SVG (named by the finding),
 * the table model and the CSV, all from the same figures.
 */
import { toCsv, toTableModel } from "./chart-data.ts";
import { renderSvg } from "./render-svg.ts";
import type { Chart, ChartType, Figure } from "./types.ts";

export interface ChartPlacement {
  /** Unique on the page: "wres-1-non-clinical". */
  id: string;
  /** The source line: "Source: Example NHS Trust, Electronic Staff Record, 31 March 2024". */
  source: string;
  /** Where the page links to the CSV; defaults to `<id>.csv` beside the page. */
  csvHref?: string;
}

/**
 * Why a chart of these figures is not drawn, or undefined if it is: a chart needs two figures
 * shown to show anything (a single point or bar, or none, is said in words and the table).
 */
export function whyNoChart(plotted: readonly Figure[]): string | undefined {
  const shown = plotted.filter((figure) => figure.value !== null).length;
  if (shown >= 2) return undefined;
  const total = plotted.length;
  if (total === 0) return "No chart is drawn, as there is no figure for it.";
  if (shown === 0) return `No chart is drawn, as ${total === 1 ? "its one figure cannot" : `none of its ${total} figures can`} be shown: the table says why.`;
  return total === 1
    ? "No chart is drawn for a single figure: it is in the table."
    : `No chart is drawn, as only 1 of its ${total} figures can be shown: the table gives it, and why the others are not shown.`;
}

export async function buildChart<Input>(type: ChartType<Input>, input: Input, placement: ChartPlacement): Promise<Chart> {
  const text = type.text(input);
  const table = type.table(input);
  const csvFileName = `${placement.id}.csv`;
  const noChart = whyNoChart(type.plotted(input));
  return {
    ...text,
    id: placement.id,
    kind: type.name,
    source: placement.source,
    ...(noChart === undefined ? { svg: await renderSvg(type.spec(input), { id: placement.id, label: text.alt }) } : { noChart }),
    table: toTableModel(table),
    csv: toCsv(table),
    csvFileName,
    csvHref: placement.csvHref ?? csvFileName,
  };
}
