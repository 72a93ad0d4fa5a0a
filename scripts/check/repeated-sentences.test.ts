import { describe, expect, it } from "vitest";
import { repeatedSentences, sentences, spokenText } from "./repeated-sentences.ts";

describe("sentences", () => {
  it("splits at sentence ends, line breaks and table cells, and keeps labels out", () => {
    expect(sentences("White applicants were 1.69 times as likely. Last year it was 1.86 in 2023 here.\nData for this chart\tSix words make a sentence here")).toEqual([
      "White applicants were 1.69 times as likely.",
      "Last year it was 1.86 in 2023 here.",
      "Six words make a sentence here",
    ]);
  });
});

describe("repeatedSentences", () => {
  it("counts a sentence said twice, with or without its full stop, most repeated first", () => {
    const once = "This sentence is said only once here.";
    const twice = "No action in this plan addresses it directly";
    expect(repeatedSentences([`${twice}.`, once, twice, `${twice}.`, "Another sentence said twice over here.", "Another sentence said twice over here."])).toEqual([
      { sentence: twice, count: 3 },
      { sentence: "Another sentence said twice over here", count: 2 },
    ]);
  });
});

describe("spokenText", () => {
  it("says a figure's caption once when the figure is named by it, and a chart's name without its drawn text", () => {
    const finding = "White applicants were 1.69 times as likely as BME applicants to be appointed.";
    const tree = [
      `- figure "${finding}":`,
      `  - text: ${finding}`,
      '  - img "Line chart: appointed from shortlisting, each year": "2022 2023 2024 0.0 0.5 1.0"',
    ].join("\n");
    expect(spokenText(tree)).toEqual([finding, "Line chart: appointed from shortlisting, each year"]);
  });

  it("counts a name and a different text both (the repeat the report page had)", () => {
    const tree = ['- figure "Finding one said here in full.":', "  - text: Finding one said here in full. Subtitle here", '  - img "Finding one said here in full."'].join("\n");
    expect(repeatedSentences(spokenText(tree))).toEqual([{ sentence: "Finding one said here in full", count: 3 }]);
  });

  it("reads rows and cells once (by their content), quoted YAML lines included, and skips links within the page", () => {
    const tree = [
      "- 'table \"Caption that names the table''s rows here\"':",
      "  - caption: Caption that names the table's rows here",
      "  - rowgroup:",
      "    - 'row \"WRES 2: appointment from shortlisting 1.69 1.86\"':",
      "      - rowheader \"WRES 2: appointment from shortlisting\":",
      "        - link \"WRES 2: appointment from shortlisting\":",
      '          - /url: "#wres-2"',
      '      - cell "1.69"',
      '- heading "WRES 2: appointment from shortlisting" [level=3]',
    ].join("\n");
    expect(spokenText(tree)).toEqual(["Caption that names the table's rows here", "1.69", "WRES 2: appointment from shortlisting"]);
  });
});
