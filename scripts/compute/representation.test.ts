import { describe, expect, it } from "vitest";
import { Metrics } from "../validate/metrics-schema.ts";
import { groupLabels } from "./groups.ts";
import { computeRepresentation, isMostlyHidden } from "./representation.ts";
import type { RepresentationRow, RepresentationTable } from "./types.ts";

const row = (white: number, bme: number, unknown: number) => ({ white, bme, ethnicity_unknown: unknown, disabled: 0, non_disabled: white + bme, disability_unknown: unknown });
const metrics = (nonClinical: Record<string, ReturnType<typeof row>>) =>
  Metrics.parse({ year: 2024, snapshot_date: "2024-03-31", workforce: { non_clinical: nonClinical, clinical: {} } });
const wres = (nonClinical: Record<string, ReturnType<typeof row>>) => computeRepresentation(metrics(nonClinical), "ethnicity", groupLabels("BME"), 10);

// The example trust's non-clinical staff: 9 of the 13 bands have a BME share hidden. Band 1's BME
// count (12) is hidden only because its unknown count (2) is small: Bands 1-4 less Bands 2, 3 and 4
// (122 - 48 - 40 - 22) would give it away, and then 60 - 46 - 12 the 2.
const EXAMPLE = {
  band_1: row(46, 12, 2), band_2: row(248, 48, 14), band_3: row(228, 40, 12), band_4: row(157, 22, 11),
  band_5: row(96, 14, 10), band_6: row(79, 9, 2), band_7: row(62, 7, 1), band_8a: row(40, 4, 1),
  band_8b: row(23, 2, 0), band_8c: row(11, 1, 0), band_8d: row(8, 0, 0), band_9: row(4, 0, 0), vsm: row(6, 1, 0),
};

/** The WDES clusters as NHS England publishes them, written out here rather than taken from the code. */
const PUBLISHED: Record<string, string[]> = {
  "Bands 1-4": ["Band 1", "Band 2", "Band 3", "Band 4"],
  "Bands 5-7": ["Band 5", "Band 6", "Band 7"],
  "Bands 8a-8b": ["Band 8a", "Band 8b"],
  "Bands 8c-9 and VSM": ["Band 8c", "Band 8d", "Band 9", "Very senior managers"],
};

const cellsOf = (r: RepresentationRow) => [...r.cells.map((c) => c.count), r.headcount];

/** Every sum a reader can form from the published figures: rows, bands within a cluster, clusters within the total. */
function lines(table: RepresentationTable) {
  const out = [...table.rows, table.total, ...(table.clusters ?? [])].map(cellsOf);
  for (const c of [0, 1, 2, 3]) {
    out.push([...table.rows, table.total].map((r) => cellsOf(r)[c]!));
    if (!table.clusters) continue;
    out.push([...table.clusters, table.total].map((r) => cellsOf(r)[c]!));
    for (const cluster of table.clusters) {
      const bands = table.rows.filter((r) => PUBLISHED[cluster.label]!.includes(r.label));
      out.push([...bands, cluster].map((r) => cellsOf(r)[c]!));
    }
  }
  return out;
}

describe("clusters for a chart whose bands are mostly hidden", () => {
  const table = wres(EXAMPLE).tables[0]!;

  it("groups a WRES table of bands into the published clusters, from the raw counts", () => {
    expect(table.clusters!.map((c) => c.label)).toEqual(Object.keys(PUBLISHED));
    const bands14 = table.clusters![0]!;
    // 46+248+228+157 White, 12+48+40+22 BME, 2+14+12+11 unknown.
    expect(cellsOf(bands14).map((f) => f.display)).toEqual(["679", "122", "39", "840"]);
    expect(bands14.cells[1]!.share.display).toBe("14.5%");
    // The table keeps every band.
    expect(table.rows).toHaveLength(13);
  });

  it("never lets a cluster, or a cluster less the bands shown, reveal a hidden band", () => {
    const band = (label: string) => table.rows.find((r) => r.label === label)!;
    expect(band("Band 1").cells[1]!.count.display).toBe("not shown");
    // Bands 1-4's BME count is shown, so one more of its bands' BME counts is hidden with Band 1's.
    expect(table.clusters![0]!.cells[1]!.count.display).toBe("122");
    expect(band("Band 4").cells[1]!.count.display).toBe("not shown");
    // Every sum a reader can form has no hidden cell, or at least two.
    for (const line of lines(table)) expect(line.filter((f) => f.status === "suppressed").length).not.toBe(1);
  });

  it("hides other cells before a cluster's own bar when a small count needs a partner", () => {
    // Bands 5-7: 30 BME of 280 is its bar; the unknown count (13) is hidden to protect Bands 8a-8b's,
    // and the row needs a second hidden cell: the White count goes, not the bar.
    const bands57 = table.clusters![1]!;
    expect([bands57.cells[1]!.share.display, bands57.headcount.display]).toEqual(["10.7%", "280"]);
    expect(bands57.cells[0]!.count.display).toBe("not shown");
  });

  it("leaves a table alone, bands only, when no more than half of its bands are hidden", () => {
    const few = wres({ band_1: EXAMPLE.band_1, band_2: EXAMPLE.band_2, band_3: EXAMPLE.band_3, band_4: EXAMPLE.band_4, band_5: EXAMPLE.band_5, band_6: EXAMPLE.band_6 });
    expect(few.tables[0]!.rows.filter((r) => r.cells[1]!.share.status === "suppressed")).toHaveLength(2);
    expect(few.tables[0]!.clusters).toBeUndefined();
    // Without the clusters' sums, Band 4's BME count needs no hiding.
    expect(few.tables[0]!.rows[3]!.cells[1]!.count.display).toBe("22");
  });

  it("never regroups WDES (already clusters) or medical subgroups", () => {
    const m = Metrics.parse({
      year: 2024,
      snapshot_date: "2024-03-31",
      workforce: { non_clinical: EXAMPLE, clinical: {}, medical: { consultants: row(5, 3, 1), trainee_grades: row(40, 30, 2) } },
    });
    const wdes = computeRepresentation(m, "disability", groupLabels("BME"), 10);
    expect(wdes.tables.every((t) => t.clusters === undefined)).toBe(true);
    const medical = computeRepresentation(m, "ethnicity", groupLabels("BME"), 10).tables.find((t) => t.staffGroup === "medical and dental")!;
    expect(medical.clusters).toBeUndefined();
  });

  it("counts a band as hidden by its focus group's share: more than half, not half", () => {
    const r = (status: "shown" | "suppressed"): RepresentationRow => ({
      key: "b",
      label: "b",
      headcount: { value: 20, display: "20", status: "shown" },
      cells: ["white", "bme", "ethnicity_unknown"].map((group) => ({
        group: group as "white",
        count: { value: null, display: "x", status },
        share: { value: null, display: "x", status },
      })),
    });
    expect(isMostlyHidden([r("suppressed"), r("shown")])).toBe(false);
    expect(isMostlyHidden([r("suppressed"), r("suppressed"), r("shown")])).toBe(true);
  });
});
