/**
 * Starts Debian's Chromium through playwright-core (never a downloaded browser).
 * One browser serves many documents: open it once, render with pages from it, close it at the end.
 */
import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { PdfError, pdfMessages } from "./messages.ts";

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
  } catch {
    throw new PdfError(pdfMessages.chromiumMissing(path, fromEnv));
  }
  try {
    return await chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (error) {
    throw new PdfError(pdfMessages.chromiumLaunch(path, error instanceof Error ? error.message.split("\n")[0]! : String(error)));
  }
}
