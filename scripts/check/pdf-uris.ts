/**
 * The web addresses a PDF's links lead to (the /URI of each link annotation's action), read with
 * pdf-lib, for the link check (scripts/check/links.ts, checkPdfLinks). Links within the document
 * (/GoTo to a named destination) have none and are not listed.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

export async function pdfLinkUris(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const uris: string[] = [];
  for (const page of pdf.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const annotation = annotations!.lookupMaybe(i, PDFDict);
      if (annotation?.lookupMaybe(PDFName.of("Subtype"), PDFName) !== PDFName.of("Link")) continue;
      const uri = annotation.lookupMaybe(PDFName.of("A"), PDFDict)?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString);
      if (uri) uris.push(uri.decodeText());
    }
  }
  return uris;
}
