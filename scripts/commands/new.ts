import path from "node:path";
import { projectRoot } from "../html/render-site.ts";
import { planScaffold, writeEditorSchemas, writeScaffold } from "../scaffold/scaffold.ts";
import { formatProblems } from "../validate/problems.ts";
import type { Command } from "./command.ts";

export const newCommand: Command = {
  name: "new",
  summary: "start a new edition: the organisation (if new), a plan, a metric data file and a report page, each field explained",
  usage: "<organisation> <period> [--from <period>] [--metrics-year <year> | --no-metrics]",
  help: [
    "<organisation>     the organisation's folder name, e.g. acme-nhs-trust",
    "<period>           the plan's period, e.g. 2025/26",
    "--from <period>    carry the themes and actions over from that period's plan, statuses kept",
    "--metrics-year <y> the year of the metric data file (default: the year the period starts)",
    "--no-metrics       no metric data file",
  ],
  options: { from: { type: "string" }, "metrics-year": { type: "string" }, "no-metrics": { type: "boolean", default: false } },
  async run(values, positionals, out) {
    const root = path.resolve((values.root as string | undefined) ?? projectRoot);
    const [organisation, period] = positionals;
    if (organisation === undefined || period === undefined) {
      out.error(`Usage: npm run new -- ${this.usage}\nFor example: npm run new -- acme-nhs-trust 2025/26`);
      return 2;
    }
    const yearText = values["metrics-year"] as string | undefined;
    if (yearText !== undefined && !/^\d{4}$/.test(yearText)) {
      out.error(`--metrics-year must be a year such as 2025, not "${yearText}".`);
      return 2;
    }
    const result = await planScaffold({
      root,
      organisation,
      period,
      metricsYear: values["no-metrics"] === true ? false : yearText !== undefined ? Number(yearText) : undefined,
      from: values.from as string | undefined,
    });
    if (!result.ok) {
      if (out.json) process.stdout.write(`${JSON.stringify({ created: [], error: result.error, problems: result.problems })}\n`);
      if (result.problems.length) out.error(formatProblems(result.problems).replace("; nothing was written.", "."));
      out.error(`${result.error.message}\n    Fix: ${result.error.fix}`);
      return 1;
    }
    await writeScaffold(root, result.files);
    const problems = await writeEditorSchemas(root);
    if (out.json) {
      process.stdout.write(`${JSON.stringify({ created: result.files.map((f) => f.file), kept: result.skipped, problems })}\n`);
      return problems.length ? 1 : 0;
    }
    out.log(`Created:\n${result.files.map((f) => `  ${f.file}`).join("\n")}`);
    if (result.skipped.length) out.log(`Kept as they are (they exist already):\n${result.skipped.map((f) => `  ${f}`).join("\n")}`);
    if (problems.length) {
      out.error(formatProblems(problems).replace("; nothing was written.", "."));
      return 1;
    }
    // The project folder as the author would type it in the tool's folder: relative when it is near, else in full.
    const near = path.relative(projectRoot, root);
    const rootOption = root === projectRoot ? "" : ` -- --root ${near.startsWith(`..${path.sep}..`) ? root : near}`;
    out.log(
      `These files are a scaffold to fill in: they are valid, but build and validate refuse to publish them while any "Replace this" text or the address replace-this@example.org is left. Replace those, then preview with: npm run serve${rootOption}`,
    );
    return 0;
  },
};
