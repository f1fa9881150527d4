// Everything the pages show, except the large tables (those are in data/tables/).
import {runLoader} from "./loader-runtime.js";
import {publishFromDisk} from "./publish-from-disk.js";

await runLoader(async () => JSON.stringify((await publishFromDisk()).publication) + "\n");
