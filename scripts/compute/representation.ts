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
}

const bandLabel = (b: AfcBand) => (b === "vsm" ? "Very senior managers" : `Band ${b.slice(5)}`);

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

function bandRows(table: Partial<Record<AfcBand, GroupCounts>>, dimension: Dimension): RowInput[] {
  const rows =
    dimension === "ethnicity"
      ? AFC_BANDS.map((b) => ({ key: b, label: bandLabel(b), members: [table[b]] }))
      : CLUSTERS.map((c) => ({ key: c.key, label: c.label, members: c.bands.map((b) => table[b]) }));
  return rows.filter((r) => r.members.some((m) => m !== undefined));
}

interface TableInput {
  staffGroup: RepresentationTable["staffGroup"];
  caption: string;
  rows: RowInput[];
}

function tablesOf(m: Metrics, dimension: Dimension): TableInput[] {
  const by = dimension === "ethnicity" ? "AfC band" : "AfC cluster";
  const medical = MEDICAL_SUBGROUPS.filter((s) => m.workforce.medical?.[s]).map((s) => ({
    key: s,
    label: MEDICAL_LABELS[s],
    members: [m.workforce.medical?.[s]],
  }));
  const tables: TableInput[] = [
    { staffGroup: "non-clinical", caption: `Non-clinical staff by ${by}`, rows: bandRows(m.workforce.non_clinical, dimension) },
    { staffGroup: "clinical", caption: `Clinical staff (not medical and dental) by ${by}`, rows: bandRows(m.workforce.clinical, dimension) },
    { staffGroup: "medical and dental", caption: "Medical and dental staff by subgroup", rows: medical },
  ];
  return tables.filter((t) => t.rows.length > 0);
}

/** Cell values of one row: the three groups then the headcount. */
function rowValues(members: (GroupCounts | undefined)[], dimension: Dimension): number[] {
  const counts = groupsOf[dimension].map((g) => members.reduce((s, m) => s + (m?.[g as keyof GroupCounts] ?? 0), 0));
  return [...counts, counts.reduce((a, b) => a + b, 0)];
}

export function computeRepresentation(m: Metrics, dimension: Dimension, labels: Labels, threshold: number): RepresentationDetail {
  const tables = tablesOf(m, dimension);
  // Lay every row's four cells out in one flat array so one suppression pass covers all tables.
  const values: number[] = [];
  const place = (cells: number[]) => {
    const start = values.length;
    values.push(...cells);
    return cells.map((_, i) => start + i);
  };
  const sumOf = (rows: number[][]) => [0, 1, 2, 3].map((c) => rows.reduce((s, r) => s + r[c]!, 0));
  const laidOut = tables.map((t) => {
    const rows = t.rows.map((r) => rowValues(r.members, dimension));
    return { rows: rows.map(place), total: place(sumOf(rows)), totalValues: sumOf(rows) };
  });
  const overall = place(sumOf(laidOut.map((t) => t.totalValues)));

  const lines: number[][] = [];
  for (const t of laidOut) {
    for (const r of [...t.rows, t.total]) lines.push(r);
    for (const c of [0, 1, 2, 3]) lines.push([...t.rows.map((r) => r[c]!), t.total[c]!]);
  }
  lines.push(overall);
  for (const c of [0, 1, 2, 3]) lines.push([...laidOut.map((t) => t.total[c]!), overall[c]!]);
  const hidden = cellsToHide(values, lines, threshold);

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

  const overallRow = makeRow("overall", "Overall workforce", overall);
  return {
    tables: tables.map((t, i) => ({
      staffGroup: t.staffGroup,
      caption: t.caption,
      columns: groupsOf[dimension].map((g) => labels[g]),
      rows: t.rows.map((r, j) => makeRow(r.key, r.label, laidOut[i]!.rows[j]!)),
      total: makeRow("total", `All ${t.staffGroup} staff`, laidOut[i]!.total),
    })),
    overall: overallRow,
    undeclared: overallRow.cells[2]!.share,
  };
}
