import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { importMetricsCsv } from "../import/import-metrics.ts";
import { projectRoot } from "../html/render-site.ts";
import { messages, type Message } from "../validate/messages.ts";
import { importMessages } from "../import/messages.ts";
import { didYouMean } from "../validate/suggest.ts";
import { InputProblems } from "../validate/problems.ts";
import type { Command } from "./command.ts";

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

const usageProblem = (m: Message) => new InputProblems([{ file: "(command line)", position: { line: 1, column: 1 }, ...m }]);

export const importCommand: Command = {
  name: "import",
  summary: "turn a CSV shaped like the national WRES/WDES data returns into data/metrics/<org>/<year>.yaml",
  usage: "<file.csv> --org <organisation> --year <yyyy>",
  help: [
    "--org <organisation>     the organisation's file name in data/organisations/, without .yaml",
    "--year <yyyy>            the data year: the workforce snapshot is taken on 31 March of it",
    "--snapshot-date <date>   another snapshot date, YYYY-MM-DD (default: <year>-03-31)",
    "--survey-year <yyyy>     the NHS Staff Survey the survey rows come from (default: <year> - 1)",
    "--force                  replace the metric data file if it exists",
  ],
  options: {
    org: { type: "string" },
    year: { type: "string" },
    "snapshot-date": { type: "string" },
    "survey-year": { type: "string" },
    force: { type: "boolean", default: false },
  },
  async run(values, positionals, out) {
    const root = (values.root as string | undefined) ?? projectRoot;
    const [csv, ...extra] = positionals;
    const org = values.org as string | undefined;
    const yearText = values.year as string | undefined;
    if (!csv || extra.length > 0) throw usageProblem(importMessages.importUsage(csv ? `give one CSV file, not ${positionals.length}` : "no CSV file was given"));
    if (!org) throw usageProblem(importMessages.importUsage("no --org was given"));
    if (!yearText || !/^\d{4}$/.test(yearText) || Number(yearText) < 2014) throw usageProblem(importMessages.importUsage(`--year should be a year from 2014 on, like 2024, not "${yearText ?? ""}"`));
    const year = Number(yearText);
    const snapshotDate = (values["snapshot-date"] as string | undefined) ?? `${year}-03-31`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(snapshotDate) || Number.isNaN(Date.parse(snapshotDate)))
      throw usageProblem(importMessages.importUsage(`--snapshot-date should be a date written YYYY-MM-DD, not "${snapshotDate}"`));
    const surveyText = (values["survey-year"] as string | undefined) ?? String(year - 1);
    if (!/^\d{4}$/.test(surveyText)) throw usageProblem(importMessages.importUsage(`--survey-year should be a year like ${year - 1}, not "${surveyText}"`));

    const organisations = (await readdir(path.join(root, "data/organisations")).catch(() => [])).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5));
    if (!organisations.includes(org)) throw usageProblem(messages.organisationMissing(org, didYouMean(org, organisations)));
    const target = `data/metrics/${org}/${year}.yaml`;
    if (!values.force && (await exists(path.join(root, target)))) throw usageProblem(importMessages.importFileExists(target));

    // npm runs scripts in the project folder; INIT_CWD is where the author typed the command.
    const csvPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), csv);
    const bytes = await readFile(csvPath).catch(() => {
      throw usageProblem(importMessages.importUsage(`the CSV file ${csvPath} could not be read (is the name right?)`));
    });
    const { yaml, metrics } = importMetricsCsv(bytes, { file: csv, organisation: org, year, snapshotDate, surveyYear: Number(surveyText) });
    await mkdir(path.dirname(path.join(root, target)), { recursive: true });
    await writeFile(path.join(root, target), yaml);
    const sections = Object.keys(metrics).filter((k) => !["year", "snapshot_date", "survey_year"].includes(k));
    if (out.json) process.stdout.write(`${JSON.stringify({ written: target, sections })}\n`);
    out.log(`Wrote ${target} (${sections.join(", ")}). Run npm run validate to check it with the rest of the project.`);
    return 0;
  },
};
