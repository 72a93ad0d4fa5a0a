import { describe, expect, it } from "vitest";
import { columnLabels, LABELLED_COLUMNS } from "./column-labels.ts";

describe("columnLabels", () => {
  it("names each column after the row headers' once, as a CSS string in a custom property", () => {
    expect(columnLabels(["Staff group", "Headcount", "White staff"])).toBe("--c2:'Headcount';--c3:'White staff'");
  });

  it("escapes a name for CSS and then for a double-quoted HTML attribute", () => {
    expect(columnLabels(["Year", `Trust's "share" \\ A&B <b>`])).toBe("--c2:'Trust\\'s &quot;share&quot; \\\\ A&amp;B &lt;b&gt;'");
  });

  it("refuses a table with more columns than the stylesheet names, saying where to add them", () => {
    const head = Array.from({ length: LABELLED_COLUMNS + 1 }, (_, i) => `Column ${i + 1}`);
    expect(() => columnLabels(head)).toThrow(/data-table\.css names the cells of at most 8: add a rule/);
    expect(() => columnLabels(head.slice(1))).not.toThrow();
  });
});
