/**
 * The names a table's cells are shown after on a phone, where each row of the at-a-glance table
 * and of a data table of more than three columns is a block of labelled fields. They are written
 * once on the table, as custom properties of its style attribute (--c2 for the second column's
 * cells, --c3 for the third, ...), and data-table.css shows each cell's with `::before`, out of
 * the accessibility tree as the column header already names the cell. A data-label on every cell
 * said the same thing once per row: 20 KB on a large report page.
 */
import { escapeAttribute } from "./escape.ts";

/** data-table.css names the cells of columns 2 to 8: the at-a-glance table has 8 columns, a data table at most 5. */
export const LABELLED_COLUMNS = 8;

const cssString = (text: string) => `'${text.replace(/[\\']/g, "\\$&").replace(/\n/g, "\\A ")}'`;

/**
 * The style attribute's value (HTML-escaped, for a double-quoted attribute) for a table whose
 * columns are `head`, the row headers' column first: "--c2:'Headcount';--c3:'White staff'".
 */
export function columnLabels(head: readonly string[]): string {
  if (head.length > LABELLED_COLUMNS) {
    throw new Error(
      `a table that stacks on a phone has ${head.length} columns ("${head.join('", "')}"), but templates/components/data-table/data-table.css names the cells of at most ${LABELLED_COLUMNS}: add a rule for each further column there and raise LABELLED_COLUMNS in scripts/html/column-labels.ts`,
    );
  }
  return escapeAttribute(head.slice(1).map((name, i) => `--c${i + 2}:${cssString(name)}`).join(";"));
}
