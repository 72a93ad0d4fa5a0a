// A CSS string literal of any text: quotes and backslashes escaped, line breaks and "<" as CSS
// escapes. For the running heads of the print pages (custom properties in the root's style
// attribute, which Nunjucks then escapes for the attribute).
export const cssString = (text) => `"${String(text).replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\a ").replace(/</g, "\\3c ")}"`;
