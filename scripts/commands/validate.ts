import { loadAndValidate } from "../build.ts";
import { projectRoot } from "../html/render-site.ts";
import type { Command } from "./command.ts";
import { counted } from "../words.ts";

export const validateCommand: Command = {
  name: "validate",
  summary: "check every YAML and Markdown file and list all problems; writes nothing",
  options: {},
  async run(values, _positionals, out) {
    const project = await loadAndValidate((values.root as string | undefined) ?? projectRoot);
    out.log(`No problems: ${counted(project.organisations.length, "organisation")}, ${counted(project.plans.length, "plan")}, ${counted(project.metrics.length, "metric file")}, ${counted(project.reports.length, "report")}.`);
    return 0;
  },
};
