import { loadAndValidate } from "../build.ts";
import { projectRoot } from "../html/render-site.ts";
import type { Command } from "./command.ts";

export const validateCommand: Command = {
  name: "validate",
  summary: "check every YAML and Markdown file and list all problems; writes nothing",
  options: {},
  async run(values, _positionals, out) {
    const project = await loadAndValidate((values.root as string | undefined) ?? projectRoot);
    out.log(`No problems: ${project.organisations.length} organisations, ${project.plans.length} plans, ${project.metrics.length} metric files, ${project.reports.length} reports.`);
    return 0;
  },
};
