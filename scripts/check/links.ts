/**
 * Links across the whole built site: every internal link, anchor, stylesheet and download
 * resolves to a file (and an id) that exists; no page loads anything from outside the site;
 * no two pages share a title. Pure: a map of page paths to their HTML, and the set of all files.
 */
import path from "node:path/posix";
import type { Finding } from "./findings.ts";
import { parsePage } from "./structure.ts";

export interface SitePage {
  file: string; // "org/2021-22/index.html", relative to the site folder, forward slashes
  html: string;
}

/** The file a root-relative or relative URL names, from the page at `from`. */
function target(from: string, url: string): { file: string; hash: string } {
  const [pathPart = "", hash = ""] = url.split("#");
  const clean = decodeURIComponent(pathPart.split("?")[0]!);
  if (clean === "") return { file: from, hash };
  const resolved = clean.startsWith("/") ? clean.slice(1) : path.join(path.dirname(from), clean);
  return { file: resolved === "" || resolved.endsWith("/") ? `${resolved}index.html` : resolved, hash };
}

export function checkLinks(pages: readonly SitePage[], files: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const docs = new Map(pages.map((p) => [p.file, parsePage(p.html)]));
  const titles = new Map<string, string>();

  for (const [file, doc] of docs) {
    const add = (rule: string, element: string, message: string, fix: string) =>
      findings.push({ file, check: "links", rule, element, message, fix });
    const title = doc.querySelector("title")?.textContent?.trim() ?? "";
    const other = titles.get(title);
    if (other) add("unique-title", "title", `the page title "${title}" is also the title of ${other}`, "give every page its own title");
    else titles.set(title, file);

    for (const el of doc.querySelectorAll("[src], link[href]")) {
      const url = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) && !url.startsWith("data:"))
        add("external-resource", `${el.tagName.toLowerCase()}[${url}]`, `the page loads ${url} from outside the site`, "copy the file into the site and link it with a root-relative address");
    }

    for (const a of doc.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href")!;
      if (/^(https?|mailto|tel):/i.test(href)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
        add("bad-scheme", `a[href="${href}"]`, `a link uses the address scheme of "${href.slice(0, 30)}"`, "links may only be web addresses, email addresses or phone numbers");
        continue;
      }
      const { file: to, hash } = target(file, href);
      if (!files.has(to)) {
        add("broken-link", `a[href="${href}"]`, `the link "${a.textContent?.trim().slice(0, 60)}" points to ${href}, which was not built`, "correct the address, or build the missing page or download");
        continue;
      }
      if (hash && to.endsWith(".html")) {
        const targetDoc = docs.get(to);
        if (targetDoc && !targetDoc.getElementById(hash))
          add("broken-anchor", `a[href="${href}"]`, `the link "${a.textContent?.trim().slice(0, 60)}" points to #${hash}, which is not on ${to}`, "point the link at an id that exists");
      }
    }
  }
  return findings;
}
