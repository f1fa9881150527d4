#!/usr/bin/env node
// The `xray-dose` command: the command line compiled to JavaScript (scripts/build-cli.ts, run by npm install and
// npm ci), so that it starts without compiling TypeScript on every call.
let main;
try {
  ({main} = await import("../build/cli/main.js"));
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("build/cli/main.js")) throw error;
  process.stderr.write("xray-dose: the command line is not compiled; run `npm run build:cli` (npm install does it)\n");
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
