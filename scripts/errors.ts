/**
 * An error that carries a catalogue message (what went wrong, and the fix), for faults that are
 * not in an author's file: the machine, the environment, a PDF that could not be printed. The
 * command line prints the message and its fix, never a stack trace.
 */
import type { Message } from "./validate/messages.ts";
import { commandMessages } from "./commands/messages.ts";

export class ReportedError extends Error {
  readonly problem: Message;
  constructor(problem: Message) {
    super(`${problem.message}. Fix: ${problem.fix}`);
    this.name = "ReportedError";
    this.problem = problem;
  }
}

/** SOURCE_DATE_EPOCH, the reproducible-builds convention: whole seconds since 1970, or unset. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw)) throw new ReportedError(commandMessages.badSourceDateEpoch(raw));
  return new Date(Number(raw) * 1000);
}
