import { describe, expect, it } from "vitest";
import { loadYaml, YamlSyntaxError } from "./yaml.ts";
import { decodeText, splitFrontMatter } from "./read-project.ts";

const source = `title: Plan
themes:
  - id: "1"
    actions:
      - id: "1.1"
        status: in progress
      - id: "1.2"
        wres: [1, 9]
`;

describe("loadYaml", () => {
  it("gives the line and column of values and keys", () => {
    const { value, map } = loadYaml(source);
    expect(value).toMatchObject({ title: "Plan" });
    expect(map.at(["title"])).toEqual({ line: 1, column: 8 });
    expect(map.at(["themes", 0, "actions", 0, "status"])).toEqual({ line: 6, column: 17 });
    expect(map.keyAt(["themes", 0, "actions", 0, "status"])).toEqual({ line: 6, column: 9 });
    expect(map.at(["themes", 0, "actions", 1, "wres", 1])).toEqual({ line: 8, column: 19 });
  });

  it("falls back to the nearest ancestor for a missing path", () => {
    const { map } = loadYaml(source);
    expect(map.at(["themes", 0, "actions", 1, "status"])).toEqual({ line: 7, column: 9 });
  });

  it("adds the front-matter offset to line numbers", () => {
    const { map } = loadYaml("a: 1\nb: 2\n", { lineOffset: 1 });
    expect(map.at(["b"])).toEqual({ line: 3, column: 4 });
  });

  it("reports syntax errors with their position", () => {
    expect(() => loadYaml("a: 1\na: 2\n")).toThrow(YamlSyntaxError);
    try {
      loadYaml("title: x\nthemes:\n\t- id: 1\n");
    } catch (error) {
      expect((error as YamlSyntaxError).position).toEqual({ line: 3, column: 1 });
      expect((error as YamlSyntaxError).reason).toMatch(/tab/);
    }
  });

  it("keeps dates as text and refuses custom tags", () => {
    expect(loadYaml("due: 2024-03-31\n").value).toEqual({ due: "2024-03-31" });
    expect(() => loadYaml("x: !!js/function 'function(){}'\n")).toThrow(YamlSyntaxError);
  });

  it("does not treat << as a merge key, so __proto__ cannot be polluted through it", () => {
    const { value } = loadYaml("base: &b\n  __proto__: { polluted: true }\nitem:\n  <<: *b\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((value as { item: Record<string, unknown> }).item["<<"]).toBeDefined();
  });

  it("refuses alias bombs before expanding them", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`);
    expect(() => loadYaml(lines.join("\n"))).toThrow(/aliases/);
  });
});

describe("decodeText and splitFrontMatter", () => {
  it("drops a BOM and Windows line endings, refuses non-UTF-8", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))).toBe("a\n");
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toEqual({ problem: "encoding" });
  });

  it("splits front matter and says where the body starts", () => {
    expect(splitFrontMatter("---\ntitle: x\n---\n# Hello\n")).toEqual({ yaml: "title: x\n", body: "# Hello\n", bodyLine: 4 });
    expect(splitFrontMatter("# no front matter\n")).toBeUndefined();
  });
});
