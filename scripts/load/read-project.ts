/**
 * Step 1, load: read every author file of a project folder and parse it, keeping positions.
 * This is the only module of the load step that touches the disk.
 *
 *   data/reference/*.yaml                     indicator definitions, People Promise, statuses: always the
 *                                             tool's own (national definitions are not the author's to keep)
 *   data/settings.yaml                        publisher, web address, suppression threshold... (optional)
 *   data/groups.yaml                          groups of organisations to compare (optional)
 *   data/organisations/<org>.yaml             one per organisation
 *   data/plans/<org>/<period>.yaml            action plans, e.g. 2021-22.yaml
 *   data/metrics/<org>/<year>.yaml            raw counts for one year
 *   content/reports/<org>/<period>.md         report page: front matter + narrative
 */
import { readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { deferredSourceMap, loadYaml, MAX_ALIASES, MAX_DEPTH, YamlSyntaxError, type SourceMap } from "./yaml.ts";
import { blockedChecks, messages } from "../validate/messages.ts";
import { yamlSlip } from "../validate/suggest.ts";
import type { Problem } from "../validate/problems.ts";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The tool's own folder, which holds the national reference data every project is built with. */
const toolRoot = path.resolve(import.meta.dirname, "../..");

export interface ParsedFile {
  file: string; // path relative to the project root, with forward slashes
  folder: string; // the organisation folder, or "" for top-level files
  name: string; // file name without extension
  value: unknown;
  map: SourceMap;
  text: string;
}

export interface ParsedReport extends ParsedFile {
  body: string; // the Markdown after the front matter
  bodyLine: number; // the line the body starts on
}

export interface SourceFiles {
  root: string;
  reference: Map<string, ParsedFile>;
  settings: ParsedFile | undefined;
  groups: ParsedFile | undefined;
  organisations: ParsedFile[];
  plans: ParsedFile[];
  metrics: ParsedFile[];
  reports: ParsedReport[];
  /** Files in their right place that could not be read or parsed (their problems are reported): they exist, so
   * nothing that refers to them should be told they are missing. */
  unreadable: { kind: Kind; folder: string; name: string }[];
  /** The image files organisations name as `logo`, by the path written there: their bytes, or undefined if absent. */
  logos: Map<string, Uint8Array | undefined>;
}

/** Reads the files named by organisations' `logo` fields (paths inside the project folder only). */
async function readLogos(root: string, organisations: readonly ParsedFile[]): Promise<Map<string, Uint8Array | undefined>> {
  const logos = new Map<string, Uint8Array | undefined>();
  for (const f of organisations) {
    const logo = (f.value as { logo?: unknown }).logo;
    if (typeof logo !== "string" || logos.has(logo)) continue;
    const file = path.resolve(root, logo);
    const inside = file.startsWith(path.resolve(root) + path.sep);
    logos.set(logo, inside ? await readFile(file).catch(() => undefined) : undefined);
  }
  return logos;
}

async function listFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile() && extensions.some((x) => e.name.endsWith(x)))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

const YAML = [".yaml", ".yml"] as const;

/** Where an author's file belongs, from its path under the project root; undefined if nowhere. */
export type Kind = "reference" | "settings" | "groups" | "organisations" | "plans" | "metrics" | "reports";
function kindOf(file: string): Kind | undefined {
  const parts = file.split("/");
  const yaml = /\.ya?ml$/.test(file);
  if (parts[0] === "data" && yaml) {
    if (parts.length === 2 && /^settings\.ya?ml$/.test(parts[1]!)) return "settings";
    if (parts.length === 2 && /^groups\.ya?ml$/.test(parts[1]!)) return "groups";
    if (parts.length === 3 && (parts[1] === "reference" || parts[1] === "organisations")) return parts[1];
    if (parts.length === 4 && (parts[1] === "plans" || parts[1] === "metrics")) return parts[1];
  }
  if (parts[0] === "content" && parts[1] === "reports" && parts.length === 4 && file.endsWith(".md")) return "reports";
  return undefined;
}

const expectedPlace =
  "data/settings.yaml, data/groups.yaml, data/organisations/<organisation>.yaml, data/plans/<organisation>/<period>.yaml, data/metrics/<organisation>/<year>.yaml or content/reports/<organisation>/<period>.md";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Bytes to text: refuses non-UTF-8 and huge files, drops a BOM, normalises line endings. */
export function decodeText(bytes: Uint8Array): string | { problem: "encoding" | "size" } {
  if (bytes.length > MAX_FILE_BYTES) return { problem: "size" };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { problem: "encoding" };
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

const origin = { line: 1, column: 1 };

/** Where a build keeps the values of texts it has parsed before (scripts/cache/parse-cache.ts). */
export interface ParsedTexts {
  get(text: string, lineOffset: number): unknown;
  set(text: string, lineOffset: number, value: unknown): void;
}

/** Parse one file's text (or take its value from `cache`); a syntax error becomes a Problem. */
export function parseYamlFile(
  file: string,
  text: string,
  lineOffset = 0,
  cache?: ParsedTexts,
): { value: unknown; map: SourceMap } | Problem {
  const known = cache?.get(text, lineOffset);
  if (known !== undefined) return { value: known, map: deferredSourceMap(text, lineOffset) };
  if (text.trim() === "") return { file, position: origin, ...messages.emptyFile() };
  try {
    const { value, map } = loadYaml(text, { lineOffset });
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { file, position: { line: 1 + lineOffset, column: 1 }, ...messages.notAMapping() };
    }
    cache?.set(text, lineOffset, value);
    return { value, map };
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      const m =
        error.reason === "too-many-aliases"
          ? messages.tooManyAliases(MAX_ALIASES)
          : error.reason === "too-deep"
            ? messages.tooDeep(MAX_DEPTH)
            : error.reason === "dash-in-list"
              ? messages.yamlDashInList(error.field)
              : messages.yamlSyntax(error.reason, yamlSlip(error.reason));
      return { file, position: error.position, ...m };
    }
    throw error;
  }
}

/** Split a report page into front matter and Markdown body. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(\n|$)/.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? "";
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0) + 1;
  return { yaml, body: text.slice(match[0].length), bodyLine };
}

export async function readProject(root: string, cache?: ParsedTexts): Promise<{ files: SourceFiles; problems: Problem[] }> {
  const problems: Problem[] = [];
  // The tool's reference files keep the names they have in the tool's folder ("data/reference/statuses.yaml").
  const toolFiles = new Map<string, string>();
  const rel = (abs: string) => toolFiles.get(abs) ?? path.relative(root, abs).split(path.sep).join("/");

  // Read one after another, synchronously: thousands of small files are read several times quicker so than through promises.
  function read(abs: string): string | undefined {
    const file = rel(abs);
    const bytes = readFileSync(abs);
    const text = decodeText(bytes);
    if (typeof text === "string") return text;
    problems.push({
      file,
      position: origin,
      ...(text.problem === "size" ? messages.tooLarge(bytes.length, MAX_FILE_BYTES) : messages.notUtf8()),
    });
    return undefined;
  }

  function describeFile(abs: string, base: string) {
    const relative = path.relative(base, abs).split(path.sep);
    const name = path.basename(abs).replace(/\.(ya?ml|md)$/, "");
    return { folder: relative.length > 1 ? relative[0]! : "", name };
  }

  const all = [
    ...(await listFiles(path.join(root, "data"), YAML)),
    ...(await listFiles(path.join(root, "content/reports"), [...YAML, ".md"])),
  ];
  const ownReference = path.resolve(root) === toolRoot;
  const byKind = new Map<Kind, string[]>();
  if (!ownReference) {
    const reference = await listFiles(path.join(toolRoot, "data/reference"), YAML);
    for (const abs of reference) toolFiles.set(abs, path.relative(toolRoot, abs).split(path.sep).join("/"));
    byKind.set("reference", reference);
  }
  let referenceCopied = false;
  for (const abs of all) {
    const kind = kindOf(rel(abs));
    if (kind === "reference" && !ownReference) {
      // One problem for the folder, at its first file.
      if (!referenceCopied) problems.push({ file: rel(abs), position: origin, ...messages.referenceInProject() });
      referenceCopied = true;
    } else if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), abs]);
    else problems.push({ file: rel(abs), position: origin, ...messages.misplacedFile(rel(abs), expectedPlace) });
  }

  const unreadable: SourceFiles["unreadable"] = [];
  function fail(kind: Kind, abs: string, base: string, problem?: Problem): void {
    if (problem) problems.push({ ...problem, blocks: kind === "reports" ? blockedChecks.unreadReport : blockedChecks.unread });
    unreadable.push({ kind, ...describeFile(abs, base) });
  }

  function yamlFiles(kind: Kind): ParsedFile[] {
    const out: ParsedFile[] = [];
    const base = path.join(kind === "reference" && !ownReference ? toolRoot : root, kind === "settings" || kind === "groups" ? "data" : `data/${kind}`);
    for (const f of byKind.get(kind) ?? []) {
      const text = read(f);
      if (text === undefined) {
        fail(kind, f, base);
        continue;
      }
      const parsed = parseYamlFile(rel(f), text, 0, cache);
      if ("code" in parsed) fail(kind, f, base, parsed);
      else out.push({ file: rel(f), ...describeFile(f, base), text, ...parsed });
    }
    return out;
  }

  const reference = new Map(yamlFiles("reference").map((f) => [f.name, f]));
  const [settings] = yamlFiles("settings");
  const [groups] = yamlFiles("groups");
  const organisations = yamlFiles("organisations");
  const plans = yamlFiles("plans");
  const metrics = yamlFiles("metrics");

  const reports: ParsedReport[] = [];
  const reportDir = path.join(root, "content/reports");
  for (const f of byKind.get("reports") ?? []) {
    const text = read(f);
    if (text === undefined) {
      fail("reports", f, reportDir);
      continue;
    }
    const split = splitFrontMatter(text);
    if (!split) {
      fail("reports", f, reportDir, { file: rel(f), position: origin, ...messages.frontMatterMissing() });
      continue;
    }
    const parsed = parseYamlFile(rel(f), split.yaml.trim() === "" ? "{}\n" : split.yaml, 1, cache);
    if ("code" in parsed) fail("reports", f, reportDir, parsed);
    else reports.push({ file: rel(f), ...describeFile(f, reportDir), text, ...parsed, body: split.body, bodyLine: split.bodyLine });
  }

  const logos = await readLogos(root, organisations);
  return { files: { root, reference, settings, groups, organisations, plans, metrics, reports, unreadable, logos }, problems };
}
