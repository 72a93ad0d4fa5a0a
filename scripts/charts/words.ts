/**
 * Words for charts and pages: names joined in English, a capital at the start of a sentence, a
 * chart's accessible name, a span of years. Numbers are written by scripts/format/numbers.ts.
 */

/** Join names in English: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A sentence starts with a capital even when a group's term does not ("culturally diverse staff ..."). */
export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * A chart's accessible name: what it shows, briefly, as one sentence. Not the finding (the chart's
 * caption), nor where its figures are: the one SVG serves the web page and the PDF, where they are
 * in different places, and what follows the chart in each says it once (templates/components/
 * chart-figure: "Data for this chart" under it on the web; in a report's PDF a link of that name,
 * "(in the appendix)"; in a group comparison's PDF the table itself, next).
 */
export function chartName(description: string): string {
  return `${description}.`;
}

/** "in 2024", or "each year from 2022 to 2024" ("each survey year from ..."). */
export function yearSpan(labels: readonly string[], noun = "year"): string {
  return labels.length <= 1 ? `in ${labels.join("")}` : `each ${noun} from ${labels[0]} to ${labels[labels.length - 1]}`;
}
