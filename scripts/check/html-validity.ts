/**
 * HTML validity with html-validate: the HTML standard plus its recommended accessibility rules.
 * Three rules are off, for markup we do not write: nhsuk-frontend's header and footer carry
 * explicit landmark roles (no-redundant-role), and report titles with the organisation's name
 * are long by nature (long-title). Pure: HTML text in, findings out.
 */
import { HtmlValidate } from "html-validate";
import type { Finding } from "./findings.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    "no-redundant-role": "off",
    "long-title": "off",
    // Inline SVG charts from Vega carry presentation attributes and styles of their own.
    "no-inline-style": "off",
  },
});

export async function checkHtmlValidity(file: string, html: string): Promise<Finding[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages.map((m) => ({
      file,
      check: "html" as const,
      rule: m.ruleId,
      element: `line ${m.line}, column ${m.column}${m.selector ? ` (${m.selector})` : ""}`,
      message: m.message,
      fix: m.ruleUrl ? `see ${m.ruleUrl}` : "correct the markup in the template that writes this element",
    })),
  );
}
