/**
 * Step 2, validate: check every parsed file against the schema and against each other
 * (plans belong to organisations, "See 4.3" points to an action that exists, ...).
 * Pure: takes parsed files, returns the typed project and every problem found.
 */
import { narrativeSkippedHeadings, narrativeTablesWithoutCaption } from "../html/markdown.ts";
import type { z } from "zod";
import type { ParsedFile, ParsedReport, SourceFiles } from "../load/read-project.ts";
import type { Segment, SourceMap } from "../load/yaml.ts";
import { blockedChecks, messages, type Message } from "./messages.ts";
import { didYouMean, nearActionNumber } from "./suggest.ts";
import { checkMetrics, checkPreviousYear, Metrics, partsThatParse, type MetricsParts } from "./metrics-schema.ts";
import type { Problem } from "./problems.ts";
import { MIN_COMPARED, type GroupKind } from "../compute/comparison.ts";
import {
  Group,
  GroupsFile,
  IndicatorList,
  makeSchemas,
  NationalFigures,
  PeoplePromise,
  Settings,
  StatusList,
  type Action,
  type Organisation,
  type Plan,
  type PlanInput,
  type Schemas,
  type Reference,
  type ReportFrontMatter,
  SLUG,
} from "./schema.ts";
import { valueAt, zodProblems, type Describe } from "./zod-problems.ts";
import { quoteMarkers } from "../report/quote-markers.ts";

export interface OrganisationEntry {
  slug: string;
  file: string;
  data: Organisation;
  logo: Logo | undefined;
}

/** An organisation's logo image, read and checked. */
export interface Logo {
  bytes: Uint8Array;
  extension: "png" | "jpg" | "svg";
}

const MAX_LOGO_BYTES = 500 * 1024;

/** Is it an image we can publish: PNG, JPEG or SVG by its first bytes, and small enough? */
export function checkLogo(path: string, bytes: Uint8Array | undefined): Logo | Message {
  if (!bytes) return messages.logoMissing(path);
  if (bytes.length > MAX_LOGO_BYTES) return messages.logoUnusable(path, `it is ${Math.round(bytes.length / 1024)} KB, more than 500 KB`);
  const head = new TextDecoder().decode(bytes.slice(0, 512)).trimStart();
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { bytes, extension: "png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { bytes, extension: "jpg" };
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(head)) return { bytes, extension: "svg" };
  return messages.logoUnusable(path, "it is not a PNG, JPEG or SVG image");
}

export interface PlanEntry {
  organisation: string;
  slug: string; // e.g. 2021-22
  file: string;
  data: Plan;
}

export interface MetricsEntry {
  organisation: string;
  year: number;
  file: string;
  data: Metrics;
}

/** A report's identity across the build: "<organisation>/<period>", e.g. "acme/2024-25" (also its folder in the site). */
export type ReportKey = `${string}/${string}`;

export interface ReportEntry {
  key: ReportKey;
  organisation: string;
  slug: string;
  file: string;
  data: ReportFrontMatter;
  body: string;
  bodyLine: number;
  plan: PlanEntry;
}

/** A group of organisations compared side by side, with its members from data/groups.yaml and from the organisations' own files. */
export interface GroupEntry {
  slug: string;
  name: string;
  shortName: string;
  type: GroupKind;
  description: string | undefined;
  ethnicMinorityTerm: string;
  /** Organisation slugs, in the order of the organisations' names. */
  members: string[];
}

export interface Project {
  reference: Reference;
  settings: Settings;
  groups: GroupEntry[];
  organisations: OrganisationEntry[];
  plans: PlanEntry[];
  metrics: MetricsEntry[];
  reports: ReportEntry[];
}

const PERIOD_SLUG = /^\d{4}-\d{2}$/;

/** A value an author wrote as text or a number, as text; anything else is not a usable name. */
const scalarText = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/** Human names for places in a plan: "theme 2", "objective 1.2", "action 1.4", "action number 3 of objective 1.2". */
export const describePlanPath: Describe = (path, root) => {
  let name = "the plan";
  let at: Segment[] = [];
  for (let i = 0; i + 1 < path.length; i += 2) {
    const [list, index] = [path[i], path[i + 1]];
    if (typeof index !== "number" || (list !== "themes" && list !== "objectives" && list !== "actions")) break;
    at = [...at, list, index];
    // An id YAML read as a number (4.10 as 4.1) does not name its part: it may be another part's id.
    const written = valueAt(root, [...at, "id"]);
    const id = typeof written === "string" ? written : undefined;
    const see = scalarText(valueAt(root, [...at, "see"]));
    const kind = list === "themes" ? "theme" : list === "objectives" ? "objective" : "action";
    if (id !== undefined) name = `${kind} ${id}`;
    else if (kind === "action" && see !== undefined) name = `the "See ${see}" row${name === "the plan" ? "" : ` of ${name}`}`;
    else name = `${kind} number ${index + 1}${name === "the plan" ? "" : ` of ${name}`}`;
  }
  return name;
};

const describeTop =
  (what: string): Describe =>
  (path) =>
    path.length === 0 ? what : `${what} (${path.filter((s) => typeof s === "string").join(" > ")})`;

function check<S extends z.ZodType>(
  schema: S,
  parsed: ParsedFile,
  describe: Describe,
  reference: Reference,
  problems: Problem[],
  blocks?: readonly string[],
): z.infer<S> | undefined {
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  // The checks that need the whole file right wait for these problems: the author is told which.
  problems.push(...zodProblems(result.error, schema, parsed.value, parsed.file, parsed.map, describe, reference).map((p) => (blocks ? { ...p, blocks } : p)));
  return undefined;
}

function validateReference(files: SourceFiles, problems: Problem[]): Reference | undefined {
  const noRef = {} as Reference;
  const get = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | undefined => {
    const f = files.reference.get(name);
    if (!f) {
      problems.push({
        file: `data/reference/${name}.yaml`,
        position: { line: 1, column: 1 },
        code: "reference-missing",
        message: `the reference file data/reference/${name}.yaml is missing`,
        fix: "restore it from the tool's repository (git checkout data/reference)",
      });
      return undefined;
    }
    return check(schema, f, describeTop(`data/reference/${name}.yaml`), noRef, problems);
  };
  const wres = get("wres-indicators", IndicatorList);
  const wdes = get("wdes-metrics", IndicatorList);
  const peoplePromise = get("people-promise", PeoplePromise);
  const statuses = get("statuses", StatusList);
  const national = get("national-figures", NationalFigures);
  if (!wres || !wdes || !peoplePromise || !statuses || !national) return undefined;
  return { wres, wdes, peoplePromise, statuses: statuses.statuses, national };
}

/** A list of themes, objectives or actions, and where it is. */
interface PartList {
  path: Segment[];
  items: readonly { id?: string | undefined; see?: string | undefined }[];
  kind: "theme" | "objective" | "action";
}

function checkPlan(parsed: ParsedFile, plan: PlanInput, problems: Problem[]): void {
  const at = (path: Segment[]) => parsed.map.at(path);
  const push = (path: Segment[], m: Message) => problems.push({ file: parsed.file, position: at(path), ...m });
  const pushAtKey = (path: Segment[], m: Message) => problems.push({ file: parsed.file, position: parsed.map.keyAt(path), ...m });
  const where = (path: Segment[]) => describePlanPath(path, plan);

  if (plan.period !== undefined && plan.period.replace("/", "-") !== parsed.name) push(["period"], messages.periodMismatch(plan.period, parsed.name));
  if (plan.themes === undefined && plan.actions === undefined) push([], messages.planWithoutActions());
  if (plan.themes !== undefined && plan.actions !== undefined) pushAtKey(["actions"], messages.planThemesAndActions());

  const lists: PartList[] = [];
  const actions: { path: Segment[]; action: Action | z.infer<Schemas["ObjectiveAction"]> }[] = [];
  const mapped: { path: Segment[]; part: { wres?: unknown; wdes?: unknown } }[] = [];
  if (plan.themes) lists.push({ path: ["themes"], items: plan.themes, kind: "theme" });
  if (plan.actions) lists.push({ path: ["actions"], items: plan.actions, kind: "action" });
  plan.actions?.forEach((action, a) => actions.push({ path: ["actions", a], action }));
  plan.themes?.forEach((theme, t) => {
    const path: Segment[] = ["themes", t];
    mapped.push({ path, part: theme });
    if (theme.actions === undefined && theme.objectives === undefined) push(path, messages.themeWithoutActions(where(path)));
    if (theme.actions !== undefined && theme.objectives !== undefined) pushAtKey([...path, "objectives"], messages.themeActionsAndObjectives(where(path)));
    if (theme.actions) lists.push({ path: [...path, "actions"], items: theme.actions, kind: "action" });
    theme.actions?.forEach((action, a) => actions.push({ path: [...path, "actions", a], action }));
    if (theme.objectives) lists.push({ path: [...path, "objectives"], items: theme.objectives, kind: "objective" });
    theme.objectives?.forEach((objective, o) => {
      const objectivePath: Segment[] = [...path, "objectives", o];
      mapped.push({ path: objectivePath, part: objective });
      if (objective.actions) lists.push({ path: [...objectivePath, "actions"], items: objective.actions, kind: "action" });
      objective.actions?.forEach((action, a) => actions.push({ path: [...objectivePath, "actions", a], action }));
    });
  });

  // Numbers: each list numbers all its parts or none ("See" rows need none); a number is used once in the plan for each kind.
  // Where each id first appears; its line is looked up only for a duplicate (positions cost a parse when the value came from the cache).
  const first = { theme: new Map<string, Segment[]>(), objective: new Map<string, Segment[]>(), action: new Map<string, Segment[]>() };
  for (const list of lists) {
    const numbered = list.items.filter((item) => item.id !== undefined);
    list.items.forEach((item, i) => {
      const path = [...list.path, i];
      if (item.id === undefined) {
        if (numbered.length > 0 && item.see === undefined) push(path, messages.partWithoutId(list.kind, where(path), where(list.path.slice(0, -1)), numbered[0]!.id!));
        return;
      }
      const seen = first[list.kind].get(item.id);
      if (seen === undefined) first[list.kind].set(item.id, [...path, "id"]);
      else push([...path, "id"], messages.duplicateId(list.kind, item.id, where(list.path.slice(0, -1)), at(seen).line));
    });
  }

  for (const { path, action } of actions) {
    mapped.push({ path, part: action });
    const hasObjective = "objective" in action && action.objective !== undefined;
    if (action.see === undefined && action.action === undefined && !hasObjective) push(path, messages.actionWithoutText(where(path)));
    if (action.see !== undefined && !first.action.has(action.see)) {
      const known = [...first.action.keys()];
      push([...path, "see"], messages.seeMissing(action.see, action.id, known, nearActionNumber(action.see, known)));
    }
  }
  for (const { path, part } of mapped)
    for (const standard of ["WRES", "WDES"] as const) {
      const key = standard === "WRES" ? "wres" : "wdes";
      const value = part[key];
      if ((value === "all" || value === "All" || (Array.isArray(value) && value.length > 0)) && !plan.standards.includes(standard))
        push([...path, key], messages.indicatorOutsideStandards(standard, where(path), plan.standards));
    }
}

/** Human names for places in data/groups.yaml. */
const describeGroupsPath: Describe = (path, root) => {
  const [a, index] = path;
  if (a !== "groups" || typeof index !== "number") return "data/groups.yaml";
  const id = scalarText(valueAt(root, ["groups", index, "id"]));
  return id !== undefined ? `group ${id}` : `group number ${index + 1}`;
};

/**
 * data/groups.yaml and the organisations' `groups`: every group id once, every member an
 * organisation (listed once), every group named by an organisation defined, and every group big
 * enough to compare. `known` is every organisation with a file, readable or not.
 */
function validateGroups(
  file: ParsedFile | undefined,
  organisations: readonly { entry: OrganisationEntry; parsed: ParsedFile }[],
  known: readonly string[],
  reference: Reference,
  problems: Problem[],
): GroupEntry[] {
  if (!file) {
    for (const { entry, parsed } of organisations)
      (entry.data.groups ?? []).forEach((group, j) => problems.push({ file: parsed.file, position: parsed.map.at(["groups", j]), ...messages.groupUnknown(group, [], undefined) }));
    return [];
  }
  check(GroupsFile, file, describeGroupsPath, reference, problems);
  // A mistake in one group must not hide the problems of the others: each group that is right is still checked.
  const items = (file.value as { groups?: unknown }).groups;
  const groups = (Array.isArray(items) ? items : []).flatMap((item: unknown, index) => {
    const parsed = Group.safeParse(item);
    return parsed.success ? [{ group: parsed.data, index }] : [];
  });
  const at = (path: Segment[]) => file.map.at(path);
  const firstLine = new Map<string, number>();
  const kept = groups.filter(({ group, index }) => {
    const line = firstLine.get(group.id);
    if (line !== undefined) problems.push({ file: file.file, position: at(["groups", index, "id"]), ...messages.duplicateGroupId(group.id, line) });
    else firstLine.set(group.id, at(["groups", index, "id"]).line);
    const seen = new Map<string, number>();
    (group.members ?? []).forEach((member, j) => {
      const position = at(["groups", index, "members", j]);
      if (!known.includes(member)) problems.push({ file: file.file, position, ...messages.groupMemberUnknown(member, group.id, didYouMean(member, known)) });
      const before = seen.get(member);
      if (before !== undefined) problems.push({ file: file.file, position, ...messages.duplicateGroupMember(member, group.id, before) });
      else seen.set(member, position.line);
    });
    return line === undefined;
  });
  const ids = kept.map(({ group }) => group.id);
  for (const { entry, parsed } of organisations)
    (entry.data.groups ?? []).forEach((group, j) => {
      if (!ids.includes(group)) problems.push({ file: parsed.file, position: parsed.map.at(["groups", j]), ...messages.groupUnknown(group, ids, didYouMean(group, ids)) });
    });

  const names = new Map(organisations.map(({ entry }) => [entry.slug, entry.data.name]));
  return kept.flatMap(({ group, index }) => {
    const declared = organisations.filter(({ entry }) => entry.data.groups?.includes(group.id)).map(({ entry }) => entry.slug);
    const members = [...new Set([...(group.members ?? []), ...declared])];
    if (members.length < MIN_COMPARED) {
      problems.push({ file: file.file, position: at(["groups", index]), ...messages.groupTooSmall(group.id, members.length, MIN_COMPARED) });
      return [];
    }
    return [
      {
        slug: group.id,
        name: group.name,
        shortName: group.short_name ?? group.name,
        type: group.type,
        description: group.description,
        ethnicMinorityTerm: group.terminology.ethnic_minority,
        members: members.filter((m) => names.has(m)).sort((a, b) => names.get(a)!.localeCompare(names.get(b)!)),
      },
    ];
  });
}

const hasContact = (contact: Organisation["contact"]) => Boolean(contact?.email ?? contact?.phone ?? contact?.address);

/**
 * A site of several organisations names its publisher (the footer and the accessibility statement
 * need one; one organisation is its own publisher), and the statement can give a contact for every
 * organisation: its own, or else the publisher's.
 */
function checkPublisher(file: ParsedFile | undefined, settings: Settings, organisations: readonly OrganisationEntry[], problems: Problem[]): void {
  if (organisations.length > 1 && !settings.publisher)
    problems.push({ file: file?.file ?? "data/settings.yaml", position: { line: 1, column: 1 }, ...messages.publisherMissing(organisations.length) });
  if (hasContact(settings.publisher?.contact)) return;
  for (const o of organisations)
    if (!hasContact(o.data.contact)) problems.push({ file: o.file, position: { line: 1, column: 1 }, ...messages.contactMissing(o.data.name) });
}

/** The Markdown of a report page: tables with captions, headings without a skipped level. */
function checkNarrative(f: ParsedReport, problems: Problem[]): void {
  for (const line of narrativeTablesWithoutCaption(f.body))
    problems.push({ file: f.file, position: { line: f.bodyLine + line, column: 1 }, ...messages.tableWithoutCaption() });
  for (const h of narrativeSkippedHeadings(f.body))
    problems.push({ file: f.file, position: { line: f.bodyLine + h.line, column: 1 }, ...messages.headingSkipped(h.text, h.level, h.previous, h.top) });
}

export function validateProject(files: SourceFiles): { project?: Project; problems: Problem[] } {
  const problems: Problem[] = [];
  const reference = validateReference(files, problems);
  if (!reference) return { problems };
  const schemas = makeSchemas(reference);

  const settingsUnreadable = files.unreadable.some((u) => u.kind === "settings");
  const checkedSettings = files.settings
    ? check(Settings, files.settings, describeTop("the settings"), reference, problems)
    : settingsUnreadable
      ? undefined
      : Settings.parse({});
  const settings = checkedSettings ?? Settings.parse({});

  const organisations: OrganisationEntry[] = [];
  const parsedOrganisations: { entry: OrganisationEntry; parsed: ParsedFile }[] = [];
  for (const f of files.organisations) {
    if (!SLUG.test(f.name)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.badFileName(f.name, "data/organisations/<name>.yaml") });
      continue;
    }
    const data = check(schemas.Organisation, f, describeTop("the organisation"), reference, problems);
    if (!data) continue;
    const logo = data.logo === undefined ? undefined : checkLogo(data.logo, files.logos.get(data.logo));
    if (typeof logo === "object" && "code" in logo) problems.push({ file: f.file, position: f.map.at(["logo"]), ...logo });
    else {
      const entry = { slug: f.name, file: f.file, data, logo };
      organisations.push(entry);
      parsedOrganisations.push({ entry, parsed: f });
    }
  }
  // Who publishes the site, and how readers reach each organisation: only judged on settings that were read without problems.
  if (checkedSettings) checkPublisher(files.settings, checkedSettings, organisations, problems);
  const present = (kind: "organisations" | "plans" | "metrics") => [
    ...files[kind].map((f) => ({ folder: f.folder, name: f.name })),
    ...files.unreadable.filter((u) => u.kind === kind),
  ];
  const orgSlugs = present("organisations").map((f) => f.name);
  const groups = validateGroups(files.groups, parsedOrganisations, orgSlugs, reference, problems);

  const plans: PlanEntry[] = [];
  for (const f of files.plans) {
    if (!orgSlugs.includes(f.folder)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.organisationMissing(f.folder, didYouMean(f.folder, orgSlugs)) });
      continue;
    }
    if (!PERIOD_SLUG.test(f.name)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.badFileName(f.name, "data/plans/<organisation>/<yyyy-yy>.yaml, e.g. 2021-22.yaml") });
      continue;
    }
    const written = check(schemas.Plan, f, describePlanPath, reference, problems, blockedChecks.planSchema);
    if (!written) continue;
    checkPlan(f, written, problems);
    // A plan that gives no period takes its file's: 2023-24.yaml is the 2023/24 edition.
    plans.push({ organisation: f.folder, slug: f.name, file: f.file, data: { ...written, period: written.period ?? f.name.replace("-", "/") } });
  }

  const metrics: MetricsEntry[] = [];
  const maps = new Map<string, SourceMap>();
  for (const f of files.metrics) {
    if (!orgSlugs.includes(f.folder)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.organisationMissing(f.folder, didYouMean(f.folder, orgSlugs)) });
      continue;
    }
    if (!/^\d{4}$/.test(f.name)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.badFileName(f.name, "data/metrics/<organisation>/<yyyy>.yaml, e.g. 2024.yaml") });
      continue;
    }
    const data = check(Metrics, f, describeTop("the metric data"), reference, problems);
    if (!data) {
      // The figures that are right are still checked against each other: all the file's problems in one run.
      problems.push(...checkMetrics(f.file, f.name, f.map, partsThatParse(Metrics, f.value) as MetricsParts, Object.keys(f.value as object)));
      continue;
    }
    const found = checkMetrics(f.file, f.name, f.map, data);
    problems.push(...found);
    if (found.length === 0) {
      metrics.push({ organisation: f.folder, year: data.year, file: f.file, data });
      maps.set(f.file, f.map);
    }
  }
  for (const m of metrics) {
    const lastYear = metrics.find((l) => l.organisation === m.organisation && l.year === m.year - 1);
    problems.push(...checkPreviousYear(m.file, maps.get(m.file)!, m.data, lastYear));
  }

  const reports: ReportEntry[] = [];
  for (const f of files.reports) {
    if (!orgSlugs.includes(f.folder)) {
      problems.push({ file: f.file, position: { line: 1, column: 1 }, ...messages.organisationMissing(f.folder, didYouMean(f.folder, orgSlugs)) });
      continue;
    }
    // The narrative is checked on its own: a problem in the front matter or the plan hides none of its problems.
    checkNarrative(f, problems);
    const data = check(schemas.Report, f, describeTop("the report"), reference, problems, blockedChecks.reportSchema);
    if (!data) continue;
    if (data.metrics_year !== undefined && !present("metrics").some((m) => m.folder === f.folder && m.name === String(data.metrics_year))) {
      const known = present("metrics").filter((m) => m.folder === f.folder).map((m) => Number(m.name));
      problems.push({ file: f.file, position: f.map.at(["metrics_year"]), ...messages.metricsYearMissing(data.metrics_year, f.folder, known) });
    }
    const seen = new Map<number, number>();
    for (const marker of quoteMarkers(f.body)) {
      const position = { line: f.bodyLine + marker.line - 1, column: marker.column };
      const count = data.quotes?.length ?? 0;
      const first = seen.get(marker.number);
      if (marker.number < 1 || marker.number > count) problems.push({ file: f.file, position, ...messages.quoteMarkerUnknown(marker.text, count) });
      else if (first !== undefined) problems.push({ file: f.file, position, ...messages.quotePlacedTwice(marker.text, first) });
      else seen.set(marker.number, position.line);
    }
    const planSlug = data.plan ?? f.name;
    const plan = plans.find((p) => p.organisation === f.folder && p.slug === planSlug);
    if (!plan) {
      const planFileExists = present("plans").some((p) => p.folder === f.folder && p.name === planSlug);
      if (!planFileExists) {
        const known = present("plans").filter((p) => p.folder === f.folder).map((p) => p.name);
        problems.push({ file: f.file, position: f.map.at(data.plan ? ["plan"] : []), ...messages.planMissing(planSlug, known, didYouMean(planSlug, known)) });
      }
      continue;
    }
    reports.push({ key: `${f.folder}/${f.name}`, organisation: f.folder, slug: f.name, file: f.file, data, body: f.body, bodyLine: f.bodyLine, plan });
  }

  return { project: { reference, settings, groups, organisations, plans, metrics, reports }, problems };
}
