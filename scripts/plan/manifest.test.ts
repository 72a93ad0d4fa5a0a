/**
 * The previous site as the plan sees it, read from a real folder: which of the files its manifest
 * names are gone (each folder is listed once rather than each file looked up).
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyManifest, readPreviousSite, writeManifest, type Manifest } from "./manifest.ts";

const output = (...files: string[]) => ({ key: files[0]!, files });

const manifest: Manifest = {
  ...emptyManifest(),
  organisations: {
    acme: {
      inputs: {},
      page: output("acme/index.html"),
      reports: {
        "acme/2024-25": { web: output("acme/2024-25/index.html", "acme/2024-25/wres-1.csv"), print: output("acme/2024-25/print.html"), pdf: output("acme/2024-25/report.pdf") },
      },
    },
    other: { inputs: {}, page: output("other/index.html"), reports: { "other/2024-25": { web: output("other/2024-25/index.html"), print: output("other/2024-25/print.html"), pdf: undefined } } },
  },
  site: output("index.html"),
  statement: undefined,
};

async function siteWith(files: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "site-"));
  await writeManifest(dir, manifest);
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), "x");
  }
  return dir;
}

describe("readPreviousSite", () => {
  it("finds nothing missing when every file is there", async () => {
    const dir = await siteWith(["index.html", "acme/index.html", "acme/2024-25/index.html", "acme/2024-25/wres-1.csv", "acme/2024-25/print.html", "acme/2024-25/report.pdf", "other/index.html", "other/2024-25/index.html", "other/2024-25/print.html"]);
    const previous = await readPreviousSite(dir);
    expect(previous.manifest).toEqual(manifest);
    expect([...previous.missing]).toEqual([]);
  });

  it("names each file gone: one of a folder, a whole folder, one at the top", async () => {
    const dir = await siteWith(["acme/index.html", "acme/2024-25/index.html", "acme/2024-25/print.html", "acme/2024-25/report.pdf", "other/index.html"]);
    const previous = await readPreviousSite(dir);
    expect([...previous.missing].sort()).toEqual(["acme/2024-25/wres-1.csv", "index.html", "other/2024-25/index.html", "other/2024-25/print.html"]);
  });

  it("reads no previous site from a folder that does not exist", async () => {
    const previous = await readPreviousSite(path.join(tmpdir(), "no-such-site-folder"));
    expect(previous.manifest).toEqual(emptyManifest());
    expect([...previous.missing]).toEqual([]);
  });
});
