// One published table as CSV, spreadsheet-safe: data/tables/<name>.csv.
import {parseArgs} from "node:util";
import {tableToCsv} from "../../../lib/publish/table-files.js";
import {runLoader} from "../loader-runtime.js";
import {publishFromDisk} from "../publish-from-disk.js";
import {pickTable} from "./pick-table.js";

const {values} = parseArgs({options: {table: {type: "string"}}});
await runLoader(async () => tableToCsv(pickTable((await publishFromDisk()).tables, values.table)));
