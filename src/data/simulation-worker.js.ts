// The simulation Web Worker as one self-contained module script. Framework bundles a page's imports but not a
// worker's, so esbuild bundles lib/simulation/worker.ts and its d3-random dependency here, at build time.
import {browserModule} from "../../scripts/site/browser-module.js";
import {runLoader} from "./loader-runtime.js";

await runLoader(() => browserModule({entryPoints: ["lib/simulation/worker.ts"], legalComments: "none"}));
