/**
 * Starts Debian's Chromium through playwright-core (never a downloaded browser).
 * One browser serves many documents: open it once, render with pages from it, close it at the end.
 * The PDFs need Chromium 131 or later (requirePagedMedia); the checks run in any version.
 */
import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { pdfMessages } from "./messages.ts";
import { PdfError } from "./pdf-error.ts";
import { firstLine } from "../errors.ts";
import type { Message } from "../validate/messages.ts";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Without the background-networking flags Chromium tries, and fails, to reach the network many times. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium program to run: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): { path: string; fromEnv: boolean } {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  return fromEnv ? { path: fromEnv, fromEnv: true } : { path: DEFAULT_CHROMIUM_PATH, fromEnv: false };
}

/** Launches Chromium, or throws a PdfError naming the install command when it is missing. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const { path, fromEnv } = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new PdfError(pdfMessages.chromiumMissing(path, fromEnv), { cause: error });
  }
  try {
    return await chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (error) {
    throw new PdfError(pdfMessages.chromiumLaunch(path, firstLine(error)), { cause: error });
  }
}

/**
 * The first Chromium version whose own printing lays out the `@page` margin boxes with page counters
 * (the running head and "Page X of Y" of templates/print/print.css). Older ones print pages without them.
 */
export const MIN_CHROMIUM_MAJOR = 131;

/** The problem with a Chromium version for printing the PDFs, if any: `version` as Browser.version() gives it ("156.0.8078.114"). */
export function pagedMediaProblem(version: string, env: NodeJS.ProcessEnv = process.env): Message | undefined {
  const major = Number(/^(\d+)\./.exec(version)?.[1] ?? NaN);
  if (major >= MIN_CHROMIUM_MAJOR) return undefined;
  const { path, fromEnv } = chromiumPath(env);
  return pdfMessages.chromiumTooOld(path, version, MIN_CHROMIUM_MAJOR, fromEnv);
}

/** Throws the catalogue's chromium-too-old message when the browser cannot lay out the PDFs' pages. */
export function requirePagedMedia(browser: Browser): void {
  const problem = pagedMediaProblem(browser.version());
  if (problem) throw new PdfError(problem);
}
