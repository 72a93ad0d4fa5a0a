/**
 * Content-addressed caching for the build: a value is stored under the hash of everything it was
 * made from, so a stale entry can never be found (a changed input gives a different key).
 *
 * `toolHash()` is the part of every key that stands for the tool itself: its source, templates,
 * site pages, Eleventy configuration and locked dependency versions. Change any of them and
 * every cached value and every reused page is made again.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

const toolRoot = path.resolve(import.meta.dirname, "../..");

/** sha256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest("hex");
}

async function filesUnder(dir: string, keep: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter(keep)
    .sort();
}

/** The tool's own inputs to every output (tests and authors' reports excluded). */
export async function toolFiles(root = toolRoot): Promise<string[]> {
  const notTest = (f: string) => !f.endsWith(".test.ts");
  return [
    ...(await filesUnder(path.join(root, "scripts"), notTest)),
    ...(await filesUnder(path.join(root, "templates"), notTest)),
    ...(await filesUnder(path.join(root, "content"), (f) => !f.startsWith(path.join(root, "content", "reports") + path.sep))),
    path.join(root, ".eleventy.js"),
    path.join(root, "package-lock.json"),
  ];
}

/** One hash of the tool's version: its files' names and bytes. */
export async function toolHash(root = toolRoot): Promise<string> {
  const files = await toolFiles(root);
  const contents = await Promise.all(files.map((f) => readFile(f)));
  return hashOf(...files.flatMap((f, i) => [path.relative(root, f), contents[i]!]));
}

/** JSON values on disk by key: `<dir>/<key>.json`, written by temp-then-rename so a half-written entry is never read. */
export class JsonCache {
  constructor(readonly dir: string) {}

  /** Every key held (none when the folder does not exist yet). */
  async keys(): Promise<Set<string>> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    return new Set(names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length)));
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${key}.json`), "utf8")) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, `${key}.json`);
    const temp = `${target}.${process.pid}.partial`;
    await writeFile(temp, JSON.stringify(value));
    await rename(temp, target);
  }
}
