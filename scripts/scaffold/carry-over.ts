/**
 * `npm run new -- <organisation> <period> --from <earlier period>`: next year's plan and report
 * page, made from last year's. The plan keeps its shape (themes, objectives, a single list), its
 * column headings, its numbers (quoted, so "1.10" stays "1.10") and every paragraph and list of
 * its text; statuses and progress are carried over so that the author updates each one, with a
 * comment above each action saying what it was last year. The report page keeps its front matter
 * and the headings of its narrative, with a line to replace under each.
 * Pure: the validated earlier plan and report in, YAML and Markdown text out.
 */
import { dump, JSON_SCHEMA } from "js-yaml";
import type { Heading } from "../html/markdown.ts";
import type { Action, Plan, ReportFrontMatter } from "../validate/schema.ts";
import { periodSlug, schemaLine } from "./files.ts";

/** YAML as the loader reads it back (JSON schema: "1.1" stays text, quoted), lists of plain values on one line. */
const dumpYaml = (value: unknown) => dump(value, { schema: JSON_SCHEMA, lineWidth: 100, quotingType: '"', noRefs: true, flowLevel: 1 });

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `${" ".repeat(spaces)}${line}`))
    .join("\n");

/**
 * One field as YAML lines. Text over several lines is written as a literal block (`|-`), line
 * for line as the author wrote it, so paragraphs and lists read as they did (js-yaml would fold
 * a long paragraph into `>-` with doubled line breaks).
 */
function field(key: string, value: unknown): string {
  if (typeof value === "string" && value.includes("\n") && !/^\s/.test(value) && !value.includes("\t")) {
    return `${key}: |-\n${indent(value, 2)}`;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return `${key}:\n${indent(fields(value as Record<string, unknown>), 2)}`;
  return dumpYaml({ [key]: value }).trimEnd();
}

/** A set of fields, in the order given, each through `field`. */
function fields(object: Record<string, unknown>): string {
  return Object.entries(object)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => field(k, v))
    .join("\n");
}

/** "- " and the item's fields, with an action's comment above it. */
function listItem(item: Record<string, unknown>, comment?: string): string {
  const body = indent(fields(item), 2).replace(/^ {2}/, "- ");
  return comment ? `${comment}\n${body}` : body;
}

/** "2024/25" in a title becomes "2025/26" (and "2024-25" becomes "2025-26"). */
export function retitle(title: string, from: string, to: string): string {
  return title.replaceAll(from, to).replaceAll(periodSlug(from), periodSlug(to));
}

function actionComment(action: Action, from: string): string {
  if (action.see !== undefined) return `# Carried over from ${from}: a row pointing to action ${action.see}.`;
  const was = action.status !== undefined ? `status "${action.status}"` : "no status";
  const tail = action.status === "complete" ? "Remove it if it is finished, or update it." : "Update its status and progress for this year.";
  return `# Carried over from ${from} (${was}). ${tail}`;
}

const actionsField = (actions: readonly Action[], from: string) =>
  `actions:\n${indent(actions.map((a) => listItem(a, actionComment(a, from))).join("\n"), 2)}`;

export function carryOverPlan(previous: Plan, period: string, source: string, schemaRef: string): string {
  const title = retitle(previous.title, previous.period, period);
  const { themes, actions } = previous;
  const body = themes
    ? `themes:\n${indent(
        themes
          .map((theme) => {
            const { actions: themeActions, objectives, ...own } = theme;
            const parts = [fields(own)];
            if (themeActions) parts.push(actionsField(themeActions, previous.period));
            if (objectives) {
              const list = objectives.map((objective) => {
                const { actions: objectiveActions, ...text } = objective;
                return objectiveActions ? `${listItem(text)}\n${indent(actionsField(objectiveActions, previous.period), 2)}` : listItem(text);
              });
              parts.push(`objectives:\n${indent(list.join("\n"), 2)}`);
            }
            return indent(parts.join("\n"), 2).replace(/^ {2}/, "- ");
          })
          .join("\n"),
        2,
      )}`
    : actionsField(actions ?? [], previous.period);
  return [
    schemaLine(schemaRef),
    `# Your action plan for ${period}, carried over from the ${previous.period} plan (${source}).`,
    "# Lines starting with # are comments: the tool ignores them.",
    "# Every action keeps last year's status and progress: update each one for this year, remove",
    "# actions you have finished or stopped, and add new ones. The report shows what changed since",
    `# ${previous.period}. The authoring guide explains every field: content/guide/action-plan.md`,
    ...(title === previous.title ? ["# The title below is last year's: change it for this year."] : []),
    "# Statuses: not started, in progress, on-going, delayed, complete. Dates are YYYY-MM-DD.",
    "",
    fields({ title, period, standards: previous.standards }),
    "# The date you last reviewed the statuses (YYYY-MM-DD): actions past their due date on it show as",
    "# overdue. Remove the # when you have updated them.",
    `# statuses_reviewed: ${Number(period.slice(0, 4)) + 1}-03-31`,
    ...(previous.introduction !== undefined ? [field("introduction", previous.introduction)] : []),
    ...(previous.columns !== undefined ? [field("columns", previous.columns)] : []),
    body,
    "",
  ].join("\n");
}

/**
 * Next year's report page from this year's: its front matter (title for the new period, the
 * next metric year), the headings of its narrative each with a line to replace, and a note of
 * its quotes and board-paper cover, which change every year.
 */
export function carryOverReport(previous: ReportFrontMatter, headings: readonly Heading[], from: string, period: string, metricsYear: number | undefined): string {
  const front: Record<string, unknown> = {};
  if (previous.title !== undefined) front.title = retitle(previous.title, from, period);
  if (previous.metrics_year !== undefined && metricsYear !== undefined) front.metrics_year = metricsYear;
  front.outputs = previous.outputs;
  if (previous.appendix_title !== undefined) front.appendix_title = previous.appendix_title;
  const notes = [
    ...(previous.summary !== undefined ? [`# Last year's summary: ${previous.summary.replace(/\s+/g, " ")}`] : []),
    ...(previous.quotes?.length ? [`# Last year's page had ${previous.quotes.length} quote${previous.quotes.length === 1 ? "" : "s"}: add this year's under quotes: (see the guide).`] : []),
    ...(previous.board_paper ? ["# Last year's page was a board paper: add this year's cover sheet under board_paper: (see the guide)."] : []),
  ];
  const narrative = headings.map((h) => `${"#".repeat(h.level)} ${h.text}\n\nReplace this with your text for ${period}.\n`);
  return [
    "---",
    `# The report page for ${period}, carried over from ${from}: the same sections, to fill in for this year.`,
    "# Lines starting with # are comments. The authoring guide explains every field: content/guide/report-page.md",
    ...notes,
    fields(front),
    "summary: Replace this with a one-sentence summary of the report.",
    "---",
    narrative.join("\n") || "Replace this with your narrative, in Markdown.\n",
  ].join("\n");
}
