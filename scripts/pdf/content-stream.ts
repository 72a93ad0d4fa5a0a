/**
 * A page's content stream as a list of operators, each with the byte range of its operands and
 * itself, and the one edit PDF/UA needs from it: wrapping whatever is painted outside any marked
 * content in `/Artifact BMC ... EMC`.
 *
 * Chromium marks the content of the page's elements (`/P <</MCID 3>> BDC ... EMC`), but paints the
 * @page margin boxes (running head, "Page X of Y") and elements hidden from assistive technology (the
 * contents' dotted leaders) outside any marked content. PDF/UA (ISO 14289-1, 7.1) wants every piece
 * of content either tagged or marked as an artifact, so that a screen reader skips it.
 *
 * Only the operators' positions are read; every byte of the stream is kept as it was, and the
 * wrappers are inserted between whole graphics objects, never inside one, never across a q/Q or a
 * marked-content boundary, so the structure tree's MCIDs still name the same content.
 */

export interface Operator {
  name: string;
  /** Offset of the operator's first operand, or of the operator when it has none. */
  start: number;
  /** Offset just after the operator. */
  end: number;
}

/** Byte classes: 1 white space, 2 delimiter, 0 regular (ISO 32000-1, 7.2.2). */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = 2;
const decoder = new TextDecoder("latin1");

/** The operators of a content stream, in order. Throws on syntax it cannot follow (the caller leaves such a stream alone). */
export function readOperators(bytes: Uint8Array): Operator[] {
  const operators: Operator[] = [];
  let operandStart = -1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    const kind = CLASS[c];
    if (kind === 1) {
      i++;
      continue;
    }
    const tokenStart = i;
    if (kind === 2) {
      if (c === 0x25) {
        while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
        continue;
      }
      if (c === 0x28) i = afterString(bytes, i);
      else if ((c === 0x3c || c === 0x3e) && bytes[i + 1] === c) i += 2;
      else if (c === 0x3c) {
        while (i < n && bytes[i] !== 0x3e) i++;
        i++;
      } else if (c === 0x2f) {
        i++;
        while (i < n && CLASS[bytes[i]!] === 0) i++;
      } else i++;
    } else {
      while (i < n && CLASS[bytes[i]!] === 0) i++;
      // Numbers start with a digit, a sign or a point; true, false and null are operands too.
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
      if (!numeric) {
        const word = wordAt(bytes, tokenStart, i);
        if (word !== "true" && word !== "false" && word !== "null") {
          if (word === "BI") throw new Error("inline image in content stream");
          operators.push({ name: word, start: operandStart === -1 ? tokenStart : operandStart, end: i });
          operandStart = -1;
          continue;
        }
      }
    }
    if (operandStart === -1) operandStart = tokenStart;
  }
  return operators;
}

/** Operator names seen, by their bytes: decoding each of a page's 100,000 operators anew was most of the reading time. */
const words = new Map<number, string>();

/** The token between `start` and `end` as text; tokens of up to 3 bytes (every operator's name) from the cache. */
function wordAt(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 3) return decoder.decode(bytes.subarray(start, end));
  let key = end - start;
  for (let k = start; k < end; k++) key = key * 256 + bytes[k]!;
  let word = words.get(key);
  if (word === undefined) {
    word = decoder.decode(bytes.subarray(start, end));
    words.set(key, word);
  }
  return word;
}

/** The offset just after the literal string that starts at `at` (balanced brackets, backslash escapes). */
function afterString(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  throw new Error("unterminated string in content stream");
}

const PATH_CONSTRUCTION = new Set(["m", "l", "c", "v", "y", "h", "re", "W", "W*"]);
const PATH_PAINTING = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]);
/** Operators that may sit inside an artifact run between two graphics objects: none opens or closes anything. */
const BREAKS_RUN = new Set(["q", "Q", "BDC", "BMC", "EMC", "BX", "EX"]);

/**
 * The byte ranges of the graphics objects painted outside any marked content, with neighbours
 * merged when only graphics-state operators (colour, line width, a cm) lie between them.
 */
export function unmarkedRuns(operators: readonly Operator[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let depth = 0;
  let open: { start: number; end: number } | undefined;
  let objectStart = -1; // a text object or path being read outside marked content
  let markedInside = false;
  const close = () => {
    if (open) runs.push(open);
    open = undefined;
  };
  const paint = (start: number, end: number) => {
    if (open) open.end = end;
    else open = { start, end };
  };
  for (const op of operators) {
    const { name } = op;
    if (name === "BDC" || name === "BMC") {
      close();
      if (objectStart !== -1) markedInside = true;
      depth++;
      continue;
    }
    if (name === "EMC") {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (name === "BT") {
      objectStart = op.start;
      markedInside = false;
    } else if (name === "ET") {
      if (objectStart !== -1 && !markedInside) paint(objectStart, op.end);
      else close();
      objectStart = -1;
    } else if (objectStart !== -1 && !PATH_CONSTRUCTION.has(name) && !PATH_PAINTING.has(name) && name !== "n") {
      // inside a text object: text operators, nothing to decide yet
    } else if (PATH_CONSTRUCTION.has(name)) {
      if (objectStart === -1) objectStart = op.start;
    } else if (PATH_PAINTING.has(name)) {
      paint(objectStart === -1 ? op.start : objectStart, op.end);
      objectStart = -1;
    } else if (name === "n") {
      // a clipping path: nothing painted
      close();
      objectStart = -1;
    } else if (name === "Do" || name === "sh") {
      paint(op.start, op.end);
    } else if (BREAKS_RUN.has(name)) {
      close();
    }
  }
  close();
  return runs;
}

const ARTIFACT_OPEN = new TextEncoder().encode("/Artifact BMC\n");
const ARTIFACT_CLOSE = new TextEncoder().encode("\nEMC\n");

/** The stream with every unmarked run wrapped as an artifact; the same bytes when there is none. */
export function wrapUnmarkedAsArtifacts(bytes: Uint8Array): { bytes: Uint8Array; wrapped: number } {
  const runs = unmarkedRuns(readOperators(bytes));
  if (runs.length === 0) return { bytes, wrapped: 0 };
  const out = new Uint8Array(bytes.length + runs.length * (ARTIFACT_OPEN.length + ARTIFACT_CLOSE.length));
  let from = 0;
  let at = 0;
  for (const run of runs) {
    out.set(bytes.subarray(from, run.start), at);
    at += run.start - from;
    out.set(ARTIFACT_OPEN, at);
    at += ARTIFACT_OPEN.length;
    out.set(bytes.subarray(run.start, run.end), at);
    at += run.end - run.start;
    out.set(ARTIFACT_CLOSE, at);
    at += ARTIFACT_CLOSE.length;
    from = run.end;
  }
  out.set(bytes.subarray(from), at);
  return { bytes: out, wrapped: runs.length };
}
