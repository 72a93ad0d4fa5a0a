/**
 * The authoring guide must keep up with the code:
 * - every message code the tool can show (the catalogues under scripts/) has its own section in
 *   content/guide/errors.md, and that page explains no code the tool no longer has;
 * - every copyable example in the guide marked as a complete file (a fenced block whose info
 *   string is `yaml organisation`, `yaml plan`, `yaml metrics`, `yaml settings`, `yaml report`
 *   (front matter) or `markdown report` (a whole report page)) passes the real loader and validator.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guideDir, guideExamples, KINDS, type Example } from "../../test/guide-examples.ts";
import { makeProject, repoRoot } from "../../test/project.ts";
import { readProject } from "../load/read-project.ts";
import { formatProblem } from "./problems.ts";
import { validateProject } from "./validate-project.ts";
import { Settings } from "./schema.ts";

/** Every `code: "..."` literal in the TypeScript sources under scripts/ (tests excluded). */
async function codesInSources(): Promise<Map<string, string>> {
  const dir = path.join(repoRoot, "scripts");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const codes = new Map<string, string>();
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith(".ts") || e.name.endsWith(".test.ts")) continue;
    const file = path.join(e.parentPath, e.name);
    const text = await readFile(file, "utf8");
    for (const m of text.matchAll(/\bcode:\s*"([a-z0-9-]+)"/g)) codes.set(m[1]!, path.relative(repoRoot, file));
  }
  return codes;
}

/** The codes named in backticks in the `###` headings of errors.md. */
function codesInHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^###\s+(.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((c) => c[1]!));
}

const field = (text: string, name: string): string | undefined =>
  new RegExp(`^${name}:\\s*"?([^"\\s#]+)"?`, "m").exec(text)?.[1];

const orgFile = (name: string) => `name: ${name} NHS Trust\ntype: trust\n`;
const minimalPlan = (period: string) =>
  `title: Plan\nperiod: "${period}"\nstandards: [WRES]\nthemes:\n  - id: "1"\n    title: Theme\n    actions:\n      - id: "1.1"\n        action: Act.\n`;
const minimalMetrics = (year: string) =>
  `year: ${year}\nsnapshot_date: ${year}-03-31\nworkforce:\n  non_clinical: {}\n  clinical: {}\n`;

/**
 * One project holding every example, each in a folder of its own (an organisation per example)
 * so that examples cannot collide; a report gets the plan and metric file it names.
 */
function projectFiles(examples: readonly Example[]): { files: Record<string, string>; owners: Map<string, string> } {
  const files: Record<string, string> = {};
  const owners = new Map<string, string>(); // project folder or file -> guide source
  examples.forEach((ex, i) => {
    const org = `example-${i + 1}`;
    const own = (file: string, text: string) => {
      files[file] = text;
      owners.set(file, ex.source);
    };
    if (ex.kind === "organisation") return own(`data/organisations/${org}.yaml`, ex.text);
    files[`data/organisations/${org}.yaml`] = orgFile(org);
    // A plan that states no period takes its file's.
    if (ex.kind === "plan") return own(`data/plans/${org}/${(field(ex.text, "period") ?? "2023/24").replace("/", "-")}.yaml`, ex.text);
    if (ex.kind === "metrics") return own(`data/metrics/${org}/${field(ex.text, "year") ?? "none"}.yaml`, ex.text);
    const page = ex.kind === "report" ? `---\n${ex.text}---\n\n## Introduction\n\nText.\n` : ex.text;
    const planSlug = field(page, "plan") ?? "2023-24";
    files[`data/plans/${org}/${planSlug}.yaml`] = minimalPlan(planSlug.replace("-", "/"));
    const year = field(page, "metrics_year");
    if (year) files[`data/metrics/${org}/${year}.yaml`] = minimalMetrics(year);
    own(`content/reports/${org}/2023-24.md`, page);
  });
  return { files, owners };
}

describe("the authoring guide", () => {
  it("explains every message code under a ### heading of errors.md, and no code the tool lacks", async () => {
    const errors = await readFile(path.join(guideDir, "errors.md"), "utf8");
    const documented = codesInHeadings(errors);
    const codes = await codesInSources();
    expect(codes.size).toBeGreaterThan(30); // the catalogues were found and read
    const missing = [...codes].filter(([code]) => !documented.includes(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing, "codes with no section in content/guide/errors.md").toEqual([]);
    expect(documented.filter((code) => !codes.has(code)), "sections for codes the tool does not have").toEqual([]);
    expect(documented.filter((code, i) => documented.indexOf(code) !== i), "codes explained twice").toEqual([]);
  });

  it("has complete-file examples of each kind, and every one of them validates", async () => {
    const examples = await guideExamples();
    for (const kind of new Set(Object.values(KINDS))) expect(examples.map((e) => e.kind), kind).toContain(kind);

    // A project holds one settings file: each settings example is read in a project of its own.
    for (const example of examples.filter((e) => e.kind === "settings")) {
      const root = await makeProject({ "data/organisations/acme.yaml": `${orgFile("acme")}contact:\n  email: equality@acme.example.org\n`, "data/settings.yaml": example.text });
      const { files: parsed, problems: readProblems } = await readProject(root);
      const { project, problems } = validateProject(parsed);
      expect([...readProblems, ...problems].map((p) => `${example.source}: ${formatProblem(p)}`)).toEqual([]);
      // It was read as the settings: they are the example's values.
      expect(project!.settings, example.source).toEqual(Settings.parse(parsed.settings!.value));
    }

    const { files, owners } = projectFiles(examples.filter((e) => e.kind !== "settings"));
    // The other examples' organisations are published by one publisher, whose contact the accessibility statement gives.
    files["data/settings.yaml"] = "publisher:\n  name: The guide's examples\n  contact:\n    email: equality@example.org\n";
    const { files: parsed, problems: readProblems } = await readProject(await makeProject(files));
    const { project, problems } = validateProject(parsed);
    const described = [...readProblems, ...problems].map((p) => `${owners.get(p.file) ?? p.file}: ${formatProblem(p)}`);
    expect(described).toEqual([]);

    // Each example was really read as the kind of file it claims to be.
    const count = (kind: Example["kind"]) => examples.filter((e) => e.kind === kind).length;
    expect(project!.metrics.filter((m) => owners.has(m.file))).toHaveLength(count("metrics"));
    expect(project!.plans.filter((p) => owners.has(p.file))).toHaveLength(count("plan"));
    expect(project!.reports.filter((r) => owners.has(r.file))).toHaveLength(count("report") + count("report-page"));
    expect(project!.organisations.filter((o) => owners.has(o.file))).toHaveLength(count("organisation"));
  });
});
