/** A fault of the PDF step, with its catalogue message (messages.ts). */
import { ReportedError } from "../errors.ts";
import type { Message } from "../validate/messages.ts";

export class PdfError extends ReportedError {
  constructor(problem: Message, options?: ErrorOptions) {
    super(problem, options);
    this.name = "PdfError";
  }
}
