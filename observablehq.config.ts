// Observable Framework configuration. Everything here keeps the site offline-safe and private:
// no Google Fonts (globalStylesheets: []), no Observable footer link, no sidebar (its markup fails axe checks),
// links that end in .html so any static web server can host dist/.
import {NAVIGATION} from "./src/navigation.js";
import {siteFooter, siteHeader} from "./src/components/chrome.js";
const dataAsOf = async (_: string) => ({newest: null, newestKind: null, synthetic: false});

const asOf = await dataAsOf("data");

export default {
  root: "src",
  title: "Mobile X-ray Safety",
  style: "style.css",
  globalStylesheets: [],
  sidebar: false,
  toc: false,
  search: false,
  preserveExtension: true,
  pages: NAVIGATION.map((section) => ({name: section.audience, pages: section.pages})),
  pager: false,
  header: ({path}: {path: string}) => siteHeader(NAVIGATION, path),
  footer: () => siteFooter(asOf),
  head: `<link rel="icon" href="favicon.svg" type="image/svg+xml"><meta name="description" content="Radiation exposure from a mobile backscatter X-ray device: measurements, models and compliance with published limits.">`
};
