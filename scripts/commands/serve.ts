/**
 * `npm run serve`: a live preview while the author writes. The site is built (web pages only:
 * no PDFs, no checks) into a preview folder and served by Eleventy's dev server on 127.0.0.1.
 * A change to a YAML or Markdown file re-validates, recomputes and re-renders, and every open page
 * reloads. When a file has problems they are printed in the terminal and every page shows them
 * instead of the site, until they are fixed; the server keeps running. The scaffold's "Replace
 * this ..." texts are previewed as they are (filling them in is what the preview is for); build and
 * validate refuse to publish them (placeholder-left).
 *
 * The preview folder is not _site/: _site/ stays the last full build (with PDFs and checks), the
 * one to publish.
 */
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { watch, type FSWatcher } from "node:fs";
import { access, mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { build, type BuildSummary } from "../build.ts";
import { projectRoot } from "../html/render-site.ts";
import { formatProblems, InputProblems, sortProblems, type Problem } from "../validate/problems.ts";
import type { Command, Output } from "./command.ts";
import { unexpectedFault } from "../errors.ts";

/** What went wrong in the last build, for the terminal and the page. */
export type BuildFailure = { problems: Problem[] } | { fault: string };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The page shown in place of the site while the files have problems (self-contained: the site's CSS may not exist yet). */
export function errorPage(failure: BuildFailure): string {
  const body =
    "problems" in failure
      ? `<p>${failure.problems.length} problem${failure.problems.length === 1 ? "" : "s"} in your files. Fix them and save: this page reloads by itself.</p>
<ol>${sortProblems(failure.problems)
          .map(
            (p) =>
              `<li><p><code>${escapeHtml(`${p.file}:${p.position.line}:${p.position.column}`)}</code>: ${escapeHtml(p.message)}</p><p><strong>Fix:</strong> ${escapeHtml(p.fix)}</p></li>`,
          )
          .join("\n")}</ol>`
      : `<p>The preview could not be built because of a fault in the tool, not in your files. Please report it with the text below.</p><pre>${escapeHtml(failure.fault)}</pre>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Problems to fix: preview</title>
<style>body{font-family:Arial,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#212b32;line-height:1.5}h1{color:#d5281b}li{margin-bottom:1rem}code{background:#f0f4f5;padding:0 .2rem}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Problems to fix</h1>
${body}
</main></body>
</html>
`;
}

/**
 * The published pages forbid every script (Content-Security-Policy `script-src 'none'`); the
 * preview lets the dev server's own reload script, served from the same address, run.
 */
export function allowReloadScript(html: string): string {
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )'none'/, "$1'self'");
}

/** The built page for a URL path, if there is one inside the preview folder. */
async function readPage(siteDir: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(siteDir, `.${decoded.endsWith("/") ? `${decoded}index.html` : decoded}`);
  if (!file.startsWith(siteDir + path.sep)) return undefined;
  return readFile(file, "utf8").catch(() => undefined);
}

const exists = (dir: string) =>
  access(dir).then(
    () => true,
    () => false,
  );

/** The folders whose changes rebuild the preview: the author's files, and the tool's templates and pages. */
async function watchedFolders(root: string): Promise<string[]> {
  const folders = [path.join(root, "data"), path.join(root, "content"), path.join(projectRoot, "content"), path.join(projectRoot, "templates")];
  const unique = [...new Set(folders)];
  const present = await Promise.all(unique.map(exists));
  return unique.filter((_, i) => present[i]);
}

/**
 * Watch every folder under `folders`, one watcher per folder (not `recursive: true`: on Linux,
 * Node 20 watches each file, and loses a file that an editor saves by replacing it). A folder
 * made later is watched from then on. Returns a function that stops watching.
 */
async function watchTree(folders: string[], onChange: (file: string) => void): Promise<() => void> {
  const watchers = new Map<string, FSWatcher>();
  const add = async (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      watchers.set(
        dir,
        watch(dir, (_event, name) => {
          if (!name) return;
          const file = path.join(dir, name.toString());
          onChange(file);
          void stat(file).then(
            (s) => (s.isDirectory() ? add(file) : undefined),
            () => undefined,
          );
        }),
      );
      const entries = await readdir(dir, { withFileTypes: true });
      await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => add(path.join(dir, e.name))));
    } catch {
      // The folder went away before it could be watched.
    }
  };
  await Promise.all(folders.map(add));
  return () => {
    for (const w of watchers.values()) w.close();
  };
}

/** Calls `rebuild` after changes settle; one build at a time, and one more if files changed during it. */
function rebuilder(rebuild: () => Promise<void>, delayMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
}

function report(out: Output, result: BuildSummary | BuildFailure, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (out.json) {
    process.stdout.write(`${JSON.stringify("reports" in result ? { event: "built", seconds: Number(seconds), pages: result.pages } : { event: "failed", ...result })}\n`);
    return;
  }
  if ("reports" in result) out.log(`Built ${result.reports} reports (${result.pages} files) in ${seconds} s.`);
  else if ("problems" in result) out.error(`${formatProblems(result.problems).replace("; nothing was written.", ".")}\nThe preview shows these problems until they are fixed.`);
  else out.error(`The preview could not be built because of a fault in the tool:\n${result.fault}`);
}

export const serveCommand: Command = {
  name: "serve",
  summary: "preview the website on this computer; pages rebuild and reload as you save your files",
  usage: "[--port <number>]",
  help: [
    "--port <number>    the port to serve on at 127.0.0.1 (default 8080; 0 picks a free one)",
    "                   the preview is written to .cache/preview (or --out), never to _site",
  ],
  options: { port: { type: "string", default: "8080" } },
  async run(values, _positionals, out) {
    const root = path.resolve((values.root as string | undefined) ?? projectRoot);
    const outputDir = path.resolve((values.out as string | undefined) ?? path.join(root, ".cache", "preview"));
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      out.error(`--port must be a number from 0 to 65535, not "${String(values.port)}".`);
      return 2;
    }

    await mkdir(path.dirname(outputDir), { recursive: true });
    let failure: BuildFailure | undefined;
    const rebuild = async () => {
      const started = performance.now();
      try {
        const summary = await build({ root, outputDir, pdf: false, check: false, quiet: true, preview: true });
        failure = undefined;
        report(out, summary, started);
      } catch (error) {
        failure = error instanceof InputProblems ? { problems: error.problems } : { fault: unexpectedFault(error) };
        report(out, failure, started);
      }
    };
    await rebuild();

    const isPage = (pathname: string) => pathname.endsWith("/") || pathname.endsWith(".html");
    const server = EleventyDevServer.getServer("equality-reports", outputDir, {
      liveReload: true,
      domDiff: false,
      messageOnStart: () => false,
      logger: { info: out.log, log: out.log, error: out.error },
      onRequest: {
        "/*": async ({ url }) => {
          if (!isPage(url.pathname)) return undefined;
          if (failure) return { status: 500, headers: { "Content-Type": "text/html; charset=utf-8" }, body: errorPage(failure) };
          const html = await readPage(outputDir, url.pathname);
          return html === undefined ? undefined : { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: allowReloadScript(html) };
        },
      },
    });
    // Listen on this computer only; the dev server's own error handler would try other ports on all interfaces.
    const http = server.server;
    http.removeAllListeners("error");
    const listening = new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.once("listening", () => resolve());
    });
    http.listen({ port, host: "127.0.0.1" });
    try {
      await listening;
    } catch (error) {
      out.error(`Could not serve on 127.0.0.1:${port}: ${(error as Error).message}. Try another port: npm run serve -- --port 8081`);
      await server.close();
      return 1;
    }
    const address = http.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/`;
    if (out.json) process.stdout.write(`${JSON.stringify({ event: "listening", url })}\n`);
    // The address is shown even with --quiet: without it the command is of no use.
    else process.stdout.write(`Serving the preview at ${url} (press Ctrl+C to stop). Watching your files for changes.\n`);

    const changed = new Set<string>();
    const schedule = rebuilder(async () => {
      // Editors and tools save through temporary files: name only the files that are still there.
      const saved = (await Promise.all([...changed].map(async (f) => ((await exists(f)) ? [path.relative(root, f)] : [])))).flat();
      if (!out.json) out.log(`Changed: ${saved.join(", ") || "a file was removed"}; rebuilding.`);
      changed.clear();
      await rebuild();
      server.reload({ files: [] });
    });
    const ignored = [outputDir, path.join(root, "_site"), path.join(root, ".cache")];
    const stopWatching = await watchTree(await watchedFolders(root), (file) => {
      // Editors' backup and lock files are not the author's files.
      if (ignored.some((i) => file.startsWith(i + path.sep)) || /(^|[/\\])(\.#|#)|~$|\.sw[a-p]$/.test(file)) return;
      changed.add(file);
      schedule();
    });

    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    stopWatching();
    await server.close();
    return 0;
  },
};
