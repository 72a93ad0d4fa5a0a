/**
 * The build, as one readable script:
 *
 *   load -> validate -> compute -> render HTML -> render PDF -> check
 *
 * Each step is a module of its own; this file only composes them. Output is written to a
 * temporary folder beside `_site/` and swapped in only when every step has succeeded, so a
 * failed or interrupted build leaves the previous site untouched.
 */
import { mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { readProject } from "./load/read-project.ts";
import { validateProject, type Project } from "./validate/validate-project.ts";
import { InputProblems, type Problem } from "./validate/problems.ts";
import { buildSiteModel, type SiteModel } from "./html/site-model.ts";
import { renderSite, projectRoot } from "./html/render-site.ts";

export interface BuildOptions {
  /** The folder holding the author's data/ and content/reports/ (default: this repository). */
  root?: string;
  /** Where the site goes (default: <root>/_site). */
  outputDir?: string;
  /** Today's date as YYYY-MM-DD, for overdue actions; from SOURCE_DATE_EPOCH when set. */
  asOf?: string;
  log?: (line: string) => void;
}

export interface BuildSummary {
  outputDir: string;
  reports: number;
  pages: number;
  seconds: number;
}

/** The date builds are "as of": SOURCE_DATE_EPOCH when set (reproducible builds), else today. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

/** Load and validate; throws InputProblems with every problem found. */
export async function loadAndValidate(root: string): Promise<Project> {
  const { files, problems: readProblems } = await readProject(root);
  const { project, problems } = validateProject(files);
  const all: Problem[] = [...readProblems, ...problems];
  if (all.length > 0 || !project) throw new InputProblems(all);
  return project;
}

/** Write into a fresh folder, then replace `outputDir` with it in one rename. */
export async function writeAtomically<T>(outputDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(outputDir);
  const temp = await mkdtemp(path.join(parent, `${path.basename(outputDir)}.building-`));
  const cleanUp = () => rm(temp, { recursive: true, force: true });
  const onSignal = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const result = await write(temp);
    const old = `${temp}.old`;
    await rename(outputDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(temp, outputDir);
    await rm(old, { recursive: true, force: true });
    return result;
  } catch (error) {
    await cleanUp();
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

  const project = await loadAndValidate(root);
  log(`Validated ${project.plans.length} plans and ${project.reports.length} reports.`);

  const model: SiteModel = buildSiteModel(project, { asOf: options.asOf ?? buildDate() });

  const { pages } = await writeAtomically(outputDir, (dir) =>
    renderSite(model, { contentDir: path.join(projectRoot, "content"), outputDir: dir }),
  );

  return { outputDir, reports: model.reports.length, pages, seconds: (performance.now() - started) / 1000 };
}
