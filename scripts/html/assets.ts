/**
 * Static assets of the website: nhsuk-frontend's CSS without its web-font rules (they load
 * Frutiger from an NHS server on the internet; built pages make no external requests, and the
 * font is licensed), our own stylesheet, and the print stylesheet of the PDFs. Written into the output folder after Eleventy.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const nhsukCss = require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css");
const siteCss = path.resolve(import.meta.dirname, "../../templates/site.css");
const printCss = path.resolve(import.meta.dirname, "../../templates/print/print.css");

/** Remove every @font-face rule and any remaining url() that leaves this site. */
export function localOnlyCss(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, "").replace(/url\(https?:[^)]*\)/g, "none");
}

export async function writeSiteAssets(outputDir: string): Promise<void> {
  const dir = path.join(outputDir, "assets");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "nhsuk-frontend.css"), localOnlyCss(await readFile(nhsukCss, "utf8")));
  await copyFile(siteCss, path.join(dir, "site.css"));
  await mkdir(path.join(dir, "print"), { recursive: true });
  await copyFile(printCss, path.join(dir, "print", "print.css"));
}
