/**
 * The scaffold's placeholders (`npm run new` writes "Replace this ..." texts and the address
 * replace-this@example.org): a site is not published while any is left in an author's file. Pure:
 * reads the files' texts as loaded, so the place is the author's line and column.
 */
import type { SourceFiles } from "../load/read-project.ts";
import { messages } from "./messages.ts";
import { placeholderAsks } from "./suggest.ts";
import type { Problem } from "./problems.ts";

/** "Replace this with ..." up to the end of its sentence or line, or the scaffold's e-mail address. */
const PLACEHOLDER = /replace-this@example\.org|Replace this[^.\n\]]*/g;

export function placeholdersLeft(files: SourceFiles): Problem[] {
  const authorFiles = [files.settings, files.groups, ...files.organisations, ...files.plans, ...files.metrics, ...files.reports].flatMap((f) => (f ? [f] : []));
  // Most files hold none: only those that do are split into lines.
  return authorFiles.flatMap(({ file, text }) =>
    (text.search(PLACEHOLDER) >= 0 ? text.split("\n") : []).flatMap((line, i) =>
      // A comment (# ...) in a YAML file is never published: only the values and the narrative are looked at.
      [...line.matchAll(PLACEHOLDER)]
        .filter((m) => file.endsWith(".md") || !line.slice(0, m.index).includes("#"))
        .map((m) => ({ file, position: { line: i + 1, column: m.index + 1 }, ...messages.placeholderLeft(m[0], placeholderAsks(m[0])) })),
    ),
  );
}
