// The Radiation Safety Officer's internal site (npm run build:internal → dist-internal/), with restricted fields.
import {siteConfig} from "./src/site-config.js";

export default await siteConfig("internal");
