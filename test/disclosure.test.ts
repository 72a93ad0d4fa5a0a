/**
 * Disclosure control end to end: a real build of a small organisation whose hidden counts are
 * distinctive numbers, then every CSV byte and every word a reader can meet in the HTML (text, and
 * the attributes read aloud or shown: aria-label, title, alt) is searched for them. The chart
 * geometry (path data, coordinates) is left out of the search: it holds no figure as text.
 */
import { readdir, readFile, cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { repoRoot } from "./project.ts";

// Threshold 50, so hidden counts can be numbers no page uses for anything else.
const row = (white: number, bme: number, eu: number, disabled: number, nd: number, du: number) =>
  `{ white: ${white}, bme: ${bme}, ethnicity_unknown: ${eu}, disabled: ${disabled}, non_disabled: ${nd}, disability_unknown: ${du} }`;
const METRICS = `year: 2024
snapshot_date: 2024-03-31
workforce:
  non_clinical:
    band_5: ${row(613, 47, 71, 52, 640, 39)}
    band_6: ${row(509, 88, 66, 93, 515, 55)}
    band_8c: ${row(23, 0, 0, 0, 23, 0)}
    vsm: ${row(6, 0, 0, 0, 6, 0)}
  clinical:
    band_5: ${row(700, 210, 60, 80, 830, 60)}
recruitment:
  shortlisted: ${row(700, 230, 61, 120, 810, 61)}
  appointed: ${row(210, 43, 58, 57, 196, 58)}
`;

// Hidden because small: 47 and 39 (band 5), 23 (band 8c), 43 (BME appointed); 6 (VSM) is left out of
// the search, as a digit that common appears in every page. Hidden so that 47 cannot be worked out
// from band 5's headcount: 71, the smallest other cell of its row.
const HIDDEN = ["47", "71", "39", "23", "43"];

let out: string;

async function files(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));
}

/** Everything a reader can meet in a page: its text and the attributes read aloud or shown. */
function readable(html: string): string {
  const document = parsePage(html);
  const attributes = [...document.querySelectorAll("[aria-label], [title], [alt], meta[content]")].flatMap((el) =>
    ["aria-label", "title", "alt", "content"].map((a) => el.getAttribute(a) ?? ""),
  );
  return [document.documentElement.textContent ?? "", ...attributes].join("\n");
}

const token = (n: string) => new RegExp(`(?<![\\d.])${n}(?![\\d]|\\.\\d)`);

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "disclosure-"));
  await cp(path.join(repoRoot, "test/fixtures/bad/_base"), root, { recursive: true });
  await writeFile(path.join(root, "data/metrics/acme/2024.yaml"), METRICS);
  await writeFile(path.join(root, "data/settings.yaml"), "suppression:\n  threshold: 50\n");
  await writeFile(path.join(root, "data/organisations/acme.yaml"), "name: Acme NHS Trust\ntype: trust\ncontact:\n  email: equality@acme.example\n");
  out = path.join(root, "_site");
  await build({ root, outputDir: out, pdf: false, check: false, quiet: true });
}, 120_000);

describe("disclosure control in the built site", () => {
  it("writes no hidden count in any CSV file or anything a reader can meet in a page", async () => {
    const csvs = await files(out, ".csv");
    const pages = (await files(out, ".html")).filter((f) => f.includes(`${path.sep}acme${path.sep}`));
    expect(csvs.length).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(0);
    for (const file of [...csvs, ...pages]) {
      const text = file.endsWith(".csv") ? await readFile(file, "utf8") : readable(await readFile(file, "utf8"));
      for (const n of HIDDEN) expect(token(n).test(text), `${n} in ${path.relative(out, file)}`).toBe(false);
    }
  });

  it("hides a zero in a row whose total is hidden, as 'fewer than 50', in the table and its CSV", async () => {
    // Band 8c (23 White, nobody else) and VSM (6 White): "fewer than 50 | fewer than 50 | 0 | 0"
    // would say that every one of them is White; WDES cluster 8c-9 and VSM likewise non-disabled.
    const report = (await files(out, ".html")).find((f) => f.endsWith(path.join("acme", "2023-24", "index.html")))!;
    const document = parsePage(await readFile(report, "utf8"));
    // The workforce tables' rows: a headcount and three groups.
    const rows = [...document.querySelectorAll("tr")].filter(
      (tr) => tr.querySelectorAll("td").length === 4 && /^(Band 8c|Very senior managers|Bands 8c-9 and VSM)$/.test(tr.querySelector("th")?.textContent?.trim() ?? ""),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const tr of rows) {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent.trim());
      expect(cells, tr.textContent).toEqual(cells.map(() => "fewer than 50"));
    }
    for (const csv of await files(out, ".csv")) {
      for (const line of (await readFile(csv, "utf8")).split("\r\n").filter((l) => /^(Band 8c|Very senior managers|Bands 8c-9 and VSM),/.test(l))) {
        expect(line.split(",").slice(1), `${path.basename(csv)}: ${line}`).not.toContain("0");
      }
    }
  });
});
