/**
 * Drops the indentation the templates leave at the start of each line of a page. Outside
 * preformatted text, white space at the start of a line follows a line break, and the two collapse
 * to one space when the page is drawn, so nothing shown changes; a report page with 26 charts and
 * their tables is some kilobytes lighter. Text in <pre> and <textarea> is left exactly as it is.
 */
export function trimIndentation(html: string): string {
  return html
    .split(/(<pre[\s>][\s\S]*?<\/pre>|<textarea[\s>][\s\S]*?<\/textarea>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\n[ \t]+/g, "\n")))
    .join("");
}
