/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on each built page in real Chromium, at a
 * desktop width and at 320 CSS pixels (WCAG 1.4.10 reflow), plus a check that nothing makes
 * the page scroll sideways at 320 px, that every file a page loads is there, and any further
 * checks of a page open at a width (the chart geometry of chart-geometry.ts) in the same visit.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Finding } from "./findings.ts";

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** The version of axe-core the checks run, for the accessibility statement. */
export function axeVersion(): string {
  return (require("axe-core/package.json") as { version: string }).version;
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const WIDTHS = [1280, 320] as const;

interface AxeViolation {
  id: string;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** One page's violations at one width, as findings. */
async function violationsAt(page: Page, file: string, width: number): Promise<Finding[]> {
  const findings: Finding[] = [];
  const violations = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })).violations;
  }, AXE_TAGS)) as AxeViolation[];
  for (const v of violations)
    for (const node of v.nodes)
      findings.push({
        file,
        check: "axe",
        rule: v.id,
        element: `${node.target.join(" ")} (at ${width}px)`,
        message: v.help,
        fix: `${node.failureSummary?.replace(/\s+/g, " ").trim() ?? ""} See ${v.helpUrl}`,
      });
  if (width === 320) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1)
      findings.push({
        file,
        check: "axe",
        rule: "reflow",
        element: "html (at 320px)",
        message: `the page scrolls sideways by ${overflow}px at 320px wide`,
        fix: "let wide content (tables, charts) scroll inside its own box, and let text wrap",
      });
  }
  return findings;
}

/** A further check of a page while it is open at a width (the chart geometry of chart-geometry.ts). */
export type PageCheck = (page: Page, file: string, width: number) => Promise<Finding[]>;

/**
 * Check pages served by `serve` (which routes requests for the site into a context and gives the
 * page's address) at every width in WIDTHS: each page loaded once and checked widest first, the
 * viewport narrowed in between. One page at a time, in one context: one Chromium page checking
 * already keeps about 1.6 of two cores busy (its renderer's threads, the browser process and the
 * kernel's share), and two at once were slower than one after the other (docs/decisions.md,
 * "One page at a time"). Returns each page's findings, by page.
 */
export async function checkAccessibility(
  browser: Browser,
  files: readonly string[],
  serve: (context: BrowserContext) => Promise<(file: string) => string>,
  pageChecks: readonly PageCheck[] = [],
): Promise<Map<string, Finding[]>> {
  const source = await axeSource;
  const found = new Map<string, Finding[]>();
  if (files.length === 0) return found;
  // The pages forbid scripts (CSP); the check's own script must still run.
  const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 900 }, bypassCSP: true });
  try {
    const urlOf = await serve(context);
    const page = await context.newPage();
    // Every stylesheet, image and font a page asks for must load, from where the site is served.
    let failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    for (const file of files) {
      failed = [];
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
      await page.goto(urlOf(file), { waitUntil: "load" });
      const findings: Finding[] = failed.map((url) => ({
        file,
        check: "links",
        rule: "resource-not-found",
        element: url,
        message: `the page asks for ${url}, which the site does not have where it is served`,
        fix: "write site addresses with the `url` filter, which makes them relative to the page",
      }));
      // Once a page load: axe stays loaded while the viewport narrows.
      await page.addScriptTag({ content: source });
      for (const width of WIDTHS) {
        if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 900 });
        findings.push(...(await violationsAt(page, file, width)));
        for (const pageCheck of pageChecks) findings.push(...(await pageCheck(page, file, width)));
      }
      found.set(file, findings);
    }
  } finally {
    await context.close();
  }
  return found;
}
