// Page data for group-index.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
export default {
  eleventyComputed: {
    pageTitle: (data) => data.group.name,
    breadcrumbs: () => [{ text: "Home", href: "/" }],
  },
};
