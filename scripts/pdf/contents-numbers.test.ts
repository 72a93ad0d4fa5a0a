import { describe, expect, it } from "vitest";
import { readToUnicode } from "./contents-numbers.ts";

describe("readToUnicode", () => {
  it("reads single glyphs and ranges, as Chromium's fonts write them", () => {
    const cmap = `1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<020A> <2013>
endbfchar
2 beginbfrange
<0013> <001C> <0030>
<0044> <0046> <0061>
endbfrange`;
    const map = readToUnicode(cmap);
    expect(map.get(0x03)).toBe(" ");
    expect(map.get(0x20a)).toBe("\u2013");
    expect([0x13, 0x14, 0x1c].map((g) => map.get(g))).toEqual(["0", "1", "9"]);
    expect(map.get(0x46)).toBe("c");
    expect(map.has(0x1d)).toBe(false);
  });
});
