/**
 * Messages of the PDF step, in the same shape as the validator's catalogue (scripts/validate/messages.ts):
 * a stable code, what went wrong in plain English, and the fix to try. They are thrown as a
 * PdfError (pdf-error.ts).
 */
import type { Message } from "../validate/messages.ts";

export const pdfMessages = {
  chromiumMissing: (path: string, fromEnv: boolean): Message => ({
    code: "chromium-missing",
    message: `no Chromium browser was found at ${path}${fromEnv ? " (the path set in CHROMIUM_PATH)" : ""}; the PDFs are printed by Chromium`,
    fix: fromEnv
      ? "correct CHROMIUM_PATH so that it names the Chromium program, or unset it to use /usr/bin/chromium"
      : "install it with `apt-get update && apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to the path of a Chromium program",
  }),
  chromiumLaunch: (path: string, reason: string): Message => ({
    code: "chromium-launch",
    message: `Chromium at ${path} did not start: ${reason}`,
    fix: "check that the program runs (`chromium --version`); on a server it needs the packages apt-get installs with it",
  }),
  chromiumTooOld: (path: string, version: string, needed: number, fromEnv: boolean): Message => ({
    code: "chromium-too-old",
    message: `the Chromium at ${path}${fromEnv ? " (the path set in CHROMIUM_PATH)" : ""} is version ${version}; the PDFs need Chromium ${needed} or later, whose printing lays out the running heads and page numbers`,
    fix: fromEnv
      ? `set CHROMIUM_PATH to a Chromium ${needed} or later, or unset it to use Debian's /usr/bin/chromium`
      : `install a current Chromium with \`apt-get update && apt-get install -y chromium\` (Debian 12 gives 156), or set CHROMIUM_PATH to a Chromium ${needed} or later; \`npm run build -- --no-pdf\` builds the website meanwhile`,
  }),
  contentsNumbers: (document: string, reason: string): Message => ({
    code: "pdf-contents-numbers",
    message: `the contents page numbers of ${document} could not be written into its PDF: ${reason}`,
    fix: "this is a fault in the print stylesheet or the PDF step, not in your content: report it with the message above",
  }),
  /** `failures`: each PDF's file and why it failed; `fix`: the first failure's own fix, if it has one. */
  failed: (failures: readonly string[], fix: string | undefined): Message => ({
    code: "pdf-failed",
    message: `${failures.length} PDF${failures.length === 1 ? "" : "s"} could not be made: ${failures.join("; ")}`,
    fix: fix ?? "see the first message above; the previous _site/ has been left as it was",
  }),
  pageError: (document: string, reason: string): Message => ({
    code: "pdf-page-error",
    message: `a script error stopped the PDF of ${document}: ${reason}`,
    fix: "this is a fault in the print page or its scripts, not in your content: report it with the message above",
  }),
  loadFailed: (document: string, reason: string): Message => ({
    code: "pdf-load-failed",
    message: `the print page ${document} could not be loaded: ${reason}`,
    fix: "build the HTML first (the PDF step prints the pages the HTML step wrote), and check the path",
  }),
  resourceMissing: (document: string, url: string, status: string): Message => ({
    code: "pdf-resource-missing",
    message: `the print page ${document} uses ${url}, which could not be loaded (${status}), so the PDF would lack it`,
    fix: "if it is your organisation's logo, check the logo file named in the organisation's YAML file; otherwise this is a fault in the tool: report it",
  }),
  contentLost: (document: string, count: number, sample: string): Message => ({
    code: "pdf-content-lost",
    message: `the PDF of ${document} lost ${count} word${count === 1 ? "" : "s"} of the report (among them: "${sample}"), so it would be incomplete`,
    fix: "look for a very long table cell or unbroken block of text near those words and split it into smaller parts; if there is none, report it",
  }),
  timedOut: (document: string, seconds: number): Message => ({
    code: "pdf-timeout",
    message: `the PDF of ${document} was not finished after ${seconds} seconds`,
    fix: "a report this slow is unusual: look for a very large table or picture in it, or run the build again on a less busy machine",
  }),
} as const;

