// The site's own Framework config with another output folder (XRAY_SITE_OUTPUT), so a test can build a site from a
// fixture data folder (XRAY_DATA_DIR) without touching dist/ or dist-internal/. See buildSiteFrom in build.ts.
import {siteConfig} from "../../src/site-config.js";
import {audienceFromEnv} from "../../lib/publish/audience.js";

const output = process.env.XRAY_SITE_OUTPUT;
if (!output) throw new Error("XRAY_SITE_OUTPUT must name the folder to build into");

export default {...(await siteConfig(audienceFromEnv(process.env))), output};
