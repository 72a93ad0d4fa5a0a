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

  /** The indicators a theme, objective or action addresses: a list of numbers, or "all" of the standard's. */
  const allOf = z.enum(["all", "All"]);
  // Plans write "All" in the indicators column: `[All]` is read as `all`.
  const allInList = z.tuple([allOf]).transform(() => "all" as const);
  const wresMapping = z.union([allOf, allInList, wres]).describe('The WRES indicators addressed: numbers such as [2, 4], or all');
  const wdesMapping = z.union([allOf, allInList, wdes]).describe('The WDES metrics addressed: numbers such as [3], or all');

  /** One row of an action plan. `see` makes the row a pointer to another action ("See 4.3"). */
  const actionFields = {
    id: text.optional().describe('The action\'s number as published, e.g. "1.4"; leave it out only if the plan does not number its actions'),
    see: text.optional().describe('Set when the published row only points to another action, e.g. "4.3"'),
    action: markdown.optional().describe("What will be done (Markdown; paragraphs and lists allowed)"),
    leads: listOfText.optional(),
    partners: listOfText.optional(),
    timescale: markdown.optional().describe('When, as published, e.g. "By December 2021" (paragraphs and lists allowed)'),
    due: isoDate.optional().describe("The date by which it is due (YYYY-MM-DD), used to flag actions overdue at the plan's review date"),
    status: status.optional(),
    progress: markdown.optional().describe("What has happened so far"),
    wres: wresMapping.optional(),
    wdes: wdesMapping.optional(),
    people_promise: promise.optional(),
    kpis: z.union([markdown, listOfText]).optional().describe("Key performance indicators or measures of success: a list, or text"),
    sustained: markdown.optional().describe("How the change will be sustained"),
  };
  /** An action in a theme or in a plan that is one list: it may carry its own objective and current position (one row each). */
  const Action = z.strictObject({
    ...actionFields,
    objective: markdown.optional().describe("The objective this row serves, for plans with an Objective column and one action per objective"),
    current_position: markdown.optional(),
  });
  /** An action under an objective: the objective's text and current position are the objective's. */
  const ObjectiveAction = z.strictObject(actionFields);

  /** An objective with its own text and current position, holding one or more actions. */
  const Objective = z.strictObject({
    id: text.optional().describe('The objective\'s number as published, e.g. "1.2"'),
    objective: markdown.describe("The objective's text as published"),
    current_position: markdown.optional(),
    wres: wresMapping.optional(),
    wdes: wdesMapping.optional(),
    people_promise: promise.optional(),
    actions: z.array(ObjectiveAction).min(1).optional().describe("The objective's actions (none if the published objective has none)"),
  });

  const Theme = z.strictObject({
    id: text.optional().describe('The theme\'s number as published, e.g. "1"; leave it out only if the plan does not number its themes'),
    title: text,
    label: text.optional().describe('What the plan calls a theme: "Theme", "Priority", "Section"'),
    standard: z.enum(STANDARDS).optional(),
    introduction: markdown.optional(),
    wres: wresMapping.optional(),
    wdes: wdesMapping.optional(),
    people_promise: promise.optional(),
    actions: z.array(Action).min(1).optional().describe("The theme's actions (or use objectives)"),
    objectives: z.array(Objective).min(1).optional().describe("The theme's objectives, each with its actions (or use actions)"),
  });

  /** The plan's own column headings, for the columns it has. */
  const Columns = z
    .strictObject({
      id: text.optional().describe('Default "Action"'),
      objective: text.optional().describe('Default "Objective"'),
      current_position: text.optional().describe('Default "Current position"'),
      action: text.optional().describe('Default "What we will do"'),
      leads: text.optional().describe('Default "Responsibility"'),
      timescale: text.optional().describe('Default "When"'),
      status: text.optional().describe('Default "Status"'),
      kpis: text.optional().describe('Default "Measures of success"'),
      sustained: text.optional().describe('Default "How it will be sustained"'),
      indicators: text.optional().describe('Default "Addresses"'),
    })
    .describe("The plan's own column headings, e.g. leads: Lead, timescale: Time-scale, kpis: KPIs");

  /** data/plans/<organisation>/<period>.yaml: themes holding actions or objectives, or one list of actions. */
  const Plan = z.strictObject({
    title: text,
    period: period.optional().describe("The period as published, e.g. 2023/24; without it, the file name's period"),
    standards: z.array(z.enum(STANDARDS)).min(1),
    published: isoDate.optional(),
    statuses_reviewed: isoDate
      .optional()
      .describe("The date the statuses were last reviewed (YYYY-MM-DD): overdue actions are judged against it (default: published)"),
    introduction: markdown.optional(),
    columns: Columns.optional(),
    themes: z.array(Theme).min(1).optional().describe("The plan's themes (or priorities, sections), each with actions or objectives"),
    actions: z.array(Action).min(1).optional().describe("For a plan that is one list of actions, without themes"),
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

  const Quote = z.strictObject({
    text: markdown,
    name: text,
    role: text.optional(),
    link: z.url({ protocol: /^https?$/ }).optional().describe("A web page about the person quoted (https://...)"),
    email: z.email().optional().describe("The email address of the person quoted, as published"),
  });

  /** The front matter of content/reports/<organisation>/<period>.md */
  const Report = z.strictObject({
    title: text.optional().describe("Defaults to the plan's title"),
    plan: text.optional().describe("The plan file's name without .yaml, if not the same as this file's"),
    metrics_year: z.int().min(2014).max(2100).optional().describe("The latest year of metric data to show"),
    outputs: z.array(z.enum(["web", "pdf"])).min(1).default(["web", "pdf"]),
    summary: text.optional().describe("One or two sentences for the organisation page and search results"),
    quotes: z.array(Quote).optional().describe("Shown before the narrative, or where the narrative has a line [quote 1], [quote 2] ..."),
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

  return { Organisation, Plan, Theme, Objective, Action, ObjectiveAction, Report, BoardPaper };
}

export type Schemas = ReturnType<typeof makeSchemas>;
export type Organisation = z.infer<Schemas["Organisation"]>;
/** A plan as written; validation fills in the period from the file name when the plan gives none (PlanEntry). */
export type PlanInput = z.infer<Schemas["Plan"]>;
export type Plan = PlanInput & { period: string };
export type Theme = z.infer<Schemas["Theme"]>;
export type Objective = z.infer<Schemas["Objective"]>;
/** An action anywhere in a plan (under an objective it has no objective or current position of its own). */
export type Action = z.infer<Schemas["Action"]>;
export type Mapping = NonNullable<Action["wres"]>;
export type PlanColumns = NonNullable<PlanInput["columns"]>;
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
