/**
 * The structural checks every PDF must pass (issue 6): tagged, titled and shown by title,
 * language set, author and subject set, bookmarks, every font embedded, "Page 1 of N" on the
 * first page, and text that can be extracted.
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
  return findings;
}
