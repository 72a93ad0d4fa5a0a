/**
 * Group comparisons (scripts/compute/comparison.ts) and their funnel plots (scripts/charts) as the
 * site lays them out: a page per group and year, a page per group listing its years, and on each
 * member's report one line per compared indicator saying where it sits in each of its groups.
 * Pure: the templates only place what this module gives them.
 */
import type { ComparisonFigure } from "../charts/from-comparison.ts";
import type { TableModel } from "../charts/types.ts";
import { organisationsIn, positionSentence, type GroupComparison } from "../compute/comparison.ts";
import { byName } from "../compute/compare-groups.ts";
import type { GroupEntry, Project } from "../validate/validate-project.ts";
import type { GroupIndexView, GroupPageView } from "./site-types.ts";
import type { GroupPositionView } from "./indicator-view.ts";
import { hashOf } from "../cache/content-cache.ts";

export const groupUrl = (slug: string) => `/groups/${slug}/`;
export const groupPageUrl = (slug: string, year: number) => `/groups/${slug}/${year}/`;

const TYPE_NAMES: Record<GroupEntry["type"], string> = { region: "NHS region", ICB: "Integrated care board area", "peer group": "Peer group", other: "Group" };

function summaryTable(comparison: GroupComparison, context: string): TableModel {
  return {
    caption: `Each compared figure for ${context}: the group's figure, and the organisations outside the 99.8% limits`,
    head: ["Indicator", "Group figure", "Outside the 99.8% limits"],
    textColumns: [1],
    rows: comparison.indicators.map((c) => {
      const outside = c.members.filter((m) => m.position === "above 99.8" || m.position === "below 99.8");
      return {
        header: c.heading,
        cells: [
          c.pooled.display,
          c.notCompared ? "not compared" : outside.length === 0 ? "none" : outside.map((m) => `${m.name} (${m.position.startsWith("above") ? "above" : "below"})`).join(", "),
        ],
      };
    }),
  };
}

export interface GroupViews {
  groups: GroupIndexView[];
  groupPages: GroupPageView[];
}

/** The group pages and group index pages, from every comparison and its figures (by "<group>/<year>"). */
export function buildGroupViews(project: Project, comparisons: readonly GroupComparison[], figures: ReadonlyMap<string, ComparisonFigure[]>): GroupViews {
  const organisationName = new Map(project.organisations.map((o) => [o.slug, o.data.short_name ?? o.data.name]));
  const reportUrl = (organisation: string, year: number) => {
    const report = project.reports.find((r) => r.organisation === organisation && r.data.metrics_year === year);
    return report ? `/${report.organisation}/${report.slug}/` : `/${organisation}/`;
  };
  const yearsOf = (slug: string) => comparisons.filter((c) => c.group.slug === slug).map((c) => c.year);
  const groupPages = comparisons.map((comparison): GroupPageView => {
    const group = project.groups.find((g) => g.slug === comparison.group.slug)!;
    const { year } = comparison;
    const url = groupPageUrl(group.slug, year);
    const organisationsText = organisationsIn(comparison);
    const context = `${organisationsText}, ${year}`;
    const byIndicator = new Map((figures.get(`${group.slug}/${year}`) ?? []).map((f) => [f.slug, f]));
    return {
      key: `${group.slug}/${year}`,
      slug: group.slug,
      year,
      url,
      printUrl: `${url}print.html`,
      pdfUrl: `${url}${group.slug}-${year}.pdf`,
      name: group.name,
      shortName: group.shortName,
      description: group.description,
      groupUrl: groupUrl(group.slug),
      organisationsText,
      context,
      memberCount: comparison.memberCount,
      members: group.members.map((m) => ({ text: organisationName.get(m)!, href: reportUrl(m, year) })).sort((a, b) => byName(a.text, b.text)),
      summary: summaryTable(comparison, context),
      indicators: comparison.indicators.map((c) => {
        const figure = byIndicator.get(c.slug)!;
        return { anchor: c.slug, heading: c.heading, finding: c.finding, notes: figure.chart ? c.notes : [], chart: figure.chart, table: figure.table, csv: figure.csv, csvFileName: figure.csvFileName };
      }),
      otherYears: yearsOf(group.slug)
        .filter((y) => y !== year)
        .map((y) => ({ text: String(y), href: groupPageUrl(group.slug, y) })),
      pdf: undefined,
    };
  });
  const groups = project.groups
    .filter((g) => yearsOf(g.slug).length > 0)
    .map(
      (g): GroupIndexView => ({
        slug: g.slug,
        url: groupUrl(g.slug),
        name: g.name,
        shortName: g.shortName,
        typeName: TYPE_NAMES[g.type],
        description: g.description,
        members: g.members.map((m) => ({ text: organisationName.get(m)!, href: `/${m}/` })).sort((a, b) => byName(a.text, b.text)),
        years: yearsOf(g.slug).map((y) => ({ text: `Comparison for ${y}`, href: groupPageUrl(g.slug, y) })),
      }),
    );
  return { groups, groupPages };
}

/**
 * Where an organisation's figures sit in each of its groups for one year: by indicator slug
 * ("wres-2"), one line per group.
 */
export function groupPositions(comparisons: readonly GroupComparison[], organisation: string, year: number): Map<string, GroupPositionView[]> {
  const lines = new Map<string, GroupPositionView[]>();
  for (const comparison of comparisons.filter((c) => c.year === year)) {
    for (const indicator of comparison.indicators) {
      const member = indicator.members.find((m) => m.slug === organisation);
      if (!member) continue;
      lines.set(indicator.slug, [
        ...(lines.get(indicator.slug) ?? []),
        {
          group: comparison.group.shortName,
          href: `${groupPageUrl(comparison.group.slug, year)}#${indicator.slug}`,
          // How many were compared only where this one was: "(0 organisations compared): not compared" would say nothing twice.
          compared: ["not shown", "not available", "not compared"].includes(member.position) ? undefined : `${indicator.compared} organisations compared`,
          text: positionSentence(indicator, member),
        },
      ]);
    }
  }
  return lines;
}

/**
 * For each organisation in a group, a hash of the lines its reports show about its groups: what
 * its pages take from other organisations' figures (scripts/plan/inputs.ts, GROUP_PLACES).
 */
export function groupPlaces(project: Project, comparisons: readonly GroupComparison[]): Map<string, string> {
  const inGroups = new Set(project.groups.flatMap((g) => g.members));
  return new Map(
    [...inGroups].map((slug) => {
      const years = project.reports.filter((r) => r.organisation === slug && r.data.metrics_year !== undefined).map((r) => r.data.metrics_year!);
      return [slug, hashOf(JSON.stringify(years.map((year) => [year, [...groupPositions(comparisons, slug, year)]])))];
    }),
  );
}
