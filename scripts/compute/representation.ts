/**
 * WRES indicator 1 and WDES metric 1: the workforce by AfC band (WRES) or cluster (WDES) and
 * medical subgroup, clinical and non-clinical, with each group's share of each row. All the
 * tables are suppressed together, because the overall workforce row ties them to each other.
 */
import { AFC_BANDS, MEDICAL_SUBGROUPS, type AfcBand, type GroupCounts, type Metrics } from "../validate/metrics-schema.ts";
import { countShown, notAvailable, revealsSmallCount, shown, withheld } from "./figures.ts";
import { groupsOf, type Dimension, type Labels } from "./groups.ts";
import { cellsToHide, countFigure } from "./suppress.ts";
import type { Figure, RepresentationDetail, RepresentationRow, RepresentationTable } from "./types.ts";

interface RowInput {
  key: string;
  label: string;
  members: (GroupCounts | undefined)[];
  /** A cluster: the bands it adds up (in a WRES table, its parts among the band rows). */
  bands?: readonly AfcBand[];
}

const bandLabel = (b: AfcBand) => (b === "vsm" ? "Very senior managers" : `Band ${b.slice(5)}`);

/** The WDES clusters of AfC bands, as NHS England publishes them. */
const CLUSTERS: { key: string; label: string; bands: AfcBand[] }[] = [
  { key: "cluster_1_4", label: "Bands 1-4", bands: ["band_1", "band_2", "band_3", "band_4"] },
  { key: "cluster_5_7", label: "Bands 5-7", bands: ["band_5", "band_6", "band_7"] },
  { key: "cluster_8a_8b", label: "Bands 8a-8b", bands: ["band_8a", "band_8b"] },
  { key: "cluster_8c_vsm", label: "Bands 8c-9 and VSM", bands: ["band_8c", "band_8d", "band_9", "vsm"] },
];

const MEDICAL_LABELS: Record<(typeof MEDICAL_SUBGROUPS)[number], string> = {
  consultants: "Consultants",
  non_consultant_career_grades: "Non-consultant career grades",
  trainee_grades: "Trainee grades",
  other_medical: "Other medical and dental staff",
};

type BandTable = Partial<Record<AfcBand, GroupCounts>>;

const present = (rows: RowInput[]) => rows.filter((r) => r.members.some((m) => m !== undefined));

const clusterRows = (table: BandTable): RowInput[] =>
  present(CLUSTERS.map((c) => ({ key: c.key, label: c.label, members: c.bands.map((b) => table[b]), bands: c.bands })));

function bandRows(table: BandTable, dimension: Dimension): RowInput[] {
  return dimension === "ethnicity" ? present(AFC_BANDS.map((b) => ({ key: b, label: bandLabel(b), members: [table[b]] }))) : clusterRows(table);
}

interface TableInput {
  staffGroup: RepresentationTable["staffGroup"];
  caption: string;
  rows: RowInput[];
  /** A WRES table of bands: its bands' counts, from which its clusters are made if its chart needs them. */
  bands?: BandTable;
}

const bandsOf = (table: BandTable, dimension: Dimension) => (dimension === "ethnicity" ? { bands: table } : {});

function tablesOf(m: Metrics, dimension: Dimension): TableInput[] {
  const by = dimension === "ethnicity" ? "AfC band" : "AfC cluster";
  const medical = MEDICAL_SUBGROUPS.filter((s) => m.workforce.medical?.[s]).map((s) => ({
    key: s,
    label: MEDICAL_LABELS[s],
    members: [m.workforce.medical?.[s]],
  }));
  const tables: TableInput[] = [
    { staffGroup: "non-clinical", caption: `Non-clinical staff by ${by}`, rows: bandRows(m.workforce.non_clinical, dimension), ...bandsOf(m.workforce.non_clinical, dimension) },
    { staffGroup: "clinical", caption: `Clinical staff (not medical and dental) by ${by}`, rows: bandRows(m.workforce.clinical, dimension), ...bandsOf(m.workforce.clinical, dimension) },
    { staffGroup: "medical and dental", caption: "Medical and dental staff by subgroup", rows: medical },
  ];
  return tables.filter((t) => t.rows.length > 0);
}

/** Cell values of one row: the three groups then the headcount. */
function rowValues(members: (GroupCounts | undefined)[], dimension: Dimension): number[] {
  const counts = groupsOf[dimension].map((g) => members.reduce((s, m) => s + (m?.[g as keyof GroupCounts] ?? 0), 0));
  return [...counts, counts.reduce((a, b) => a + b, 0)];
}

/**
 * A WRES table's chart draws the WDES clusters instead of its bands when the focus group's share
 * is hidden in more than half of its bands: a few bars among many "fewer than 10" notes show no
 * pattern (docs/decisions.md). The table keeps every band.
 */
export function isMostlyHidden(rows: readonly RepresentationRow[]): boolean {
  return 2 * rows.filter((row) => row.cells[1]!.share.status === "suppressed").length > rows.length;
}

/**
 * Every table's rows (and the clusters of the tables in `clustered`) suppressed together, in one
 * pass of cellsToHide: a cluster is the sum of its bands, and the clusters add up to the table's
 * total, so a cluster, or a cluster less its bands shown, could otherwise reveal a hidden band.
 */
function suppressTables(tables: TableInput[], clustered: ReadonlySet<number>, dimension: Dimension, threshold: number) {
  // Lay every row's four cells out in one flat array so one suppression pass covers all tables.
  const values: number[] = [];
  const place = (cells: number[]) => {
    const start = values.length;
    values.push(...cells);
    return cells.map((_, i) => start + i);
  };
  const sumOf = (rows: number[][]) => [0, 1, 2, 3].map((c) => rows.reduce((s, r) => s + r[c]!, 0));
  const columnLines = (parts: number[][], total: number[]) => [0, 1, 2, 3].map((c) => [...parts.map((r) => r[c]!), total[c]!]);
  const lines: number[][] = [];
  // A cluster's focus-group count and headcount are its bar: other cells are hidden to protect a
  // small one first, where one will do.
  const keep = new Set<number>();
  const laidOut = tables.map((t, i) => {
    const rows = t.rows.map((r) => rowValues(r.members, dimension));
    const ids = rows.map(place);
    const total = place(sumOf(rows));
    for (const r of [...ids, total]) lines.push(r);
    lines.push(...columnLines(ids, total));
    const clusters = clustered.has(i) && t.bands ? clusterRows(t.bands) : undefined;
    const clusterIds = clusters?.map((c) => {
      const id = place(rowValues(c.members, dimension));
      keep.add(id[1]!).add(id[3]!);
      lines.push(id, ...columnLines(ids.filter((_, j) => c.bands!.includes(t.rows[j]!.key as AfcBand)), id));
      return id;
    });
    if (clusterIds) lines.push(...columnLines(clusterIds, total));
    return { rows: ids, total, totalValues: sumOf(rows), clusters, clusterIds };
  });
  const overall = place(sumOf(laidOut.map((t) => t.totalValues)));
  lines.push(overall, ...columnLines(laidOut.map((t) => t.total), overall));
  const hidden = cellsToHide(values, lines, threshold, keep);

  const figure = (id: number): Figure =>
    hidden[id] ? countFigure(values[id]!, threshold, revealsSmallCount(threshold)) : countShown(values[id]!);
  const makeRow = (key: string, label: string, ids: number[]): RepresentationRow => {
    const headcountId = ids[3]!;
    return {
      key,
      label,
      headcount: figure(headcountId),
      cells: groupsOf[dimension].map((group, c) => {
        const id = ids[c]!;
        const count = figure(id);
        let share: Figure;
        // A group's share reads as its count does, so one cell has one label in the table of
        // counts and in the chart: "fewer than 10" for a small group (or a zero hidden beside a
        // small total), "not shown" for one hidden to protect another or beside a hidden headcount.
        if (hidden[id]) share = count;
        else if (hidden[headcountId]) share = withheld(revealsSmallCount(threshold));
        else if (values[headcountId] === 0) share = notAvailable("there are no staff in this group");
        else share = shown((100 * values[id]!) / values[headcountId]!, "%");
        return { group, count, share };
      }),
    };
  };
  return {
    tables: laidOut.map((t, i) => ({
      rows: tables[i]!.rows.map((r, j) => makeRow(r.key, r.label, t.rows[j]!)),
      total: makeRow("total", `All ${tables[i]!.staffGroup} staff`, t.total),
      clusters: t.clusters?.map((c, j) => makeRow(c.key, c.label, t.clusterIds![j]!)),
    })),
    overall: makeRow("overall", "Overall workforce", overall),
  };
}

export function computeRepresentation(m: Metrics, dimension: Dimension, labels: Labels, threshold: number): RepresentationDetail {
  const tables = tablesOf(m, dimension);
  const bandsOnly = suppressTables(tables, new Set(), dimension, threshold);
  // The clusters are published beside the bands only where a chart needs them: each published
  // sum ties more cells together and can hide more of the bands.
  const clustered = new Set(tables.flatMap((t, i) => (t.bands && isMostlyHidden(bandsOnly.tables[i]!.rows) ? [i] : [])));
  const result = clustered.size === 0 ? bandsOnly : suppressTables(tables, clustered, dimension, threshold);
  return {
    tables: tables.map((t, i) => {
      const { rows, total, clusters } = result.tables[i]!;
      return {
        staffGroup: t.staffGroup,
        caption: t.caption,
        columns: groupsOf[dimension].map((g) => labels[g]),
        rows,
        total,
        ...(clusters ? { clusters } : {}),
      };
    }),
    overall: result.overall,
    undeclared: result.overall.cells[2]!.share,
  };
}
