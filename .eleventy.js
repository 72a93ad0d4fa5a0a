// Eleventy's configuration: where templates live and how Nunjucks is set up.
// The build (scripts/html/render-site.ts) runs Eleventy through its API and adds the rest in
// code: the computed site model as the global `site`, the Markdown library, the assets (scripts/html/assets.ts).
// Templates only lay out what the model holds.
export default function (eleventyConfig) {
  // Input (content/) and output (a temporary folder that replaces _site/) are given by the
  // build; set here, they would override it. Both folders below are relative to content/.
  eleventyConfig.setIncludesDirectory("../templates");
  eleventyConfig.setDataDirectory("../data");
  // Report pages are Markdown files read by our own loader (with positions), not by Eleventy.
  eleventyConfig.ignores.add("content/reports/**");
  eleventyConfig.setTemplateFormats(["njk", "md"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.amendLibrary("njk", (env) => {
    // nhsuk-frontend's macros are imported as "nhsuk/components/<name>/macro.njk".
    for (const loader of env.loaders) loader.searchPaths?.push("node_modules/nhsuk-frontend/dist");
  });
  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
}
