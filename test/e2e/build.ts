// Build a site with an npm script (skipped with E2E_REUSE_DIST=1 when that build already exists).
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";

export function buildSite(script = "build", dist = "dist"): void {
  if (process.env.E2E_REUSE_DIST === "1" && existsSync(`${dist}/index.html`)) return;
  const result = spawnSync("npm", ["run", "--silent", script], {encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}});
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
}
