/**
 * A synthetic estate for the benchmark: N organisations x Y years of plans, metric data files,
 * organisation files and report pages, as a regional body would build them. Seeded and
 * deterministic: the same options always give the same bytes. Every organisation is fictional.
 *
 *   generateEstate(options)  -> Map<project-relative path, file text>   (pure)
 *   writeEstate(dir, options) -> writes data/ (settings included) and content/reports/ into `dir`
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dump } from "js-yaml";
import { AFC_BANDS, MEDICAL_SUBGROUPS, type GroupCounts } from "../validate/metrics-schema.ts";

export interface EstateOptions {
  /** How many organisations (default 200). */
  orgs?: number;
  /** How many yearly editions per organisation (default 5). */
  years?: number;
  /** The last data year; the first is lastYear - years + 1 (default 2024). */
  lastYear?: number;
  seed?: number;
  /** Whether the organisations are put in regions (default true); without, the same organisations and files, no groups. */
  groups?: boolean;
}

/** mulberry32: a small, well-mixed 32-bit PRNG; enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

const PLACES = ["Ashworth", "Brackenfield", "Castlemere", "Dunmore", "Eastwick", "Fenbridge", "Glenholme", "Harrowdale", "Ivybank", "Kingsmead", "Larkhill", "Marshfield", "Northgate", "Oakhurst", "Pinewood", "Queensbury", "Redcliffe", "Stonebridge", "Thornbury", "Upton", "Valebrook", "Westmoor", "Yarrowby", "Zennor"];
const KINDS = [
  ["Hospitals NHS Foundation Trust", "trust"],
  ["Community Health NHS Trust", "trust"],
  ["Mental Health NHS Foundation Trust", "trust"],
  ["Integrated Care Board", "ICB"],
] as const;
const VALUES = ["Kind", "Open", "Fair", "Respectful", "Ambitious", "Together", "Safe"];
const TERMS = ["BME", "ethnic minority", "culturally diverse"];
const PROMISE = ["We are compassionate and inclusive", "We are recognised and rewarded", "We each have a voice that counts", "We are safe and healthy", "We are always learning", "We work flexibly", "We are a team"];
const STATUSES = ["not started", "in progress", "on-going", "delayed", "complete"];
const LEADS = ["Director of People", "Chief Executive", "Head of Resourcing", "Head of Equality, Diversity and Inclusion", "Deputy Director of People", "Head of Occupational Health", "Chief Nurse", "Medical Director", "Head of Learning and Development"];
const PARTNERS = ["Race Equality Network", "Disability and Long-term Conditions Network", "Freedom to Speak Up Guardian", "Staff side", "Integrated Care Board"];
const WRES_THEMES = ["Fair recruitment", "Career progression", "Fair and just culture", "Tackling bullying and harassment", "Board representation"];
const WDES_THEMES = ["Reasonable adjustments", "Disabled staff voices", "Capability and attendance", "Inclusive recruitment"];
const VERBS = ["Introduce", "Review", "Extend", "Publish", "Train", "Audit", "Pilot", "Embed"];
const OBJECTS = [
  "a diverse panel member on every interview panel for posts at band 7 and above",
  "shortlisting and appointment data by band and staff group every quarter",
  "a reverse mentoring programme pairing staff network members with board members",
  "a reasonable adjustments passport that moves with the member of staff",
  "every formal disciplinary case against a pre-formal checklist before it starts",
  "every capability case against the Equality Act before a formal hearing",
  "bystander training for managers in every division",
  "a career conversation for every member of staff at bands 5 to 7",
  "the staff networks' chairs with protected time and a budget",
  "an anonymised recruitment pilot for administrative posts",
];

const periodOf = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
const slugOf = (year: number) => periodOf(year).replace("/", "-");
const isoDay = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** Split `total` into parts by weights, whole numbers that add up to `total` exactly. */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** One headcount split both ways, the two splits adding to the same total. */
function groupCounts(r: Random, total: number, bmeShare: number, disabledShare: number): GroupCounts {
  const unknownE = r() * 0.06;
  const unknownD = 0.04 + r() * 0.08;
  const [white, bme, ethnicity_unknown] = split(total, [1 - bmeShare - unknownE, bmeShare, unknownE]);
  const [non_disabled, disabled, disability_unknown] = split(total, [1 - disabledShare - unknownD, disabledShare, unknownD]);
  return { white: white!, bme: bme!, ethnicity_unknown: ethnicity_unknown!, disabled: disabled!, non_disabled: non_disabled!, disability_unknown: disability_unknown! };
}

const survey = (r: Random, base: number, centre: number, gap: number, minorityBase: number) => ({
  a: { percent: round1(Math.min(99, Math.max(1, centre + gap + (r() - 0.5) * 4))), base: minorityBase },
  b: { percent: round1(Math.min(99, Math.max(1, centre + (r() - 0.5) * 4))), base },
});

interface OrgProfile {
  slug: string;
  size: number; // headcount scale factor
  bmeShare: number;
  disabledShare: number;
  /** How much more (or less) likely than the usual rate White and BME applicants are to be appointed. */
  appointment: { white: number; bme: number };
}

/** Fictional NHS regions of about 28 organisations each (7 in the default estate), compared side by side. */
const REGIONS = ["Northern Fells", "Eastern Marshes", "Western Vales", "Southern Downs", "Central Shires", "Coastal Moors", "Highland Lakes"];
const groupId = (name: string) => `${name.toLowerCase().replace(/\s+/g, "-")}-synthetic`;

/** `first`: the organisation's first year, whose file gives last year's entries itself (later years take them from the file before). */
function metricsFile(r: Random, org: OrgProfile, year: number, first: boolean): string {
  const band = (i: number) => Math.max(0, Math.round(org.size * 120 * Math.exp(-0.35 * i) * (0.85 + r() * 0.3)));
  // Fewer minority staff in the senior bands, as in the published data: small groups to suppress.
  const seniority = (i: number) => Math.max(0.02, 1 - i / 14);
  const table = (offset: number) =>
    Object.fromEntries(AFC_BANDS.map((b, i) => [b, groupCounts(r, band(i + offset), org.bmeShare * seniority(i), org.disabledShare * (0.7 + 0.3 * seniority(i)))]));
  const medical = Object.fromEntries(
    MEDICAL_SUBGROUPS.slice(0, 3).map((m) => [m, groupCounts(r, Math.round(org.size * int(r, 20, 80)), Math.min(0.6, org.bmeShare * 2), org.disabledShare * 0.5)]),
  );
  const shortlisted = groupCounts(r, Math.round(org.size * int(r, 1500, 2600)), org.bmeShare * 1.4, org.disabledShare);
  const rate = 0.15 + r() * 0.1;
  const { white = 0, bme = 0, ethnicity_unknown = 0, disabled: shortlistedDisabled = 0, disability_unknown: shortlistedUnknown = 0 } = shortlisted;
  // Each year's rates vary a little around the organisation's own, as real ones do.
  const vary = () => 0.85 + r() * 0.3;
  const appointedE = { white: Math.round(white * rate * org.appointment.white * vary()), bme: Math.round(bme * rate * org.appointment.bme * vary()), ethnicity_unknown: Math.round(ethnicity_unknown * rate) };
  const appointedTotal = appointedE.white + appointedE.bme + appointedE.ethnicity_unknown;
  const disabled = Math.min(shortlistedDisabled, Math.round(appointedTotal * org.disabledShare * 0.8));
  const disability_unknown = Math.min(shortlistedUnknown, Math.round(appointedTotal * 0.03));
  const appointed = { ...appointedE, disabled, non_disabled: appointedTotal - disabled - disability_unknown, disability_unknown };
  const base = Math.round(org.size * int(r, 900, 1400));
  const bmeBase = Math.max(4, Math.round(base * org.bmeShare));
  const disabledBase = Math.max(4, Math.round(base * org.disabledShare));
  const eth = (centre: number, gap: number) => {
    const s = survey(r, base, centre, gap, bmeBase);
    return { white: s.b, bme: s.a };
  };
  const dis = (centre: number, gap: number) => {
    const s = survey(r, base, centre, gap, disabledBase);
    return { disabled: s.a, non_disabled: s.b };
  };
  // Drawn every year so the random sequence, and so the estate, does not depend on `first`.
  const previous = { disciplinary: { white: int(r, 5, 30), bme: int(r, 2, 20) }, capability: { disabled: int(r, 1, 12), non_disabled: int(r, 20, 70) } };
  const boardCell = (n: number) => groupCounts(r, n, r() < 0.3 ? 0.2 : 0, r() < 0.2 ? 0.2 : 0);
  const workforce = { non_clinical: table(0), clinical: table(1), medical };
  const cells = Object.values(workforce).flatMap((part) => Object.values(part));
  const staff = { white: cells.reduce((n, c) => n + (c.white ?? 0), 0), bme: cells.reduce((n, c) => n + (c.bme ?? 0), 0) };
  const metrics = {
    year,
    snapshot_date: isoDay(year, 3, 31),
    survey_year: year - 1,
    workforce,
    recruitment: { shortlisted, appointed },
    disciplinary: {
      entries: { white: int(r, 5, 30), bme: int(r, 2, 20) },
      ...(first ? { previous_year_entries: previous.disciplinary } : {}),
    },
    capability: {
      entries: { disabled: int(r, 1, 12), non_disabled: int(r, 20, 70) },
      ...(first ? { previous_year_entries: previous.capability } : {}),
    },
    // Some of each group's staff accessed non-mandatory training: never more than there are.
    training: { white: Math.round(staff.white * (0.3 + r() * 0.2)), bme: Math.round(staff.bme * (0.25 + r() * 0.2)), ethnicity_unknown: int(r, 10, 60) },
    staff_survey: {
      wres_5: eth(25, 4),
      wres_6: eth(21, 6),
      wres_7: eth(55, -12),
      wres_8: eth(6, 7),
      wdes_4a_i: dis(25, 6),
      wdes_4a_ii: dis(9, 5),
      wdes_4a_iii: dis(13, 6),
      wdes_4b: dis(46, 2),
      wdes_5: dis(56, -7),
      wdes_6: dis(20, 8),
      wdes_7: dis(47, -9),
      wdes_8: { disabled: { percent: round1(60 + r() * 25), base: disabledBase } },
      wdes_9a: {
        disabled: { score: round1(6.3 + r() * 0.6), base: disabledBase },
        non_disabled: { score: round1(6.9 + r() * 0.4), base },
        overall: { score: round1(6.8 + r() * 0.4), base: base + disabledBase },
      },
    },
    wdes_9b: { answer: r() < 0.85, narrative: "The Disability and Long-term Conditions Network meets monthly and reports to the People Committee twice a year." },
    board: {
      voting_executive: boardCell(int(r, 5, 7)),
      voting_non_executive: boardCell(int(r, 6, 8)),
      non_voting_executive: boardCell(int(r, 2, 4)),
      non_voting_non_executive: boardCell(int(r, 0, 2)),
    },
  };
  return `# SYNTHETIC benchmark data: ${org.slug} does not exist.\n${dump(metrics, { lineWidth: 200, flowLevel: 3 })}`;
}

function planFile(r: Random, name: string, year: number): string {
  const themeCount = int(r, 5, 7);
  const titles = [...WRES_THEMES.slice(0, 3), ...WDES_THEMES.slice(0, 2), WRES_THEMES[3]!, WDES_THEMES[2]!];
  const themes = Array.from({ length: themeCount }, (_, t) => {
    const standard = t % 2 === 0 || t === 5 ? "WRES" : "WDES";
    const mapping = standard === "WRES" ? { wres: [int(r, 1, 4), int(r, 5, 9)] } : { wdes: [int(r, 1, 5), int(r, 6, 10)] };
    const actionCount = int(r, 4, 6);
    const actions = Array.from({ length: actionCount }, (_, a) => {
      const id = `${t + 1}.${a + 1}`;
      if (a > 0 && r() < 0.05) return { id, see: `${t + 1}.1` };
      const dueYear = year + int(r, 0, 2);
      const month = pick(r, [3, 6, 9, 12]);
      const due = isoDay(dueYear, month, month === 3 || month === 12 ? 31 : 30);
      const object = pick(r, OBJECTS);
      const text = r() < 0.2 ? `${pick(r, VERBS)} ${object}:\n- in every division;\n- with the staff networks.` : `${pick(r, VERBS)} ${object}.`;
      return {
        id,
        action: text,
        leads: [pick(r, LEADS)],
        ...(r() < 0.4 ? { partners: [pick(r, PARTNERS)] } : {}),
        timescale: `By ${due.slice(0, 4)}`,
        due,
        status: pick(r, STATUSES),
        ...(r() < 0.3 ? { progress: "Work has begun with the staff networks; the first results go to the People Committee." } : {}),
        ...mapping,
        people_promise: [pick(r, PROMISE)],
        ...(r() < 0.3 ? { kpis: ["Relative likelihood within 0.80 to 1.25 by March of the plan's last year"] } : {}),
      };
    });
    return { id: String(t + 1), title: titles[t]!, standard, ...mapping, people_promise: [pick(r, PROMISE), pick(r, PROMISE)].filter((p, i, all) => all.indexOf(p) === i), actions };
  });
  const plan = {
    title: `${name} WRES and WDES action plan ${periodOf(year)}`,
    period: periodOf(year),
    standards: ["WRES", "WDES"],
    introduction: "This synthetic plan was generated for the benchmark; nothing in it describes a real organisation.",
    themes,
  };
  return `# SYNTHETIC benchmark data.\n${dump(plan, { lineWidth: 200 })}`;
}

function reportFile(r: Random, name: string, year: number): string {
  const front = {
    title: `${name} WRES and WDES report ${periodOf(year)}`,
    metrics_year: year,
    summary: `Every WRES indicator and WDES metric for ${year}, with the trend over earlier years and the action plan for ${periodOf(year)}.`,
    quotes: [{ text: "We will be judged on what we do, not on what we say.", name: "Chief Executive" }],
  };
  const paragraph = () =>
    Array.from({ length: int(r, 3, 5), }, () => pick(r, [
      "Our workforce data are at 31 March; the staff survey figures come from the autumn survey of the year before.",
      "Numbers below 10 are shown as \"fewer than 10\" so that no one can be identified.",
      "The staff networks reviewed this report before it went to the Board.",
      "We have made progress on recruitment but not yet on progression to senior bands.",
      "Disabled colleagues still report more harassment from managers than non-disabled colleagues.",
      "The relative likelihood figures compare two groups: 1.00 means both are equally likely.",
    ])).join(" ");
  const body = ["## Foreword", paragraph(), "## Our data", paragraph(), "## What we will do next", paragraph(), ""].join("\n\n");
  return `---\n${dump(front, { lineWidth: 200 })}---\n${body}`;
}

export function generateEstate(options: EstateOptions = {}): Map<string, string> {
  const orgs = options.orgs ?? 200;
  const years = options.years ?? 5;
  const lastYear = options.lastYear ?? 2024;
  const r = prng(options.seed ?? 1);
  const files = new Map<string, string>();
  // The regional body that publishes the estate's reports (the footer and the accessibility statement name it).
  files.set("data/settings.yaml", "# SYNTHETIC benchmark data: this regional body does not exist.\npublisher:\n  name: Synthetic Regional Body\n  contact:\n    email: equality@synthetic-region.example.org\n");
  // Every region has at least 3 organisations (a comparison needs 3): none at all in an estate of fewer.
  const regions = orgs < 3 || options.groups === false ? 0 : Math.min(REGIONS.length, Math.max(1, Math.round(orgs / 28)));
  const organisations: { slug: string; file: Record<string, unknown>; region: number }[] = [];
  for (let o = 0; o < orgs; o++) {
    const [suffix, type] = pick(r, KINDS);
    const place = `${PLACES[o % PLACES.length]}${o >= PLACES.length ? ` ${Math.floor(o / PLACES.length) + 1}` : ""}`;
    const name = `${place} ${suffix}`;
    const org: OrgProfile = {
      slug: `synthetic-${String(o + 1).padStart(3, "0")}`,
      // Some small organisations, whose minority groups fall below the suppression threshold.
      size: o % 10 === 9 ? 0.08 : 0.4 + r() * 1.2,
      bmeShare: 0.05 + r() * 0.35,
      disabledShare: 0.03 + r() * 0.06,
      // A few organisations appoint very differently from the rest: the outliers of their groups' funnel plots.
      appointment: o % 37 === 11 ? { white: 1.6, bme: 0.4 } : o % 41 === 20 ? { white: 1, bme: 1.05 } : { white: 1.3, bme: 0.7 },
    };
    const organisation = { name: `${name} (synthetic)`, short_name: place, type, website: `https://${org.slug}.example.org/`, values: [pick(r, VALUES), pick(r, VALUES)].filter((v, i, all) => all.indexOf(v) === i), terminology: { ethnic_minority: pick(r, TERMS) }, contact: { email: `equality@${org.slug}.example.org` } };
    organisations.push({ slug: org.slug, file: organisation, region: regions === 0 ? -1 : o % regions });
    for (let y = lastYear - years + 1; y <= lastYear; y++) {
      files.set(`data/metrics/${org.slug}/${y}.yaml`, metricsFile(r, org, y, y === lastYear - years + 1));
      files.set(`data/plans/${org.slug}/${slugOf(y)}.yaml`, planFile(r, place, y));
      files.set(`content/reports/${org.slug}/${slugOf(y)}.md`, reportFile(r, place, y));
    }
  }
  // Half the organisations are listed in their region's members in data/groups.yaml; the other half name their region in their own file.
  const inGroupsFile = (i: number) => i % 2 === 0;
  const regionIds = REGIONS.slice(0, regions).map(groupId);
  organisations.forEach((o, i) => {
    const file = inGroupsFile(i) || o.region < 0 ? o.file : { ...o.file, groups: [regionIds[o.region]!] };
    files.set(`data/organisations/${o.slug}.yaml`, `# SYNTHETIC benchmark data: this organisation does not exist.\n${dump(file, { lineWidth: 200 })}`);
  });
  const groups = REGIONS.slice(0, regions)
    .map((region, r) => ({
      id: regionIds[r]!,
      name: `${region} region (synthetic)`,
      short_name: region,
      type: "region",
      members: organisations.flatMap((o, i) => (o.region === r && inGroupsFile(i) ? [o.slug] : [])),
    }));
  if (groups.length > 0) files.set("data/groups.yaml", `# SYNTHETIC benchmark data: these groups do not exist.\n${dump({ groups }, { lineWidth: 200 })}`);
  return files;
}

/** Writes the estate into `dir`: data/ and content/reports/, as a regional body's own project. */
export async function writeEstate(dir: string, options: EstateOptions = {}): Promise<number> {
  const files = generateEstate(options);
  const folders = new Set([...files.keys()].map((f) => path.dirname(path.join(dir, f))));
  await Promise.all([...folders].map((f) => mkdir(f, { recursive: true })));
  await Promise.all([...files].map(([f, text]) => writeFile(path.join(dir, f), text)));
  return files.size;
}
