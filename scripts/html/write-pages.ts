/**
 * Steps 5 and 6 of the build, the pages: each page the plan renders goes through Eleventy
 * (render-site.ts), each page it reuses is linked from the previous site (cache/link-files.ts).
 * Then the files beside the pages: each chart's CSV download, the organisations' logos, the JSON
 * Schemas, and last the accessibility statement (it says what the checks cover, every page and
 * PDF of the site, known only once the rest is made).
 *
 * Rendering always comes before linking into the same folder: a file this build writes is never
 * written through a link into the previous site.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { linkFiles } from "../cache/link-files.ts";
import type { PageDecision, WebPagePlan } from "../plan/plan-pages.ts";
import { STATEMENT_FILE } from "../plan/plan-pages.ts";
import type { OrganisationEntry, ReportKey } from "../validate/validate-project.ts";
import { writeSiteAssets } from "./assets.ts";
import { renderSite } from "./render-site.ts";
import { logoPath } from "./site-model.ts";
import type { GroupPageView, ReportView, SiteModel } from "./site-types.ts";

/** The folders a step works between: the templates, the new site being written, the previous site. */
export interface PageFolders {
  contentDir: string;
  dir: string;
  previousDir: string;
}

/** The templates of content/ that page through reports, organisations and group comparisons; every other template is a site-wide page. */
const PRINT_TEMPLATES = ["print.njk", "group-print.njk"];
const STATEMENT_TEMPLATE = "accessibility.njk";
const PAGED_TEMPLATES = ["report.njk", "organisation.njk", "group.njk", ...PRINT_TEMPLATES];

/** The print pages' plans: the reports', and the group comparisons' (by "<group>/<year>"). */
export interface PrintPagePlans {
  print: ReadonlyMap<ReportKey, PageDecision>;
  groupPrint: ReadonlyMap<string, PageDecision>;
}

const rendering = (d: PageDecision | undefined) => d?.action === "render";
const linked = (decisions: Iterable<PageDecision>) => [...decisions].filter((d) => d.action === "link").flatMap((d) => d.output.files);

/** The site-wide templates of content/ (home, guide, accessibility statement), as Eleventy ignore patterns. */
async function siteTemplates(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries.filter((e) => e.name !== "reports" && !PAGED_TEMPLATES.includes(e.name)).map((e) => (e.isDirectory() ? `${e.name}/**` : e.name));
}

/**
 * Step 5, before the PDFs: the print pages the plan renders, and the stylesheets the PDFs need
 * (written alone when no page is rendered); the other print pages linked. Returns the pages rendered
 * ("print:<report>", "group print:<group>/<year>").
 */
export async function writePrintPages(model: SiteModel, plans: PrintPagePlans, folders: PageFolders): Promise<string[]> {
  const { print, groupPrint } = plans;
  const { contentDir, dir, previousDir } = folders;
  const reports = model.reports.filter((r) => rendering(print.get(r.key)));
  const groupPages = model.groupPages.filter((g) => rendering(groupPrint.get(g.key)));
  if (reports.length > 0 || groupPages.length > 0) await renderSite({ ...model, organisations: [], reports, groupPages }, { contentDir, outputDir: dir, only: PRINT_TEMPLATES });
  else await writeSiteAssets(dir);
  linkFiles(linked([...print.values(), ...groupPrint.values()]), previousDir, dir);
  return [...reports.map((r) => `print:${r.key}`), ...groupPages.map((g) => `group print:${g.key}`)];
}

export interface WrittenWebPages {
  /** The pages rendered: "web:<report>", "print:<report>" (without PDFs), "org:<slug>", "group:<group>/<year>", "group print:<group>/<year>" (without PDFs), "site". */
  rendered: string[];
  /** The reports and group comparisons whose web pages were rendered (their CSV files are written with them). */
  reports: ReportView[];
  groupPages: GroupPageView[];
  /** The site-wide pages' files: when rendered, every file Eleventy wrote that belongs to no report or organisation. */
  siteFiles: string[];
}

/**
 * Step 6: the web pages the plan renders, in one Eleventy pass (without PDFs, each report's print
 * page with its web page); every other page linked from the previous site.
 */
export async function writeWebPages(
  site: SiteModel,
  pages: PrintPagePlans & { web: WebPagePlan; pdfs: boolean },
  folders: PageFolders,
): Promise<WrittenWebPages> {
  const { web, print, groupPrint, pdfs } = pages;
  const { contentDir, dir, previousDir } = folders;
  const reports = site.reports.filter((r) => rendering(web.reports.get(r.key)) || (!pdfs && rendering(print.get(r.key))));
  const organisations = site.organisations.filter((o) => rendering(web.organisations.get(o.slug)));
  const groupPages = site.groupPages.filter((g) => rendering(web.groups.get(g.key)) || (!pdfs && rendering(groupPrint.get(g.key))));
  const skip = [STATEMENT_TEMPLATE, ...(pdfs ? PRINT_TEMPLATES : []), ...(rendering(web.site) ? [] : await siteTemplates(contentDir))];
  const { written } =
    reports.length > 0 || organisations.length > 0 || groupPages.length > 0 || rendering(web.site)
      ? await renderSite({ ...site, organisations, reports, groupPages }, { contentDir, outputDir: dir, skip })
      : { written: await writeSiteAssets(dir).then(() => []) };
  const rendered = [
    ...reports.flatMap((r) => [`web:${r.key}`, ...(pdfs ? [] : [`print:${r.key}`])]),
    ...organisations.map((o) => `org:${o.slug}`),
    ...groupPages.flatMap((g) => [`group:${g.key}`, ...(pdfs ? [] : [`group print:${g.key}`])]),
    ...(rendering(web.site) ? ["site"] : []),
  ];
  const prints = [...print.values(), ...groupPrint.values()];
  const siteFiles = siteWideFiles(web, prints, written);
  linkFiles(
    [
      ...linked([...web.reports.values(), ...web.organisations.values(), ...web.groups.values()]),
      ...(pdfs ? [] : linked(prints)),
      ...(rendering(web.site) ? [] : web.site.output.files),
    ],
    previousDir,
    dir,
  );
  return { rendered, reports, groupPages, siteFiles };
}

/** The site-wide pages' files: when rendered, every page Eleventy wrote that belongs to no report, organisation or group comparison. */
function siteWideFiles(web: WebPagePlan, prints: readonly PageDecision[], written: readonly string[]): string[] {
  if (!rendering(web.site)) return web.site.output.files;
  const owned = new Set([...web.reports.values(), ...web.organisations.values(), ...web.groups.values(), ...prints].flatMap((d) => d.output.files));
  return written.filter((f) => !owned.has(f)).sort();
}

/**
 * The CSV downloads beside each page: a report's charts, a group comparison's figures. Synchronous
 * writes: a large build writes tens of thousands of small files.
 */
export function writeCsvFiles(dir: string, pages: readonly { url: string; files: readonly { csvFileName: string; csv: string }[] }[]): number {
  let written = 0;
  for (const page of pages) {
    const folder = path.join(dir, page.url);
    mkdirSync(folder, { recursive: true });
    for (const file of page.files) {
      writeFileSync(path.join(folder, file.csvFileName), file.csv);
      written++;
    }
  }
  return written;
}

/** Each organisation's logo, into the site. Written apart and renamed: the path may be a link to the previous site's file. */
export async function writeLogos(dir: string, organisations: readonly OrganisationEntry[]): Promise<void> {
  for (const org of organisations) {
    if (!org.logo) continue;
    const target = path.join(dir, logoPath(org.slug, org.logo.extension));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.new`, org.logo.bytes);
    await rename(`${target}.new`, target);
  }
}

/**
 * The accessibility statement, on its own: it says what the checks cover, which is known once
 * every other page is made. The statement is rendered apart, linked when the plan reuses it.
 */
export async function writeStatement(site: SiteModel, decision: PageDecision, folders: PageFolders): Promise<boolean> {
  const { contentDir, dir, previousDir } = folders;
  if (!rendering(decision)) {
    linkFiles(decision.output.files, previousDir, dir);
    return false;
  }
  const scratch = await mkdtemp(path.join(dir, ".statement-"));
  try {
    await renderSite(site, { contentDir, outputDir: scratch, only: STATEMENT_TEMPLATE });
    await mkdir(path.dirname(path.join(dir, STATEMENT_FILE)), { recursive: true });
    await rename(path.join(scratch, STATEMENT_FILE), path.join(dir, STATEMENT_FILE));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return true;
}
