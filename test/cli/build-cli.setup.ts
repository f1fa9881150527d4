// Global setup of the unit tests: compile the command line first, so tests that run the real `xray-dose` binary
// (bin/xray-dose.js loads build/cli/) test the code as it is now, not an earlier build; and bundle the pages' Plot
// module (src/components/plot.js), which the chart components import.
import {buildCli} from "../../scripts/build-cli.js";
import {bundlePlot} from "../../scripts/site/plot-bundle.js";

export default async function setup(): Promise<void> {
  await Promise.all([buildCli(), bundlePlot()]);
}
