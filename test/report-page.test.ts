/**
 * The report page as a reader meets it (issue 21), on the built examples in the real Chromium:
 * the summary first after the introduction, each finding said once on screen and to a screen
 * reader, no filler, headings and download links that say what they lead to, and a phone
 * layout without sideways scrolling.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { missingFromCsv } from "../scripts/charts/specs/expect-chart.ts";
import type { TableModel } from "../scripts/charts/types.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { repeatsOnPage, type Repeat } from "../scripts/check/repeated-sentences.ts";
import { launchBrowser } from "../scripts/pdf/browser.ts";
import { routeSite } from "../scripts/pdf/site-origin.ts";

const EXAMPLE = "example-nhs-trust/2024-25";
const REPORTS = [EXAMPLE, "norfolk-and-waveney-ccg/2021-22", "bsw-ccg/2020-21", "cambridgeshire-community-services/2023-24"];

/**
 * Repeats this issue leaves to others, each named: two national notes that NHS England words
 * alike for WRES 9 and WDES 10 (an author may leave national definitions out).
 */
const LEFT_TO_OTHERS = [/^Disaggregated by voting membership of the Board/];
const ours = (repeats: Repeat[]) => repeats.filter((r) => !LEFT_TO_OTHERS.some((re) => re.test(r.sentence)));

let out: string;
let browser: Browser;
const html = (key: string, file = "index.html") => readFile(path.join(out, key, file), "utf8");

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "report-page-test-")), "_site");
  await build({ outputDir: out, pdf: false, check: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the report page", () => {
  it("puts the summary first after the introduction, in the contents too", async () => {
    for (const key of REPORTS) {
      const doc = parsePage(await html(key));
      const main = doc.querySelector("main")!;
      const h2s = [...main.querySelectorAll("h2")].filter((h) => !h.classList.contains("nhsuk-u-visually-hidden"));
      expect(h2s[0]!.textContent, key).toBe("At a glance");
      expect(doc.querySelector(".nhsuk-contents-list__link")!.getAttribute("href"), key).toBe("#at-a-glance");
    }
    const print = parsePage(await html(EXAMPLE, "print.html"));
    expect(print.querySelector(".report-body > *")!.className).toBe("at-a-glance");
    expect(print.querySelector("nav.contents a")!.getAttribute("href")).toBe("#at-a-glance");
  });

  it("summarises every figure of a report with data, and names each indicator in its heading", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const rows = [...doc.querySelectorAll(".at-a-glance tbody tr")];
    expect(rows.length).toBe(doc.querySelectorAll(".indicator-card").length);
    const wres2 = rows.find((r) => r.querySelector("th")!.textContent === "WRES 2: appointment from shortlisting")!;
    expect([...wres2.querySelectorAll("td")].map((td) => td.textContent.trim())).toEqual([
      "1.69White applicants compared with culturally diverse applicants",
      "1.86",
      "Down, similar",
      "1.59 (2023, 1 year earlier)",
      "Outside",
      "Significant",
      "Action 1.1, Action 1.2",
    ]);
    const headings = [...doc.querySelectorAll(".indicator-list__heading")].map((h) => h.textContent);
    expect(headings).toContain("WRES 2: appointment from shortlisting");
    expect(headings).toContain("WDES 3: entering the formal capability process");
    expect(headings.every((h) => /^(WRES|WDES) \d+: [a-z]/.test(h))).toBe(true);
  });

  it("gives an indicator's national wording once: not above a chart whose subtitle already says it", async () => {
    const doc = parsePage(await html(EXAMPLE));
    for (const item of doc.querySelectorAll(".indicator-list__item")) {
      const title = item.querySelector(".indicator-list__title")?.textContent;
      if (!title) continue;
      for (const subtitle of item.querySelectorAll(".chart-figure__subtitle")) expect(subtitle.textContent.startsWith(title), item.id).toBe(false);
    }
    expect(doc.querySelector("#wdes-8 .indicator-list__title")).toBeNull();
  });

  it("says nothing under an indicator that no action addresses (the summary says None)", async () => {
    for (const key of REPORTS) expect(await html(key), key).not.toContain("No action in this plan addresses it directly");
  });

  it("gives a report without data no per-indicator sections: one table of what the plan addresses", async () => {
    const doc = parsePage(await html("norfolk-and-waveney-ccg/2021-22"));
    expect(doc.querySelector("#indicators")).toBeNull();
    expect(doc.querySelectorAll(".indicator-list")).toHaveLength(0);
    const rows = [...doc.querySelectorAll(".at-a-glance tbody tr")].map((r) => r.querySelector("th")!.textContent);
    expect(rows).toEqual(["WRES 1", "WRES 2", "WRES 3", "WRES 4", "WRES 5", "WRES 6", "WRES 7", "WRES 8", "WRES 9"]);
    // Every link from an action to an indicator lands on its row.
    for (const a of doc.querySelectorAll('a[href^="#wres-"]')) expect(doc.getElementById(a.getAttribute("href")!.slice(1)), a.getAttribute("href")!).not.toBeNull();
  });

  it("gives the publication date and the data's as-at dates under the title and on the PDF cover", async () => {
    const dates = async (key: string, file: string, scope: string) =>
      [...parsePage(await html(key, file)).querySelectorAll(`${scope} .report-dates__row`)].map((row) => [...row.children].map((c) => c.textContent.trim()).join(" "));
    const example = ["Published: 30 September 2024", "Workforce data: at 31 March 2024", "Staff survey: NHS Staff Survey 2023 (autumn 2023)"];
    expect(await dates(EXAMPLE, "index.html", "main")).toEqual(example);
    expect(await dates(EXAMPLE, "print.html", ".cover")).toEqual(example);
    // A board paper without a plan date is published on the date of its meeting; a report without data has no data dates.
    expect(await dates("cambridgeshire-community-services/2023-24", "index.html", "main")).toEqual(["Published: 22 November 2023"]);
  });

  it("says whose each headline figure is, and how old England's is (review findings 11 and 13)", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const card = (slug: string) => doc.querySelector(`#${slug}-figure`)!;
    const words = (slug: string, part: string) => card(slug).querySelector(`.indicator-card__${part}`)!.textContent.replace(/\s+/g, " ").trim();
    expect(words("wres-1", "value")).toBe("18.6% of staff are culturally diverse");
    expect(words("wres-5", "value")).toBe("29.5% of culturally diverse staff");
    expect(words("wres-2", "value")).toBe("1.69 relative likelihood: White applicants compared with culturally diverse applicants");
    expect(words("wres-5", "national")).toBe(
      "England: 29.2% of culturally diverse staff in the 2021 NHS Staff Survey (NHS England WRES 2022 report), the latest national figure we hold: 2 years before ours.",
    );
    expect(card("wres-5").textContent).toContain("95% confidence interval for culturally diverse staff: 24.3% to 35.3%.");
    // The interval is explained once, in plain words without a double negative (finding 12), on the page and in print.
    for (const file of ["index.html", "print.html"]) {
      const page = await html(EXAMPLE, file);
      expect(page).not.toContain("leaves out no difference");
      expect(page.split("A 95% confidence interval is the range the true figure very probably lies in")).toHaveLength(2);
      expect(page).toContain("only when that range does not reach equality");
      expect(page).toContain("Charts show the years 2022, 2023 and 2024.");
    }
    // A national figure we do not hold is "not available" to a screen reader; a parity band for a percentage "does not apply".
    const wres6 = [...doc.querySelectorAll(".at-a-glance tbody tr")].find((r) => r.querySelector("th")!.textContent.startsWith("WRES 6"))!;
    const heads = [...doc.querySelectorAll(".at-a-glance thead th")].map((th) => th.textContent);
    const hidden = (label: string) => wres6.children[heads.findIndex((h) => h.startsWith(label))]!.querySelector(".at-a-glance__hidden")?.textContent;
    expect([hidden("England"), hidden("Parity band"), hidden("Gap between groups")]).toEqual(["not available", "does not apply", undefined]);
  });

  it("gives each part of a metric one short name, the same in its heading, chart subtitle and table caption (finding 15)", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const part = doc.querySelector("#wdes-4a-ii-figure")!;
    expect(part.querySelector("h4")!.textContent).toBe("WDES 4a (ii): harassment, bullying or abuse from managers");
    expect(part.querySelector(".chart-figure__subtitle")!.textContent).toBe("Harassment, bullying or abuse from managers, by survey year");
    expect(part.querySelector(".chart-figure__data caption")!.textContent).toBe("Harassment, bullying or abuse from managers");
    expect(await html(EXAMPLE)).not.toMatch(/a\) ii\) managers|b\) reporting it|a\) staff engagement score/);
  });

  it("draws WRES 1 non-clinical, whose bands are mostly hidden, by the published clusters, and keeps the bands in the table", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const figure = doc.querySelector("#chart-wres-1-non-clinical")!;
    expect(figure.querySelector(".chart-figure__subtitle")!.textContent).toBe(
      "Percentage of non-clinical staff in each AfC cluster who are culturally diverse, at 31 March 2024, against the whole workforce. " +
        "Bands are grouped into the WDES clusters because the share is hidden in 10 of the 13 bands to protect small numbers of staff; " +
        "the table of non-clinical staff by AfC band gives each band.",
    );
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("aria-label")).toContain("in each AfC cluster (bands grouped, as most bands' figures are hidden)");
    const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    for (const label of ["Bands 1-4", "Bands 5-7", "Bands 8a-8b", "14.5%", "10.7%", "fewer than 10"]) expect(texts).toContain(label);
    expect(texts.filter((t) => /^Band \d/.test(t))).toEqual([]);
    // The page's table of counts keeps each band, as suppressed.
    const bands = [...doc.querySelectorAll("#wres-1-figure table")].find((t) => t.querySelector("caption")!.textContent === "WRES 1: Non-clinical staff by AfC band")!;
    const rows = [...bands.querySelectorAll("tbody tr")].map((tr) => [tr.querySelector("th")!.textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]);
    expect(rows.map((r) => r[0])).toEqual([
      ...["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"].map((b) => `Band ${b}`),
      "Very senior managers",
      "All non-clinical staff",
    ]);
    expect(rows.filter((r) => /^(not shown|fewer than 10)$/.test(r[3]!))).toHaveLength(10);
    expect(rows[1]).toEqual(["Band 2", "310", "248 (80.0%)", "48 (15.5%)", "14 (4.5%)"]);
  });

  it("gives in every chart's CSV at least what the page's tables show: the chart's table, and the card's table of counts beside it", async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith("index.html"));
    const modelOf = (table: Element): TableModel => ({
      caption: table.querySelector("caption")!.textContent,
      head: [...table.querySelectorAll("thead th")].map((th) => th.textContent),
      rows: [...table.querySelectorAll("tbody tr")].map((tr) => ({ header: tr.querySelector("th")!.textContent, cells: [...tr.querySelectorAll("td")].map((td) => td.textContent) })),
    });
    let checked = 0;
    const problems: string[] = [];
    for (const file of pages) {
      const doc = parsePage(await readFile(path.join(out, file), "utf8"));
      const csvOf = (figure: Element) => readFileSync(path.join(out, path.dirname(file), figure.querySelector("a[download]")!.getAttribute("href")!), "utf8");
      const compare = (table: Element, csv: string, where: string) => {
        checked++;
        for (const problem of missingFromCsv(modelOf(table), csv)) problems.push(`${file} ${where}: ${problem}`);
      };
      for (const figure of doc.querySelectorAll("figure.chart-figure")) compare(figure.querySelector("table")!, csvOf(figure), figure.id);
      for (const card of doc.querySelectorAll(".indicator-card")) {
        const tables = [...card.querySelectorAll(":scope > .table-scroll table")];
        const figures = [...card.querySelectorAll("figure.chart-figure")];
        if (tables.length === 0) continue;
        expect(tables.length, `${file} ${card.id}: a table of counts for each chart`).toBe(figures.length);
        tables.forEach((table, i) => compare(table, csvOf(figures[i]!), `${card.id}, ${table.querySelector("caption")!.textContent}`));
      }
    }
    expect(problems).toEqual([]);
    // The example trust's 26 charts, and the tables of counts of WRES 1 (3), WDES 1 (3), WRES 9 and WDES 10.
    expect(checked).toBeGreaterThanOrEqual(34);
  });

  it("names each chart without saying where its figures are: what follows it says so, on the web and in the PDF", async () => {
    const web = parsePage(await html(EXAMPLE));
    const print = parsePage(await html(EXAMPLE, "print.html"));
    const drawn = [...web.querySelectorAll("figure.chart-figure")].filter((f) => f.querySelector("svg"));
    expect(drawn.length).toBeGreaterThan(20);
    for (const figure of drawn) {
      // One SVG for both: its name is true in both, and says nothing the next line says.
      expect(figure.querySelector("svg")!.getAttribute("aria-label"), figure.id).not.toMatch(/below|above|table|Data for this chart|appendix/);
      const next = figure.querySelector(".chart-figure__chart")!.nextElementSibling!;
      expect(next.querySelector("summary")!.textContent.trim(), figure.id).toBe("Data for this chart");
      const printed = print.querySelector(`#${figure.id} .chart-figure__chart`)!.nextElementSibling!;
      expect(printed.textContent.replace(/\s+/g, " ").trim(), figure.id).toBe("Data for this chart (in the appendix)");
      expect(print.querySelector(printed.querySelector("a")!.getAttribute("href")!)?.querySelector("table"), figure.id).toBeTruthy();
    }
  });

  it("says the board finding and the workforce share once each (finding 16)", async () => {
    const text = parsePage(await html(EXAMPLE)).querySelector("main")!.textContent.replace(/\s+/g, " ");
    expect(text.split("2 of the 13 voting board members were culturally diverse (15.4%)")).toHaveLength(2);
    expect(text.split("18.6% of the workforce")).toHaveLength(2);
    expect(text).not.toContain("of the whole workforce but");
  });

  it("writes a figure the same in the page's table, the chart's table and the finding, and as a bare number in the CSV (issue 20)", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const votingCells = (table: Element) => [...table.querySelectorAll("tr")].find((tr) => tr.querySelector("th")?.textContent.trim() === "Voting members")!;
    const wdes10 = doc.querySelector("#wdes-10")!;
    const [cardTable, chartTable] = [...wdes10.querySelectorAll("table")];
    expect(votingCells(cardTable!).lastElementChild!.textContent.trim()).toBe("+0.9 points");
    expect(votingCells(chartTable!).lastElementChild!.textContent.trim()).toBe("+0.9 points");
    expect(wdes10.textContent.replace(/\s+/g, " ")).toContain("0.9 percentage points above their share of the overall workforce");
    expect(await html(EXAMPLE, "wdes-10.csv")).toContain("\r\nVoting members,13,1,7.7,6.8,0.9,\r\n");
    // Every cell in points, on every report: signed, with its unit, its interval in the same words.
    for (const key of REPORTS) {
      const cells = [...parsePage(await html(key)).querySelectorAll("table")].flatMap((table) => {
        const columns = [...table.querySelectorAll("thead th")].flatMap((th, i) => (th.textContent.includes("percentage points") ? [i] : []));
        return [...table.querySelectorAll("tbody tr")].flatMap((tr) => columns.map((i) => tr.children[i]!.textContent.trim()));
      });
      for (const cell of cells) expect(cell, key).toMatch(/^(([+-]\d+\.\d|0\.0) points( \(([+-]\d+\.\d|0\.0) to ([+-]\d+\.\d|0\.0) points\))?|not shown|not available|fewer than \d+)$/);
    }
  });

  it("says a report's period once beside its title, and its progress in lower case after each count (finding 20)", async () => {
    const titles = (file: string) => [...parsePage(readFileSync(path.join(out, file), "utf8")).querySelectorAll("main li a")].map((a) => a.textContent);
    expect(titles("example-nhs-trust/index.html")).toContain("Example Trust WRES and WDES report 2024/25 (fictional)");
    expect(titles("bsw-ccg/index.html")).toContain("Bath and North East Somerset, Swindon and Wiltshire (BSW) CCG People Strategy (2020/21)");
    const progress = parsePage(await html(EXAMPLE)).querySelector(".action-plan__progress")!.textContent.replace(/\s+/g, " ");
    expect(progress).toMatch(/^Progress as at 31 March 2025: 1 action not started, 1 action in progress, .* and 1 action complete\./);
  });

  it("names the organisation above the title only when the title does not (finding 20)", async () => {
    const caption = async (key: string) => parsePage(await html(key)).querySelector("main .nhsuk-caption-l")?.textContent;
    expect(await caption(EXAMPLE)).toBeUndefined();
    expect(parsePage(await html(EXAMPLE)).querySelector("h1")!.textContent).toContain("Example Trust");
    expect(await caption("cambridgeshire-community-services/2023-24")).toBe("Cambridgeshire Community Services NHS Trust");
  });

  it("names each download briefly", async () => {
    const doc = parsePage(await html(EXAMPLE));
    const links = [...doc.querySelectorAll("#downloads ~ ul a[download]")].map((a) => a.textContent);
    expect(links).toHaveLength(26);
    expect(links).toContain("WRES 2: appointment from shortlisting (CSV)");
    expect(links).toContain("WRES 1: staff in each pay band, medical and dental staff (CSV)");
    // Before: each link repeated its chart's finding, up to 270 characters.
    expect(Math.max(...links.map((l) => l.length))).toBeLessThanOrEqual(90);
  });

  it("makes no table's box a keyboard stop, and scrolls none sideways at 320 px: a table of more than three columns is a block per row on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    try {
      const urlOf = await routeSite(context, out);
      const page = await context.newPage();
      await page.goto(urlOf(`${EXAMPLE}/index.html`));
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const boxes = await page.locator(".table-scroll").evaluateAll((all) =>
        all.map((box) => ({ caption: box.querySelector("caption")!.textContent, stop: box.hasAttribute("tabindex"), scrolls: box.scrollWidth > box.clientWidth })),
      );
      expect(boxes.length).toBeGreaterThan(20);
      expect(boxes.filter((b) => b.stop || b.scrolls)).toEqual([]);
      // Stacked, each figure is shown after its column's name (named once on the table, not on every cell), and read by
      // its column header as a table.
      const labels = await page.locator(".data-table--stacks").evaluateAll((tables) =>
        tables.flatMap((table) => {
          const head = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
          return [...table.querySelectorAll("tbody td")].map((td) => ({
            shown: getComputedStyle(td, "::before").content,
            name: td.textContent === "" ? "none" : `"${head[(td as HTMLTableCellElement).cellIndex]}: " / ""`,
            attribute: td.hasAttribute("data-label"),
          }));
        }),
      );
      expect(labels.length).toBeGreaterThan(100);
      expect(labels.filter((l) => l.shown !== l.name || l.attribute)).toEqual([]);
      expect(await page.locator(".data-table--stacks").first().ariaSnapshot()).toMatch(/^- '?table /);
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 320]) {
    it(`says each sentence once, on screen and to a screen reader, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const urlOf = await routeSite(context, out);
        const page = await context.newPage();
        await page.goto(urlOf(`${EXAMPLE}/index.html`));
        const { visible, spoken } = await repeatsOnPage(page);
        expect(ours(visible)).toEqual([]);
        expect(ours(spoken)).toEqual([]);
        // Each finding once: a figure's sentence is its chart's caption and nothing else.
        const finding = "White applicants were 1.69 times as likely as culturally diverse applicants to be appointed from shortlisting";
        const text = await page.evaluate(() => document.body.innerText);
        expect(text.split(finding)).toHaveLength(2);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        // A chart's table wider than the screen scrolls sideways, but its caption stays in view.
        const captionsCut = await page.evaluate(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
          return [...document.querySelectorAll(".chart-figure .table-scroll caption")].flatMap((caption) => {
            const box = caption.closest(".table-scroll")!.getBoundingClientRect();
            const text = caption.getBoundingClientRect();
            return text.right > box.right + 0.5 ? [`${caption.textContent} (${Math.round(text.right - box.right)} px cut off)`] : [];
          });
        });
        expect(captionsCut).toEqual([]);
        // A date's value starts on its label's line, and wraps after it (at 320 px "Staff survey:" once left its line alone).
        const datesApart = await page.locator("main .report-dates__row").evaluateAll((rows) =>
          rows.flatMap((row) => {
            const [label, value] = [row.querySelector("dt")!, row.querySelector("dd")!];
            const [l, v] = [label.getClientRects(), value.getClientRects()];
            return Math.abs(l[l.length - 1]!.top - v[0]!.top) > 1 ? [`${label.textContent} ${value.textContent}`] : [];
          }),
        );
        expect(datesApart).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
