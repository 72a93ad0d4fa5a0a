/**
 * Step 4, render HTML: Eleventy lays out the site model with the templates into `outputDir`.
 * Configuration lives in .eleventy.js; this module only hands Eleventy the model.
 */
import Eleventy from "@11ty/eleventy";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "./site-types.ts";
import { authorMarkdown } from "./markdown.ts";
import { writeSiteAssets } from "./assets.ts";
import { trimIndentation, trimLoadedTemplates } from "./trim-indentation.ts";
import { printLinks, relativeUrl } from "./site-urls.ts";
import { columnLabels } from "./column-labels.ts";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export interface RenderSiteOptions {
  contentDir: string; // the content/ folder (authors' pages; reports/ inside it is ignored)
  /**
   * Render these templates of contentDir only: the print pages, "print.njk" and "group-print.njk"
   * (the PDF step needs them before the web pages can name their PDFs), or "accessibility.njk"
   * (after the checks it reports on).
   */
  only?: string | readonly string[];
  outputDir: string;
  /** Templates to leave out, relative to contentDir (e.g. the site-wide pages when they are unchanged). */
  skip?: readonly string[];
}

export interface RenderedSite {
  pages: number;
  /** Every page written, relative to outputDir with forward slashes ("org/2021-22/index.html"). */
  written: string[];
}

export async function renderSite(model: SiteModel, options: RenderSiteOptions): Promise<RenderedSite> {
  const only = typeof options.only === "string" ? [options.only] : options.only;
  // One template is Eleventy's input; several are the content folder less everything else.
  const input = only?.length === 1 ? path.join(options.contentDir, only[0]!) : options.contentDir;
  const others =
    only && only.length > 1
      ? readdirSync(options.contentDir, { withFileTypes: true })
          .filter((e) => !only.includes(e.name))
          .map((e) => (e.isDirectory() ? `${e.name}/**` : e.name))
      : [];
  const eleventy = new Eleventy(input, options.outputDir, {
    configPath: path.join(projectRoot, ".eleventy.js"),
    quietMode: true,
    config(config) {
      config.addGlobalData("site", model);
      // Every site address in the templates goes through `url`: written relative to the page, so that the site
      // works wherever it is published (at the root of an address, or in a folder of another site). It replaces
      // Eleventy's own `url` filter (root-relative addresses): added by a plugin, which runs after Eleventy's defaults.
      config.addPlugin((plugin) =>
        plugin.addFilter("url", function (this: { page?: { url: string } }, url: string) {
          // A macro sees the page only when it is imported `with context`.
          if (!this.page) throw new Error(`the url filter needs the page it is on: import the macro that writes "${url}" with context`);
          return relativeUrl(url, this.page.url);
        }),
      );
      // The print layout gives its PDF links the site's public address (or plain text when it has none).
      config.addFilter("printLinks", function (this: { page?: { url: string } }, html: string) {
        return printLinks(html, this.page!.url, model.settings.address);
      });
      // A stacking table's column names, once on the table (templates/components/data-table).
      config.addFilter("columnLabels", (head: string[]) => columnLabels(head));
      // The authoring guide is for the people who write the reports: published only when the settings ask.
      if (!model.settings.guide) config.ignores.add(path.relative(process.cwd(), path.join(options.contentDir, "guide/**")));
      // Author Markdown (the guide pages) never carries raw HTML: the same markdown-it as reports.
      config.setLibrary("md", authorMarkdown);
      for (const template of [...(options.skip ?? []), ...others]) config.ignores.add(path.relative(process.cwd(), path.join(options.contentDir, template)));
      config.on("eleventy.after", async ({ directories }) => writeSiteAssets(directories.output));
      // Templates lose their indentation once, as they are loaded: the pages and their own templates.
      config.amendLibrary("njk", trimLoadedTemplates);
      config.addPreprocessor("trim-indentation", "njk", (_data: unknown, content: string) => trimIndentation(content));
    },
  });
  // Our build prints its own summary; Eleventy's "Wrote N files" line would repeat it.
  eleventy.disableLogger();
  // write() gives [passthrough copies, pages written]; each page has its output path.
  const [, written] = (await eleventy.write()) as [unknown, { outputPath: string | false }[]];
  const outputs = written.flatMap((page) => (page.outputPath === false ? [] : [path.relative(options.outputDir, page.outputPath).split(path.sep).join("/")]));
  return { pages: outputs.length, written: outputs };
}
