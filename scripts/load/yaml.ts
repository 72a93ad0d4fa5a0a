/**
 * Load YAML with js-yaml and keep, for every node, where it stands in the source, so that
 * a validation problem found later can be reported as file:line:column.
 *
 * js-yaml has no AST; its `listener` option reports an "open" and a "close" event for every
 * node it composes. Nesting those events rebuilds the tree, and each node keeps the offset
 * at which it opened (moved past white space, comments and `- ` to the first real character).
 */
import { load, YAMLException, JSON_SCHEMA, type State } from "js-yaml";

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface SourceNode {
  kind: "mapping" | "sequence" | "scalar";
  start: number; // offset in the source
  children: SourceNode[];
}

export type Segment = string | number;

/** Positions of a loaded document: `at(["themes", 0, "actions", 2, "status"])`. */
export class SourceMap {
  constructor(
    readonly text: string,
    /** The tree of nodes, or how to get it when first needed (see deferredSourceMap). */
    private root: SourceNode | undefined | (() => SourceNode | undefined),
    private readonly lineOffset = 0,
  ) {}

  private lineStarts: number[] | undefined;

  /** The tree of nodes; for a text loaded before, found once, by loading the text again. */
  tree(): SourceNode | undefined {
    if (typeof this.root === "function") this.root = this.root();
    return this.root;
  }

  /** The position of the value at `path`, or of its nearest ancestor that exists. */
  at(path: readonly Segment[]): Position {
    return this.positionOf(this.find(path, "value"));
  }

  /** The text of the value at `path` as the author wrote it (e.g. "4.10", which YAML reads as the number 4.1), for a plain value. */
  writtenAt(path: readonly Segment[]): string {
    return this.text.slice(this.find(path, "value")).match(/^[^\n#,\]}]*/)![0].trim();
  }

  /** The position of the key at the end of `path` (for "unknown field" problems). */
  keyAt(path: readonly Segment[]): Position {
    return this.positionOf(this.find(path, "key"));
  }

  private find(path: readonly Segment[], want: "key" | "value"): number {
    let node = this.tree();
    if (!node) return 0;
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      let next: SourceNode | undefined;
      if (node.kind === "mapping") {
        for (let k = 0; k + 1 < node.children.length; k += 2) {
          const keyNode = node.children[k]!;
          if (this.scalarText(keyNode) === String(segment)) {
            if (last && want === "key") return keyNode.start;
            next = node.children[k + 1];
            break;
          }
        }
      } else if (node.kind === "sequence" && typeof segment === "number") {
        next = node.children[segment];
      }
      if (!next) return node.start;
      node = next;
    }
    return node.start;
  }

  private scalarText(node: SourceNode): string {
    const raw = this.text.slice(node.start, node.start + 200).match(/^("([^"\\]|\\.)*"|'([^']|'')*'|[^:#\n]*)/)?.[0] ?? "";
    const trimmed = raw.trim();
    if (trimmed.startsWith('"') || trimmed.startsWith("'")) return trimmed.slice(1, -1);
    return trimmed;
  }

  /** The line and column of a character offset in the text. */
  positionAtOffset(offset: number): Position {
    return this.positionOf(offset);
  }

  private positionOf(offset: number): Position {
    this.lineStarts ??= lineStartsOf(this.text);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, column: offset - this.lineStarts[lo]! + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Skip white space, comments, document markers and sequence dashes to the node's first character. */
function firstCharacter(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === ":" || c === "?") i++;
    else if (c === "-" && /[\s]/.test(text[i + 1] ?? " ")) i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else return i;
  }
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
    readonly reason: string,
    /** For "dash-in-list": the field whose list holds the dash. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "YamlSyntaxError";
  }
}

export interface LoadedYaml {
  value: unknown;
  map: SourceMap;
}

export interface LoadOptions {
  /** Lines above this text in its file (front matter starts after `---`). */
  lineOffset?: number;
  /** More aliases than this is an "alias bomb"; real plans use none or a handful. */
  maxAliases?: number;
  /** Lists and fields nested deeper than this are refused (a real plan nests about 6 deep). */
  maxDepth?: number;
}

export const MAX_ALIASES = 50;
export const MAX_DEPTH = 64;

/**
 * Parse `text` as YAML 1.2 in js-yaml's JSON schema (strings, numbers, booleans, null only:
 * no custom tags and no `<<` merge keys, so no prototype pollution), with positions.
 * Throws YamlSyntaxError with the line and column of the first syntax error.
 */
export function loadYaml(text: string, options: LoadOptions = {}): LoadedYaml {
  const lineOffset = options.lineOffset ?? 0;
  const maxAliases = options.maxAliases ?? MAX_ALIASES;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const positionAt = (offset: number) => new SourceMap(text, undefined, lineOffset).positionAtOffset(offset);
  const stack: { start: number; children: SourceNode[] }[] = [{ start: 0, children: [] }];
  let aliases = 0;
  let value: unknown;
  try {
    value = load(text, {
      schema: JSON_SCHEMA,
      json: false,
      listener(event: "open" | "close", state: State) {
        if (event === "open") {
          const start = firstCharacter(text, state.position);
          // Counted as js-yaml meets them (an alias node starts with "*"), before anything expands them;
          // a "*" inside text (Markdown **bold**) is not an alias and is not counted.
          if (text[start] === "*" && ++aliases > maxAliases)
            throw new YamlSyntaxError(`more than ${maxAliases} YAML aliases`, positionAt(start), "too-many-aliases");
          // Refused before js-yaml's recursion can overflow the call stack.
          if (stack.length > maxDepth) throw new YamlSyntaxError(`nested more than ${maxDepth} deep`, positionAt(start), "too-deep");
          stack.push({ start, children: [] });
          return;
        }
        const frame = stack.pop()!;
        const kind = (state as State & { kind: string }).kind;
        const node: SourceNode =
          kind !== "mapping" && kind !== "sequence" && frame.children.length === 1
            ? frame.children[0]!
            : { kind: kind === "mapping" || kind === "sequence" ? kind : "scalar", start: frame.start, children: frame.children };
        stack[stack.length - 1]!.children.push(node);
      },
    });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
      const dash = mark ? bareDashInList(text, mark.line) : undefined;
      if (dash) throw new YamlSyntaxError(error.reason, { line: mark.line + 1 + lineOffset, column: dash.column }, "dash-in-list", dash.field);
      // js-yaml points at the top of the file when it finds a second document: point at the line that starts it.
      const second = error.reason.startsWith("expected a single document") ? secondDocumentStart(text) : undefined;
      throw new YamlSyntaxError(
        error.reason,
        second !== undefined
          ? new SourceMap(text, undefined, lineOffset).positionAtOffset(second)
          : { line: (mark?.line ?? 0) + 1 + lineOffset, column: (mark?.column ?? 0) + 1 },
        error.reason,
      );
    }
    throw error;
  }
  const root = stack[0]!.children[0];
  return { value, map: new SourceMap(text, root, lineOffset) };
}

/**
 * A list in square brackets holding a `-` on its own (`wres: [1, 2, -, 7]`, a dash typed for "none"
 * or copied from a table): js-yaml reads "- " as the start of a block list and reports a missing
 * comma. Returns the dash's column (1-based) and the field the list belongs to.
 */
function bareDashInList(text: string, line: number): { column: number; field: string | undefined } | undefined {
  const source = text.split("\n")[line] ?? "";
  const dash = /[[,]\s*(-)\s*(?=[,\]])/.exec(source);
  if (!dash) return undefined;
  return { column: dash.index + dash[0].indexOf("-") + 1, field: /^\s*(?:-\s+)?([A-Za-z_]\w*)\s*:/.exec(source)?.[1] };
}

/**
 * The positions of a text known to load (its value was taken from a cache), worked out only if a
 * problem must be placed in it: most builds never need them.
 */
export function deferredSourceMap(text: string, lineOffset = 0): SourceMap {
  return new SourceMap(text, () => loadYaml(text, { lineOffset }).map.tree(), lineOffset);
}

/** The offset of the `---` line that starts a second document (the first `---` if the text does not start with one). */
function secondDocumentStart(text: string): number | undefined {
  const markers = [...text.matchAll(/^---(?=[ \t]|$)/gm)].map((m) => m.index);
  return /^(\s*#.*\n|\s*\n)*---/.test(text) ? markers[1] : markers[0];
}
