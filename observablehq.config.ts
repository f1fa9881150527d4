// The public transparency site (npm run build → dist/). Restricted fields never reach it: see docs/restricted-data.md.
import {siteConfig} from "./src/site-config.js";

export default await siteConfig("public");
