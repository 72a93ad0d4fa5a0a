/**
 * The manifest of the new site (manifest.ts): what the plan built, with its inputs and each page's
 * key and files; the organisations the plan kept, as the previous site recorded them. The
 * accessibility statement is added last (it says what the checks cover: every file named here). Written into
 * the new site, so the next build's plan compares against exactly what this one made.
 *
 * Pure.
 */
import type { GroupPageView, SiteModel } from "../html/site-types.ts";
import type { ReportKey } from "../validate/validate-project.ts";
import { emptyManifest, type Manifest, type OrganisationRecord } from "./manifest.ts";
import type { BuildPlan, OrganisationPlan } from "./plan-build.ts";
import { groupPdfFiles, pdfFiles, type PageDecision, type WebPagePlan } from "./plan-pages.ts";

export interface NewSitePages {
  print: ReadonlyMap<ReportKey, PageDecision>;
  /** The group comparisons' print pages, by "<group>/<year>". */
  groupPrint: ReadonlyMap<string, PageDecision>;
  web: WebPagePlan;
  /** The site-wide pages' files, as written (html/write-pages.ts). */
  siteFiles: string[];
}

export function newManifest(plan: BuildPlan, site: SiteModel, pages: NewSitePages): Manifest {
  const { print, groupPrint, web, siteFiles } = pages;
  const record = (o: OrganisationPlan): OrganisationRecord => {
    if (o.action === "keep") return o.previous!;
    const reports = site.reports
      .filter((r) => r.organisation.slug === o.slug)
      .map((r) => {
        const printed = print.get(r.key)!.output;
        return [r.key, { web: web.reports.get(r.key)!.output, print: printed, pdf: plan.pdfs && r.outputs.includes("pdf") ? { key: printed.key, files: pdfFiles(r) } : undefined }] as const;
      });
    return { inputs: o.inputs, page: web.organisations.get(o.slug)!.output, reports: Object.fromEntries(reports) };
  };
  const group = (g: GroupPageView) => {
    // Its page links its PDF only when the PDF step ran (the page's key holds the PDF's size): a build without PDFs keeps none.
    const printed = groupPrint.get(g.key)!.output;
    return [g.key, { web: web.groups.get(g.key)!.output, print: printed, pdf: plan.pdfs ? { key: printed.key, files: groupPdfFiles(g) } : undefined }] as const;
  };
  return {
    ...emptyManifest(),
    organisations: Object.fromEntries(plan.organisations.map((o) => [o.slug, record(o)])),
    groups: Object.fromEntries(site.groupPages.map(group)),
    site: { key: web.site.output.key, files: siteFiles },
  };
}
