/**
 * One chart type + its input -> a finished Chart: the words, the SVG (named by the finding),
 * the table model and the CSV, all from the same figures (the CSV with the page's own table of
 * them, where the chart type has a `download` table).
 */
import { toCsv, toTableModel } from "./chart-data.ts";
import { renderSvg } from "./render-svg.ts";
import type { Chart, ChartType, Figure } from "./types.ts";

export interface ChartPlacement {
  /** Unique on the page: "wres-1-non-clinical". */
  id: string;
  /** Where the page links to the CSV; defaults to `<id>.csv` beside the page. */
  csvHref?: string;
}

/**
 * A chart needs two figures shown to show anything: a single point or bar, or none, is the
 * finding in words (the caption) and the table, and no chart.
 */
const drawable = (plotted: readonly Figure[]) => plotted.filter((figure) => figure.value !== null).length >= 2;

export async function buildChart<Input>(type: ChartType<Input>, input: Input, placement: ChartPlacement): Promise<Chart> {
  const text = type.text(input);
  const table = type.table(input);
  const csvFileName = `${placement.id}.csv`;
  return {
    ...text,
    id: placement.id,
    kind: type.name,
    ...(drawable(type.plotted(input)) ? { svg: await renderSvg(type.spec(input), { id: placement.id, label: text.alt }) } : {}),
    table: toTableModel(table),
    csv: toCsv(type.download?.(input) ?? table),
    csvFileName,
    csvHref: placement.csvHref ?? csvFileName,
  };
}
