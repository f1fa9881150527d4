// The readings table as Parquet (exact values with their types): data/tables/readings.parquet, beside the CSV, for a
// table that grows with the data. Pages link to it; they do not read it.
import {createReadStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {parseArgs} from "node:util";
import {runLoader} from "../loader-runtime.js";
import {LARGE_TABLE, readingsTableFile} from "../publish-from-disk.js";

const {values} = parseArgs({options: {table: {type: "string"}}});
await runLoader(async () => {
  if (values.table !== LARGE_TABLE) throw new Error(`only the ${LARGE_TABLE} table is published as Parquet, not "${values.table}"`);
  await pipeline(createReadStream(await readingsTableFile("parquet")), process.stdout, {end: false});
  return "";
});
