// Page data for group.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
export default {
  eleventyComputed: {
    pageTitle: (data) => `WRES and WDES comparison ${data.gp.year}, ${data.gp.shortName}`,
    description: (data) => `How ${data.gp.organisationsText} compare on their WRES and WDES figures for ${data.gp.year}.`,
    breadcrumbs: (data) => [
      { text: "Home", href: "/" },
      { text: data.gp.shortName, href: data.gp.groupUrl },
    ],
  },
};
