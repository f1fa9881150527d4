#!/usr/bin/env node
// The `xray-dose` command. The product is written in TypeScript; tsx (a runtime dependency) compiles it on load.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
