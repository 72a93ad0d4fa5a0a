/**
 * The author's day, through the real command line in a throw-away project:
 * - `new` scaffolds files that validate as they are, and never overwrites;
 * - `new --from` carries last year's actions over with their statuses;
 * - the JSON Schemas generated for editors accept every example file and refuse real mistakes;
 * - `serve` rebuilds on a saved change, shows problems on the page, and recovers (real HTTP).
 */
import { spawn, execFile, type ChildProcessByStdio } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { get } from "node:http";
import path from "node:path";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import { load, JSON_SCHEMA } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readProject, splitFrontMatter } from "../scripts/load/read-project.ts";
import { jsonSchemas, SCHEMA_KINDS, type SchemaKind } from "../scripts/validate/json-schema.ts";
import { formatProblem } from "../scripts/validate/problems.ts";
import { planModel } from "../scripts/action-plan/plan-model.ts";
import type { Plan } from "../scripts/validate/schema.ts";
import { validateProject } from "../scripts/validate/validate-project.ts";
import { makeProject, repoRoot } from "./project.ts";

const cli = path.join(repoRoot, "scripts/cli.ts");
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", cli, ...args], { cwd: repoRoot }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

async function problemsIn(root: string): Promise<string[]> {
  const { files, problems: read } = await readProject(root);
  const { problems } = validateProject(files);
  return [...read, ...problems].map(formatProblem);
}

const yamlOf = (text: string) => load(text, { schema: JSON_SCHEMA });

describe("npm run new", () => {
  let root: string;
  beforeAll(async () => {
    root = await makeProject({});
  });

  it("scaffolds, in an empty folder, a project of its own: settings, an organisation, a plan, a metric data file and a report page that validate as they are", async () => {
    const result = await run(["new", "acme-nhs-trust", "2025/26", "--root", root]);
    expect(result.stderr.replace(/npm warn.*\n/g, "")).toBe("");
    expect(result.code).toBe(0);
    const files = [
      "data/organisations/acme-nhs-trust.yaml",
      "data/plans/acme-nhs-trust/2025-26.yaml",
      "data/metrics/acme-nhs-trust/2025.yaml",
      "content/reports/acme-nhs-trust/2025-26.md",
    ];
    for (const f of [...files, "data/settings.yaml", ".gitignore", "README.md"]) expect(result.stdout).toContain(f);
    expect(await problemsIn(root)).toEqual([]);
    // No copy of the tool's reference data: the project holds only the trust's own files.
    expect(await readdir(path.join(root, "data"))).toEqual(["metrics", "organisations", "plans", "settings.yaml"]);
    const settings = yamlOf(await readFile(path.join(root, "data/settings.yaml"), "utf8")) as { publish_guide: boolean; accessibility: { prepared: string } };
    expect(settings.publish_guide).toBe(false);
    expect(settings.accessibility.prepared).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await readFile(path.join(root, ".gitignore"), "utf8")).toContain("_site/");
    expect(await readFile(path.join(root, "README.md"), "utf8")).toContain("npm run build -- --root <this folder>");
    expect(result.stdout).toContain(`npm run serve -- --root ${path.relative(repoRoot, root).startsWith("../..") ? root : path.relative(repoRoot, root)}`);

    const plan = yamlOf(await readFile(path.join(root, files[1]!), "utf8")) as Plan;
    expect(plan.period).toBe("2025/26");
    expect((yamlOf(await readFile(path.join(root, files[2]!), "utf8")) as { year: number }).year).toBe(2025);
  });

  it("says the files are a scaffold; validate (as build) refuses to publish them while a placeholder is left, each at its file:line:col with what to write", async () => {
    const scaffolded = await makeProject({});
    const made = await run(["new", "acme-nhs-trust", "2025/26", "--root", scaffolded]);
    expect(made.stdout).toContain('These files are a scaffold to fill in: they are valid, but build and validate refuse to publish them while any "Replace this" text');
    const before = await run(["validate", "--root", scaffolded]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("6 problems in 3 files; nothing was written.");
    expect(before.stderr).toContain(
      'data/organisations/acme-nhs-trust.yaml:28:10: "replace-this@example.org" is a placeholder written by npm run new, and it would be published as it is\n' +
        "    Fix: write the address readers should write to in its place, e.g. `email: equality@acme.nhs.uk`",
    );
    expect(before.stderr).toContain(
      'data/plans/acme-nhs-trust/2025-26.yaml:46:17: "Replace this with the lead\'s job title" is a placeholder written by npm run new, and it would be published as it is\n' +
        "    Fix: replace it with the lead's job title",
    );
    expect(before.stderr).toContain('content/reports/acme-nhs-trust/2025-26.md:27:1: "Replace this with your introduction, in Markdown" is a placeholder');
    // Filled in, the same files publish.
    for (const file of ["data/organisations/acme-nhs-trust.yaml", "data/plans/acme-nhs-trust/2025-26.yaml", "content/reports/acme-nhs-trust/2025-26.md"]) {
      const text = await readFile(path.join(scaffolded, file), "utf8");
      await writeFile(path.join(scaffolded, file), text.replace("replace-this@example.org", "equality@acme.nhs.uk").replace(/Replace this with/g, "Our"));
    }
    const after = await run(["validate", "--root", scaffolded]);
    expect(after.stderr).toBe("");
    expect(after.stdout).toContain("No problems: 1 organisation, 1 plan, 1 metric file, 1 report.");
  });

  it("starts each YAML file with a $schema line pointing at a schema that exists", async () => {
    for (const [file, kind] of [
      ["data/settings.yaml", "settings"],
      ["data/organisations/acme-nhs-trust.yaml", "organisation"],
      ["data/plans/acme-nhs-trust/2025-26.yaml", "plan"],
      ["data/metrics/acme-nhs-trust/2025.yaml", "metrics"],
    ] as const) {
      const first = (await readFile(path.join(root, file), "utf8")).split("\n")[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, file).not.toBeNull();
      expect(match![1]).toMatch(new RegExp(`/_site/schema/${kind}\\.schema\\.json$`));
      const schema = JSON.parse(await readFile(path.resolve(path.dirname(path.join(root, file)), match![1]!), "utf8")) as { title: string };
      expect(schema.title.toLowerCase()).toContain(kind === "metrics" ? "metric data" : kind === "plan" ? "action plan" : kind);
    }
  });

  it("explains the fields in comments", async () => {
    const plan = await readFile(path.join(root, "data/plans/acme-nhs-trust/2025-26.yaml"), "utf8");
    const lines = plan.split("\n");
    // Every field the author fills in has a comment on the line above it (or above its "- " item).
    const fields = lines.flatMap((line, i) => (/^\s*(- )?[a-z_]+:/.test(line) && !/^\s*(themes|actions):/.test(line) ? [i] : []));
    expect(fields.length).toBeGreaterThan(10);
    for (const i of fields) expect(lines[i - 1]!.trim().startsWith("#") || lines[i - 1]!.trim().startsWith("- #"), lines[i]).toBe(true);
  });

  it("refuses to overwrite, changes nothing and exits non-zero", async () => {
    const planFile = path.join(root, "data/plans/acme-nhs-trust/2025-26.yaml");
    const edited = (await readFile(planFile, "utf8")).replace("status: not started", "status: in progress");
    await writeFile(planFile, edited);
    const result = await run(["new", "acme-nhs-trust", "2025/26", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("already exist");
    expect(result.stderr).toContain("data/plans/acme-nhs-trust/2025-26.yaml");
    expect(await readFile(planFile, "utf8")).toBe(edited);
  });

  it("refuses a period that is not two years in a row, and a --from plan that does not exist", async () => {
    const bad = await run(["new", "acme-nhs-trust", "2025/27", "--root", root]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"2025/27" is not a period');
    const missing = await run(["new", "acme-nhs-trust", "2027/28", "--from", "2019/20", "--root", root]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("use one of this organisation's periods: 2025/26");
  });

  it("--from carries the themes and actions over with their statuses, and --json reports what it made", async () => {
    const planFile = path.join(root, "data/plans/acme-nhs-trust/2025-26.yaml");
    const text = await readFile(planFile, "utf8");
    // Last year's plan gains a second, finished action.
    await writeFile(planFile, `${text}      - id: "1.2"\n        action: Publish the panel guidance.\n        status: complete\n        due: 2025-09-30\n`);
    const result = await run(["new", "acme-nhs-trust", "2026/27", "--from", "2025/26", "--root", root, "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { created: string[]; kept: string[]; problems: unknown[] };
    expect(summary.created).toEqual(["data/plans/acme-nhs-trust/2026-27.yaml", "data/metrics/acme-nhs-trust/2026.yaml", "content/reports/acme-nhs-trust/2026-27.md"]);
    expect(summary.kept).toEqual(["data/organisations/acme-nhs-trust.yaml"]);
    expect(summary.problems).toEqual([]);

    const newText = await readFile(path.join(root, "data/plans/acme-nhs-trust/2026-27.yaml"), "utf8");
    expect(newText.startsWith("# yaml-language-server: $schema=../../../_site/schema/plan.schema.json\n")).toBe(true);
    const plan = yamlOf(newText) as Plan;
    expect(plan.period).toBe("2026/27");
    expect(plan.title).toBe("Acme NHS Trust WRES and WDES action plan 2026/27");
    const actions = planModel(plan).actions.map((a) => a.action);
    expect(actions.map((a) => [a.id, a.status, a.due])).toEqual([
      ["1.1", "in progress", "2026-03-31"],
      ["1.2", "complete", "2025-09-30"],
    ]);
    expect(newText).toContain('# Carried over from 2025/26 (status "in progress"). Update its status and progress for this year.');
    expect(newText).toContain('# Carried over from 2025/26 (status "complete"). Remove it if it is finished, or update it.');
    expect(await problemsIn(root)).toEqual([]);
  });
});

describe("JSON Schemas for editors", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  let validators: Record<SchemaKind, ReturnType<typeof ajv.compile>>;
  beforeAll(async () => {
    const { files } = await readProject(repoRoot);
    const { project } = validateProject(files);
    const schemas = jsonSchemas(project!.reference);
    validators = Object.fromEntries(SCHEMA_KINDS.map((k) => [k, ajv.compile(schemas[k])])) as typeof validators;
  });

  const errors = (kind: SchemaKind, value: unknown) => {
    const validate = validators[kind];
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  };

  it("accept every example file in the repository", async () => {
    const checked: string[] = [];
    for (const [dir, kind] of [
      ["data/organisations", "organisation"],
      ["data/plans", "plan"],
      ["data/metrics", "metrics"],
    ] as const) {
      for (const e of await readdir(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })) {
        if (!e.isFile() || !e.name.endsWith(".yaml")) continue;
        const file = path.join(e.parentPath, e.name);
        expect(errors(kind, yamlOf(await readFile(file, "utf8"))), file).toEqual([]);
        checked.push(file);
      }
    }
    for (const e of await readdir(path.join(repoRoot, "content/reports"), { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith(".md")) continue;
      const file = path.join(e.parentPath, e.name);
      const front = splitFrontMatter(await readFile(file, "utf8"))!;
      expect(errors("report", yamlOf(front.yaml) ?? {}), file).toEqual([]);
      checked.push(file);
    }
    expect(errors("settings", yamlOf(await readFile(path.join(repoRoot, "data/settings.yaml"), "utf8")))).toEqual([]);
    expect(errors("settings", { site_title: "Reports", suppression: { threshold: 10 } })).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(14);
  });

  it("refuse the mistakes an editor should flag: a misspelt field, an indicator that does not exist, an unknown status, a People Promise theme misworded", async () => {
    const plan = yamlOf(await readFile(path.join(repoRoot, "data/plans/example-nhs-trust/2024-25.yaml"), "utf8")) as Plan;
    const action = plan.themes![0]!.actions![0]! as Record<string, unknown>;
    const broken = (change: (a: Record<string, unknown>) => void) => {
      const copy = structuredClone(plan);
      change(copy.themes![0]!.actions![0]!);
      return errors("plan", copy).join("; ");
    };
    expect(action.status).toBe("complete");
    expect(broken((a) => ((a.stauts = a.status), delete a.status))).toContain("must NOT have additional properties");
    expect(broken((a) => (a.wres = [12]))).toContain("/themes/0/actions/0/wres/0 must be equal to one of the allowed values");
    expect(broken((a) => (a.status = "finished"))).toContain("/themes/0/actions/0/status must be equal to one of the allowed values");
    expect(broken((a) => (a.people_promise = ["We are kind"]))).toContain("people_promise/0 must be equal to one of the allowed values");
    expect(errors("metrics", { year: 2024, snapshot_date: "2024-03-31" })).toContain(" must have required property 'workforce'");
  });
});

describe("npm run serve", () => {
  let root: string;
  let server: ChildProcessByStdio<null, Readable, Readable> | undefined;
  let output = "";
  const planFile = () => path.join(root, "data/plans/acme-nhs-trust/2025-26.yaml");

  beforeAll(async () => {
    root = await makeProject({});
    expect((await run(["new", "acme-nhs-trust", "2025/26", "--root", root])).code).toBe(0);
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });

  /** GET as a browser navigates (the dev server adds its reload script only to page navigations; fetch() says it is not one). */
  const navigate = (url: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      get(url, { headers: { "sec-fetch-mode": "navigate" } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      }).on("error", reject);
    });

  /** Fetch `url` until `test` passes on its status and text, or fail after `ms`. */
  async function poll(url: string, test: (status: number, text: string) => boolean, ms = 15_000): Promise<string> {
    const deadline = Date.now() + ms;
    let last = "";
    while (Date.now() < deadline) {
      const response = await navigate(url);
      last = response.text;
      if (test(response.status, last)) return last;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`${url} did not change as expected within ${ms} ms; last response:\n${last.slice(0, 500)}\nserver output:\n${output}`);
  }

  it("serves the preview, rebuilds on a change, shows a problem on the page and recovers", { timeout: 60_000 }, async () => {
    server = spawn(process.execPath, ["--import", "tsx", cli, "serve", "--root", root, "--port", "0"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
      const look = () => {
        const m = /Serving the preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      server!.stdout.on("data", look);
      server!.once("exit", (code) => reject(new Error(`the server stopped (${code}):\n${output}`)));
    });
    const page = `${base}acme-nhs-trust/2025-26/`;

    const first = await poll(page, (status) => status === 200);
    expect(first).toContain("<h1>Acme NHS Trust WRES and WDES action plan 2025/26</h1>");
    expect(first).toContain("/.11ty/reload-client.js");
    // The published pages allow no script; the preview allows its own reload script.
    expect(first).toContain("script-src 'self'");
    expect(first).not.toContain("script-src 'none'");
    const schema = JSON.parse(await (await fetch(`${base}schema/plan.schema.json`)).text()) as { title: string };
    expect(schema.title).toContain("Action plan");

    const original = await readFile(planFile(), "utf8");
    await writeFile(planFile(), original.replace("title: Acme NHS Trust WRES and WDES action plan 2025/26", "title: Our plan for fairer recruitment 2025/26"));
    await poll(page, (status, text) => status === 200 && text.includes("<h1>Our plan for fairer recruitment 2025/26</h1>"));

    await writeFile(planFile(), `${original}stauts: done\n`);
    const problem = await poll(page, (status, text) => status === 500 && text.includes("Problems to fix"));
    expect(problem).toContain("data/plans/acme-nhs-trust/2025-26.yaml:");
    expect(problem).toContain("unknown field &quot;stauts&quot; in the plan");
    expect(output).toContain('unknown field "stauts" in the plan');

    await writeFile(planFile(), original);
    await poll(page, (status, text) => status === 200 && text.includes("<h1>Acme NHS Trust WRES and WDES action plan 2025/26</h1>"));
    expect(server.exitCode).toBeNull();
  });
});
