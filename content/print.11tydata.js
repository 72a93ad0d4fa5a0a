// Page data for print.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.report.title} - ${data.report.organisation.name}`,
  },
};
