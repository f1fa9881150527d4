// The command line compiled to JavaScript, so `xray-dose` starts without compiling TypeScript (tsx) on every call:
// one esbuild bundle, split so that each command's code (and the unit library, the fitter, DuckDB) loads only when
// that command runs. Run by `npm install`/`npm ci` (the prepare script) and by the unit tests' global setup.
//
// The output sits two folders below the package root, like cli/commands/*.ts, because a command may find the
// package's files relative to its own module (check-policy reads ../../data/).
import {build} from "esbuild";
import {fileURLToPath} from "node:url";
import {rm} from "node:fs/promises";

export const CLI_OUT_DIR = "build/cli";

export async function buildCli(root = fileURLToPath(new URL("..", import.meta.url))): Promise<void> {
  const outdir = `${root}/${CLI_OUT_DIR}`;
  await rm(outdir, {recursive: true, force: true});
  await build({
    absWorkingDir: root,
    entryPoints: ["cli/main.ts"],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // ESM entry points of dependencies, so that unused parts (most of mathjs) are left out.
    mainFields: ["module", "main"],
    // DuckDB's native addon is loaded from node_modules at run time; its JavaScript API is bundled (loading it as
    // CommonJS from node_modules costs more than running the query on a small file).
    external: ["@duckdb/node-bindings"],
    // Bundled CommonJS code may call require() for Node's own modules.
    banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
    logLevel: "warning"
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
