/**
 * Step 3, compute, for a project's groups: which comparisons there are (each group, for each year
 * one of its members' reports shows), and each of them from its members' published figures. Pure:
 * the members' figures come in through `recordOf`.
 */
import type { GroupEntry, Project } from "../validate/validate-project.ts";
import { compareGroup, type GroupComparison, type MemberRecord } from "./comparison.ts";

/** Names in alphabetical order ("Ashworth" before "Ashworth 2" before "Brackenfield"). */
export const byName = new Intl.Collator("en-GB", { numeric: true }).compare;

/** Each group with the years it is compared in, newest first. */
export function groupYears(project: Project): { group: GroupEntry; years: number[] }[] {
  return project.groups.map((group) => {
    const years = project.reports.filter((r) => group.members.includes(r.organisation) && r.data.metrics_year !== undefined).map((r) => r.data.metrics_year!);
    return { group, years: [...new Set(years)].sort((a, b) => b - a) };
  });
}

/** Every organisation and year whose figures some comparison needs (each once). */
export function membersNeeded(project: Project): { organisation: string; year: number }[] {
  const seen = new Set<string>();
  return groupYears(project).flatMap(({ group, years }) =>
    years.flatMap((year) =>
      group.members.flatMap((organisation) => {
        const key = `${organisation}/${year}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ organisation, year }];
      }),
    ),
  );
}

/** Every group's comparison for every year it is compared in. `recordOf` is undefined for an organisation with no data for the year. */
export function compareGroups(project: Project, recordOf: (organisation: string, year: number) => MemberRecord | undefined): GroupComparison[] {
  const names = new Map(project.organisations.map((o) => [o.slug, o.data.short_name ?? o.data.name]));
  const shortTitles: Record<string, string> = Object.fromEntries(
    (["wres", "wdes"] as const).flatMap((standard) => project.reference[standard].indicators.map((d): [string, string] => [`${standard}-${d.number}`, d.short_title])),
  );
  return groupYears(project).flatMap(({ group, years }) =>
    years.map((year) =>
      compareGroup({
        slug: group.slug,
        name: group.name,
        shortName: group.shortName,
        type: group.type,
        ethnicMinorityTerm: group.ethnicMinorityTerm,
        shortTitles,
        year,
        // In the order of their names, as every table and list of them reads.
        members: group.members.map((slug) => ({ slug, name: names.get(slug)!, record: recordOf(slug, year) })).sort((a, b) => byName(a.name, b.name)),
      }),
    ),
  );
}
