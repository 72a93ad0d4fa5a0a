/**
 * Step 3, compute: the public entry point. An organisation's metric data files become every
 * WRES indicator and WDES metric for one report year, with trends, comparisons, sentences and
 * disclosure control already applied. Pure: no I/O.
 */
import type { Metrics } from "../validate/metrics-schema.ts";
import type { Organisation, Reference, Settings } from "../validate/schema.ts";
import { compareWithLastYear } from "./compare-years.ts";
import { missing, prepareYear, WDES_SPECS, WRES_SPECS, type Context, type Draft, type IndicatorSpec, type YearData } from "./definitions.ts";
import { groupLabels, groupsOf } from "./groups.ts";
import { nationalFigure } from "./national.ts";
import { outsideBand } from "./relative-likelihood.ts";
import type { IndicatorResult, ReportIndicators, YearFigure } from "./types.ts";

export interface ComputeInput {
  /** The organisation's metric data, by year (data/metrics/<org>/<year>.yaml). */
  metricsByYear: ReadonlyMap<number, Metrics>;
  /** The report's year (front matter `metrics_year`); earlier years in the map make the trend. */
  year: number;
  settings: Settings;
  organisation: Organisation;
  reference: Reference;
}

function nationalOf(national: Reference["national"], spec: IndicatorSpec, year: number): Pick<Draft, "national"> {
  const figure = nationalFigure(national, spec.standard, spec.id, year, spec.unit, spec.measure === "survey" && spec.unit !== "yes/no");
  return figure ? { national: figure } : {};
}

function indicatorResult(spec: IndicatorSpec, years: YearData[], year: number, ctx: Context, reference: Reference): IndicatorResult {
  // Survey results come from their own section; every other figure needs its split of the headcounts.
  const computable = (y: YearData) => spec.measure === "survey" || y.dimensions.has(spec.dimension);
  const computed = years.map((y) => ({
    year: y.year,
    ...(computable(y) ? spec.compute(y, ctx) : missing(y, `${spec.dimension === "ethnicity" ? "ethnicity (WRES)" : "disability (WDES)"} split of the headcounts`)),
  }));
  const current = computed.find((c) => c.year === year)!;
  const before = computed.find((c) => c.year === year - 1);
  // The published part of each year: what the year-on-year test needs (`estimate`) and the detail tables stay here.
  const trend: YearFigure[] = computed.map(({ year: y, value, groups, interval, gap, significance, basis, surveyYear }) => ({
    year: y,
    value,
    groups,
    ...(interval ? { interval } : {}),
    ...(gap ? { gap } : {}),
    significance,
    ...(basis ? { basis } : {}),
    ...(surveyYear ? { surveyYear } : {}),
  }));
  const list = spec.standard === "WRES" ? reference.wres : reference.wdes;
  const title = list.indicators.find((i) => i.number === spec.number)?.title ?? spec.shortTitle;
  const [ref, focus] = groupsOf[spec.dimension];
  const draft: Draft = {
    standard: spec.standard,
    id: spec.id,
    number: spec.number,
    slug: `${spec.standard.toLowerCase()}-${spec.id}`,
    title,
    shortTitle: spec.shortTitle,
    measure: spec.measure,
    unit: spec.unit,
    better: spec.better,
    focus: ctx.labels[focus],
    reference: ctx.labels[ref],
    year,
    value: current.value,
    groups: current.groups,
    trend,
    ...compareWithLastYear(trend, year, spec.unit, spec.better, before ? spec.changeBeyondChance(current, before) : null),
    outsideParityBand: spec.measure === "relative-likelihood" ? outsideBand(current.value, ctx.band) : null,
    ...(current.interval ? { interval: current.interval } : {}),
    ...(current.gap ? { gap: current.gap } : {}),
    significance: current.significance,
    ...(current.basis ? { basis: current.basis } : {}),
    ...(current.surveyYear ? { surveyYear: current.surveyYear } : {}),
    ...(current.representation ? { representation: current.representation } : {}),
    ...(current.board ? { board: current.board } : {}),
    ...(current.narrative ? { narrative: current.narrative } : {}),
    ...nationalOf(reference.national, spec, year),
  };
  return { ...draft, sentence: spec.sentence(draft, ctx) };
}

/** Every WRES indicator and WDES metric for `input.year`, safe to publish. Throws if that year has no data. */
export function computeReportIndicators(input: ComputeInput): ReportIndicators {
  const { settings, organisation, year } = input;
  const current = input.metricsByYear.get(year);
  if (!current) throw new Error(`no metric data for ${year}`);
  const labels = groupLabels(organisation.terminology.ethnic_minority);
  const threshold = settings.suppression.threshold;
  const band = { lower: settings.parity_band.lower, upper: settings.parity_band.upper };
  const ctx: Context = { labels, threshold, band, organisation: organisation.short_name ?? organisation.name };
  const years = [...input.metricsByYear.keys()]
    .filter((y) => y <= year)
    .sort((a, b) => a - b)
    .map((y) => prepareYear(y, input.metricsByYear.get(y)!, labels, threshold));
  for (const y of years) {
    const previous = years.find((p) => p.year === y.year - 1);
    if (previous) y.previous = previous;
  }
  const results = (specs: IndicatorSpec[]) => specs.map((s) => indicatorResult(s, years, year, ctx, input.reference));
  return {
    organisation: organisation.name,
    year,
    snapshotDate: current.snapshot_date,
    surveyYear: current.survey_year ?? null,
    years: years.map((y) => y.year),
    threshold,
    parityBand: band,
    wres: results(WRES_SPECS),
    wdes: results(WDES_SPECS),
  };
}
