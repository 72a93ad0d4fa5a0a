/**
 * Test helper: a throw-away project folder holding the files a test gives it, as an author's own
 * project would (the national reference data comes from the tool), so that tests run the real
 * loader and validator on real files.
 */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { emptyManifest } from "../scripts/plan/manifest.ts";
import { planBuild, type BuildPlan } from "../scripts/plan/plan-build.ts";
import type { Project } from "../scripts/validate/validate-project.ts";

export const repoRoot = path.resolve(import.meta.dirname, "..");

export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "equality-report-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

/** The plan of a first build (no previous site) without PDFs or checks: every report computed, unless `computeCache` holds it. */
export function firstBuildPlan(project: Project, computeCache: ReadonlySet<string> = new Set()): BuildPlan {
  return planBuild(project, { manifest: emptyManifest(), missing: new Set() }, { tool: "test", pdfs: false, checks: false, sourceDateEpoch: "", computeCache });
}
