import { describe, expect, it } from "vitest";
import { checkLinks, checkPdfLinks, linkTarget, ROOT, type SiteLocation, type SitePage } from "./links.ts";

const equality: SiteLocation = { basePath: "/about-us/equality/", address: "https://www.acme.nhs.uk/about-us/equality/" };
const page = (file: string, body: string, bodyClass = ""): SitePage => ({
  file,
  html: `<!DOCTYPE html><html lang="en-GB"><head><title>${file}</title></head><body class="${bodyClass}">${body}</body></html>`,
});
const files = new Set(["index.html", "acme/index.html", "acme/2024-25/index.html", "acme/2024-25/print.html", "acme/2024-25/wres-2.csv", "assets/site.css"]);
const rules = (pages: SitePage[], site = equality) => checkLinks(pages, files, site).map((f) => `${f.file} ${f.rule} ${f.element}`);

describe("linkTarget", () => {
  it("resolves an address as the published site will: relative, under its path, or at its full address", () => {
    expect(linkTarget("acme/index.html", "2024-25/#wres-2", equality)).toEqual({ file: "acme/2024-25/index.html", hash: "wres-2" });
    expect(linkTarget("acme/index.html", "../", equality)).toEqual({ file: "index.html", hash: "" });
    expect(linkTarget("acme/index.html", "/about-us/equality/assets/site.css", equality)).toEqual({ file: "assets/site.css", hash: "" });
    expect(linkTarget("acme/index.html", "/assets/site.css", equality)).toEqual({ outside: "/assets/site.css" });
    expect(linkTarget("acme/index.html", "/assets/site.css", ROOT)).toEqual({ file: "assets/site.css", hash: "" });
    expect(linkTarget("acme/index.html", "../../x/", equality)).toEqual({ outside: "../x/" });
    expect(linkTarget("x.pdf", "https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-2.csv", equality)).toEqual({ file: "acme/2024-25/wres-2.csv", hash: "" });
    expect(linkTarget("x.pdf", "https://www.england.nhs.uk/", equality)).toBeUndefined();
  });
});

describe("checkLinks under a path", () => {
  it("finds root-relative addresses that leave the site's folder, and files that were not built", () => {
    const found = rules([
      page("index.html", '<link rel="stylesheet" href="assets/site.css"><a href="acme/">Acme</a>'),
      page("acme/index.html", '<link rel="stylesheet" href="/assets/site.css"><img src="../assets/logo.png" alt=""><a href="/acme/2024-25/">2024/25</a><a href="../../elsewhere/">Out</a>'),
    ]);
    expect(found).toEqual([
      "acme/index.html resource-outside link[/assets/site.css]",
      "acme/index.html broken-resource img[../assets/logo.png]",
      "acme/index.html link-outside a[href=\"/acme/2024-25/\"]",
      "acme/index.html link-outside a[href=\"../../elsewhere/\"]",
    ]);
    // The same pages at the root of an address of their own: a root-relative address resolves there.
    expect(rules([page("acme/index.html", '<link rel="stylesheet" href="/assets/site.css"><a href="/acme/2024-25/">2024/25</a>')], ROOT)).toEqual([]);
  });

  it("follows a print page's links to the site's full address, and refuses a relative one a PDF could not follow", () => {
    const found = rules([
      page("acme/2024-25/print.html", '<a href="#x">x</a><a href="https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-2.csv">CSV</a><a href="https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-9.csv">gone</a><a href="wres-2.csv">CSV</a><span id="x"></span>', "print"),
    ]);
    expect(found).toEqual([
      'acme/2024-25/print.html broken-link a[href="https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-9.csv"]',
      'acme/2024-25/print.html print-relative-link a[href="wres-2.csv"]',
    ]);
  });
});

describe("checkPdfLinks", () => {
  it("refuses links to the private print address and to files the site lacks", () => {
    const found = checkPdfLinks(
      "acme/2024-25/acme-2024-25.pdf",
      ["http://print.localhost/acme/2024-25/wres-2.csv", "https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-2.csv", "https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-9.csv", "https://www.england.nhs.uk/"],
      files,
      equality,
      "http://print.localhost",
    );
    expect(found.map((f) => `${f.rule} ${f.element}`)).toEqual([
      "pdf-private-link link to http://print.localhost/acme/2024-25/wres-2.csv",
      "pdf-broken-link link to https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-9.csv",
    ]);
  });
});
