// The message catalogues are templates over data (docs/decisions.md): they import nothing but types
// and pure text helpers, and neither parse (no regular expression) nor compute dates. A suggestion
// such as "did you mean ...?" is worked out by the caller (suggest.ts) and passed in.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { didYouMean } from "./suggest.ts";

const CATALOGUES = ["scripts/validate/messages.ts", "scripts/commands/messages.ts", "scripts/import/messages.ts", "scripts/pdf/messages.ts"];
/** The pure text helpers a catalogue may use: values in quotes, separated by commas. */
const TEXT_HELPERS = new Set(["quotedList"]);

/** What each catalogue brings in that is not a type or a text helper, and each regular expression or `new` in it. */
function logicIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const from = (node.moduleSpecifier as ts.StringLiteral).text;
      if (clause && !clause.isTypeOnly) {
        if (clause.name) found.push(`import ${clause.name.text} from ${from}`);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) found.push(`import * from ${from}`);
        if (bindings && ts.isNamedImports(bindings))
          for (const element of bindings.elements) if (!element.isTypeOnly && !TEXT_HELPERS.has(element.name.text)) found.push(`import ${element.name.text} from ${from}`);
      }
      if (!clause) found.push(`import ${from}`);
    }
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(`regular expression ${node.getText()}`);
    if (ts.isNewExpression(node)) found.push(`new ${node.expression.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the message catalogues", () => {
  it.each(CATALOGUES)("%s imports only types and text helpers, and parses and computes nothing", (file) => {
    expect(logicIn(file)).toEqual([]);
  });

  it("would catch a catalogue that computes its own suggestion", () => {
    const file = "scripts/validate/suggest.ts";
    expect(logicIn(file)).toEqual(expect.arrayContaining(["import closest from fastest-levenshtein", "new Date"]));
  });
});

describe("didYouMean", () => {
  it("suggests a known word only when it is near enough to be a typo", () => {
    expect(didYouMean("leads", ["lead", "status"])).toBe("lead");
    expect(didYouMean("WRES", ["wres", "wdes"])).toBe("wres");
    expect(didYouMean("progress", ["status", "id"])).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
  });
});
