/**
 * The build, top to bottom. Each step is a module of its own; this file carries out the plan:
 *
 *   1. load and validate     every author file; all problems at once (load/, validate/)
 *   2. plan                  which organisations to build and which to keep from the previous
 *                            site, which reports to compute, and why (plan/plan-build.ts)
 *   3. compute and chart     the figures and charts of the reports the plan names, or the compute
 *                            cache's copy (cache/compute-cache.ts); then every group comparison and
 *                            its funnel plots (cache/group-comparisons.ts)
 *   4. model                 everything the templates lay out, for the organisations built (html/site-model.ts)
 *   5. print pages and PDFs  the print pages (reports' and group comparisons') whose content changed (plan/plan-pages.ts decides,
 *                            html/write-pages.ts writes), then each PDF, printed or from the PDF
 *                            cache (pdf/build-pdfs.ts)
 *   6. web pages and downloads  the web pages whose content changed (they name each PDF's size),
 *                            every other file linked from the previous site; CSV files, logos,
 *                            schemas (html/write-pages.ts); the new manifest (plan/new-manifest.ts);
 *                            last the accessibility statement, which says what step 7 covers
 *   7. check                 the quality gates on the new site (check/check-site.ts); any finding
 *                            stops the build and the previous site stays
 *   8. swap                  the new site replaces the old in one rename (swap/write-atomically.ts)
 *
 * Steps 5 to 7 write into a temporary folder: a failed or interrupted build leaves the previous
 * site as it was. `explainBuild` runs steps 1 and 2 only (`build --explain`).
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { readProject } from "./load/read-project.ts";
import { counted } from "./words.ts";
import { placeholdersLeft } from "./validate/placeholders.ts";
import { validateProject, type Project, type ReportKey } from "./validate/validate-project.ts";
import { InputProblems, type Problem } from "./validate/problems.ts";
import { buildSiteModel, withPdfs } from "./html/site-model.ts";
import type { CheckSummary, ReportView, SiteModel } from "./html/site-types.ts";
import { longDate } from "./dates.ts";
import { buildPdfs, type PdfInfo, type PdfReport } from "./pdf/build-pdfs.ts";
import { launchBrowser } from "./pdf/browser.ts";
import { sourceDate } from "./errors.ts";
import { routeSite } from "./pdf/site-origin.ts";
import { checkPagesEarly, checkSite, type CheckOptions, type CheckResult, type EarlyChecks } from "./check/check-site.ts";
import { axeVersion, WIDTHS } from "./check/axe.ts";
import { checkPdf } from "./check/pdf-structure.ts";
import { CheckFailed } from "./check/findings.ts";
import { projectRoot } from "./html/render-site.ts";
import { writeCsvFiles, writeLogos, writePrintPages, writeStatement, writeWebPages } from "./html/write-pages.ts";
import { computeReports, type ComputeJob } from "./cache/compute-cache.ts";
import { JsonCache, toolHash } from "./cache/content-cache.ts";
import { linkFiles } from "./cache/link-files.ts";
import { ParseCache } from "./cache/parse-cache.ts";
import { writeJsonSchemas } from "./validate/json-schema.ts";
import { computeInput, GROUP_PLACES, projectHashes, type ProjectHashes } from "./plan/inputs.ts";
import { planBuild, type BuildPlan } from "./plan/plan-build.ts";
import { planGroupPrintPages, planPrintPages, planStatement, planWebPages, STATEMENT_FILE } from "./plan/plan-pages.ts";
import { manifestFiles, readPreviousSite, recordFiles, writeManifest, type PreviousSite } from "./plan/manifest.ts";
import { newManifest } from "./plan/new-manifest.ts";
import { comparisonFigures, compareProjectGroups, MemberRecordCache } from "./cache/group-comparisons.ts";
import { groupPlaces } from "./html/group-view.ts";
import type { GroupPageView } from "./html/site-types.ts";
import type { ReportIndicators } from "./compute/types.ts";
import type { GroupComparison } from "./compute/comparison.ts";
import { writeAtomically } from "./swap/write-atomically.ts";

export interface BuildOptions {
  /** The folder holding the author's data/ and content/reports/ (default: this repository). */
  root?: string;
  /** Where the site goes (default: <root>/_site). */
  outputDir?: string;
  log?: (line: string) => void;
  /** Make the PDFs (default true); off for a quick preview of the web pages. */
  pdf?: boolean;
  /** No progress bars. */
  quiet?: boolean;
  /** Run the quality gates on the new site before it replaces the old one (default true). */
  check?: boolean;
  /** The hash standing for the tool's version in every cache key; computed from the tool's files (toolHash) when not given. */
  toolVersion?: string;
  /** A preview while the author writes (npm run serve): the scaffold's "Replace this ..." texts are shown as they are, not refused. */
  preview?: boolean;
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
  /** With `only`: organisations kept as they were in the previous site although what they are made from has changed since. */
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

/**
 * Step 1. Load and validate; throws InputProblems with every problem found. With a cache, unchanged files are not parsed again.
 * `preview`: the scaffold's placeholders are let through (a preview is for filling them in; only what is published refuses them).
 */
export async function loadAndValidate(root: string, cache?: ParseCache, preview = false): Promise<Project> {
  const { files, problems: readProblems } = await readProject(root, cache);
  await cache?.save();
  const { project, problems } = validateProject(files);
  // A scaffold's placeholders pass validation (npm run new checks its files), but are never published.
  const all: Problem[] = [...readProblems, ...problems, ...(preview ? [] : placeholdersLeft(files))];
  if (all.length > 0 || !project) throw new InputProblems(all);
  return project;
}

interface Planned {
  root: string;
  outputDir: string;
  tool: string;
  project: Project;
  hashes: ProjectHashes;
  previous: PreviousSite;
  plan: BuildPlan;
  computeCache: JsonCache;
  members: MemberRecordCache;
  /** The group comparisons and where each organisation sits in them, when the plan needed them (see loadAndPlan); else step 3 works them out. */
  groups: { comparisons: GroupComparison[]; places: Map<string, string> } | undefined;
}

/** Steps 1 and 2: the project, and the plan against the previous site. */
async function loadAndPlan(options: BuildOptions, timer: Timer): Promise<Planned> {
  const root = path.resolve(options.root ?? projectRoot);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const tool = options.toolVersion ?? (await toolHash());
  const project = await loadAndValidate(root, await ParseCache.open(path.join(root, ".cache", "parsed.v8"), tool), options.preview);
  timer.step("load and validate");

  const previous = await readPreviousSite(outputDir);
  const computeCache = new JsonCache(path.join(root, ".cache", "build"));
  const planOptions = {
    tool,
    pdfs: options.pdf !== false,
    checks: options.check !== false,
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? "",
    computeCache: await computeCache.keys(),
    only: options.only,
  };
  const hashes = projectHashes(project);
  // Where an organisation sits in its groups is one of its inputs, moved by other organisations' figures. With a
  // previous site to keep organisations from, it is worked out now (from the members' figures kept between builds),
  // so that an organisation is kept only if it has not moved; a first build works it out in step 3 instead, from
  // the reports it computes anyway. Worked out now, the comparisons are the ones step 3 would make: a member's
  // figures are the same whether taken from its computed report or worked out here (MemberRecordCache.records).
  const members = await MemberRecordCache.open(path.join(root, ".cache", "members.json"));
  const early = project.groups.length > 0 && Object.keys(previous.manifest.organisations).length > 0;
  const comparisons = early ? compareProjectGroups(project, hashes, tool, members) : undefined;
  const groups = comparisons && { comparisons, places: groupPlaces(project, comparisons) };
  const plan = planBuild(project, previous, groups ? { ...planOptions, groupPlaces: groups.places } : planOptions, hashes);
  timer.step("plan");
  return { root, outputDir, tool, project, hashes, previous, plan, computeCache, members, groups };
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
      return r.compute ? [{ key: r.key, cacheKey: r.compute.key, reuse: r.compute.action === "reuse", input: computeInput(project, report.organisation, report.data.metrics_year!) }] : [];
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

/** What the PDF step needs to know of each group comparison: its print page, its PDF and the PDF's metadata. */
function groupPdfs(pages: readonly GroupPageView[]): PdfReport[] {
  return pages.map((g) => ({
    key: `group:${g.key}`,
    printFile: g.printUrl.slice(1),
    pdfFile: g.pdfUrl.slice(1),
    meta: {
      title: `${g.shortName}: WRES and WDES comparison, ${g.year}`,
      author: g.name,
      subject: `How ${g.organisationsText} compare on their WRES and WDES figures for ${g.year}`,
      lang: "en-GB",
      keywords: ["WRES", "WDES", String(g.year), "comparison", "funnel plot", "equality", "NHS"],
    },
  }));
}

/** This build's report figures by their compute key: the group comparisons take their members' figures from them. */
function byComputeKey(plan: BuildPlan, indicators: ReadonlyMap<ReportKey, ReportIndicators>): Map<string, ReportIndicators> {
  return new Map(plan.organisations.flatMap((o) => o.reports.flatMap((r) => (r.compute && indicators.has(r.key) ? [[r.compute.key, indicators.get(r.key)!] as const] : []))));
}

/** The plan with each organisation's place in its groups among its inputs, as the manifest records them (see loadAndPlan). */
function withGroupPlaces(plan: BuildPlan, places: ReadonlyMap<string, string>): BuildPlan {
  return {
    ...plan,
    organisations: plan.organisations.map((o) => {
      const place = places.get(o.slug);
      return o.action === "keep" || place === undefined ? o : { ...o, inputs: { ...o.inputs, [GROUP_PLACES]: place } };
    }),
  };
}

/** What the checks will cover, as the accessibility statement says it: every page and PDF of the site (`files`). */
function checkSummary(files: readonly string[]): CheckSummary {
  return { date: longDate(buildDate()), pages: files.filter((f) => f.endsWith(".html")).length, pdfs: files.filter((f) => f.endsWith(".pdf")).length, widths: [...WIDTHS], axeVersion: axeVersion() };
}

export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const timer = stepTimer(started);

  // 1 and 2. Load and validate, plan.
  const loaded = await loadAndPlan(options, timer);
  // One browser prints the PDFs and checks the pages; launched only if either is wanted, while steps 3 and 4 run.
  const launching = loaded.plan.pdfs || loaded.plan.checks ? launchBrowser().then((browser) => ({ browser }), (error: unknown) => ({ error })) : undefined;
  try {
    return await buildPlanned(loaded, { options, started, timer, launching });
  } finally {
    const launched = await launching;
    if (launched && "browser" in launched) await launched.browser.close();
  }
}

/** Steps 3 to 8, with the browser being launched (`launching`), which `build` closes. */
async function buildPlanned(
  loaded: Planned,
  context: { options: BuildOptions; started: number; timer: Timer; launching: Promise<{ browser: Browser } | { error: unknown }> | undefined },
): Promise<BuildSummary> {
  const { root, outputDir, tool, project, hashes, previous, plan: planned, computeCache, members } = loaded;
  const { options, started, timer, launching } = context;

  // 3. Compute and chart; then the group comparisons (unless the plan made them), from the figures computed and the members' figures kept.
  const { indicators, charts, computed } = await computeReports(computeJobs(project, planned), { cache: computeCache });
  timer.step("compute and chart");
  const comparisons = loaded.groups?.comparisons ?? compareProjectGroups(project, hashes, tool, members, byComputeKey(planned, indicators));
  await members.save();
  const figures = await comparisonFigures(comparisons, tool, computeCache);
  // The plan's organisations have their places among their inputs already when the plan worked them out.
  const plan = loaded.groups ? planned : withGroupPlaces(planned, groupPlaces(project, comparisons));
  timer.step("group comparisons");

  // 4. Model: the organisations being built, with every organisation in the directory, and every group comparison.
  const model = buildSiteModel(project, {
    indicators,
    charts,
    only: new Set(plan.organisations.filter((o) => o.action === "build").map((o) => o.slug)),
    comparisons,
    comparisonFigures: figures,
  });
  timer.step("model");

  const launched = await launching;
  if (launched && "error" in launched) throw launched.error;
  const browser = launched?.browser;
  // Steps 5 to 7 write into a temporary folder; step 8 swaps it in.
  const made = await writeAtomically(outputDir, async (dir): Promise<Made> => {
    const folders = { contentDir: path.join(projectRoot, "content"), dir, previousDir: outputDir };
    const print = planPrintPages(model, previous, tool);
    const groupPrint = planGroupPrintPages(model, previous, tool);
    // The logos first: the print pages show them, and the PDFs are printed from the print pages.
    await writeLogos(dir, project.organisations);

    // 5. Print pages and PDFs: the PDFs are printed from the print pages.
    let pdfs: ReadonlyMap<string, PdfInfo> = new Map();
    let printRendered: string[] = [];
    const checkCache = { results: new JsonCache(path.join(root, ".cache", "checks")), tool };
    let early: EarlyChecks | undefined;
    if (plan.pdfs) {
      printRendered = await writePrintPages(model, { print, groupPrint }, folders);
      timer.step("print pages");
      const toPrint = [...pdfReports(model.reports), ...groupPdfs(model.groupPages)];
      // The print pages are final now: checked (step 7's checks of a page) while the PDFs print, on the core the printing leaves free.
      early = browser && plan.checks ? await checkPagesEarly(checkOptions(dir, browser, model, checkCache), toPrint.map((r) => r.printFile)) : undefined;
      pdfs = await buildPdfs(toPrint, { siteDir: dir, cacheDir: path.join(root, ".cache", "pdf"), quiet: options.quiet, browser });
      timer.step("PDFs");
      // Step 6 writes the stylesheets the print pages load again: their checks end first.
      if (early) {
        await early.found;
        timer.step("print pages' checks, after the PDFs");
      }
    }

    // 6. Web pages (a report's page names its PDF's size and pages) and downloads.
    const site = withPdfs(model, pdfs);
    const web = planWebPages(site, previous, tool);
    const pages = await writeWebPages(site, { web, print, groupPrint, pdfs: plan.pdfs }, folders);
    timer.step("web pages");
    // The kept organisations' files, as they were.
    linkFiles(plan.organisations.flatMap((o) => (o.action === "keep" ? recordFiles(o.previous!) : [])), outputDir, dir);
    const csv = writeCsvFiles(dir, [
      ...pages.reports.map((r) => ({ url: r.url, files: r.charts })),
      ...pages.groupPages.map((g) => ({ url: g.url, files: g.indicators })),
    ]);
    // The JSON Schemas that authors' editors check their files against (see `npm run new`).
    await writeJsonSchemas(dir, project.reference);
    // The accessibility statement last: it says what the checks will cover, every page and PDF.
    const manifest = newManifest(plan, site, { print, groupPrint, web, siteFiles: pages.siteFiles });
    const files = [...manifestFiles(manifest), STATEMENT_FILE];
    const checks = plan.checks ? checkSummary(files) : undefined;
    const statement = planStatement(web.site, checks, previous, tool);
    const statementRendered = await writeStatement({ ...site, checks }, statement, folders);
    await writeManifest(dir, { ...manifest, statement: statement.output });
    timer.step("CSV files, logos, schemas, statement");

    // 7. Check: the quality gates run on the new site before it replaces the old one; a failing check keeps the old site.
    const checked = browser && plan.checks ? await runChecks({ ...checkOptions(dir, browser, site, checkCache), early }) : undefined;
    if (checked) timer.step("checks");
    const rendered = [...printRendered, ...pages.rendered, ...(statementRendered ? ["statement"] : [])];
    return { rendered, pdfs, csv, checked, pages: files.filter((f) => f.endsWith(".html")).length, pdfCount: files.filter((f) => f.endsWith(".pdf")).length };
  });
  // 8. Swap: done by writeAtomically once step 7 passes.
  timer.step("swap in the new site");
  return summarise(made, { plan, project, computed, outputDir, started, timer, cold: Object.keys(previous.manifest.organisations).length === 0, log: options.log ?? (() => {}) });
}

/** What steps 5 to 7 made. */
interface Made {
  rendered: string[];
  pdfs: ReadonlyMap<string, PdfInfo>;
  csv: number;
  checked: CheckResult | undefined;
  pages: number;
  pdfCount: number;
}

/** The build's summary, and its lines for the person who ran it. */
function summarise(
  made: Made,
  context: { plan: BuildPlan; project: Project; computed: ReportKey[]; outputDir: string; started: number; timer: Timer; cold: boolean; log: (line: string) => void },
): BuildSummary {
  const { plan, project, computed, outputDir, started, timer, cold, log } = context;
  const kept = plan.organisations.filter((o) => o.action === "keep");
  const printed = [...made.pdfs.values()].filter((p) => !p.cached).length;
  const outdated = plan.organisations.filter((o) => o.outdated.length > 0).map((o) => o.slug);
  // What was reused is said only when something could have been: a cold build (no previous site) reuses nothing.
  const pdfSources = [
    [printed, "printed now"],
    [made.pdfs.size - printed, "from the PDF cache"],
    [made.pdfCount - made.pdfs.size, "kept from the previous site"],
  ] as const;
  const fromWhere = pdfSources.filter(([n]) => n > 0);
  log(
    [
      ...(cold ? [] : [`${kept.length} of ${counted(project.organisations.length, "organisation")} unchanged since the previous site${kept.length > 0 ? " (their files reused as they were)" : ""}.`]),
      `Rendered ${counted(made.rendered.length, "page")}${cold ? "" : " (the rest reused)"}; ${counted(made.pages, "page")}, ${counted(made.csv, "CSV file")} written;`,
      `${counted(made.pdfCount, "PDF")}${fromWhere.length > 1 || (fromWhere.length === 1 && fromWhere[0]![1] !== "printed now") ? `: ${fromWhere.map(([n, how]) => `${n} ${how}`).join(", ")}` : ""}.`,
    ].join(" "),
  );
  const alsoBuilt = plan.only === undefined ? [] : plan.organisations.filter((o) => o.action === "build" && o.slug !== plan.only).map((o) => o.slug);
  if (alsoBuilt.length > 0) log(`Built ${counted(alsoBuilt.length, "other organisation")} too, since the previous site did not have them whole: ${alsoBuilt.join(", ")}.`);
  // Said with what changed: "their files have changed" was wrong when only the tool had.
  const outdatedBy = new Map<string, string[]>();
  for (const o of plan.organisations.filter((o) => o.outdated.length > 0)) {
    const why = o.outdated.join("; ");
    outdatedBy.set(why, [...(outdatedBy.get(why) ?? []), o.slug]);
  }
  for (const [why, slugs] of outdatedBy)
    log(`Kept ${counted(slugs.length, "organisation")} as in the previous site, although out of date (${why}): ${slugs.join(", ")}. Build without --only to bring ${slugs.length === 1 ? "it" : "them"} up to date.`);
  if (made.checked)
    log(
      `Checked every page and PDF (accessibility, HTML, links, PDF structure): ${counted(made.checked.findings.length, "problem")}.` +
        (made.checked.reused > 0 ? ` ${made.checked.reused} of ${made.checked.pages + made.checked.pdfs} were as when last checked, and not checked again (links always are).` : ""),
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
}

/** Step 7's options (and those of the print pages checked early): the site checked as it will be published, served under its path, its links followed as they resolve there. */
function checkOptions(dir: string, browser: Browser, site: SiteModel, cache: { results: JsonCache; tool: string }): CheckOptions {
  const location = { basePath: site.settings.basePath, address: site.settings.address };
  return { siteDir: dir, site: location, browser, serve: (c) => routeSite(c, dir, location.basePath), checkPdf, cache };
}

/** Step 7: the checks on the new site (a page or PDF checked before, as it is now, is not checked again). */
async function runChecks(options: CheckOptions): Promise<CheckResult> {
  const result = await checkSite(options);
  if (result.findings.length > 0) throw new CheckFailed(result.findings);
  return result;
}
