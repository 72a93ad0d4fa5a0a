/**
 * A build's plan said for a person (`npm run build -- --explain`): what would be built and why,
 * what would be kept from the previous site. Pure.
 */
import type { BuildPlan, OrganisationPlan, ReportPlan } from "./plan-build.ts";
import { counted as plural } from "../words.ts";

/** At most `max` names, then how many more. */
const some = (names: readonly string[], max = 8) => (names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`);

function report(r: ReportPlan): string {
  const period = r.key.slice(r.key.indexOf("/") + 1);
  if (!r.compute) return `    ${period}: no metric data, so no figures to compute`;
  return r.compute.action === "reuse" ? `    ${period}: figures from the compute cache` : `    ${period}: figures computed (${r.compute.reasons.join("; ")})`;
}

function organisation(o: OrganisationPlan): string[] {
  if (o.action === "keep") return [`  Keep ${o.slug} as it is in the previous site: ${o.reasons.join("; ")}`];
  return [`  Build ${o.slug}: ${o.reasons.join("; ")}`, ...o.reports.map(report)];
}

export function formatPlan(plan: BuildPlan, outputDir: string): string {
  const built = plan.organisations.filter((o) => o.action === "build");
  // Organisations kept because nothing changed are listed together; every other decision has its own line.
  const unchanged = plan.organisations.filter((o) => o.action === "keep" && o.outdated.length === 0);
  const reports = built.flatMap((o) => o.reports);
  const computed = reports.filter((r) => r.compute?.action === "compute").length;
  const reused = reports.filter((r) => r.compute?.action === "reuse").length;
  return [
    `A build ${plan.pdfs ? "with" : "without"} PDFs and ${plan.checks ? "with" : "without"} checks${plan.only ? `, of ${plan.only} only` : ""}, against the previous site in ${outputDir}:`,
    "",
    ...plan.organisations.filter((o) => o.action === "build" || o.outdated.length > 0).flatMap(organisation),
    ...(unchanged.length > 0 ? [`  Keep ${plural(unchanged.length, "organisation")} as in the previous site, nothing they are made from having changed: ${some(unchanged.map((o) => o.slug))}`] : []),
    "",
    `${plural(built.length, "organisation")} to build, ${plural(plan.organisations.length - built.length, "organisation")} kept; figures of ${plural(computed, "report")} to compute, ${reused} from the compute cache.`,
    built.length === 0
      ? "Nothing to render or print: every file would be linked from the previous site."
      : `Of the organisations built, only the pages whose content changes are rendered again${plan.pdfs ? ", and only the PDFs whose print page changes are printed again (the others come from the PDF cache)" : ""}.`,
  ].join("\n");
}
