// Build a site with an npm script (skipped with E2E_REUSE_DIST=1 when that build already exists), or from another
// data folder into another output folder.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import type {Audience} from "../../lib/publish/audience.js";

export function buildSite(script = "build", dist = "dist"): void {
  if (process.env.E2E_REUSE_DIST === "1" && existsSync(`${dist}/index.html`)) return;
  const result = spawnSync("npm", ["run", "--silent", script], {encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}});
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The site built from `dataDir` for `audience` into `output`, exactly as npm run build / build:internal builds data/. */
export function buildSiteFrom(dataDir: string, audience: Audience, output: string): void {
  const script = audience === "public" ? "build" : "build:internal";
  const env = {...process.env, XRAY_DATA_DIR: dataDir, XRAY_DIST_DIR: output, OBSERVABLE_TELEMETRY_DISABLE: "1"};
  const result = spawnSync("npm", ["run", "--silent", script], {encoding: "utf8", env});
  if (result.status !== 0) throw new Error(`npm run ${script} from ${dataDir} failed:\n${result.stdout}\n${result.stderr}`);
}
