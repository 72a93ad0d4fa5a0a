/**
 * Links across the whole built site: every internal link, anchor, stylesheet, image and download
 * resolves to a file (and an id) that exists where the site is published; no page loads anything from
 * outside the site; no two pages share a title; a print page links nothing a PDF could not follow.
 * Pure: a map of page paths to their HTML, the set of all files, and where the site is published.
 *
 * Where the site is published matters: under a path such as /about-us/equality/, a root-relative
 * address ("/assets/site.css") must start with that path, and a link to the site's full public address
 * (as the PDFs carry them) must name a file of the site.
 */
import path from "node:path/posix";
import type { Finding } from "./findings.ts";
import { parsePage } from "./structure.ts";

export interface SitePage {
  file: string; // "org/2021-22/index.html", relative to the site folder, forward slashes
  html: string;
}

/** Where the site is published: the path of its root on the web server ("/" or "/about-us/equality/"), and its full address when known. */
export interface SiteLocation {
  basePath: string;
  address: string | undefined;
}

export const ROOT: SiteLocation = { basePath: "/", address: undefined };

type Target = { file: string; hash: string } | { outside: string } | undefined;

/**
 * What a link names, from the page at `from`: a file of the site (with the fragment), a place outside the
 * site's folder, or undefined for another website, an email address or a phone number.
 */
export function linkTarget(from: string, url: string, site: SiteLocation): Target {
  let href = url;
  if (site.address !== undefined && href.startsWith(site.address)) href = site.basePath + href.slice(site.address.length);
  else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined;
  const [pathPart = "", hash = ""] = href.split("#");
  const clean = decodeURIComponent(pathPart.split("?")[0]!);
  if (clean === "") return { file: from, hash };
  let resolved: string;
  if (clean.startsWith("/")) {
    if (!clean.startsWith(site.basePath) && `${clean}/` !== site.basePath) return { outside: clean };
    resolved = clean.slice(site.basePath.length);
  } else {
    resolved = path.join(path.dirname(from), clean);
    if (resolved === ".." || resolved.startsWith("../")) return { outside: resolved };
  }
  if (resolved === "." || resolved === "./") resolved = "";
  return { file: resolved === "" || resolved.endsWith("/") ? `${resolved}index.html` : resolved, hash };
}

export function checkLinks(pages: readonly SitePage[], files: ReadonlySet<string>, site: SiteLocation = ROOT): Finding[] {
  const findings: Finding[] = [];
  const docs = new Map(pages.map((p) => [p.file, parsePage(p.html)]));
  const titles = new Map<string, string>();
  const folder = site.basePath === "/" ? "the site" : `the site's folder ${site.basePath}`;

  for (const [file, doc] of docs) {
    const add = (rule: string, element: string, message: string, fix: string) =>
      findings.push({ file, check: "links", rule, element, message, fix });
    const title = doc.querySelector("title")?.textContent?.trim() ?? "";
    const other = titles.get(title);
    if (other) add("unique-title", "title", `the page title "${title}" is also the title of ${other}`, "give every page its own title");
    else titles.set(title, file);

    for (const el of doc.querySelectorAll("[src], link[href]")) {
      const url = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
      const element = `${el.tagName.toLowerCase()}[${url}]`;
      if (url.startsWith("data:")) continue;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
        add("external-resource", element, `the page loads ${url} from outside the site`, "copy the file into the site and link it with the `url` filter, which writes an address relative to the page");
        continue;
      }
      const to = linkTarget(file, url, site);
      if (to && "outside" in to) add("resource-outside", element, `the page loads ${url}, which is outside ${folder}`, "write site addresses with the `url` filter, which makes them relative to the page");
      else if (to && !files.has(to.file)) add("broken-resource", element, `the page loads ${url}, which was not built`, "correct the address, or build the missing file");
    }

    const isPrint = doc.body?.classList.contains("print") ?? false;
    for (const a of doc.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href")!;
      const text = a.textContent?.trim().slice(0, 60);
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto|tel):/i.test(href)) {
        add("bad-scheme", `a[href="${href}"]`, `a link uses the address scheme of "${href.slice(0, 30)}"`, "links may only be web addresses, email addresses or phone numbers");
        continue;
      }
      // A PDF is read away from the site: its links go within the document, to another website, or to the site's full address.
      if (isPrint && !href.startsWith("#") && !/^(https?|mailto|tel):/i.test(href))
        add("print-relative-link", `a[href="${href}"]`, `the link "${text}" would lead nowhere in the PDF: it points to ${href}, an address relative to the print page`, "let the print layout pass its content through the printLinks filter (scripts/html/site-urls.ts)");
      const to = linkTarget(file, href, site);
      if (!to) continue;
      if ("outside" in to) {
        add("link-outside", `a[href="${href}"]`, `the link "${text}" points to ${href}, which is outside ${folder}`, "write site addresses with the `url` filter, which makes them relative to the page");
        continue;
      }
      if (!files.has(to.file)) {
        add("broken-link", `a[href="${href}"]`, `the link "${text}" points to ${href}, which was not built`, "correct the address, or build the missing page or download");
        continue;
      }
      if (to.hash && to.file.endsWith(".html")) {
        const targetDoc = docs.get(to.file);
        if (targetDoc && !targetDoc.getElementById(to.hash))
          add("broken-anchor", `a[href="${href}"]`, `the link "${text}" points to #${to.hash}, which is not on ${to.file}`, "point the link at an id that exists");
      }
    }
  }
  return findings;
}

/** The links of a PDF (their URIs): none may lead to the private address it was printed from, each to the site must name a file of it. */
export function checkPdfLinks(file: string, uris: readonly string[], files: ReadonlySet<string>, site: SiteLocation, printOrigin: string): Finding[] {
  const findings: Finding[] = [];
  for (const uri of new Set(uris)) {
    const add = (rule: string, message: string, fix: string) => findings.push({ file, check: "links", rule, element: `link to ${uri}`, message, fix });
    if (uri.startsWith(printOrigin)) {
      add("pdf-private-link", `a link in the PDF points to ${uri}, the private address the PDF was printed from, which no reader can open`, "let the print layout pass its content through the printLinks filter (scripts/html/site-urls.ts)");
      continue;
    }
    const to = linkTarget(file, uri, site);
    if (to && ("outside" in to || !files.has(to.file)))
      add("pdf-broken-link", `a link in the PDF points to ${uri}, which is not a file of this site`, "correct the link in the report, or the web_address in data/settings.yaml");
  }
  return findings;
}
