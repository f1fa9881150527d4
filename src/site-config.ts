// The Framework configuration shared by the public and the internal build. The two builds differ in who may read
// them: the loaders decide which fields to publish from XRAY_AUDIENCE (see lib/publish/audience.ts), and each
// config file checks that the variable agrees with it, so internal data can never be written into the public dist/.
import {NAVIGATION} from "./navigation.js";
import {siteFooter, siteHeader} from "./components/chrome.js";
import {dataAsOf} from "../lib/io/data-as-of.js";
import {audienceFromEnv, type Audience} from "../lib/publish/audience.js";

export async function siteConfig(audience: Audience) {
  const fromEnv = audienceFromEnv(process.env);
  if (fromEnv !== audience) {
    throw new Error(`This is the ${audience} build's config but XRAY_AUDIENCE says "${fromEnv}": use npm run build or npm run build:internal.`);
  }
  // XRAY_DATA_DIR points every script at a programme's own data folder (xray-dose init); data/ is the sample.
  const asOf = await dataAsOf(process.env.XRAY_DATA_DIR || "data");
  return {
    root: "src",
    // The build script (scripts/site/build.ts) builds into a fresh folder and swaps it in only when the build passes.
    output: process.env.XRAY_BUILD_OUTPUT || (audience === "public" ? "dist" : "dist-internal"),
    title: audience === "public" ? "Mobile X-ray Safety" : "Mobile X-ray Safety (internal)",
    style: "style.css",
    // No Google Fonts: the site must not send visitors to third parties.
    globalStylesheets: [],
    // Framework's sidebar markup fails axe checks; the header carries the navigation instead.
    sidebar: false,
    toc: false,
    search: false,
    // Links end in .html so any static web server can host the site.
    preserveExtension: true,
    pages: NAVIGATION.map((section) => ({name: section.audience, pages: section.pages})),
    pager: false,
    header: ({path}: {path: string}) => siteHeader(NAVIGATION, path, {audience, asOf}),
    footer: () => siteFooter(asOf),
    head: `<link rel="icon" href="favicon.svg" type="image/svg+xml"><meta name="description" content="Radiation exposure from a mobile backscatter X-ray device: measurements, models and compliance with published limits.">`
  };
}
