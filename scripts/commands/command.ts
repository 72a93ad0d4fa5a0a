/**
 * The shape of a command of the command line (`npm run <name>`). Each command is a module in
 * this folder that composes the pipeline's steps; scripts/cli.ts only parses and dispatches.
 */
import type { ParseArgsConfig } from "node:util";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Output {
  /** Progress and summaries (silent with --quiet). */
  log: (line: string) => void;
  /** Problems and errors, always shown. */
  error: (line: string) => void;
  quiet: boolean;
  json: boolean;
}

export interface Command {
  name: string;
  /** One line for the help. */
  summary: string;
  /** "[--only <org>/<period>]": what follows the name in the help. */
  usage?: string;
  /** Lines describing this command's own options, for the help. */
  help?: string[];
  options: Options;
  run(values: Record<string, string | boolean | (string | boolean)[] | undefined>, positionals: string[], out: Output): Promise<number>;
}
