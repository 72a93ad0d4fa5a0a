/**
 * Step 2 of the build, plan: before any work, what this build will make and what it will take
 * as it is, each decision with its reasons.
 *
 * - An organisation none of whose inputs changed since the previous site (inputs.ts), and whose
 *   files are all still there, is kept: its files are linked from the previous site, and it is
 *   neither computed, modelled nor rendered. Any other organisation is built.
 * - A report of a built organisation has its indicators and charts computed, or taken from the
 *   compute cache when that holds them under the report's compute key.
 * - `--only` is a filter on the plan (`onlyOne`): every other organisation the previous site has
 *   is kept as it was, even if its inputs changed (it is then "outdated").
 *
 * Which of a built organisation's pages are rendered again, and which PDFs printed again, depends
 * on what the pages will show; plan-pages.ts decides that once the site model is made.
 *
 * Pure: the previous site comes in as data (manifest.ts, readPreviousSite).
 */
import { ReportedError } from "../errors.ts";
import type { Project, ReportKey } from "../validate/validate-project.ts";
import { commandMessages } from "../commands/messages.ts";
import { didYouMean } from "../validate/suggest.ts";
import { changedInputs, computeInputNames, computeKey, describeChange, organisationInputs, projectHashes, type InputHashes, type InputOptions, type ProjectHashes } from "./inputs.ts";
import { recordFiles, type OrganisationRecord, type PreviousSite } from "./manifest.ts";

export interface ComputePlan {
  action: "compute" | "reuse";
  /** The compute cache's key. */
  key: string;
  reasons: string[];
}

export interface ReportPlan {
  key: ReportKey;
  /** Made from the report's figures; undefined for a report without metric data (a plan only). */
  compute: ComputePlan | undefined;
}

export interface OrganisationPlan {
  slug: string;
  /** "build": compute, model and render it (each page only if it changed); "keep": link its files from the previous site. */
  action: "build" | "keep";
  reasons: string[];
  /** With --only: what changed since the previous site, for an organisation kept as it was all the same; otherwise empty. */
  outdated: string[];
  inputs: InputHashes;
  /** Its record in the previous site; for "keep", the files to link. */
  previous: OrganisationRecord | undefined;
  /** Its reports; for "keep", none are made. */
  reports: ReportPlan[];
}

export interface BuildPlan {
  organisations: OrganisationPlan[];
  pdfs: boolean;
  checks: boolean;
  /** The organisation `--only` names, if any. */
  only: string | undefined;
}

export interface PlanOptions extends InputOptions {
  checks: boolean;
  /** Keys the compute cache holds. */
  computeCache: ReadonlySet<string>;
  /** "<organisation>" or "<organisation>/<period>" (build --only). */
  only?: string | undefined;
}

/** The previous record, if the organisation could be kept from it: every file it names is still there. */
function usable(record: OrganisationRecord | undefined, missing: ReadonlySet<string>): { record?: OrganisationRecord; reason?: string } {
  if (!record) return { reason: "it is not in the previous site" };
  const gone = recordFiles(record).filter((f) => missing.has(f));
  if (gone.length > 0) return { reason: `${gone.length === 1 ? "a file" : `${gone.length} files`} of the previous site ${gone.length === 1 ? "is" : "are"} missing (${gone.slice(0, 3).join(", ")}${gone.length > 3 ? ", ..." : ""})` };
  return { record };
}

/** Metric files removed since the previous site, for the years a report's figures use. */
function removedMetrics(before: InputHashes, after: InputHashes, organisation: string, year: number): string[] {
  return Object.keys(before).filter((name) => {
    const m = new RegExp(`^data/metrics/${organisation}/(\\d{4})\\.yaml$`).exec(name);
    return m !== null && after[name] === undefined && Number(m[1]) <= year;
  });
}

/** `hashes`: the project's (inputs.ts), when the caller has them already. */
export function planBuild(project: Project, previous: PreviousSite, options: PlanOptions, hashes: ProjectHashes = projectHashes(project)): BuildPlan {
  const inputs = organisationInputs(project, options, hashes);
  const organisations = project.organisations.map((organisation): OrganisationPlan => {
    const slug = organisation.slug;
    const now = inputs.get(slug)!;
    const { record, reason } = usable(previous.manifest.organisations[slug], previous.missing);
    const before = record?.inputs ?? {};
    const changed = changedInputs(before, now);
    if (record && changed.length === 0)
      return { slug, action: "keep", reasons: ["nothing it is made from has changed"], outdated: [], inputs: now, previous: record, reports: [] };
    const reports = project.reports
      .filter((r) => r.organisation === slug)
      .map((report): ReportPlan => {
        const year = report.data.metrics_year;
        if (year === undefined) return { key: report.key, compute: undefined };
        const key = computeKey(hashes, slug, year, options.tool);
        if (options.computeCache.has(key)) return { key: report.key, compute: { action: "reuse", key, reasons: ["its figures are in the compute cache"] } };
        const names = new Set(computeInputNames(project, report, year));
        const why = record ? [...changed.filter((n) => names.has(n)), ...removedMetrics(before, now, slug, year)].map((n) => describeChange(n, before, now)) : [];
        return { key: report.key, compute: { action: "compute", key, reasons: why.length > 0 ? why : ["its figures are not in the compute cache"] } };
      });
    return {
      slug,
      action: "build",
      reasons: record ? changed.map((n) => describeChange(n, before, now)) : [reason!],
      outdated: [],
      inputs: now,
      previous: record,
      reports,
    };
  });
  const plan: BuildPlan = { organisations, pdfs: options.pdfs, checks: options.checks, only: undefined };
  return options.only === undefined ? plan : onlyOne(plan, project, options.only);
}

/** The organisation `--only` names, by itself or with a period; a ReportedError if it names nothing. */
function onlyOrganisation(project: Project, only: string): string {
  const value = only.replace(/\/+$/, "");
  const organisations = project.organisations.map((o) => o.slug);
  const reports = project.reports.map((r) => r.key);
  if (organisations.includes(value) || (reports as string[]).includes(value)) return value.split("/")[0]!;
  const known = [...organisations, ...reports];
  throw new ReportedError(commandMessages.onlyUnknown(value, known, didYouMean(value, known)));
}

/**
 * `--only`: the plan with every organisation but the one named kept as it was in the previous
 * site, whatever changed. One the previous site does not have whole is built all the same: a site
 * that links pages it does not hold would be no preview at all.
 */
export function onlyOne(plan: BuildPlan, project: Project, only: string): BuildPlan {
  const named = onlyOrganisation(project, only);
  return {
    ...plan,
    only: named,
    organisations: plan.organisations.map((o): OrganisationPlan => {
      if (o.slug === named || o.action === "keep") return o;
      if (!o.previous) return { ...o, reasons: [...o.reasons, `built although --only names ${named}: the previous site does not have it whole`] };
      return { ...o, action: "keep", reasons: [`--only names ${named}`, ...o.reasons.map((r) => `out of date: ${r}`)], outdated: o.reasons, reports: [] };
    }),
  };
}
