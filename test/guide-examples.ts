/**
 * Test helper: the copyable examples in the authoring guide (content/guide/*.md). A fenced block
 * whose info string is `yaml organisation`, `yaml plan`, `yaml metrics`, `yaml settings`,
 * `yaml report` (front matter) or `markdown report` (a whole report page) is a complete file.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { repoRoot } from "./project.ts";

export const guideDir = path.join(repoRoot, "content/guide");

export interface Example {
  kind: "organisation" | "plan" | "metrics" | "settings" | "report" | "report-page";
  text: string;
  source: string; // guide file and line, for the failure message
}

export const KINDS: Record<string, Example["kind"]> = {
  "yaml organisation": "organisation",
  "yaml plan": "plan",
  "yaml metrics": "metrics",
  "yaml settings": "settings",
  "yaml report": "report",
  "markdown report": "report-page",
};

/** Every complete-file example of the guide's pages (or of the pages named), in page order. */
export async function guideExamples(pages?: readonly string[]): Promise<Example[]> {
  const md = new MarkdownIt();
  const examples: Example[] = [];
  for (const name of (pages ?? (await readdir(guideDir)).filter((f) => f.endsWith(".md"))).toSorted()) {
    const tokens = md.parse(await readFile(path.join(guideDir, name), "utf8"), {});
    for (const t of tokens) {
      const kind = t.type === "fence" ? KINDS[t.info.trim().replace(/\s+/g, " ")] : undefined;
      if (kind) examples.push({ kind, text: t.content, source: `content/guide/${name}:${(t.map?.[0] ?? 0) + 1}` });
    }
  }
  return examples;
}
