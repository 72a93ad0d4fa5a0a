// Page data for print.njk, as plain strings (see report.11tydata.js for why not Nunjucks).

/** A CSS string literal of any text: quotes and backslashes escaped, line breaks and "<" as CSS escapes. Nunjucks then escapes it for the attribute. */
const cssString = (text) => `"${String(text).replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\a ").replace(/</g, "\\3c ")}"`;

export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.report.title} - ${data.report.organisation.name}`,
    // The running head of the PDF's pages, as custom properties on the root element's style attribute
    // (templates/print/print.css: margin boxes inherit them from the root). No <style> element: the page has none.
    runningHead: (data) => `--running-org: ${cssString(data.report.organisation.name)}; --running-title: ${cssString(data.report.title)}`,
  },
};
