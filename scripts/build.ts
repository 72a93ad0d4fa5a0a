/**
 * The build, as one readable script:
 *
 *   load -> validate -> compute -> render HTML -> render PDF -> check
 *
 * Each step is a module of its own; this file only composes them. Output is written to a
 * temporary folder beside `_site/` and swapped in only when every step has succeeded, so a
 * failed or interrupted build leaves the previous site untouched.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readProject } from "./load/read-project.ts";
import { validateProject, type OrganisationEntry, type Project } from "./validate/validate-project.ts";
import { InputProblems, type Problem } from "./validate/problems.ts";
import { buildSiteModel, logoPath, withPdfs, type CheckSummary, type SiteModel } from "./html/site-model.ts";
import { longDate } from "./dates.ts";
import { buildPdfs, type PdfInfo, type PdfReport } from "./pdf/build-pdfs.ts";
import { launchBrowser } from "./pdf/browser.ts";
import { ReportedError, sourceDate } from "./errors.ts";
import { messages } from "./validate/messages.ts";
import { routeSite } from "./pdf/site-origin.ts";
import { checkSite, type CheckResult } from "./check/check-site.ts";
import { axeVersion, WIDTHS } from "./check/axe.ts";
import { checkPdf } from "./check/pdf-structure.ts";
import { CheckFailed } from "./check/findings.ts";
import { projectRoot, renderSite } from "./html/render-site.ts";
import { computeReports } from "./cache/compute-cache.ts";
import { JsonCache, toolHash } from "./cache/content-cache.ts";
import { renderIncrementally } from "./cache/render-incremental.ts";
import { linkFiles, pdfGroup, readManifest, writeManifest, type PageGroup } from "./cache/site-cache.ts";
import { findChanges } from "./cache/input-keys.ts";
import { ParseCache } from "./cache/parse-cache.ts";
import { writeJsonSchemas } from "./validate/json-schema.ts";

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
  computed: string[];
  /** Page groups rendered through Eleventy ("web:<org>/<period>", "print:...", "org:<slug>", "site"); the rest were reused. */
  rendered: string[];
  /** Seconds spent in each step, in the order they ran. */
  steps: Record<string, number>;
  /** With `only`: organisations kept as they were in the previous site although their files have changed since. */
  outdated: string[];
}

/** The organisation `--only` names, by itself or with a period; a ReportedError if it names nothing. */
function onlyOrganisation(project: Project, only: string): string {
  const value = only.replace(/\/+$/, "");
  const organisations = project.organisations.map((o) => o.slug);
  const reports = project.reports.map((r) => `${r.organisation}/${r.slug}`);
  if (organisations.includes(value) || reports.includes(value)) return value.split("/")[0]!;
  throw new ReportedError(messages.onlyUnknown(value, [...organisations, ...reports]));
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

/** The date builds are "as of": SOURCE_DATE_EPOCH when set (reproducible builds), else today. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  return (sourceDate(env) ?? new Date()).toISOString().slice(0, 10);
}

/** Load and validate; throws InputProblems with every problem found. With a cache, unchanged files are not parsed again. */
export async function loadAndValidate(root: string, cache?: ParseCache): Promise<Project> {
  const { files, problems: readProblems } = await readProject(root, cache);
  await cache?.save();
  const { project, problems } = validateProject(files);
  const all: Problem[] = [...readProblems, ...problems];
  if (all.length > 0 || !project) throw new InputProblems(all);
  return project;
}

/** The CSV download of every chart, beside its report's page. Synchronous writes: a large build writes tens of thousands of small files. */
function writeChartData(outputDir: string, model: SiteModel): number {
  let written = 0;
  for (const report of model.reports) {
    const dir = path.join(outputDir, report.url);
    mkdirSync(dir, { recursive: true });
    for (const chart of report.charts) {
      writeFileSync(path.join(dir, chart.csvFileName), chart.csv);
      written++;
    }
  }
  return written;
}

/** What the PDF step needs to know of each report that has a PDF. */
function pdfReports(model: SiteModel): PdfReport[] {
  return model.reports
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

/** Is a process with this id running (on this machine)? */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary folders (`<out>.building-<pid>-*`, and their `.old` leftovers) of builds
 * that were killed outright (SIGKILL, power cut) and so could not clean up; a running build's are kept.
 */
async function removeStaleTemporaries(outputDir: string): Promise<void> {
  const prefix = `${path.basename(outputDir)}.building-`;
  const parent = path.dirname(outputDir);
  const entries = await readdir(parent).catch(() => []);
  for (const name of entries.filter((e) => e.startsWith(prefix)).sort()) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
    // Killed between its two renames: the previous site is in `.old` and there is no `outputDir`; put it back.
    if (name.endsWith(".old") && !existsSync(outputDir)) await rename(path.join(parent, name), outputDir);
    else await rm(path.join(parent, name), { recursive: true, force: true });
  }
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

/** What the checks found, as the accessibility statement reports it. */
function checkSummary(result: CheckResult, date: string): CheckSummary {
  return { date: longDate(date), pages: result.pages, pdfs: result.pdfs, findings: result.findings.length, widths: [...WIDTHS], axeVersion: axeVersion() };
}

/**
 * The accessibility statement again, now with the results of the checks on this site. Rendered
 * apart and renamed into place: the page in `dir` may be a link to the previous site's file.
 */
async function writeStatement(model: SiteModel, contentDir: string, dir: string): Promise<void> {
  const scratch = await mkdtemp(path.join(dir, ".statement-"));
  try {
    await renderSite(model, { contentDir, outputDir: scratch, only: "accessibility.njk" });
    await rename(path.join(scratch, "accessibility/index.html"), path.join(dir, "accessibility/index.html"));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * A signal's clean-up: remove the temporary folder and exit with 128 + the signal's number. Synchronous
 * on purpose: while it runs, no other code of the build can start a write that recreates the folder.
 * Writes the build had already handed to Node's thread pool still finish, so it removes the folder
 * until it stays gone for a moment.
 */
function removeAndExit(dir: string, code: number): never {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let tries = 0; tries < 40; tries++) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
    Atomics.wait(pause, 0, 0, 25);
    if (!existsSync(dir)) break;
  }
  process.exit(code);
}

/** Write into a fresh folder, then replace `outputDir` with it in one rename. */
export async function writeAtomically<T>(outputDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(outputDir);
  await removeStaleTemporaries(outputDir);
  const created: { dir?: string } = {};
  let stopping: number | undefined;
  // During the swap a signal waits for it to finish: stopping between the two renames would leave no site at all.
  let swapping = false;
  let exitAfterSwap: number | undefined;
  // Listening before the folder exists, so no signal can kill the build between creating it and listening.
  // `on`, not `once`: a second signal must not kill the build mid-clean-up.
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === "SIGINT" ? 130 : 143;
    if (swapping) {
      exitAfterSwap = code;
      return;
    }
    stopping ??= code;
    // Before the folder exists, the code that creates it sees `stopping` and removes it.
    if (created.dir !== undefined) removeAndExit(created.dir, stopping);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const temp = await mkdtemp(path.join(parent, `${path.basename(outputDir)}.building-${process.pid}-`)).catch((error: unknown) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    throw error;
  });
  created.dir = temp;
  if (stopping !== undefined) removeAndExit(temp, stopping);
  try {
    const result = await write(temp);
    swapping = true;
    const old = `${temp}.old`;
    await rename(outputDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(temp, outputDir);
    // Synchronously: a large site's tens of thousands of links go a third quicker so.
    rmSync(old, { recursive: true, force: true });
    swapping = false;
    // The new site is complete and in place; now honour a signal that came during the swap.
    if (exitAfterSwap !== undefined) process.exit(exitAfterSwap);
    return result;
  } catch (error) {
    await rm(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const root = path.resolve(options.root ?? projectRoot);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const log = options.log ?? (() => {});
  const timer = stepTimer(started);

  const tool = options.toolVersion ?? (await toolHash());
  const project = await loadAndValidate(root, await ParseCache.open(path.join(root, ".cache", "parsed.v8"), tool));
  timer.step("load and validate");

  const asOf = options.asOf ?? buildDate();
  const wantPdf = options.pdf !== false;
  const wantCheck = options.check !== false;
  // Organisations none of whose inputs changed since the previous site keep its files, and are not computed or rendered.
  const previous = await readManifest(outputDir);
  const only = options.only === undefined ? undefined : onlyOrganisation(project, options.only);
  const { inputs, unchanged, changed, outdated } = findChanges(project, previous, { tool, asOf, siteDir: outputDir, withPdfs: wantPdf, only });
  timer.step("find what changed");

  // Steps 3 and 4 through the content-hash cache: an unchanged report is neither recomputed nor re-charted.
  const { indicators, charts, computed } = await computeReports(project, { tool, cache: new JsonCache(path.join(root, ".cache", "build")), only: changed });
  timer.step("compute and chart");
  const model: SiteModel = buildSiteModel(project, { asOf, indicators, charts, only: changed });
  timer.step("site model");

  const contentDir = path.join(projectRoot, "content");
  // One browser prints the PDFs and checks the pages; launched only if either is wanted.
  const browser = wantPdf || wantCheck ? await launchBrowser() : undefined;
  try {
    // Pages whose inputs are unchanged since the previous site are reused from it, not rendered again.
    const { pages, csv, pdfs, pdfCount, findings, rendered } = await writeAtomically(outputDir, async (dir) => {
      const incremental = { tool, contentDir, outputDir: dir, previousDir: outputDir, previous, inputs };
      let site = model;
      let pdfs = new Map<string, PdfInfo>();
      const groups: PageGroup[] = [];
      const rendered: string[] = [];
      if (wantPdf) {
        // The print pages first: the PDFs are printed from them, and the web pages then name each PDF's size.
        const print = await renderIncrementally(model, { ...incremental, part: "print" });
        groups.push(...print.groups);
        rendered.push(...print.rendered);
        timer.step("print pages");
        pdfs = await buildPdfs(pdfReports(model), { siteDir: dir, cacheDir: path.join(root, ".cache", "pdf"), quiet: options.quiet, browser });
        const printGroups = new Map(print.groups.map((g) => [g.id, g]));
        groups.push(...model.reports.filter((r) => pdfs.has(r.key)).map((r) => pdfGroup(r, printGroups.get(`print:${r.key}`)!)));
        site = withPdfs(model, pdfs);
        timer.step("PDFs");
      }
      const web = await renderIncrementally(site, { ...incremental, part: wantPdf ? "web" : "all" });
      timer.step("web pages");
      groups.push(...web.groups);
      rendered.push(...web.rendered);
      // The unchanged organisations' files, as they were.
      const carried = [...unchanged.values()].flat();
      linkFiles(carried, outputDir, dir);
      groups.push(...carried);
      const pages = groups.flatMap((g) => g.files).filter((f) => f.endsWith(".html")).length;
      const csv = writeChartData(dir, { ...site, reports: web.webReports });
      await writeManifest(dir, groups);
      await writeLogos(dir, project.organisations);
      // The JSON Schemas that authors' editors check their files against (see `npm run new`).
      await writeJsonSchemas(dir, project.reference);
      timer.step("CSV files, logos and schemas");
      // The quality gates run on the new site before it replaces the old one: a failing check keeps the old site.
      const result = browser && wantCheck ? await checkSite({ siteDir: dir, browser, serve: (c) => routeSite(c, dir), checkPdf }) : undefined;
      const findings = result?.findings ?? [];
      if (findings.length > 0) throw new CheckFailed(findings);
      if (result) await writeStatement({ ...site, checks: checkSummary(result, buildDate()) }, contentDir, dir);
      if (browser && wantCheck) timer.step("checks");
      const pdfCount = groups.filter((g) => g.id.startsWith("pdf:")).length;
      return { pages, csv, pdfs, pdfCount, findings, rendered };
    });
    timer.step("swap in the new site");
    const printed = [...pdfs.values()].filter((p) => !p.cached);
    log(
      `${unchanged.size} of ${project.organisations.length} organisations unchanged since the previous site (their files reused as they were). ` +
        `Rendered ${rendered.length} page groups (the rest reused); ${pages} pages, ${csv} CSV files written; ${pdfCount} PDFs: ${printed.length} printed now, ${pdfs.size - printed.length} from the PDF cache, ${pdfCount - pdfs.size} kept from the previous site.`,
    );
    if (outdated.length > 0)
      log(`Kept ${outdated.length} organisations as they were in the previous site although their files have changed: ${outdated.join(", ")}. Build without --only to bring them up to date.`);
    if (wantCheck) log(`Checked every page and PDF (accessibility, HTML, links, PDF structure): ${findings.length} problems.`);
    return { outputDir, reports: project.reports.length, pages, pdfs: pdfCount, pdfsPrinted: printed.length, seconds: (performance.now() - started) / 1000, computed, rendered: rendered.sort(), steps: timer.steps, outdated };
  } finally {
    await browser?.close();
  }
}
