import { describe, expect, it } from "vitest";
import { makeProject } from "../../test/project.ts";
import { readProject } from "../load/read-project.ts";
import { sortProblems, type Problem } from "./problems.ts";
import { validateProject } from "./validate-project.ts";

const row = "{ white: 50, bme: 20, ethnicity_unknown: 5, disabled: 6, non_disabled: 60, disability_unknown: 9 }";

/** A valid metric file; `recruitment` and `extra` lines let a test break it in a known place. */
function metricFile(recruitment: string, extra = ""): string {
  return [
    "year: 2024",
    "snapshot_date: 2024-03-31",
    "workforce:",
    "  non_clinical:",
    `    band_5: ${row}`,
    "  clinical:",
    `    band_6: ${row}`,
    "recruitment:",
    recruitment,
    extra,
  ].join("\n");
}
const goodRecruitment = [
  "  shortlisted: { white: 100, bme: 40, ethnicity_unknown: 10, disabled: 20, non_disabled: 120, disability_unknown: 10 }",
  "  appointed: { white: 30, bme: 10, ethnicity_unknown: 2, disabled: 5, non_disabled: 35, disability_unknown: 2 }",
].join("\n");

async function problemsFor(file: string, name = "2024"): Promise<Problem[]> {
  const root = await makeProject({ "data/organisations/acme.yaml": "name: Acme NHS Trust\ntype: trust\ncontact:\n  email: equality@acme.example.org\n", [`data/metrics/acme/${name}.yaml`]: file });
  const { files, problems } = await readProject(root);
  const result = validateProject(files);
  return sortProblems([...problems, ...result.problems]);
}
const where = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.position.line}:${p.position.column} ${p.code}`);

describe("metric data files", () => {
  it("accepts a good file and adds it to the project", async () => {
    const root = await makeProject({ "data/organisations/acme.yaml": "name: Acme NHS Trust\ntype: trust\ncontact:\n  email: equality@acme.example.org\n", "data/metrics/acme/2024.yaml": metricFile(goodRecruitment) });
    const { files } = await readProject(root);
    const { project, problems } = validateProject(files);
    expect(problems).toEqual([]);
    expect(project?.metrics.map((m) => [m.organisation, m.year, m.data.workforce.clinical.band_6?.bme])).toEqual([["acme", 2024, 20]]);
  });

  it("reports appointed above shortlisted with both numbers, at the appointed count", async () => {
    const bad = goodRecruitment.replace("appointed: { white: 30, bme: 10,", "appointed: { white: 30, bme: 41,").replace("disabled: 5, non_disabled: 35", "disabled: 5, non_disabled: 66");
    const ps = await problemsFor(metricFile(bad));
    expect(where(ps)).toEqual(["data/metrics/acme/2024.yaml:10:32 appointed-over-shortlisted"]);
    expect(ps[0]!.message).toBe("41 bme applicants were appointed but only 40 were shortlisted; no more can be appointed than were shortlisted");
  });

  it("reports every bad value at once: negative, fractional, a percentage over 100, splits that differ", async () => {
    const file = metricFile(goodRecruitment, "staff_survey:\n  wres_5:\n    white: { percent: 120, base: 300 }\n    bme: { percent: 30, base: 2.5 }")
      .replace(`band_5: ${row}`, "band_5: { white: -3, bme: 20, ethnicity_unknown: 5, disabled: 6, non_disabled: 60, disability_unknown: 9 }");
    expect(where(await problemsFor(file))).toEqual([
      "data/metrics/acme/2024.yaml:5:22 out-of-range",
      // The survey figures have no survey year: a cross-check, reported with the schema's problems.
      "data/metrics/acme/2024.yaml:12:3 survey-year-missing",
      "data/metrics/acme/2024.yaml:13:23 out-of-range",
      "data/metrics/acme/2024.yaml:14:31 wrong-type",
    ]);
  });

  it("checks that the ethnicity and disability counts of a row describe the same people", async () => {
    const file = metricFile(goodRecruitment).replace(`band_6: ${row}`, "band_6: { white: 50, bme: 20, ethnicity_unknown: 5, disabled: 6, non_disabled: 61, disability_unknown: 9 }");
    const ps = await problemsFor(file);
    expect(where(ps)).toEqual(["data/metrics/acme/2024.yaml:7:13 metric-splits-differ"]);
    expect(ps[0]!.message).toContain("add up to 75 but the disability counts add up to 76");
  });

  it("requires the year inside the file to match its name", async () => {
    expect(where(await problemsFor(metricFile(goodRecruitment), "2023"))).toEqual(["data/metrics/acme/2023.yaml:1:7 metric-year-mismatch"]);
  });

  it("accepts a WRES-only return (no disability split), and says what is missing from a split given in part", async () => {
    const wresOnly = (line: string) => line.replace(/, disabled: \d+, non_disabled: \d+, disability_unknown: \d+/g, "");
    expect(await problemsFor(wresOnly(metricFile(goodRecruitment)))).toEqual([]);
    const half = metricFile(goodRecruitment).replace("band_6: { white: 50, bme: 20, ethnicity_unknown: 5, disabled: 6, non_disabled: 60, disability_unknown: 9 }", "band_6: { white: 50, bme: 20, ethnicity_unknown: 5, disabled: 6 }");
    const problems = await problemsFor(half);
    expect(problems.map((p) => `${p.position.line}:${p.position.column} ${p.code}`)).toEqual(["7:13 missing-field", "7:13 missing-field"]);
    expect(problems[0]!.message).toContain('has no "non_disabled"');
    const none = await problemsFor(metricFile(goodRecruitment).replace(`band_5: ${row}`, "band_5: {}"));
    expect(none.map((p) => p.code)).toEqual(["metric-split-missing"]);
  });
});
