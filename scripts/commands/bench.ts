import path from "node:path";
import { writeFile } from "node:fs/promises";
import { formatResults, runBench } from "../bench/run-bench.ts";
import { projectRoot } from "../html/render-site.ts";
import type { Command } from "./command.ts";

const whole = (value: unknown, fallback: number) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : fallback);

export const benchCommand: Command = {
  name: "bench",
  summary: "build a synthetic estate (default 200 organisations x 5 years) and print the timings against the targets",
  usage: "[--orgs 200] [--years 5] [--pdfs 10] [--estate-pdfs]",
  help: [
    "--orgs <n>         organisations in the synthetic estate (default 200)",
    "--years <n>        yearly reports per organisation (default 5)",
    "--pdfs <n>         reports to print as PDFs, each beside one plain print of the same page (default 10)",
    "--estate-pdfs      also build the whole estate with its PDFs, cold and after one file changes (long: about an hour for 1,000 reports on 2 CPUs)",
    "--dir <folder>     where to write the estate (default: a new temporary folder)",
  ],
  options: { orgs: { type: "string" }, years: { type: "string" }, pdfs: { type: "string" }, dir: { type: "string" }, "estate-pdfs": { type: "boolean" } },
  async run(values, _positionals, out) {
    const results = await runBench({
      orgs: whole(values.orgs, 200),
      years: whole(values.years, 5),
      pdfSample: whole(values.pdfs, 10),
      estatePdfs: values["estate-pdfs"] === true,
      dir: typeof values.dir === "string" ? path.resolve(values.dir) : undefined,
      log: out.log,
    });
    const file = path.join(projectRoot, "bench-results.json");
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    if (out.json) process.stdout.write(`${JSON.stringify(results)}\n`);
    else out.log(`\n${formatResults(results)}\n\nWrote ${file}`);
    return 0;
  },
};
