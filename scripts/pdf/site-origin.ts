/**
 * Serves a built site to a Chromium context without opening a port: requests to a private
 * origin are answered from the files under the site folder, and every other request is
 * refused, so nothing a page does can reach the network. Used by the PDF and check steps.
 */
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { BrowserContext } from "playwright-core";

export const ORIGIN = "http://print.localhost";

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * Routes the context's requests to `siteRoot`, served under `basePath` ("/", or "/about-us/equality/" to
 * serve it as it will be published, in a folder of another site); returns the address of a file inside it.
 */
export async function routeSite(context: BrowserContext, siteRoot: string, basePath = "/"): Promise<(file: string) => string> {
  const root = resolve(siteRoot);
  await context.route("**/*", async (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin !== ORIGIN) return route.abort("blockedbyclient");
    if (!requested.pathname.startsWith(basePath)) return route.fulfill({ status: 404, body: "Not found" });
    const path = resolve(root, "./" + decodeURIComponent(requested.pathname.slice(basePath.length)));
    const target = path.endsWith(sep) || isDirectory(path) ? join(path, "index.html") : path;
    if (!target.startsWith(root + sep) || !isFile(target)) return route.fulfill({ status: 404, body: "Not found" });
    return route.fulfill({ path: target });
  });
  return (file: string) => {
    const absolute = resolve(root, file);
    if (!absolute.startsWith(root + sep)) throw new Error(`${file} is not inside the site folder ${siteRoot}`);
    return `${ORIGIN}${basePath}${relative(root, absolute).split(sep).map(encodeURIComponent).join("/")}`;
  };
}
