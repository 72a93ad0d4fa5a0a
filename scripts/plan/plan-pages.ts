/**
 * Which of a built organisation's pages go through Eleventy again, and which are linked from the
 * previous site. Each page's key is a hash of the tool's version and exactly the part of the site
 * model its template reads (a report's whole view with its charts and PDF, an organisation's view,
 * the directory of organisations for the site-wide pages; for the accessibility statement, also what
 * the checks cover), so a page is reused only when it would
 * come out the same. A page is rendered again when its key changed, or its files did, or one of
 * them is missing from the previous site.
 *
 * Decided after the site model is made: what a page shows depends on the computed figures. The
 * print pages are planned first (the PDFs are printed from them); the web pages once the PDFs are
 * made, since a report's page names its PDF's size.
 *
 * Pure.
 */
import { hashOf } from "../cache/content-cache.ts";
import type { CheckSummary, GroupPageView, OrganisationView, ReportView, SiteModel } from "../html/site-types.ts";
import type { ReportKey } from "../validate/validate-project.ts";
import type { Output, PreviousSite, ReportRecord } from "./manifest.ts";

export interface PageDecision {
  output: Output;
  action: "render" | "link";
  reason: string;
}

const relative = (url: string) => url.replace(/^\//, "");

/** The files of a report's web page: the page and its charts' CSV downloads. */
export const webFiles = (report: ReportView): string[] => [`${relative(report.url)}index.html`, ...report.charts.map((c) => `${relative(report.url)}${c.csvFileName}`)];
export const printFiles = (report: ReportView): string[] => [relative(report.printUrl)];
export const pdfFiles = (report: ReportView): string[] => [relative(report.pdfUrl)];
export const organisationFiles = (organisation: OrganisationView): string[] => [`${relative(organisation.url)}index.html`];
/** The files of a group comparison's page: the page and its figures' CSV downloads; its print page; its PDF. */
export const groupWebFiles = (page: GroupPageView): string[] => [`${relative(page.url)}index.html`, ...page.indicators.map((i) => `${relative(page.url)}${i.csvFileName}`)];
export const groupPrintFiles = (page: GroupPageView): string[] => [relative(page.printUrl)];
export const groupPdfFiles = (page: GroupPageView): string[] => [relative(page.pdfUrl)];

/** Render or link one output, against what the previous site holds of it. */
export function decide(output: Output, before: Output | undefined, previous: PreviousSite): PageDecision {
  const reason = !before
    ? "new"
    : before.key !== output.key
      ? "what it shows changed"
      : before.files.join("\n") !== output.files.join("\n")
        ? "its files changed"
        : before.files.some((f) => previous.missing.has(f))
          ? "a file of it is missing from the previous site"
          : undefined;
  return reason === undefined ? { output, action: "link", reason: "unchanged" } : { output, action: "render", reason };
}

const previousReport = (previous: PreviousSite, report: ReportView): ReportRecord | undefined => previous.manifest.organisations[report.organisation.slug]?.reports[report.key];

/** Each report's print page. */
export function planPrintPages(model: SiteModel, previous: PreviousSite, tool: string): Map<ReportKey, PageDecision> {
  return new Map(
    model.reports.map((r) => [r.key, decide({ key: hashOf("print", tool, JSON.stringify(model.settings), JSON.stringify(r)), files: printFiles(r) }, previousReport(previous, r)?.print, previous)]),
  );
}

/** Each group comparison's print page (by "<group>/<year>"). */
export function planGroupPrintPages(model: SiteModel, previous: PreviousSite, tool: string): Map<string, PageDecision> {
  return new Map(
    model.groupPages.map((g) => [g.key, decide({ key: hashOf("group print", tool, JSON.stringify(model.settings), JSON.stringify(g)), files: groupPrintFiles(g) }, previous.manifest.groups?.[g.key]?.print, previous)]),
  );
}

export interface WebPagePlan {
  reports: Map<ReportKey, PageDecision>;
  organisations: Map<string, PageDecision>;
  /** Each group comparison's page, by "<group>/<year>". */
  groups: Map<string, PageDecision>;
  /** The site-wide pages. Their files are known only once rendered (the guide is whatever content/ holds): until then, the previous site's. */
  site: PageDecision;
}

/** Each report's web page, each organisation's page, and the site-wide pages. */
export function planWebPages(model: SiteModel, previous: PreviousSite, tool: string): WebPagePlan {
  // The home page lists the groups, and each group's page its years.
  const siteKey = hashOf("site", tool, JSON.stringify(model.settings), JSON.stringify(model.directory), JSON.stringify(model.groups));
  const siteBefore = previous.manifest.site;
  return {
    reports: new Map(
      model.reports.map((r) => [r.key, decide({ key: hashOf("web", tool, JSON.stringify(model.settings), JSON.stringify(r)), files: webFiles(r) }, previousReport(previous, r)?.web, previous)]),
    ),
    organisations: new Map(
      model.organisations.map((o) => [
        o.slug,
        decide({ key: hashOf("org", tool, JSON.stringify(model.settings), JSON.stringify(o)), files: organisationFiles(o) }, previous.manifest.organisations[o.slug]?.page, previous),
      ]),
    ),
    groups: new Map(
      model.groupPages.map((g) => [g.key, decide({ key: hashOf("group", tool, JSON.stringify(model.settings), JSON.stringify(g)), files: groupWebFiles(g) }, previous.manifest.groups?.[g.key]?.web, previous)]),
    ),
    site: decide({ key: siteKey, files: siteBefore?.key === siteKey ? siteBefore.files : [] }, siteBefore, previous),
  };
}

/** The accessibility statement's file: rendered apart from the other site-wide pages, since it says what the checks cover. */
export const STATEMENT_FILE = "accessibility/index.html";

/** The accessibility statement: what the site-wide pages show, and what the checks will have covered (none without checks). */
export function planStatement(site: PageDecision, checks: CheckSummary | undefined, previous: PreviousSite, tool: string): PageDecision {
  return decide({ key: hashOf("statement", tool, site.output.key, JSON.stringify(checks ?? null)), files: [STATEMENT_FILE] }, previous.manifest.statement, previous);
}
