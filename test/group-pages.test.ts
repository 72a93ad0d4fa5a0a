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
    const summary = [...rows.querySelectorAll("tbody tr")].find((tr) => text(tr).startsWith("WRES indicator 2"))!;
    expect(text(summary.querySelectorAll("td")[1]!)).toBe("Marshfield (above)");
    // The chart's table says the same of every organisation: Marshfield alone is outside the 99.8% limits.
    const positions = [...figure.querySelectorAll(".data-table tbody tr")].map((tr) => ({ name: text(tr.querySelector("th")), position: text(tr.querySelectorAll("td")[5] ?? null) }));
    expect(positions).toHaveLength(12);
    expect(positions.filter((p) => /^(above|below) the 99\.8% limit$/.test(p.position)).map((p) => p.name)).toEqual(["Marshfield"]);
  });

  it("says on each member's report where it sits, linked to the comparison", async () => {
    const outlier = await page("synthetic-012/2024-25/index.html");
    const line = text(outlier.querySelector("#chart-wres-2")?.parentElement?.querySelector(".group-position li") ?? null);
    expect(line).toMatch(/^In Northern Fells \(\d+ organisations compared\): above the 99.8% limit, so higher than the group by more than chance explains\.$/);
    const link = outlier.querySelector(`.group-position a[href*="groups/${REGION}/2024/#wres-2"]`);
    expect(link).not.toBeNull();
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
