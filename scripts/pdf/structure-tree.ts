/**
 * The tagged structure of a PDF (ISO 32000-1, 14.7), read with pdf-lib: its structure elements in
 * reading order, their kids, the annotations they own, and the outline (bookmarks). Shared by the
 * PDF step, which corrects what Chromium writes (pdf-ua.ts), and by the checks, which verify it.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from "pdf-lib";

export const S = PDFName.of("S");
const K = PDFName.of("K");
const TYPE = PDFName.of("Type");

/** The structure type of an element, without the slash ("P", "Figure"); "" if it has none. */
export function typeOf(element: PDFDict): string {
  return element.lookupMaybe(S, PDFName)?.decodeText() ?? "";
}

/** A text entry of a dictionary (/Alt, /Title, /Contents), or undefined. */
export function textOf(dict: PDFDict, key: string): string | undefined {
  return dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)?.decodeText();
}

function resolve(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? pdf.context.lookup(value) : value;
}

/** The kids of a structure element (or of the tree root), resolved: elements, MCIDs, MCR and OBJR dictionaries. */
export function kidsOf(pdf: PDFDocument, element: PDFDict): PDFObject[] {
  const kids = resolve(pdf, element.get(K));
  if (kids === undefined) return [];
  return kids instanceof PDFArray ? kids.asArray().map((kid) => resolve(pdf, kid)!) : [kids];
}

/** A structure element, as opposed to a marked-content or object reference among the kids. */
export function isElement(kid: PDFObject): kid is PDFDict {
  if (!(kid instanceof PDFDict)) return false;
  const type = kid.lookupMaybe(TYPE, PDFName)?.decodeText();
  return type !== "MCR" && type !== "OBJR" && kid.has(S);
}

export function structTreeRoot(pdf: PDFDocument): PDFDict | undefined {
  return pdf.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
}

/** Every structure element in reading order (depth first, as the tree holds them). */
export function structElements(pdf: PDFDocument): PDFDict[] {
  const root = structTreeRoot(pdf);
  const found: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (element: PDFDict) => {
    for (const kid of kidsOf(pdf, element)) {
      if (!isElement(kid) || seen.has(kid)) continue;
      seen.add(kid);
      found.push(kid);
      visit(kid);
    }
  };
  if (root) visit(root);
  return found;
}

/** The annotations an element owns (its OBJR kids), in order. */
export function annotationsOf(pdf: PDFDocument, element: PDFDict): PDFDict[] {
  return kidsOf(pdf, element).flatMap((kid) => {
    if (!(kid instanceof PDFDict) || kid.lookupMaybe(TYPE, PDFName)?.decodeText() !== "OBJR") return [];
    const annotation = resolve(pdf, kid.get(PDFName.of("Obj")));
    return annotation instanceof PDFDict ? [annotation] : [];
  });
}

/** A name or string entry of a dictionary, as text. */
function nameOrText(dict: PDFDict | undefined, key: string): string | undefined {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFName || value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Where a link annotation leads: "#name" for a named destination in the document, else its URI. */
export function linkTarget(annotation: PDFDict): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
  const named = nameOrText(annotation, "Dest") ?? nameOrText(action, "D");
  return named === undefined ? nameOrText(action, "URI") : `#${named}`;
}

/** The outline's items (bookmarks) in order, depth first, with their depth (1 for top-level ones). */
export function outlineItems(pdf: PDFDocument): { item: PDFDict; depth: number }[] {
  const items: { item: PDFDict; depth: number }[] = [];
  const seen = new Set<PDFDict>();
  const visit = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      seen.add(item);
      items.push({ item, depth });
      visit(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  visit(pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict), 1);
  return items;
}
