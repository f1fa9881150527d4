// Build the public and the internal site once before the browser tests (E2E_REUSE_DIST=1 reuses existing builds).
import {buildSite} from "./build.js";

export default function setup(): void {
  buildSite("build", "dist");
  buildSite("build:internal", "dist-internal");
}
