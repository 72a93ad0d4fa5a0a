/**
 * The structural checks every PDF must pass (issue 6): tagged, titled and shown by title,
 * language set, author and subject set, bookmarks, every font embedded, "Page 1 of N" on the
 * first page, and text that can be extracted; and the PDF/UA-1 clauses the PDF step sees to
 * (issue 15, scripts/pdf/pdf-ua.ts): nothing painted outside tagged content or artifacts, every
 * figure with alternate text, every structure type standard or role-mapped, every link described,
 * annotations in structure order, XMP metadata with the title and the PDF/UA identifier.
 */
import { inspectPdf } from "../pdf/inspect-pdf.ts";
import type { Finding } from "./findings.ts";

export async function checkPdf(file: string, bytes: Uint8Array): Promise<Finding[]> {
  const pdf = await inspectPdf(bytes);
  const findings: Finding[] = [];
  const add = (rule: string, message: string, fix: string) => findings.push({ file, check: "pdf", rule, element: "document", message, fix });
  if (!pdf.tagged) add("tagged", "the PDF is not tagged, so screen readers cannot follow its structure", "print with tagged: true (scripts/pdf/render-pdf.ts)");
  if (!pdf.info.title) add("title", "the PDF has no title", "give the print page a <title>");
  if (!pdf.displayDocTitle) add("display-title", "the PDF reader will show the file name, not the title", "set DisplayDocTitle (setTitle with showInWindowTitleBar)");
  if (!pdf.lang) add("lang", "the PDF has no language", 'set <html lang="en-GB"> on the print page');
  if (!pdf.info.author) add("author", "the PDF names no author", "set the author in the PDF metadata");
  if (!pdf.info.subject) add("subject", "the PDF has no subject", "set the subject in the PDF metadata");
  if (pdf.outline.length === 0) add("bookmarks", "the PDF has no bookmarks", "print with outline: true; headings h1-h3 make the bookmarks");
  for (const font of pdf.fonts.filter((f) => !f.embedded)) add("fonts", `the font ${font.name} is not embedded`, "use fonts installed on the machine (fonts-liberation) so Chromium embeds them");
  const first = pdf.text[0] ?? "";
  if (!new RegExp(`Page 1 of ${pdf.pages}\\b`).test(first)) add("page-numbers", `page 1 does not say "Page 1 of ${pdf.pages}"`, "keep the @page footer in templates/print/print.css");
  if (pdf.text.join("").trim().length === 0) add("text", "no text can be extracted from the PDF", "print text as text, not as pictures");

  const ua = pdf.accessibility;
  const tool = "this is a fault in the PDF step (scripts/pdf/pdf-ua.ts), not in the report: report it";
  for (const { page, pieces } of ua.unmarked)
    add("artifacts", `page ${page} paints ${pieces} piece${pieces === 1 ? "" : "s"} of content that is neither tagged nor an artifact (a screen reader would stumble on it)`, tool);
  if (ua.unreadablePages > 0) add("artifacts", `${ua.unreadablePages} page${ua.unreadablePages === 1 ? "'s" : "s'"} content could not be read to check for untagged content`, tool);
  const noAlt = ua.figures.filter((f) => !f.alt?.trim()).length;
  if (noAlt > 0) add("figure-alt", `${noAlt} of ${ua.figures.length} figures have no alternate text`, "give each chart's <svg> an aria-label; a <figure> that only groups a chart and its caption is tagged as a group by the PDF step");
  if (ua.unmappedTypes.length > 0) add("role-map", `structure types ${ua.unmappedTypes.join(", ")} are not standard in PDF 1.7 and not role-mapped`, tool);
  const undescribed = ua.links.filter((l) => !l.contents?.trim()).length + ua.untaggedLinks;
  if (undescribed > 0) add("link-contents", `${undescribed} of ${ua.links.length + ua.untaggedLinks} links have no description (/Contents) or no place in the tags`, tool);
  if (ua.pagesWithoutTabOrder > 0) add("tab-order", `${ua.pagesWithoutTabOrder} pages with links do not follow the structure order (/Tabs /S)`, tool);
  if (ua.xmp?.pdfuaPart !== "1") add("xmp", "the PDF's XMP metadata does not identify it as PDF/UA-1 (pdfuaid:part)", tool);
  if (ua.xmp?.title !== pdf.info.title) add("xmp", `the XMP title ("${ua.xmp?.title ?? "none"}") is not the document title ("${pdf.info.title ?? "none"}")`, tool);
  return findings;
}
