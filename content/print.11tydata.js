// Page data for print.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
import { cssString } from "../templates/print/css-string.js";

export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.report.title} - ${data.report.organisation.name}`,
    printAuthor: (data) => data.report.organisation.name,
    printDescription: (data) => `${data.report.title}, ${data.report.period}`,
    // The running head of the PDF's pages, as custom properties on the root element's style attribute
    // (templates/print/print.css: margin boxes inherit them from the root). No <style> element: the page has none.
    runningHead: (data) => `--running-org: ${cssString(data.report.organisation.name)}; --running-title: ${cssString(data.report.title)}`,
  },
};
