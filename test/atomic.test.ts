/**
 * Atomic output: a build that fails (bad input, Chromium missing, a write failing half way) or is
 * killed mid-build (SIGTERM, SIGKILL) leaves the previous _site/ byte for byte as it was. A normal
 * failure leaves no `_site.building-*` temporary behind; after SIGKILL the next build removes it.
 * Builds run as real command-line processes on real project folders.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { writeAtomically } from "../scripts/swap/write-atomically.ts";
import { makeProject, repoRoot } from "./project.ts";

const cli = path.join(repoRoot, "scripts/cli.ts");

/** Every file under a folder with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const hashes = await Promise.all(files.map(async (f) => [path.relative(dir, f), createHash("sha256").update(await readFile(f)).digest("hex")] as const));
  return Object.fromEntries(hashes.sort(([a], [b]) => a.localeCompare(b)));
}

const temporaries = async (root: string) => (await readdir(root)).filter((name) => name.startsWith("_site.building-"));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Run `cli build` in a project; if `kill` is given, send it as soon as the build's temporary folder
 * exists (the build is then writing the new site).
 */
function runBuild(root: string, args: string[], options: { env?: NodeJS.ProcessEnv; kill?: NodeJS.Signals } = {}): Promise<Run & { killedWhileWriting: boolean }> {
  return new Promise((resolve, reject) => {
    // One process, no runner in between: `tsx cli.ts` would relay the signal to a child of its own and
    // SIGKILL it if it did not exit within 30 ms, so the exit status would depend on the machine's load.
    const child = spawn(process.execPath, ["--import", "tsx", cli, "build", "--root", root, "--quiet", ...args], { cwd: repoRoot, env: { ...process.env, ...options.env } });
    let stderr = "";
    let killedWhileWriting = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = options.kill
      ? setInterval(() => {
          void temporaries(root).then((found) => {
            if (found.length > 0 && !killedWhileWriting && child.exitCode === null) {
              killedWhileWriting = true;
              child.kill(options.kill);
            }
          });
        }, 5)
      : undefined;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr, killedWhileWriting });
    });
  }).then((r) => r as Run & { killedWhileWriting: boolean });
}

let base: Record<string, string>;
/** What the cold build of the base project said. */
const coldLog: string[] = [];

async function builtProject(): Promise<{ root: string; before: Record<string, string> }> {
  const root = await makeProject({});
  await cp(path.join(repoRoot, "test/fixtures/bad/_base"), root, { recursive: true });
  await cp(base.__site!, path.join(root, "_site"), { recursive: true });
  return { root, before: await snapshot(path.join(root, "_site")) };
}

beforeAll(async () => {
  // One real build of the base project; each test starts from a copy of its _site/.
  const root = await makeProject({});
  await cp(path.join(repoRoot, "test/fixtures/bad/_base"), root, { recursive: true });
  await build({ root, outputDir: path.join(root, "_site"), pdf: false, check: false, quiet: true, log: (line) => coldLog.push(line) });
  base = { __site: path.join(root, "_site") };
  expect(Object.keys(await snapshot(base.__site!)).length).toBeGreaterThan(5);
});

describe("a cold build's summary", () => {
  it("counts in the right number and says nothing of reuse, there being no previous site", () => {
    const summary = coldLog.filter((l) => !l.startsWith("Time by step"));
    expect(summary).toEqual(["Rendered 5 pages; 5 pages, 11 CSV files written; 0 PDFs."]);
  });
});

describe.concurrent("a failed build keeps the previous site", () => {
  it("bad input: exit 1, _site/ unchanged, no temporary folder", async () => {
    const { root, before } = await builtProject();
    await writeFile(path.join(root, "data/plans/acme/2023-24.yaml"), "title: [\n");
    const run = await runBuild(root, ["--no-pdf", "--no-check"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nothing was written");
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await temporaries(root)).toEqual([]);
  });

  it("Chromium missing (CHROMIUM_PATH points nowhere): exit 1 with the reason, _site/ unchanged, no temporary folder", async () => {
    const { root, before } = await builtProject();
    await writeFile(path.join(root, "content/reports/acme/2023-24.md"), (await readFile(path.join(root, "content/reports/acme/2023-24.md"), "utf8")).replace("Hello.", "Hello again."));
    const run = await runBuild(root, ["--no-check"], { env: { CHROMIUM_PATH: path.join(root, "no-such-chromium") } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no-such-chromium");
    // Our plain message and fix, then what the system said (the error is kept as its cause).
    expect(run.stderr).toContain(`    Cause: ENOENT: no such file or directory, access '${path.join(root, "no-such-chromium")}'`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await temporaries(root)).toEqual([]);
  });

  it("Chromium that does not start (CHROMIUM_PATH names another program): exit 1 with our message and fix, then Chromium's own words as the cause", async () => {
    const { root, before } = await builtProject();
    await writeFile(path.join(root, "content/reports/acme/2023-24.md"), (await readFile(path.join(root, "content/reports/acme/2023-24.md"), "utf8")).replace("Hello.", "Hello again."));
    const run = await runBuild(root, ["--no-check"], { env: { CHROMIUM_PATH: "/bin/false" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Chromium at \/bin\/false did not start: browserType\.launch: .*\n {4}Fix: check that the program runs/m);
    // Playwright's launch log, as Playwright wrote it, indented under "Cause:", without terminal colour codes.
    expect(run.stderr).toMatch(/\n {4}Cause: browserType\.launch: [^\n]*\n(?: {8}.*\n|\n)*? {8}.*<process did exit: exitCode=1/);
    expect(run.stderr).not.toContain("\u001b[");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await temporaries(root)).toEqual([]);
  });

  it("a write failing half way (disk full): the error passes through, _site/ unchanged, the temporary folder removed", async () => {
    const { root, before } = await builtProject();
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    await expect(
      writeAtomically(path.join(root, "_site"), async (dir) => {
        await mkdir(path.join(dir, "acme"), { recursive: true });
        await writeFile(path.join(dir, "index.html"), "<p>half a site</p>");
        expect(await temporaries(root)).toHaveLength(1);
        throw full;
      }),
    ).rejects.toBe(full);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await temporaries(root)).toEqual([]);
  });

  it("SIGTERM while writing: _site/ unchanged, the temporary folder removed", async () => {
    const { root, before } = await builtProject();
    const run = await runBuild(root, ["--no-pdf", "--no-check"], { kill: "SIGTERM" });
    expect(run.killedWhileWriting).toBe(true);
    // The build removes its temporary folder, even while its own writes are failing under it, and exits with 128 + 15.
    expect(run).toMatchObject({ code: 143, signal: null, stderr: "" });
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await temporaries(root)).toEqual([]);
  });

  it("SIGKILL while writing: _site/ unchanged; the next build removes the leftover temporary folder", async () => {
    const { root, before } = await builtProject();
    const run = await runBuild(root, ["--no-pdf", "--no-check"], { kill: "SIGKILL" });
    expect(run.killedWhileWriting).toBe(true);
    expect(run.signal === "SIGKILL" || run.code === 137).toBe(true);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    // A process killed outright cannot clean up: its temporary folder may still be there.
    const next = await runBuild(root, ["--no-pdf", "--no-check"]);
    expect(next.code).toBe(0);
    expect(await temporaries(root)).toEqual([]);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
  });
});

describe("stale temporaries", () => {
  it("puts the previous site back if a build was killed between its two renames", async () => {
    const { root, before } = await builtProject();
    // What a build killed after `rename(_site, temp.old)` leaves: no _site/, the old site in `.old`.
    const { rename } = await import("node:fs/promises");
    await rename(path.join(root, "_site"), path.join(root, "_site.building-999999999-abc.old"));
    await writeAtomically(path.join(root, "_site"), async (dir) => {
      expect(await snapshot(path.join(root, "_site"))).toEqual(before);
      await writeFile(path.join(dir, "index.html"), "new");
    });
    expect(await temporaries(root)).toEqual([]);
  });

  it("removes a dead build's temporary folder and keeps a running build's", async () => {
    const { root } = await builtProject();
    const dead = path.join(root, "_site.building-999999999-dead");
    const running = path.join(root, `_site.building-${process.pid}-running`);
    await mkdir(path.join(dead, "acme"), { recursive: true });
    await mkdir(running);
    await writeAtomically(path.join(root, "_site"), (dir) => writeFile(path.join(dir, "index.html"), "new"));
    expect(await temporaries(root)).toEqual([path.basename(running)]);
  });
});
