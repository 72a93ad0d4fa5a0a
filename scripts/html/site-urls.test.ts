import { describe, expect, it } from "vitest";
import { printLinks, relativeUrl } from "./site-urls.ts";

describe("relativeUrl", () => {
  it("writes a site path relative to the page, so that the site works in any folder", () => {
    expect(relativeUrl("/", "/")).toBe("./");
    expect(relativeUrl("/assets/site.css", "/")).toBe("assets/site.css");
    expect(relativeUrl("/acme/2024-25/", "/acme/")).toBe("2024-25/");
    expect(relativeUrl("/acme/2023-24/#action-1-3", "/acme/2024-25/")).toBe("../2023-24/#action-1-3");
    expect(relativeUrl("/", "/acme/2024-25/")).toBe("../../");
    expect(relativeUrl("/acme/2024-25/", "/acme/2024-25/")).toBe("./");
    expect(relativeUrl("/acme/2024-25/print.html", "/acme/2024-25/")).toBe("print.html");
    expect(relativeUrl("/assets/logos/acme.svg", "/acme/2024-25/print.html")).toBe("../../assets/logos/acme.svg");
    expect(relativeUrl("/guide/?q=1", "/guide/errors/")).toBe("../?q=1");
  });

  it("leaves alone what is not a site path", () => {
    for (const url of ["#action-1", "https://www.acme.nhs.uk/", "mailto:a@b.nhs.uk", "//cdn.example/x", "wres-2.csv", ""]) expect(relativeUrl(url, "/acme/")).toBe(url);
  });
});

describe("printLinks", () => {
  const page = `<h2 id="x">X</h2><p><a href="#x">see X</a>, <a href="https://www.england.nhs.uk/">NHS England</a>, <a href="mailto:e@acme.nhs.uk">e@acme.nhs.uk</a>.</p>
<p class="chart-figure__download"><a href="wres-2.csv" download="wres-2.csv">Download this data as CSV</a> (wres-2.csv)</p>
<p><a href="../2023-24/#action-1-3">Action <strong>1.3</strong></a> and <a href="../../?a=1&amp;b=2">home</a></p>`;

  it("gives every link to the site its full public address", () => {
    const html = printLinks(page, "/acme/2024-25/print.html", "https://www.acme.nhs.uk/about-us/equality/");
    expect(html).toContain('<a href="#x">see X</a>');
    expect(html).toContain('<a href="https://www.england.nhs.uk/">NHS England</a>');
    expect(html).toContain('<a href="mailto:e@acme.nhs.uk">');
    expect(html).toContain('<a href="https://www.acme.nhs.uk/about-us/equality/acme/2024-25/wres-2.csv" download="wres-2.csv">Download this data as CSV</a>');
    expect(html).toContain('<a href="https://www.acme.nhs.uk/about-us/equality/acme/2023-24/#action-1-3">Action <strong>1.3</strong></a>');
    expect(html).toContain('<a href="https://www.acme.nhs.uk/about-us/equality/?a=1&amp;b=2">home</a>');
  });

  it("prints a link to the site as plain text when the site has no public address", () => {
    const html = printLinks(page, "/acme/2024-25/print.html", undefined);
    expect(html).toContain('<p class="chart-figure__download">Download this data as CSV (wres-2.csv)</p>');
    expect(html).toContain("<p>Action <strong>1.3</strong> and home</p>");
    expect(html).toContain('<a href="#x">see X</a>');
    expect(html).toContain('<a href="https://www.england.nhs.uk/">NHS England</a>');
  });
});
