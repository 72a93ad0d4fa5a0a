/**
 * Step 3, compute: a group's organisations side by side for one year, with funnel plots that
 * separate real differences from chance (funnel.ts). Pure: no I/O.
 *
 * A comparison is made only from what each organisation's own report publishes (`memberRecord`
 * takes its already-suppressed ReportIndicators): a figure hidden there is listed here as not
 * shown, with its reason, and left out of the pooled figure and the plot, so no hidden number can
 * be worked out from the comparison. The pooled figure is the group's counts added up over the
 * organisations whose figure is published.
 *
 * Compared: the relative likelihoods (WRES 2-4, WDES 2-3), the focus group's share of the
 * workforce (WRES 1, WDES 1: the overall row) and the board's voting membership against the
 * workforce (WRES 9, WDES 10).
 */
import { indicatorLabel, specOf, type IndicatorSpec } from "./definitions.ts";
import { count, pointsInWords } from "../format/numbers.ts";
import { countShown, intervalFigure, shown } from "./figures.ts";
import { effectiveSize, normalLimits, overdispersion, positionAgainst, proportionLimits, ratioLimits, type FunnelLimits, type Position } from "./funnel.ts";
import { groupLabels, groupsOf, type Labels } from "./groups.ts";
import { ratioOfProportions, wilsonInterval, type Interval } from "./intervals.ts";
import type { Figure, GroupLabel, IndicatorResult, IntervalFigure, ReportIndicators, Unit } from "./types.ts";
import type { Standard } from "../validate/schema.ts";

/** The compared indicators, in the order the comparison page shows them. */
export const COMPARED: readonly { standard: Standard; id: string }[] = [
  { standard: "WRES", id: "1" },
  { standard: "WRES", id: "2" },
  { standard: "WRES", id: "3" },
  { standard: "WRES", id: "4" },
  { standard: "WRES", id: "9" },
  { standard: "WDES", id: "1" },
  { standard: "WDES", id: "2" },
  { standard: "WDES", id: "3" },
  { standard: "WDES", id: "10" },
];

/** Fewer organisations with a published figure than this, and there is no funnel: too few to tell a pattern. */
export const MIN_COMPARED = 3;

export type ComparisonKind = "ratio" | "share" | "board";

const slugOf = (standard: Standard, id: string) => `${standard.toLowerCase()}-${id}`;

const kindOf = (spec: IndicatorSpec): ComparisonKind =>
  spec.measure === "relative-likelihood" ? "ratio" : spec.measure === "representation" ? "share" : "board";

/* ---------- what one organisation publishes ---------- */

/** One compared figure as an organisation's report publishes it, with the published counts behind it. */
export interface MemberFigure {
  value: Figure;
  /**
   * Only when `value` is shown. ratio: [subject count, subject base, comparator count, comparator
   * base], in people (two years of people for a two-year rolling average); share: [focus staff,
   * headcount]; board: [focus voting members, voting members, focus staff, headcount].
   */
  counts?: number[];
  /** The organisation's size for this figure: shortlisted applicants or staff of the two groups, headcount, voting members. */
  size?: number;
  /** Why a figure that is shown is not compared, when it is not: "more staff were counted as trained than there are staff". */
  excluded?: string;
}

/** One organisation's compared figures for one year (a slug such as "wres-2" -> its figure). */
export interface MemberRecord {
  year: number;
  figures: Record<string, MemberFigure>;
}

const valueOf = (f: Figure | undefined) => (f?.status === "shown" ? f.value : null);

function ratioFigure(result: IndicatorResult, spec: IndicatorSpec): MemberFigure {
  const subjectRole = spec.likelihood!.subject;
  const subject = result.groups.find((g) => g.role === subjectRole);
  const comparator = result.groups.find((g) => g.role !== subjectRole);
  const cells = [subject?.numerator, subject?.denominator, comparator?.numerator, comparator?.denominator].map(valueOf);
  if (result.value.value === null || cells.some((c) => c === null)) return { value: result.value };
  const [a, m, b, k] = cells as number[];
  // A two-year rolling average divides two years' entries by one year's headcount: its interval counts two years of people.
  const years = result.basis?.includes("rolling average") ? 2 : 1;
  const counts = [a! * years, m! * years, b! * years, k! * years];
  // A count larger than its group (more staff counted as trained than there are staff) gives a likelihood but no interval.
  if (a! > m! || b! > k!) return { value: result.value, excluded: `more ${spec.likelihood!.people} were counted than there are in one of the groups, so no interval can be worked out` };
  return { value: result.value, counts, size: m! + k! };
}

function shareFigure(result: IndicatorResult): MemberFigure {
  const overall = result.representation?.overall;
  const focus = overall?.cells.find((c) => c.group === result.focus.key);
  const [x, n] = [valueOf(focus?.count), valueOf(overall?.headcount)];
  if (result.value.value === null || x === null || n === null) return { value: result.value };
  return { value: result.value, counts: [x, n], size: n };
}

function boardFigure(result: IndicatorResult, workforce: MemberFigure | undefined): MemberFigure {
  const voting = result.board?.rows.find((r) => r.key === "voting");
  const notAvailable: Figure = { value: null, display: "not available", status: "not available", reason: "there are no board figures" };
  if (!voting) return { value: result.value.value === null ? result.value : notAvailable };
  if (voting.difference.value === null || !workforce?.counts) return { value: voting.difference };
  return { value: voting.difference, counts: [voting.focusMembers, voting.members, ...workforce.counts], size: voting.members };
}

/** The compared figures of one organisation's report for its year. */
export function memberRecord(indicators: ReportIndicators): MemberRecord {
  const figures: Record<string, MemberFigure> = {};
  for (const results of [indicators.wres, indicators.wdes]) {
    const share = results.find((r) => r.id === "1");
    const workforce = share && shareFigure(share);
    for (const result of results) {
      const spec = specOf(result.standard, result.id);
      if (!COMPARED.some((c) => c.standard === result.standard && c.id === result.id)) continue;
      const kind = kindOf(spec);
      figures[result.slug] = kind === "ratio" ? ratioFigure(result, spec) : kind === "share" ? workforce! : boardFigure(result, workforce);
    }
  }
  return { year: indicators.year, figures };
}

/* ---------- the comparison ---------- */

export type MemberPosition = Position | "not shown" | "not available" | "not compared";

export interface ComparedMember {
  slug: string;
  name: string;
  value: Figure;
  interval: IntervalFigure | undefined;
  /** The organisation's size, as a count ("2,140"), when its figure is shown. */
  size: Figure | undefined;
  /** Where it sits on the funnel (unrounded): x its size (effective size for a likelihood), y its figure. */
  point: { x: number; y: number } | undefined;
  position: MemberPosition;
  /** For the table: "above the 99.8% limit", "within the limits", "not on the plot" (the notes say why). */
  positionText: string;
  /** Why the member is not on the plot: its figure's reason for not being shown or available, or why it is not compared. */
  reason?: string;
}

/** The limits at one size, for drawing the funnel. */
export interface FunnelPoint extends FunnelLimits {
  x: number;
}

export interface IndicatorComparison {
  slug: string;
  standard: Standard;
  id: string;
  kind: ComparisonKind;
  unit: Unit;
  /** "WRES 2: appointment from shortlisting", as the organisations' reports head it (indicatorLabel). */
  heading: string;
  /** What is plotted and for whom: "Relative likelihood of White applicants compared with BME applicants being appointed from shortlisting". */
  measure: string;
  /** "shortlisted applicants", "staff", "voting board members": what the size counts. */
  sizeLabel: string;
  pooled: Figure;
  pooledInterval: IntervalFigure | undefined;
  /** How many organisations have a published figure (those on the plot and in the pooled figure). */
  compared: number;
  members: ComparedMember[];
  /** The limits to draw, from the smallest size to the largest; empty when too few are compared. */
  funnel: FunnelPoint[];
  /** The target the limits are drawn around (unrounded), on the plot's scale. */
  target: number | undefined;
  /** The variance between organisations the limits allow for (shares only; 0 when none). */
  tau2: number;
  /** The group's figure, in one sentence. */
  finding: string;
  /** Who lies outside the 99.8% limits, named (the chart's title). */
  outliers: string;
  /** Why there is no funnel plot, when there is none: "only 2 of the 5 organisations have a published figure, and at least 3 are needed". */
  notCompared: string | undefined;
  /** Who lies between the 95% and 99.8% limits, and figures not shown: for the notes under the chart. */
  notes: string[];
}

export interface GroupComparison {
  group: { slug: string; name: string; shortName: string; type: GroupKind };
  year: number;
  /** Every member organisation, whether or not it has data for the year. */
  memberCount: number;
  indicators: IndicatorComparison[];
}

/** What kind of group it is (data/groups.yaml). */
export type GroupKind = "region" | "ICB" | "peer group" | "other";

export interface GroupInput {
  slug: string;
  name: string;
  shortName: string;
  type: GroupKind;
  /** The group's term for Black and minority ethnic staff ("BME" unless the group says otherwise). */
  ethnicMinorityTerm: string;
  /** Each indicator's short title as reports head it, by slug ("wres-2" -> "appointment from shortlisting"; data/reference). */
  shortTitles: Readonly<Record<string, string>>;
  year: number;
  /** Every member, by name, with its figures for the year (undefined: no metric data for it). */
  members: { slug: string; name: string; record: MemberRecord | undefined }[];
}

const POSITION_TEXT: Record<Position, string> = {
  "above 99.8": "above the 99.8% limit",
  "above 95": "above the 95% limit, within the 99.8% limit",
  within: "within the limits",
  "below 95": "below the 95% limit, within the 99.8% limit",
  "below 99.8": "below the 99.8% limit",
};

/** Sizes from the smallest to the largest compared, spaced evenly on a log scale, for drawing the limits. */
function sizes(xs: number[]): number[] {
  const [lo, hi] = [Math.min(...xs) * 0.8, Math.max(...xs) * 1.1];
  const steps = 24;
  return Array.from({ length: steps + 1 }, (_, i) => lo * (hi / lo) ** (i / steps));
}

interface Statistics {
  pooled: number;
  pooledInterval?: Interval;
  target: number;
  /** The plotted value and x of one member's counts. */
  member(counts: number[], size: number): { y: number; x: number; limits: FunnelLimits };
  limitsAt(x: number): FunnelLimits;
  tau2: number;
}

const sum = (rows: number[][], i: number) => rows.reduce((s, r) => s + r[i]!, 0);

function ratioStatistics(rows: { counts: number[]; size: number }[]): Statistics {
  const c = rows.map((r) => r.counts);
  // Every published likelihood rests on counts of at least the suppression threshold, so the pooled one exists and is above 0.
  const pooled = ratioOfProportions(sum(c, 0), sum(c, 1), sum(c, 2), sum(c, 3))!;
  const perPerson = pooled.logStandardError ** 2 * rows.reduce((s, r) => s + r.size, 0);
  return {
    pooled: pooled.ratio,
    pooledInterval: pooled.interval,
    target: pooled.ratio,
    tau2: 0,
    limitsAt: (x) => ratioLimits(pooled.ratio, perPerson, x),
    member(counts) {
      const estimate = ratioOfProportions(counts[0]!, counts[1]!, counts[2]!, counts[3]!)!;
      const x = effectiveSize(perPerson, estimate.logStandardError);
      return { y: estimate.ratio, x, limits: ratioLimits(pooled.ratio, perPerson, x) };
    },
  };
}

/** A pooled figure around which no limits can be drawn, and why. */
interface NoLimits {
  pooled: number;
  reason: string;
}

/** Chance gives no spread when the group's share is 0% or 100%: "none of the 620 voting board members ... is Disabled". */
const noSpread = (share: number, total: number, people: string, focus: string): string =>
  `${share === 0 ? "none" : "all"} of the ${count(total)} ${people} of the organisations compared ${share === 0 ? "is" : "are"} ${focus}, so chance gives no spread to draw limits from`;

function shareStatistics(rows: { counts: number[] }[], focus: string): Statistics | NoLimits {
  const c = rows.map((r) => r.counts);
  const p0 = sum(c, 0) / sum(c, 1);
  if (!(p0 > 0 && p0 < 1)) return { pooled: 100 * p0, reason: noSpread(p0, sum(c, 1), "staff", focus) };
  const { tau2 } = overdispersion(c.map(([x, n]) => ({ value: x! / n!, standardError: Math.sqrt((p0 * (1 - p0)) / n!) })), p0);
  const percent = (l: FunnelLimits): FunnelLimits => ({ lower95: 100 * l.lower95, upper95: 100 * l.upper95, lower998: 100 * l.lower998, upper998: 100 * l.upper998 });
  return {
    pooled: 100 * p0,
    target: 100 * p0,
    tau2,
    limitsAt: (n) => percent(proportionLimits(p0, n, tau2)),
    member: ([x, n]) => ({ y: (100 * x!) / n!, x: n!, limits: percent(proportionLimits(p0, n!, tau2)) }),
  };
}

function boardStatistics(rows: { counts: number[] }[], focus: string): Statistics | NoLimits {
  const c = rows.map((r) => r.counts);
  const q0 = sum(c, 0) / sum(c, 1);
  const d0 = 100 * (q0 - sum(c, 2) / sum(c, 3));
  if (!(q0 > 0 && q0 < 1)) return { pooled: d0, reason: noSpread(q0, sum(c, 1), "voting board members", focus) };
  const limitsAt = (n: number) => normalLimits(d0, 100 * Math.sqrt((q0 * (1 - q0)) / n));
  return {
    pooled: d0,
    target: d0,
    tau2: 0,
    limitsAt,
    member: ([focus, members, staff, headcount]) => ({ y: (100 * focus!) / members! - (100 * staff!) / headcount!, x: members!, limits: limitsAt(members!) }),
  };
}

/**
 * One organisation's 95% interval, from its own published counts: whether or not the group has
 * enough figures for a funnel plot, every published figure has its interval. A likelihood's is the
 * ratio's (intervals.ts), a share's Wilson's, a board difference's the Wilson interval of the
 * board's share less the workforce's share.
 */
function memberInterval(kind: ComparisonKind, counts: number[]): Interval | undefined {
  const [a, b, c, d] = counts as [number, number, number, number];
  if (kind === "ratio") return ratioOfProportions(a, b, c, d)?.interval;
  const wilson = wilsonInterval(a, b);
  const less = kind === "board" ? (100 * c) / d : 0;
  return wilson ? { lower: 100 * wilson.lower - less, upper: 100 * wilson.upper - less } : undefined;
}

/** Words for one compared indicator, in the group's terms. */
interface Words {
  heading: string;
  measure: string;
  sizeLabel: string;
  /** The pooled figure as a sentence: "White applicants were 1.45 times as likely ...". */
  pooledSentence(pooled: Figure, count: number): string;
}

function wordsFor(spec: IndicatorSpec, labels: Labels, shortTitle: string): Words {
  const [reference, focus] = groupsOf[spec.dimension].map((g) => labels[g]) as [GroupLabel, GroupLabel];
  const label = (title: string) => indicatorLabel(spec.standard, spec.id, title);
  const across = (count: number) => `Across the ${count} organisations compared`;
  switch (kindOf(spec)) {
    case "ratio": {
      const { subject, people, to } = spec.likelihood!;
      const [top, bottom] = subject === "reference" ? [reference, focus] : [focus, reference];
      const [s, c] = [`${top.inSentence} ${people}`, `${bottom.inSentence} ${people}`];
      const sizeLabel = people === "applicants" ? "shortlisted applicants" : "staff";
      return {
        heading: label(shortTitle),
        measure: `How likely ${s} were to ${to}, compared with ${c} (relative likelihood${spec.id === "3" ? ", a two-year rolling average where the data gives one" : ""})`,
        sizeLabel,
        pooledSentence(pooled, count) {
          if (pooled.display === "1.00") return `${across(count)}, ${s} and ${c} were equally likely to ${to}.`;
          if (pooled.value! > 1) return `${across(count)}, ${s} were ${pooled.display} times as likely as ${c} to ${to}.`;
          return `${across(count)}, ${s} were less likely than ${c} to ${to} (relative likelihood ${pooled.display}).`;
        },
      };
    }
    case "share":
      return {
        heading: label(`${focus.inSentence} staff as a share of the workforce`),
        measure: `${focus.label} staff as a percentage of all staff`,
        sizeLabel: "staff",
        pooledSentence: (pooled, count) => `${across(count)}, ${pooled.display} of staff were ${focus.inSentence}.`,
      };
    case "board":
      return {
        heading: label("voting board members compared with the workforce"),
        measure: `${focus.label} members' share of voting board seats minus their share of the workforce, in percentage points`,
        sizeLabel: "voting board members",
        pooledSentence(pooled, count) {
          if (pooled.value === 0) return `${across(count)}, ${focus.inSentence} members held the same share of voting board seats as of the workforce.`;
          return `${across(count)}, ${focus.inSentence} members' share of voting board seats was ${pointsInWords(pooled.value!)} ${pooled.value! > 0 ? "above" : "below"} their share of the workforce.`;
        },
      };
  }
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const nameList = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

function outlierWords(members: ComparedMember[], compared: number): { outliers: string; notes: string[] } {
  const named = (positions: Position[]) =>
    members.filter((m) => positions.includes(m.position as Position)).map((m) => `${m.name} (${m.value.display}, ${m.position.startsWith("above") ? "above" : "below"})`);
  const outside = named(["above 99.8", "below 99.8"]);
  let outliers: string;
  if (outside.length === 0) outliers = `None of the ${compared} organisations is outside the 99.8% limits.`;
  else if (outside.length === 1) {
    const m = members.find((x) => x.position === "above 99.8" || x.position === "below 99.8")!;
    outliers = `${m.name} (${m.value.display}) is ${m.position.startsWith("above") ? "above" : "below"} the 99.8% limits; the other ${compared - 1} ${plural(compared - 1, "organisation is", "organisations are")} inside them.`;
  } else outliers = `${outside.length} of the ${compared} organisations are outside the 99.8% limits: ${nameList(outside)}.`;
  const between = named(["above 95", "below 95"]);
  // The organisations not on the plot, by the reason their figure is missing.
  const missing = new Map<string, string[]>();
  for (const m of members) {
    if (m.positionText !== "not on the plot") continue;
    const why = `${m.position}${m.reason ? ` (${m.reason})` : ""}`;
    missing.set(why, [...(missing.get(why) ?? []), m.name]);
  }
  const notes = [
    ...(between.length > 0 ? [`Between the 95% and 99.8% limits, where about 1 organisation in 20 falls by chance alone: ${nameList(between)}.`] : []),
    ...[...missing].map(([why, names]) => `Not on the plot, because ${plural(names.length, "its figure is", "their figures are")} ${why}: ${nameList(names)}.`),
  ];
  return { outliers, notes };
}

function compareIndicator(spec: IndicatorSpec, input: GroupInput, labels: Labels): IndicatorComparison {
  const slug = slugOf(spec.standard, spec.id);
  const words = wordsFor(spec, labels, input.shortTitles[slug] ?? `${spec.shortTitle.charAt(0).toLowerCase()}${spec.shortTitle.slice(1)}`);
  const kind = kindOf(spec);
  const unit: Unit = kind === "ratio" ? "times" : kind === "share" ? "%" : "points";
  const figures = input.members.map((m) => ({ member: m, figure: m.record?.figures[slug] }));
  const published = figures.flatMap(({ member, figure }) => (figure?.counts && figure.size !== undefined ? [{ member, counts: figure.counts, size: figure.size }] : []));
  const focus = labels[groupsOf[spec.dimension][1]].inSentence;
  const outcome: Statistics | NoLimits | undefined =
    published.length < MIN_COMPARED
      ? undefined
      : kind === "ratio"
        ? ratioStatistics(published)
        : kind === "share"
          ? shareStatistics(published, focus)
          : boardStatistics(published, focus);
  const statistics = outcome && "member" in outcome ? outcome : undefined;
  const compared = published.length;
  const noLimits =
    outcome === undefined
      ? `${compared === 0 ? "none" : `only ${compared}`} of the ${input.members.length} organisations ${plural(compared, "has", compared === 0 ? "has" : "have")} a published figure, and at least ${MIN_COMPARED} are needed`
      : statistics
        ? undefined
        : (outcome as NoLimits).reason;

  const members: ComparedMember[] = figures.map(({ member, figure }) => {
    const base = { slug: member.slug, name: member.name };
    if (!figure) {
      const value: Figure = { value: null, display: "not available", status: "not available", reason: `there is no ${input.year} data` };
      return { ...base, value, interval: undefined, size: undefined, point: undefined, position: "not available", positionText: "not on the plot", reason: value.reason! };
    }
    const left = { ...base, value: figure.value, interval: undefined, size: undefined, point: undefined };
    if (figure.excluded) return { ...left, position: "not compared", positionText: "not on the plot", reason: figure.excluded };
    if (!figure.counts || figure.size === undefined) {
      const position = figure.value.status === "suppressed" ? "not shown" : "not available";
      return { ...left, position, positionText: "not on the plot", ...(figure.value.reason ? { reason: figure.value.reason } : {}) };
    }
    const count = countShown(figure.size);
    const interval = memberInterval(kind, figure.counts);
    const withCounts = { ...base, value: figure.value, interval: interval && intervalFigure(interval, unit), size: count };
    if (!statistics) return { ...withCounts, point: undefined, position: "not compared", positionText: "not compared: there is no plot" };
    const m = statistics.member(figure.counts, figure.size);
    const position = positionAgainst(m.y, m.limits);
    return {
      ...withCounts,
      point: { x: m.x, y: m.y },
      position,
      positionText: POSITION_TEXT[position],
    };
  });

  const pooled: Figure = outcome
    ? shown(outcome.pooled, unit)
    : { value: null, display: "not available", status: "not available", reason: `fewer than ${MIN_COMPARED} organisations have a published figure` };
  const { outliers, notes } = outlierWords(members, compared);
  return {
    slug,
    standard: spec.standard,
    id: spec.id,
    kind,
    unit,
    heading: words.heading,
    measure: words.measure,
    sizeLabel: words.sizeLabel,
    pooled,
    pooledInterval: statistics?.pooledInterval && intervalFigure(statistics.pooledInterval, unit),
    compared,
    members,
    funnel: statistics ? sizes(members.flatMap((m) => (m.point ? [m.point.x] : []))).map((x) => ({ x, ...statistics.limitsAt(x) })) : [],
    target: statistics?.target,
    tau2: statistics?.tau2 ?? 0,
    finding: [outcome ? words.pooledSentence(pooled, compared) : "", noLimits ? `There is no funnel plot: ${noLimits}.` : ""].filter(Boolean).join(" "),
    outliers: noLimits ? "Not compared." : outliers,
    notCompared: noLimits,
    notes,
  };
}

/** "the 28 organisations in North East and Yorkshire", "the 12 organisations in the Ambulance trusts peer group": who a comparison is about. */
export const organisationsIn = ({ memberCount, group }: GroupComparison) =>
  `the ${memberCount} organisations in ${group.type === "peer group" ? `the ${group.shortName} peer group` : group.shortName}`;

/** Every compared indicator for one group and year. */
export function compareGroup(input: GroupInput): GroupComparison {
  const labels = groupLabels(input.ethnicMinorityTerm);
  return {
    group: { slug: input.slug, name: input.name, shortName: input.shortName, type: input.type },
    year: input.year,
    memberCount: input.members.length,
    indicators: COMPARED.map((c) => compareIndicator(specOf(c.standard, c.id), input, labels)),
  };
}

/**
 * Where one organisation sits in its group, for a line on its report after the group's name and
 * how many were compared: "within the expected range". No group figure here: the line would then
 * change, and its report be rebuilt, whenever any member's figures moved.
 */
export function positionSentence(comparison: IndicatorComparison, member: ComparedMember): string {
  switch (member.position) {
    case "within":
      return "within the expected range";
    case "above 95":
    case "below 95":
      return `${member.position === "above 95" ? "above" : "below"} the 95% limit but inside the 99.8% limit, so ${member.position === "above 95" ? "higher" : "lower"} than most, possibly by chance`;
    case "above 99.8":
    case "below 99.8":
      return `${member.position === "above 99.8" ? "above" : "below"} the 99.8% limit, so ${member.position === "above 99.8" ? "higher" : "lower"} than the group by more than chance explains`;
    case "not compared":
      return `not compared, because ${member.reason ?? comparison.notCompared!}`;
    default:
      return `not compared, because this figure is ${member.position}`;
  }
}
