/** Parse built HTML into a standard DOM Document (linkedom), for assertions on structure. */
import { parseHTML } from "linkedom";

export function parseDocument(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}
