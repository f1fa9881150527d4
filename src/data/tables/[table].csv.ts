// One published table as CSV, spreadsheet-safe: data/tables/<name>.csv. The readings table, which grows with the data,
// is copied from the file publishFromDisk wrote.
import {createReadStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {parseArgs} from "node:util";
import {tableToCsv} from "../../../lib/publish/table-files.js";
import {runLoader} from "../loader-runtime.js";
import {LARGE_TABLE, publishFromDisk, readingsTableFile} from "../publish-from-disk.js";
import {pickTable} from "./pick-table.js";

const {values} = parseArgs({options: {table: {type: "string"}}});
await runLoader(async () => {
  if (values.table === LARGE_TABLE) {
    await pipeline(createReadStream(await readingsTableFile("csv")), process.stdout, {end: false});
    return "";
  }
  return tableToCsv(pickTable((await publishFromDisk()).tables, values.table));
});
