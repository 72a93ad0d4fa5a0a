/**
 * Group comparisons through caches, for the build: every group's comparison for every year, from
 * its members' figures, and its funnel plots.
 *
 * The figures the group comparisons need from each member organisation and year (MemberRecord,
 * scripts/compute/comparison.ts), kept between builds in one small file, `.cache/members.json`,
 * under the compute key of what they are made from (scripts/plan/inputs.ts, computeKey): the
 * organisation's file, its metric files up to the year, the settings, the reference data and the
 * tool. A changed input gives a new key, so a stale record is never found.
 *
 * A record comes from this build's own computed report for that year when there is one, else from
 * the file, else it is computed here (figures only, no charts: a few milliseconds). So a build that
 * keeps most organisations as they were still compares every group without computing their reports.
 */
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { memberRecord, organisationsIn, type GroupComparison, type MemberRecord } from "../compute/comparison.ts";
import { compareGroups, membersNeeded } from "../compute/compare-groups.ts";
import { buildComparisonFigures, type ComparisonFigure } from "../charts/from-comparison.ts";
import { hashOf, type JsonCache } from "./content-cache.ts";
import { computeReportIndicators } from "../compute/indicators.ts";
import type { ReportIndicators } from "../compute/types.ts";
import { computeInput, computeKey, type ProjectHashes } from "../plan/inputs.ts";
import type { Project } from "../validate/validate-project.ts";

export class MemberRecordCache {
  private readonly used = new Map<string, MemberRecord>();

  private constructor(
    readonly file: string,
    private readonly stored: Readonly<Record<string, MemberRecord>>,
  ) {}

  static async open(file: string): Promise<MemberRecordCache> {
    try {
      return new MemberRecordCache(file, JSON.parse(await readFile(file, "utf8")) as Record<string, MemberRecord>);
    } catch (error) {
      // None yet, or cut short: every record is made again.
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || error instanceof SyntaxError) return new MemberRecordCache(file, {});
      throw error;
    }
  }

  /**
   * Every record the project's comparisons need, by "<organisation>/<year>" (none for a year the
   * organisation has no metric file for). `computed` holds this build's report figures by compute key.
   */
  records(project: Project, hashes: ProjectHashes, tool: string, computed: ReadonlyMap<string, ReportIndicators> = new Map()): Map<string, MemberRecord> {
    const records = new Map<string, MemberRecord>();
    for (const { organisation, year } of membersNeeded(project)) {
      if (!hashes.metrics.get(organisation)?.has(year)) continue;
      const key = computeKey(hashes, organisation, year, tool);
      const known = computed.get(key);
      const record = this.used.get(key) ?? (known ? memberRecord(known) : this.stored[key]) ?? memberRecord(computeReportIndicators(computeInput(project, organisation, year)));
      this.used.set(key, record);
      records.set(`${organisation}/${year}`, record);
    }
    return records;
  }

  /** Keep the records this build used, and no others (a temporary file renamed into place). */
  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.partial`;
    await writeFile(temp, JSON.stringify(Object.fromEntries(this.used)));
    await rename(temp, this.file);
  }
}

/** Every group's comparison for every year it is compared in, its members' figures from `members` (see MemberRecordCache.records). */
export function compareProjectGroups(project: Project, hashes: ProjectHashes, tool: string, members: MemberRecordCache, computed?: ReadonlyMap<string, ReportIndicators>): GroupComparison[] {
  const records = members.records(project, hashes, tool, computed);
  return compareGroups(project, (organisation, year) => records.get(`${organisation}/${year}`));
}

/**
 * Each comparison's funnel plots, tables and CSV files, by "<group>/<year>": from the cache when the
 * comparison is as it was (the key is a hash of the whole comparison and the tool), else drawn.
 */
export async function comparisonFigures(comparisons: readonly GroupComparison[], tool: string, cache: JsonCache): Promise<Map<string, ComparisonFigure[]>> {
  const figures = new Map<string, ComparisonFigure[]>();
  for (const comparison of comparisons) {
    const key = hashOf("group figures", tool, JSON.stringify(comparison));
    let entry = await cache.get<ComparisonFigure[]>(key);
    if (!entry) {
      entry = await buildComparisonFigures(comparison, `${organisationsIn(comparison)}, ${comparison.year}`);
      await cache.put(key, entry);
    }
    figures.set(`${comparison.group.slug}/${comparison.year}`, entry);
  }
  return figures;
}
