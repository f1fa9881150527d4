// The reference of `npm run bench`: DuckDB reading a readings file (CSV or Parquet) and aggregating per device, as a
// whole process (node, DuckDB's load, the query), the work of reading the file and nothing of checking it.
import {DuckDBInstance} from "@duckdb/node-api";

const file = process.argv[2];
const source = file.endsWith(".parquet") ? `read_parquet('${file}')` : `read_csv('${file}')`;
const connection = await (await DuckDBInstance.create(":memory:")).connect();
const result = await connection.runAndReadAll(`SELECT device_id, count(*), avg(dose / duration), avg(distance) FROM ${source} GROUP BY device_id`);
console.log(result.getRowsJS().length);
