// Eleventy's configuration: where things are, and how Nunjucks and Markdown are set up.
// The build (scripts/build.ts) runs Eleventy through its API and hands it the computed
// site model as the global `site`; templates only lay out what that model holds.
import { authorMarkdown } from "./scripts/html/markdown.ts";
import { writeSiteAssets } from "./scripts/html/assets.ts";

export default function (eleventyConfig) {
  // Input (content/) and output (a temporary folder that replaces _site/) are given by the
  // build; set here, they would override it. Both folders below are relative to content/.
  eleventyConfig.setIncludesDirectory("../templates");
  eleventyConfig.setDataDirectory("../data");
  // Report pages are Markdown files read by our own loader (with positions), not by Eleventy.
  eleventyConfig.ignores.add("content/reports/**");
  eleventyConfig.setTemplateFormats(["njk", "md"]);
  // Author Markdown never carries raw HTML: markdown-it with html switched off.
  eleventyConfig.setLibrary("md", authorMarkdown);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.amendLibrary("njk", (env) => {
    // nhsuk-frontend's macros are imported as "nhsuk/components/<name>/macro.njk".
    for (const loader of env.loaders) loader.searchPaths?.push("node_modules/nhsuk-frontend/dist");
  });
  eleventyConfig.addPassthroughCopy({ "node_modules/nhsuk-frontend/dist/nhsuk/assets/images": "assets/images" });
  eleventyConfig.on("eleventy.after", async ({ directories }) => writeSiteAssets(directories.output));
  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
}
