// Next year's plan and report page from this year's, on real files: each plan shape of the guide
// and each example plan of the repository is carried over, read back by the real loader and
// validator, and compared with the plan it came from.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guideExamples } from "../../test/guide-examples.ts";
import { makeProject, repoRoot } from "../../test/project.ts";
import { renderMarkdown } from "../html/markdown.ts";
import { readProject } from "../load/read-project.ts";
import { formatProblem } from "../validate/problems.ts";
import type { Plan } from "../validate/schema.ts";
import { validateProject } from "../validate/validate-project.ts";
import { carryOverPlan, carryOverReport } from "./carry-over.ts";

/** The plans and reports of a project made of these files, with no problems. */
async function load(files: Record<string, string>) {
  const { files: parsed, problems: read } = await readProject(await makeProject(files));
  const { project, problems } = validateProject(parsed);
  expect([...read, ...problems].map(formatProblem)).toEqual([]);
  return project!;
}

const ORG = { "data/organisations/acme.yaml": "name: Acme NHS Trust\ntype: trust\ncontact:\n  email: equality@acme.nhs.uk\n" };

describe("carrying a plan over to next year", () => {
  it("keeps every shape, number, mapping, heading and paragraph of each plan; only the period, title and dates change", async () => {
    const guide = (await guideExamples(["plan-shapes.md", "action-plan.md"])).filter((e) => e.kind === "plan");
    const repository = await Promise.all(
      ["norfolk-and-waveney-ccg/2021-22", "cambridgeshire-community-services/2023-24", "example-nhs-trust/2024-25"].map((p) =>
        readFile(path.join(repoRoot, "data/plans", `${p}.yaml`), "utf8"),
      ),
    );
    const texts = [...guide.map((e) => e.text), ...repository];
    // Each plan in a period of its own (its stated period removed: the file name gives it).
    const files = texts.map((t, i): [string, string] => [`data/plans/acme/${2001 + i}-${String(2 + i).padStart(2, "0")}.yaml`, t.replace(/^period: .*$/m, "")]);
    const before = (await load({ ...ORG, ...Object.fromEntries(files) })).plans;
    expect(before).toHaveLength(texts.length);
    const carried = before.map((p): [string, string] => {
      const [start] = p.data.period.split("/").map(Number) as [number];
      return [`data/plans/acme/${start + 1}-${String((start + 2) % 100).padStart(2, "0")}.yaml`, carryOverPlan(p.data, `${start + 1}/${String((start + 2) % 100).padStart(2, "0")}`, p.file, "schema.json")];
    });
    const after = (await load({ ...ORG, ...Object.fromEntries(carried) })).plans;
    const essence = ({ period: _period, title: _title, published: _published, statuses_reviewed: _reviewed, ...rest }: Plan) => rest;
    for (const [i, plan] of before.entries()) {
      const next = after.find((p) => p.file === carried[i]![0])!;
      expect(essence(next.data), plan.file).toEqual(essence(plan.data));
      expect(next.data.statuses_reviewed).toBeUndefined();
    }
    // Paragraphs and lists are written as the author wrote them, line for line, not folded.
    const ccs = guide.length + 1;
    expect(carried[ccs]![1]).toContain("        current_position: |-\n          Review, update and re-share our cultural awareness information for staff working with\n");
    expect(carried[ccs]![1]).toContain(
      `# Carried over from ${before[ccs]!.data.period} (no status). Update its status and progress for this year.\n          - action: Implementation of action plan`,
    );
  });

  it("starts the report page from last year's: the same headings, its front matter for the new period", async () => {
    const project = await load({
      ...ORG,
      "data/plans/acme/2024-25.yaml": "title: Acme plan 2024/25\nstandards: [WRES]\nactions:\n  - action: Act.\n",
      "content/reports/acme/2024-25.md": [
        "---",
        "title: Acme WRES report 2024/25",
        "metrics_year: 2024",
        "appendix_title: Our actions",
        "quotes:",
        "  - { text: Hello., name: A Person }",
        "---",
        "## Foreword",
        "",
        "Last year's words.",
        "",
        "[quote 1]",
        "",
        "### Our staff networks",
        "",
        "More words.",
        "",
      ].join("\n"),
      "data/metrics/acme/2024.yaml": "year: 2024\nsnapshot_date: 2024-03-31\nworkforce:\n  non_clinical: {}\n  clinical: {}\n",
      "data/metrics/acme/2025.yaml": "year: 2025\nsnapshot_date: 2025-03-31\nworkforce:\n  non_clinical: {}\n  clinical: {}\n",
    });
    const previous = project.reports[0]!;
    const page = carryOverReport(previous.data, renderMarkdown(previous.body).headings, "2024/25", "2025/26", 2025);
    expect(page).toContain("title: Acme WRES report 2025/26\nmetrics_year: 2025\noutputs: [web, pdf]\nappendix_title: Our actions\n");
    expect(page).toContain("# Last year's page had 1 quote: add this year's under quotes: (see the guide).");
    expect(page.slice(page.lastIndexOf("---\n") + 4)).toBe(
      "## Foreword\n\nReplace this with your text for 2025/26.\n\n### Our staff networks\n\nReplace this with your text for 2025/26.\n",
    );
    const next = await load({ ...ORG, "data/plans/acme/2025-26.yaml": "title: Plan\nstandards: [WRES]\nactions:\n  - action: Act.\n", "content/reports/acme/2025-26.md": page, "data/metrics/acme/2025.yaml": "year: 2025\nsnapshot_date: 2025-03-31\nworkforce:\n  non_clinical: {}\n  clinical: {}\n" });
    expect(next.reports[0]!.data.metrics_year).toBe(2025);
  });
});
