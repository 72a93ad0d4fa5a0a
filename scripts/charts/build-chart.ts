/**
 * One chart type + its input -> a finished Chart: the words, the SVG (named by the finding),
 * the table model and the CSV, all from the same figures.
 */
import { toCsv, toTableModel } from "./chart-data.ts";
import { renderSvg } from "./render-svg.ts";
import type { Chart, ChartType } from "./types.ts";

export interface ChartPlacement {
  /** Unique on the page: "wres-1-non-clinical". */
  id: string;
  /** The source line: "Source: Example NHS Trust, Electronic Staff Record, 31 March 2024". */
  source: string;
  /** Where the page links to the CSV; defaults to `<id>.csv` beside the page. */
  csvHref?: string;
}

export async function buildChart<Input>(type: ChartType<Input>, input: Input, placement: ChartPlacement): Promise<Chart> {
  const text = type.text(input);
  const table = type.table(input);
  const csvFileName = `${placement.id}.csv`;
  return {
    ...text,
    id: placement.id,
    kind: type.name,
    source: placement.source,
    svg: await renderSvg(type.spec(input), { id: placement.id, label: text.alt }),
    table: toTableModel(table),
    csv: toCsv(table),
    csvFileName,
    csvHref: placement.csvHref ?? csvFileName,
  };
}
