/**
 * Drops the indentation the templates leave at the start of each line of a page. Outside
 * preformatted text, white space at the start of a line follows a line break, and the two collapse
 * to one space when the page is drawn, so nothing shown changes; a report page with 26 charts and
 * their tables is some kilobytes lighter. Text in <pre> and <textarea> is left exactly as it is.
 */
export function trimIndentation(html: string): string {
  const indent = /\n[ \t]+/g;
  // Most pages hold no preformatted text: one pass.
  if (!/<(pre|textarea)[\s>]/.test(html)) return html.replace(indent, "\n");
  return html
    .split(/(<pre[\s>][\s\S]*?<\/pre>|<textarea[\s>][\s\S]*?<\/textarea>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(indent, "\n")))
    .join("");
}
