/**
 * The example content transcribed from three real published documents (data/organisations,
 * data/plans and content/reports for norfolk-and-waveney-ccg, bsw-ccg and
 * cambridgeshire-community-services) loads and validates, and says what the documents say.
 * Every expected value below was checked by hand against the published text, not against the YAML.
 * Other organisations in the repository (e.g. fictional metric examples) are not looked at.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readProject } from "../scripts/load/read-project.ts";
import type { Problem } from "../scripts/validate/problems.ts";
import { planModel } from "../scripts/action-plan/plan-model.ts";
import type { Action, Plan } from "../scripts/validate/schema.ts";
import { validateProject, type Project } from "../scripts/validate/validate-project.ts";
import { repoRoot } from "./project.ts";

const NORFOLK = "norfolk-and-waveney-ccg";
const BSW = "bsw-ccg";
const CCS = "cambridgeshire-community-services";
const EXAMPLES = [NORFOLK, BSW, CCS];

const belongsToExamples = (file: string) =>
  file.startsWith("data/reference/") ||
  EXAMPLES.some(
    (slug) =>
      file === `data/organisations/${slug}.yaml` ||
      file.startsWith(`data/plans/${slug}/`) ||
      file.startsWith(`data/metrics/${slug}/`) ||
      file.startsWith(`content/reports/${slug}/`),
  );

let project: Project;
let problems: Problem[];

beforeAll(async () => {
  const read = await readProject(repoRoot);
  const validated = validateProject(read.files);
  problems = [...read.problems, ...validated.problems].filter((p) => belongsToExamples(p.file));
  if (!validated.project) throw new Error("the project did not validate at all");
  project = validated.project;
});

function plan(organisation: string, slug: string): Plan {
  const entry = project.plans.find((p) => p.organisation === organisation && p.slug === slug);
  if (!entry) throw new Error(`no plan ${organisation}/${slug}`);
  return entry.data;
}

function report(organisation: string, slug: string) {
  const entry = project.reports.find((r) => r.organisation === organisation && r.slug === slug);
  if (!entry) throw new Error(`no report ${organisation}/${slug}`);
  return entry;
}

function action(p: Plan, id: string): Action {
  const found = planModel(p).actions.find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found.action;
}

const flat = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

describe("the example content", () => {
  it("has no validation problems", () => {
    expect(problems).toEqual([]);
  });

  it("gives each of the three organisations an organisation file, a plan and a report on that plan", () => {
    for (const slug of EXAMPLES) {
      expect(project.organisations.map((o) => o.slug)).toContain(slug);
      expect(project.plans.filter((p) => p.organisation === slug)).toHaveLength(1);
      const reports = project.reports.filter((r) => r.organisation === slug);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.plan.organisation).toBe(slug);
    }
  });
});

describe("Norfolk and Waveney CCG, WRES Action Plan 2021/22", () => {
  it("has the organisation's values and the plan's standard and period", () => {
    const org = project.organisations.find((o) => o.slug === NORFOLK)!.data;
    expect(org.type).toBe("CCG");
    expect(org.values).toEqual(["Inclusive", "Respectful", "Innovative"]);
    const p = plan(NORFOLK, "2021-22");
    expect(p.standards).toEqual(["WRES"]);
    expect(p.period).toBe("2021/22");
  });

  it("has four themes with the published indicator mappings and numbers of rows", () => {
    const p = plan(NORFOLK, "2021-22");
    expect(p.themes!.map((t) => [t.id, t.title, t.wres, t.actions!.length])).toEqual([
      ["1", "Representation, Recruitment and Retention", [1, 2, 9], 6],
      ["2", "Training and Development", [2, 4], 6],
      ["3", "Formal Procedures", [3], 5], // 3.1-3.4 plus the "See 4.3" row
      ["4", "Staff Experience", [5, 6, 7, 8], 6], // 4.1, 4.2, 4.3, the second 4.3, 4.4, 4.5
    ]);
  });

  it('keeps the "See 4.3" row in theme 3, pointing to the Freedom to Speak Up action 4.3', () => {
    const p = plan(NORFOLK, "2021-22");
    const theme3 = p.themes!.find((t) => t.id === "3")!;
    expect(theme3.actions!.map((a) => a.id ?? `see ${a.see}`)).toEqual(["3.1", "3.2", "3.3", "see 4.3", "3.4"]);
    expect(flat(action(p, "4.3").action)).toMatch(/^Introduction of Freedom to Speak Up Champions/);
    expect(flat(action(p, "4.3a").action)).toMatch(/^Establish a CCG Health and Wellbeing Steering Group/);
  });

  it("records the People Plan column, which only theme 4 fills", () => {
    const p = plan(NORFOLK, "2021-22");
    const promises = planModel(p).actions.map(({ action: a }) => [a.id ?? a.see, a.people_promise ?? []] as const);
    expect(promises.filter(([, pp]) => pp.length > 0)).toEqual([
      ["4.1", ["We each have a voice that counts"]],
      ["4.2", ["We each have a voice that counts"]],
      ["4.3", ["We each have a voice that counts"]],
      ["4.3a", ["We are safe and healthy"]],
      ["4.4", ["We are safe and healthy"]],
      ["4.5", ["We are always learning"]],
    ]);
  });

  it("keeps the published wording, leads and timescales", () => {
    const p = plan(NORFOLK, "2021-22");
    expect(flat(action(p, "1.4").action)).toContain(
      "As a minimum the chair of every recruitment panel should have completed this training.",
    );
    expect(action(p, "1.4").leads).toEqual(["The Head of OD and Leadership"]);
    expect(action(p, "3.1").timescale).toBe("By December 2021");
    expect(action(p, "4.1").timescale).toBe("Survey launch planned for 04 October 2021");
    expect(action(p, "4.1").due).toBe("2021-10-04");
    expect(action(p, "2.1").timescale).toBe("On-going");
    expect(action(p, "2.1").due).toBeUndefined();
  });

  it("has the two quotes with their names and roles", () => {
    const r = report(NORFOLK, "2021-22");
    expect(r.data.quotes?.map((q) => q.name)).toEqual(["Doris Jamieson", "Dr Mark Lim MRCPCH MFPH"]);
    expect(r.data.quotes?.[1]?.role).toBe(
      "Interim Director of Clinical Services and Clinical Transformation, Norfolk and Waveney CCG",
    );
    expect(r.body).toContain("Norfolk and Waveney is the best place to work");
  });
});

describe("BSW CCG People Strategy", () => {
  it("has the narrative of the three core areas and the transcribed summary action", () => {
    const r = report(BSW, "2020-21");
    for (const heading of ["## Colleague experience and development", "## Engagement and culture", "### Culture and Inclusion"])
      expect(r.body).toContain(heading);
    expect(r.body).toContain("Maintain our commitment to being a “Disability Confident” employer.");
    expect(r.data.appendix_title).toBe("Appendix 1: Our summary actions");
    const p = plan(BSW, "2020-21");
    expect(p.themes).toHaveLength(1);
    expect(p.themes![0]!.title).toBe("Colleague experience and development");
    expect(flat(p.themes![0]!.actions![0]!.action)).toMatch(/^Colleague wellbeing – .*appointment of a Wellbeing Guardian\.$/);
  });

  it("maps nothing to an indicator that the strategy does not tie to one", () => {
    const actions = planModel(plan(BSW, "2020-21")).actions;
    expect(actions.flatMap((a) => [...a.own.WRES, ...a.own.WDES])).toEqual([]);
  });
});

describe("Cambridgeshire Community Services, Bi-Annual People Strategy Update (Trust Board, 22 November 2023)", () => {
  it("transcribes the cover sheet", () => {
    const paper = report(CCS, "2023-24").data.board_paper!;
    expect(paper.report_to).toBe("Trust Board");
    expect(paper.date).toBe("2023-11-22");
    expect(paper.agenda_item).toBe("13");
    expect(paper.purpose).toEqual(["noting"]);
    expect(paper.author).toEqual({ name: "Angela Hartley", role: "Deputy Director of Workforce" });
    expect(paper.executive_sponsors.map((s) => s.name)).toEqual(["Anita Pisani", "Kate Howard"]);
    expect(paper.assurance?.level).toBe("substantial");
    expect(paper.assurance?.action).toBe("No action required");
    expect(paper.strategic_objectives?.map((o) => o.objective)).toEqual([
      "Provide outstanding care",
      "Be Collaborative",
      "Be an excellent employer",
      "Be Sustainable",
    ]);
    expect(paper.previous_papers).toContain("17th May 2023");
  });

  it("uses the trust's own term for ethnic minority staff", () => {
    expect(project.organisations.find((o) => o.slug === CCS)!.data.terminology.ethnic_minority).toBe("culturally diverse");
  });

  it("combines the WDES and WRES plans, priorities marked with their standard, each row an objective with its action", () => {
    const p = plan(CCS, "2023-24");
    expect(p.standards).toEqual(["WRES", "WDES"]);
    expect(p.themes!.map((t) => [t.standard, t.title, t.objectives!.map((o) => o.actions?.length ?? 0)])).toEqual([
      ["WDES", "Inclusive Leadership and Management", [1, 1]],
      // The second action is a row whose Objective and Current Position cells are empty.
      ["WDES", "Inclusive Talent and Career Development", [2]],
      ["WDES", "Zero Tolerance and the Protection of Staff from harassment and Abuse from patients, the public and colleagues", [1, 1]],
      ["WRES", "Our full 2023/24 WRES action plan", [1, 1, 1, 1, 1, 1]],
      // The last objective's Action cell is empty in the paper.
      ["WRES", "Talent and Career Development", [1, 0]],
    ]);
    // The paper numbers neither objectives nor actions, and heads its tables Objective | Current Position | Action.
    expect(planModel(p).actions.every((a) => a.id === undefined)).toBe(true);
    expect(p.columns).toEqual({ current_position: "Current Position", action: "Action" });
  });

  it("keeps the published figures and rows", () => {
    const p = plan(CCS, "2023-24");
    const wres1 = p.themes!.find((t) => t.id === "WRES 1")!.objectives!;
    const target = flat(wres1[4]!.objective);
    expect(target).toContain("This is a target of 13.2% of staff in these bands to be from culturally diverse backgrounds by March 2025.");
    for (const figure of ["Band 6 10.8%", "Band 7 11.5%", "Band 8a 8.2%"]) expect(target).toContain(figure);
    expect(wres1[0]!.actions![0]!.action).toBe("We will roll out in 3 cohorts starting with some Board members in January 2024");
    expect(p.themes!.find((t) => t.id === "WDES 3")!.objectives![0]!.actions![0]!.action).toBe("Implementation of action plan");
    expect(p.themes!.find((t) => t.id === "WRES 2")!.objectives![1]!.current_position).toBe("See above");
  });

  it("keeps the paper's section numbers in the narrative", () => {
    const body = report(CCS, "2023-24").body;
    expect(body).toContain("## 3.3 The Workforce Disability Equality Standards (WDES) 2023/24");
    expect(body).toContain("## 3.4 Workforce Race Equality Standards (WRES)");
    expect(flat(body)).toContain("The rate in the 2023 WRES data shows white applicants are 1.86 times more likely to be appointed.");
  });
});
