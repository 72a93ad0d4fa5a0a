/**
 * An error that carries a catalogue message (what went wrong, and the fix), for faults that are
 * not in an author's file: the machine, the environment, a PDF that could not be printed. It keeps
 * the error that caused it (`cause`, as Eleventy's errors do): the command line prints the message,
 * its fix, and then each cause in its own words, never a stack trace.
 */
import { inspect } from "node:util";
import type { Message } from "./validate/messages.ts";
import { commandMessages } from "./commands/messages.ts";

export class ReportedError extends Error {
  readonly problem: Message;
  constructor(problem: Message, options?: ErrorOptions) {
    super(`${problem.message}. Fix: ${problem.fix}`, options);
    this.name = "ReportedError";
    this.problem = problem;
  }
}

/** A caught error's first line: the short reason our own message gives (the whole error is kept as its cause). */
export const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

/** The errors under `error`, outermost first, each as its own message says it ("spawn /bin/false ENOENT"). */
export function causesOf(error: unknown): string[] {
  const causes: string[] = [];
  const seen = new Set<unknown>([error]);
  for (let cause = error instanceof Error ? error.cause : undefined; cause !== undefined && !seen.has(cause); cause = cause instanceof Error ? cause.cause : undefined) {
    seen.add(cause);
    causes.push(cause instanceof Error ? cause.message : typeof cause === "string" ? cause : inspect(cause));
  }
  return causes;
}

/** A message as plain text: without the terminal colour codes some tools put in theirs (Playwright's call log), trimmed. */
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "").trim();

/**
 * A tool fault for the command line: our message and fix, then what caused it, each cause's lines
 * indented under "Cause:" (a cause whose words are already said above is not said again).
 */
export function faultText(error: ReportedError): string {
  let text = `${error.problem.message}\n    Fix: ${error.problem.fix}\n`;
  for (const cause of causesOf(error).map(plain)) if (!text.includes(cause)) text += `    Cause: ${cause.replace(/\n/g, "\n        ")}\n`;
  return text;
}

/** A fault the tool did not expect, for its report: where it happened (the stack), then each error it was raised from. */
export const unexpectedFault = (error: unknown): string =>
  [error instanceof Error ? (error.stack ?? error.message) : String(error), ...causesOf(error).map((cause) => `Caused by: ${plain(cause)}`)].join("\n");

/** SOURCE_DATE_EPOCH, the reproducible-builds convention: whole seconds since 1970, or unset. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw)) throw new ReportedError(commandMessages.badSourceDateEpoch(raw));
  return new Date(Number(raw) * 1000);
}
