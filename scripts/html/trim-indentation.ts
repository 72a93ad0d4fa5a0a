/**
 * Drops the indentation at the start of each line of a template: templates are indented for the
 * people who edit them, pages need not be. Outside preformatted text, white space at the start of a
 * line follows a line break, and the two collapse to one space when the page is drawn, so nothing
 * shown changes; a report page with 26 charts and their tables is some kilobytes lighter. Text in
 * <pre> and <textarea> is left exactly as it is. Done once per template as it is loaded (see
 * render-site.ts), not on every page written.
 */
export function trimIndentation(html: string): string {
  // After a line that ends in a Nunjucks tag or comment, one space stays: trimBlocks removes that
  // line break, and the indentation is then all that separates what comes before from what comes after.
  const trim = (text: string) => text.replace(/(?<![%#]\})\n[ \t]+/g, "\n").replace(/(?<=[%#]\}\n)[ \t]{2,}/g, " ");
  // Most templates hold no preformatted text: one pass.
  if (!/<(pre|textarea)[\s>]/.test(html)) return trim(html);
  return html
    .split(/(<pre[\s>][\s\S]*?<\/pre>|<textarea[\s>][\s\S]*?<\/textarea>)/)
    .map((part, i) => (i % 2 === 1 ? part : trim(part)))
    .join("");
}

/** The part of a Nunjucks environment whose templates are trimmed: its loaders. */
interface NunjucksEnvironment {
  loaders: { getSource(name: string): { src: string } | null }[];
}

/**
 * Trims every template the environment's loaders read: components, includes and nhsuk-frontend's
 * macros. (Layouts are read by Eleventy itself and keep their indentation, a few hundred bytes a page.)
 */
export function trimLoadedTemplates(env: NunjucksEnvironment): void {
  for (const loader of env.loaders) {
    const getSource = loader.getSource.bind(loader);
    loader.getSource = (name) => {
      const source = getSource(name);
      return source && name.endsWith(".njk") ? { ...source, src: trimIndentation(source.src) } : source;
    };
  }
}
