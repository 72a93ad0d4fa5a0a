/**
 * Editions: one organisation's reports over the years. Each report says what changed in its
 * action plan since the previous edition (new actions, status changes, actions no longer in the
 * plan, overdue actions) and links to the earlier editions; the organisation page shows each
 * indicator across all editions.
 * Pure: works on the report views the site model has already built (so "overdue" and the status
 * labels mean exactly what the action tables show).
 */
import type { TableModel } from "../charts/types.ts";
import type { ActionChange, ActionView, EditionChanges, OrganisationView, ReportView, StatusView } from "./site-types.ts";

const statusText = (s: StatusView | undefined) => s?.label ?? "no status given";

/** The numbered actions of a report (rows that only say "See 4.3" are not actions of their own). */
function numberedActions(report: ReportView): ActionView[] {
  return report.plan.actions.filter((a) => a.id !== undefined && a.see === undefined);
}

/** What changed in the action plan from `previous` to `current`. */
export function editionChanges(previous: ReportView, current: ReportView): EditionChanges {
  const before = new Map(numberedActions(previous).map((a) => [a.id!, a]));
  const now = numberedActions(current);
  const nowIds = new Set(now.map((a) => a.id!));
  const counts = { added: 0, statusChanged: 0, removed: 0, overdue: 0, unchanged: 0 };
  const rows: ActionChange[] = [];

  for (const action of now) {
    const old = before.get(action.id!);
    const changes: string[] = [];
    if (!old) {
      counts.added++;
      changes.push(`New in ${current.period}.`);
    } else if (old.status?.key !== action.status?.key) {
      counts.statusChanged++;
      changes.push(`Status changed from ${statusText(old.status)} to ${statusText(action.status)}.`);
    }
    if (action.overdue) {
      counts.overdue++;
      changes.push(`Overdue: it was due by ${action.due!} and was not complete on ${current.plan.statusDate!}.`);
    }
    if (changes.length === 0) counts.unchanged++;
    else rows.push({ id: action.id!, href: action.anchor ? `#${action.anchor}` : undefined, changes });
  }
  for (const [id, old] of before) {
    if (nowIds.has(id)) continue;
    counts.removed++;
    rows.push({
      id,
      href: old.anchor ? `${previous.url}#${old.anchor}` : undefined,
      changes: [old.status?.key === "complete" ? "Completed, and no longer in the plan." : `No longer in the plan (its status was ${statusText(old.status)}).`],
    });
  }
  return { previous: { title: previous.title, period: previous.period, url: previous.url }, rows, counts };
}

/** "Race equality plan (2021/22)"; a title that already says its period ("... report 2025/26") is left as it is. */
export function titleWithPeriod(title: string, period: string): string {
  return title.includes(period) ? title : `${title} (${period})`;
}

const byPeriod = (a: ReportView, b: ReportView) => a.period.localeCompare(b.period);

/** Each report with the changes since its organisation's previous edition and links to the earlier ones. */
export function withEditions(reports: readonly ReportView[]): ReportView[] {
  return reports.map((report) => {
    const earlier = reports.filter((r) => r.organisation.slug === report.organisation.slug && r.period < report.period).sort(byPeriod);
    const previous = earlier.at(-1);
    return {
      ...report,
      changes: previous ? editionChanges(previous, report) : undefined,
      earlierEditions: earlier.reverse().map((r) => ({ title: titleWithPeriod(r.title, r.period), period: r.period, url: r.url })),
    };
  });
}

/**
 * One table per standard, once there are two editions with data: each indicator's headline figure in each edition. The unit
 * ("relative likelihood") is said once, in the row's header, so that each cell holds only its figure.
 */
export function indicatorTrends(reports: readonly ReportView[]): TableModel[] {
  const editions = reports.filter((r) => r.data !== undefined).sort(byPeriod);
  // One edition's figures are its report's own: the organisation page does not repeat them.
  if (editions.length < 2) return [];
  return (["WRES", "WDES"] as const).flatMap((standard) => {
    const rows = new Map<string, { name: string; unit: string | undefined; cells: string[] }>();
    editions.forEach((report, column) => {
      for (const indicator of report.indicators.filter((i) => i.standard === standard)) {
        for (const result of indicator.results) {
          const row = rows.get(result.slug) ?? { name: result.label, unit: undefined, cells: editions.map(() => "not in this edition") };
          row.unit ??= result.unit;
          // A survey figure is the autumn before the data year: its own year beside it, as everywhere else.
          row.cells[column] = result.surveyYear ? `${result.value} (${result.surveyYear} survey)` : result.value;
          rows.set(result.slug, row);
        }
      }
    });
    if (rows.size === 0) return [];
    return [
      {
        caption: `${standard} ${standard === "WRES" ? "indicators" : "metrics"} in each edition`,
        head: [standard === "WRES" ? "Indicator" : "Metric", ...editions.map((r) => `${r.period} (data ${r.data!.year})`)],
        rows: [...rows.values()].map((r) => ({ header: r.unit ? `${r.name} (${r.unit})` : r.name, cells: r.cells })),
      },
    ];
  });
}

/** Each organisation with its indicator trends across its editions. */
export function withTrends(organisations: readonly OrganisationView[], reports: readonly ReportView[]): OrganisationView[] {
  return organisations.map((o) => ({ ...o, trends: indicatorTrends(reports.filter((r) => r.organisation.slug === o.slug)) }));
}
