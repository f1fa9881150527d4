// One published table as JSON, with each column's unit and meaning: data/tables/<name>.json.
import {parseArgs} from "node:util";
import {tableToJson} from "../../../lib/publish/table-files.js";
import {runLoader} from "../loader-runtime.js";
import {publishFromDisk} from "../publish-from-disk.js";
import {pickTable} from "./pick-table.js";

const {values} = parseArgs({options: {table: {type: "string"}}});
await runLoader(async () => tableToJson(pickTable((await publishFromDisk()).tables, values.table)));
