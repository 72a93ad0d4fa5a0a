/**
 * Parsed YAML by content. Every build reads every author file (a problem anywhere must be
 * reported), but it need not parse the unchanged ones again: their values are kept in one file,
 * `.cache/parsed.v8`, under a hash of the tool's version, the text and where the text starts in
 * its file. Positions are not kept: a value taken from here comes with a source map that is
 * worked out from the text only if a problem must be placed (see deferredSourceMap).
 *
 * Only the entries a build used are written back, so the file never holds more than one
 * project's worth. A missing or unreadable file is an empty cache.
 */
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { hashOf } from "./content-cache.ts";

export class ParseCache {
  /** Each value serialised when stored, so that nothing done to a parsed value later can change what is kept. */
  private readonly used = new Map<string, Buffer>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly stored: Map<string, Buffer>,
  ) {}

  static async open(file: string, tool: string): Promise<ParseCache> {
    let stored = new Map<string, Buffer>();
    try {
      const value: unknown = deserialize(await readFile(file));
      if (value instanceof Map) stored = value as Map<string, Buffer>;
    } catch {
      // No cache yet, or one written by another version of Node: start afresh.
    }
    return new ParseCache(file, tool, stored);
  }

  private key(text: string, lineOffset: number): string {
    return hashOf("parsed", this.tool, String(lineOffset), text);
  }

  /** The value the text parsed to before (a new copy), or undefined. */
  get(text: string, lineOffset: number): unknown {
    const key = this.key(text, lineOffset);
    const bytes = this.stored.get(key);
    if (bytes === undefined) return undefined;
    this.used.set(key, bytes);
    return deserialize(bytes);
  }

  set(text: string, lineOffset: number, value: unknown): void {
    this.used.set(this.key(text, lineOffset), serialize(value));
    this.changed = true;
  }

  /** Writes the entries this build used (temp then rename: a half-written cache is never read). */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.stored.size) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.partial`;
    await writeFile(temp, serialize(this.used));
    await rename(temp, this.file);
  }
}
