/**
 * The build manifest: what the previous build wrote, and from what. It is kept inside the site it
 * describes (`_site/.build-manifest.json`, swapped in with the site), so it can never disagree with
 * the files beside it. The plan (plan-build.ts, plan-pages.ts) compares this build with it.
 *
 * Reading it, and finding which of the files it names are gone, is the only I/O here.
 */
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReportKey } from "../validate/validate-project.ts";
import type { InputHashes } from "./inputs.ts";

export const MANIFEST_FILE = ".build-manifest.json";
const VERSION = 3;

/** One output of the build (a page, a report's web page with its CSV files, a PDF): the key it was made under, and its files. */
export interface Output {
  key: string;
  /** Site-relative, forward slashes. */
  files: string[];
}

export interface ReportRecord {
  web: Output;
  print: Output;
  /** Made only when the build makes PDFs and the report asks for one. */
  pdf: Output | undefined;
}

export interface OrganisationRecord {
  /** Every input the organisation's files were made from, by name, with its hash (inputs.ts). */
  inputs: InputHashes;
  page: Output;
  /** By report key, e.g. "acme/2024-25". */
  reports: Record<ReportKey, ReportRecord>;
}

/** A group comparison's page for one year, its print page and its PDF (by "<group>/<year>"). */
export interface GroupRecord {
  web: Output;
  print: Output;
  pdf: Output | undefined;
}

export interface Manifest {
  version: typeof VERSION;
  organisations: Record<string, OrganisationRecord>;
  /** The group comparisons' pages, by "<group>/<year>" (absent in a site with no groups). */
  groups?: Record<string, GroupRecord>;
  /** The site-wide pages: home, guide. */
  site: Output | undefined;
  /** The accessibility statement: the site-wide pages' content, and what the checks covered. */
  statement: Output | undefined;
}

/** The previous site as the plan sees it: its manifest, and which of the files it names are no longer there. */
export interface PreviousSite {
  manifest: Manifest;
  missing: ReadonlySet<string>;
}

export const emptyManifest = (): Manifest => ({ version: VERSION, organisations: {}, site: undefined, statement: undefined });

/** Every file an organisation's record names. */
export function recordFiles(record: OrganisationRecord): string[] {
  return [record.page, ...Object.values(record.reports).flatMap((r) => [r.web, r.print, ...(r.pdf ? [r.pdf] : [])])].flatMap((o) => o.files);
}

/** Every file a group comparison's record names. */
export const groupRecordFiles = (record: GroupRecord): string[] => [record.web, record.print, ...(record.pdf ? [record.pdf] : [])].flatMap((o) => o.files);

/** Every file a manifest names. */
export function manifestFiles(manifest: Manifest): string[] {
  return [
    ...Object.values(manifest.organisations).flatMap(recordFiles),
    ...Object.values(manifest.groups ?? {}).flatMap(groupRecordFiles),
    ...(manifest.site?.files ?? []),
    ...(manifest.statement?.files ?? []),
  ];
}

/** The previous site's manifest (empty when there is none, or it is of an older version) and the files it names that are gone. */
export async function readPreviousSite(siteDir: string): Promise<PreviousSite> {
  let manifest = emptyManifest();
  try {
    const stored = JSON.parse(await readFile(path.join(siteDir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    if (stored.version === VERSION) manifest = stored as Manifest;
  } catch (error) {
    // None yet, or cut short: everything is made again.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" && !(error instanceof SyntaxError)) throw error;
  }
  return { manifest, missing: missingFiles(siteDir, manifestFiles(manifest)) };
}

/** Those of `files` (site-relative) that are not in `siteDir`: each folder listed once, rather than each of tens of thousands of files looked up. */
function missingFiles(siteDir: string, files: readonly string[]): Set<string> {
  const folders = new Map<string, ReadonlySet<string>>();
  const listing = (folder: string): ReadonlySet<string> => {
    let names = folders.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(path.join(siteDir, folder)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT" && (error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
        names = new Set();
      }
      folders.set(folder, names);
    }
    return names;
  };
  return new Set(files.filter((f) => !listing(path.posix.dirname(f)).has(path.posix.basename(f))));
}

/** Every object's keys in order (a copy of each, as it is written): a rebuild writes the same bytes as a cold build, whatever order it made things in. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

export async function writeManifest(siteDir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(siteDir, MANIFEST_FILE), JSON.stringify(manifest, sortedKeys));
}
