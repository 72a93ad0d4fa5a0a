/**
 * A region's comparison pages, built from a synthetic estate whose one outlier is known by
 * construction (scripts/bench/estate.ts: the 12th organisation, Marshfield, appoints White applicants
 * 1.6 times and BME applicants 0.4 times the usual rate, where the rest appoint 1.3 and 0.7 times):
 * the pages name exactly that organisation for WRES 2, its report says where it sits and links the
 * comparison, and an unchanged rebuild renders no comparison page again.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildSummary } from "../scripts/build.ts";
import { writeEstate } from "../scripts/bench/estate.ts";
import { launchBrowser } from "../scripts/pdf/browser.ts";
import { routeSite } from "../scripts/pdf/site-origin.ts";

const REGION = "northern-fells-synthetic";

describe("a region's comparison pages", () => {
  let root: string;
  let first: BuildSummary;
  const page = async (file: string) => parseHTML(await readFile(path.join(root, "_site", file), "utf8")).document;
  const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, " ").trim() ?? "";

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "region-"));
    await writeEstate(root, { orgs: 12, years: 1, seed: 5 });
    first = await build({ root, pdf: false, check: false, toolVersion: "test-tool" });
  }, 300_000);

  it("names the one organisation built to appoint differently, and no other, for WRES 2", async () => {
    const doc = await page(`groups/${REGION}/2024/index.html`);
    expect(text(doc.querySelector("h1"))).toBe("WRES and WDES comparison, 2024");
    const figure = doc.querySelector("#chart-wres-2")!;
    // The organisations on the plot: those whose reports show the figure (the estate's smallest hide some).
    const compared = [...figure.querySelectorAll(".data-table tbody tr")].filter((tr) => !text(tr).includes("not shown")).length;
    expect(compared).toBeGreaterThanOrEqual(10);
    const title = text(figure.querySelector(".chart-figure__title"));
    expect(title).toMatch(new RegExp(`^Marshfield \\(\\d\\.\\d\\d\\) is above the 99\\.8% limits; the other ${compared - 1} organisations are inside them\\.$`));
    const rows = [...doc.querySelectorAll("table")].find((t) => text(t.querySelector("caption")).startsWith("Each compared figure"))!;
    const summary = [...rows.querySelectorAll("tbody tr")].find((tr) => text(tr).startsWith("WRES 2: appointment from shortlisting"))!;
    expect(text(summary.querySelectorAll("td")[1]!)).toBe("Marshfield (above)");
    // The chart's table says the same of every organisation: Marshfield alone is outside the 99.8% limits.
    const column = [...figure.querySelectorAll(".data-table thead th")].findIndex((th) => text(th) === "Against the group's limits");
    const positions = [...figure.querySelectorAll(".data-table tbody tr")].map((tr) => ({ name: text(tr.querySelector("th")), position: text(tr.children[column] ?? null) }));
    expect(positions).toHaveLength(12);
    expect(positions.filter((p) => /^(above|below) the 99\.8% limit$/.test(p.position)).map((p) => p.name)).toEqual(["Marshfield"]);
  });

  // The estate's WRES 3 and WDES 3 have too few published figures for a plot, and many organisations' figures are hidden.
  for (const width of [1280, 320]) {
    it(`shows no column without a figure in any comparison table, and at ${width} px no column's name without one`, async () => {
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const urlOf = await routeSite(context, path.join(root, "_site"));
        const tab = await context.newPage();
        await tab.goto(urlOf(`groups/${REGION}/2024/index.html`));
        await tab.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const tables = await tab.locator("table").evaluateAll((all) =>
          all.map((table) => {
            const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
            const cells = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children] as HTMLElement[]);
            return {
              caption: table.querySelector("caption")!.textContent.slice(0, 40),
              // Columns whose every body cell shows nothing.
              empty: heads.filter((_, i) => cells.every((row) => row[i]!.innerText.trim() === "")),
              // Cells on screen that show their column's name (a phone's stacked row) and nothing after it.
              bareLabels: cells.flat().filter((td) => td.innerText.trim() === "" && !["none", "normal"].includes(getComputedStyle(td, "::before").content)).length,
            };
          }),
        );
        expect(tables.length).toBe(10);
        expect(tables.filter((t) => t.empty.length > 0 || t.bareLabels > 0)).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);
  }

  it("says on each member's report where it sits, linked to the comparison", async () => {
    const outlier = await page("synthetic-012/2024-25/index.html");
    const line = text(outlier.querySelector("#chart-wres-2")?.parentElement?.querySelector(".group-position li") ?? null);
    expect(line).toMatch(/^In Northern Fells \(\d+ organisations compared\): above the 99.8% limit, so higher than the group by more than chance explains\.$/);
    const link = outlier.querySelector(`.group-position a[href*="groups/${REGION}/2024/#wres-2"]`);
    expect(link).not.toBeNull();
    // A figure hidden in the report is not compared, and the line says so without a gap before its colon.
    const lines = [...outlier.querySelectorAll(".group-position li")].map(text);
    expect(lines).toContain("In Northern Fells: not compared, because this figure is not shown.");
    const other = await page("synthetic-001/2024-25/index.html");
    expect([...other.querySelectorAll(".group-position li")].map(text).some((l) => l.includes("within the expected range"))).toBe(true);
  });

  it("lists the group on the home page and on its own index of years", async () => {
    const home = await page("index.html");
    expect(home.querySelector(`a[href*="groups/${REGION}/"]`)).not.toBeNull();
    const index = await page(`groups/${REGION}/index.html`);
    expect(index.querySelector(`a[href*="2024/"]`)).not.toBeNull();
  });

  it("renders no comparison page again when nothing changed", async () => {
    expect(first.rendered).toContain(`group:${REGION}/2024`);
    const again = await build({ root, pdf: false, check: false, toolVersion: "test-tool" });
    expect(again.rendered.filter((r) => r.startsWith("group"))).toEqual([]);
  }, 300_000);
});
