// Page data for organisation.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
export default {
  eleventyComputed: {
    pageTitle: (data) => data.org.name,
    brandColour: (data) => data.org.colour,
    breadcrumbs: () => [{ text: "Home", href: "/" }],
  },
};
