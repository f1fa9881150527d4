// The parts of Observable Plot the pages use, as one module: src/components/plot.js, which
// scripts/site/plot-bundle.ts makes from this list with esbuild (tree-shaken, d3 included) before every build, preview
// and test run. Pages and components import Plot from here, never from "@observablehq/plot": Framework 1.13 bundles each
// npm package on its own and keeps Plot's `import … from "d3"`, so a page importing Plot directly would preload all
// thirty d3 modules (docs/dependencies.md). A mark not listed here is a type error: add it to the list.
export {areaY, arrow, barY, binX, contour, dot, identity, line, plot, raster, rectY, ruleX, ruleY, text} from "@observablehq/plot";
