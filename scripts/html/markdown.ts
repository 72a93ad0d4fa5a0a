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

/** A paragraph that is only "Table: <caption>", directly above a table, is that table's caption (as in Pandoc). */
const CAPTION = /^Table:\s+(\S.*)$/;

type Tokens = ReturnType<typeof md.parse>;

/** The caption paragraph written just above the table that starts at `i`, if any: its text. */
function captionAbove(tokens: Tokens, i: number): string | undefined {
  const [open, inline, close] = [tokens[i - 3], tokens[i - 2], tokens[i - 1]];
  if (open?.type !== "paragraph_open" || close?.type !== "paragraph_close" || inline?.type !== "inline") return undefined;
  return CAPTION.exec(inline.content.trim())?.[1];
}

/**
 * Markdown tables as accessible tables: the author's "Table: ..." line becomes the <caption>,
 * header cells get scope="col", and the table scrolls inside its own box on a narrow screen.
 * A table without a caption line is refused by the validator (`narrativeTablesWithoutCaption`).
 */
md.core.ruler.push("accessible_tables", (state) => {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "th_open") token.attrSet("scope", "col");
    if (token.type !== "table_open") continue;
    const caption = captionAbove(tokens, i);
    if (caption === undefined) (state.env as { uncaptioned?: number[] }).uncaptioned?.push(token.map![0]);
    token.attrSet("class", "nhsuk-table");
    const box = new state.Token("table_scroll_open", "section", 1);
    box.attrs = [["class", "table-scroll"], ["tabindex", "0"], ["aria-label", caption ?? "Table"]];
    box.block = true;
    const open = new state.Token("caption_open", "caption", 1);
    open.attrSet("class", "nhsuk-table__caption");
    const text = new state.Token("text", "", 0);
    text.content = caption ?? "";
    const captionTokens = caption !== undefined ? [open, text, new state.Token("caption_close", "caption", -1)] : [];
    const end = tokens.findIndex((t, j) => j > i && t.type === "table_close");
    const close = new state.Token("table_scroll_close", "section", -1);
    close.block = true;
    tokens.splice(end + 1, 0, close);
    tokens.splice(i + 1, 0, ...captionTokens);
    // The caption paragraph is replaced by the <caption>; the box opens where it was.
    const start = caption !== undefined ? i - 3 : i;
    tokens.splice(start, i - start, box);
    i = start + 1 + captionTokens.length;
  }
});

/** Where the tables without a "Table: ..." caption line start: 0-based lines of `source`. */
export function narrativeTablesWithoutCaption(source: string): number[] {
  const env = { uncaptioned: [] as number[] };
  md.parse(source, env);
  return env.uncaptioned;
}

/** A heading of the narrative more than one level below the heading before it (#### after ##). */
export interface SkippedHeading {
  line: number; // 0-based line of `source`
  level: number;
  previous: number; // the level of the heading before it; for the first heading, one above `top`
  top: number; // the narrative's highest level (fewest #)
  text: string;
}

/**
 * The headings of a narrative that skip a level, in the author's own levels: the page shifts them
 * all alike (the highest becomes h2, under the page's h1), so a skip in the source is a skip on the
 * page. The first heading follows the page's own heading, one level above the narrative's highest.
 */
export function narrativeSkippedHeadings(source: string): SkippedHeading[] {
  const tokens = md.parse(source, {});
  const headings = tokens.flatMap((t, i) => (t.type === "heading_open" ? [{ line: t.map![0], level: Number(t.tag.slice(1)), text: tokens[i + 1]?.content ?? "" }] : []));
  if (headings.length === 0) return [];
  const top = Math.min(...headings.map((h) => h.level));
  let previous = top - 1;
  const skipped: SkippedHeading[] = [];
  for (const h of headings) {
    if (h.level > previous + 1) skipped.push({ ...h, previous, top });
    previous = h.level;
  }
  return skipped;
}

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
