// One published table as JSON, with each column's unit and meaning: data/tables/<name>.json.
import {parseArgs} from "node:util";
import {tableToJson} from "../../../lib/publish/table-files.js";
import {runLoader} from "../loader-runtime.js";
import {LARGE_TABLE, publishFromDisk} from "../publish-from-disk.js";
import {pickTable} from "./pick-table.js";

const {values} = parseArgs({options: {table: {type: "string"}}});
await runLoader(async () => {
  // The readings table grows with the data: it is published as CSV and Parquet only.
  if (values.table === LARGE_TABLE) throw new Error(`the ${LARGE_TABLE} table is published as CSV and Parquet, not JSON`);
  return tableToJson(pickTable((await publishFromDisk()).tables, values.table));
});
