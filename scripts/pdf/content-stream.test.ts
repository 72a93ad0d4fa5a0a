import { describe, expect, it } from "vitest";
import { readOperators, unmarkedRuns, wrapUnmarkedAsArtifacts } from "./content-stream.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const wrap = (stream: string) => text(wrapUnmarkedAsArtifacts(bytes(stream)).bytes);

// The shape Chromium writes: the margin boxes' text first, unmarked, then the page's tagged content.
const PAGE = `.24 0 0 -.24 0 841.92 cm
q
3.125 0 0 3.125 0 0 cm
.26 .33 .39 rg
BT
/F4 12 Tf
1 0 0 -1 68 65 Tm
<0028005b> Tj
ET
BT
/F4 12 Tf
1 0 0 -1 657 1073 Tm
<0033> Tj
ET
Q
q
212.5 259.375 2055.127 3011.8652 re
W* n
/P <</MCID 0 >>BDC
BT
/F5 22 Tf
(Contents \\(see page 2\\)) Tj
ET
EMC
63 1054 1 1 re
f
.46 .52 .57 rg
65 1054 1 1 re
f
Q
`;

describe("readOperators", () => {
  it("finds each operator with its operands, past strings holding brackets and escapes", () => {
    const ops = readOperators(bytes("/P <</MCID 3>> BDC (a\\) b (c)) Tj [<0041> -120 (B)] TJ EMC"));
    expect(ops.map((op) => op.name)).toEqual(["BDC", "Tj", "TJ", "EMC"]);
    expect(ops[0]).toEqual({ name: "BDC", start: 0, end: 18 });
  });
});

describe("wrapUnmarkedAsArtifacts", () => {
  it("wraps the running head and page number, and the leader's dots, and leaves tagged content and clipping paths alone", () => {
    const expected = PAGE.replace("BT\n/F4 12 Tf\n1 0 0 -1 68 65 Tm", "/Artifact BMC\nBT\n/F4 12 Tf\n1 0 0 -1 68 65 Tm")
      .replace("<0033> Tj\nET\n", "<0033> Tj\nET\nEMC\n\n")
      // The leader's two dots are one artifact: only a colour change lies between them.
      .replace("EMC\n63 1054", "EMC\n/Artifact BMC\n63 1054")
      .replace("65 1054 1 1 re\nf\n", "65 1054 1 1 re\nf\nEMC\n\n");
    expect(wrap(PAGE)).toBe(expected);
  });

  it("never lets a wrapper cross a q/Q or a marked-content boundary", () => {
    const runs = unmarkedRuns(readOperators(bytes("q 0 0 1 1 re f Q 0 0 2 2 re f /Span <</MCID 1>> BDC 0 0 3 3 re f EMC 0 0 4 4 re f")));
    expect(runs).toHaveLength(3);
    const stream = "q 0 0 1 1 re f Q 0 0 2 2 re f /Span <</MCID 1>> BDC 0 0 3 3 re f EMC 0 0 4 4 re f";
    expect(runs.map((r) => stream.slice(r.start, r.end))).toEqual(["0 0 1 1 re f", "0 0 2 2 re f", "0 0 4 4 re f"]);
  });

  it("leaves a text object that holds marked content as it is", () => {
    const stream = "BT /F1 9 Tf (a) Tj /Span <</MCID 0>> BDC (b) Tj EMC ET";
    expect(wrap(stream)).toBe(stream);
  });

  it("changes nothing in a page that is all tagged", () => {
    const stream = "/P <</MCID 0>> BDC BT (a) Tj ET EMC";
    const result = wrapUnmarkedAsArtifacts(bytes(stream));
    expect(result.wrapped).toBe(0);
    expect(text(result.bytes)).toBe(stream);
  });

  it("refuses what it cannot follow, so the caller keeps the stream as it was", () => {
    expect(() => readOperators(bytes("BI /W 1 /H 1 ID x EI"))).toThrow(/inline image/);
    expect(() => readOperators(bytes("(unclosed Tj"))).toThrow(/unterminated string/);
  });
});
