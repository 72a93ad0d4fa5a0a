/**
 * The command line: `npm run build`, `npm run check`, ... Each command composes the
 * pipeline's steps; see scripts/build.ts for the build itself.
 */
import { parseArgs } from "node:util";
import { build } from "./build.ts";
import { projectRoot } from "./html/render-site.ts";
import { InputProblems } from "./validate/problems.ts";

const USAGE = `Usage: npm run <command> -- [options]

Commands:
  build              validate every file, then write the website and PDFs to _site/
  validate           check every YAML and Markdown file and list all problems; writes nothing

Options:
  --root <folder>    the project folder holding data/ and content/ (default: this folder)
  --out <folder>     where to write the site (default: <root>/_site)
  --no-pdf           skip the PDFs (a quicker preview of the web pages)
  --quiet            print only problems
  --help             show this help
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: "string" },
      out: { type: "string" },
      quiet: { type: "boolean", default: false },
      "no-pdf": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  // Eleventy resolves its configured folders from the working directory: always the tool's own.
  process.chdir(projectRoot);
  const log = values.quiet ? () => {} : (line: string) => process.stdout.write(`${line}\n`);

  switch (command) {
    case "build": {
      const summary = await build({ root: values.root, outputDir: values.out, log, quiet: values.quiet, pdf: !values["no-pdf"] });
      log(`Built ${summary.reports} reports (${summary.pages} files) into ${summary.outputDir} in ${summary.seconds.toFixed(1)} s.`);
      return 0;
    }
    case "validate": {
      const { loadAndValidate } = await import("./build.ts");
      const project = await loadAndValidate(values.root ?? projectRoot);
      log(`No problems: ${project.organisations.length} organisations, ${project.plans.length} plans, ${project.reports.length} reports.`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InputProblems) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`The build stopped because of an unexpected error. This is a fault in the tool, not in your files; please report it with the text below.\n\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
