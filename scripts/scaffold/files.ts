/**
 * The text of the files `npm run new` writes: an organisation, a plan, a metric data file and a
 * report page, each field explained in a plain-English comment. Every file validates as it is
 * (test/author.test.ts builds a project from them), so an author can build and preview at once
 * and replace the "Replace this" wording step by step.
 * Pure: names in, text out.
 */
import { AFC_BANDS, MEDICAL_SUBGROUPS } from "../validate/metrics-schema.ts";

/** "2025/26" -> "2025-26", the file name of a period. */
export const periodSlug = (period: string) => period.replace("/", "-");

/** The first year of a period: 2025/26 -> 2025 (the metric data year it usually reports). */
export const periodStartYear = (period: string) => Number(period.slice(0, 4));

const UPPER = new Set(["nhs", "icb", "ccg", "uk"]);
const LOWER = new Set(["and", "of", "the", "for", "in"]);

/** "acme-nhs-trust" -> "Acme NHS Trust": a first guess at the name, which the author corrects. */
export function nameFromSlug(slug: string): string {
  return slug
    .split("-")
    .map((w, i) => (UPPER.has(w) ? w.toUpperCase() : i > 0 && LOWER.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

/** The organisation type the folder name suggests (the author can change it). */
export function typeFromSlug(slug: string): "trust" | "ICB" | "CCG" | "other" {
  const words = slug.split("-");
  if (words.includes("icb")) return "ICB";
  if (words.includes("ccg")) return "CCG";
  if (words.includes("trust")) return "trust";
  return "other";
}

/** The first line of a YAML file: tells editors (VS Code with the YAML extension, and others) which JSON Schema checks it. */
export const schemaLine = (schemaRef: string) => `# yaml-language-server: $schema=${schemaRef}`;

export function organisationFile(slug: string, schemaRef: string): string {
  return `${schemaLine(schemaRef)}
# Your organisation. Lines starting with # are comments: the tool ignores them.
# The authoring guide explains every field: content/guide/organisation.md

# The organisation's full name, as on your letterhead.
name: ${nameFromSlug(slug)}

# A shorter name for headings and links (optional), e.g. Norfolk and Waveney CCG.
short_name: ${nameFromSlug(slug)}

# What kind of organisation this is: trust, ICB, CCG or other.
type: ${typeFromSlug(slug)}

# Your website's address (optional). Remove the # at the start of the line to use it.
# website: https://www.example.nhs.uk/

# Your organisation's values (optional), shown on the report, e.g. [Kind, Open, Fair].
# values: [Kind, Open, Fair]

# The words you use for Black and minority ethnic staff. National indicator titles keep the
# national wording; the sentences that explain each figure use yours.
terminology:
  ethnic_minority: BME

# Where readers ask for a report in another format, or report an accessibility problem: the
# accessibility statement gives it. An email address, a phone number or a postal address, or more.
contact:
  email: replace-this@example.org
  # phone: 01234 567890
  # address: Equality team, Acme House, Acme Road, Acmetown AC1 2AB
`;
}

/** data/settings.yaml of a new project: the settings a trust's own website needs, each explained. */
export function settingsFile(prepared: string, schemaRef: string): string {
  return `${schemaLine(schemaRef)}
# Settings for your whole website. Lines starting with # are comments: the tool ignores them.
# The authoring guide explains every field: content/guide/publishing.md

# The name in the header of every page and in every page title.
site_title: Workforce equality reports

# Who runs the website: named in every page's footer and copyright line and in the accessibility
# statement. Leave it out while the website holds one organisation's reports: that organisation is
# the publisher. Needed when it holds several.
# publisher:
#   name: NHS Acme Integrated Care Board
#   contact:
#     email: equality@acme.nhs.uk

# Where the website will be published: the full address of its folder. Links in the PDFs lead
# there. Without it, those links are printed as plain text. Remove the # when you know it.
# web_address: https://www.example.nhs.uk/about-us/equality/

# Whether the authoring guide (for the people who write the reports) is published on the website.
publish_guide: false

# The date you prepared the website's accessibility statement (YYYY-MM-DD), and, once you have
# checked it again, the date of that review.
accessibility:
  prepared: ${prepared}
  # reviewed: ${prepared}
`;
}

/** The files that keep a project's build output out of its version control. */
export const GITIGNORE = `# Made by the build: the website, and the caches that make rebuilds quick.
_site/
_site.*/
.cache/
`;

/** README.md of a new project folder: what it holds and how to build it. */
export function projectReadme(toolFolder: string): string {
  return `# Workforce equality reports

This folder holds our WRES and WDES reports: the files we write, without the tool that builds
them.

\`\`\`text
data/settings.yaml                        our website's settings: publisher, web address
data/organisations/<organisation>.yaml    our organisation: name, values, contact
data/plans/<organisation>/<yyyy-yy>.yaml  an action plan, e.g. 2025-26.yaml for 2025/26
data/metrics/<organisation>/<year>.yaml   the counts for one year (never publish these files)
content/reports/<organisation>/<yyyy-yy>.md  the report page: summary, quotes, narrative
\`\`\`

The tool is in its own folder (${toolFolder} when this project was made). In a terminal, in the
tool's folder:

\`\`\`sh
npm run build -- --root <this folder>      # check every file, then write the website to <this folder>/_site
npm run serve -- --root <this folder>      # preview while you write, at http://127.0.0.1:8080/
npm run new -- <organisation> <period> --root <this folder>   # start next year's plan
\`\`\`

Publish the contents of \`_site\` on your website. The tool's authoring guide
(\`content/guide/\` in its folder) explains every file and every message.
`;
}

export function planFile(slug: string, period: string, schemaRef: string): string {
  const [start] = period.split("/");
  return `${schemaLine(schemaRef)}
# Your action plan for ${period}. Lines starting with # are comments: the tool ignores them.
# Type or paste your plan in, word for word as published. The authoring guide explains every
# field: content/guide/action-plan.md

# The plan's title, as on the published document.
title: ${nameFromSlug(slug)} WRES and WDES action plan ${period}

# The period the plan covers, with a slash. It must match the file name (${periodSlug(period)}.yaml).
period: ${period}

# The standards the plan covers: [WRES], [WDES] or [WRES, WDES].
standards: [WRES, WDES]

# The date the plan was published, as YYYY-MM-DD (optional).
# published: ${start}-06-30

# The date you last reviewed the statuses, as YYYY-MM-DD (optional): actions past their due date on
# it show as overdue, and the report says "Progress as at" it.
# statuses_reviewed: ${Number(start) + 1}-03-31

# An introduction shown above the actions (optional; Markdown).
# introduction: >-
#   Our plan sets out what we will do this year.

# The themes (or priorities, or sections) of the plan, each with its actions. A theme written as
# objectives, each with several actions, uses "objectives:" instead of "actions:"; a plan without
# themes lists its actions under "actions:" here. See content/guide/plan-shapes.md.
themes:
  - # The theme's number as published, in quotes.
    id: "1"
    # The theme's title as published.
    title: Replace this with your first theme
    # What the plan calls a theme (optional): Theme, Priority or Objective.
    label: Theme
    # The WRES indicators (1-9) and WDES metrics (1-10) the theme addresses (optional).
    wres: [2]
    # The NHS People Promise themes it supports (optional), e.g. [We are compassionate and inclusive].
    people_promise: [We are compassionate and inclusive]
    actions:
      - # The action's number as published, in quotes.
        id: "1.1"
        # What will be done, word for word. Use "action: |" and one "- " line per bullet for a list.
        action: Replace this with your first action.
        # Who leads it, and who works with them (optional).
        leads: [Replace this with the lead's job title]
        # partners: [Staff network]
        # When, as published, e.g. By March ${Number(start) + 1}.
        timescale: By March ${Number(start) + 1}
        # The date it is due, as YYYY-MM-DD (optional): after it, an unfinished action shows as overdue.
        due: ${Number(start) + 1}-03-31
        # Where it stands: not started, in progress, on-going, delayed or complete (optional).
        status: not started
        # What has happened so far (optional; Markdown).
        # progress: The panel guidance was agreed in May.
        # The WRES indicators and WDES metrics this action addresses (optional).
        wres: [2]
        # How you will measure success (optional).
        # kpis: [Relative likelihood of appointment below 1.25]
`;
}

export function metricsFile(year: number, schemaRef: string): string {
  const bandLines = (rows: readonly string[]) =>
    rows.map((b) => `    # ${b}: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }`).join("\n");
  return `${schemaLine(schemaRef)}
# The counts behind the WRES indicators and WDES metrics for ${year}: workforce at 31 March ${year},
# from your WRES and WDES data returns. Lines starting with # are comments: the tool ignores them.
# The authoring guide explains every figure: content/guide/metric-data.md
# Counts below the suppression threshold (10) are never published: the tool hides them.

# The data year. It must match the file name (${year}.yaml).
year: ${year}

# The date of the workforce snapshot, as YYYY-MM-DD.
snapshot_date: ${year}-03-31

# The NHS Staff Survey year the survey figures come from (optional), usually the year before.
# survey_year: ${year - 1}

# Headcounts by Agenda for Change band (WRES 1, WDES 1). Each row splits the same staff two
# ways: the three ethnicity counts and the three disability counts must add up to the same total.
# To fill a table in: delete the {} after its name, remove the # from the rows you need, and
# replace the zeros with your counts.
workforce:
  non_clinical: {}
${bandLines(AFC_BANDS)}
  clinical: {}
${bandLines(AFC_BANDS)}
  # Medical and dental staff (optional): remove the # from the next line and the rows you need.
  # medical:
${bandLines(MEDICAL_SUBGROUPS)}

# Applicants shortlisted and appointed from shortlisting (WRES 2, WDES 2) (optional).
# recruitment:
#   shortlisted: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }
#   appointed: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }

# Entries into the formal disciplinary process (WRES 3) (optional).
# disciplinary:
#   entries: { white: 0, bme: 0 }
#   previous_year_entries: { white: 0, bme: 0 }

# Entries into the formal capability process (WDES 3) (optional).
# capability:
#   entries: { disabled: 0, non_disabled: 0 }
#   previous_year_entries: { disabled: 0, non_disabled: 0 }

# Staff who accessed non-mandatory training and CPD (WRES 4) (optional).
# training: { white: 0, bme: 0, ethnicity_unknown: 0 }

# NHS Staff Survey results: the percentage and the number who answered (optional).
# See the guide for every question (wres_5 to wres_8, wdes_4a_i to wdes_9a).
# staff_survey:
#   wres_5:
#     white: { percent: 0, base: 0 }
#     bme: { percent: 0, base: 0 }

# Board members by voting and executive membership (WRES 9, WDES 10) (optional).
# board:
#   voting_executive: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }
#   voting_non_executive: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }
#   non_voting_executive: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }
#   non_voting_non_executive: { white: 0, bme: 0, ethnicity_unknown: 0, disabled: 0, non_disabled: 0, disability_unknown: 0 }
`;
}

/** The report page. Its front matter is YAML inside Markdown, which editors do not check against a schema. */
export function reportFile(slug: string, period: string, metricsYear: number | undefined): string {
  return `---
# The report page for ${period}: the fields between the two --- lines, then your narrative.
# Lines starting with # are comments. The authoring guide explains every field:
# content/guide/report-page.md

# The report's title (optional): without it, the plan's title is used.
# title: ${nameFromSlug(slug)} WRES and WDES report ${period}

# The year of metric data to show (optional): data/metrics/${slug}/<year>.yaml must exist.
# Remove the # once you have filled in that file's counts (an empty file has nothing to show).
# metrics_year: ${metricsYear ?? periodStartYear(period)}

# One or two sentences for the organisation page and search results (optional).
summary: Replace this with a one-sentence summary of the report.

# What to publish: the web page, the PDF, or both.
outputs: [web, pdf]

# Quotes shown at the top of the report (optional).
# quotes:
#   - text: We are proud of the progress our staff networks have made.
#     name: Replace with a name
#     role: Chief Executive

# For a Trust Board paper, add the cover sheet fields: see the guide (board_paper).
---
Replace this with your introduction, in Markdown. The "At a glance" table of your figures follows
it. Start each later section with "## " and a heading.

## What we found

Say what the figures mean for your staff. The page already gives each figure, its date and its
source: there is no need to repeat them here.
`;
}
