// Build a site with an npm script (skipped with E2E_REUSE_DIST=1 when that build already exists), or from another
// data folder into another output folder.
import {spawnSync} from "node:child_process";
import {existsSync, rmSync} from "node:fs";
import type {Audience} from "../../lib/publish/audience.js";

export function buildSite(script = "build", dist = "dist"): void {
  if (process.env.E2E_REUSE_DIST === "1" && existsSync(`${dist}/index.html`)) return;
  const result = spawnSync("npm", ["run", "--silent", script], {encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}});
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, {encoding: "utf8", env});
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The site built from `dataDir` for `audience` into `output`, as npm run build / build:internal would build it from
 * data/ (the loader cache is emptied first: it does not notice a different data folder).
 */
export function buildSiteFrom(dataDir: string, audience: Audience, output: string): void {
  rmSync(output, {recursive: true, force: true});
  rmSync("src/.observablehq/cache", {recursive: true, force: true});
  const env = {
    ...process.env, XRAY_DATA_DIR: dataDir, XRAY_AUDIENCE: audience, XRAY_SITE_OUTPUT: output,
    OBSERVABLE_TELEMETRY_DISABLE: "1", NODE_OPTIONS: "--import=tsx"
  };
  run("npx", ["observable", "build", "--config", "test/e2e/site-from.config.ts"], env);
  run("npx", ["tsx", "scripts/site/post-build.ts", output], env);
}
