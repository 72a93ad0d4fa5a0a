/**
 * Prints the warm render time of each chart type: `npx tsx scripts/charts/measure.ts`.
 * Each type is built 10 times to warm up, then timed over 50 builds (spec, SVG, table, CSV).
 */
import { buildChart } from "./build-chart.ts";
import { boardChart } from "./specs/board.ts";
import { boardExample, likelihoodExample, representationExample, surveyExample } from "./specs/examples.ts";
import { likelihoodChart } from "./specs/relative-likelihood.ts";
import { representationChart } from "./specs/representation.ts";
import { surveyChart } from "./specs/survey.ts";
import type { ChartType } from "./types.ts";

async function time<Input>(type: ChartType<Input>, input: Input): Promise<number[]> {
  const place = { id: type.name, source: "Source: measure" };
  for (let i = 0; i < 10; i++) await buildChart(type, input, place);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await buildChart(type, input, place);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const cases = [
  await time(representationChart, representationExample).then((t) => ["representation", t] as const),
  await time(likelihoodChart, likelihoodExample).then((t) => ["relative-likelihood", t] as const),
  await time(surveyChart, surveyExample).then((t) => ["survey", t] as const),
  await time(boardChart, boardExample).then((t) => ["board", t] as const),
];
for (const [name, t] of cases) {
  console.log(`${name.padEnd(20)} median ${t[25]!.toFixed(2)} ms, 90th percentile ${t[45]!.toFixed(2)} ms (warm, 50 builds)`);
}
