// The plan tree and the one mapping rule, on plans read by the real loader and validator.
import { describe, expect, it } from "vitest";
import { makeProject } from "../../test/project.ts";
import { readProject } from "../load/read-project.ts";
import { validateProject } from "../validate/validate-project.ts";
import { actionsAddressing, actionsUnder, addressedBy, addresses, isOverdue, planModel } from "./plan-model.ts";

async function plan(text: string) {
  const root = await makeProject({ "data/organisations/acme.yaml": "name: Acme\ntype: trust\ncontact:\n  email: equality@acme.nhs.uk\n", "data/plans/acme/2024-25.yaml": text });
  const { files } = await readProject(root);
  const { project, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return project!.plans[0]!.data;
}

const PLAN = `title: Plan
standards: [WRES, WDES]
published: 2024-09-30
statuses_reviewed: 2025-03-31
columns: { objective: Aim }
themes:
  - id: "1"
    label: Priority
    title: Recruitment
    wres: [1, 2]
    objectives:
      - id: "1.1"
        objective: Fair panels.
        actions:
          - { action: Panels., wres: [2], status: complete, due: 2024-06-30 }
          - { action: Training., status: in progress, due: 2025-03-31 }
          - { action: Data., status: in progress, due: 2025-03-30 }
      - id: "1.2"
        objective: Fair pay.
        wdes: all
        actions:
          - { action: Pay review. }
  - id: "2"
    title: Listening
    actions:
      - { action: Listen., wres: all }
`;

describe("planModel", () => {
  it("names and anchors every part, numbered or not, as a reader knows it", async () => {
    const model = planModel(await plan(PLAN));
    const [first, second] = model.themes;
    expect([first!.name, first!.heading, first!.anchor]).toEqual(["Priority 1", "Priority 1: Recruitment", "theme-1"]);
    expect(first!.objectives.map((o) => [o.name, o.anchor])).toEqual([
      ["Aim 1.1", "objective-1-1"],
      ["Aim 1.2", "objective-1-2"],
    ]);
    expect(model.actions.map((a) => [a.name, a.anchor])).toEqual([
      ["Aim 1.1, action 1", "objective-1-1-action-1"],
      ["Aim 1.1, action 2", "objective-1-1-action-2"],
      ["Aim 1.1, action 3", "objective-1-1-action-3"],
      // The only action of an objective goes by the objective's name.
      ["Aim 1.2", "objective-1-2-action-1"],
      ["Theme 2, action 1", "theme-2-action-1"],
    ]);
    expect(second!.heading).toBe("Theme 2: Listening");
    expect(model.statusDate).toBe("2025-03-31");
  });

  it("heads an unnumbered theme with its title alone, and names unnumbered objectives by their place", async () => {
    const model = planModel(await plan(PLAN.replace(/^ {2}- id: "\d"\n {4}/gm, "  - ").replace(/^ {6}- id: "1\.\d"\n {8}/gm, "      - ")));
    expect(model.themes.map((t) => [t.heading, t.name, t.anchor])).toEqual([
      ["Recruitment", "Recruitment", "theme-1"],
      ["Listening", "Listening", "theme-2"],
    ]);
    expect(model.themes[0]!.objectives.map((o) => [o.name, o.anchor])).toEqual([
      ["Recruitment, aim 1", "theme-1-objective-1"],
      ["Recruitment, aim 2", "theme-1-objective-2"],
    ]);
  });
});

describe("the one mapping rule", () => {
  it("shows on a theme or objective what it and everything in it addresses, and links each indicator to the most specific parts that name it", async () => {
    const model = planModel(await plan(PLAN));
    const [theme, other] = model.themes;
    expect(addresses(theme!)).toEqual({ WRES: [1, 2], WDES: "all", peoplePromise: [] });
    expect(addresses(theme!.objectives[0]!)).toEqual({ WRES: [2], WDES: [], peoplePromise: [] });
    expect(addresses(other!)).toEqual({ WRES: "all", WDES: [], peoplePromise: [] });
    const names = (standard: "WRES" | "WDES", n: number) => addressedBy(model, standard, n).map((p) => p.name);
    // WRES 2: the action that names it, not its theme, which names it too.
    expect(names("WRES", 2)).toEqual(["Aim 1.1, action 1", "Theme 2, action 1"]);
    // WRES 1: only the theme names it, so the theme stands for its actions.
    expect(names("WRES", 1)).toEqual(["Priority 1", "Theme 2, action 1"]);
    expect(names("WDES", 4)).toEqual(["Aim 1.2"]);
    expect(names("WRES", 9)).toEqual(["Theme 2, action 1"]);
  });

  it("maps a theme or objective to the actions under it, and an indicator to the actions that address it", async () => {
    const model = planModel(await plan(PLAN));
    const [theme, other] = model.themes;
    const named = (nodes: { name: string }[]) => nodes.map((a) => a.name);
    expect(named(actionsUnder(theme!))).toEqual(["Aim 1.1, action 1", "Aim 1.1, action 2", "Aim 1.1, action 3", "Aim 1.2"]);
    expect(named(actionsUnder(theme!.objectives[1]!))).toEqual(["Aim 1.2"]);
    expect(named(actionsUnder(other!.actions[0]!))).toEqual(["Theme 2, action 1"]);
    // WRES 1 is named by Priority 1 only: all four of its actions address it, and the action of theme 2 that addresses all.
    expect(named(actionsAddressing(model, "WRES", 1))).toEqual([...named(actionsUnder(theme!)), "Theme 2, action 1"]);
    // WRES 2 is named by an action of Priority 1: that action, not the other three.
    expect(named(actionsAddressing(model, "WRES", 2))).toEqual(["Aim 1.1, action 1", "Theme 2, action 1"]);
    expect(named(actionsAddressing(model, "WDES", 4))).toEqual(["Aim 1.2"]);
  });
});

describe("isOverdue", () => {
  it("judges on the date the statuses are as at: due before it, with a status other than complete", async () => {
    const model = planModel(await plan(PLAN));
    expect(model.actions.slice(0, 3).map((a) => isOverdue(a.action, model.statusDate))).toEqual([false, false, true]);
    // Without a review date, the publication date; without either, nothing is overdue.
    expect(isOverdue(model.actions[2]!.action, undefined)).toBe(false);
    expect(planModel(await plan(PLAN.replace("statuses_reviewed: 2025-03-31\n", ""))).statusDate).toBe("2024-09-30");
  });
});
