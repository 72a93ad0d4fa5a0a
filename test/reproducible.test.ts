/**
 * Reproducible builds: the same input built twice, into different output folders and from
 * different copies of the project (so no cache is shared), gives byte-identical files: HTML, SVG
 * and CSV always, and PDFs when SOURCE_DATE_EPOCH is set. A third build from the first copy takes
 * its PDF from the cache and must give the same bytes too.
 */
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildSummary } from "../scripts/build.ts";
import { makeProject, repoRoot } from "./project.ts";

async function hashes(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const pairs = await Promise.all(files.map(async (f) => [path.relative(dir, f), createHash("sha256").update(await readFile(f)).digest("hex")] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => a.localeCompare(b)));
}

async function copyOfProject(from: string, parts: readonly string[]): Promise<string> {
  const root = await makeProject({});
  for (const part of parts) await cp(path.join(from, part), path.join(root, part), { recursive: true });
  return root;
}

const epoch = process.env.SOURCE_DATE_EPOCH;
beforeAll(() => {
  process.env.SOURCE_DATE_EPOCH = "1717200000"; // 2024-06-01
});
afterAll(() => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

describe("reproducible builds", () => {
  it("gives byte-identical HTML, SVG and CSV for the repository's examples built twice", async () => {
    const outputs = [];
    for (let i = 0; i < 2; i++) {
      const root = await copyOfProject(repoRoot, ["data/settings.yaml", "data/organisations", "data/plans", "data/metrics", "content/reports"]);
      const out = path.join(await mkdtemp(path.join(tmpdir(), "reproducible-")), `site-${i}`);
      await build({ root, outputDir: out, pdf: false, check: false, quiet: true });
      outputs.push(await hashes(out));
    }
    const [first, second] = outputs as [Record<string, string>, Record<string, string>];
    const kinds = (h: Record<string, string>, ext: string) => Object.keys(h).filter((f) => f.endsWith(ext));
    expect(kinds(first, ".html").length).toBeGreaterThan(5);
    expect(kinds(first, ".csv").length).toBeGreaterThan(5);
    expect(kinds(first, ".svg").length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it("gives byte-identical PDFs with SOURCE_DATE_EPOCH set, printed twice and taken from the cache", async () => {
    const fixture = path.join(repoRoot, "test/fixtures/bad/_base");
    const runs: { files: Record<string, string>; summary: BuildSummary }[] = [];
    const roots = [await copyOfProject(fixture, ["data", "content"]), await copyOfProject(fixture, ["data", "content"])];
    for (const root of [...roots, roots[0]!]) {
      const out = path.join(await mkdtemp(path.join(tmpdir(), "reproducible-pdf-")), "_site");
      const summary = await build({ root, outputDir: out, pdf: true, check: false, quiet: true });
      runs.push({ files: await hashes(out), summary });
    }
    const [a, b, cached] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    expect(a.summary.pdfs).toBe(1);
    expect([a.summary.pdfsPrinted, b.summary.pdfsPrinted, cached.summary.pdfsPrinted]).toEqual([1, 1, 0]);
    const pdf = Object.keys(a.files).find((f) => f.endsWith(".pdf"))!;
    expect(pdf).toBeDefined();
    expect(b.files[pdf]).toBe(a.files[pdf]);
    expect(b.files).toEqual(a.files);
    expect(cached.files).toEqual(a.files);
  });
});
