/**
 * Reusing unchanged pages from the previous site. Each output file belongs to a group (a report's
 * web page and CSV files, its print page, an organisation page, or the site-wide pages) whose key
 * is a hash of the tool's version and exactly the part of the site model its templates read. The
 * previous build's keys are kept in the site itself (`.build-manifest.json`, swapped in with the
 * site, so the manifest always describes the files beside it). A group whose key is unchanged is
 * hard-linked from the previous site into the new one; only the others go through Eleventy.
 *
 * Hard links are safe because a built site is never written to again: every build writes a new
 * folder and the old one is deleted after the swap.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReportView, SiteModel } from "../html/site-model.ts";
import { hashOf } from "./content-cache.ts";

export const MANIFEST_FILE = ".build-manifest.json";
export const SITE_GROUP = "site";

export interface PageGroup {
  /** "web:<org>/<period>", "print:<org>/<period>", "pdf:<org>/<period>", "org:<slug>" or "site". */
  id: string;
  key: string;
  /** Site-relative files, forward slashes. */
  files: string[];
  /** The organisation's input key (input-keys.ts) when the group was written; none for the site-wide pages. */
  input?: string;
}

export type Manifest = Record<string, { key: string; files: string[]; input?: string }>;

const relative = (url: string) => url.replace(/^\//, "");

/** Each organisation's input key (input-keys.ts), by slug. */
export type InputKeys = ReadonlyMap<string, string>;

/** A report's web page and CSV files, or its print page. */
export function reportGroup(model: SiteModel, report: ReportView, kind: "web" | "print", tool: string, inputs: InputKeys): PageGroup {
  return {
    id: `${kind}:${report.key}`,
    key: hashOf(kind, tool, model.title, JSON.stringify(report)),
    input: inputs.get(report.organisation.slug)!,
    files:
      kind === "print"
        ? [relative(report.printUrl)]
        : [`${relative(report.url)}index.html`, ...report.charts.map((c) => `${relative(report.url)}${c.csvFileName}`)],
  };
}

/** A report's PDF, a group of its own: written by the PDF step, under its print page's key. */
export function pdfGroup(report: ReportView, print: PageGroup): PageGroup {
  return { id: `pdf:${report.key}`, key: print.key, files: [relative(report.pdfUrl)], ...(print.input === undefined ? {} : { input: print.input }) };
}

/**
 * The ids of an organisation's groups: its page, and each report's web page, print page, and PDF
 * when PDFs are made and the report's outputs name one.
 */
export function groupIds(slug: string, reports: readonly { key: string; pdf: boolean }[], withPdfs: boolean): string[] {
  return [`org:${slug}`, ...reports.flatMap((r) => [`web:${r.key}`, `print:${r.key}`, ...(withPdfs && r.pdf ? [`pdf:${r.key}`] : [])])];
}

export function organisationGroups(model: SiteModel, tool: string, inputs: InputKeys): PageGroup[] {
  return model.organisations.map((o) => ({
    id: `org:${o.slug}`,
    key: hashOf("org", tool, model.title, JSON.stringify(o)),
    files: [`${relative(o.url)}index.html`],
    input: inputs.get(o.slug)!,
  }));
}

/** The home page, guide and accessibility statement read the site title and the directory of organisations. Files are known after rendering. */
export function siteGroupKey(model: SiteModel, tool: string): string {
  return hashOf("site", tool, model.title, JSON.stringify(model.directory));
}

/**
 * The page groups of each organisation whose groups (`ids(slug)`) were all written in the previous
 * site under the input key it has now, with every file still there: such an organisation is not
 * computed, modelled or rendered; its files are linked as they are. An organisation for which
 * `asItWas(slug)` holds is taken as it was whatever its key (`build --only` another organisation).
 */
export function unchangedOrganisations(
  previous: Manifest,
  keys: InputKeys,
  ids: (slug: string) => string[],
  siteDir: string,
  asItWas: (slug: string) => boolean = () => false,
): Map<string, PageGroup[]> {
  const unchanged = new Map<string, PageGroup[]>();
  for (const [slug, input] of keys) {
    const groups: PageGroup[] = ids(slug).map((id) => ({ id, key: "", files: [], ...previous[id] }));
    const present = groups.every((g) => g.input !== undefined && g.files.every((f) => existsSync(path.join(siteDir, f))));
    if (present && (asItWas(slug) || groups.every((g) => g.input === input))) unchanged.set(slug, groups);
  }
  return unchanged;
}

export async function readManifest(siteDir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(path.join(siteDir, MANIFEST_FILE), "utf8")) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

export async function writeManifest(siteDir: string, groups: readonly PageGroup[]): Promise<void> {
  const sorted = [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const manifest: Manifest = Object.fromEntries(sorted.map((g) => [g.id, { key: g.key, files: g.files, ...(g.input === undefined ? {} : { input: g.input }) }]));
  await writeFile(path.join(siteDir, MANIFEST_FILE), JSON.stringify(manifest));
}

/** Splits the groups into those unchanged since the previous build (same key, every file still there) and the rest. */
export function partition(groups: readonly PageGroup[], previous: Manifest, fromDir: string): { stale: PageGroup[]; fresh: PageGroup[] } {
  const stale: PageGroup[] = [];
  const fresh: PageGroup[] = [];
  for (const group of groups) {
    const before = previous[group.id];
    const same = before?.key === group.key && before.files.length === group.files.length && before.files.every((f, i) => f === group.files[i]);
    if (same && group.files.every((f) => existsSync(path.join(fromDir, f)))) fresh.push(group);
    else stale.push(group);
  }
  return { stale, fresh };
}

/**
 * Links the groups' files from `fromDir` into `toDir` (a copy where the file system refuses a hard
 * link). A file already written in `toDir` by this build is left as it is: call this after
 * rendering, so that nothing is ever written through a link into the previous site.
 *
 * Synchronous on purpose: a large site links tens of thousands of files, and one system call
 * after another is several times quicker than as many promises.
 */
export function linkFiles(groups: readonly PageGroup[], fromDir: string, toDir: string): void {
  const folders = new Set<string>();
  for (const file of groups.flatMap((g) => g.files)) {
    const target = path.join(toDir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    if (existsSync(target)) continue;
    try {
      linkSync(path.join(fromDir, file), target);
    } catch {
      copyFileSync(path.join(fromDir, file), target);
    }
  }
}
