/**
 * What Chromium's tagged PDF lacks for PDF/UA-1 (ISO 14289-1), added after printing, in place,
 * without renumbering anything in the structure tree:
 *
 * - running heads, page numbers and the contents' dotted leaders, painted outside any marked
 *   content, are marked as artifacts (7.1; content-stream.ts);
 * - a <figure> wrapper, which Chromium tags /Figure without alternate text although its chart or
 *   quotation inside carries its own, becomes a grouping element /Div, so that every /Figure has /Alt (7.3);
 * - structure types that are not standard in PDF 1.7 (/Strong, /Em ...) are role-mapped (7.1);
 * - every link annotation gets /Contents, the text of its link (7.18.5) (Chromium already gives pages
 *   with links /Tabs /S, 7.18.3: the checks verify it);
 * - bookmark titles are the headings' text as the page has it (Chromium runs the words at a line
 *   break together: "WRES and WDESreport");
 * - XMP metadata with the title, author, subject, language, dates and the PDF/UA identifier (5, 7.1).
 */
import { deflateSync, inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from "pdf-lib";
import { escapeAttribute } from "../html/escape.ts";
import { wrapUnmarkedAsArtifacts } from "./content-stream.ts";
import { annotationsOf, isElement, kidsOf, linkTarget, outlineItems, S, structElements, structTreeRoot, textOf, typeOf } from "./structure-tree.ts";

/** What the page says, read from it before the tagged print (see pageFacts in render-pdf.ts). */
export interface PageFacts {
  /** The text of each heading (h1-h6) the print shows, in document order. */
  headings: string[];
  /**
   * Each link the print shows, in document order: its target ("#id", or the absolute address) and
   * what it says; `contents` for a contents entry, whose description is completed with its page.
   */
  links: { target: string; text: string; contents?: boolean }[];
}

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  lang: string;
  keywords?: readonly string[];
}

/** The structure types of PDF 1.7 (ISO 32000-1, 14.8.4): any other type must be role-mapped to one of them. */
export const STANDARD_TYPES = new Set(
  (
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 " +
    "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot " +
    "Ruby RB RT RP Warichu WT WP Figure Formula Form"
  ).split(" "),
);

/** PDF 2.0 types Chromium may write, and the PDF 1.7 type each means. */
const ROLES: Record<string, string> = { Strong: "Span", Em: "Span", Sub: "Span", Title: "P", Aside: "Div", FENote: "Note", DocumentFragment: "Div" };

/** `elements` are the structure elements in reading order, when the caller has read them already. */
export function makeAccessible(pdf: PDFDocument, facts: PageFacts, fields: XmpFields, elements: readonly PDFDict[] = structElements(pdf)): void {
  markArtifacts(pdf);
  groupFigureWrappers(pdf, elements);
  roleMapTypes(pdf, elements);
  describeLinks(pdf, elements, facts.links);
  titleBookmarks(pdf, facts.headings);
  setXmp(pdf, fields);
}

/** The decoded bytes of a page's content, one stream or an array of them (concatenated, as a reader reads them). */
export function pageContent(pdf: PDFDocument, pageNode: PDFDict): Uint8Array | undefined {
  const contents = pageNode.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const parts: Uint8Array[] = [];
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) return undefined;
    const filter = stream.dict.get(PDFName.of("Filter"));
    if (filter === undefined) parts.push(stream.contents);
    else if (filter === PDFName.of("FlateDecode") && !stream.dict.has(PDFName.of("DecodeParms"))) parts.push(inflateSync(stream.contents));
    else return undefined;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts.flatMap((p) => [p, Buffer.from("\n")]));
}

function markArtifacts(pdf: PDFDocument): void {
  for (const page of pdf.getPages()) {
    const content = pageContent(pdf, page.node);
    if (!content) throw new Error("a page's content is in a form the PDF step cannot read (not Flate-encoded)");
    const { bytes, wrapped } = wrapUnmarkedAsArtifacts(content);
    if (wrapped > 0) setPageContent(pdf, page, bytes);
  }
}

/** Replaces a page's content with `bytes`, Flate-encoded: in place of the old stream (one object), else as a new one (the page's streams were an array). */
export function setPageContent(pdf: PDFDocument, page: PDFPage, bytes: Uint8Array): void {
  const compressed = deflateSync(bytes);
  const stream = PDFRawStream.of(pdf.context.obj({ Filter: "FlateDecode", Length: compressed.length }), compressed);
  const contents = page.node.get(PDFName.of("Contents"));
  if (contents instanceof PDFRef) pdf.context.assign(contents, stream);
  else page.node.set(PDFName.of("Contents"), pdf.context.register(stream));
}

/** A /Figure without /Alt that holds other elements (a chart and its caption, a quotation) is a group: /Div. */
function groupFigureWrappers(pdf: PDFDocument, elements: readonly PDFDict[]): void {
  for (const element of elements) {
    if (typeOf(element) !== "Figure" || textOf(element, "Alt")?.trim()) continue;
    if (kidsOf(pdf, element).some(isElement)) element.set(S, PDFName.of("Div"));
  }
}

function roleMapTypes(pdf: PDFDocument, elements: readonly PDFDict[]): void {
  const root = structTreeRoot(pdf);
  if (!root) return;
  const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? pdf.context.obj({});
  for (const type of new Set(elements.map(typeOf))) {
    if (STANDARD_TYPES.has(type) || roleMap.has(PDFName.of(type))) continue;
    roleMap.set(PDFName.of(type), PDFName.of(ROLES[type] ?? "NonStruct"));
  }
  if (roleMap.keys().length > 0) root.set(PDFName.of("RoleMap"), roleMap);
}

/**
 * Gives each link annotation the words of its link. Links are matched by where they lead: the
 * k-th /Link element leading to a target takes the text of the k-th link on the page leading there
 * (both in document order); one the page does not account for takes the first text for its target.
 */
function describeLinks(pdf: PDFDocument, elements: readonly PDFDict[], links: PageFacts["links"]): void {
  const texts = new Map<string, string[]>();
  for (const { target, text } of links) texts.set(target, [...(texts.get(target) ?? []), text]);
  const used = new Map<string, number>();
  for (const element of elements) {
    if (typeOf(element) !== "Link") continue;
    const annotations = annotationsOf(pdf, element);
    const target = annotations.map(linkTarget).find((t) => t !== undefined);
    if (target === undefined) continue;
    const k = used.get(target) ?? 0;
    used.set(target, k + 1);
    const candidates = texts.get(target) ?? [];
    const text = candidates[k] ?? candidates[0] ?? (target.startsWith("#") ? `Go to ${target.slice(1)}` : target);
    for (const annotation of annotations) annotation.set(PDFName.of("Contents"), PDFHexString.fromText(text));
  }
  // Annotations outside the structure tree (none from Chromium today) are described by their target.
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annotation = annots.lookup(i);
      if (!(annotation instanceof PDFDict) || annotation.has(PDFName.of("Contents"))) continue;
      const target = linkTarget(annotation);
      if (target !== undefined) annotation.set(PDFName.of("Contents"), PDFHexString.fromText(texts.get(target)?.[0] ?? target));
    }
  }
}

const squash = (text: string) => text.replace(/\s+/g, "");

/** Each bookmark whose title is a heading's words run together takes the heading's text, spaces and all. */
function titleBookmarks(pdf: PDFDocument, headings: readonly string[]): void {
  let next = 0;
  for (const { item } of outlineItems(pdf)) {
    const title = squash(textOf(item, "Title") ?? "");
    const at = headings.findIndex((heading, i) => i >= next && squash(heading) === title);
    if (at === -1) continue;
    item.set(PDFName.of("Title"), PDFHexString.fromText(headings[at]!));
    next = at + 1;
  }
}

const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** XMP metadata in step with the document information dictionary, identifying the file as PDF/UA-1. */
function setXmp(pdf: PDFDocument, fields: XmpFields): void {
  const created = pdf.getCreationDate();
  const modified = pdf.getModificationDate() ?? created;
  const producer = pdf.getProducer();
  const creator = pdf.getCreator();
  const optional = (tag: string, value: string | undefined) => (value ? `\n      <${tag}>${escapeAttribute(value)}</${tag}>` : "");
  const packet = `<?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeAttribute(fields.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${escapeAttribute(fields.author)}</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeAttribute(fields.subject)}</rdf:li></rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>${escapeAttribute(fields.lang)}</rdf:li></rdf:Bag></dc:language>${optional("pdf:Keywords", fields.keywords?.join(" "))}${optional("pdf:Producer", producer)}${optional("xmp:CreatorTool", creator)}${optional("xmp:CreateDate", created && xmpDate(created))}${optional("xmp:ModifyDate", modified && xmpDate(modified))}${optional("xmp:MetadataDate", modified && xmpDate(modified))}
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  const bytes = new TextEncoder().encode(packet);
  const stream = PDFRawStream.of(pdf.context.obj({ Type: "Metadata", Subtype: "XML", Length: bytes.length }), bytes);
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
}

/** The text of an XMP packet, read back (for the checks). */
export function readXmp(pdf: PDFDocument): string | undefined {
  const stream = pdf.catalog.lookup(PDFName.of("Metadata"));
  return stream instanceof PDFRawStream ? new TextDecoder().decode(stream.contents) : undefined;
}
