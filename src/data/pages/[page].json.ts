// One page's data: data/pages/<page>.json, the part of the publication that page shows (lib/publish/page-data.ts).
import {parseArgs} from "node:util";
import {pageData} from "../../../lib/publish/page-data.js";
import {runLoader} from "../loader-runtime.js";
import {publishFromDisk} from "../publish-from-disk.js";

const {values} = parseArgs({options: {page: {type: "string"}}});
await runLoader(async () => JSON.stringify(pageData(values.page, await publishFromDisk())) + "\n");
