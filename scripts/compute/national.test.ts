import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadYaml } from "../load/yaml.ts";
import { NationalFigures } from "../validate/schema.ts";
import { nationalFigure } from "./national.ts";

const root = path.resolve(import.meta.dirname, "../..");
const national = NationalFigures.parse(loadYaml(readFileSync(path.join(root, "data/reference/national-figures.yaml"), "utf8")).value);

describe("nationalFigure, from data/reference/national-figures.yaml", () => {
  it("gives the published WRES 2 figure for the report's year, or the latest earlier one", () => {
    // NHS England WRES 2023 report: White applicants 1.59 times as likely to be appointed from shortlisting.
    expect(nationalFigure(national, "WRES", "2", 2023, "times")).toEqual({
      value: { value: 1.59, display: "1.59", status: "shown" },
      year: 2023,
      source: "NHS England WRES 2023 report",
    });
    // A 2024 report: the 2024 national figure is not in the reference data, so 2023's is shown with its year.
    expect(nationalFigure(national, "WRES", "2", 2024, "times")).toMatchObject({ value: { display: "1.59" }, year: 2023 });
    // 2022: 1.54 (WRES 2022 report); 2021 has no figure here, so 2020's 1.61.
    expect(nationalFigure(national, "WRES", "2", 2022, "times")).toMatchObject({ value: { display: "1.54" }, year: 2022, source: "NHS England WRES 2022 report" });
    expect(nationalFigure(national, "WRES", "2", 2021, "times")).toMatchObject({ value: { display: "1.61" }, year: 2020 });
    // WRES 3: 1.14 in 2021 and 2022; nothing later is in the file.
    expect(nationalFigure(national, "WRES", "3", 2024, "times")).toMatchObject({ value: { display: "1.14" }, year: 2022 });
  });

  it("gives nothing before the first national figure, and nothing for an indicator without one", () => {
    expect(nationalFigure(national, "WRES", "2", 2015, "times")).toBeUndefined();
    expect(nationalFigure(national, "WDES", "2", 2018, "times")).toBeUndefined();
    expect(nationalFigure(national, "WRES", "6", 2024, "%")).toBeUndefined();
  });

  it("has the WDES figures NHS England published, each with its report", () => {
    expect(nationalFigure(national, "WDES", "3", 2024, "times")).toMatchObject({ value: { display: "2.17" }, year: 2023, source: "NHS England WDES 2023 report" });
    expect(nationalFigure(national, "WDES", "1", 2023, "%")).toMatchObject({ value: { display: "4.9%" }, year: 2023 });
    expect(nationalFigure(national, "WDES", "2", 2022, "times")).toMatchObject({ value: { display: "1.08" }, source: "NHS England WDES 2022 report" });
  });

  it("names the NHS Staff Survey a national survey figure comes from: the autumn before its data year", () => {
    expect(nationalFigure(national, "WRES", "5", 2024, "%", true)).toMatchObject({ value: { display: "29.2%" }, year: 2022, surveyYear: 2021 });
    expect(nationalFigure(national, "WRES", "2", 2024, "times")).not.toHaveProperty("surveyYear");
  });

  it("rounds and prints the national figure in the indicator's unit", () => {
    const one = { sources: { s: { title: "T", publisher: "P", published: 2024, cite: "C" } }, figures: [{ standard: "WRES" as const, indicator: "2", year: 2023, value: 1.6, source: "s" }] };
    expect(nationalFigure(one, "WRES", "2", 2023, "times")?.value.display).toBe("1.60");
  });

  it("rejects a figure whose source is not listed, and a figure given twice", () => {
    const bad = NationalFigures.safeParse({
      sources: { s: { title: "T", publisher: "P", published: 2024, cite: "C" } },
      figures: [
        { standard: "WRES", indicator: "2", year: 2023, value: 1.59, source: "s" },
        { standard: "WRES", indicator: "2", year: 2023, value: 1.6, source: "t" },
      ],
    });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["figures.1.source", 'no source "t" in sources'],
      ["figures.1", "a second figure for WRES 2 2023"],
    ]);
  });
});
