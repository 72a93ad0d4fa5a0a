/**
 * The site model's types: what the templates lay out (site-model.ts builds it, editions.ts adds
 * each report's changes since the previous edition, the build adds each PDF's size). Apart from
 * the modules that build it, so each of them imports these and none imports another for a type.
 */
import type { ReportKey, OrganisationEntry } from "../validate/validate-project.ts";
import type { Organisation, StatusDefinition, Standard } from "../validate/schema.ts";
import type { PdfLimit } from "../pdf/known-limits.ts";
import type { Heading } from "./markdown.ts";
import type { GlanceRow, ResultView } from "./indicator-view.ts";
import type { Chart, TableModel } from "../charts/types.ts";

export interface Link {
  text: string;
  href: string;
}

export interface StatusView {
  key: string;
  label: string;
  icon: StatusDefinition["icon"];
  colour: string;
}

export interface ActionView {
  /** The number as published; undefined when the plan does not number its actions. */
  id: string | undefined;
  anchor: string;
  /** "Action 1.4", "Objective 1.2, action 2": how links elsewhere on the page name it. */
  name: string;
  see: (Link & { summary: string | undefined }) | undefined;
  objectiveHtml: string | undefined;
  currentPositionHtml: string | undefined;
  actionHtml: string | undefined;
  progressHtml: string | undefined;
  sustainedHtml: string | undefined;
  leads: string[];
  partners: string[];
  timescaleHtml: string | undefined;
  due: string | undefined; // "31 March 2022"
  overdue: boolean;
  status: StatusView | undefined;
  /** The indicators its own mapping names (a theme's or objective's mapping is shown once, with it). */
  indicators: Link[];
  peoplePromise: string[];
  /** Measures of success: a list as written, or Markdown text. */
  kpis: string[];
  kpisHtml: string | undefined;
}

/** "3 actions: 1 complete, 2 in progress." */
export interface ProgressView {
  actions: number;
  counts: { status: StatusView; count: number }[];
  /** Actions with no status given. */
  unstated: number;
  overdue: number;
}

export interface ObjectiveView {
  id: string | undefined;
  anchor: string;
  name: string;
  textHtml: string;
  currentPositionHtml: string | undefined;
  indicators: Link[];
  peoplePromise: string[];
  /** Shown when the objective has more than one action with a status. */
  progress: ProgressView | undefined;
  actions: ActionView[];
}

export type ColumnKey = "id" | "objective" | "currentPosition" | "action" | "leads" | "timescale" | "status" | "kpis" | "sustained" | "indicators";

export interface ColumnView {
  key: ColumnKey;
  heading: string;
  /** Its share of the table's width ("12.5%"): a fixed layout, so no column is squeezed to a letter. */
  width: string;
}

export interface ThemeView {
  id: string | undefined;
  anchor: string;
  /** "Priority 2: Inclusive Talent and Career Development"; undefined for a plan that is one list (no invented heading). */
  heading: string | undefined;
  /** The table's caption. */
  caption: string;
  standard: Standard | undefined;
  introductionHtml: string | undefined;
  /** What the theme addresses: its own mapping and its objectives' and actions'. */
  indicators: Link[];
  peoplePromise: string[];
  progress: ProgressView | undefined;
  columns: ColumnView[];
  /**
   * Rows, grouped under their objective (one group without an objective when the theme has none).
   * An objective's cells span the rows of its actions, so its text is shown once; an objective
   * without actions still has its row.
   */
  groups: { objective: ObjectiveView | undefined; actions: ActionView[]; rows: number }[];
  /** More columns than a phone or a narrow window shows side by side: the table stacks sooner. */
  wide: boolean;
}

export interface PlanView {
  introductionHtml: string | undefined;
  /** "31 March 2025": the date the statuses are as at; undefined when the plan gives none. */
  statusDate: string | undefined;
  progress: ProgressView | undefined;
  /** The People Promise themes every theme of the plan names: said once, above the themes (and not under each). */
  peoplePromise: string[];
  themes: ThemeView[];
  /** Every action of the plan, in order. */
  actions: ActionView[];
}

export interface IndicatorView {
  standard: Standard;
  number: number;
  anchor: string;
  code: string; // "WRES 2"
  label: string; // "WRES 2: appointment from shortlisting"
  group: string;
  /** The wording shown: the plan's own if the report gives it, else the national title (unless left out). */
  title: string | undefined;
  notes: string[];
  actions: Link[];
  /** The computed figures for this indicator (several for a multi-part metric such as WDES 4). */
  results: ResultView[];
  /** Its rows in the at-a-glance table, one per figure. */
  glance: GlanceRow[];
}

/**
 * The summary table. With metric data: a row per figure. Without: the indicators the plan
 * addresses (number, wording, actions). Either way the indicators no action addresses are named
 * once, here, and nowhere else.
 */
export interface GlanceView {
  /** "WRES and WDES indicators and metrics", "WRES indicators", "WDES metrics". */
  noun: string;
  rows: (GlanceRow & { actions: Link[] })[];
  addressed: { code: string; anchor: string; title: string | undefined; actions: Link[] }[];
  /** Whether the addressed indicators' table has a wording column (some wording is shown). */
  wording: boolean;
  /** "WRES 3, WRES 4 and WDES 2", or undefined when every indicator has an action. */
  unaddressed: string | undefined;
  parityBand: string | undefined;
}

/** When the report was published and what dates its figures are as at, for the top of the page and the PDF cover. */
export interface ReportDates {
  /** "22 November 2023": the plan's `published` date, else the board paper's date. */
  published: string | undefined;
  /** "31 March 2024": the workforce snapshot. */
  workforce: string | undefined;
  /** 2023: the NHS Staff Survey the survey results come from. */
  survey: number | undefined;
}

/** What the report says about its data: the year, snapshot and suppression rule. */
export interface DataNote {
  /** Whose data the tables and charts are: "Example NHS Trust". */
  organisation: string;
  year: number;
  snapshotDate: string; // "31 March 2024"
  surveyYear: number | null;
  /** The years the charts show, oldest first, in words ("2024 and 2025"); none when only the report's own. */
  years: string | undefined;
  threshold: number;
  parityBand: string; // "the parity band (0.80 to 1.25)"
}

export interface QuoteView {
  html: string;
  name: string;
  role: string | undefined;
  /** A web page about the person quoted, and their email address, when the document gives them. */
  link: string | undefined;
  email: string | undefined;
}

export type NarrativePart = { html: string } | { quote: QuoteView };

export interface OrganisationView {
  slug: string;
  url: string;
  name: string;
  shortName: string;
  type: string;
  website: string | undefined;
  /** The header colour (#rrggbb), checked for contrast against white text. */
  colour: string | undefined;
  /** Where the build puts the organisation's logo, if it has one. */
  logo: string | undefined;
  values: string[];
  ethnicMinorityTerm: string;
  contact: OrganisationEntry["data"]["contact"];
  /** Each report's title, with its period in brackets when the title does not say it ("Race equality plan (2021/22)"). */
  reports: { title: string; url: string; summary: string | undefined }[];
  /** Each indicator's headline figure in each edition (scripts/html/editions.ts). */
  trends: TableModel[];
}

export interface ReportView {
  key: ReportKey;
  url: string;
  printUrl: string;
  pdfUrl: string;
  file: string;
  organisation: OrganisationView;
  title: string;
  period: string;
  standards: Standard[];
  summary: string | undefined;
  /** The quotes shown before the narrative: those the narrative does not place itself. */
  quotes: QuoteView[];
  /**
   * The narrative split where the summary goes: its opening (before the first heading) and its
   * sections, each with the quotes it places (`[quote 2]`) where it places them.
   */
  narrative: { opening: NarrativePart[]; sections: NarrativePart[] };
  headings: Heading[];
  /** The at-a-glance summary of every indicator the report covers (templates/components/at-a-glance). */
  glance: GlanceView;
  appendixTitle: string;
  indicators: IndicatorView[];
  data: DataNote | undefined;
  dates: ReportDates;
  charts: Chart[];
  /** Each chart's data as CSV, named by its indicator: "WRES 1: staff in each pay band, clinical staff". */
  downloads: (Link & { file: string })[];
  /** The action plan (scripts/html/plan-view.ts). */
  plan: PlanView;
  outputs: ("web" | "pdf")[];
  /** The PDF's size and pages, once the PDF step has made it (GOV.UK attachment pattern). */
  pdf: { href: string; size: string; pages: number } | undefined;
  boardPaper: BoardPaperView | undefined;
  /** What changed in the plan since the previous edition, and the earlier editions (scripts/html/editions.ts). */
  changes: EditionChanges | undefined;
  earlierEditions: EditionLink[];
}

/** The board-paper cover sheet, with every Markdown field rendered. */
export interface BoardPaperView {
  title: string | undefined;
  reportTo: string;
  meeting: string | undefined;
  dateText: string;
  agendaItem: string | undefined;
  purpose: string[];
  executiveSummaryHtml: string;
  recommendationHtml: string;
  author: { name: string; role?: string | undefined };
  executiveSponsors: { name: string; role?: string | undefined }[];
  assurance: { level: string; rationaleHtml: string; actionHtml: string | undefined } | undefined;
  strategicObjectives: { objective: string; howHtml: string }[];
  equalityAndDiversityHtml: string | undefined;
  boardAssuranceFrameworkHtml: string | undefined;
  legalAndRegulatoryHtml: string | undefined;
  previousPapersHtml: string | undefined;
}

/**
 * What the build's own checks cover, for the accessibility statement. Known before they run: a
 * site is only published when they find nothing, so the statement can say so of every page it is
 * published with (itself included, checked with the rest).
 */
export interface CheckSummary {
  date: string; // "23 November 2026"
  pages: number;
  pdfs: number;
  widths: number[];
  axeVersion: string;
}

/** Where the site is published: its path on the web server, and its full address when the settings give one. */
export interface PublicLocation {
  /** The path every page's address starts with: "/", or "/about-us/equality/" under a sub-path of an existing site. */
  basePath: string;
  /** The site's full public address, "https://www.acme.nhs.uk/about-us/equality/"; links in the PDFs lead there. Unknown when only a path is given. */
  address: string | undefined;
}

/** The publisher's settings, as every page lays them out (data/settings.yaml). */
export interface SiteSettings extends PublicLocation {
  title: string;
  /** Who runs the website: the footer's copyright line and the accessibility statement name them. */
  publisher: { name: string; contact: Contact | undefined };
  /** Whether the authoring guide is published with the site (and linked from its footer). */
  guide: boolean;
  /** What the accessibility statement says that is not found by the checks it reports. */
  statement: StatementFacts;
}

export type Contact = NonNullable<Organisation["contact"]>;

export interface StatementFacts {
  /** The dates the publisher prepared and last reviewed the statement ("1 September 2025"), from the settings. */
  prepared: string | undefined;
  reviewed: string | undefined;
  /** How to reach each organisation: its own contact, or else the publisher's (`through` names the publisher then). */
  contacts: { name: string; contact: Contact; through: string | undefined }[];
  /** What the PDFs are known not to do (scripts/pdf/known-limits.ts); none when the site has no PDF. */
  pdfLimits: readonly PdfLimit[];
}

export interface SiteModel {
  settings: SiteSettings;
  checks: CheckSummary | undefined;
  /** Every organisation, by name, without trends: what the home page and the accessibility statement list. */
  directory: OrganisationView[];
  /** The organisations whose pages this model builds (all, unless the build reuses the others' pages), with trends. */
  organisations: OrganisationView[];
  /** The reports of those organisations. */
  reports: ReportView[];
  /** Every group compared (its page lists its years), and a page per group and year (scripts/html/group-view.ts). */
  groups: GroupIndexView[];
  groupPages: GroupPageView[];
}

export interface EditionLink {
  /** With its period in brackets when the title does not say it. */
  title: string;
  period: string;
  url: string;
}

export interface ActionChange {
  id: string;
  /** Where the action is: on this page, or (for one no longer in the plan) in the previous edition. */
  href: string | undefined;
  /** Plain-English sentences, e.g. "Status changed from In progress to Complete." */
  changes: string[];
}

export interface EditionChanges {
  previous: EditionLink;
  rows: ActionChange[];
  counts: { added: number; statusChanged: number; removed: number; overdue: number; unchanged: number };
}

export interface GroupIndicatorView {
  /** "wres-2": the section's id, and the anchor the reports link to. */
  anchor: string;
  heading: string;
  /** The group's figure in a sentence, and why there is no plot when there is none. */
  finding: string;
  chart: Chart | undefined;
  /** Under the plot: who lies between the 95% and 99.8% limits, and who is not on it and why (none without a plot: the table says it). */
  notes: string[];
  /** The table of every member's figure, shown with the chart or, without one, by itself. */
  table: TableModel;
  csv: string;
  csvFileName: string;
}

export interface GroupPageView {
  /** "<group>/<year>" */
  key: string;
  slug: string;
  year: number;
  url: string;
  printUrl: string;
  pdfUrl: string;
  name: string;
  shortName: string;
  description: string | undefined;
  /** The group's page, listing its years. */
  groupUrl: string;
  /** "the 28 organisations in North East and Yorkshire" */
  organisationsText: string;
  /** The same with the year: "the 28 organisations in North East and Yorkshire, 2024". */
  context: string;
  memberCount: number;
  /** Each member, linked to its report for the year (or its organisation page when it has none). */
  members: Link[];
  summary: TableModel;
  indicators: GroupIndicatorView[];
  /** The group's other years, newest first. */
  otherYears: Link[];
  /** The PDF's size and pages, once the PDF step has made it. */
  pdf: { href: string; size: string; pages: number } | undefined;
}

export interface GroupIndexView {
  slug: string;
  url: string;
  name: string;
  shortName: string;
  /** "NHS region", "Peer group". */
  typeName: string;
  description: string | undefined;
  members: Link[];
  years: Link[];
}
