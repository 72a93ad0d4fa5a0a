// Editions on real files: two plans of one organisation, through the real loader, validator and
// site model; the changes were worked out by hand from the two plans below.
import { describe, expect, it } from "vitest";
import { firstBuildPlan, makeProject, repoRoot } from "../../test/project.ts";
import { computeJobs } from "../build.ts";
import { computeReports } from "../cache/compute-cache.ts";
import { readProject } from "../load/read-project.ts";
import { validateProject } from "../validate/validate-project.ts";
import { buildSiteModel } from "./site-model.ts";
import type { SiteModel } from "./site-types.ts";
import { indicatorTrends } from "./editions.ts";

const plan = (period: string, actions: string, reviewed = "") => `title: Acme plan ${period}
period: ${period}
standards: [WRES]
${reviewed}
themes:
  - id: "1"
    title: Fair recruitment
    actions:
${actions}`;

async function model(files: Record<string, string>): Promise<SiteModel> {
  const root = await makeProject(files);
  const { files: parsed } = await readProject(root);
  const { project, problems } = validateProject(parsed);
  expect(problems).toEqual([]);
  return buildSiteModel(project!, { indicators: new Map(), charts: new Map() });
}

describe("editions", () => {
  it("lists new actions, status changes, actions no longer in the plan and overdue actions, and links the earlier editions", async () => {
    const site = await model(
      {
        "data/organisations/acme.yaml": "name: Acme NHS Trust\ntype: trust\ncontact:\n  email: equality@acme.example.org\n",
        "data/plans/acme/2023-24.yaml": plan(
          "2023/24",
          `      - { id: "1.1", action: Panels, status: not started }
      - { id: "1.2", action: Data, status: in progress }
      - { id: "1.3", action: Mentoring, status: complete }
      - { id: "1.4", action: Training, status: in progress }
      - { id: "1.5", action: Unchanged, status: in progress }
      - { id: "1.6", see: "1.1" }
`,
        ),
        "data/plans/acme/2024-25.yaml": plan(
          "2024/25",
          `      - { id: "1.1", action: Panels, status: complete, due: 2024-06-30 }
      - { id: "1.2", action: Data, status: in progress, due: 2024-06-30 }
      - { id: "1.5", action: Unchanged, status: in progress }
      - { id: "1.7", action: Listening events }
`,
          "statuses_reviewed: 2024-12-01\n",
        ),
        "content/reports/acme/2023-24.md": "---\n---\n",
        "content/reports/acme/2024-25.md": "---\n---\n",
      },
    );
    const latest = site.reports.find((r) => r.period === "2024/25")!;
    expect(latest.changes!.previous).toEqual({ title: "Acme plan 2023/24", period: "2023/24", url: "/acme/2023-24/" });
    expect(latest.changes!.rows).toEqual([
      { id: "1.1", href: "#action-1-1", changes: ["Status changed from Not started to Complete."] },
      { id: "1.2", href: "#action-1-2", changes: ["Overdue: it was due by 30 June 2024 and was not complete on 1 December 2024."] },
      { id: "1.7", href: "#action-1-7", changes: ["New in 2024/25."] },
      { id: "1.3", href: "/acme/2023-24/#action-1-3", changes: ["Completed, and no longer in the plan."] },
      { id: "1.4", href: "/acme/2023-24/#action-1-4", changes: ["No longer in the plan (its status was In progress)."] },
    ]);
    expect(latest.changes!.counts).toEqual({ added: 1, statusChanged: 1, removed: 2, overdue: 1, unchanged: 1 });
    expect(latest.earlierEditions).toEqual([{ title: "Acme plan 2023/24", period: "2023/24", url: "/acme/2023-24/" }]);

    const first = site.reports.find((r) => r.period === "2023/24")!;
    expect(first.changes).toBeUndefined();
    expect(first.earlierEditions).toEqual([]);
  });

  it("shows each indicator's headline figure in each edition on the organisation page, from the second edition", async () => {
    const { files } = await readProject(repoRoot);
    const { project } = validateProject(files);
    const { indicators, charts } = await computeReports(computeJobs(project!, firstBuildPlan(project!)), {});
    const site = buildSiteModel(project!, { indicators, charts });
    // One edition: its figures are the report's own, so the organisation page does not repeat them.
    expect(site.organisations.find((o) => o.slug === "example-nhs-trust")!.trends).toEqual([]);
    // An earlier edition of the same report, with the 2023 data year.
    const latest = site.reports.find((r) => r.key === "example-nhs-trust/2024-25")!;
    const trends = indicatorTrends([latest, { ...latest, period: "2023/24", data: { ...latest.data!, year: 2023 } }]);
    expect(trends.map((t) => t.caption)).toEqual(["WRES indicators in each edition", "WDES metrics in each edition"]);
    const wres = trends[0]!;
    expect(wres.head).toEqual(["Indicator", "2023/24 (data 2023)", "2024/25 (data 2024)"]);
    // WRES 2 in 2024: White 405 of 1,500 shortlisted appointed (27.0%), culturally diverse 128 of 800 (16.0%): 27.0 / 16.0 = 1.69.
    expect(wres.rows.find((r) => r.header === "WRES 2: appointment from shortlisting (relative likelihood)")!.cells).toEqual(["1.69", "1.69"]);
    expect(wres.rows).toHaveLength(9);
    // A survey figure says which survey it is from (the 2023 survey for data year 2024), not only the edition's data year.
    const wres5 = latest.indicators.flatMap((i) => i.results).find((r) => r.slug === "wres-5")!;
    expect(wres.rows.find((r) => r.header.startsWith("WRES 5:"))!.cells).toEqual([`${wres5.value} (2023 survey)`, `${wres5.value} (2023 survey)`]);
    // An organisation whose reports show no metric data has no trend table.
    expect(site.organisations.find((o) => o.slug === "bsw-ccg")!.trends).toEqual([]);
  });
});
