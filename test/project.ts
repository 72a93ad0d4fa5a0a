/**
 * Test helper: a throw-away project folder holding the real reference data and the files a
 * test gives it, so that tests run the real loader and validator on real files.
 */
import { cp, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..");

export async function makeProject(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "equality-report-"));
  await cp(path.join(repoRoot, "data/reference"), path.join(root, "data/reference"), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}
