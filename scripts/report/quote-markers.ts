/**
 * Quotes placed within a report's narrative. A report's `quotes` are shown before its narrative,
 * unless the narrative has a paragraph of its own that says `[quote 1]`, `[quote 2]` ...: the quote
 * with that number (its place in `quotes`) is shown there instead, where the published document
 * has it. Validation reads the markers from the Markdown (with their lines); the site model finds
 * the same markers as paragraphs in the rendered HTML.
 */

/** A marker paragraph in Markdown: `[quote 2]` alone on its line (any capitals, spaces around). */
const MARKDOWN_MARKER = /^[ \t]{0,3}\[quote[ \t]+(\d+)\][ \t]*$/i;
/** The same marker after markdown-it has made it a paragraph. */
const HTML_MARKER = /<p>\[quote\s+(\d+)\]<\/p>\n?/gi;

export interface QuoteMarker {
  /** The quote's number, from 1. */
  number: number;
  /** The marker as written. */
  text: string;
  /** Line (1-based, in the body) and column of the marker. */
  line: number;
  column: number;
}

/** The markers in a Markdown body, outside fenced code blocks. */
export function quoteMarkers(body: string): QuoteMarker[] {
  const markers: QuoteMarker[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((line, i) => {
    const opening = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opening && (fence === undefined || opening.startsWith(fence))) {
      fence = fence === undefined ? opening : undefined;
      return;
    }
    const m = fence === undefined ? MARKDOWN_MARKER.exec(line) : null;
    if (m) markers.push({ number: Number(m[1]), text: line.trim(), line: i + 1, column: line.indexOf("[") + 1 });
  });
  return markers;
}

/** The rendered narrative cut at its quote markers: HTML pieces and, between them, quote numbers. */
export function splitAtQuotes(html: string): ({ html: string } | { quote: number })[] {
  const parts: ({ html: string } | { quote: number })[] = [];
  let from = 0;
  for (const m of html.matchAll(HTML_MARKER)) {
    if (m.index > from) parts.push({ html: html.slice(from, m.index) });
    parts.push({ quote: Number(m[1]) });
    from = m.index + m[0].length;
  }
  if (from < html.length) parts.push({ html: html.slice(from) });
  return parts;
}
