/**
 * `npm run new -- <organisation> <period> --from <earlier period>`: next year's plan, made from
 * last year's. Themes and actions are carried over as they were, statuses and progress included,
 * so that the author updates each one; a comment above each action says what it was last year.
 * Pure: the validated earlier plan in, YAML text out.
 */
import { dump, JSON_SCHEMA } from "js-yaml";
import type { Action, Plan, Theme } from "../validate/schema.ts";
import { periodSlug, schemaLine } from "./files.ts";

/** YAML as the loader reads it back (JSON schema: "1.1" stays text, quoted), lines up to 100 characters. */
const toYaml = (value: unknown) => dump(value, { schema: JSON_SCHEMA, lineWidth: 100, quotingType: '"', noRefs: true });

const indent = (text: string, spaces: number) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => (line === "" ? line : `${" ".repeat(spaces)}${line}`))
    .join("\n");

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

function themeYaml(theme: Theme, from: string): string {
  const { actions, ...fields } = theme;
  const actionsYaml = actions.map((a) => `${actionComment(a, from)}\n${toYaml([a]).trimEnd()}`).join("\n");
  return `- ${indent(toYaml(fields), 2).trimStart()}\n  actions:\n${indent(actionsYaml, 4)}`;
}

export function carryOverPlan(previous: Plan, period: string, source: string, schemaRef: string): string {
  const title = retitle(previous.title, previous.period, period);
  const head: Record<string, unknown> = { title, period, standards: previous.standards };
  if (previous.introduction !== undefined) head.introduction = previous.introduction;
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
    toYaml(head).trimEnd(),
    "themes:",
    indent(previous.themes.map((t) => themeYaml(t, previous.period)).join("\n"), 2),
    "",
  ].join("\n");
}
