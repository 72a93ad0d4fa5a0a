/**
 * The message catalogue for the command line: what a command says about how it was run (its
 * options, its environment, the folder it is asked to create), each with a stable code and a fix.
 * The other audiences have their own: an author's files (validate/messages.ts), the CSV import
 * (import/messages.ts), the PDF step (pdf/messages.ts). content/guide/errors.md explains every code.
 */
import { quotedList, type Message } from "../validate/messages.ts";

export const commandMessages = {
  onlyUnknown: (only: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "only-unknown",
    message: `"--only ${only}" names no organisation or report in this project${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: `give an organisation, or an organisation and period, as they appear in the site's addresses: ${quotedList(known.slice(0, 12))}${known.length > 12 ? ", ..." : ""}`,
  }),
  badSourceDateEpoch: (value: string): Message => ({
    code: "bad-source-date-epoch",
    message: `SOURCE_DATE_EPOCH is set to "${value}", which is not a number of seconds since 1 January 1970`,
    fix: "set it to whole seconds, for example SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it",
  }),
  newBadOrganisation: (value: string): Message => ({
    code: "new-bad-organisation",
    message: `"${value}" cannot be an organisation's folder name`,
    fix: "use lower-case letters, digits and hyphens only, e.g. `npm run new -- acme-nhs-trust 2025/26`",
  }),
  newBadPeriod: (value: string): Message => ({
    code: "new-bad-period",
    message: `"${value}" is not a period such as 2025/26 (two years in a row)`,
    fix: "write the period as published, four digits, a slash and the next year's two digits, e.g. `npm run new -- acme-nhs-trust 2025/26`",
  }),
  newFilesExist: (files: readonly string[]): Message => ({
    code: "new-file-exists",
    message: `these files already exist, and npm run new never overwrites a file: ${files.join(", ")}`,
    fix: "edit the existing files, or move them away first if you really mean to start again",
  }),
  newFromMissing: (file: string, known: readonly string[]): Message => ({
    code: "new-from-missing",
    message: `there is no plan ${file} to carry the actions over from`,
    fix: known.length ? `use one of this organisation's periods: ${known.join(", ")}` : "leave out --from: this organisation has no earlier plan",
  }),
  newFromInvalid: (file: string): Message => ({
    code: "new-from-invalid",
    message: `the plan ${file} has problems (listed above), so its actions cannot be carried over`,
    fix: "fix the problems listed above (npm run validate), then run the same command again",
  }),
} as const;
