/**
 * The first thing an incremental build asks: which organisations changed at all? Each
 * organisation gets one key, a hash of every input its pages, charts, CSV files and PDFs are
 * made from: its organisation file and logo, its plans, metric files and report pages, the
 * settings, the reference data, the tool's version, which of its actions are overdue on the
 * build date, SOURCE_DATE_EPOCH (the PDFs' dates) and whether PDFs are made (the web pages link
 * them). An organisation whose key is the one its files were written under in the previous site
 * is not computed, modelled or rendered at all: its files are linked from there (see
 * unchangedOrganisations and linkFiles in site-cache.ts).
 *
 * Nothing an organisation's pages show comes from another organisation's files, so a change to
 * one organisation's files never changes another's key.
 */
import type { Project } from "../validate/validate-project.ts";
import { isOverdue } from "../html/site-model.ts";
import { hashOf } from "./content-cache.ts";
import { groupIds, unchangedOrganisations, type InputKeys, type Manifest, type PageGroup } from "./site-cache.ts";

export interface InputKeyOptions {
  tool: string;
  /** The build date, YYYY-MM-DD. */
  asOf: string;
  /** Whether the build makes PDFs: a report's web page links its PDF, or does not. */
  withPdfs: boolean;
  env?: NodeJS.ProcessEnv;
}

/** One key per organisation slug. */
export function organisationKeys(project: Project, options: InputKeyOptions): Map<string, string> {
  const shared = hashOf(
    "organisation",
    options.tool,
    JSON.stringify(project.settings),
    JSON.stringify(project.reference),
    (options.env ?? process.env).SOURCE_DATE_EPOCH ?? "",
    options.withPdfs ? "with PDFs" : "without PDFs",
  );
  const of = (slug: string) => ({
    plans: project.plans.filter((p) => p.organisation === slug),
    metrics: project.metrics.filter((m) => m.organisation === slug),
    reports: project.reports.filter((r) => r.organisation === slug),
  });
  return new Map(
    project.organisations.map((organisation) => {
      const { plans, metrics, reports } = of(organisation.slug);
      const overdue = plans.map((p) => p.data.themes.map((t) => t.actions.map((a) => isOverdue(a, options.asOf))));
      return [
        organisation.slug,
        hashOf(
          shared,
          JSON.stringify({ ...organisation, logo: organisation.logo?.extension }),
          organisation.logo?.bytes ?? "",
          JSON.stringify(plans),
          JSON.stringify(metrics),
          JSON.stringify(reports.map(({ plan, ...report }) => ({ ...report, plan: plan.file }))),
          JSON.stringify(overdue),
        ),
      ];
    }),
  );
}

export interface Changes {
  /** Each organisation's input key. */
  inputs: InputKeys;
  /** The organisations whose files are taken from the previous site, with their page groups. */
  unchanged: Map<string, PageGroup[]>;
  /** The organisations to compute, model and render. */
  changed: Set<string>;
  /** With `only`: organisations taken as they were although their files have changed since. */
  outdated: string[];
}

/**
 * Which organisations a build must make, against the previous site's manifest: those whose input
 * key changed or whose files are missing; with `only`, just that one (the rest are taken as they were).
 */
export function findChanges(
  project: Project,
  previous: Manifest,
  options: InputKeyOptions & { siteDir: string; only?: string | undefined },
): Changes {
  const inputs = organisationKeys(project, options);
  const reportsOf = (slug: string) =>
    project.reports.filter((r) => r.organisation === slug).map((r) => ({ key: `${r.organisation}/${r.slug}`, pdf: r.data.outputs.includes("pdf") }));
  const { only } = options;
  const unchanged = unchangedOrganisations(previous, inputs, (slug) => groupIds(slug, reportsOf(slug), options.withPdfs), options.siteDir, (slug) => only !== undefined && slug !== only);
  return {
    inputs,
    unchanged,
    changed: new Set(project.organisations.map((o) => o.slug).filter((slug) => !unchanged.has(slug))),
    outdated: [...unchanged].filter(([slug, groups]) => groups.some((g) => g.input !== inputs.get(slug))).map(([slug]) => slug),
  };
}
