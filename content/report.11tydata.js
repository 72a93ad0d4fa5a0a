// Page data for report.njk, as plain strings: written as Nunjucks in the front matter they would be
// HTML-escaped there and again in the layout, so a title with "&" or "<" would show its escapes.
export default {
  eleventyComputed: {
    pageTitle: (data) => `${data.report.title}, ${data.report.organisation.name}`,
    description: (data) => data.report.summary,
    brandColour: (data) => data.report.organisation.colour,
    breadcrumbs: (data) => [
      { text: "Home", href: "/" },
      { text: data.report.organisation.shortName, href: data.report.organisation.url },
    ],
  },
};
