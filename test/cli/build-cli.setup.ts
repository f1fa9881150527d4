// Global setup of the unit tests: compile the command line first, so tests that run the real `xray-dose` binary
// (bin/xray-dose.js loads build/cli/) test the code as it is now, not an earlier build.
import {buildCli} from "../../scripts/build-cli.js";

export default async function setup(): Promise<void> {
  await buildCli();
}
