/** Text made safe inside a double-quoted HTML, SVG or XML attribute (and as element text). Pure. */
export const escapeAttribute = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
