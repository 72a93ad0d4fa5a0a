/**
 * Figures as text. The compute step has already rounded every value and written its display
 * text; this module only adds what the chart layer needs: a plain number for CSV and axis-free
 * labels, and the note for a figure that is not shown.
 */
import type { Figure, Unit } from "./types.ts";

const decimals: Record<Unit, number> = { times: 2, "%": 1, points: 1, score: 1, "yes/no": 0 };

/** The figure as a bare number ("46.9", "1.86", "-2.1"), or its display text if not shown (or a Yes / No answer). */
export function plainNumber(figure: Figure, unit: Unit): string {
  if (figure.value === null || unit === "yes/no") return figure.display;
  const text = figure.value.toFixed(decimals[unit]);
  return Number(text) === 0 ? (0).toFixed(decimals[unit]) : text;
}

/** The figure as a label on a chart or in a sentence ("46.9%", "1.86"), or its display text. */
export function labelText(figure: Figure, unit: Unit): string {
  if (figure.value === null) return figure.display;
  return unit === "%" ? `${plainNumber(figure, unit)}%` : plainNumber(figure, unit);
}

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
 * A chart's accessible name: what it shows, briefly, and where its figures are (the table in
 * templates/components/chart-figure). The finding is the chart's caption and is not repeated.
 */
export function chartName(description: string): string {
  return `${description}; its figures are in the table under "Data for this chart" below.`;
}

/** "in 2024", or "each year from 2022 to 2024" ("each survey year from ..."). */
export function yearSpan(labels: readonly string[], noun = "year"): string {
  return labels.length <= 1 ? `in ${labels.join("")}` : `each ${noun} from ${labels[0]} to ${labels[labels.length - 1]}`;
}
