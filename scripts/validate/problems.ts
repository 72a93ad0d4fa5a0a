/**
 * A Problem is one thing wrong with an author's input: where, what, and how to fix it.
 * Every step collects problems instead of stopping at the first, so an author sees them all.
 */
import type { Position } from "../load/yaml.ts";
import { waitingChecks } from "./messages.ts";

export interface Problem {
  file: string; // relative to the project folder
  position: Position;
  message: string; // plain English: what is wrong
  fix: string; // what to do about it
  code: string; // stable identifier, for tests and --json output
  /** The checks of this file that could not run until this problem is fixed (it could not be read, or did not pass the schema). */
  blocks?: readonly string[];
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.position.line}:${p.position.column}: ${p.message}\n    Fix: ${p.fix}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.position.line - b.position.line || a.position.column - b.position.column,
  );
}

export function formatProblems(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((p) => p.file)).size;
  const head = `${sorted.length} problem${sorted.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; nothing was written.`;
  // After a file's last problem: the checks of it that are waiting for its problems to be fixed, said once.
  const lines = sorted.map((p, i) => {
    if (sorted[i + 1]?.file === p.file) return formatProblem(p);
    const own = sorted.filter((q) => q.file === p.file);
    const blocked = [...new Set(own.flatMap((q) => q.blocks ?? []))];
    return blocked.length > 0 ? `${formatProblem(p)}\n    ${waitingChecks(p.file, blocked, own.length)}` : formatProblem(p);
  });
  return [head, "", ...lines].join("\n");
}

/** Thrown by a step when its input has problems; carries all of them. */
export class InputProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "InputProblems";
  }
}
