/**
 * The named destinations of a PDF printed by Chromium: where each element with an id that a link
 * points at landed. Chromium names them after the element ids (`/our-data [page /XYZ x y z]`), in
 * the catalogue's /Dests dictionary; a /Names /Dests tree is read too, for completeness.
 *
 * The PDF step reads them to learn each heading's page for the contents (contents-numbers.ts); the
 * tests read them to check those numbers.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from "pdf-lib";

export interface Destination {
  /** 1 for the first page. */
  page: number;
  /** Distance from the foot of the page, in points (PDF user space). */
  y: number;
}

export function readDestinations(pdf: PDFDocument): Map<string, Destination> {
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const found = new Map<string, Destination>();
  const add = (name: string, target: unknown) => {
    const array = target instanceof PDFDict ? target.lookupMaybe(PDFName.of("D"), PDFArray) : target instanceof PDFArray ? target : undefined;
    const page = array?.get(0);
    const top = array?.get(3);
    if (!(page instanceof PDFRef)) return;
    const number = pageOf.get(page.toString());
    if (number !== undefined) found.set(name, { page: number, y: top instanceof PDFNumber ? top.asNumber() : 0 });
  };
  const context = pdf.context;
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) add(key.decodeText(), context.lookup(value));
  const tree = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (tree) readNameTree(tree, add);
  return found;
}

function readNameTree(node: PDFDict, add: (name: string, target: unknown) => void, seen = new Set<PDFDict>()): void {
  if (seen.has(node)) return;
  seen.add(node);
  const names = node.lookupMaybe(PDFName.of("Names"), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.lookup(i + 1));
  }
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) readNameTree(kid, add, seen);
  }
}
