/**
 * The action plan as the templates lay it out: one table per theme (or one table for a plan
 * that is one list), the columns the plan uses under the plan's own headings, objectives as a
 * row heading the actions under them, progress per objective, theme and plan "as at" the date
 * the statuses were reviewed, every Markdown field rendered.
 * Pure: the validated plan and the status vocabulary in, plain data out.
 */
import { longDate } from "../dates.ts";
import {
  actionAnchor,
  addresses,
  isOverdue,
  type ActionNode,
  type Addresses,
  type ObjectiveNode,
  type PlanModel,
  type ThemeNode,
} from "../action-plan/plan-model.ts";
import type { Plan, PlanColumns, Standard } from "../validate/schema.ts";
import type { ActionView, ColumnKey, ColumnView, Link, ObjectiveView, PlanView, ProgressView, StatusView, ThemeView } from "./site-types.ts";
import { StandardFontEmbedder, StandardFonts } from "pdf-lib";
import { renderInline } from "./markdown.ts";

const DEFAULT_HEADINGS: Record<ColumnKey, string> = {
  id: "Action",
  objective: "Objective",
  currentPosition: "Current position",
  action: "What we will do",
  leads: "Responsibility",
  timescale: "When",
  status: "Status",
  kpis: "Measures of success",
  sustained: "How it will be sustained",
  indicators: "Addresses",
};

/** How much room each column takes, relative to the others. */
const COLUMN_WEIGHTS: Record<ColumnKey, number> = { id: 1, objective: 3, currentPosition: 3, action: 4.5, leads: 2, timescale: 1.8, status: 1.6, kpis: 2.5, sustained: 2.5, indicators: 1.6 };

/** A table with more columns than this stacks its rows at a wider width than others. */
const WIDE_TABLE = 6;

/** The id of an indicator's section on the report page: "wres-2". */
export const indicatorAnchor = (standard: Standard, n: number) => `${standard.toLowerCase()}-${n}`;

/** Links to the indicators: one link "All WRES indicators", to the summary of every indicator, for a mapping to all of them. */
export function indicatorLinks(a: Addresses): Link[] {
  return (["WRES", "WDES"] as const).flatMap((standard) => {
    const list = a[standard];
    if (list === "all") return [{ text: `All ${standard} ${standard === "WRES" ? "indicators" : "metrics"}`, href: "#at-a-glance" }];
    return list.map((n) => ({ text: `${standard} ${n}`, href: `#${indicatorAnchor(standard, n)}` }));
  });
}

/**
 * What a row that points to another action shows of it: its opening words, cut at a word before 60
 * characters, so that it says which action it is without saying its sentence a second time.
 */
function plainSummary(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const flat = markdown.replace(/[#*_`>[\]]/g, "").replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 60).replace(/\s+\S*$/, "").replace(/[\s,;:(]+$/, "")}…` : flat;
}

interface Context {
  statuses: ReadonlyMap<string, StatusView>;
  statusDate: string | undefined;
  byId: ReadonlyMap<string, ActionNode>;
}

function actionView(node: ActionNode, context: Context): ActionView {
  const a = node.action;
  const target = a.see !== undefined ? context.byId.get(a.see)?.action : undefined;
  return {
    id: a.id,
    anchor: node.anchor,
    name: node.name,
    see:
      a.see !== undefined
        ? { text: `See action ${a.see}`, href: `#${actionAnchor(a.see)}`, summary: plainSummary(target?.action ?? target?.objective) }
        : undefined,
    objectiveHtml: renderInline(a.objective),
    currentPositionHtml: renderInline(a.current_position),
    actionHtml: renderInline(a.action),
    progressHtml: renderInline(a.progress),
    sustainedHtml: renderInline(a.sustained),
    leads: a.leads ?? [],
    partners: a.partners ?? [],
    timescaleHtml: renderInline(a.timescale),
    due: a.due !== undefined ? longDate(a.due) : undefined,
    // Judged on the date the statuses are as at, never the day of the build: an old edition rebuilt reads as it did.
    overdue: isOverdue(a, context.statusDate),
    status: a.status !== undefined ? context.statuses.get(a.status) : undefined,
    indicators: indicatorLinks(node.own),
    peoplePromise: node.own.peoplePromise,
    kpis: Array.isArray(a.kpis) ? a.kpis : [],
    kpisHtml: typeof a.kpis === "string" ? renderInline(a.kpis) : undefined,
  };
}

/**
 * Status counts of some actions (rows that only point to another action are not counted); undefined
 * when none of them states a status, or when there are fewer than `least` of them.
 */
function progressOf(all: readonly ActionView[], statuses: ReadonlyMap<string, StatusView>, least = 1): ProgressView | undefined {
  const actions = all.filter((a) => !a.see);
  if (actions.length < least || !actions.some((a) => a.status)) return undefined;
  return {
    actions: actions.length,
    counts: [...statuses.values()].map((status) => ({ status, count: actions.filter((a) => a.status?.key === status.key).length })).filter((s) => s.count > 0),
    unstated: actions.filter((a) => !a.status).length,
    overdue: actions.filter((a) => a.overdue).length,
  };
}

function objectiveView(node: ObjectiveNode, actions: ActionView[], context: Context): ObjectiveView {
  const all = addresses(node);
  return {
    id: node.id,
    anchor: node.anchor,
    name: node.name,
    textHtml: renderInline(node.objective.objective)!,
    currentPositionHtml: renderInline(node.objective.current_position),
    indicators: indicatorLinks(all),
    peoplePromise: all.peoplePromise,
    progress: progressOf(actions, context.statuses, 2),
    actions,
  };
}

function columnsOf(actions: readonly ActionView[], objectives: readonly ObjectiveView[], headings: PlanColumns): ColumnView[] {
  const some = (f: (a: ActionView) => unknown) => actions.some((a) => Boolean(f(a)));
  const shown: Record<ColumnKey, boolean> = {
    id: some((a) => a.id || a.see),
    objective: objectives.length > 0 || some((a) => a.objectiveHtml),
    currentPosition: objectives.some((o) => o.currentPositionHtml) || some((a) => a.currentPositionHtml),
    action: some((a) => a.actionHtml || a.see),
    leads: some((a) => a.leads.length || a.partners.length),
    timescale: some((a) => a.timescaleHtml || a.due),
    status: some((a) => a.status || a.progressHtml),
    kpis: some((a) => a.kpis.length || a.kpisHtml),
    sustained: some((a) => a.sustainedHtml),
    indicators: some((a) => a.indicators.length || a.peoplePromise.length),
  };
  const keys = (Object.keys(shown) as ColumnKey[]).filter((k) => shown[k]);
  const given: Partial<Record<ColumnKey, string | undefined>> = { ...headings, currentPosition: headings.current_position };
  // A status column holding only progress notes is headed "Progress".
  const defaults = { ...DEFAULT_HEADINGS, status: some((a) => a.status) ? DEFAULT_HEADINGS.status : "Progress" };
  const heading = (key: ColumnKey) => given[key] ?? defaults[key];
  // Ids such as "WRES 1.5" need more room than "1.5".
  const longestId = Math.max(0, ...actions.map((a) => a.id?.length ?? a.see?.text.length ?? 0));
  const weights = keys.map((k) => (k === "id" ? Math.max(COLUMN_WEIGHTS.id, longestId / 4) : COLUMN_WEIGHTS[k]));
  const words = columnWords(actions, objectives);
  const minimums = keys.map((k) => Math.max(wordShare([heading(k)], BOLD), wordShare(words[k], k === "id" ? BOLD : REGULAR) + (k === "status" ? ICON / PRINTED_WIDTH : 0)));
  const shares = columnShares(weights, minimums);
  return keys.map((key, i) => ({ key, heading: heading(key), width: `${(100 * shares[i]!).toFixed(1)}%` }));
}

/**
 * Printed, a table is about 650 px wide (an A4 page's text, templates/print/print.css), its text at
 * most 10 pt (13.3 px) Arial, a cell's padding about 16 px, a list's indent 16 px and a status icon
 * with its gap 20 px.
 * Helvetica's widths (pdf-lib's standard font metrics) are Arial's.
 */
const PRINTED_WIDTH = 650;
const PADDING = 18;
const ICON = 20;
const LIST_INDENT = 16;
const FONT_PX = 13.3;
// pdf-lib's font-name type is its metrics package's enum of the same names.
const metrics = (name: StandardFonts) => StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
const REGULAR = metrics(StandardFonts.Helvetica);
const BOLD = metrics(StandardFonts.HelveticaBold);

/** The share of the printed width the longest word of these texts needs (in a list, beside its indent). */
function wordShare(texts: readonly (string | undefined)[], font: StandardFontEmbedder): number {
  const words = texts.flatMap((t) => (t ?? "").replace(/<[^>]*>/g, " ").split(/\s+/));
  const longest = Math.max(0, ...words.map((w) => font.widthOfTextAtSize(w.replace(/&[a-z]+;|&#\d+;/g, "&"), FONT_PX)));
  const indent = texts.some((t) => t?.includes("<li>")) ? LIST_INDENT : 0;
  return (longest + PADDING + indent) / PRINTED_WIDTH;
}

/** The words each column shows (HTML or text), for the width its longest word needs. */
function columnWords(actions: readonly ActionView[], objectives: readonly ObjectiveView[]): Record<ColumnKey, (string | undefined)[]> {
  const of = (f: (a: ActionView) => (string | undefined)[]) => actions.flatMap(f);
  return {
    // The id cell does not wrap (action-table.css): "See action 1.1" is one word.
    id: of((a) => [a.id, a.see?.text.replace(/\s/g, "x")]),
    objective: [...of((a) => [a.objectiveHtml]), ...objectives.map((o) => o.textHtml)],
    currentPosition: [...of((a) => [a.currentPositionHtml]), ...objectives.map((o) => o.currentPositionHtml)],
    action: of((a) => [a.actionHtml, a.see?.summary]),
    leads: of((a) => [...a.leads, ...a.partners]),
    timescale: of((a) => [a.timescaleHtml, a.due]),
    status: of((a) => [a.status?.label, a.progressHtml]),
    kpis: of((a) => [...a.kpis.map((k) => `<li>${k}`), a.kpisHtml]),
    sustained: of((a) => [a.sustainedHtml]),
    // "WRES 2" is kept on one line: count it as one word.
    indicators: of((a) => [...a.indicators.map((l) => (l.text.startsWith("All ") ? l.text : l.text.replace(/\s/g, "x"))), ...a.peoplePromise]),
  };
}

/**
 * Each column's share of the width: in proportion to its weight, but never below its minimum
 * (a column raised to its minimum takes that room from the others, in proportion). When the
 * minimums cannot all be met, each column gets its minimum scaled down alike.
 */
export function columnShares(weights: readonly number[], minimums: readonly number[]): number[] {
  const needed = minimums.reduce((a, b) => a + b, 0);
  if (needed > 1) return minimums.map((m) => m / needed);
  const fixed = new Map<number, number>();
  for (;;) {
    const free = weights.map((w, i) => (fixed.has(i) ? 0 : w));
    const room = 1 - [...fixed.values()].reduce((a, b) => a + b, 0);
    const total = free.reduce((a, b) => a + b, 0);
    const shares = weights.map((_, i) => fixed.get(i) ?? (room * free[i]!) / total);
    const short = shares.findIndex((s, i) => !fixed.has(i) && s < minimums[i]!);
    if (short === -1) return shares;
    fixed.set(short, minimums[short]!);
  }
}

function themeView(node: ThemeNode | undefined, actionNodes: readonly ActionNode[], plan: Plan, context: Context): ThemeView {
  const views = new Map(actionNodes.map((a) => [a, actionView(a, context)]));
  const actions = [...views.values()];
  const groups = node?.objectives.length
    ? node.objectives.map((o) => {
        const own = o.actions.map((a) => views.get(a)!);
        return { objective: objectiveView(o, own, context), actions: own, rows: Math.max(1, own.length) };
      })
    : [{ objective: undefined, actions, rows: actions.length }];
  const all = node ? addresses(node) : undefined;
  const objectives = groups.flatMap((g) => g.objective ?? []);
  const columns = columnsOf(actions, objectives, plan.columns ?? {});
  return {
    id: node?.id,
    anchor: node?.anchor ?? "actions",
    heading: node?.heading,
    caption: node ? `Actions for ${node.heading}` : "The plan's actions",
    standard: node?.theme.standard,
    introductionHtml: renderInline(node?.theme.introduction),
    indicators: all ? indicatorLinks(all) : [],
    peoplePromise: all?.peoplePromise ?? [],
    progress: node ? progressOf(actions, context.statuses, 2) : undefined,
    columns,
    groups,
    wide: columns.length > WIDE_TABLE,
  };
}

/** The plan's views, from the plan and its tree (planModel(plan), which the indicator sections use too). */
export function buildPlanView(plan: Plan, model: PlanModel, statuses: ReadonlyMap<string, StatusView>): PlanView {
  const context: Context = {
    statuses,
    statusDate: model.statusDate,
    byId: new Map(model.actions.flatMap((a) => (a.id !== undefined ? [[a.id, a] as const] : []))),
  };
  const views = model.themes.length ? model.themes.map((t) => themeView(t, t.actions, plan, context)) : [themeView(undefined, model.actions, plan, context)];
  // People Promise themes that every theme of the plan names are said once, for the plan, not under each theme.
  const common = views.length > 1 ? views[0]!.peoplePromise.filter((p) => views.every((t) => t.peoplePromise.includes(p))) : [];
  const themes = views.map((t) => ({ ...t, peoplePromise: t.peoplePromise.filter((p) => !common.includes(p)) }));
  const actions = themes.flatMap((t) => t.groups.flatMap((g) => g.actions));
  return {
    introductionHtml: renderInline(plan.introduction),
    peoplePromise: common,
    statusDate: model.statusDate !== undefined ? longDate(model.statusDate) : undefined,
    progress: progressOf(actions, statuses),
    themes,
    actions,
  };
}
