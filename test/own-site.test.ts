/**
 * A trust's own site, as a new user publishes it (issue 14): a project folder of its own, without the
 * examples (the national reference data comes from the tool), published in a folder of the trust's
 * existing website, in its second year. Built with PDFs and every check, served in Chromium under
 * its path; then an organisation in its fifth year. Each is built from the Example NHS Trust's
 * files, copied into the new folder under another name as an author would.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { pdfLinkUris } from "../scripts/check/pdf-uris.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { repoRoot } from "./project.ts";

const EXAMPLE = "example-nhs-trust";
const ADDRESS = "https://www.acme.nhs.uk/about-us/equality/";

/**
 * An organisation's project with `editions` yearly reports, the latest 2024/25, from the example
 * trust's plan, report page and metric data; with `settings` as data/settings.yaml, if any.
 */
async function trustProject(slug: string, name: string, editions: number, settings?: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `${slug}-`));
  const from = (file: string) => readFile(path.join(repoRoot, file), "utf8");
  const put = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };
  if (settings !== undefined) await put("data/settings.yaml", settings);
  const organisation = (await from(`data/organisations/${EXAMPLE}.yaml`)).replace(/^name: .*$/m, `name: ${name}`).replace(`logo: data/organisations/${EXAMPLE}-logo.svg`, `logo: data/organisations/${slug}-logo.svg`);
  await put(`data/organisations/${slug}.yaml`, organisation);
  await cp(path.join(repoRoot, `data/organisations/${EXAMPLE}-logo.svg`), path.join(root, `data/organisations/${slug}-logo.svg`));
  const plan = await from(`data/plans/${EXAMPLE}/2024-25.yaml`);
  const report = await from(`content/reports/${EXAMPLE}/2024-25.md`);
  const oldest = await from(`data/metrics/${EXAMPLE}/2022.yaml`);
  for (let year = 2024; year > 2024 - editions; year--) {
    const period = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
    const file = period.replace("/", "-");
    await put(`data/plans/${slug}/${file}.yaml`, plan.replaceAll("2024/25", period));
    await put(`content/reports/${slug}/${file}.md`, report.replaceAll("2024/25", period).replace("metrics_year: 2024", `metrics_year: ${year}`));
    // The example has metric data for 2022 to 2024; earlier years repeat 2022's counts under their own dates.
    const metrics = year >= 2022 ? await from(`data/metrics/${EXAMPLE}/${year}.yaml`) : oldest.replace("year: 2022", `year: ${year}`).replace("snapshot_date: 2022-03-31", `snapshot_date: ${year}-03-31`).replace("survey_year: 2021", `survey_year: ${year - 1}`);
    // Last year's entries come from last year's file where there is one (a repeated year's differ from the return's).
    const hasLastYear = year <= 2022 && year > 2024 - editions + 1;
    await put(`data/metrics/${slug}/${year}.yaml`, hasLastYear ? metrics.replace(/^\s*previous_year_entries:.*\n/gm, "") : metrics);
  }
  return root;
}

async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "";

describe("a trust's own site in a folder of its website, in its second year", () => {
  let site: string;
  let files: string[];
  const page = async (file: string) => parsePage(await readFile(path.join(site, file), "utf8"));

  beforeAll(async () => {
    const root = await trustProject(
      "acme-nhs-trust",
      "Acme NHS Trust",
      2,
      `site_title: Acme workforce equality reports\nweb_address: ${ADDRESS}\naccessibility:\n  prepared: 2025-09-01\n  reviewed: 2026-03-02\n`,
    );
    // Every check runs on the new site served under /about-us/equality/ (the build throws on any finding).
    await build({ root, quiet: true });
    site = path.join(root, "_site");
    files = await siteFiles(site);
  }, 600_000);

  it("publishes the trust's pages only: no example, no authoring guide", () => {
    expect(files.filter((f) => f.endsWith("index.html")).sort()).toEqual([
      "accessibility/index.html",
      "acme-nhs-trust/2023-24/index.html",
      "acme-nhs-trust/2024-25/index.html",
      "acme-nhs-trust/index.html",
      "index.html",
    ]);
    expect(files.filter((f) => f.endsWith(".pdf"))).toHaveLength(2);
  });

  it("names the trust in every page's footer, never NHS England, and links no guide", async () => {
    for (const file of files.filter((f) => f.endsWith("index.html"))) {
      const doc = await page(file);
      expect(text(doc, "footer"), file).toBe("Support links Accessibility statement © Acme NHS Trust");
      expect(doc.querySelector("title")?.textContent, file).toMatch(/ - Acme workforce equality reports$/);
    }
  });

  it("writes every site address relative to the page, so that it works in the folder", async () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await readFile(path.join(site, file), "utf8");
      expect(html.match(/\s(?:href|src)="\/[^"]*"/g), file).toBeNull();
    }
  });

  it("gives every link in the PDFs the trust's public address, and never the address they were printed from", async () => {
    for (const pdf of files.filter((f) => f.endsWith(".pdf"))) {
      const uris = await pdfLinkUris(await readFile(path.join(site, pdf)));
      const own = uris.filter((u) => u.startsWith(ADDRESS));
      // The appendix of the charts' data points to the report's web page, where the CSV files are.
      expect(own, pdf).toContain(`${ADDRESS}${path.dirname(pdf)}/`);
      for (const uri of own) expect(files, uri).toContain(uri.slice(ADDRESS.length).replace(/\/$/, "/index.html"));
      expect(uris.filter((u) => !u.startsWith(ADDRESS) && !u.startsWith("https://") && !u.startsWith("mailto:")), pdf).toEqual([]);
    }
    for (const file of files) expect((await readFile(path.join(site, file))).includes("print.localhost"), file).toBe(false);
  });

  it("shows each indicator across both editions, and what changed since the first", async () => {
    const org = await page("acme-nhs-trust/index.html");
    const heads = [...org.querySelectorAll("table.edition-trends thead th")].map((th) => th.textContent);
    expect(heads).toEqual(["Indicator", "2023/24 (data 2023)", "2024/25 (data 2024)", "Metric", "2023/24 (data 2023)", "2024/25 (data 2024)"]);
    const latest = await page("acme-nhs-trust/2024-25/index.html");
    expect(text(latest, "#changes-since")).toBe("What has changed since 2023/24");
    expect([...latest.querySelectorAll(".edition-changes a")].map((a) => a.getAttribute("href"))).toContain("../2023-24/");
  });

  it("publishes an accessibility statement with the trust's contact, its own dates and the checks' results", async () => {
    const statement = text(await page("accessibility/index.html"), "main");
    expect(statement).toContain(`This accessibility statement applies to the website at ${ADDRESS}`);
    expect(statement).toContain("This website is run by Acme NHS Trust.");
    expect(statement).toContain("Acme NHS Trust: email equality@example.org");
    expect(statement).toContain("This statement was prepared on 1 September 2025. It was last reviewed on 2 March 2026.");
    expect(statement).toContain("This website is partially compliant");
    expect(statement).toMatch(/they found none on the \d+ web pages and 2 PDF files tested/);
    expect(statement).toContain("contact the Equality Advisory and Support Service (EASS)");
  });
});

describe("an organisation in its fifth year, with no public address", () => {
  let site: string;

  beforeAll(async () => {
    const root = await trustProject("five-year-trust", "Five Year NHS Trust", 5);
    await build({ root, pdf: false, quiet: true });
    site = path.join(root, "_site");
  }, 600_000);

  it("builds and passes every check at 320 px, with a column for each edition", async () => {
    const org = parsePage(await readFile(path.join(site, "five-year-trust/index.html"), "utf8"));
    const table = org.querySelector("table.edition-trends")!;
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Indicator", ...[2020, 2021, 2022, 2023, 2024].map((y) => `${y}/${String(y + 1).slice(2)} (data ${y})`)]);
    const latest = parsePage(await readFile(path.join(site, "five-year-trust/2024-25/index.html"), "utf8"));
    expect([...latest.querySelectorAll(".edition-changes li a")].map((a) => a.getAttribute("href"))).toEqual(["../2023-24/", "../2022-23/", "../2021-22/", "../2020-21/"]);
  });

  it("prints a link to the site as plain text in the print page, for want of an address", async () => {
    const print = parsePage(await readFile(path.join(site, "five-year-trust/2024-25/print.html"), "utf8"));
    // A PDF cannot download a file beside it: the appendix names where the data is, without a link.
    expect(print.querySelector(".chart-figure__download")).toBeNull();
    expect(text(print, ".chart-data > p")).toContain("The same tables are on the report's web page, where each is also a CSV file to download.");
    expect([...print.querySelectorAll("a[href]")].filter((a) => !/^(#|https:|mailto:)/.test(a.getAttribute("href")!))).toEqual([]);
  });

  it("names the organisation as the publisher, and says the statement has not been reviewed", async () => {
    const statement = parsePage(await readFile(path.join(site, "accessibility/index.html"), "utf8"));
    expect(text(statement, "footer")).toContain("© Five Year NHS Trust");
    expect(text(statement, "main")).toContain("This statement has not yet been reviewed by Five Year NHS Trust.");
  });
});
