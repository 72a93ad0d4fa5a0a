/**
 * Turn zod's issues into Problems an author can act on: the file, line and column from the
 * YAML source map, a plain-English message from the catalogue, and a fix.
 */
import type { z } from "zod";
import type { SourceMap, Segment } from "../load/yaml.ts";
import { messages, type Message } from "./messages.ts";
import { dateSlip, didYouMean, idFrom, numberAsWritten } from "./suggest.ts";
import type { Problem } from "./problems.ts";
import { MIN_TEXT_CONTRAST, type Reference } from "./schema.ts";
import { contrastRatio } from "../charts/palette.ts";

/** Names a place in a document for a person: "action 2.3", "theme 4", "the plan". */
export type Describe = (path: readonly Segment[], root: unknown) => string;

function typeName(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a set of fields";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${value}`;
  return "not a plain value";
}

const expectedName: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
};

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema alongside the path to the object that had the unknown key.
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = unwrap(node);
    if (!node) return [];
    const def = (node as unknown as { def: { type: string; element?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
    if (def.type === "array") node = def.element;
    else if (def.type === "object") node = def.shape?.[String(segment)];
    else return [];
  }
  node = unwrap(node);
  const def = (node as unknown as { def?: { type: string; shape?: Record<string, z.ZodType>; keyType?: { options?: unknown[] } } } | undefined)?.def;
  if (def?.type === "record") return (def.keyType?.options ?? []).map(String); // a record whose keys are listed (indicator_wording)
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let current = node;
  for (;;) {
    const def = (current as unknown as { def?: { type: string; innerType?: z.ZodType } } | undefined)?.def;
    if (def && (def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) current = def.innerType;
    else return current;
  }
}

/** What a field that takes one of several kinds of value may be, in words. */
const UNION_NAMES: Record<string, string> = {
  wres: "a list of WRES indicator numbers such as [1, 2], or all",
  wdes: "a list of WDES metric numbers such as [3], or all",
  kpis: "text, or a list with one measure on each line",
};

/**
 * A value that fails a union (`wres: all` or a list) fails every branch. The branch written for a
 * value of this type says what is wrong inside it: keep that branch's issues. Only when the value
 * fits no branch's type does the union's own issue stay.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[], input: unknown): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const kind = typeof valueAt(input, issue.path);
    // A branch is for another type of value when it fails at its root on the type, or on a list of allowed values of another type.
    const otherType = (e: z.core.$ZodIssue) =>
      e.path.length === 0 && (e.code === "invalid_type" || (e.code === "invalid_value" && !e.values.some((v) => typeof v === kind)));
    // `[All]` is read as all (schema.ts): when a list fails, the list of numbers says what is wrong in it, not that branch.
    const allInList = (branch: readonly z.core.$ZodIssue[]) =>
      branch.every(
        (e) =>
          (e.code === "invalid_value" && e.path.length === 1 && e.values.every((v) => v === "all" || v === "All")) ||
          ((e.code === "too_big" || e.code === "too_small") && e.path.length === 0 && e.origin === "array"),
      );
    const fitting = issue.errors.filter((branch) => !branch.some(otherType) && !allInList(branch));
    if (fitting.length !== 1) return [issue];
    return flattenUnions(fitting[0]!.map((e) => ({ ...e, path: [...issue.path, ...e.path] })), input);
  });
}

export function zodProblems(
  error: z.ZodError,
  schema: z.ZodType,
  input: unknown,
  file: string,
  map: SourceMap,
  describe: Describe,
  reference: Reference,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of flattenUnions(error.issues, input)) {
    const path = issue.path as Segment[];
    const field = String([...path].reverse().find((s) => typeof s === "string") ?? "value");
    const parentPath = typeof path[path.length - 1] === "number" ? path.slice(0, -2) : path.slice(0, -1);
    const where = describe(parentPath, input);
    const value = valueAt(input, path);
    let message: Message;
    let position = map.at(path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          // An objective's actions written under an action: say how objectives are written.
          const nested = key === "actions" && path.at(-2) === "actions";
          const held = valueAt(input, [...path, key]);
          const m = nested
            ? messages.nestedActions(describe(path, input))
            : messages.unknownField(key, describe(path, input), known, didYouMean(key, known), typeof held === "string" || typeof held === "number" ? held : undefined);
          problems.push({ file, position: map.keyAt([...path, key]), ...m });
        }
        continue;
      }
      case "invalid_union":
        // Every branch of the union failed on the value's type: say which kinds of value are allowed.
        message = messages.wrongType(field, where, UNION_NAMES[field] ?? "another kind of value", typeName(value));
        break;
      case "invalid_type":
        if (value === undefined) {
          message = messages.missingField(field, where);
          position = map.at(parentPath.length < path.length - 1 ? path.slice(0, -1) : parentPath);
        } else {
          message =
            field === "id" && typeof value === "number"
              ? messages.idReadAsNumber(map.writtenAt(path), value, where)
              : messages.wrongType(field, where, expectedName[issue.expected] ?? issue.expected, typeName(value), numberAsWritten(value));
          // An empty value (`title:` with nothing after it) has no text of its own to point at: point at its name.
          if (value === null) position = map.keyAt(path);
        }
        break;
      case "invalid_value":
        // zod reports a missing field whose allowed values are listed (type: trust) as an invalid value.
        if (value === undefined) {
          message = messages.missingField(field, where);
          position = map.at(parentPath);
        } else {
          const written = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
          const allowed = issue.values.map(String);
          message = messages.notOneOf(field, where, written, allowed, didYouMean(written, allowed));
        }
        break;
      case "invalid_format":
        if (issue.format === "date") message = messages.badDate(field, where, String(value), dateSlip(String(value)));
        else if (issue.format === "regex" && field === "period") message = messages.badPeriod(String(value));
        else if (issue.format === "url") message = messages.invalid(field, where, "it must be a web address starting with https://");
        else message = messages.invalid(field, where, `it is not a valid ${issue.format}`);
        break;
      case "too_small":
        if (issue.origin === "string") message = messages.emptyValue(field, where);
        else if (issue.origin === "array") message = messages.emptyList(field, where, Number(issue.minimum));
        else message = messages.outOfRange(field, where, `it must be at least ${String(issue.minimum)}`);
        break;
      case "too_big":
        message = messages.outOfRange(field, where, `it must be at most ${String(issue.maximum)}`);
        break;
      case "custom": {
        const kind = (issue.params as { kind?: string } | undefined)?.kind;
        const owner = describe(path.slice(0, -2), input);
        if (kind === "wres" || kind === "wdes") {
          const numbers = (kind === "wres" ? reference.wres : reference.wdes).indicators.map((i) => i.number);
          message = messages.unknownIndicator(kind === "wres" ? "WRES" : "WDES", Number(value), owner, { first: Math.min(...numbers), last: Math.max(...numbers) });
        } else if (kind === "split-incomplete") {
          message = messages.missingField(field, describe(path.slice(0, -1), input));
          position = map.at(path.slice(0, -1));
        } else if (kind === "split-missing") {
          message = messages.metricSplitMissing(describe(path, input));
        } else if (kind === "contrast") {
          message = messages.lowContrast(String(value), contrastRatio(String(value), "#ffffff"), MIN_TEXT_CONTRAST);
        } else if (kind === "slug") {
          message = messages.badId(field, where, String(value), idFrom(String(value), "north-east-and-yorkshire"));
        } else if (kind === "web-address") {
          message = messages.badWebAddress(String(value));
        } else if (kind === "reviewed-before-prepared") {
          const dates = valueAt(input, path.slice(0, -1)) as { prepared: string; reviewed: string };
          message = messages.reviewedBeforePrepared(dates.prepared, dates.reviewed);
        } else if (kind === "people-promise") {
          message = messages.unknownPromise(String(value), owner, reference.peoplePromise.themes, didYouMean(String(value), reference.peoplePromise.themes));
        } else {
          message = messages.invalid(field, where, issue.message);
        }
        break;
      }
      default:
        message = messages.invalid(field, where, issue.message);
    }
    problems.push({ file, position, ...message });
  }
  return problems;
}
