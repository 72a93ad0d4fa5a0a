/**
 * Which pages are rendered again, asserted directly on site models (no Eleventy): a page is reused
 * only when what it shows, and its files, are as they were and still there.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../build.ts";
import { writeEstate } from "../bench/estate.ts";
import { buildSiteModel, withPdfs } from "../html/site-model.ts";
import type { SiteModel } from "../html/site-types.ts";
import type { Project } from "../validate/validate-project.ts";
import { emptyManifest, type Manifest, type PreviousSite } from "./manifest.ts";
import { planPrintPages, planWebPages } from "./plan-pages.ts";

let project: Project;
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "estate-"));
  await writeEstate(root, { orgs: 2, years: 2, seed: 5 });
  project = await loadAndValidate(root);
});

const model = (p: Project) => buildSiteModel(p, { indicators: new Map(), charts: new Map() });

/** The previous site as a build of `site` leaves it. */
function previousOf(site: SiteModel, missing: string[] = []): PreviousSite {
  const print = planPrintPages(site, { manifest: emptyManifest(), missing: new Set() }, "test");
  const web = planWebPages(site, { manifest: emptyManifest(), missing: new Set() }, "test");
  const manifest: Manifest = {
    ...emptyManifest(),
    organisations: Object.fromEntries(
      site.organisations.map((o) => [
        o.slug,
        {
          inputs: {},
          page: web.organisations.get(o.slug)!.output,
          reports: Object.fromEntries(site.reports.filter((r) => r.organisation.slug === o.slug).map((r) => [r.key, { web: web.reports.get(r.key)!.output, print: print.get(r.key)!.output, pdf: undefined }])),
        },
      ]),
    ),
    site: { key: web.site.output.key, files: ["index.html"] },
  };
  return { manifest, missing: new Set(missing) };
}

const rendered = (decisions: ReadonlyMap<string, { action: string; reason: string }>) =>
  Object.fromEntries([...decisions].filter(([, d]) => d.action === "render").map(([key, d]) => [key, d.reason]));

describe("planPrintPages and planWebPages", () => {
  it("render everything on a first build, and nothing when nothing changed", () => {
    const site = model(project);
    const first = planWebPages(site, { manifest: emptyManifest(), missing: new Set() }, "test");
    expect(Object.values(rendered(first.reports))).toEqual(Array(4).fill("new"));
    expect(first.site).toMatchObject({ action: "render", reason: "new" });

    const previous = previousOf(site);
    expect(rendered(planPrintPages(site, previous, "test"))).toEqual({});
    const again = planWebPages(site, previous, "test");
    expect([rendered(again.reports), rendered(again.organisations)]).toEqual([{}, {}]);
    expect(again.site).toMatchObject({ action: "link", output: { files: ["index.html"] } });
  });

  it("render again only the pages whose content changed", () => {
    const previous = previousOf(model(project));
    const changed = structuredClone(project);
    const report = changed.reports.find((r) => r.key === "synthetic-002/2024-25")!;
    report.body = `${report.body}\n\nA new paragraph.`;
    const site = model(changed);
    expect(rendered(planPrintPages(site, previous, "test"))).toEqual({ "synthetic-002/2024-25": "what it shows changed" });
    const web = planWebPages(site, previous, "test");
    expect(rendered(web.reports)).toEqual({ "synthetic-002/2024-25": "what it shows changed" });
    // The organisation page and the directory of organisations do not show the narrative.
    expect(rendered(web.organisations)).toEqual({});
    expect(web.site.action).toBe("link");
  });

  it("render a web page again when its PDF changed size, though its print page did not change", () => {
    const site = model(project);
    const previous = previousOf(site);
    const web = planWebPages(withPdfs(site, new Map([["synthetic-001/2023-24", { bytes: 250_000, pages: 40 }]])), previous, "test");
    expect(rendered(web.reports)).toEqual({ "synthetic-001/2023-24": "what it shows changed" });
  });

  it("render a page again when a file of it is missing, and the site-wide pages when the directory changes", () => {
    const site = model(project);
    const web = planWebPages(site, previousOf(site, ["synthetic-001/index.html", "index.html"]), "test");
    expect(rendered(web.organisations)).toEqual({ "synthetic-001": "a file of it is missing from the previous site" });
    expect(web.site).toMatchObject({ action: "render", reason: "a file of it is missing from the previous site" });

    const renamed = structuredClone(project);
    renamed.organisations[0]!.data.name = "Another name";
    expect(planWebPages(model(renamed), previousOf(site), "test").site).toMatchObject({ action: "render", reason: "what it shows changed", output: { files: [] } });
  });
});
