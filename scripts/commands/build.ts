import { build } from "../build.ts";
import type { Command } from "./command.ts";

export const buildCommand: Command = {
  name: "build",
  summary: "validate every file, then write the website, charts, CSV files and PDFs to _site/",
  usage: "[--only <organisation>[/<period>]] [--no-pdf] [--no-check]",
  help: [
    "--only <org>/<period>  build one organisation's pages and PDFs (the report named, and the rest of its",
    "                   reports); every other organisation's files stay as they were in the previous site",
    "--no-pdf           skip the PDFs (a quicker preview of the web pages)",
    "--no-check         skip the accessibility, HTML, link and PDF checks",
  ],
  options: { only: { type: "string" }, "no-pdf": { type: "boolean", default: false }, "no-check": { type: "boolean", default: false } },
  async run(values, _positionals, out) {
    const summary = await build({
      root: values.root as string | undefined,
      outputDir: values.out as string | undefined,
      log: out.log,
      quiet: out.quiet,
      pdf: values["no-pdf"] !== true,
      check: values["no-check"] !== true,
      ...(typeof values.only === "string" ? { only: values.only } : {}),
    });
    if (out.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else out.log(`Built ${summary.reports} reports (${summary.pages} files) into ${summary.outputDir} in ${summary.seconds.toFixed(1)} s.`);
    return 0;
  },
};
