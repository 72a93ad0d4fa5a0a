/**
 * The build, top to bottom. Each step is a module of its own; this file carries out the plan:
 *
 *   1. load and validate     every author file; all problems at once (load/, validate/)
 *   2. plan                  which organisations to build and which to keep from the previous
 *                            site, which reports to compute, and why (plan/plan-build.ts)
 *   3. compute and chart     the figures and charts of the reports the plan names, or the compute
 *                            cache's copy (cache/compute-cache.ts)
 *   4. model                 everything the templates lay out, for the organisations built (html/site-model.ts)
 *   5. print pages and PDFs  the print pages whose content changed, then each PDF, printed or
 *                            from the PDF cache (plan/plan-pages.ts, pdf/build-pdfs.ts)
 *   6. web pages and downloads  the web pages whose content changed (they name each PDF's size),
 *                            CSV files, logos, schemas; every other file linked from the previous
 *                            site; the new manifest
 *   7. check                 the quality gates on the new site, then the accessibility statement
 *                            with what they found (check/)
 *   8. swap                  the new site replaces the old in one rename (swap/write-atomically.ts)
 *
 * Steps 5 to 7 write into a temporary folder: a failed or interrupted build leaves the previous
 * site as it was. `explainBuild` runs steps 1 and 2 only (`build --explain`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { readProject } from "./load/read-project.ts";
import { validateProject, type OrganisationEntry, type Project, type ReportKey } from "./validate/validate-project.ts";
import { InputProblems, type Problem } from "./validate/problems.ts";
import { buildSiteModel, logoPath, withPdfs } from "./html/site-model.ts";
import type { CheckSummary, ReportView, SiteModel } from "./html/site-types.ts";
import { longDate } from "./dates.ts";
import { buildPdfs, type PdfInfo, type PdfReport } from "./pdf/build-pdfs.ts";
import { launchBrowser } from "./pdf/browser.ts";
import { sourceDate } from "./errors.ts";
import { routeSite } from "./pdf/site-origin.ts";
import { checkSite, type CheckResult } from "./check/check-site.ts";
import { axeVersion, WIDTHS } from "./check/axe.ts";
import { checkPdf } from "./check/pdf-structure.ts";
import { CheckFailed } from "./check/findings.ts";
import { projectRoot, renderSite } from "./html/render-site.ts";
import { writeSiteAssets } from "./html/assets.ts";
import { computeReports, type ComputeJob } from "./cache/compute-cache.ts";
import { JsonCache, toolHash } from "./cache/content-cache.ts";
import { linkFiles } from "./cache/link-files.ts";
import { ParseCache } from "./cache/parse-cache.ts";
import { writeJsonSchemas } from "./validate/json-schema.ts";
import { computeInput } from "./plan/inputs.ts";
import { planBuild, type BuildPlan } from "./plan/plan-build.ts";
import { pdfFiles, planPrintPages, planStatement, planWebPages, STATEMENT_FILE, type PageDecision, type WebPagePlan } from "./plan/plan-pages.ts";
import { emptyManifest, readPreviousSite, recordFiles, writeManifest, type Manifest, type OrganisationRecord, type PreviousSite } from "./plan/manifest.ts";
import { writeAtomically } from "./swap/write-atomically.ts";

export interface BuildOptions {
  /** The folder holding the author's data/ and content/reports/ (default: this repository). */
  root?: string;
  /** Where the site goes (default: <root>/_site). */
  outputDir?: string;
  /** Today's date as YYYY-MM-DD, for overdue actions; from SOURCE_DATE_EPOCH when set. */
  asOf?: string;
  log?: (line: string) => void;
  /** Make the PDFs (default true); off for a quick preview of the web pages. */
  pdf?: boolean;
  /** No progress bars. */
  quiet?: boolean;
  /** Run the quality gates on the new site before it replaces the old one (default true). */
  check?: boolean;
  /** The hash standing for the tool's version in every cache key; computed from the tool's files (toolHash) when not given. */
  toolVersion?: string;
  /**
   * "<organisation>" or "<organisation>/<period>": build that organisation's pages and PDFs, and keep
   * every other organisation's files as they are in the previous site, even if its files have changed.
   */
  only?: string;
}

export interface BuildSummary {
  outputDir: string;
  reports: number;
  pages: number;
  pdfs: number;
  pdfsPrinted: number;
  seconds: number;
  /** Reports ("<org>/<period>") whose indicators and charts were computed, not taken from the cache. */
  computed: ReportKey[];
  /** Pages rendered through Eleventy ("web:<org>/<period>", "print:...", "org:<slug>", "site"); the rest were reused. */
  rendered: string[];
  /** Seconds spent in each step, in the order they ran. */
  steps: Record<string, number>;
  /** With `only`: organisations kept as they were in the previous site although their files have changed since. */
  outdated: string[];
}

/** Times the steps of one build: `step(name)` ends the step before it. */
function stepTimer(started: number) {
  const steps: Record<string, number> = {};
  let last = started;
  return {
    steps,
    step(name: string) {
      const now = performance.now();
      steps[name] = Math.round(now - last) / 1000;
      last = now;
    },
  };
}
type Timer = ReturnType<typeof stepTimer>;

/** The date builds are "as of": SOURCE_DATE_EPOCH when set (reproducible builds), else today. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  return (sourceDate(env) ?? new Date()).toISOString().slice(0, 10);
}

/** Step 1. Load and validate; throws InputProblems with every problem found. With a cache, unchanged files are not parsed again. */
export async function loadAndValidate(root: string, cache?: ParseCache): Promise<Project> {
  const { files, problems: readProblems } = await readProject(root, cache);
  await cache?.save();
  const { project, problems } = validateProject(files);
  const all: Problem[] = [...readProblems, ...problems];
  if (all.length > 0 || !project) throw new InputProblems(all);
  return project;
}

interface Planned {
  root: string;
  outputDir: string;
  tool: string;
  asOf: string;
  project: Project;
  previous: PreviousSite;
  plan: BuildPlan;
  computeCache: JsonCache;
}

/** Steps 1 and 2: the project, and the plan against the previous site. */
async function loadAndPlan(options: BuildOptions, timer: Timer): Promise<Planned> {
  const root = path.resolve(options.root ?? projectRoot);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const tool = options.toolVersion ?? (await toolHash());
  const project = await loadAndValidate(root, await ParseCache.open(path.join(root, ".cache", "parsed.v8"), tool));
  timer.step("load and validate");

  const asOf = options.asOf ?? buildDate();
  const previous = await readPreviousSite(outputDir);
  const computeCache = new JsonCache(path.join(root, ".cache", "build"));
  const plan = planBuild(project, previous, {
    tool,
    asOf,
    pdfs: options.pdf !== false,
    checks: options.check !== false,
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? "",
    computeCache: await computeCache.keys(),
    only: options.only,
  });
  timer.step("plan");
  return { root, outputDir, tool, asOf, project, previous, plan, computeCache };
}

/** Steps 1 and 2 only: what a build would do, and why (`build --explain`). Writes nothing but the parse cache. */
export async function explainBuild(options: BuildOptions = {}): Promise<BuildPlan> {
  return (await loadAndPlan(options, stepTimer(performance.now()))).plan;
}

/** Step 3's work list: each report of an organisation being built that has figures. */
export function computeJobs(project: Project, plan: BuildPlan): ComputeJob[] {
  const reports = new Map(project.reports.map((r) => [r.key, r]));
  return plan.organisations.flatMap((o) =>
    o.reports.flatMap((r) => {
      const report = reports.get(r.key)!;
      return r.compute ? [{ key: r.key, cacheKey: r.compute.key, reuse: r.compute.action === "reuse", input: computeInput(project, report, report.data.metrics_year!) }] : [];
    }),
  );
}

/** What the PDF step needs to know of each report that has a PDF. */
function pdfReports(reports: readonly ReportView[]): PdfReport[] {
  return reports
    .filter((r) => r.outputs.includes("pdf"))
    .map((r) => ({
      key: r.key,
      printFile: r.printUrl.slice(1),
      pdfFile: r.pdfUrl.slice(1),
      meta: {
        title: r.title,
        author: r.organisation.name,
        subject: `${r.standards.join(" and ")} report ${r.period}, ${r.organisation.name}`,
        lang: "en-GB",
        keywords: [...r.standards, r.period, "equality", "NHS"],
      },
    }));
}

/** The CSV download of every chart, beside its report's page. Synchronous writes: a large build writes tens of thousands of small files. */
function writeChartData(outputDir: string, reports: readonly ReportView[]): number {
  let written = 0;
  for (const report of reports) {
    const dir = path.join(outputDir, report.url);
    mkdirSync(dir, { recursive: true });
    for (const chart of report.charts) {
      writeFileSync(path.join(dir, chart.csvFileName), chart.csv);
      written++;
    }
  }
  return written;
}

/** Each organisation's logo, into the site. Written apart and renamed: the path may be a link to the previous site's file. */
async function writeLogos(dir: string, organisations: readonly OrganisationEntry[]): Promise<void> {
  for (const org of organisations) {
    if (!org.logo) continue;
    const target = path.join(dir, logoPath(org.slug, org.logo.extension));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.new`, org.logo.bytes);
    await rename(`${target}.new`, target);
  }
}

/** What the checks will cover, as the accessibility statement says it: every page and PDF of the site (`files`). */
function checkSummary(files: readonly string[]): CheckSummary {
  return { date: longDate(buildDate()), pages: files.filter((f) => f.endsWith(".html")).length, pdfs: files.filter((f) => f.endsWith(".pdf")).length, widths: [...WIDTHS], axeVersion: axeVersion() };
}

/**
 * The accessibility statement, on its own: it says what the checks cover, which is known once
 * every other page is made. Rendered apart and renamed into place.
 */
async function writeStatement(model: SiteModel, contentDir: string, dir: string): Promise<void> {
  const scratch = await mkdtemp(path.join(dir, ".statement-"));
  try {
    await renderSite(model, { contentDir, outputDir: scratch, only: STATEMENT_TEMPLATE });
    await mkdir(path.dirname(path.join(dir, STATEMENT_FILE)), { recursive: true });
    await rename(path.join(scratch, STATEMENT_FILE), path.join(dir, STATEMENT_FILE));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The templates of content/ that page through reports and organisations; every other template is a site-wide page. */
const PRINT_TEMPLATE = "print.njk";
const STATEMENT_TEMPLATE = "accessibility.njk";
const PAGED_TEMPLATES = ["report.njk", PRINT_TEMPLATE, "organisation.njk"];

/** The site-wide templates of content/ (home, guide, accessibility statement), as Eleventy ignore patterns. */
async function siteTemplates(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries.filter((e) => e.name !== "reports" && !PAGED_TEMPLATES.includes(e.name)).map((e) => (e.isDirectory() ? `${e.name}/**` : e.name));
}

const rendering = (d: PageDecision | undefined) => d?.action === "render";
const linked = (decisions: Iterable<PageDecision>) => [...decisions].filter((d) => d.action === "link").flatMap((d) => d.output.files);

export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const timer = stepTimer(started);
  const log = options.log ?? (() => {});

  // 1 and 2.
  const { root, outputDir, tool, asOf, project, previous, plan, computeCache } = await loadAndPlan(options, timer);
  const kept = plan.organisations.filter((o) => o.action === "keep");

  // 3. Compute and chart.
  const { indicators, charts, computed } = await computeReports(computeJobs(project, plan), { cache: computeCache });
  timer.step("compute and chart");

  // 4. Model: the organisations being built, with every organisation in the directory.
  const model = buildSiteModel(project, { asOf, indicators, charts, only: new Set(plan.organisations.filter((o) => o.action === "build").map((o) => o.slug)) });
  timer.step("model");

  const contentDir = path.join(projectRoot, "content");
  // One browser prints the PDFs and checks the pages; launched only if either is wanted.
  const browser = plan.pdfs || plan.checks ? await launchBrowser() : undefined;
  try {
    const made = await writeAtomically(outputDir, async (dir) => {
      const rendered: string[] = [];
      const print = planPrintPages(model, previous, tool);

      // 5. Print pages and PDFs. The print pages first: the PDFs are printed from them.
      let pdfs: ReadonlyMap<string, PdfInfo> = new Map();
      if (plan.pdfs) {
        const reports = model.reports.filter((r) => rendering(print.get(r.key)));
        // The stylesheets the PDFs need are written with the pages, or alone when no page is.
        if (reports.length > 0) await renderSite({ ...model, organisations: [], reports }, { contentDir, outputDir: dir, only: PRINT_TEMPLATE });
        else await writeSiteAssets(dir);
        rendered.push(...reports.map((r) => `print:${r.key}`));
        linkFiles(linked(print.values()), outputDir, dir);
        timer.step("print pages");
        pdfs = await buildPdfs(pdfReports(model.reports), { siteDir: dir, cacheDir: path.join(root, ".cache", "pdf"), quiet: options.quiet, browser });
        timer.step("PDFs");
      }

      // 6. Web pages and downloads. A report's page names its PDF's size and pages.
      const site = withPdfs(model, pdfs);
      const web = planWebPages(site, previous, tool);
      // Without PDFs, a report's print page is rendered with its web page, in the same pass.
      const reports = site.reports.filter((r) => rendering(web.reports.get(r.key)) || (!plan.pdfs && rendering(print.get(r.key))));
      const organisations = site.organisations.filter((o) => rendering(web.organisations.get(o.slug)));
      const { written } =
        reports.length > 0 || organisations.length > 0 || rendering(web.site)
          ? await renderSite(
              { ...site, organisations, reports },
              { contentDir, outputDir: dir, skip: [STATEMENT_TEMPLATE, ...(plan.pdfs ? [PRINT_TEMPLATE] : []), ...(rendering(web.site) ? [] : await siteTemplates(contentDir))] },
            )
          : { written: await writeSiteAssets(dir).then(() => []) };
      rendered.push(...reports.flatMap((r) => [`web:${r.key}`, ...(plan.pdfs ? [] : [`print:${r.key}`])]), ...organisations.map((o) => `org:${o.slug}`));
      if (rendering(web.site)) rendered.push("site");
      timer.step("web pages");
      const siteFiles = siteWideFiles(web, print, written);
      // Render first, link after: a file this build writes is never written through a link into the previous site.
      linkFiles([...linked(web.reports.values()), ...linked(web.organisations.values()), ...(plan.pdfs ? [] : linked(print.values())), ...(rendering(web.site) ? [] : web.site.output.files)], outputDir, dir);
      // The kept organisations' files, as they were.
      linkFiles(kept.flatMap((o) => recordFiles(o.previous!)), outputDir, dir);
      const csv = writeChartData(dir, reports);
      await writeLogos(dir, project.organisations);
      // The JSON Schemas that authors' editors check their files against (see `npm run new`).
      await writeJsonSchemas(dir, project.reference);
      const pages = newManifest(plan, site, print, web, siteFiles);
      const files = [...Object.values(pages.organisations).flatMap(recordFiles), ...siteFiles, STATEMENT_FILE];
      // The accessibility statement last: it says what the checks will cover, every page and PDF.
      const checks = plan.checks ? checkSummary(files) : undefined;
      const statement = planStatement(web.site, checks, previous, tool);
      if (rendering(statement)) {
        await writeStatement({ ...site, checks }, contentDir, dir);
        rendered.push("statement");
      } else linkFiles(statement.output.files, outputDir, dir);
      const manifest: Manifest = { ...pages, statement: statement.output };
      await writeManifest(dir, manifest);
      timer.step("CSV files, logos, schemas, statement");

      // 7. Check: the quality gates run on the new site before it replaces the old one; a failing check keeps the old site.
      const checked = browser && plan.checks ? await runChecks(dir, browser, site, { results: new JsonCache(path.join(root, ".cache", "checks")), tool }) : undefined;
      if (checked) timer.step("checks");
      return { rendered, pdfs, csv, checked, pages: files.filter((f) => f.endsWith(".html")).length, pdfCount: files.filter((f) => f.endsWith(".pdf")).length };
    });
    // 8. Swap: done by writeAtomically.
    timer.step("swap in the new site");

    const printed = [...made.pdfs.values()].filter((p) => !p.cached).length;
    const outdated = plan.organisations.filter((o) => o.outdated).map((o) => o.slug);
    log(
      `${kept.length} of ${project.organisations.length} organisations unchanged since the previous site (their files reused as they were). ` +
        `Rendered ${made.rendered.length} pages (the rest reused); ${made.pages} pages, ${made.csv} CSV files written; ${made.pdfCount} PDFs: ${printed} printed now, ${made.pdfs.size - printed} from the PDF cache, ${made.pdfCount - made.pdfs.size} kept from the previous site.`,
    );
    const alsoBuilt = plan.only === undefined ? [] : plan.organisations.filter((o) => o.action === "build" && o.slug !== plan.only).map((o) => o.slug);
    if (alsoBuilt.length > 0) log(`Built ${alsoBuilt.length} other organisations too, since the previous site did not have them whole: ${alsoBuilt.join(", ")}.`);
    if (outdated.length > 0)
      log(`Kept ${outdated.length} organisations as they were in the previous site although their files have changed: ${outdated.join(", ")}. Build without --only to bring them up to date.`);
    if (made.checked)
      log(
        `Checked every page and PDF (accessibility, HTML, links, PDF structure): ${made.checked.findings.length} problems. ` +
          `${made.checked.reused} of ${made.checked.pages + made.checked.pdfs} were as when last checked, and not checked again (links always are).`,
      );
    log(`Time by step: ${Object.entries(timer.steps).map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(", ")}.`);
    return {
      outputDir,
      reports: project.reports.length,
      pages: made.pages,
      pdfs: made.pdfCount,
      pdfsPrinted: printed,
      seconds: (performance.now() - started) / 1000,
      computed,
      rendered: made.rendered.sort(),
      steps: timer.steps,
      outdated,
    };
  } finally {
    await browser?.close();
  }
}

/** The site-wide pages' files: when rendered, every page Eleventy wrote that belongs to no report or organisation. */
function siteWideFiles(web: WebPagePlan, print: ReadonlyMap<ReportKey, PageDecision>, written: readonly string[]): string[] {
  if (!rendering(web.site)) return web.site.output.files;
  const owned = new Set([...web.reports.values(), ...web.organisations.values(), ...print.values()].flatMap((d) => d.output.files));
  return written.filter((f) => !owned.has(f)).sort();
}

/** The manifest of the new site: the organisations built, with their inputs and outputs; the kept ones, as they were. */
function newManifest(plan: BuildPlan, site: SiteModel, print: ReadonlyMap<ReportKey, PageDecision>, web: WebPagePlan, siteFiles: string[]): Manifest {
  const reportsOf = (slug: string) => site.reports.filter((r) => r.organisation.slug === slug);
  const record = (o: BuildPlan["organisations"][number]): OrganisationRecord => {
    if (o.action === "keep") return o.previous!;
    const reports = reportsOf(o.slug).map((r) => {
      const printed = print.get(r.key)!.output;
      return [r.key, { web: web.reports.get(r.key)!.output, print: printed, pdf: plan.pdfs && r.outputs.includes("pdf") ? { key: printed.key, files: pdfFiles(r) } : undefined }] as const;
    });
    return { inputs: o.inputs, page: web.organisations.get(o.slug)!.output, reports: Object.fromEntries(reports) };
  };
  return { ...emptyManifest(), organisations: Object.fromEntries(plan.organisations.map((o) => [o.slug, record(o)])), site: { key: web.site.output.key, files: siteFiles } };
}

/** Step 7: the checks on the new site (a page or PDF checked before, as it is now, is not checked again). */
async function runChecks(dir: string, browser: Browser, site: SiteModel, options: { results: JsonCache; tool: string }): Promise<CheckResult> {
  const { results, tool } = options;
  // Checked as it will be published: served under its path, its links followed as they resolve there.
  const location = { basePath: site.settings.basePath, address: site.settings.address };
  const result = await checkSite({ siteDir: dir, site: location, browser, serve: (c) => routeSite(c, dir, location.basePath), checkPdf, cache: { results, tool } });
  if (result.findings.length > 0) throw new CheckFailed(result.findings);
  return result;
}
