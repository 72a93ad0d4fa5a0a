/**
 * Step 1, load: read every author file of a project folder and parse it, keeping positions.
 * This is the only module of the load step that touches the disk.
 *
 *   data/reference/*.yaml                     indicator definitions, People Promise, statuses
 *   data/settings.yaml                        suppression threshold, parity band (optional)
 *   data/organisations/<org>.yaml             one per organisation
 *   data/plans/<org>/<period>.yaml            action plans, e.g. 2021-22.yaml
 *   data/metrics/<org>/<year>.yaml            raw counts for one year
 *   content/reports/<org>/<period>.md         report page: front matter + narrative
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { loadYaml, YamlSyntaxError, type SourceMap } from "./yaml.ts";
import { messages } from "../validate/messages.ts";
import type { Problem } from "../validate/problems.ts";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

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
  organisations: ParsedFile[];
  plans: ParsedFile[];
  metrics: ParsedFile[];
  reports: ParsedReport[];
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(extension))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

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

/** Parse one file's text; a syntax error becomes a Problem. */
export function parseYamlFile(
  file: string,
  text: string,
  lineOffset = 0,
): { value: unknown; map: SourceMap } | Problem {
  if (text.trim() === "") return { file, position: origin, ...messages.emptyFile() };
  try {
    const { value, map } = loadYaml(text, { lineOffset });
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { file, position: { line: 1 + lineOffset, column: 1 }, ...messages.notAMapping() };
    }
    return { value, map };
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      const m =
        error.reason === "too-many-aliases"
          ? messages.tooManyAliases(Number(/\d+/.exec(error.message)?.[0]), 50)
          : messages.yamlSyntax(error.reason);
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

export async function readProject(root: string): Promise<{ files: SourceFiles; problems: Problem[] }> {
  const problems: Problem[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join("/");

  async function read(abs: string): Promise<string | undefined> {
    const file = rel(abs);
    const bytes = await readFile(abs);
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

  async function yamlFiles(dir: string): Promise<ParsedFile[]> {
    const out: ParsedFile[] = [];
    const abs = path.join(root, dir);
    for (const f of [...(await listFiles(abs, ".yaml")), ...(await listFiles(abs, ".yml"))]) {
      const text = await read(f);
      if (text === undefined) continue;
      const parsed = parseYamlFile(rel(f), text);
      if ("code" in parsed) problems.push(parsed);
      else out.push({ file: rel(f), ...describeFile(f, abs), text, ...parsed });
    }
    return out;
  }

  const reference = new Map((await yamlFiles("data/reference")).map((f) => [f.name, f]));
  const settings = (await yamlFiles("data")).find((f) => f.folder === "" && f.name === "settings");
  const organisations = await yamlFiles("data/organisations");
  const plans = await yamlFiles("data/plans");
  const metrics = await yamlFiles("data/metrics");

  const reports: ParsedReport[] = [];
  const reportDir = path.join(root, "content/reports");
  for (const f of await listFiles(reportDir, ".md")) {
    const text = await read(f);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push({ file: rel(f), position: origin, ...messages.frontMatterMissing() });
      continue;
    }
    const parsed = parseYamlFile(rel(f), split.yaml.trim() === "" ? "{}\n" : split.yaml, 1);
    if ("code" in parsed) problems.push(parsed);
    else reports.push({ file: rel(f), ...describeFile(f, reportDir), text, ...parsed, body: split.body, bodyLine: split.bodyLine });
  }

  return { files: { root, reference, settings, organisations, plans, metrics, reports }, problems };
}
