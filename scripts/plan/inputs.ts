/**
 * What the build's outputs are made from, named so that a person can be told what changed.
 *
 * Each organisation's files (pages, charts, CSV files, PDFs) are made from: the tool itself, the
 * settings, the reference data, SOURCE_DATE_EPOCH (the PDFs' dates), whether PDFs are made (the web
 * pages link them), its organisation file and logo, its plans, metric files and report pages; and,
 * for an organisation in groups, where its figures sit in each group (the lines its report shows:
 * scripts/compute/comparison.ts), the one thing on its pages that other organisations' files change.
 * Never the build date: overdue actions are judged on the date a plan's statuses are as at (see
 * scripts/action-plan/plan-model.ts), so a rebuild later reads the same. `organisationInputs` gives each of these a
 * hash under a readable name ("data/metrics/acme/2024.yaml", "the tool"); the manifest keeps them,
 * and the plan compares them. So a change to one organisation's files touches another's inputs
 * only when it moves where the other sits in a group they share.
 *
 * A report's indicators and charts are made from fewer of them (`computeInput`, `computeKey`):
 * the key of the compute cache.
 *
 * Pure.
 */
import type { ComputeInput } from "../compute/indicators.ts";
import type { Project, ReportEntry } from "../validate/validate-project.ts";
import { hashOf } from "../cache/content-cache.ts";

/** Input name -> hash (or a readable value, for the few that have one). */
export type InputHashes = Readonly<Record<string, string>>;

/** The inputs every organisation shares, by the names reasons use. */
export const TOOL = "the tool";
export const SETTINGS = "the settings";
export const REFERENCE = "the reference data";
export const SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
export const PDFS = "PDFs";
export const GROUP_PLACES = "where its figures sit in its groups";

export interface InputOptions {
  /** The tool's version (content-cache.ts, toolHash). */
  tool: string;
  /** Whether the build makes PDFs. */
  pdfs: boolean;
  /** SOURCE_DATE_EPOCH, or "" when unset. */
  sourceDateEpoch: string;
  /** For each organisation in a group, a hash of where its figures sit in its groups (see build.ts). */
  groupPlaces?: ReadonlyMap<string, string>;
}

const json = (value: unknown) => hashOf(JSON.stringify(value));

/**
 * The parts of a project that both the organisations' inputs and the compute keys are made from,
 * each hashed once: the settings, the reference data, each organisation's file and each metric file.
 * A build works these out once and hands them to the plan and to the group comparisons, which need
 * the compute key of every member's every year.
 */
export interface ProjectHashes {
  settings: string;
  reference: string;
  /** By slug: the organisation's file as an input (its entry, with its logo's kind), and its data alone (what its figures are made from). */
  organisations: ReadonlyMap<string, { entry: string; data: string }>;
  /** By slug: each of its metric files' entries, by year. */
  metrics: ReadonlyMap<string, ReadonlyMap<number, { file: string; hash: string }>>;
}

export function projectHashes(project: Project): ProjectHashes {
  const metrics = new Map<string, Map<number, { file: string; hash: string }>>();
  for (const m of project.metrics) {
    if (!metrics.has(m.organisation)) metrics.set(m.organisation, new Map());
    metrics.get(m.organisation)!.set(m.year, { file: m.file, hash: json(m) });
  }
  return {
    settings: json(project.settings),
    reference: json(project.reference),
    organisations: new Map(project.organisations.map((o) => [o.slug, { entry: json({ ...o, logo: o.logo?.extension }), data: json(o.data) }])),
    metrics,
  };
}

/** Each organisation's inputs, by slug (`hashes`: the project's, when the caller has them already). */
export function organisationInputs(project: Project, options: InputOptions, hashes: ProjectHashes = projectHashes(project)): Map<string, InputHashes> {
  const shared = {
    [TOOL]: options.tool,
    [SETTINGS]: hashes.settings,
    [REFERENCE]: hashes.reference,
    [SOURCE_DATE_EPOCH]: options.sourceDateEpoch,
    [PDFS]: options.pdfs ? "made" : "not made",
  };
  return new Map(
    project.organisations.map((organisation) => {
      const slug = organisation.slug;
      const plans = project.plans.filter((p) => p.organisation === slug);
      const own: Record<string, string> = { [organisation.file]: hashes.organisations.get(slug)!.entry };
      if (organisation.logo && organisation.data.logo) own[organisation.data.logo] = hashOf(organisation.logo.bytes);
      for (const plan of plans) own[plan.file] = json(plan);
      for (const { file, hash } of hashes.metrics.get(slug)?.values() ?? []) own[file] = hash;
      // The plan a report page uses is an input of its own (above): here, only its file's name.
      for (const { plan, ...report } of project.reports.filter((r) => r.organisation === slug)) own[report.file] = json({ ...report, plan: plan.file });
      const places = options.groupPlaces?.get(slug);
      if (places !== undefined) own[GROUP_PLACES] = places;
      return [slug, { ...shared, ...own }];
    }),
  );
}

/** The names whose hashes differ between two sets of inputs (new, removed or changed), in order. */
export function changedInputs(before: InputHashes, after: InputHashes): string[] {
  const names = new Set([...Object.keys(after), ...Object.keys(before)]);
  return [...names].filter((name) => before[name] !== after[name]);
}

/** One changed input, said for a person: "data/metrics/acme/2024.yaml changed", "PDFs are made this time". */
export function describeChange(name: string, before: InputHashes, after: InputHashes): string {
  switch (name) {
    case TOOL:
      return "the tool changed (its code, templates or dependencies)";
    case PDFS:
      return after[PDFS] === "made" ? "PDFs are made this time" : "PDFs are not made this time";
    case SETTINGS:
    case REFERENCE:
    case SOURCE_DATE_EPOCH:
      return `${name} changed`;
    case GROUP_PLACES:
      return after[GROUP_PLACES] === undefined
        ? "it is no longer in a group"
        : before[GROUP_PLACES] === undefined
          ? "it is in a group now"
          : "where its figures sit in its groups changed (another organisation's figures, or the groups, changed)";
    default:
      return before[name] === undefined ? `${name} is new` : after[name] === undefined ? `${name} was removed` : `${name} changed`;
  }
}

/**
 * What one organisation's figures for one year are made from: its organisation's file, and its
 * metric files for the year and the years before (the trends). A report's, and a group comparison's.
 */
export function computeInput(project: Project, slug: string, year: number): ComputeInput {
  const organisation = project.organisations.find((o) => o.slug === slug)!;
  const metrics = project.metrics.filter((m) => m.organisation === slug && m.year <= year).sort((a, b) => a.year - b.year);
  return { metricsByYear: new Map(metrics.map((m) => [m.year, m.data])), year, settings: project.settings, organisation: organisation.data, reference: project.reference };
}

/** The names of the inputs (as organisationInputs names them) a report's indicators and charts are made from. */
export function computeInputNames(project: Project, report: ReportEntry, year: number): string[] {
  const organisation = project.organisations.find((o) => o.slug === report.organisation)!;
  const metrics = project.metrics.filter((m) => m.organisation === report.organisation && m.year <= year).map((m) => m.file);
  return [TOOL, SETTINGS, REFERENCE, organisation.file, ...metrics];
}

/**
 * The compute cache's key for one organisation's figures for one year (a report's, and a group
 * comparison's): a hash of the tool's version and all of computeInput, from the project's hashes.
 */
export function computeKey(hashes: ProjectHashes, slug: string, year: number, tool: string): string {
  const metrics = [...(hashes.metrics.get(slug) ?? [])].filter(([y]) => y <= year).sort(([a], [b]) => a - b);
  return hashOf("compute", tool, String(year), hashes.settings, hashes.reference, hashes.organisations.get(slug)!.data, JSON.stringify(metrics.map(([y, m]) => [y, m.hash])));
}
