// Page data for group-print.njk, as plain strings (see report.11tydata.js for why not Nunjucks).
import { cssString } from "../templates/print/css-string.js";

export default {
  eleventyComputed: {
    pageTitle: (data) => `WRES and WDES comparison ${data.gp.year} - ${data.gp.name}`,
    printAuthor: (data) => data.gp.name,
    printDescription: (data) => `How ${data.gp.organisationsText} compare on their WRES and WDES figures for ${data.gp.year}`,
    runningHead: (data) => `--running-org: ${cssString(data.gp.name)}; --running-title: ${cssString(`WRES and WDES comparison, ${data.gp.year}`)}`,
  },
};
