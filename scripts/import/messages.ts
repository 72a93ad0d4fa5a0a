/**
 * The message catalogue for the CSV import (npm run import): what is wrong with the CSV file, a
 * row or a value of it, or with the import command's own options, each with a stable code and a fix.
 * The other audiences have their own: an author's files (validate/messages.ts), the command line
 * (commands/messages.ts), the PDF step (pdf/messages.ts). content/guide/errors.md explains every code.
 */
import type { Message } from "../validate/messages.ts";

export const importMessages = {
  csvSyntax: (reason: string): Message => ({
    code: "csv-syntax",
    message: `the CSV could not be read: ${reason}`,
    fix: "a value that contains a comma, a quote or a line break must be inside double quotes, and a quote inside it written twice (\"\"); save the file again from your spreadsheet as CSV",
  }),
  csvColumnMissing: (column: string, found: readonly string[]): Message => ({
    code: "csv-column-missing",
    message: `the first row of the CSV has no "${column}" column (it has: ${found.map((f) => `"${f}"`).join(", ") || "nothing"})`,
    fix: "start the file with the heading row Standard,Indicator,Breakdown,Group,Value (see the template in the authoring guide)",
  }),
  csvColumnUnknown: (column: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "csv-column-unknown",
    message: `the first row of the CSV names a column "${column}", which the import does not know${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: guess ? `rename the column "${guess}"` : `use only the columns ${known.join(", ")}; delete any other column`,
  }),
  csvFieldCount: (cells: number, expected: number): Message => ({
    code: "csv-field-count",
    message: `this row has ${cells} cell${cells === 1 ? "" : "s"}, but the heading row has ${expected}`,
    fix: "a value that contains a comma must be inside double quotes; otherwise add or remove cells so that the row matches the heading row",
  }),
  csvUnknownStandard: (value: string): Message => ({
    code: "csv-unknown-standard",
    message: value ? `"${value}" is not a standard the import knows` : "this row says nothing in the Standard column",
    fix: 'write WRES (race) or WDES (disability) in the Standard column',
  }),
  csvUnknownIndicator: (standard: string, value: string, known: readonly string[]): Message => ({
    code: "csv-unknown-indicator",
    message: `"${value}" is not a ${standard} ${standard === "WRES" ? "indicator" : "metric"} the import knows`,
    fix: `write one of: ${known.join(", ")} in the Indicator column`,
  }),
  csvUnknownBreakdown: (indicator: string, value: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "csv-unknown-breakdown",
    message: `"${value}" is not a breakdown of ${indicator}${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: `write one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""} in the Breakdown column`,
  }),
  csvUnknownGroup: (where: string, value: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "csv-unknown-group",
    message: value
      ? `"${value}" is not a group of ${where}${guess ? `: did you mean "${guess}"?` : ""}`
      : `this row of ${where} says nothing in the Group column`,
    fix: known.length === 0 ? "leave the Group column empty for this row" : `write one of: ${known.join(", ")} in the Group column`,
  }),
  csvBadValue: (where: string, value: string, expected: string): Message => ({
    code: "csv-bad-value",
    message: `the value "${value}" of ${where} is not ${expected}`,
    fix: `write ${expected} in the Value column, as in the data return; delete the row if you have no figure`,
  }),
  csvDuplicateRow: (firstLine: number): Message => ({
    code: "csv-duplicate-row",
    message: `this row gives the same figure as line ${firstLine}`,
    fix: "keep one of the two rows and delete the other",
  }),
  csvMissingRows: (what: string, rows: readonly string[]): Message => ({
    code: "csv-missing-rows",
    message: `${what} is incomplete: ${rows.length} row${rows.length === 1 ? " is" : "s are"} missing`,
    fix: `add ${rows.length === 1 ? "this row" : "these rows"} (with the figure in place of <...>): ${rows.slice(0, 6).join("; ")}${rows.length > 6 ? `; and ${rows.length - 6} more` : ""}`,
  }),
  csvNoData: (): Message => ({
    code: "csv-no-data",
    message: "the CSV has no rows of figures below its heading row",
    fix: "add one row per figure under the heading row (see the template in the authoring guide)",
  }),
  importFileExists: (file: string): Message => ({
    code: "import-file-exists",
    message: `${file} already exists, so the import did not write it`,
    fix: "add --force to replace it (the old file is lost unless it is in git), or import with another --year",
  }),
  importUsage: (problem: string): Message => ({
    code: "import-usage",
    message: problem,
    fix: "run: npm run import -- <file.csv> --org <organisation> --year <yyyy>, e.g. npm run import -- wres-2024.csv --org example-nhs-trust --year 2024",
  }),
} as const;
