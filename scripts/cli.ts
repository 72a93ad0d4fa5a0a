/**
 * The command line: `npm run <command> -- [options]`. Each command is a module in
 * scripts/commands/ that composes the pipeline's steps; this file parses and dispatches.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { benchCommand } from "./commands/bench.ts";
import { buildCommand } from "./commands/build.ts";
import { checkCommand } from "./commands/check.ts";
import type { Command, Options, Output } from "./commands/command.ts";
import { validateCommand } from "./commands/validate.ts";
import { newCommand } from "./commands/new.ts";
import { importCommand } from "./commands/import.ts";
import { serveCommand } from "./commands/serve.ts";
import { projectRoot } from "./html/render-site.ts";
import { faultText, ReportedError, unexpectedFault } from "./errors.ts";
import { InputProblems } from "./validate/problems.ts";
import { CheckFailed } from "./check/findings.ts";

const commands: Command[] = [buildCommand, validateCommand, checkCommand, newCommand, serveCommand, importCommand, benchCommand];

const common: Options = {
  root: { type: "string" },
  out: { type: "string" },
  quiet: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
};

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "Usage: npm run <command> -- [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
    "",
    "Options for every command:",
    "  --root <folder>    the project folder holding data/ and content/ (default: this folder)",
    "  --out <folder>     where to write the site (default: <root>/_site)",
    "  --quiet            print only problems",
    "  --json             print the result as JSON (for CI)",
    "  --help             show this help",
    ...commands.flatMap((c) => (c.help?.length ? ["", `Options for ${c.name}${c.usage ? ` ${c.usage}` : ""}:`, ...c.help.map((h) => `  ${h}`)] : [])),
    "",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const name = argv.find((a) => !a.startsWith("-"));
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const wantsHelp = argv.includes("--help") || argv.length === 0;
    (wantsHelp ? process.stdout : process.stderr).write(`${name && !wantsHelp ? `Unknown command "${name}".\n\n` : ""}${usage()}`);
    return wantsHelp ? 0 : 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv.filter((a) => a !== name), allowPositionals: true, options: { ...common, ...command.options } });
  } catch (error) {
    // node:util's own words ("Unknown option '-q'"), then the help, which lists the options there are.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  // Folders given on the command line are where the user typed them from: npm runs scripts in the tool's
  // folder, and says in INIT_CWD where it was started.
  const typedFrom = process.env.INIT_CWD ?? process.cwd();
  for (const option of ["root", "out", "site"])
    if (typeof values[option] === "string") values[option] = path.resolve(typedFrom, values[option]);
  // Eleventy resolves its configured folders from the working directory: always the tool's own.
  process.chdir(projectRoot);
  const quiet = values.quiet === true || values.json === true;
  const out: Output = {
    log: quiet ? () => {} : (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    quiet,
    json: values.json === true,
  };
  return command.run(values, positionals, out);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InputProblems) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof CheckFailed) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof ReportedError) {
      process.stderr.write(faultText(error));
      process.exit(1);
    }
    process.stderr.write(
      `The command stopped because of an unexpected error. This is a fault in the tool, not in your files; please report it with the text below.\n\n${unexpectedFault(error)}\n`,
    );
    process.exit(70);
  },
);
