/**
 * The built website of the repository's own examples, parsed as HTML: one page per report,
 * the structure WCAG asks for, and cross links that land.
 */
import { readFile, readdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, loadAndValidate } from "../scripts/build.ts";
import { repoRoot } from "./project.ts";
import { parsePage } from "../scripts/check/structure.ts";

let out: string;
let reportKeys: string[];

async function page(url: string): Promise<Document> {
  const file = path.join(out, url, url.endsWith(".html") ? "" : "index.html");
  return parsePage(await readFile(file, "utf8"));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "site-test-")), "_site");
  await build({ outputDir: out, pdf: false, check: false });
  const project = await loadAndValidate(repoRoot);
  reportKeys = project.reports.map((r) => `${r.organisation}/${r.slug}`);
});

describe("the built site", () => {
  it("has a page for every report, linked from the home page and its organisation page", async () => {
    expect(reportKeys.length).toBeGreaterThanOrEqual(3);
    const home = await page("/");
    const homeLinks = [...home.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    for (const key of reportKeys) {
      // Site addresses are relative to the page, so that the site works in any folder of a web server.
      expect(homeLinks).toContain(`${key}/`);
      const doc = await page(`/${key}/`);
      expect(doc.querySelectorAll("h1")).toHaveLength(1);
      const org = await page(`/${key.split("/")[0]}/`);
      expect([...org.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain(`${key.split("/")[1]}/`);
    }
  });

  it("gives every page a unique title, a language, landmarks and no script", async () => {
    const titles = new Set<string>();
    for (const file of await htmlFiles(out)) {
      const document = parsePage(await readFile(file, "utf8"));
      if (document.querySelector("body.print")) continue;
      const title = document.querySelector("title")?.textContent ?? "";
      expect(titles.has(title), `${file}: title "${title}" is used twice`).toBe(false);
      titles.add(title);
      expect(document.documentElement.getAttribute("lang")).toBe("en-GB");
      expect(document.querySelectorAll("main#maincontent")).toHaveLength(1);
      expect(document.querySelector('a.nhsuk-skip-link[href="#maincontent"]')).not.toBeNull();
      expect(document.querySelectorAll("h1")).toHaveLength(1);
      expect(document.querySelectorAll("script")).toHaveLength(0);
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("script-src 'none'");
    }
  });

  it("keeps heading levels in order (no level skipped)", async () => {
    for (const key of reportKeys) {
      const doc = await page(`/${key}/`);
      const levels = [...doc.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")].map((h) => Number(h.tagName[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${key}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("lays out action plans as tables with captions, column headers and, where the plan numbers its actions, row headers", async () => {
    let numbered = 0;
    for (const key of reportKeys) {
      const doc = await page(`/${key}/`);
      const tables = [...doc.querySelectorAll("table.action-table")];
      expect(tables.length, key).toBeGreaterThan(0);
      for (const table of tables) {
        expect(table.querySelector("caption")?.textContent?.trim()).toMatch(/^Actions for /);
        for (const th of table.querySelectorAll("thead th")) expect(th.getAttribute("scope")).toBe("col");
        // A numbered plan's first column is its numbers, under whatever heading the plan gives it.
        if (!table.querySelector("thead th")?.classList.contains("action-table__id")) continue;
        numbered++;
        for (const row of table.querySelectorAll("tbody tr")) expect(row.querySelector("th")?.getAttribute("scope")).toBe("row");
      }
    }
    expect(numbered).toBeGreaterThan(5);
  });

  it("resolves every in-page link, and links each action to its indicators and back", async () => {
    for (const key of reportKeys) {
      const doc = await page(`/${key}/`);
      for (const a of doc.querySelectorAll('a[href^="#"]')) {
        const id = a.getAttribute("href")!.slice(1);
        expect(doc.getElementById(id), `${key}: link to #${id}`).not.toBeNull();
      }
    }
    // Theme 1 addresses WRES 1, 2 and 9 as a whole: the theme shows them once, and each links to the theme.
    const norfolk = await page("/norfolk-and-waveney-ccg/2021-22/");
    const theme = norfolk.getElementById("theme-1")!;
    expect([...theme.querySelectorAll(".action-theme__mapping a")].map((a) => a.getAttribute("href"))).toEqual(["#wres-1", "#wres-2", "#wres-9"]);
    const indicator = norfolk.getElementById("wres-1")!;
    expect([...indicator.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain("#theme-1");
  });

  it("shows an action's status in words with an icon, never colour alone", async () => {
    let tags = 0;
    for (const key of reportKeys) {
      const doc = await page(`/${key}/`);
      for (const tag of doc.querySelectorAll(".status-tag")) {
        tags++;
        // Lower case after a count in the progress line ("3 actions in progress"), as a label in the tables.
        expect(tag.textContent?.trim()).toMatch(/^(Not started|In progress|On-going|Delayed|Complete)$/i);
        // The icon is drawn by components.css from the status's icon class (checked in Chromium in check.test.ts).
        expect(tag.className).toMatch(/ status-tag--(circle|half-circle|loop|warning|tick)$/);
      }
    }
    expect(tags).toBeGreaterThan(0);
  });

  it("publishes an organisation's logo beside its name", async () => {
    const org = await page("/example-nhs-trust/");
    const logo = org.querySelector("img.organisation-logo")!;
    expect(logo.getAttribute("alt")).toBe("");
    expect(logo.nextElementSibling?.tagName).toBe("H1");
    const bytes = await readFile(path.join(out, "example-nhs-trust", logo.getAttribute("src")!));
    expect(bytes).toEqual(await readFile(path.join(repoRoot, "data/organisations/example-nhs-trust-logo.svg")));
  });

  it("makes no request outside the site", async () => {
    for (const file of await htmlFiles(out)) {
      const document = parsePage(await readFile(file, "utf8"));
      for (const el of document.querySelectorAll("[src], link[href]")) {
        const url = el.getAttribute("src") ?? el.getAttribute("href")!;
        // Relative to the page: no scheme, no host, not from the root of the web server.
        expect(url, file).toMatch(/^(?![a-z][a-z0-9+.-]*:|\/)/i);
      }
    }
    const css = await readFile(path.join(out, "assets/nhsuk-frontend.css"), "utf8");
    expect(css).not.toMatch(/https?:\/\//);
    // Its images relative to the stylesheet, which is in assets/.
    expect(css).toContain("url(images/nhsuk-icon-arrow-down.svg)");
    expect(css).not.toMatch(/url\(["']?\//);
    expect(css).not.toContain("@font-face");
  });
});
