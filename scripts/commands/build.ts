import path from "node:path";
import { build, explainBuild, type BuildOptions } from "../build.ts";
import { formatPlan } from "../plan/explain.ts";
import { projectRoot } from "../html/render-site.ts";
import type { Command } from "./command.ts";
import { counted } from "../words.ts";

export const buildCommand: Command = {
  name: "build",
  summary: "validate every file, then write the website, charts, CSV files and PDFs to _site/",
  usage: "[--only <organisation>[/<period>]] [--no-pdf] [--no-check] [--explain]",
  help: [
    "--only <org>/<period>  build one organisation's pages and PDFs (the report named, and the rest of its",
    "                   reports); every other organisation's files stay as they were in the previous site",
    "--no-pdf           skip the PDFs (a quicker preview of the web pages)",
    "--no-check         skip the accessibility, HTML, link and PDF checks",
    "--explain          say what a build would make again and why, and write nothing (also --dry-run)",
  ],
  options: {
    only: { type: "string" },
    "no-pdf": { type: "boolean", default: false },
    "no-check": { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
  async run(values, _positionals, out) {
    const options: BuildOptions = {
      root: values.root as string | undefined,
      outputDir: values.out as string | undefined,
      log: out.log,
      quiet: out.quiet,
      pdf: values["no-pdf"] !== true,
      check: values["no-check"] !== true,
      ...(typeof values.only === "string" ? { only: values.only } : {}),
    };
    if (values.explain === true || values["dry-run"] === true) {
      const plan = await explainBuild(options);
      const outputDir = path.resolve(options.outputDir ?? path.join(options.root ?? projectRoot, "_site"));
      // Written even with --quiet: the plan is what was asked for.
      process.stdout.write(`${out.json ? JSON.stringify(plan) : formatPlan(plan, outputDir)}\n`);
      return 0;
    }
    const summary = await build(options);
    if (out.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else out.log(`Built ${counted(summary.reports, "report")} (${counted(summary.pages, "file")}) into ${summary.outputDir} in ${summary.seconds.toFixed(1)} s.`);
    return 0;
  },
};
