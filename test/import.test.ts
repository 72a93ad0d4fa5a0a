/**
 * The import command: a CSV laid out like the national WRES/WDES data returns becomes a metric
 * data file that the real validator accepts; every bad row is a problem at its CSV line and column.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCommand } from "../scripts/commands/import.ts";
import type { Output } from "../scripts/commands/command.ts";
import { findRow, ROWS } from "../scripts/import/csv-layout.ts";
import type { Standard } from "../scripts/validate/schema.ts";
import { importMetricsCsv } from "../scripts/import/import-metrics.ts";
import { readCsv } from "../scripts/import/read-csv.ts";
import { readProject } from "../scripts/load/read-project.ts";
import { loadYaml } from "../scripts/load/yaml.ts";
import { InputProblems, type Problem } from "../scripts/validate/problems.ts";
import { validateProject } from "../scripts/validate/validate-project.ts";
import { makeProject, repoRoot } from "./project.ts";

const fixture = path.join(repoRoot, "test/fixtures/import/example-nhs-trust-2024.csv");
const details = { file: "returns.csv", organisation: "example-nhs-trust", year: 2024, snapshotDate: "2024-03-31", surveyYear: 2023 };
const encode = (text: string) => new TextEncoder().encode(text);
const HEAD = "Standard,Indicator,Breakdown,Group,Value\n";

/** The problems importing `text` gives (it must give some). */
function problemsOf(text: string | Uint8Array): Problem[] {
  try {
    importMetricsCsv(typeof text === "string" ? encode(text) : text, details);
  } catch (error) {
    if (error instanceof InputProblems) return error.problems;
    throw error;
  }
  throw new Error("the import gave no problems");
}
const brief = (p: Problem) => ({ code: p.code, line: p.position.line, column: p.position.column });

const silent: Output = { log: () => {}, error: () => {}, quiet: true, json: false };

describe("importing the example trust's 2024 data return", () => {
  it("gives a file whose content equals data/metrics/example-nhs-trust/2024.yaml", async () => {
    const { yaml } = importMetricsCsv(await readFile(fixture), details);
    const expected = loadYaml(await readFile(path.join(repoRoot, "data/metrics/example-nhs-trust/2024.yaml"), "utf8")).value;
    expect(loadYaml(yaml).value).toEqual(expected);
    expect(yaml).toMatch(/^# Metric data for example-nhs-trust, 2024/);
    expect(yaml).toContain("# Applicants shortlisted and appointed from shortlisting");
  });

  it("reads each row where the CSV says, whatever the wording (checked against the fixture by hand)", async () => {
    const { metrics } = importMetricsCsv(await readFile(fixture), details);
    // "WRES,1,Clinical Band 5,BME,140" and "wdes,1,Clinical Band 5,Not declared,40"
    expect(metrics.workforce.clinical.band_5).toEqual({ white: 364, bme: 140, ethnicity_unknown: 16, disabled: 30, non_disabled: 450, disability_unknown: 40 });
    // 'WRES,1,"Non clinical, band 8A",BAME,4'
    expect(metrics.workforce.non_clinical.band_8a?.bme).toBe(4);
    // 'WRES,Indicator 2,Shortlisted,White,"1,500"' and 'WDES,Metric 2,Shortlisted,Not disabled,"2,050"'
    expect(metrics.recruitment?.shortlisted.white).toBe(1500);
    expect(metrics.recruitment?.shortlisted.non_disabled).toBe(2050);
    // "WRES,Indicator 2,Appointed from shortlisting,Black and minority ethnic,128"
    expect(metrics.recruitment?.appointed.bme).toBe(128);
    // "WDES,Metric 4a(i),Percentage,Disabled,31.2%"
    expect(metrics.staff_survey?.wdes_4a_i).toEqual({ disabled: { percent: 31.2, base: 240 }, non_disabled: { percent: 24, base: 1120 } });
    // "WDES,9b,Answer,,Yes"; the narrative is a quoted cell with commas in it.
    expect(metrics.wdes_9b?.answer).toBe(true);
    expect(metrics.wdes_9b?.narrative).toMatch(/^The Disability and Long-term Conditions Network meets monthly, is chaired/);
  });

  it("writes data/metrics/<org>/<year>.yaml that the validator accepts, and refuses to overwrite it without --force", async () => {
    const root = await makeProject({ "data/organisations/example-nhs-trust.yaml": "name: Example NHS Trust\ntype: trust\ncontact:\n  email: equality@example.org\n" });
    const run = (extra: Record<string, string | boolean>) =>
      importCommand.run({ root, org: "example-nhs-trust", year: "2024", force: false, ...extra }, [fixture], silent);
    expect(await run({})).toBe(0);
    const written = path.join(root, "data/metrics/example-nhs-trust/2024.yaml");
    const { files, problems: readProblems } = await readProject(root);
    const { project, problems } = validateProject(files);
    expect([...readProblems, ...problems]).toEqual([]);
    expect(project?.metrics.map((m) => [m.organisation, m.year])).toEqual([["example-nhs-trust", 2024]]);

    const before = await readFile(written, "utf8");
    await expect(run({})).rejects.toSatisfy((e: unknown) => e instanceof InputProblems && e.problems[0]!.code === "import-file-exists");
    expect(await run({ force: true, year: "2024", "survey-year": "2022" })).toBe(0);
    expect(await readFile(written, "utf8")).toBe(before.replace("survey_year: 2023", "survey_year: 2022"));
  });

  it("refuses an organisation that does not exist, with the nearest name", async () => {
    const root = await makeProject({ "data/organisations/example-nhs-trust.yaml": "name: Example NHS Trust\ntype: trust\ncontact:\n  email: equality@example.org\n" });
    const error = await importCommand.run({ root, org: "example-nhs-trus", year: "2024" }, [fixture], silent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputProblems);
    expect((error as InputProblems).problems[0]!.message).toContain('did you mean "example-nhs-trust"?');
  });
});

describe("problems in the CSV: file, line, column, message and fix", () => {
  it("reports every bad row at once, each at the cell that is wrong", () => {
    const problems = problemsOf(
      HEAD +
        "WRES,2,Shortlistd,White,10\n" + // line 2: breakdown typo, column 8
        "NHS,2,Shortlisted,White,10\n" + // line 3: unknown standard, column 1
        "WDES,11,Shortlisted,Disabled,10\n" + // line 4: no metric 11, column 6
        "WRES,3,Entries,Unknown,4\n" + // line 5: WRES 3 compares White and BME only, column 16
        "WRES,3,Entries,White,12.5\n" + // line 6: not a whole count, column 22
        "WRES,5,Percent,White,120\n" + // line 7: over 100%, column 22
        "WRES,4,Accessed training,White,1,2\n", // line 8: one cell too many
    );
    expect(problems.map(brief)).toEqual([
      { code: "csv-field-count", line: 8, column: 1 },
      { code: "csv-unknown-breakdown", line: 2, column: 8 },
      { code: "csv-unknown-standard", line: 3, column: 1 },
      { code: "csv-unknown-indicator", line: 4, column: 6 },
      { code: "csv-unknown-group", line: 5, column: 16 },
      { code: "csv-bad-value", line: 6, column: 22 },
      { code: "csv-bad-value", line: 7, column: 22 },
    ]);
    expect(problems.every((p) => p.file === "returns.csv" && p.message.length > 0 && p.fix.length > 0)).toBe(true);
    expect(problems[1]!.message).toBe('"Shortlistd" is not a breakdown of WRES indicator 2: did you mean "Shortlisted"?');
    expect(problems[4]!.fix).toBe("write one of: White, BME in the Group column");
    expect(problems[5]!.message).toBe('the value "12.5" of WRES indicator 3, Entries, White is not a whole number of people (0 or more)');
  });

  it("names a second row for the same figure, and the rows that must come with a figure", () => {
    const duplicate = problemsOf(HEAD + "WRES,4,Accessed training,White,100\nWRES,4,Accessed training,BME,50\nWRES,4,Accessed training,white,100\n");
    expect(duplicate.map(brief)).toEqual([{ code: "csv-duplicate-row", line: 4, column: 1 }]);
    expect(duplicate[0]!.message).toBe("this row gives the same figure as line 2");
    const missing = problemsOf(HEAD + "WRES,4,Accessed training,White,100\nWRES,4,Accessed training,BME,50\n");
    expect(missing.map(brief)).toEqual([{ code: "csv-missing-rows", line: 2, column: 1 }]);
    expect(missing[0]!.message).toBe("WRES indicator 4 is incomplete: 1 row is missing");
    expect(missing[0]!.fix).toContain("WRES,4,Accessed training,Unknown,<count>");
  });

  it("accepts a WRES-only return: a staff group given only by ethnicity", () => {
    const { metrics } = importMetricsCsv(encode(HEAD + "WRES,1,Clinical Band 5,White,364\nWRES,1,Clinical Band 5,BME,140\nWRES,1,Clinical Band 5,Unknown,16\n"), details);
    expect(metrics.workforce.clinical?.band_5).toEqual({ white: 364, bme: 140, ethnicity_unknown: 16 });
  });

  it("asks for the rest of a staff group's split given in part", () => {
    const problems = problemsOf(HEAD + "WRES,1,Clinical Band 5,White,364\nWRES,1,Clinical Band 5,BME,140\n");
    expect(problems.map(brief)).toEqual([{ code: "csv-missing-rows", line: 2, column: 1 }]);
    expect(problems[0]!.message).toBe("WRES indicator 1, Clinical Band 5 is incomplete: 1 row is missing");
    expect(problems[0]!.fix).toContain("WRES,1,Clinical Band 5,Unknown,<count>");
  });

  it("runs the metric file's own checks, pointing at the CSV cell: appointed over shortlisted", () => {
    const groups = (b: string, e: number[], d: number[]) =>
      [...["White", "BME", "Unknown"].map((g, i) => `WRES,2,${b},${g},${e[i]}`), ...["Disabled", "Non-disabled", "Unknown"].map((g, i) => `WDES,2,${b},${g},${d[i]}`)].join("\n");
    const problems = problemsOf(`${HEAD}${groups("Shortlisted", [100, 50, 10], [10, 140, 10])}\n${groups("Appointed", [20, 60, 1], [2, 78, 1])}\n`);
    // Appointed BME (60) is on line 9, its value in column 22; 60 > 50 shortlisted.
    expect(problems.map(brief)).toEqual([{ code: "appointed-over-shortlisted", line: 9, column: 22 }]);
  });

  it("gives the line a quoted cell with a line break starts on, and the columns after it", () => {
    const problems = problemsOf(HEAD + 'WDES,9b,Narrative,,"Two\nlines"\nWDES,9b,Answer,,Maybe\n');
    expect(problems.map(brief)).toEqual([{ code: "csv-bad-value", line: 4, column: 17 }]);
  });

  it("reads a byte-order mark and CRLF line ends as spreadsheets save them", () => {
    const { metrics } = importMetricsCsv(encode(`\uFEFF${HEAD}WRES,4,Accessed training,White,1650\r\nWRES,4,Accessed training,BME,480\r\nWRES,4,Accessed training,Unknown,40\r\n`), details);
    expect(metrics.training).toEqual({ white: 1650, bme: 480, ethnicity_unknown: 40 });
  });

  it("says what is wrong with the heading row, the encoding and the quoting", () => {
    expect(problemsOf("Standard,Indicator,Breakdown,Groups,Value\nWRES,4,Accessed training,White,1\n").map((p) => [p.code, p.message])).toEqual([
      ["csv-column-unknown", 'the first row of the CSV names a column "Groups", which the import does not know: did you mean "Group"?'],
      ["csv-column-missing", 'the first row of the CSV has no "Group" column (it has: "Standard", "Indicator", "Breakdown", "Groups", "Value")'],
    ]);
    expect(problemsOf(new Uint8Array([...encode(HEAD), 0x57, 0xe9, 0x0a])).map(brief)).toEqual([{ code: "encoding", line: 1, column: 1 }]);
    expect(problemsOf(`${HEAD}WDES,9b,Narrative,,"not closed\n`).map(brief)).toEqual([{ code: "csv-syntax", line: 2, column: 1 }]);
    expect(problemsOf(HEAD).map(brief)).toEqual([{ code: "csv-no-data", line: 1, column: 1 }]);
  });
});

describe("the template CSV in the authoring guide", () => {
  it("lists every row the import knows, once, with the Value left empty", async () => {
    const page = await readFile(path.join(repoRoot, "content/guide/metric-data-template.njk"), "utf8");
    const csv = page.replace(/^---\n[\s\S]*?\n---\n/, "");
    const { rows, problems } = readCsv(encode(csv), "template.csv");
    expect(problems).toEqual([]);
    const found = rows.map((r) => findRow(r.cells.Standard.text as Standard, r.cells.Indicator.text, r.cells.Breakdown.text, r.cells.Group.text));
    expect(found.every((d) => d !== undefined)).toBe(true);
    expect(new Set(found).size).toBe(ROWS.length);
    expect(rows.every((r) => r.cells.Value.text === "")).toBe(true);
  });
});
