/**
 * The data model, as zod schemas: the one truth for what a YAML file may hold.
 *
 * Reference data (indicators, People Promise themes, statuses) comes from `data/reference/`,
 * so the schemas are built by `makeSchemas(reference)`. The JSON Schemas published for
 * authors' editors are generated from these (see json-schema.ts).
 */
import { z } from "zod";
import { contrastRatio } from "../charts/palette.ts";

/** The two standards, declared here only: every other module takes `Standard` from this one. */
export const STANDARDS = ["WRES", "WDES"] as const;
export type Standard = (typeof STANDARDS)[number];

/** WCAG 2.2 AA contrast for normal text (1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

/* ---------- reference data (data/reference/*.yaml) ---------- */

export const IndicatorDefinition = z.strictObject({
  number: z.int().positive(),
  short_title: z.string().describe('What the indicator is about, in a few words after "WRES 2: ", e.g. "appointment from shortlisting"'),
  group: z.string(),
  title: z.string(),
  notes: z.array(z.string()).optional(),
  measure: z.enum(["representation", "relative-likelihood", "survey", "board"]),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

export const IndicatorList = z.strictObject({
  source: z.string(),
  indicators: z.array(IndicatorDefinition).min(1),
});

export const PeoplePromise = z.strictObject({
  source: z.string(),
  themes: z.array(z.string()).length(7),
});

export const StatusDefinition = z.strictObject({
  key: z.string(),
  label: z.string(),
  icon: z.enum(["circle", "half-circle", "loop", "warning", "tick"]),
  colour: z.string(),
});
export type StatusDefinition = z.infer<typeof StatusDefinition>;

export const StatusList = z.strictObject({ statuses: z.array(StatusDefinition).min(1) });

/** zod's kind of issue for a refinement (not one of our message codes). */
const ZOD_CUSTOM = "custom";

/** A national publication that national figures are taken from. */
const NationalSource = z.strictObject({
  title: z.string().describe("The publication's title as published"),
  publisher: z.string(),
  published: z.int().describe("The year it was published"),
  cite: z.string().describe('The short name printed beside each figure, e.g. "NHS England WRES 2023 report"'),
});

/** England's figures for the headline indicators, as NHS England published them (data/reference/national-figures.yaml). */
export const NationalFigures = z
  .strictObject({
    sources: z.record(z.string(), NationalSource),
    figures: z.array(
      z.strictObject({
        standard: z.enum(STANDARDS),
        indicator: z.string().describe('The indicator or metric as in the computed results: "2", "4a-i"'),
        year: z.int().min(2014).describe("The data year: the workforce snapshot of 31 March of this year"),
        value: z.number(),
        source: z.string().describe("A key of `sources`"),
      }),
    ),
  })
  .superRefine((n, ctx) => {
    const seen = new Set<string>();
    n.figures.forEach((f, i) => {
      if (!(f.source in n.sources)) ctx.addIssue({ code: ZOD_CUSTOM, path: ["figures", i, "source"], message: `no source "${f.source}" in sources` });
      const key = `${f.standard} ${f.indicator} ${f.year}`;
      if (seen.has(key)) ctx.addIssue({ code: ZOD_CUSTOM, path: ["figures", i], message: `a second figure for ${key}` });
      seen.add(key);
    });
  });
export type NationalFigures = z.infer<typeof NationalFigures>;

export interface Reference {
  wres: z.infer<typeof IndicatorList>;
  wdes: z.infer<typeof IndicatorList>;
  peoplePromise: z.infer<typeof PeoplePromise>;
  statuses: StatusDefinition[];
  national: NationalFigures;
}

/* ---------- shared pieces ---------- */

/** Markdown text written by an author (rendered with HTML switched off). */
const markdown = z.string().trim().min(1);
const text = z.string().trim().min(1);
const listOfText = z.array(text);
/** A date written as YYYY-MM-DD (YAML would turn an unquoted date into a string in our schema). */
export const isoDate = z.iso.date();
/** An academic or financial year as published: 2021/22. */
export const period = z.string().regex(/^\d{4}\/\d{2}$/);
/** A person as named on a paper: name and role. */
const person = z.strictObject({ name: text, role: text.optional() });
/** An id that becomes part of the site's addresses: lower-case letters, digits and hyphens ("north-east"). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugId = text.refine((s) => SLUG.test(s), { params: { kind: "slug" } });
/** The organisation's (or group's) words for Black and minority ethnic staff. */
const terminology = z
  .strictObject({
    ethnic_minority: text.default("BME").describe('The term used for Black and minority ethnic staff, e.g. "culturally diverse"'),
  })
  .default({ ethnic_minority: "BME" });
/** How readers reach a body: at least one of the three is expected where it is used. */
const Contact = z.strictObject({ email: z.email().optional(), phone: text.optional(), address: text.optional() });

/* ---------- the author's files ---------- */

export function makeSchemas(reference: Reference) {
  const wresNumbers = reference.wres.indicators.map((i) => i.number);
  const wdesNumbers = reference.wdes.indicators.map((i) => i.number);
  const wres = z.array(z.int().refine((n) => wresNumbers.includes(n), { params: { kind: "wres" } }));
  const wdes = z.array(z.int().refine((n) => wdesNumbers.includes(n), { params: { kind: "wdes" } }));
  const promise = z.array(
    z.string().refine((t) => reference.peoplePromise.themes.some((p) => p.toLowerCase() === t.trim().toLowerCase()), {
      params: { kind: "people-promise" },
    }),
  );
  const status = z.enum(reference.statuses.map((s) => s.key) as [string, ...string[]]);
  const indicatorCodes = [...wresNumbers.map((n) => `WRES ${n}`), ...wdesNumbers.map((n) => `WDES ${n}`)] as [string, ...string[]];

  /** data/organisations/<slug>.yaml */
  const Organisation = z.strictObject({
    name: text.describe("The organisation's full name, e.g. NHS Norfolk and Waveney Clinical Commissioning Group"),
    short_name: text.optional().describe("A shorter name for headings, e.g. Norfolk and Waveney CCG"),
    type: z.enum(["trust", "ICB", "CCG", "other"]),
    // Only web addresses: a `javascript:` or `data:` URL here would become a link on the pages.
    website: z.url({ protocol: /^https?$/ }).optional(),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .refine((c) => !/^#[0-9a-fA-F]{6}$/.test(c) || contrastRatio(c, "#ffffff") >= MIN_TEXT_CONTRAST, { params: { kind: "contrast" } })
      .optional()
      .describe("The organisation's colour for the page header, as #rrggbb; white text on it must reach 4.5:1 contrast"),
    values: listOfText.optional().describe("The organisation's values, shown on the report cover"),
    logo: text
      .optional()
      .describe("The organisation's logo: the path of a PNG, JPEG or SVG file in the project folder, e.g. data/organisations/acme-logo.png (at most 500 KB)"),
    terminology,
    groups: z
      .array(text)
      .optional()
      .describe("The groups the organisation is compared with, by their ids in data/groups.yaml, e.g. [north-east-and-yorkshire]"),
    contact: Contact.optional().describe("Where readers ask for the report in another format (used by the accessibility statement)"),
  });

  /** One row of an action plan. `see` makes the row a pointer to another action ("See 4.3"). */
  const Action = z.strictObject({
    id: text.optional().describe('The action\'s number as published, e.g. "1.4" (every action has one, except a "see" row)'),
    see: text.optional().describe('Set when the published row only points to another action, e.g. "4.3"'),
    objective: markdown.optional(),
    current_position: markdown.optional(),
    action: markdown.optional().describe("What will be done (Markdown; lists allowed)"),
    leads: listOfText.optional(),
    partners: listOfText.optional(),
    timescale: text.optional().describe("When, as published, e.g. \"By December 2021\""),
    due: isoDate.optional().describe("The date by which it is due (YYYY-MM-DD), used to flag overdue actions"),
    status: status.optional(),
    progress: markdown.optional().describe("What has happened so far"),
    wres: wres.optional(),
    wdes: wdes.optional(),
    people_promise: promise.optional(),
    kpis: listOfText.optional(),
    sustained: markdown.optional().describe("How the change will be sustained"),
  });

  const Theme = z.strictObject({
    id: text.describe('The theme\'s number as published, e.g. "1"'),
    title: text,
    label: text.optional().describe('What the plan calls a theme: "Theme", "Priority", "Objective"'),
    standard: z.enum(STANDARDS).optional(),
    introduction: markdown.optional(),
    wres: wres.optional(),
    wdes: wdes.optional(),
    people_promise: promise.optional(),
    actions: z.array(Action).min(1),
  });

  /** data/plans/<organisation>/<period>.yaml */
  const Plan = z.strictObject({
    title: text,
    period,
    standards: z.array(z.enum(STANDARDS)).min(1),
    published: isoDate.optional(),
    introduction: markdown.optional(),
    themes: z.array(Theme).min(1),
  });

  const BoardPaper = z.strictObject({
    title: text.optional(),
    report_to: text,
    meeting: text.optional().describe('The meeting\'s name if the cover gives one, e.g. "Trust Board (public)"'),
    date: isoDate,
    agenda_item: text.optional(),
    purpose: z.array(z.enum(["noting", "decision", "assurance", "discussion", "information"])).min(1),
    executive_summary: markdown,
    recommendation: markdown,
    author: person,
    executive_sponsors: z.array(person).min(1),
    assurance: z
      .strictObject({
        level: z.enum(["substantial", "reasonable", "partial", "no assurance"]),
        rationale: markdown,
        action: markdown.optional(),
      })
      .optional(),
    strategic_objectives: z.array(z.strictObject({ objective: text, how: markdown })).optional(),
    equality_and_diversity: markdown.optional(),
    board_assurance_framework: markdown.optional(),
    legal_and_regulatory: markdown.optional(),
    previous_papers: markdown.optional(),
  });

  const Quote = z.strictObject({ text: markdown, name: text, role: text.optional() });

  /** The front matter of content/reports/<organisation>/<period>.md */
  const Report = z.strictObject({
    title: text.optional().describe("Defaults to the plan's title"),
    plan: text.optional().describe("The plan file's name without .yaml, if not the same as this file's"),
    metrics_year: z.int().min(2014).max(2100).optional().describe("The latest year of metric data to show"),
    outputs: z.array(z.enum(["web", "pdf"])).min(1).default(["web", "pdf"]),
    summary: text.optional().describe("One or two sentences for the organisation page and search results"),
    quotes: z.array(Quote).optional(),
    appendix_title: text.optional().describe('Heading of the action plan when it follows the narrative, e.g. "Appendix: our actions"'),
    indicator_wording: z
      .partialRecord(z.enum(indicatorCodes), text)
      .optional()
      .describe('The plan\'s own wording of an indicator, shown instead of the national one: e.g. "WRES 2": "Likelihood of BME staff being appointed from shortlisting"'),
    national_definitions: z
      .boolean()
      .default(true)
      .describe("false leaves out the national definitions of the indicators (their wording and notes) where the plan gives none of its own"),
    board_paper: BoardPaper.optional(),
  });

  return { Organisation, Plan, Theme, Action, Report, BoardPaper };
}

export type Schemas = ReturnType<typeof makeSchemas>;
export type Organisation = z.infer<Schemas["Organisation"]>;
export type Plan = z.infer<Schemas["Plan"]>;
export type Theme = z.infer<Schemas["Theme"]>;
export type Action = z.infer<Schemas["Action"]>;
export type ReportFrontMatter = z.infer<Schemas["Report"]>;
export type BoardPaper = z.infer<Schemas["BoardPaper"]>;

/** One group of organisations compared side by side (data/groups.yaml). */
export const Group = z.strictObject({
  id: slugId.describe("The group's id, used in the site's addresses and in organisations' `groups`: lower-case letters, digits and hyphens, e.g. north-east-and-yorkshire"),
  name: text.describe("The group's full name, e.g. NHS England North East and Yorkshire region"),
  short_name: text.optional().describe('A shorter name for headings and for "the 28 organisations compared in ...", e.g. North East and Yorkshire'),
  type: z.enum(["region", "ICB", "peer group", "other"]).describe("What kind of group it is: an NHS region, an integrated care board's area, a peer group such as ambulance trusts, or other"),
  description: text.optional().describe("One or two sentences about the group, shown on its comparison pages"),
  terminology: terminology.describe("The term the comparison pages use for Black and minority ethnic staff (organisations may use different terms)"),
  members: z
    .array(text)
    .optional()
    .describe("The organisations in the group, by their file names without .yaml; an organisation may instead name the group in its own `groups`"),
});
export type Group = z.infer<typeof Group>;

/** data/groups.yaml: the groups whose organisations are compared side by side. */
export const GroupsFile = z.strictObject({ groups: z.array(Group).min(1) });

/**
 * Where the site is published: a full web address ("https://www.acme.nhs.uk/about-us/equality/") or
 * only the path under which it sits on its web server ("/about-us/equality/"). Not a query or a fragment.
 */
export function isWebAddress(value: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !/[?#\s]/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.search === "" && url.hash === "" && url.username === "" && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** data/settings.yaml: the publisher's choices that apply to every report. */
export const Settings = z.strictObject({
  site_title: z.string().trim().min(1).default("Workforce equality reports").describe("The site's name, in the page header and every page title"),
  publisher: z
    .strictObject({
      name: text.describe("Who publishes the website: named in every page's footer and copyright line, and in the accessibility statement"),
      contact: Contact.optional().describe("Where readers report an accessibility problem with the website (and ask for a report in another format, for an organisation that gives no contact of its own)"),
    })
    .optional()
    .describe("Who publishes the website. Needed when the site has several organisations; otherwise the organisation is the publisher"),
  web_address: z
    .string()
    .trim()
    .refine(isWebAddress, { params: { kind: "web-address" } })
    .optional()
    .describe('Where the site is published, e.g. https://www.acme.nhs.uk/about-us/equality/ (links in the PDFs go there), or only its path, e.g. /about-us/equality/. Default: the root of its own web address'),
  publish_guide: z.boolean().default(false).describe("Whether the authoring guide (for the people who write the reports) is published with the site"),
  accessibility: z
    .strictObject({
      prepared: isoDate.describe("The date the accessibility statement was first prepared (YYYY-MM-DD)"),
      reviewed: isoDate.optional().describe("The date the publisher last reviewed the statement (YYYY-MM-DD)"),
    })
    .refine((a) => a.reviewed === undefined || a.reviewed >= a.prepared, { params: { kind: "reviewed-before-prepared" }, path: ["reviewed"] })
    .optional()
    .describe("The accessibility statement's dates, as the publisher prepared and last reviewed it"),
  suppression: z
    .strictObject({
      threshold: z.int().min(1).max(100).default(10).describe("Counts below this are shown as \"fewer than N\""),
    })
    .default({ threshold: 10 }),
  parity_band: z
    .strictObject({
      lower: z.number().positive().max(1).default(0.8),
      upper: z.number().min(1).default(1.25),
    })
    .default({ lower: 0.8, upper: 1.25 })
    .describe("The parity band: relative likelihoods outside it are highlighted (a rule of thumb from the four-fifths rule)"),
});
export type Settings = z.infer<typeof Settings>;
