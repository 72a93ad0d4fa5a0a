/**
 * `npm run new`: works out which files a new edition needs, refuses to overwrite any, and writes
 * them. The texts come from files.ts (a fresh plan) or carry-over.ts (`--from` last year's plan
 * and report page).
 *
 *   data/organisations/<organisation>.yaml        only if the organisation is new
 *   data/plans/<organisation>/<yyyy-yy>.yaml
 *   data/metrics/<organisation>/<year>.yaml       unless --no-metrics, or it exists already
 *   content/reports/<organisation>/<yyyy-yy>.md
 *
 * and, in a folder that is not yet a project (no data/settings.yaml), what a project of its own needs:
 *
 *   data/settings.yaml                            publisher, web address, accessibility statement dates
 *   .gitignore, README.md                         unless they exist
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readProject } from "../load/read-project.ts";
import type { Message } from "../validate/messages.ts";
import { commandMessages } from "../commands/messages.ts";
import type { Problem } from "../validate/problems.ts";
import { validateProject } from "../validate/validate-project.ts";
import { schemaPath, writeJsonSchemas, type SchemaKind } from "../validate/json-schema.ts";
import { renderMarkdown } from "../html/markdown.ts";
import { carryOverPlan, carryOverReport } from "./carry-over.ts";
import { GITIGNORE, metricsFile, organisationFile, periodSlug, periodStartYear, planFile, projectReadme, reportFile, settingsFile } from "./files.ts";
import { sourceDate } from "../errors.ts";

/** The tool's own folder, named in a new project's README. */
const toolRoot = path.resolve(import.meta.dirname, "../..");

export interface NewEdition {
  root: string;
  organisation: string;
  /** "2025/26" (or "2025-26"). */
  period: string;
  /** The metric data year: default the year the period starts; false for none. */
  metricsYear?: number | false;
  /** An earlier period whose plan's actions are carried over. */
  from?: string;
  /** Today, YYYY-MM-DD: the date a new project's accessibility statement is prepared on (default: SOURCE_DATE_EPOCH or today). */
  today?: string;
}

export interface ScaffoldFile {
  file: string; // relative to the project folder, with forward slashes
  text: string;
}

export type ScaffoldResult =
  | { ok: true; files: ScaffoldFile[]; skipped: string[] }
  | { ok: false; error: Message; problems: Problem[] };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "2025/26" or "2025-26" -> "2025/26" when the two years follow each other; otherwise undefined. */
export function normalisePeriod(value: string): string | undefined {
  const m = /^(\d{4})[/-](\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  return (Number(m[1]) + 1) % 100 === Number(m[2]) ? `${m[1]}/${m[2]}` : undefined;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The editor's path from a file to the JSON Schema the build publishes in _site/schema/. */
function schemaRef(root: string, file: string, kind: SchemaKind): string {
  return path.relative(path.dirname(path.join(root, file)), path.join(root, "_site", schemaPath(kind))).split(path.sep).join("/");
}

/** Decide every file's text; nothing is written. */
export async function planScaffold(request: NewEdition): Promise<ScaffoldResult> {
  const fail = (error: Message, problems: Problem[] = []): ScaffoldResult => ({ ok: false, error, problems });
  const { root, organisation } = request;
  if (!SLUG.test(organisation)) return fail(commandMessages.newBadOrganisation(organisation));
  const period = normalisePeriod(request.period);
  if (!period) return fail(commandMessages.newBadPeriod(request.period));

  const orgFile = `data/organisations/${organisation}.yaml`;
  const planPath = `data/plans/${organisation}/${periodSlug(period)}.yaml`;
  const reportPath = `content/reports/${organisation}/${periodSlug(period)}.md`;
  const year = request.metricsYear === undefined ? periodStartYear(period) : request.metricsYear;
  const metricsPath = year === false ? undefined : `data/metrics/${organisation}/${year}.yaml`;

  const clashes = [];
  for (const f of [planPath, reportPath]) if (await exists(path.join(root, f))) clashes.push(f);
  if (clashes.length) return fail(commandMessages.newFilesExist(clashes));

  let plan: string;
  let report = reportFile(organisation, period, year === false ? undefined : year);
  if (request.from !== undefined) {
    const from = normalisePeriod(request.from);
    if (!from) return fail(commandMessages.newBadPeriod(request.from));
    const fromFile = `data/plans/${organisation}/${periodSlug(from)}.yaml`;
    const { files, problems: readProblems } = await readProject(root);
    const known = files.plans.filter((p) => p.folder === organisation).map((p) => p.name.replace("-", "/"));
    if (!files.plans.some((p) => p.file === fromFile)) return fail(commandMessages.newFromMissing(fromFile, known));
    const { project, problems } = validateProject(files);
    const previous = project?.plans.find((p) => p.file === fromFile);
    if (!previous) return fail(commandMessages.newFromInvalid(fromFile), [...readProblems, ...problems].filter((p) => p.file === fromFile || p.file.startsWith("data/reference/")));
    plan = carryOverPlan(previous.data, period, fromFile, schemaRef(root, planPath, "plan"));
    const previousReport = project?.reports.find((r) => r.plan.file === fromFile);
    if (previousReport)
      report = carryOverReport(previousReport.data, renderMarkdown(previousReport.body).headings, from, period, year === false ? undefined : year);
  } else {
    plan = planFile(organisation, period, schemaRef(root, planPath, "plan"));
  }

  const files: ScaffoldFile[] = [];
  const skipped: string[] = [];
  // A folder that is not a project yet becomes one: its settings, and what keeps the build's output out of version control.
  if (!(await exists(path.join(root, "data/settings.yaml")))) {
    const today = request.today ?? (sourceDate(process.env) ?? new Date()).toISOString().slice(0, 10);
    files.push({ file: "data/settings.yaml", text: settingsFile(today, schemaRef(root, "data/settings.yaml", "settings")) });
    if (!(await exists(path.join(root, ".gitignore")))) files.push({ file: ".gitignore", text: GITIGNORE });
    if (!(await exists(path.join(root, "README.md")))) files.push({ file: "README.md", text: projectReadme(toolRoot) });
  }
  if (await exists(path.join(root, orgFile))) skipped.push(orgFile);
  else files.push({ file: orgFile, text: organisationFile(organisation, schemaRef(root, orgFile, "organisation")) });
  files.push({ file: planPath, text: plan });
  if (metricsPath !== undefined && year !== false) {
    // A metric file is shared by every report that shows that year: an existing one is used as it is.
    if (await exists(path.join(root, metricsPath))) skipped.push(metricsPath);
    else files.push({ file: metricsPath, text: metricsFile(year, schemaRef(root, metricsPath, "metrics")) });
  }
  files.push({ file: reportPath, text: report });
  return { ok: true, files, skipped };
}

/** Write the files, each only if it does not exist (a file made meanwhile is never overwritten). */
export async function writeScaffold(root: string, files: readonly ScaffoldFile[]): Promise<void> {
  for (const f of files) {
    const abs = path.join(root, f.file);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, f.text, { flag: "wx" });
  }
}

/**
 * The JSON Schemas the files' `$schema` lines point to, written into _site/schema/ so that an
 * editor finds them before the first build (every build writes them again).
 */
export async function writeEditorSchemas(root: string): Promise<Problem[]> {
  const { files, problems: readProblems } = await readProject(root);
  const { project, problems } = validateProject(files);
  if (project) await writeJsonSchemas(path.join(root, "_site"), project.reference);
  return [...readProblems, ...problems];
}
