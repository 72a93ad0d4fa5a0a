/**
 * The corpus of bad inputs (test/fixtures/bad/<case>/): each case is a minimal valid project
 * (test/fixtures/bad/_base/ plus the real reference data) with some files replaced, added or
 * deleted, and the exact problems the loader and validator must report for it: code,
 * file:line:column and the decisive part of the message. Cases named `accepted-*` must give none.
 *
 *   <case>/files/...   files written over the base project, byte for byte (BOMs, CRLF, Latin-1)
 *   <case>/case.json   { about, expect: [{ code, at, message }], delete?: [path], generate?: {...} }
 *
 * The last tests run the real command line on a few cases: exit code 1, the problems on stderr,
 * no stack trace, and nothing written.
 */
import { execFile } from "node:child_process";
import { cp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readProject, type ParsedTexts } from "../scripts/load/read-project.ts";
import { ParseCache } from "../scripts/cache/parse-cache.ts";
import { validateProject } from "../scripts/validate/validate-project.ts";
import { formatProblem, formatProblems, sortProblems, type Problem } from "../scripts/validate/problems.ts";
import { makeProject, repoRoot } from "./project.ts";

const fixtures = path.join(repoRoot, "test/fixtures/bad");

interface Expected {
  code: string;
  at: string; // file:line:column
  message: string; // a decisive part of the message (and fix), as formatProblem prints it
}

interface Case {
  about: string;
  expect: Expected[];
  delete?: string[];
  /** Files too big to keep in the repository: head + repeat x times. */
  generate?: Record<string, { head: string; repeat: string; times: number }>;
}

const caseNames = (await readdir(fixtures, { withFileTypes: true }))
  .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
  .map((e) => e.name)
  .sort();

async function readCase(name: string): Promise<Case> {
  return JSON.parse(await readFile(path.join(fixtures, name, "case.json"), "utf8")) as Case;
}

/** A real project folder: the base project, then the case's files, deletions and generated files. */
export async function projectFor(name: string): Promise<string> {
  const spec = await readCase(name);
  const root = await makeProject({});
  await cp(path.join(fixtures, "_base"), root, { recursive: true });
  await cp(path.join(fixtures, name, "files"), root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  for (const file of spec.delete ?? []) await rm(path.join(root, file));
  for (const [file, g] of Object.entries(spec.generate ?? {})) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), g.head + g.repeat.repeat(g.times));
  }
  return root;
}

async function problemsOf(root: string, cache?: ParsedTexts): Promise<Problem[]> {
  const { files, problems } = await readProject(root, cache);
  return sortProblems([...problems, ...validateProject(files).problems]);
}

const where = (p: Problem) => `${p.code} ${p.file}:${p.position.line}:${p.position.column}`;

describe("the bad-input corpus", () => {
  it("holds at least 60 bad inputs, each with its exact expected problems", async () => {
    const cases = await Promise.all(caseNames.map(readCase));
    const bad = cases.filter((c) => c.expect.length > 0);
    expect(bad.length).toBeGreaterThanOrEqual(60);
    for (const [i, c] of cases.entries()) expect(c.about, caseNames[i]).toBeTruthy();
  });

  it.each(caseNames)("%s", async (name) => {
    const spec = await readCase(name);
    const problems = await problemsOf(await projectFor(name));
    // Exactly these problems, no more (no doubles, no cascade), no fewer.
    expect(problems.map(where).sort()).toEqual(spec.expect.map((e) => `${e.code} ${e.at}`).sort());
    for (const e of spec.expect) {
      const texts = problems.filter((p) => where(p) === `${e.code} ${e.at}`).map((p) => `${formatProblem(p)}\n`);
      expect(texts.some((t) => t.includes(e.message)), `${e.at}: none of\n${texts.join("")}\ncontains\n${e.message}`).toBe(true);
    }
    for (const p of problems) {
      // Plain words for an author: no stack trace, no JavaScript error names, no "undefined".
      expect(formatProblem(p)).not.toMatch(/\n\s+at \S+ \(|Error\b|undefined|\[object /);
      expect(p.position.line).toBeGreaterThanOrEqual(1);
      expect(p.position.column).toBeGreaterThanOrEqual(1);
    }
  });

  it("reports every problem alike, in the same place, when the files' values come from the parse cache", async () => {
    let hits = 0;
    for (const name of caseNames) {
      const root = await projectFor(name);
      const file = path.join(root, ".cache/parsed.v8");
      const filling = await ParseCache.open(file, "test");
      const first = await problemsOf(root, filling);
      await filling.save();
      const cache = await ParseCache.open(file, "test");
      const counting: ParsedTexts = {
        get: (text, lineOffset) => {
          const value = cache.get(text, lineOffset);
          if (value !== undefined) hits++;
          return value;
        },
        set: (text, lineOffset, value) => cache.set(text, lineOffset, value),
      };
      expect((await problemsOf(root, counting)).map(formatProblem), name).toEqual(first.map(formatProblem));
    }
    // Every case's reference files at least, and most of its own files, came from the cache.
    expect(hits).toBeGreaterThan(caseNames.length * 5);
  }, 120_000);

  it("says which checks of a file wait for its problems to be fixed, once, after its last problem", async () => {
    const text = formatProblems(await problemsOf(await projectFor("all-at-once-across-steps")));
    const plan = "data/plans/acme/2023-24.yaml";
    expect(text).toContain(
      `${plan}:6:1: the YAML could not be read: tab characters must not be used in indentation\n    Fix: indent with spaces, never tabs (set your editor to insert spaces)\n` +
        `    Fix this first: 2 more checks of ${plan} could not run until it is fixed (its fields and values; its parts against each other and against the other files); then run validate again.`,
    );
    // A file whose checks all ran has no such line.
    expect(text.match(/Fix th(is|ese) first/g)).toHaveLength(1);
  });

  it("lets no __proto__ key reach Object.prototype", async () => {
    for (const name of caseNames.filter((n) => n.startsWith("proto-") || n === "merge-key")) await problemsOf(await projectFor(name));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

const run = promisify(execFile);
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");
const cli = path.join(repoRoot, "scripts/cli.ts");

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file under a folder with its bytes, to show that a failed command wrote nothing. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(root, f), (await readFile(f)).toString("base64")] as const)));
}

describe.concurrent("the command line on bad input", () => {
  // A few cases through the real command line (each is a process of its own, a few seconds); test/atomic.test.ts runs `build` on bad input.
  const cliCases = ["many-at-once", "all-at-once-across-steps", "billion-laughs", "encoding-latin1"];

  it.each(cliCases)("validate --root <%s>: exit 1, every problem on stderr, no stack trace, nothing written", async (name) => {
    const spec = await readCase(name);
    const root = await projectFor(name);
    const before = await snapshot(root);
    const { code, stdout, stderr } = await runCli(["validate", "--root", root]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const files = new Set(spec.expect.map((e) => e.at.replace(/:\d+:\d+$/, ""))).size;
    expect(stderr).toContain(`${spec.expect.length} problem${spec.expect.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; nothing was written.`);
    for (const e of spec.expect) expect(stderr).toContain(`${e.at}: `);
    expect(stderr).not.toMatch(/\n\s+at |unexpected error|Error:/);
    expect(await snapshot(root)).toEqual(before);
  });
});
