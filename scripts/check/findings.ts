/**
 * A Finding is one thing the check step found wrong in the built output: which file, which
 * rule, which element, what is wrong and how to fix it. Every check returns a list of them.
 */
export interface Finding {
  file: string; // relative to the site folder, e.g. "norfolk-and-waveney-ccg/2021-22/index.html"
  check: "axe" | "charts" | "html" | "links" | "structure" | "pdf";
  rule: string;
  element: string; // a CSS selector or short description of where
  message: string;
  fix: string;
}

/** Thrown by a build whose new site fails the checks; the old site is kept. */
export class CheckFailed extends Error {
  constructor(readonly findings: Finding[]) {
    super(`${formatFindings(findings)}\n\n${findings.length} problem${findings.length === 1 ? "" : "s"} found by the checks; the previous _site/ has been kept.`);
    this.name = "CheckFailed";
  }
}

export function formatFindings(findings: readonly Finding[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${file}`);
    for (const f of list) lines.push(`  [${f.check}: ${f.rule}] ${f.message}\n      at ${f.element}\n      Fix: ${f.fix}`);
  }
  return lines.join("\n");
}
