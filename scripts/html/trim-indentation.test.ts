import { describe, expect, it } from "vitest";
import { trimIndentation } from "./trim-indentation.ts";

describe("trimIndentation", () => {
  it("drops white space at the start of lines, keeping the line breaks", () => {
    expect(trimIndentation("<ul>\n    <li>One</li>\n\t\t<li>Two</li>\n</ul>")).toBe("<ul>\n<li>One</li>\n<li>Two</li>\n</ul>");
  });

  it("keeps one space of the indentation after a line ending in a Nunjucks tag, whose line break trimBlocks removes", () => {
    const template = "<p>\n  <a>one</a>{% endif %}\n    <a>two</a>{# note #}\n  <a>three</a>{% if x %}\n <a>four</a>\n</p>";
    expect(trimIndentation(template)).toBe("<p>\n<a>one</a>{% endif %}\n <a>two</a>{# note #}\n <a>three</a>{% if x %}\n <a>four</a>\n</p>");
  });

  it("leaves preformatted text and text areas exactly as they are", () => {
    const pre = "<pre>\n  indented\n    more\n</pre>";
    const area = '<textarea rows="2">\n  keep\n</textarea>';
    expect(trimIndentation(`<div>\n  ${pre}\n  ${area}\n</div>`)).toBe(`<div>\n${pre}\n${area}\n</div>`);
  });
});
