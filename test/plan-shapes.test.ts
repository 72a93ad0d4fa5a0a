/**
 * The three plan shapes of the guide (content/guide/plan-shapes.md: themes, themes with
 * objectives, one list of actions), built into real pages and a real PDF, and the repository's
 * examples: what a reader sees of each action plan.
 * - the objective's text once, its cells spanning its actions' rows; no invented heading for a
 *   plan that is one list; "All WRES indicators" as one link; the plan's own column headings;
 *   paragraphs and lists kept; progress "as at" the review date, on the page and in the PDF;
 * - the one mapping rule: an indicator that links to a theme, objective or action (or to something
 *   inside it) is shown beside it, and one shown beside it links to it, into it, or to the theme or
 *   objective it is in;
 * - in Chromium at 320 px every field of every action is on screen without sideways scrolling,
 *   and at 1280 px the plan is a table; at either width the keyboard stops only at its links (no
 *   table or wrapper is a tab stop, as a scrolling one would be).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { parsePage } from "../scripts/check/structure.ts";
import { launchBrowser } from "../scripts/pdf/browser.ts";
import { routeSite } from "../scripts/pdf/site-origin.ts";
import { repeatsOnPage } from "../scripts/check/repeated-sentences.ts";
import { guideExamples } from "./guide-examples.ts";
import { makeProject } from "./project.ts";

const SHAPES = ["themes", "objectives", "list"] as const;
let site: string;
let examples: string;
let browser: Browser;

const page = async (dir: string, key: string) => parsePage(await readFile(path.join(dir, key, "index.html"), "utf8"));
const text = (e: Element | null | undefined) => (e?.textContent ?? "").replace(/\s+/g, " ").trim();

beforeAll(async () => {
  const plans = (await guideExamples(["plan-shapes.md"])).filter((e) => e.kind === "plan");
  expect(plans).toHaveLength(SHAPES.length);
  // Three organisations: the site says who publishes it.
  const files: Record<string, string> = { "data/settings.yaml": "publisher:\n  name: Acme Region\n" };
  SHAPES.forEach((shape, i) => {
    const period = /^period: (\S+)/m.exec(plans[i]!.text)?.[1] ?? "2023/24";
    files[`data/organisations/${shape}.yaml`] = `name: Acme ${shape}\ntype: trust\ncontact:\n  email: equality@acme.nhs.uk\n`;
    files[`data/plans/${shape}/${period.replace("/", "-")}.yaml`] = plans[i]!.text;
    files[`content/reports/${shape}/${period.replace("/", "-")}.md`] = "---\noutputs: [web, pdf]\n---\n## About this plan\n\nText.\n";
  });
  const root = await makeProject(files);
  site = path.join(root, "_site");
  examples = path.join(await mkdtemp(path.join(tmpdir(), "plan-examples-")), "_site");
  await build({ root, outputDir: site, check: false, quiet: true });
  await build({ outputDir: examples, pdf: false, check: false, quiet: true });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** Where Tab stops inside the action plan, in order: from the plan's start until focus leaves it. */
async function tabStops(tab: Page): Promise<string[]> {
  await tab.evaluate(() => {
    const plan = document.querySelector<HTMLElement>(".action-plan")!;
    plan.setAttribute("tabindex", "-1");
    plan.focus();
  });
  const stops: string[] = [];
  for (;;) {
    await tab.keyboard.press("Tab");
    const stop = await tab.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.querySelector(".action-plan") && e.closest(".action-plan") ? `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ""}` : undefined;
    });
    if (stop === undefined) return stops;
    stops.push(stop);
  }
}

describe("themes with objectives", () => {
  it("shows each objective once, its text and current position spanning the rows of its actions", async () => {
    const doc = await page(site, "objectives/2024-25");
    const objective = doc.getElementById("objective-1-1")!;
    expect(objective.getAttribute("rowspan")).toBe("3");
    expect(text(doc.querySelector("main")).split("Make our recruitment fair at every band.")).toHaveLength(2);
    // Its current position keeps its two paragraphs.
    const current = objective.nextElementSibling!;
    expect([...current.querySelectorAll("p")].map(text)).toEqual([
      "White applicants were 1.6 times as likely to be appointed from shortlisting in 2024.",
      "Diverse panels are in place for band 8a and above only.",
    ]);
    expect(text(objective)).toContain("Progress: 3 actions: 1 in progress, 1 on-going, 1 complete.");
  });

  it("heads the columns as the plan does, and states progress as at the review date, judged on that date", async () => {
    const doc = await page(site, "objectives/2024-25");
    const headings = [...doc.querySelectorAll("table.action-table thead th")].map(text);
    expect(headings.slice(0, 6)).toEqual(["Objective", "Current position", "What we will do", "Lead", "Time-scale", "Status"]);
    // Due 31 March 2025 and reviewed on 31 March 2025: not yet past its due date; nothing else is overdue.
    expect(text(doc.querySelector(".action-plan__progress"))).toBe(
      "Progress as at 31 March 2025: 2 actions in progress, 1 action on-going and 1 action complete.",
    );
    expect(doc.querySelectorAll(".overdue")).toHaveLength(0);
  });

  it("prints the objective once and the progress line in the PDF", async () => {
    // pdftotext -raw: the text in the order it was written (a table's columns are not interleaved line by line).
    const { stdout } = await promisify(execFile)("pdftotext", ["-raw", path.join(site, "objectives/2024-25/objectives-2024-25.pdf"), "-"]);
    const all = stdout.replace(/\s+/g, " ");
    expect(all.split("Make our recruitment fair at every band.")).toHaveLength(2);
    expect(all).toContain("Progress as at 31 March 2025:");
  });
});

describe("one list of actions", () => {
  it("has one table and no heading of its own, and links all WRES indicators and all WDES metrics once each", async () => {
    const doc = await page(site, "list/2023-24");
    const plan = doc.querySelector(".action-plan")!;
    expect(plan.querySelectorAll("h1, h2, h3, h4")).toHaveLength(0);
    expect(plan.querySelectorAll("table")).toHaveLength(1);
    const first = doc.getElementById("action-1")!;
    expect([...first.querySelectorAll("a")].map((a) => [text(a), a.getAttribute("href")])).toEqual([
      ["All WRES indicators", "#at-a-glance"],
      ["All WDES metrics", "#at-a-glance"],
    ]);
  });

  it("keeps the plan's headings, a separate column for how it will be sustained, paragraphs and lists", async () => {
    const doc = await page(site, "list/2023-24");
    expect([...doc.querySelectorAll("table.action-table thead th")].map(text)).toEqual([
      "What we will do",
      "Responsibility",
      "Timelines",
      "Status",
      "KPIs",
      "How will these be sustained?",
      "Addresses",
    ]);
    const [first, second] = [doc.getElementById("action-1")!, doc.getElementById("action-2")!];
    const cell = (row: Element, heading: string) => row.querySelector(`td[data-label="${heading}"]`)!;
    expect([...cell(first, "Timelines").querySelectorAll("p")].map(text)).toEqual(["October 2023", "Then every year in October"]);
    expect([...cell(second, "KPIs").querySelectorAll("li")].map(text)).toEqual(["Relative likelihood of appointment below 1.25", "100% of recruiting managers trained"]);
    expect(cell(second, "What we will do").querySelectorAll("li")).toHaveLength(2);
  });
});

describe("the one rule for indicator mappings", () => {
  it("shows an indicator beside each part its section links to, and links every indicator a part shows", async () => {
    const pages = [
      ...SHAPES.map((s) => [site, s === "list" ? `${s}/2023-24` : `${s}/2024-25`] as const),
      ...["example-nhs-trust/2024-25", "norfolk-and-waveney-ccg/2021-22", "cambridgeshire-community-services/2023-24"].map((k) => [examples, k] as const),
    ];
    let compared = 0;
    for (const [dir, key] of pages) {
      const doc = await page(dir, key);
      // Each indicator's section (with metric data), or its row of the summary table (without).
      const sections = [...doc.querySelectorAll('[id^="wres-"], [id^="wdes-"]')].filter((e) => /^wd?res-\d+$/.test(e.id));
      // The parts that show indicators: themes (their mapping line), objectives and actions (their links).
      // (The section of a plan that is one list is no theme: it has no heading and shows no mapping of its own.)
      const parts = [...doc.querySelectorAll("section.action-theme[aria-labelledby], td.action-table__objective[id], table.action-table tr[id]")];
      // What a link's target stands for: a theme its section, an objective the rows of its actions.
      const region = (e: Element) => (e.matches("td") ? e.closest("tbody")! : e);
      for (const part of parts) {
        const shown = new Set(
          [...(part.matches("section") ? part.querySelectorAll(".action-theme__mapping a") : part.querySelectorAll('a[href^="#wres-"], a[href^="#wdes-"], a[href="#at-a-glance"]'))].map((a) =>
            a.getAttribute("href")!,
          ),
        );
        for (const section of sections) {
          const actions = section.matches("tr") ? section.lastElementChild!.querySelectorAll('a[href^="#"]') : section.querySelectorAll('.indicator-list__actions a[href^="#"]');
          const targets = [...actions].flatMap((a) => doc.getElementById(a.getAttribute("href")!.slice(1)) ?? []);
          // The indicator links to this part or to something in it; or to a theme or objective this part is in.
          const into = targets.some((t) => region(part).contains(t));
          const over = targets.some((t) => region(t).contains(part) && t !== part);
          const shows = shown.has(`#${section.id}`) || (shown.has("#at-a-glance") && (into || over));
          const where = `${key}: ${part.id} and ${section.id}`;
          if (into) expect(shows, `${where}: linked from the indicator, but not shown`).toBe(true);
          if (shows) expect(into || over, `${where}: shown, but the indicator does not link to it`).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

describe("on a phone and on a desktop", () => {
  it("shows every field of every action within 320 px without sideways scrolling, and a table at 1280 px; Tab stops only at links", async () => {
    const pages = [
      ...SHAPES.map((s) => [site, `${s}/${s === "list" ? "2023-24" : "2024-25"}`] as const),
      ...["example-nhs-trust/2024-25", "norfolk-and-waveney-ccg/2021-22", "cambridgeshire-community-services/2023-24"].map((k) => [examples, k] as const),
    ];
    for (const [dir, key] of pages) {
      const context = await browser.newContext();
      try {
        const url = await routeSite(context, dir);
        const tab = await context.newPage();
        await tab.setViewportSize({ width: 320, height: 800 });
        await tab.goto(url(path.join(dir, key, "index.html")));
        const narrow = await tab.evaluate(() => {
          const cells = [...document.querySelectorAll(".action-table td, .action-table th")].filter((c) => c.textContent.trim() !== "" && !c.closest("thead"));
          return {
            scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            offscreen: cells.filter((c) => {
              const r = c.getBoundingClientRect();
              return r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth;
            }).length,
            cells: cells.length,
            labelled: cells.filter((c) => getComputedStyle(c, "::before").content.includes(c.getAttribute("data-label") ?? "no label")).length,
          };
        });
        expect(narrow.scroll, key).toBe(0);
        expect(narrow.cells, key).toBeGreaterThan(4);
        expect(narrow.offscreen, key).toBe(0);
        // Each field is shown under its column heading.
        expect(narrow.labelled, key).toBe(narrow.cells);
        // Shown as blocks, the table is still a table to assistive technology (explicit roles), and each field's
        // heading is for the eye only: the cell is read with its column header, not after its label again.
        const roleless = await tab.evaluate(() => document.querySelectorAll(".action-table :is(table, thead, tbody, tr, th, td):not([role])").length + document.querySelectorAll(".action-table:not([role=table])").length);
        expect(roleless, key).toBe(0);
        const firstField = tab.locator(".action-table tbody td[data-label]:not(:empty)").first();
        const label = (await firstField.getAttribute("data-label"))!;
        expect(await firstField.ariaSnapshot(), key).toMatch(/^- '?cell "/);
        expect(await firstField.ariaSnapshot(), key).not.toContain(`"${label}`);
        const links = await tab.evaluate(() => document.querySelectorAll(".action-plan a[href]").length);
        expect(await tabStops(tab), key).toEqual(Array(links).fill("a"));

        await tab.setViewportSize({ width: 1280, height: 800 });
        const wide = await tab.evaluate(() => [...document.querySelectorAll(".action-table")].map((t) => [getComputedStyle(t).display, getComputedStyle(t.querySelector("thead")!).display]));
        expect(wide.every(([table, head]) => table === "table" && head === "table-header-group"), key).toBe(true);
        expect(await tabStops(tab), key).toEqual(Array(links).fill("a"));
      } finally {
        await context.close();
      }
    }
  });
});

describe("rows that point to another action", () => {
  it("link to the action once, numbered or not, and show its opening words rather than its sentence again", async () => {
    for (const [key, row, target] of [
      ["example-nhs-trust/2024-25", "action-2-2", "action-1-1"],
      ["norfolk-and-waveney-ccg/2021-22", "theme-3-action-4", "action-4-3"],
    ] as const) {
      const doc = await page(examples, key);
      const tr = doc.getElementById(row);
      expect(tr, `${key}: ${row}`).not.toBeNull();
      expect([...tr!.querySelectorAll("a")].map((a) => a.getAttribute("href")), key).toEqual([`#${target}`]);
      // The opening words, cut with an ellipsis: the sentence itself is said once, in the action pointed to.
      expect(text(tr!.querySelector("td")), key).toMatch(/\w…/);
    }
  });
});

describe("each sentence once", () => {
  it("says each sentence of the transcribed plans' pages once, outside the action tables", async () => {
    // The tables' rows repeat a lead, a date or a People Promise theme as the plans do: values, not sentences.
    for (const key of ["norfolk-and-waveney-ccg/2021-22", "cambridgeshire-community-services/2023-24", "bsw-ccg/2020-21"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const url = await routeSite(context, examples);
        const tab = await context.newPage();
        await tab.goto(url(path.join(examples, key, "index.html")));
        await tab.evaluate(() => document.querySelectorAll<HTMLElement>(".action-table").forEach((t) => t.style.setProperty("display", "none")));
        const { visible, spoken } = await repeatsOnPage(tab);
        expect(visible, key).toEqual([]);
        expect(spoken, key).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
