/**
 * JSON Schemas for authors' editors, generated from the zod schemas (the one truth for what a
 * file may hold). Published by the build in `_site/schema/<kind>.schema.json`; the files made by
 * `npm run new` point to them with a `# yaml-language-server: $schema=...` line, so that editors
 * such as Visual Studio Code (with the YAML extension) complete field names and flag mistakes as
 * the author types.
 *
 * Nothing is committed: a committed copy would go stale when the schema or the reference data
 * changes. Checks that JSON Schema cannot express (an action's "see" pointing to an action that
 * exists, counts that add up) stay with the validator.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { Metrics } from "./metrics-schema.ts";
import { GroupsFile, makeSchemas, Settings, SLUG, type Reference } from "./schema.ts";

export const SCHEMA_KINDS = ["organisation", "plan", "metrics", "settings", "report", "groups"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
export type JsonSchema = Record<string, unknown>;

/** Where each kind of file lives, for the schema's title. */
const TITLES: Record<SchemaKind, string> = {
  organisation: "Organisation file (data/organisations/<organisation>.yaml)",
  plan: "Action plan (data/plans/<organisation>/<yyyy-yy>.yaml)",
  metrics: "Metric data file (data/metrics/<organisation>/<year>.yaml)",
  settings: "Settings (data/settings.yaml)",
  report: "Report page front matter (content/reports/<organisation>/<yyyy-yy>.md)",
  groups: "Groups of organisations to compare (data/groups.yaml)",
};

/** The published folder and file name of a kind's schema, relative to the site's root. */
export const schemaPath = (kind: SchemaKind) => `schema/${kind}.schema.json`;

interface CustomCheck {
  _zod: { def: { check?: string; params?: { kind?: string } } };
}

/** The reference-data kind a refine() was tagged with in makeSchemas ("wres", "wdes", "people-promise"). */
function refinedKind(schema: z.core.$ZodType): string | undefined {
  const checks = (schema._zod.def as { checks?: CustomCheck[] }).checks ?? [];
  return checks.map((c) => c._zod.def.params?.kind).find((k) => k !== undefined);
}

export function jsonSchemas(reference: Reference): Record<SchemaKind, JsonSchema> {
  const schemas = makeSchemas(reference);
  // Refinements against the reference data are invisible to JSON Schema; list the allowed values
  // instead, so that editors offer them.
  const allowed: Record<string, (string | number)[]> = {
    wres: reference.wres.indicators.map((i) => i.number),
    wdes: reference.wdes.indicators.map((i) => i.number),
    "people-promise": reference.peoplePromise.themes,
  };
  const generate = (kind: SchemaKind, schema: z.ZodType): JsonSchema => ({
    title: TITLES[kind],
    ...z.toJSONSchema(schema, {
      target: "draft-2020-12",
      // What an author may write: a field with a default may be left out.
      io: "input",
      unrepresentable: "any",
      override(ctx) {
        const kindOf = refinedKind(ctx.zodSchema);
        const values = kindOf !== undefined ? allowed[kindOf] : undefined;
        if (values) ctx.jsonSchema.enum = values;
        if (kindOf === "slug") ctx.jsonSchema.pattern = SLUG.source;
      },
    }),
  });
  return {
    organisation: generate("organisation", schemas.Organisation),
    plan: generate("plan", schemas.Plan),
    metrics: generate("metrics", Metrics),
    settings: generate("settings", Settings),
    report: generate("report", schemas.Report),
    groups: generate("groups", GroupsFile),
  };
}

/** Write every kind's schema into `<siteDir>/schema/`; returns the files written. */
export async function writeJsonSchemas(siteDir: string, reference: Reference): Promise<string[]> {
  const all = jsonSchemas(reference);
  await mkdir(path.join(siteDir, "schema"), { recursive: true });
  return Promise.all(
    SCHEMA_KINDS.map(async (kind) => {
      const file = path.join(siteDir, schemaPath(kind));
      await writeFile(file, `${JSON.stringify(all[kind], null, 2)}\n`);
      return file;
    }),
  );
}
