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
import { copyFile, link, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReportView, SiteModel } from "../html/site-model.ts";
import { hashOf } from "./content-cache.ts";

export const MANIFEST_FILE = ".build-manifest.json";
export const SITE_GROUP = "site";

export interface PageGroup {
  /** "web:<org>/<period>", "print:<org>/<period>", "org:<slug>" or "site". */
  id: string;
  key: string;
  /** Site-relative files, forward slashes. */
  files: string[];
}

export type Manifest = Record<string, { key: string; files: string[] }>;

const relative = (url: string) => url.replace(/^\//, "");

/** A report's web page and CSV files, or its print page. */
export function reportGroup(model: SiteModel, report: ReportView, kind: "web" | "print", tool: string): PageGroup {
  return {
    id: `${kind}:${report.key}`,
    key: hashOf(kind, tool, model.title, JSON.stringify(report)),
    files:
      kind === "print"
        ? [relative(report.printUrl)]
        : [`${relative(report.url)}index.html`, ...report.charts.map((c) => `${relative(report.url)}${c.csvFileName}`)],
  };
}

export function organisationGroups(model: SiteModel, tool: string): PageGroup[] {
  return model.organisations.map((o) => ({ id: `org:${o.slug}`, key: hashOf("org", tool, model.title, JSON.stringify(o)), files: [`${relative(o.url)}index.html`] }));
}

/** The home page, guide and accessibility statement read the site title and the organisations. Files are known after rendering. */
export function siteGroupKey(model: SiteModel, tool: string): string {
  return hashOf("site", tool, model.title, JSON.stringify(model.organisations));
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
  const manifest: Manifest = Object.fromEntries(groups.map((g) => [g.id, { key: g.key, files: g.files }]));
  await writeFile(path.join(siteDir, MANIFEST_FILE), JSON.stringify(manifest));
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/** Splits the groups into those unchanged since the previous build (same key, every file still there) and the rest. */
export async function partition(groups: readonly PageGroup[], previous: Manifest, fromDir: string): Promise<{ stale: PageGroup[]; fresh: PageGroup[] }> {
  const stale: PageGroup[] = [];
  const fresh: PageGroup[] = [];
  for (const group of groups) {
    const before = previous[group.id];
    const same = before?.key === group.key && before.files.length === group.files.length && before.files.every((f, i) => f === group.files[i]);
    if (same && (await Promise.all(group.files.map((f) => exists(path.join(fromDir, f))))).every(Boolean)) fresh.push(group);
    else stale.push(group);
  }
  return { stale, fresh };
}

/**
 * Links the groups' files from `fromDir` into `toDir` (a copy where the file system refuses a hard
 * link). A file already written in `toDir` by this build is left as it is: call this after
 * rendering, so that nothing is ever written through a link into the previous site.
 */
export async function linkFiles(groups: readonly PageGroup[], fromDir: string, toDir: string): Promise<number> {
  const folders = new Set<string>();
  let linked = 0;
  for (const file of groups.flatMap((g) => g.files)) {
    const target = path.join(toDir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    if (await exists(target)) continue;
    await link(path.join(fromDir, file), target).catch(() => copyFile(path.join(fromDir, file), target));
    linked++;
  }
  return linked;
}
