// One self-contained ES module for the browser, made by esbuild at build time: the pages' Plot module
// (plot-bundle.ts) and the simulation worker (src/data/simulation-worker.js.ts), which Framework would not bundle whole.
import {build, type BuildOptions} from "esbuild";

export async function browserModule(entry: Pick<BuildOptions, "entryPoints" | "stdin" | "banner" | "legalComments">): Promise<string> {
  const result = await build({...entry, bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, write: false});
  return result.outputFiles[0]!.text;
}
