import path from "node:path";
import { checkSite, writeCheckReport } from "../check/check-site.ts";
import { formatFindings } from "../check/findings.ts";
import { checkPdf } from "../check/pdf-structure.ts";
import { projectRoot } from "../html/render-site.ts";
import { siteSettings } from "../html/site-model.ts";
import { loadAndValidate } from "../build.ts";
import { launchBrowser } from "../pdf/browser.ts";
import { routeSite } from "../pdf/site-origin.ts";
import type { Command } from "./command.ts";

export const checkCommand: Command = {
  name: "check",
  summary: "check the built site: accessibility (axe-core), HTML validity, links, PDF structure",
  usage: "[--site <folder>]",
  help: [
    "--site <folder>    the built site to check (default: <root>/_site), as it will be published (web_address in",
    "                   <root>/data/settings.yaml)",
    "--json             print the findings as JSON",
  ],
  options: { site: { type: "string" } },
  async run(values, _positionals, out) {
    const root = path.resolve((values.root as string | undefined) ?? projectRoot);
    const siteDir = path.resolve((values.site as string | undefined) ?? path.join(root, "_site"));
    // The site is checked as it will be published: where data/settings.yaml says (web_address).
    const { basePath, address } = siteSettings(await loadAndValidate(root));
    const browser = await launchBrowser();
    try {
      const result = await checkSite({ siteDir, site: { basePath, address }, browser, serve: (context) => routeSite(context, siteDir, basePath), checkPdf });
      await writeCheckReport(path.join(siteDir, "check-report.json"), result);
      if (out.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (result.findings.length) out.error(formatFindings(result.findings));
      out.log(`Checked ${result.pages} pages and ${result.pdfs} PDFs: ${result.findings.length === 0 ? "no problems" : `${result.findings.length} problem${result.findings.length === 1 ? "" : "s"}`}.`);
      return result.findings.length === 0 ? 0 : 1;
    } finally {
      await browser.close();
    }
  },
};
