/**
 * The shape of a validated action plan, in one place: its themes, objectives and actions as a
 * tree, each part with its published number (if any), the name a reader knows it by ("Action
 * 1.4", "Objective 1.2, action 2"), its anchor on the page, and what it addresses.
 *
 * A plan takes one of three shapes: themes holding actions; themes holding objectives that hold
 * actions; or one list of actions without themes. Everything downstream (the site model, the
 * indicator sections, the editions) walks this tree rather than the YAML's nesting.
 *
 * The one rule for indicator mappings (used by the action tables and by the indicator sections,
 * so that the two always agree):
 * - a mapping belongs to the part it is written on: an action's `wres` to the action, an
 *   objective's to the objective, a theme's to the theme and so to all its actions;
 * - a theme or objective shows what it addresses itself and everything its parts address
 *   (`addresses(node)`);
 * - an indicator lists the most specific parts that name it (`addressedBy(...)`): the actions
 *   whose own mapping names it, and a theme or objective that names it only when none of its
 *   actions does (it then stands for all of them).
 * So a theme shows WRES 7 exactly when WRES 7 lists that theme or something inside it.
 * `actionsUnder(node)` gives the actions a theme or objective holds, and `actionsAddressing(...)`
 * the actions an indicator is addressed by under the same rule, for a summary that names actions only.
 * Pure: the validated plan in, plain data out.
 */
import type { Action, Mapping, Objective, Plan, Theme } from "../validate/schema.ts";
import type { Standard } from "../validate/schema.ts";

/** What a part addresses, per standard: the numbers, or every indicator of the standard. */
export interface Addresses {
  WRES: "all" | number[];
  WDES: "all" | number[];
  peoplePromise: string[];
}

interface NodeBase {
  /** The number as published ("1.4"), or undefined when the plan does not number this part. */
  id: string | undefined;
  /** The element id on the report page. */
  anchor: string;
  /** How a reader refers to it: "Action 1.4", "Priority 2", "Objective 1.2, action 2". */
  name: string;
  /** What its own mapping says (nothing inherited). */
  own: Addresses;
}

export interface ActionNode extends NodeBase {
  kind: "action";
  action: Action;
  /** The objective or theme it sits in (undefined in a plan that is one list). */
  parent: ObjectiveNode | ThemeNode | undefined;
}

export interface ObjectiveNode extends NodeBase {
  kind: "objective";
  objective: Objective;
  theme: ThemeNode;
  actions: ActionNode[];
}

export interface ThemeNode extends NodeBase {
  kind: "theme";
  theme: Theme;
  /** "Priority 2: Inclusive Talent and Career Development", or the title alone when the theme has no number. */
  heading: string;
  objectives: ObjectiveNode[];
  /** Every action of the theme, those under its objectives included, in order. */
  actions: ActionNode[];
}

export type PlanNode = ThemeNode | ObjectiveNode | ActionNode;

export interface PlanModel {
  /** Empty in a plan that is one list of actions. */
  themes: ThemeNode[];
  /** Every action of the plan, in order. */
  actions: ActionNode[];
  /** The date the statuses are as at (YYYY-MM-DD): the review date, else the publication date. */
  statusDate: string | undefined;
}

const slug = (id: string) => id.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
export const actionAnchor = (id: string) => `action-${slug(id)}`;

function mapping(m: Mapping | undefined): "all" | number[] {
  if (m === undefined) return [];
  return typeof m === "string" ? "all" : m;
}

function ownAddresses(part: { wres?: Mapping | undefined; wdes?: Mapping | undefined; people_promise?: string[] | undefined }): Addresses {
  return { WRES: mapping(part.wres), WDES: mapping(part.wdes), peoplePromise: part.people_promise ?? [] };
}

function actionNode(action: Action, index: number, count: number, parent: ObjectiveNode | ThemeNode | undefined): ActionNode {
  const position = index + 1;
  let anchor: string;
  let name: string;
  if (action.id !== undefined) {
    anchor = actionAnchor(action.id);
    name = `Action ${action.id}`;
  } else if (parent === undefined) {
    anchor = `action-${position}`;
    name = `Action ${position}`;
  } else {
    anchor = `${parent.anchor}-action-${position}`;
    // The only action of an objective is known by the objective's name.
    name = parent.kind === "objective" && count === 1 ? parent.name : `${parent.name}, action ${position}`;
  }
  // A row that only says "See 4.3" addresses nothing of its own: the action it points to does.
  const own = action.see !== undefined && action.action === undefined ? ownAddresses({}) : ownAddresses(action);
  return { kind: "action", id: action.id, anchor, name, own, action, parent };
}

function themeNode(theme: Theme, index: number, objectiveLabel: string): ThemeNode {
  const label = theme.label ?? "Theme";
  const node: ThemeNode = {
    kind: "theme",
    id: theme.id,
    anchor: `theme-${theme.id !== undefined ? slug(theme.id) : index + 1}`,
    name: theme.id !== undefined ? `${label} ${theme.id}` : theme.title,
    heading: theme.id !== undefined ? `${label} ${theme.id}: ${theme.title}` : theme.title,
    own: ownAddresses(theme),
    theme,
    objectives: [],
    actions: [],
  };
  node.objectives = (theme.objectives ?? []).map((objective, o) => {
    const objectiveNode: ObjectiveNode = {
      kind: "objective",
      id: objective.id,
      anchor: objective.id !== undefined ? `objective-${slug(objective.id)}` : `${node.anchor}-objective-${o + 1}`,
      name: objective.id !== undefined ? `${objectiveLabel} ${objective.id}` : `${node.name}, ${objectiveLabel.toLowerCase()} ${o + 1}`,
      own: ownAddresses(objective),
      objective,
      theme: node,
      actions: [],
    };
    const list = objective.actions ?? [];
    objectiveNode.actions = list.map((a, i) => actionNode(a, i, list.length, objectiveNode));
    return objectiveNode;
  });
  node.actions = theme.objectives ? node.objectives.flatMap((o) => o.actions) : (theme.actions ?? []).map((a, i) => actionNode(a, i, theme.actions!.length, node));
  return node;
}

export function planModel(plan: Plan): PlanModel {
  // Objectives are named as the plan heads them ("Objective 1.2", "Aim 1.2").
  const objectiveLabel = plan.columns?.objective ?? "Objective";
  const themes = (plan.themes ?? []).map((theme, t) => themeNode(theme, t, objectiveLabel));
  const actions = plan.themes ? themes.flatMap((t) => t.actions) : (plan.actions ?? []).map((a, i) => actionNode(a, i, plan.actions!.length, undefined));
  return { themes, actions, statusDate: plan.statuses_reviewed ?? plan.published };
}

/** Past its due date on the date the statuses are as at, with a status, and not complete. */
export const isOverdue = (action: Action, statusDate: string | undefined): boolean =>
  statusDate !== undefined && action.due !== undefined && action.due < statusDate && action.status !== undefined && action.status !== "complete";

function union(lists: readonly ("all" | number[])[]): "all" | number[] {
  if (lists.includes("all")) return "all";
  return [...new Set((lists as number[][]).flat())].sort((a, b) => a - b);
}

/** The parts inside a theme or objective (its objectives and actions); nothing inside an action. */
function inside(node: PlanNode): PlanNode[] {
  if (node.kind === "theme") return node.objectives.length ? node.objectives : node.actions;
  if (node.kind === "objective") return node.actions;
  return [];
}

/** What a part addresses: its own mapping and, for a theme or objective, everything inside it too. */
export function addresses(node: PlanNode): Addresses {
  const all = [node.own, ...inside(node).map(addresses)];
  return {
    WRES: union(all.map((a) => a.WRES)),
    WDES: union(all.map((a) => a.WDES)),
    peoplePromise: [...new Set(all.flatMap((a) => a.peoplePromise))],
  };
}

const names = (list: "all" | number[], n: number) => list === "all" || list.includes(n);

/**
 * The parts of the plan that address one indicator, the most specific first: each action whose own
 * mapping names it; an objective or theme that names it only when nothing inside it does (it
 * then stands for all its actions). In the plan's order.
 */
export function addressedBy(model: PlanModel, standard: Standard, n: number): PlanNode[] {
  const visit = (node: PlanNode): PlanNode[] => {
    const within = inside(node).flatMap(visit);
    if (within.length > 0) return within;
    return names(node.own[standard], n) ? [node] : [];
  };
  return (model.themes.length ? model.themes : model.actions).flatMap(visit);
}

/** Every action a part holds: a theme's or objective's actions in order; an action, itself. */
export function actionsUnder(node: PlanNode): ActionNode[] {
  return node.kind === "action" ? [node] : node.actions;
}

/**
 * The actions that address one indicator, by the same rule: each action whose own mapping names
 * it, and every action of a theme or objective that names it when none of its actions does. For a
 * summary that lists actions only (where `addressedBy` may give a theme or objective).
 */
export function actionsAddressing(model: PlanModel, standard: Standard, n: number): ActionNode[] {
  return addressedBy(model, standard, n).flatMap(actionsUnder);
}
