/**
 * Site addresses as the pages write them: relative to the page, so that the site works wherever it is
 * published (at the root of its own address, or in a folder of an existing site such as
 * /about-us/equality/) without being built again for the place; and, in the PDFs, the full public address.
 * Pure: strings in, strings out.
 */
import path from "node:path/posix";

/** A link that leaves the site or stays on the page: a scheme (https:, mailto:), "//host", or only "#fragment". */
const notASitePath = (url: string) => /^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || url === "";

/**
 * The address of the site path `url` ("/org/2024-25/", "/assets/site.css") as written on the page at
 * `pageUrl` ("/org/"): "2024-25/", "../assets/site.css". Other addresses are returned as they are.
 */
export function relativeUrl(url: string, pageUrl: string): string {
  if (notASitePath(url) || !url.startsWith("/")) return url;
  const [pathPart = "", ...rest] = url.split(/(?=[?#])/);
  const from = pageUrl.endsWith("/") ? pageUrl : path.dirname(pageUrl) + "/";
  let relative = path.relative(from, pathPart);
  if (pathPart.endsWith("/") && relative !== "") relative += "/";
  return (relative === "" ? "./" : relative) + rest.join("");
}

/**
 * The links of a print page as its PDF must carry them: a link within the document (#...) or to
 * another website stays; a link to a page or file of this site (a CSV download, another edition) goes to
 * its full public address under `address` ("https://www.acme.nhs.uk/about-us/equality/"), or, when the
 * settings give no address, becomes plain text: a PDF read away from the site cannot follow a relative link.
 *
 * Works on the HTML the print templates write, where every attribute value is escaped by Nunjucks or
 * markdown-it (no raw `>` or `"` inside a tag) and links never nest. Only links with an href that does not
 * start with "#" are taken out of the page: a report's print page has hundreds of links within itself, and a
 * replacement for each cost more than the rest of this filter (2 ms of a page's 2.1 ms on a 215 KB page).
 */
export function printLinks(html: string, pageUrl: string, address: string | undefined): string {
  return html.replace(/<a\b(?=[^>]*\shref="(?!#))([^>]*)>([\s\S]*?)<\/a>/g, (link: string, attributes: string, text: string) => {
    const href = /\shref="([^"]*)"/.exec(attributes)?.[1];
    if (href === undefined || notASitePath(href.replaceAll("&amp;", "&"))) return link;
    if (address === undefined) return text;
    const site = new URL(href.replaceAll("&amp;", "&"), `http://site${pageUrl}`);
    const full = new URL(`${site.pathname.slice(1)}${site.search}${site.hash}`, address).href;
    return `<a${attributes.replace(/\shref="[^"]*"/, ` href="${full.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`)}>${text}</a>`;
  });
}
