// Page data for print.njk, as plain strings (see report.11tydata.js for why not Nunjucks).

/** A CSS string literal of any text: quotes and backslashes escaped, line breaks and "<" as CSS escapes (so "</style>" cannot appear). */
const cssString = (text) => `"${String(text).replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\a ").replace(/</g, "\\3c ")}"`;

export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.report.title} - ${data.report.organisation.name}`,
    // The running head of the PDF's pages (templates/print/print.css: margin boxes read these custom properties).
    runningHead: (data) => `:root { --running-org: ${cssString(data.report.organisation.name)}; --running-title: ${cssString(data.report.title)}; }`,
  },
};
