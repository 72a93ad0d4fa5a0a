/**
 * A Problem is one thing wrong with an author's input: where, what, and how to fix it.
 * Every step collects problems instead of stopping at the first, so an author sees them all.
 */
import type { Position } from "../load/yaml.ts";

export interface Problem {
  file: string; // relative to the project folder
  position: Position;
  message: string; // plain English: what is wrong
  fix: string; // what to do about it
  code: string; // stable identifier, for tests and --json output
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
  return [head, "", ...sorted.map(formatProblem)].join("\n");
}

/** Thrown by a step when its input has problems; carries all of them. */
export class InputProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "InputProblems";
  }
}
