/**
 * The message catalogue for an author's files: every sentence loading and validation say about a
 * file of data/ or content/, in one place. Each entry gives a stable code, the plain-English
 * message, and the fix to suggest. The other audiences have catalogues of their own, on this
 * shape: the command line (commands/messages.ts), the CSV import (import/messages.ts), the PDF
 * step (pdf/messages.ts). The authoring guide (content/guide/errors.md) explains every code.
 *
 * A message is a template over the data it is given: it chooses between wordings on that data and
 * uses pure text helpers (quotedList), but searches, parses and computes nothing. A suggestion
 * ("did you mean ...?"), a date's slip, the number behind "12.5%" are worked out by the caller
 * (validate/suggest.ts) and passed in; a test keeps the catalogues so (docs/decisions.md).
 */
import type { DateSlip, YamlSlip } from "./suggest.ts";

export interface Message {
  code: string;
  message: string;
  fix: string;
}

/** Values in quotes, separated by commas: "2", "4a-i". */
export const quotedList = (items: readonly (string | number)[]) => items.map((i) => JSON.stringify(i)).join(", ");

/** The checks of a file that wait for its problems to be fixed, each named as "its ...", and how many. */
export const blockedChecks = {
  unread: ["its fields and values", "its parts against each other and against the other files"],
  unreadReport: ["its front matter", "its narrative (headings, tables, quotes)", "its plan and metric data"],
  planSchema: ['its numbering and "see" rows'],
  reportSchema: ["its quotes and metric year"],
} as const;

/** Said once after a file's problems (`count` of them) when some of its checks could not run. */
export function waitingChecks(file: string, blocked: readonly string[], count: number): string {
  const checks = blocked.length === 1 ? "1 more check" : `${blocked.length} more checks`;
  return count === 1
    ? `Fix this first: ${checks} of ${file} could not run until it is fixed (${blocked.join("; ")}); then run validate again.`
    : `Fix these first: ${checks} of ${file} could not run until they are fixed (${blocked.join("; ")}); then run validate again.`;
}

export const messages = {
  metricSplitMissing: (where: string): Message => ({
    code: "metric-split-missing",
    message: `${where} has no counts: it needs the ethnicity split (white, bme, ethnicity_unknown), the disability split (disabled, non_disabled, disability_unknown), or both`,
    fix: "add the three counts of each split your return covers, e.g. `{ white: 120, bme: 30, ethnicity_unknown: 4 }` for WRES",
  }),
  logoMissing: (logo: string): Message => ({
    code: "logo-missing",
    message: `the logo "${logo}" is not a file in the project folder`,
    fix: "put the image in the project (for example beside the organisation file) and write its path from the project folder, e.g. data/organisations/acme-logo.png",
  }),
  logoUnusable: (logo: string, reason: string): Message => ({
    code: "logo-unusable",
    message: `the logo "${logo}" cannot be used: ${reason}`,
    fix: "save the logo as a PNG, JPEG or SVG file of at most 500 KB",
  }),
  lowContrast: (colour: string, ratio: number, minimum: number): Message => ({
    code: "low-contrast",
    message: `the colour ${colour} is too light for white text: its contrast is ${ratio.toFixed(2)}:1, and WCAG 2.2 AA needs ${minimum}:1`,
    fix: "choose a darker colour, for example NHS Blue #005eb8 (6.4:1) or NHS Dark Blue #003087 (11.9:1)",
  }),
  yamlDashInList: (field: string | undefined): Message => ({
    code: "yaml-dash-in-list",
    message:
      field === "wres" || field === "wdes"
        ? "- is not a number: a list in square brackets holds the indicator numbers, separated by commas"
        : "a - on its own is not an item: a list in square brackets holds its items separated by commas",
    fix:
      field === "wres" || field === "wdes"
        ? "write the indicator numbers, e.g. `[1, 2, 7]`, or leave the list out; for every indicator of the standard write `all`"
        : "write each item, or remove the -",
  }),
  /** `slip`: what the error is about (suggest.ts yamlSlip). */
  yamlSyntax: (reason: string, slip: YamlSlip): Message => ({
    code: "yaml-syntax",
    message: `the YAML could not be read: ${reason}`,
    fix: {
      tab: "indent with spaces, never tabs (set your editor to insert spaces)",
      "duplicate key": "each field may appear only once in the same block: remove or rename the second one",
      tag: "remove the tag starting with `!`; if the text itself starts with `!`, put it in quotes",
      "control character": "the text holds an invisible control character (often pasted from a PDF or Word): delete the text at this point and type it again",
      "second document": "a line `---` starts a second document, but each file holds one: remove that line (and move what follows it to its own file)",
      other:
        "check the indentation and punctuation on this line and the one above it; text containing a colon followed by a space must be in quotes; a quote opened on an earlier line and never closed also shows up here",
    }[slip],
  }),
  tooManyAliases: (max: number): Message => ({
    code: "yaml-aliases",
    message: `the file uses more than ${max} YAML aliases (*name), the most allowed`,
    fix: "write the values out in full instead of using anchors (&name) and aliases (*name)",
  }),
  notUtf8: (): Message => ({
    code: "encoding",
    message: "the file is not saved as UTF-8 text",
    fix: "save the file again choosing the UTF-8 encoding (in Word or Excel: Save As > Plain Text > UTF-8)",
  }),
  tooLarge: (bytes: number, max: number): Message => ({
    code: "file-too-large",
    message: `the file is ${Math.round(bytes / 1024)} KB, larger than the ${Math.round(max / 1024)} KB allowed`,
    fix: "split the content into smaller files; a real plan is far smaller than this",
  }),
  emptyFile: (): Message => ({
    code: "empty-file",
    message: "the file is empty",
    fix: "add the fields the file needs (see the authoring guide), or delete the file",
  }),
  notAMapping: (): Message => ({
    code: "not-a-mapping",
    message: "the file should be a set of fields (name: value), but it is a single value or a list",
    fix: "start the file with fields such as `title: ...` at the left margin",
  }),
  /** `guess`: the known field `field` most likely meant (suggest.ts didYouMean); `value`: what it holds, when a single value. */
  unknownField: (field: string, where: string, known: readonly string[], guess: string | undefined, value?: string | number): Message => {
    // "lead: Chief Nurse" for "leads": the field holds a list, so say the whole line to write, not only the new name.
    const asList = guess === `${field}s` && value !== undefined;
    return {
      code: "unknown-field",
      message: `unknown field "${field}" in ${where}${guess ? `: did you mean "${guess}"?` : ""}`,
      fix: asList ? `write \`${guess}: [${String(value)}]\` (the field is "${guess}", and it holds a list)` : guess ? `rename "${field}" to "${guess}"` : `remove it, or use one of: ${known.join(", ")}`,
    };
  },
  missingField: (field: string, where: string): Message => ({
    code: "missing-field",
    message: `${where} has no "${field}", which is required`,
    fix: `add a line \`${field}: ...\` to ${where}`,
  }),
  /** `written`: a figure copied with its % sign or thousands commas, as the number to write (suggest.ts numberAsWritten). */
  wrongType: (field: string, where: string, expected: string, got: string, written?: { number: string; percent: boolean }): Message => {
    const number = expected === "a number" || expected === "a whole number";
    return {
      code: "wrong-type",
      message: `"${field}" in ${where} should be ${expected}, but it is ${got}`,
      fix:
        expected === "a list"
          ? `write each item on its own line starting with "- ", under \`${field}:\``
          : expected === "text"
            ? `put the value in quotes, e.g. \`${field}: "1.10"\` (without quotes YAML reads 1.10 as the number 1.1)`
            : number && written?.percent
              ? `remove the % sign: \`${field}: ${written.number}\``
              : number && written
                ? `write the number without commas or quotes: \`${field}: ${written.number}\``
                : `change it to ${expected}`,
    };
  },
  idReadAsNumber: (written: string, value: number, where: string): Message => ({
    code: "wrong-type",
    message:
      written === String(value)
        ? `the "id" of ${where} is the number ${written}, but an id must be text`
        : `the "id" of ${where} is written ${written}, but YAML reads that as the number ${value}, not the id "${written}"`,
    fix: `put it in quotes: \`id: "${written}"\``,
  }),
  notOneOf: (field: string, where: string, value: string, allowed: readonly string[], guess: string | undefined): Message => ({
    code: "not-allowed",
    message: `"${value}" is not an allowed ${field} in ${where}${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: `use one of: ${quotedList(allowed)}`,
  }),
  /** `range`: the standard's first and last indicator numbers. */
  unknownIndicator: (standard: "WRES" | "WDES", n: number, where: string, range: { first: number; last: number }): Message => ({
    code: "unknown-indicator",
    message: `${where} maps to ${standard} ${standard === "WRES" ? "indicator" : "metric"} ${n}, which does not exist (${range.first}-${range.last})`,
    fix: `use a number from ${range.first} to ${range.last}`,
  }),
  unknownPromise: (value: string, where: string, themes: readonly string[], guess: string | undefined): Message => ({
    code: "unknown-people-promise",
    message: `"${value}" in ${where} is not one of the seven NHS People Promise themes${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: `use one of: ${quotedList(themes)}`,
  }),
  /** `slip`: which part is wrong and the date most likely meant (suggest.ts dateSlip). */
  badDate: (field: string, where: string, value: string, slip: DateSlip): Message => {
    switch (slip.kind) {
      case "no such month":
        return {
          code: "bad-date",
          message: `"${value}" in ${where} is not a date that exists: there is no month ${slip.month} (the month comes second: year-month-day)`,
          fix: `write the date as year-month-day, e.g. \`${field}: ${slip.swapped}\` if the day and month were swapped`,
        };
      case "no such day":
        return {
          code: "bad-date",
          message: `"${value}" in ${where} is not a date that exists: ${slip.monthName} ${slip.year} has ${slip.days} days`,
          fix: `correct the day, e.g. \`${field}: ${slip.lastDay}\` for the last day of ${slip.monthName}`,
        };
      default:
        return {
          code: "bad-date",
          message: `"${value}" in ${where} is not a date written as year-month-day (YYYY-MM-DD)`,
          fix: `write the date as year-month-day, e.g. \`${field}: ${slip.example}\`; keep the published wording in "timescale"`,
        };
    }
  },
  badPeriod: (value: string): Message => ({
    code: "bad-period",
    message: `"${value}" is not a period written as published, like 2023/24`,
    fix: "write the period as four digits, a slash and two digits, in quotes or not: 2023/24",
  }),
  emptyValue: (field: string, where: string): Message => ({
    code: "empty",
    message: `"${field}" in ${where} is empty`,
    fix: `write something in "${field}", or remove the line`,
  }),
  emptyList: (field: string, where: string, minimum: number): Message => ({
    code: "too-few",
    message: `"${field}" in ${where} needs at least ${minimum} item${minimum === 1 ? "" : "s"}`,
    fix: `add ${minimum === 1 ? "an item" : "items"} under \`${field}:\`, each on its own line starting with "- "`,
  }),
  outOfRange: (field: string, where: string, detail: string): Message => ({
    code: "out-of-range",
    message: `"${field}" in ${where} is out of range: ${detail}`,
    fix: "check the figure against the source document",
  }),
  invalid: (field: string, where: string, detail: string): Message => ({
    code: "invalid",
    message: `"${field}" in ${where} is not valid: ${detail}`,
    fix: "compare it with the example in the authoring guide",
  }),
  duplicateId: (kind: "theme" | "objective" | "action", id: string, where: string, firstLine: number): Message => ({
    ...{ theme: { code: "duplicate-theme-id" }, objective: { code: "duplicate-objective-id" }, action: { code: "duplicate-action-id" } }[kind],
    message: `duplicate ${kind} id ${id}${where === "the plan" ? "" : ` in ${where}`} (it is also used on line ${firstLine})`,
    fix:
      kind === "action"
        ? `give each action its own number; if the published plan numbered two actions ${id}, number the second ${id}a and say so in a comment`
        : `give each ${kind} its own number`,
  }),
  partWithoutId: (kind: "theme" | "objective" | "action", where: string, owner: string, example: string): Message => ({
    ...{ theme: { code: "theme-without-id" }, objective: { code: "objective-without-id" }, action: { code: "action-without-id" } }[kind],
    message: `${where} has no "id", but the other ${kind}s of ${owner} have one (such as "${example}")`,
    fix:
      kind === "action"
        ? `add its number as published, e.g. \`id: "${example}"\`; a row that only says "See 4.3" is written \`see: "4.3"\`; if the published plan numbers none of these actions, remove every id`
        : `add its number as published, e.g. \`id: "${example}"\`; if the published plan numbers none of these ${kind}s, remove every id`,
  }),
  actionWithoutText: (where: string): Message => ({
    code: "action-without-text",
    message: `${where} says nothing: it has no "action", "objective" or "see"`,
    fix: 'add the action\'s text under `action: |`, or `see: "N.N"` if the row points to another action',
  }),
  planWithoutActions: (): Message => ({
    code: "plan-without-actions",
    message: 'the plan has no actions: it needs "themes" (each with its actions or objectives) or, for a plan that is one list, "actions"',
    fix: "add `themes:` with the plan's themes, or `actions:` with its actions if the published plan has no themes (see the guide's page on plan shapes)",
  }),
  planThemesAndActions: (): Message => ({
    code: "plan-themes-and-actions",
    message: 'the plan has both "themes" and a list of "actions" of its own; a plan is either themes or one list of actions',
    fix: "move these actions into a theme (under its `actions:`), or remove `themes:` if the published plan has none",
  }),
  themeWithoutActions: (where: string): Message => ({
    code: "theme-without-actions",
    message: `${where} has no actions: it needs "actions", or "objectives" each holding its actions`,
    fix: "add `actions:` with the theme's actions, or `objectives:` if the theme is written as objectives with actions under each",
  }),
  themeActionsAndObjectives: (where: string): Message => ({
    code: "theme-actions-and-objectives",
    message: `${where} has both "actions" and "objectives"; a theme holds one or the other`,
    fix: "move the theme's actions under the objective they belong to (each objective has its own `actions:`), or write the objectives as actions",
  }),
  nestedActions: (where: string): Message => ({
    code: "nested-actions",
    message: `${where} holds a list of "actions" of its own, but an action cannot hold actions; an objective can`,
    fix: 'to give an objective several actions, write the theme\'s `objectives:` instead of `actions:`, each objective as `- id: "1.2"`, `objective: ...` (its text), an optional `current_position: ...` and its own `actions:` list (see the guide\'s page on plan shapes)',
  }),
  /** `known`: the plan's action numbers; `guess`: the one a slip most likely meant (suggest.ts nearActionNumber). */
  seeMissing: (see: string, id: string | undefined, known: readonly string[], guess: string | undefined): Message => ({
    code: "see-missing",
    message: `${id ? `action ${id}` : "this row"} says "See ${see}", but there is no action ${see} in this plan${guess ? `: did you mean ${guess}?` : ""}`,
    fix: `point "see" at an action that exists (${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""})`,
  }),
  indicatorOutsideStandards: (standard: string, where: string, standards: readonly string[]): Message => ({
    code: "standard-not-covered",
    message: `${where} maps to ${standard}, but the plan's "standards" are ${standards.join(" and ")}`,
    fix: `add ${standard} to "standards" at the top of the plan, or remove the ${standard.toLowerCase()} mapping`,
  }),
  quoteMarkerUnknown: (marker: string, count: number): Message => ({
    code: "quote-marker-unknown",
    message: `the narrative places "${marker}", but the report has ${count === 0 ? "no quotes" : count === 1 ? "one quote" : `${count} quotes`}`,
    fix: count === 0 ? "add the quote under `quotes:` in the front matter, or remove this line" : `use a number from 1 to ${count} (the quote's place in \`quotes:\`), or remove this line`,
  }),
  quotePlacedTwice: (marker: string, firstLine: number): Message => ({
    code: "quote-placed-twice",
    message: `"${marker}" places a quote that line ${firstLine} places already`,
    fix: "each quote is shown once: remove one of the two lines",
  }),
  planMissing: (plan: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "plan-missing",
    message: `this report uses the plan "${plan}", but there is no such plan for the organisation${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: known.length
      ? `set "plan" to one of: ${quotedList(known)} (files in data/plans/<organisation>/)`
      : "create the plan file data/plans/<organisation>/<period>.yaml first (npm run new)",
  }),
  organisationMissing: (slug: string, guess: string | undefined): Message => ({
    code: "organisation-missing",
    message: `there is no organisation "${slug}" (no file data/organisations/${slug}.yaml)${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: `create data/organisations/${slug}.yaml, or move this file into the folder of an organisation that exists`,
  }),
  periodMismatch: (planPeriod: string, fileSlug: string): Message => ({
    code: "period-mismatch",
    message: `the plan's period is ${planPeriod}, but its file is named ${fileSlug}.yaml`,
    fix: `name the file ${planPeriod.replace("/", "-")}.yaml, or correct "period"`,
  }),
  /** `usable`: an id made from the value (suggest.ts idFrom). */
  badId: (field: string, where: string, value: string, usable: string): Message => ({
    code: "bad-id",
    message: `"${value}" is not usable as the ${field} of ${where}: it becomes part of the site's addresses`,
    fix: `use lower-case letters, digits and single hyphens only, e.g. \`${field}: ${usable}\``,
  }),
  duplicateGroupId: (id: string, firstLine: number): Message => ({
    code: "duplicate-group-id",
    message: `two groups have the id "${id}" (it is also used on line ${firstLine})`,
    fix: "give each group its own id; if they are the same group, merge their members into one",
  }),
  groupMemberUnknown: (member: string, group: string, guess: string | undefined): Message => ({
    code: "group-member-unknown",
    message: `the group "${group}" lists "${member}", but there is no organisation "${member}" (no file data/organisations/${member}.yaml)${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: guess ? `change it to "${guess}"` : "write the organisation's file name without .yaml, as in data/organisations/, or add the organisation first (npm run new)",
  }),
  duplicateGroupMember: (member: string, group: string, firstLine: number): Message => ({
    code: "duplicate-group-member",
    message: `the group "${group}" lists "${member}" twice (also on line ${firstLine})`,
    fix: "remove the second one; if you meant another organisation, write its name instead",
  }),
  groupUnknown: (group: string, known: readonly string[], guess: string | undefined): Message => ({
    code: "group-unknown",
    message: `the organisation names the group "${group}", but data/groups.yaml has no group with that id${guess ? `: did you mean "${guess}"?` : ""}`,
    fix: guess
      ? `change it to "${guess}"`
      : known.length > 0
        ? `use one of: ${quotedList(known)}, or add the group to data/groups.yaml (id, name and type)`
        : `create data/groups.yaml with the group's id, name and type, e.g. \`groups: [{ id: ${group}, name: ..., type: region }]\``,
  }),
  groupTooSmall: (group: string, count: number, minimum: number): Message => ({
    code: "group-too-small",
    message: `the group "${group}" has ${count} organisation${count === 1 ? "" : "s"}, but a comparison needs at least ${minimum}`,
    fix: `add the group's other organisations to its "members" (or name the group in their organisation files), or remove the group`,
  }),
  badFileName: (name: string, expected: string): Message => ({
    code: "bad-file-name",
    message: `the file name "${name}" is not of the form ${expected}`,
    fix: `rename the file to the form ${expected} (lower-case letters, digits and hyphens)`,
  }),
  frontMatterMissing: (): Message => ({
    code: "front-matter-missing",
    message: "the report page has no front matter (the block between two `---` lines at the top)",
    fix: "start the file with a line `---`, the report's fields, and another line `---`, then the narrative",
  }),
  tableWithoutCaption: (): Message => ({
    code: "table-without-caption",
    message: "this table in the narrative has no caption, so a screen reader user cannot tell what it holds before reading it",
    fix: 'write a line "Table: " and what the table shows (e.g. "Table: Staff by ethnic group, 31 March 2024") directly above the table, with a blank line between',
  }),
  headingSkipped: (text: string, level: number, previous: number, top: number): Message => {
    const hashes = (n: number) => "#".repeat(n);
    return {
      code: "heading-skipped",
      message:
        previous < top
          ? `the narrative's first heading "${text}" is written ${hashes(level)}, but its main headings are ${hashes(top)}: a screen reader user moving from heading to heading would think a section is missing`
          : `the heading "${text}" is written ${hashes(level)} but follows a ${hashes(previous)} heading, skipping a level: a screen reader user moving from heading to heading would think a section is missing`,
      fix:
        previous < top
          ? `write it ${hashes(top)}, like the narrative's other main headings`
          : `write it ${hashes(previous + 1)} (one # more than the heading above it), or ${hashes(previous)} if it starts a section of its own`,
    };
  },
  metricsYearMissing: (year: number, organisation: string, known: readonly number[]): Message => ({
    code: "metrics-year-missing",
    message: `this report shows metric data for ${year}, but there is no file data/metrics/${organisation}/${year}.yaml`,
    fix: known.length ? `use one of the years that exist: ${known.join(", ")}` : "add the metric data file, or remove metrics_year",
  }),
  metricSplitsDiffer: (where: string, ethnicityTotal: number, disabilityTotal: number): Message => ({
    code: "metric-splits-differ",
    message: `in ${where} the ethnicity counts add up to ${ethnicityTotal} but the disability counts add up to ${disabilityTotal}; both split the same people`,
    fix: "check both sets of counts against the data return: white + bme + ethnicity_unknown must equal disabled + non_disabled + disability_unknown",
  }),
  appointedOverShortlisted: (group: string, appointed: number, shortlisted: number): Message => ({
    code: "appointed-over-shortlisted",
    message: `${appointed} ${group} applicants were appointed but only ${shortlisted} were shortlisted; no more can be appointed than were shortlisted`,
    fix: "check the recruitment counts against the data return (appointed counts only people appointed from shortlisting)",
  }),
  metricYearMismatch: (year: number, fileName: string): Message => ({
    code: "metric-year-mismatch",
    message: `the metric file says year ${year}, but its file is named ${fileName}.yaml`,
    fix: `name the file ${year}.yaml, or correct "year"`,
  }),
  rollingAverageTwice: (section: string): Message => ({
    code: "rolling-average-twice",
    message: `the ${section} figures say rolling_average: true (already averaged) and also give previous_year_entries`,
    fix: "either give this year's entries and previous_year_entries (the average is computed), or give the average with rolling_average: true, not both",
  }),
  surveyYearMissing: (year: number): Message => ({
    code: "survey-year-missing",
    message: "the file gives staff survey results but not the survey year they come from",
    fix: `add \`survey_year:\` near the top, e.g. \`survey_year: ${year - 1}\` for the NHS Staff Survey run in the autumn of ${year - 1}; every survey figure is labelled with it`,
  }),
  previousYearDisagrees: (section: string, group: string, value: number, lastYearFile: string, lastYearValue: number): Message => ({
    code: "previous-year-disagrees",
    message: `${section} previous_year_entries gives ${group}: ${value}, but last year's file ${lastYearFile} gives ${group}: ${lastYearValue} entries`,
    fix: `the two-year rolling average takes last year's entries from ${lastYearFile}: delete previous_year_entries here (it is not needed when last year's file exists), or correct whichever figure is wrong`,
  }),
  notWholeCount: (field: string, value: number): Message => ({
    code: "not-whole-count",
    message: `"${field}" is ${value}, but a count of people must be a whole number`,
    fix: "correct the count; if it is a two-year rolling average, add `rolling_average: true` to the section",
  }),
  tooDeep: (max: number): Message => ({
    code: "yaml-too-deep",
    message: `the YAML is nested more than ${max} levels deep`,
    fix: "a plan, report or data file nests only a few levels (theme > actions > action > field): check for runaway brackets [ [ [ or indentation",
  }),
  misplacedFile: (file: string, expected: string): Message => ({
    code: "misplaced-file",
    message: `the file ${file} is not in a place the tool reads, so it would be ignored`,
    fix: `move it to ${expected}, or delete it if it is not needed`,
  }),
  referenceInProject: (): Message => ({
    code: "reference-in-project",
    message: "data/reference/ holds the national definitions (WRES indicators, WDES metrics, People Promise, statuses, national figures), which belong to the tool, not to your project",
    fix: "delete the folder data/reference from your project: the tool's own copy is used, and it is brought up to date when you update the tool",
  }),
  badWebAddress: (value: string): Message => ({
    code: "bad-web-address",
    message: `"${value}" is not the address of a website or of a folder on one`,
    fix: "give the full address the site will have, starting with https:// (e.g. https://www.acme.nhs.uk/about-us/equality/), or only its path, starting with / (e.g. /about-us/equality/); no ? or #",
  }),
  reviewedBeforePrepared: (prepared: string, reviewed: string): Message => ({
    code: "reviewed-before-prepared",
    message: `the accessibility statement is said to be reviewed on ${reviewed}, before it was prepared (${prepared})`,
    fix: "give the date of the latest review, on or after the date it was prepared",
  }),
  publisherMissing: (organisations: number): Message => ({
    code: "publisher-missing",
    message: `the site has ${organisations} organisations, so it must say who publishes it (named in every page's footer and in the accessibility statement)`,
    fix: "add to data/settings.yaml the lines `publisher:` and, indented below it, `name: ` followed by the name of the body that runs the website, e.g. `  name: NHS Acme Integrated Care Board`",
  }),
  /** `asks`: whether it stands for an email address, and what "Replace this with ..." asks for (suggest.ts placeholderAsks). */
  placeholderLeft: (placeholder: string, asks: { email: boolean; what: string | undefined }): Message => ({
    code: "placeholder-left",
    message: `"${placeholder}" is a placeholder written by npm run new, and it would be published as it is`,
    fix: asks.email
      ? "write the address readers should write to in its place, e.g. `email: equality@acme.nhs.uk`"
      : asks.what
        ? `replace it with ${asks.what}`
        : "write your own text in its place, or remove the line",
  }),
  contactMissing: (organisation: string): Message => ({
    code: "contact-missing",
    message: `the accessibility statement has no way for readers to contact ${organisation} (to ask for a report in another format or report a problem): neither this file nor the publisher in data/settings.yaml gives an email address, phone number or postal address`,
    fix: "add to this file the line `contact:` and, indented below it, `email: ` followed by the address readers should write to, e.g. `  email: equality@acme.nhs.uk`",
  }),
} as const;
