// The simulation Web Worker as one self-contained module script. Framework bundles a page's imports but not a
// worker's, so esbuild bundles lib/simulation/worker.ts and its d3-random dependency here, at build time.
import {build} from "esbuild";
import {runLoader} from "./loader-runtime.js";

await runLoader(async () => {
  const result = await build({
    entryPoints: ["lib/simulation/worker.ts"],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none"
  });
  return result.outputFiles[0]!.text;
});
