/**
 * A sentence said twice: on screen (the page's visible text) or to a screen reader (the text of
 * its accessibility tree, names included). A reader who meets the same finding twice in a row
 * has to work out whether it is the same figure; the report says each finding once.
 *
 * `repeatedSentences` and `spokenText` are pure; `repeatsOnPage` reads a page open in Chromium.
 */
import type { Page } from "playwright-core";

/** Fewer words than this is a label ("Action 1.1", "Data for this chart"), not a sentence. */
export const MIN_WORDS = 6;

export interface Repeat {
  sentence: string;
  count: number;
}

/** The sentences of a text: split at line breaks, tabs (table cells) and after . ! ? followed by a capital or a quote. */
export function sentences(text: string): string[] {
  return text
    .split(/[\n\t]+|(?<=[.!?])\s+(?=["“(]?[A-Z])/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.split(" ").length >= MIN_WORDS);
}

/** Every sentence that occurs more than once in `texts` (taken together), most repeated first. */
export function repeatedSentences(texts: readonly string[]): Repeat[] {
  const counts = new Map<string, number>();
  for (const s of texts.flatMap(sentences)) {
    // The same words with or without a final full stop are the same sentence.
    const key = s.replace(/[.:]$/, "");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n > 1)
    .map(([sentence, count]) => ({ sentence, count }))
    .sort((a, b) => b.count - a.count || a.sentence.localeCompare(b.sentence));
}

/** Roles whose name is their own content: a screen reader says that content once, not name and then content. */
const NAMED_FROM_CONTENT = new Set(["row", "rowgroup", "cell", "gridcell", "columnheader", "rowheader", "listitem", "link", "heading", "button", "caption", "paragraph", "term", "definition"]);

/**
 * The accessibility tree as a screen reader reads it in browse mode: each node's name, then its
 * text. Input is Playwright's ARIA snapshot (lines `- role "name" [attrs]: text`). A node named by
 * its own content (a row, a cell, a link) is said once: its name is not counted when its content
 * follows. An image's inner text is never read (its children are presentational).
 */
export function spokenText(ariaSnapshot: string): string[] {
  const out: string[] = [];
  // A line whose text needs quoting in YAML is wrapped in single quotes, with ' doubled inside.
  const lines = ariaSnapshot.split("\n").map((l) => l.replace(/^(\s*- )'(.*)'(:?)$/, (_, dash: string, body: string, colon: string) => `${dash}${body.replace(/''/g, "'")}${colon}`));
  const parse = (line: string) => /^(\s*)- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*(:?)\s?(.*)$/.exec(line);
  lines.forEach((line, i) => {
    const m = parse(line);
    if (!m) return;
    const [, indent, role, name, colon, rest] = m as unknown as [string, string, string, string | undefined, string, string];
    // A link within the page (a contents entry, a row of the summary) repeats the heading it leads to, by design.
    if (role === "link" && /^\s*- \/url: "?#/.test(lines[i + 1] ?? "")) return;
    if (role === "text") {
      out.push(unquote(rest));
      return;
    }
    // Content follows on the line, or as children (not counting properties such as "- /url: #x").
    const child = lines.slice(i + 1).find((l) => !/^\s*- \//.test(l));
    const childMatch = child !== undefined ? parse(child) : null;
    const hasChildren = colon === ":" && childMatch !== null && childMatch[1]!.length > indent.length;
    const hasContent = rest !== "" || hasChildren;
    // A table named by its caption (a figure by its figcaption) says that text once.
    const namedByFirstChild = hasChildren && name !== undefined && [childMatch[3], childMatch[5]].some((t) => t !== undefined && unquote(t) === unescape(name));
    if (name && !namedByFirstChild && !(NAMED_FROM_CONTENT.has(role) && hasContent)) out.push(unescape(name));
    if (rest && role !== "img" && unquote(rest) !== (name && unescape(name))) out.push(unquote(rest));
  });
  return out;
}

const unescape = (s: string) => s.replace(/\\"/g, '"');
const unquote = (s: string) => (/^".*"$/.test(s) ? unescape(s.slice(1, -1)) : s);

/** The sentences a page says twice, on screen and to a screen reader, at the page's current width. */
export async function repeatsOnPage(page: Page): Promise<{ visible: Repeat[]; spoken: Repeat[] }> {
  const spoken = repeatedSentences(spokenText(await page.locator("body").ariaSnapshot()));
  // Links within the page (contents, the summary's rows) repeat the headings they lead to, by design.
  // A chart's labels are each a line of their own (innerText runs an SVG's texts together, so a
  // chart's key of two short labels would read as one sentence).
  const visible = await page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href^="#"], svg')];
    for (const el of hidden) el.style.setProperty("display", "none");
    const text = document.body.innerText;
    for (const el of hidden) el.style.removeProperty("display");
    const labels = [...document.querySelectorAll("svg text")].flatMap((t) => {
      const lines = [...t.querySelectorAll("tspan")].map((line) => line.textContent);
      return lines.length > 0 ? lines : [t.textContent];
    });
    return [text, ...labels].join("\n");
  });
  return { visible: repeatedSentences([visible]), spoken };
}
