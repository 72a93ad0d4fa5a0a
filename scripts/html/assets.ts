/**
 * Static assets of the website: nhsuk-frontend's CSS without its web-font rules (they load
 * Frutiger from an NHS server on the internet; built pages make no external requests, and the
 * font is licensed) and its images, our own stylesheet, the components' stylesheets, and the print
 * stylesheet. Written into the output folder after Eleventy, or by the build alone when it renders
 * no page.
 */
import { copyFile, cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const nhsukCss = require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css");
const nhsukImages = path.join(path.dirname(nhsukCss), "assets/images");
const siteCss = path.resolve(import.meta.dirname, "../../templates/site.css");
const printCss = path.resolve(import.meta.dirname, "../../templates/print/print.css");
const componentsDir = path.resolve(import.meta.dirname, "../../templates/components");

/** Each component's own stylesheet (templates/components/<name>/<name>.css), in one file. */
async function componentCss(): Promise<string> {
  const entries = await readdir(componentsDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".css")).map((e) => path.join(e.parentPath, e.name)).sort();
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

/**
 * Remove every @font-face rule and any remaining url() that leaves this site, and make nhsuk-frontend's
 * images (`url(/assets/images/...)`) relative to the stylesheet in /assets/, so that they load wherever
 * the site is published, at the root of its address or under a path such as /about-us/equality/.
 */
export function localOnlyCss(css: string): string {
  return css
    .replace(/@font-face\{[^}]*\}/g, "")
    .replace(/url\(https?:[^)]*\)/g, "none")
    .replace(/url\((["']?)\/assets\//g, "url($1");
}

export async function writeSiteAssets(outputDir: string): Promise<void> {
  const dir = path.join(outputDir, "assets");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "nhsuk-frontend.css"), localOnlyCss(await readFile(nhsukCss, "utf8")));
  await cp(nhsukImages, path.join(dir, "images"), { recursive: true });
  await copyFile(siteCss, path.join(dir, "site.css"));
  await writeFile(path.join(dir, "components.css"), await componentCss());
  await mkdir(path.join(dir, "print"), { recursive: true });
  await copyFile(printCss, path.join(dir, "print", "print.css"));
}
