/**
 * What the PDFs are known not to do for accessibility, as the accessibility statement tells readers
 * (content/accessibility.njk, "Non-accessible content"). Keep this list true: when the PDF step is
 * fixed and a check in scripts/check/pdf-structure.ts proves it, remove the entry; when a new limit
 * is found, add it. Each entry names the WCAG 2.2 success criterion it fails.
 */
export interface PdfLimit {
  /** What is wrong, for a member of the public, completing "In the PDF files, ...". */
  problem: string;
  /** The WCAG 2.2 success criterion, e.g. "1.3.1 Info and Relationships". */
  criterion: string;
}

export const PDF_LIMITS: readonly PdfLimit[] = [
  {
    problem:
      'the text that some PDF readers pass to assistive technology runs the last word of a line and the first word of the next together (for example "NHSStaff"), because the browser that prints the files leaves out the space where a line wraps',
    criterion: "1.3.1 Info and Relationships",
  },
];
