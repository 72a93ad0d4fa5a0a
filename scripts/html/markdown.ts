/**
 * Markdown written by authors (narrative, action text) to HTML.
 *
 * markdown-it with raw HTML switched off: a `<script>` or `onclick=` in a plan is shown as
 * text, never run. Its link validation drops `javascript:`, `vbscript:` and `data:` links.
 * Headings are shifted so the narrative's top level sits under the page's h1 at `baseLevel`,
 * and every heading gets an id so that contents lists and the PDF can point to it.
 */
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

export interface Heading {
  level: number; // after shifting
  text: string;
  id: string;
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "section"
  );
}

/** Render Markdown as a fragment of a page whose own headings stop at `baseLevel - 1`. */
export function renderMarkdown(
  source: string,
  options: { baseLevel?: number; usedIds?: Set<string> } = {},
): { html: string; introHtml: string; sectionsHtml: string; headings: Heading[] } {
  const baseLevel = options.baseLevel ?? 2;
  const used = options.usedIds ?? new Set<string>();
  const tokens = md.parse(source, {});
  const levels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const shift = levels.length ? baseLevel - Math.min(...levels) : 0;
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" && token.type !== "heading_close") return;
    const level = Math.min(6, Math.max(baseLevel, Number(token.tag.slice(1)) + shift));
    token.tag = `h${level}`;
    if (token.type === "heading_open") {
      const text = tokens[i + 1]?.children?.map((c) => c.content).join("") ?? "";
      // An id must start with a letter: "3.4 Workforce..." becomes "section-3-4-workforce...".
      const base = slugify(text).replace(/^(?=[^a-z])/, "section-");
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
      headings.push({ level, text, id });
    }
  });
  // The introduction is what comes before the first heading: a report's summary follows it.
  const first = tokens.findIndex((t) => t.type === "heading_open");
  const split = first === -1 ? tokens.length : first;
  const render = (part: typeof tokens) => md.renderer.render(part, md.options, {});
  return { html: render(tokens), introHtml: render(tokens.slice(0, split)), sectionsHtml: render(tokens.slice(split)), headings };
}

/** Markdown that is one short piece (a table cell): paragraphs kept, headings not expected. */
export function renderInline(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  return md.render(source);
}

/** The markdown-it instance Eleventy uses for content pages (the authoring guide). */
export const authorMarkdown = md;
