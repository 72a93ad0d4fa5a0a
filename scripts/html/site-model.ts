/**
 * The site model: everything the templates lay out, computed before any template runs.
 * Templates only place values they are given; all decisions (which columns a table has,
 * which indicators an action links to, whether an action is overdue) are made here.
 * Pure: takes the validated project, returns plain data (its types: site-types.ts).
 */
import type { Project, ReportEntry, OrganisationEntry } from "../validate/validate-project.ts";
import type { BoardPaper, IndicatorDefinition, Standard } from "../validate/schema.ts";
import { PDF_LIMITS } from "../pdf/known-limits.ts";
import { renderInline, renderMarkdown } from "./markdown.ts";
import { addressedBy, planModel, type PlanModel } from "../action-plan/plan-model.ts";
import { splitAtQuotes } from "../report/quote-markers.ts";
import { buildPlanView, indicatorAnchor } from "./plan-view.ts";
import { longDate } from "../dates.ts";
import { glanceRow, resultLabel, resultView, type GroupPositionView } from "./indicator-view.ts";
import { parityBandName } from "../compute/sentences.ts";
import { fileSize, interval } from "../format/numbers.ts";
import { listInWords } from "../charts/words.ts";
import { indicatorLabel } from "../compute/definitions.ts";
import type { Chart } from "../charts/types.ts";
import { titleWithPeriod, withEditions, withTrends } from "./editions.ts";
import type { ReportIndicators } from "../compute/types.ts";
import type {
  BoardPaperView,
  Contact,
  GlanceView,
  IndicatorView,
  NarrativePart,
  OrganisationView,
  PublicLocation,
  QuoteView,
  ReportView,
  SiteModel,
  SiteSettings,
  StatementFacts,
} from "./site-types.ts";
import type { GroupComparison } from "../compute/comparison.ts";
import type { ComparisonFigure } from "../charts/from-comparison.ts";
import { relativeUrl } from "./site-urls.ts";
import { buildGroupViews, groupPositions } from "./group-view.ts";

/** Ids the report page and print page use for their own parts. */
const RESERVED_IDS = ["maincontent", "contents-heading", "contents-title", "at-a-glance", "indicators", "action-plan", "actions", "changes-since", "downloads", "board-cover-title"];

/** The site address of an organisation's logo. */
export const logoPath = (slug: string, extension: string) => `/assets/logos/${slug}.${extension}`;

function buildIndicators(
  project: Project,
  report: ReportEntry,
  model: PlanModel,
  computed: ReportIndicators | undefined,
  charts: readonly Chart[],
  comparisons: readonly GroupComparison[],
): IndicatorView[] {
  const plan = report.plan.data;
  const wording = report.data.indicator_wording ?? {};
  const national = report.data.national_definitions;
  // Where each figure sits in the organisation's groups, linked from this report's page.
  const page = `/${report.organisation}/${report.slug}/`;
  const positions = new Map(
    [...(computed ? groupPositions(comparisons, report.organisation, computed.year) : new Map<string, GroupPositionView[]>())].map(([slug, lines]) => [
      slug,
      lines.map((line) => ({ ...line, href: relativeUrl(line.href, page) })),
    ]),
  );
  const lists: [Standard, IndicatorDefinition[]][] = [
    ["WRES", project.reference.wres.indicators],
    ["WDES", project.reference.wdes.indicators],
  ];
  return lists
    .filter(([standard]) => plan.standards.includes(standard))
    .flatMap(([standard, defs]) =>
      defs.map((def) => {
        const anchor = indicatorAnchor(standard, def.number);
        const code = `${standard} ${def.number}`;
        const label = indicatorLabel(standard, def.number, def.short_title);
        // The parts of the plan whose own mapping names this indicator: what the action tables show beside them (scripts/action-plan/plan-model.ts).
        const actions = addressedBy(model, standard, def.number).map((node) => ({ text: node.name, href: `#${node.anchor}` }));
        const results = computed ? [...computed.wres, ...computed.wdes].filter((r) => r.standard === standard && r.number === def.number) : [];
        const labels = results.map((r) => resultLabel(r, label, results.length));
        const views = results.map((r, i) => resultView(r, charts, labels[i]!, positions.get(r.slug)));
        const title = wording[code] ?? (national ? def.title : undefined);
        // A chart whose subtitle already gives the national wording ("..., by survey year") says it for the indicator.
        const titleSaid = title !== undefined && views.length > 0 && views.every((v) => v.charts.some((c) => c.subtitle.startsWith(title)));
        return {
          standard,
          number: def.number,
          anchor,
          code,
          label,
          group: def.group,
          title: titleSaid ? undefined : title,
          notes: national ? (def.notes ?? []) : [],
          actions,
          results: views,
          glance: results.map((r, i) => glanceRow(r, labels[i]!, results.length > 1 ? `#${r.slug}-figure` : `#${anchor}`)),
        };
      }),
    );
}

function buildGlance(indicators: IndicatorView[], standards: Standard[], computed: ReportIndicators | undefined): GlanceView {
  const unaddressed = indicators.filter((i) => i.actions.length === 0).map((i) => i.code);
  const noun = standards.length > 1 ? "WRES indicators and WDES metrics" : standards[0] === "WRES" ? "WRES indicators" : "WDES metrics";
  // By the one mapping rule, an indicator is shown beside some part of the plan exactly when it links to one.
  const addressed = indicators.filter((i) => i.actions.length > 0).map((i) => ({ code: i.code, anchor: i.anchor, title: i.title, actions: i.actions }));
  return {
    noun,
    wording: addressed.some((i) => i.title !== undefined),
    addressed,
    rows: indicators.flatMap((i) => i.glance.map((row) => ({ ...row, actions: i.actions }))),
    unaddressed: unaddressed.length ? listInWords(unaddressed) : undefined,
    parityBand: computed && interval(computed.parityBand.lower, computed.parityBand.upper, "times"),
  };
}

function buildOrganisation(entry: OrganisationEntry, reports: ReportEntry[]): OrganisationView {
  const d = entry.data;
  return {
    slug: entry.slug,
    url: `/${entry.slug}/`,
    name: d.name,
    shortName: d.short_name ?? d.name,
    type: d.type,
    website: d.website,
    colour: d.colour,
    logo: entry.logo ? logoPath(entry.slug, entry.logo.extension) : undefined,
    values: d.values ?? [],
    ethnicMinorityTerm: d.terminology.ethnic_minority,
    contact: d.contact,
    trends: [],
    reports: reports
      .filter((r) => r.organisation === entry.slug)
      .sort((a, b) => b.plan.data.period.localeCompare(a.plan.data.period))
      .map((r) => ({ title: titleWithPeriod(r.data.title ?? r.plan.data.title, r.plan.data.period), url: `/${r.organisation}/${r.slug}/`, summary: r.data.summary })),
  };
}

function buildBoardPaper(board: BoardPaper): BoardPaperView {
  return {
    title: board.title,
    reportTo: board.report_to,
    meeting: board.meeting,
    dateText: longDate(board.date),
    agendaItem: board.agenda_item,
    purpose: board.purpose,
    executiveSummaryHtml: renderInline(board.executive_summary)!,
    recommendationHtml: renderInline(board.recommendation)!,
    author: board.author,
    executiveSponsors: board.executive_sponsors,
    assurance: board.assurance
      ? { level: board.assurance.level, rationaleHtml: renderInline(board.assurance.rationale)!, actionHtml: renderInline(board.assurance.action) }
      : undefined,
    strategicObjectives: (board.strategic_objectives ?? []).map((o) => ({ objective: o.objective, howHtml: renderInline(o.how)! })),
    equalityAndDiversityHtml: renderInline(board.equality_and_diversity),
    boardAssuranceFrameworkHtml: renderInline(board.board_assurance_framework),
    legalAndRegulatoryHtml: renderInline(board.legal_and_regulatory),
    previousPapersHtml: renderInline(board.previous_papers),
  };
}

export interface SiteModelOptions {
  /** Computed indicators and their charts, by report key "<org>/<period>". */
  indicators: ReadonlyMap<string, ReportIndicators>;
  charts: ReadonlyMap<string, Chart[]>;
  /** Build the pages of these organisations (by slug) only; default: all. */
  only?: ReadonlySet<string>;
  /** Every group's comparison for every year, and their funnel plots by "<group>/<year>". */
  comparisons?: readonly GroupComparison[];
  comparisonFigures?: ReadonlyMap<string, ComparisonFigure[]>;
}

/** The model with each report's PDF described, after the PDF step. */
export function withPdfs(model: SiteModel, pdfs: ReadonlyMap<string, { bytes: number; pages: number }>): SiteModel {
  return {
    ...model,
    reports: model.reports.map((r) => {
      const pdf = pdfs.get(r.key);
      return pdf ? { ...r, pdf: { href: r.pdfUrl, size: fileSize(pdf.bytes), pages: pdf.pages } } : r;
    }),
    // A group comparison's PDF goes by "group:<group>/<year>" (build.ts).
    groupPages: model.groupPages.map((g) => {
      const pdf = pdfs.get(`group:${g.key}`);
      return pdf ? { ...g, pdf: { href: g.pdfUrl, size: fileSize(pdf.bytes), pages: pdf.pages } } : g;
    }),
  };
}

/** The path and address a `web_address` setting gives: a full address, or a path only, or none (the root of the site's own address). */
export function publicLocation(webAddress: string | undefined): PublicLocation {
  if (webAddress === undefined) return { basePath: "/", address: undefined };
  const withSlash = (p: string) => (p.endsWith("/") ? p : `${p}/`);
  if (webAddress.startsWith("/")) return { basePath: withSlash(webAddress), address: undefined };
  const url = new URL(webAddress);
  url.pathname = withSlash(url.pathname);
  return { basePath: url.pathname, address: url.href };
}

const hasContact = (c: Contact | undefined): c is Contact => Boolean(c?.email ?? c?.phone ?? c?.address);

/**
 * The site-wide settings. The publisher is the settings' one, or else the site's only organisation
 * (validation asks for one when there are several, and for a contact for every organisation).
 */
export function siteSettings(project: Project): SiteSettings {
  const { settings, organisations } = project;
  const only = organisations.length === 1 ? organisations[0]!.data : undefined;
  const publisher = settings.publisher ?? { name: only?.name ?? settings.site_title, contact: only?.contact };
  const accessibility = settings.accessibility;
  return {
    title: settings.site_title,
    publisher: { name: publisher.name, contact: hasContact(publisher.contact) ? publisher.contact : undefined },
    ...publicLocation(settings.web_address),
    guide: settings.publish_guide,
    statement: {
      prepared: accessibility && longDate(accessibility.prepared),
      reviewed: accessibility?.reviewed && longDate(accessibility.reviewed),
      contacts: [...organisations]
        .sort((a, b) => a.data.name.localeCompare(b.data.name))
        .flatMap((o): StatementFacts["contacts"] => {
          if (hasContact(o.data.contact)) return [{ name: o.data.name, contact: o.data.contact, through: undefined }];
          return hasContact(publisher.contact) ? [{ name: o.data.name, contact: publisher.contact, through: publisher.name }] : [];
        }),
      pdfLimits: project.reports.some((r) => r.data.outputs.includes("pdf")) ? PDF_LIMITS : [],
    },
  };
}

export function buildSiteModel(project: Project, options: SiteModelOptions): SiteModel {
  const statuses = new Map(project.reference.statuses.map((s) => [s.key, { key: s.key, label: s.label, icon: s.icon, colour: s.colour }]));
  const directory = project.organisations
    .map((o) => buildOrganisation(o, project.reports))
    .sort((a, b) => a.name.localeCompare(b.name));
  const wanted = (slug: string) => options.only?.has(slug) ?? true;
  const organisations = directory.filter((o) => wanted(o.slug));
  const bySlug = new Map(organisations.map((o) => [o.slug, o]));

  const reports = project.reports.filter((r) => wanted(r.organisation)).map((report): ReportView => {
    const plan = report.plan.data;
    const model = planModel(plan);
    const planView = buildPlanView(plan, model, statuses);
    // Narrative headings must not take the ids of the page's own sections, themes, objectives and actions.
    const reserved = [
      ...RESERVED_IDS,
      ...planView.themes.flatMap((t) => [t.anchor, `${t.anchor}-heading`, `${t.anchor}-caption`, ...t.groups.flatMap((g) => [...(g.objective ? [g.objective.anchor] : []), ...g.actions.map((a) => a.anchor)])]),
    ];
    const narrative = renderMarkdown(report.body, { baseLevel: 2, usedIds: new Set(reserved) });
    const quotes = (report.data.quotes ?? []).map((q): QuoteView => ({ html: renderInline(q.text)!, name: q.name, role: q.role, link: q.link, email: q.email }));
    // Validation has checked that every marker names a quote, once.
    const withQuotes = (html: string) => splitAtQuotes(html).map((p): NarrativePart => ("quote" in p ? { quote: quotes[p.quote - 1]! } : p));
    const opening = withQuotes(narrative.introHtml);
    const sections = withQuotes(narrative.sectionsHtml);
    const placed = [...opening, ...sections].flatMap((p) => ("quote" in p ? [p.quote] : []));
    const url = `/${report.organisation}/${report.slug}/`;
    const key = report.key;
    const computed = options.indicators.get(key);
    const charts = options.charts.get(key) ?? [];
    const board = report.data.board_paper;
    const indicators = buildIndicators(project, report, model, computed, charts, options.comparisons ?? []);
    return {
      key,
      url,
      printUrl: `${url}print.html`,
      pdfUrl: `${url}${report.organisation}-${report.slug}.pdf`,
      file: report.file,
      organisation: bySlug.get(report.organisation)!,
      title: report.data.title ?? plan.title,
      period: plan.period,
      standards: plan.standards,
      summary: report.data.summary,
      quotes: quotes.filter((q) => !placed.includes(q)),
      narrative: { opening, sections },
      glance: buildGlance(indicators, plan.standards, computed),
      headings: narrative.headings,
      appendixTitle: report.data.appendix_title ?? "Action plan",
      indicators,
      data: computed
        ? {
            organisation: computed.organisation,
            year: computed.year,
            snapshotDate: longDate(computed.snapshotDate),
            surveyYear: computed.surveyYear,
            years: computed.years.length > 1 ? listInWords(computed.years.map(String)) : undefined,
            threshold: computed.threshold,
            parityBand: parityBandName(computed.parityBand),
          }
        : undefined,
      dates: {
        published: plan.published !== undefined ? longDate(plan.published) : board && longDate(board.date),
        workforce: computed && longDate(computed.snapshotDate),
        survey: computed?.surveyYear ?? undefined,
      },
      charts,
      downloads: indicators.flatMap((i) =>
        i.results.flatMap((r) =>
          r.charts.map((c) => {
            // A figure with several charts (WRES 1: one per staff group) names the group: "wres-1-medical-and-dental".
            const group = c.id.slice(r.slug.length + 1).replace(/-and-/g, " and ");
            return { text: group ? `${r.label}, ${group} staff` : r.label, href: c.csvHref, file: c.csvFileName };
          }),
        ),
      ),
      plan: planView,
      outputs: report.data.outputs,
      pdf: undefined,
      boardPaper: board ? buildBoardPaper(board) : undefined,
      changes: undefined,
      earlierEditions: [],
    };
  });

  const editions = withEditions(reports);
  const { groups, groupPages } = buildGroupViews(project, options.comparisons ?? [], options.comparisonFigures ?? new Map());
  return { settings: siteSettings(project), checks: undefined, directory, organisations: withTrends(organisations, editions), reports: editions, groups, groupPages };
}
