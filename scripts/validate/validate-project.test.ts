import { describe, expect, it } from "vitest";
import { makeProject } from "../../test/project.ts";
import { readProject } from "../load/read-project.ts";
import { validateProject } from "./validate-project.ts";
import { formatProblem, sortProblems, type Problem } from "./problems.ts";

const org = "name: Acme NHS Trust\ntype: trust\n";
const report = "---\nsummary: A plan.\n---\n## Foreword\n\nHello.\n";

function plan(themes: string, head = "title: WRES plan\nperiod: 2023/24\nstandards: [WRES]\n"): string {
  return `${head}themes:\n${themes}`;
}

const goodTheme = `  - id: "1"
    title: Recruitment
    wres: [1, 2]
    actions:
      - id: "1.1"
        action: Review recruitment.
        status: in progress
`;

const settings = "publisher:\n  name: Acme NHS Trust\n  contact:\n    email: equality@acme.example.org\n";

async function problemsFor(files: Record<string, string>): Promise<Problem[]> {
  const root = await makeProject({
    "data/settings.yaml": settings,
    "data/organisations/acme.yaml": org,
    "content/reports/acme/2023-24.md": report,
    ...files,
  });
  const { files: parsed, problems } = await readProject(root);
  return sortProblems([...problems, ...validateProject(parsed).problems]);
}

/** "file:line:col code" for each problem, for compact assertions. */
const where = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.position.line}:${p.position.column} ${p.code}`);

describe("validateProject", () => {
  it("accepts a good plan", async () => {
    expect(await problemsFor({ "data/plans/acme/2023-24.yaml": plan(goodTheme) })).toEqual([]);
  });

  it("reports every problem of a run at once, each with file, line and column", async () => {
    const problems = await problemsFor({
      "data/organisations/acme.yaml": "name: Acme NHS Trust\ntype: trust\nwebsit: https://acme.nhs.uk\n",
      "data/plans/acme/2023-24.yaml": plan(`  - id: "1"
    title: Recruitment
    actions:
      - id: "1.1"
        action: Do a thing
        stauts: in progress
        wres: [12]
        due: 2024-02-30
        people_promise: [We are a teem]
      - id: "1.2"
        action: Again
        status: compelte
      - id: 1.3
        action: Third
        leads: The EDI lead
`),
    });
    expect(where(problems)).toEqual([
      "data/organisations/acme.yaml:3:1 unknown-field",
      "data/plans/acme/2023-24.yaml:10:9 unknown-field",
      "data/plans/acme/2023-24.yaml:11:16 unknown-indicator",
      "data/plans/acme/2023-24.yaml:12:14 bad-date",
      "data/plans/acme/2023-24.yaml:13:26 unknown-people-promise",
      "data/plans/acme/2023-24.yaml:16:17 not-allowed",
      "data/plans/acme/2023-24.yaml:17:13 wrong-type",
      "data/plans/acme/2023-24.yaml:19:16 wrong-type",
    ]);
    const text = problems.map(formatProblem).join("\n");
    expect(text).toContain('unknown field "stauts" in action 1.1: did you mean "status"?');
    expect(text).toContain('unknown field "websit" in the organisation: did you mean "website"?');
    expect(text).toContain("action 1.1 maps to WRES indicator 12, which does not exist (1-9)");
    expect(text).toContain('"We are a teem" in action 1.1 is not one of the seven NHS People Promise themes: did you mean "We are a team"?');
    expect(text).toContain('"compelte" is not an allowed status in action 1.2: did you mean "complete"?');
    // An id read as a number names no action (4.10 is read as 4.1, another action's id): the action is named by its place.
    expect(text).toContain('the "id" of action number 3 of theme 1 is the number 1.3, but an id must be text\n    Fix: put it in quotes: `id: "1.3"`');
    expect(text).toContain('"leads" in action number 3 of theme 1 should be a list');
  });

  it("finds duplicate ids, missing cross-references and standards the plan does not cover", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": plan(`  - id: "4"
    title: Staff experience
    actions:
      - id: "4.3"
        action: Speak up champions.
      - id: "4.3"
        action: Wellbeing group.
        wdes: [4]
      - see: "4.9"
      - id: "4.4"
        leads: [Someone]
`),
    });
    expect(where(problems)).toEqual([
      "data/plans/acme/2023-24.yaml:10:13 duplicate-action-id",
      "data/plans/acme/2023-24.yaml:12:15 standard-not-covered",
      "data/plans/acme/2023-24.yaml:13:14 see-missing",
      "data/plans/acme/2023-24.yaml:14:9 action-without-text",
    ]);
    expect(problems[0]!.message).toBe("duplicate action id 4.3 in theme 4 (it is also used on line 8)");
    expect(problems[2]!.message).toContain('says "See 4.9", but there is no action 4.9 in this plan');
  });

  it("names missing required fields and empty lists", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": "title: WRES plan\nperiod: 2023-24\nstandards: []\nthemes:\n  - id: \"1\"\n    actions: []\n",
    });
    expect(problems.map((p) => p.message)).toEqual([
      '"2023-24" is not a period written as published, like 2023/24',
      '"standards" in the plan needs at least 1 item',
      'theme 1 has no "title", which is required',
      '"actions" in theme 1 needs at least 1 item',
    ]);
  });

  it("reports YAML syntax errors, empty files and non-UTF-8 files, and checks the other files too", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": "title: x\nthemes:\n\t- id: 1\n",
      "data/organisations/empty.yaml": "",
      "data/organisations/latin1.yaml": Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]).toString("latin1"),
    });
    expect(where(problems)).toContain("data/plans/acme/2023-24.yaml:3:1 yaml-syntax");
    expect(where(problems)).toContain("data/organisations/empty.yaml:1:1 empty-file");
    expect(problems.find((p) => p.code === "yaml-syntax")!.fix).toMatch(/spaces, never tabs/);
  });

  it("checks that a report's plan and organisation exist", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": plan(goodTheme),
      "content/reports/acme/2022-23.md": "---\nplan: 2023-42\n---\nText\n",
      "content/reports/acmee/2023-24.md": report,
    });
    expect(where(problems)).toEqual([
      "content/reports/acme/2022-23.md:2:7 plan-missing",
      "content/reports/acmee/2023-24.md:1:1 organisation-missing",
    ]);
    expect(problems[1]!.message).toContain('did you mean "acme"?');
  });

  it("checks an organisation's logo: the file exists in the project, is a PNG, JPEG or SVG, and is small", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": plan(goodTheme),
      "data/organisations/acme.yaml": `${org}logo: data/organisations/acme.png\n`,
      "data/organisations/beta.yaml": "name: Beta NHS Trust\ntype: trust\nlogo: data/organisations/beta.gif\n",
      "data/organisations/beta.gif": "GIF89a...",
      "data/organisations/gamma.yaml": "name: Gamma NHS Trust\ntype: trust\nlogo: ../../etc/passwd\n",
    });
    expect(where(problems)).toEqual([
      "data/organisations/acme.yaml:3:7 logo-missing",
      "data/organisations/beta.yaml:3:7 logo-unusable",
      "data/organisations/gamma.yaml:3:7 logo-missing",
    ]);
    expect(problems[1]!.message).toBe('the logo "data/organisations/beta.gif" cannot be used: it is not a PNG, JPEG or SVG image');
  });

  it("accepts an SVG logo", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": plan(goodTheme),
      "data/organisations/acme.yaml": `${org}logo: data/organisations/acme.svg\n`,
      "data/organisations/acme.svg": '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>\n',
    });
    expect(problems).toEqual([]);
  });

  describe("groups of organisations", () => {
    const orgs = {
      "data/plans/acme/2023-24.yaml": plan(goodTheme),
      "data/organisations/beta.yaml": "name: Beta NHS Trust\ntype: trust\ngroups: [north]\n",
      "data/organisations/gamma.yaml": "name: Gamma NHS Trust\ntype: trust\n",
    };
    const groups = (members: string) => `groups:\n  - id: north\n    name: North Region (fictional)\n    short_name: North\n    type: region\n    members: ${members}\n`;

    it("takes members from the groups file and from the organisations' own files", async () => {
      const root = await makeProject({ "data/settings.yaml": settings, "data/organisations/acme.yaml": org, "content/reports/acme/2023-24.md": report, ...orgs, "data/groups.yaml": groups("[gamma, acme]") });
      const { project, problems } = validateProject((await readProject(root)).files);
      expect(problems).toEqual([]);
      expect(project!.groups).toEqual([
        { slug: "north", name: "North Region (fictional)", shortName: "North", type: "region", description: undefined, ethnicMinorityTerm: "BME", members: ["acme", "beta", "gamma"] },
      ]);
    });

    it("finds a member that is no organisation, one listed twice, a group no file defines, a bad id and a group too small", async () => {
      const problems = await problemsFor({
        ...orgs,
        "data/organisations/gamma.yaml": "name: Gamma NHS Trust\ntype: trust\ngroups: [nort, south]\n",
        "data/groups.yaml": `${groups("[gamma, acme, acmee, gamma]")}  - id: North East\n    name: North East\n    type: region\n  - id: west\n    name: West\n    type: peer group\n    members: [acme]\n`,
      });
      expect(where(problems)).toEqual([
        "data/groups.yaml:6:28 group-member-unknown",
        "data/groups.yaml:6:35 duplicate-group-member",
        "data/groups.yaml:7:9 bad-id",
        "data/groups.yaml:10:5 group-too-small",
        "data/organisations/gamma.yaml:3:10 group-unknown",
        "data/organisations/gamma.yaml:3:16 group-unknown",
      ]);
      const text = problems.map(formatProblem);
      expect(text[0]).toContain('the group "north" lists "acmee", but there is no organisation "acmee" (no file data/organisations/acmee.yaml): did you mean "acme"?');
      expect(text[2]).toContain('"North East" is not usable as the id of group North East');
      expect(text[2]).toContain("Fix: use lower-case letters, digits and single hyphens only, e.g. `id: north-east`");
      expect(text[3]).toContain('the group "west" has 1 organisation, but a comparison needs at least 3');
      expect(text[4]).toContain('names the group "nort", but data/groups.yaml has no group with that id: did you mean "north"?');
    });

    it("tells an organisation that names a group to define it when there is no groups file", async () => {
      const problems = await problemsFor(orgs);
      expect(where(problems)).toEqual(["data/organisations/beta.yaml:3:10 group-unknown"]);
      expect(problems[0]!.fix).toBe("create data/groups.yaml with the group's id, name and type, e.g. `groups: [{ id: north, name: ..., type: region }]`");
    });
  });

  it("checks the publisher settings: the web address, the statement's dates", async () => {
    const problems = await problemsFor({
      "data/plans/acme/2023-24.yaml": plan(goodTheme),
      "data/settings.yaml": `${settings}web_address: www.acme.nhs.uk/equality\naccessibility:\n  prepared: 2025-09-01\n  reviewed: 2025-03-01\n`,
    });
    expect(where(problems)).toEqual(["data/settings.yaml:5:14 bad-web-address", "data/settings.yaml:8:13 reviewed-before-prepared"]);
    expect(problems[0]!.fix).toContain("https://www.acme.nhs.uk/about-us/equality/");
    expect(problems[1]!.message).toBe("the accessibility statement is said to be reviewed on 2025-03-01, before it was prepared (2025-09-01)");
    for (const address of ["https://www.acme.nhs.uk/about-us/equality/", "https://equality.acme.nhs.uk", "/about-us/equality/", "/"])
      expect(await problemsFor({ "data/plans/acme/2023-24.yaml": plan(goodTheme), "data/settings.yaml": `${settings}web_address: ${address}\n` }), address).toEqual([]);
    for (const address of ["ftp://acme.nhs.uk/", "//acme.nhs.uk/", "/equality/?page=1", "https://acme.nhs.uk/#top"])
      expect(where(await problemsFor({ "data/plans/acme/2023-24.yaml": plan(goodTheme), "data/settings.yaml": `${settings}web_address: "${address}"\n` })), address).toEqual([
        "data/settings.yaml:5:14 bad-web-address",
      ]);
  });

  it("asks a site of several organisations to name its publisher, and a contact for every organisation", async () => {
    const beta = "name: Beta NHS Trust\ntype: trust\n";
    const two = { "data/plans/acme/2023-24.yaml": plan(goodTheme), "data/organisations/beta.yaml": beta };
    const problems = await problemsFor({ ...two, "data/settings.yaml": "site_title: Reports\n" });
    expect(where(problems)).toEqual([
      "data/organisations/acme.yaml:1:1 contact-missing",
      "data/organisations/beta.yaml:1:1 contact-missing",
      "data/settings.yaml:1:1 publisher-missing",
    ]);
    expect(problems[0]!.message).toContain("no way for readers to contact Acme NHS Trust");
    // The organisations' own contacts, or the publisher's, will do.
    const withContact = (o: string) => `${o}contact:\n  phone: 01234 567890\n`;
    expect(where(await problemsFor({ ...two, "data/organisations/acme.yaml": withContact(org), "data/organisations/beta.yaml": withContact(beta), "data/settings.yaml": "publisher:\n  name: Acme ICB\n" }))).toEqual([]);
    expect(where(await problemsFor(two))).toEqual([]);
    // With no settings file at all, one organisation is its own publisher, and needs its own contact.
    const root = await makeProject({ "data/organisations/acme.yaml": org, "data/plans/acme/2023-24.yaml": plan(goodTheme), "content/reports/acme/2023-24.md": report });
    expect(where(validateProject((await readProject(root)).files).problems)).toEqual(["data/organisations/acme.yaml:1:1 contact-missing"]);
  });

  it("takes the national reference data from the tool, and names a missing reference file", async () => {
    const { files } = await readProject(await makeProject({ "data/organisations/acme.yaml": org }));
    expect([...files.reference.values()].map((f) => f.file)).toContain("data/reference/statuses.yaml");
    files.reference.delete("statuses");
    expect(where(validateProject(files).problems)).toEqual(["data/reference/statuses.yaml:1:1 reference-missing"]);
  });
});
