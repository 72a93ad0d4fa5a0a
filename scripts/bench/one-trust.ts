/**
 * One trust's own site, as a communications team builds it: the repository's Example NHS Trust
 * alone (its organisation file and logo, its plan, its metric files and report page) in a project
 * folder of its own with the settings `npm run new` writes (the guide not published), built cold
 * with PDFs and checks (no cache, no previous site), then again after one edit to its plan (an
 * action's status). DESIGN.md section 11:
 * under 15 s cold, under 5 s after the edit.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "../build.ts";
import { projectRoot } from "../html/render-site.ts";
import { settingsFile } from "../scaffold/files.ts";

const TRUST = "example-nhs-trust";
const PLAN = `data/plans/${TRUST}/2024-25.yaml`;

export interface OneTrustBuild {
  seconds: number;
  pdfsPrinted: number;
  steps: Record<string, number>;
}

export interface OneTrustResults {
  dir: string;
  cold: OneTrustBuild;
  /** After the first action marked complete in the plan is marked in progress. */
  edited: OneTrustBuild & { rendered: string[] };
}

/** The trust's files copied from this repository into `dir`, with a new project's settings. */
async function writeOneTrust(dir: string): Promise<void> {
  const parts = [`data/organisations/${TRUST}.yaml`, `data/organisations/${TRUST}-logo.svg`, `data/plans/${TRUST}`, `data/metrics/${TRUST}`, `content/reports/${TRUST}`];
  for (const part of parts.filter((p) => existsSync(path.join(projectRoot, p)))) await cp(path.join(projectRoot, part), path.join(dir, part), { recursive: true });
  await writeFile(path.join(dir, "data/settings.yaml"), settingsFile("2026-11-30", "../_site/schema/settings.schema.json"));
}

export async function benchOneTrust(toolVersion: string, log: (line: string) => void): Promise<OneTrustResults> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-one-trust-"));
  await writeOneTrust(dir);
  log(`One trust's site, cold, with PDFs and checks (${dir})...`);
  const cold = await build({ root: dir, quiet: true, toolVersion });
  const plan = path.join(dir, PLAN);
  const text = await readFile(plan, "utf8");
  if (!/status: complete\b/.test(text)) throw new Error(`${PLAN} has no action marked complete for the benchmark to change`);
  await writeFile(plan, text.replace(/status: complete\b/, "status: in progress"));
  log("One trust's site again, after one status changed in its plan...");
  const edited = await build({ root: dir, quiet: true, toolVersion });
  const figures = (b: typeof cold) => ({ seconds: Math.round(b.seconds * 100) / 100, pdfsPrinted: b.pdfsPrinted, steps: b.steps });
  return { dir, cold: figures(cold), edited: { ...figures(edited), rendered: edited.rendered } };
}
