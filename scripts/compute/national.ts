/**
 * The national (England) figure to show beside an organisation's: from the reference data
 * data/reference/national-figures.yaml, the latest published figure for the same indicator whose
 * year is no later than the report's (a later national figure did not exist when the data was
 * collected). Pure.
 */
import type { NationalFigures } from "../validate/schema.ts";
import { shown } from "./figures.ts";
import type { NationalFigure, Unit } from "./types.ts";
import type { Standard } from "../validate/schema.ts";

export function nationalFigure(national: NationalFigures, standard: Standard, indicator: string, year: number, unit: Unit, fromSurvey = false): NationalFigure | undefined {
  const latest = national.figures
    .filter((f) => f.standard === standard && f.indicator === indicator && f.year <= year)
    .reduce<NationalFigures["figures"][number] | undefined>((best, f) => (best && best.year >= f.year ? best : f), undefined);
  if (!latest) return undefined;
  return {
    value: shown(latest.value, unit),
    year: latest.year,
    source: national.sources[latest.source]!.cite,
    ...(fromSurvey ? { surveyYear: latest.year - 1 } : {}),
  };
}
