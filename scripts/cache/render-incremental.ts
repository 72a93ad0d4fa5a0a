/**
 * Step 4, render HTML, incrementally: only the page groups whose key changed since the previous
 * site go through Eleventy (with the site model filtered down to them); the rest are linked from
 * the previous site (see site-cache.ts). A first build, or a change to the tool, renders everything.
 */
import { readdir } from "node:fs/promises";
import type { ReportView, SiteModel } from "../html/site-model.ts";
import { renderSite } from "../html/render-site.ts";
import { linkFiles, organisationGroups, partition, reportGroup, siteGroupKey, SITE_GROUP, type InputKeys, type Manifest, type PageGroup } from "./site-cache.ts";

/** The templates of content/ that page through reports and organisations; every other template is a site-wide page. */
const PRINT_TEMPLATE = "print.njk";
const PAGED_TEMPLATES = ["report.njk", PRINT_TEMPLATE, "organisation.njk"];

/** The site-wide templates of content/ (home, guide, accessibility statement), as Eleventy ignore patterns. */
async function siteTemplates(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries
    .filter((e) => e.name !== "reports" && !PAGED_TEMPLATES.includes(e.name))
    .map((e) => (e.isDirectory() ? `${e.name}/**` : e.name));
}

export interface IncrementalOptions {
  tool: string;
  contentDir: string;
  /** The new site folder. */
  outputDir: string;
  /** The previous site and its manifest. */
  previousDir: string;
  previous: Manifest;
  /** Each organisation's input key (input-keys.ts), recorded with its groups. */
  inputs: InputKeys;
  /** "print": the print pages only (before the PDFs); "web": everything else; "all": both at once. */
  part: "print" | "web" | "all";
}

export interface IncrementalResult {
  /** Every group of this part, with its files: the new manifest's entries. */
  groups: PageGroup[];
  /** Ids of the groups rendered through Eleventy. */
  rendered: string[];
  /** The reports whose web pages were rendered (their CSV files must be written). */
  webReports: ReportView[];
}

export async function renderIncrementally(model: SiteModel, options: IncrementalOptions): Promise<IncrementalResult> {
  const { tool, previous } = options;
  const wantPrint = options.part !== "web";
  const wantWeb = options.part !== "print";
  const siteKey = siteGroupKey(model, tool);
  const siteBefore = previous[SITE_GROUP];
  const { inputs } = options;
  const groups: PageGroup[] = [
    ...(wantPrint ? model.reports.map((r) => reportGroup(model, r, "print", tool, inputs)) : []),
    ...(wantWeb ? model.reports.map((r) => reportGroup(model, r, "web", tool, inputs)) : []),
    ...(wantWeb ? organisationGroups(model, tool, inputs) : []),
    ...(wantWeb ? [{ id: SITE_GROUP, key: siteKey, files: siteBefore?.key === siteKey ? siteBefore.files : [] }] : []),
  ];
  const { stale, fresh } = partition(groups, previous, options.previousDir);
  const staleIds = new Set(stale.map((g) => g.id));
  const siteStale = wantWeb && (staleIds.has(SITE_GROUP) || siteBefore?.key !== siteKey);
  const reports = model.reports.filter((r) => staleIds.has(`print:${r.key}`) || staleIds.has(`web:${r.key}`));
  const organisations = model.organisations.filter((o) => staleIds.has(`org:${o.slug}`));

  // Render first, link after: a file this build writes is never written through a link into the previous site.
  const { written } = await renderSite(
    { ...model, organisations, reports },
    {
      contentDir: options.contentDir,
      outputDir: options.outputDir,
      ...(options.part === "print" ? { only: PRINT_TEMPLATE } : {}),
      skip: [...(options.part === "web" ? [PRINT_TEMPLATE] : []), ...(siteStale ? [] : await siteTemplates(options.contentDir))],
    },
  );
  // A report rendered at all is rendered in full (both its pages when part is "all").
  const renderedOrgs = new Set(organisations.map((o) => `org:${o.slug}`));
  const renderedReports = new Set(reports.flatMap((r) => [`print:${r.key}`, `web:${r.key}`]));
  const rendered = groups.filter((g) => staleIds.has(g.id) || renderedReports.has(g.id) || renderedOrgs.has(g.id)).map((g) => g.id);
  linkFiles(
    fresh.filter((g) => !rendered.includes(g.id)),
    options.previousDir,
    options.outputDir,
  );
  if (wantWeb && siteStale) {
    const owned = new Set(groups.flatMap((g) => g.files));
    const site = groups.find((g) => g.id === SITE_GROUP)!;
    site.files = written.filter((f) => !owned.has(f)).sort();
    if (!rendered.includes(SITE_GROUP)) rendered.push(SITE_GROUP);
  }
  return { groups, rendered: rendered.sort(), webReports: wantWeb ? reports : [] };
}
