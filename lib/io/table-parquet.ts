// A published table as Parquet: exact values with their types, for tables too large to offer as JSON (the readings
// of a continuous monitor). Written through DuckDB, in Node only: pages link to the file, they never parse it.
import type {Table} from "../publish/table-files.js";
import {openDb, sqlName, sqlText} from "./duckdb.js";

type ColumnType = "DOUBLE" | "BOOLEAN" | "VARCHAR";

function columnType(table: Table, name: string): ColumnType {
  for (const row of table.rows) {
    const v = row[name];
    if (v === null || v === undefined) continue;
    return typeof v === "number" ? "DOUBLE" : typeof v === "boolean" ? "BOOLEAN" : "VARCHAR";
  }
  return "VARCHAR";
}

/** Writes the table's columns (and only those) to a Parquet file (zstd), in row order. */
export async function writeTableParquet(table: Table, path: string): Promise<void> {
  const db = await openDb();
  try {
    const types = table.columns.map((c) => columnType(table, c.name));
    await db.run(`CREATE TEMP TABLE t (${table.columns.map((c, i) => `${sqlName(c.name)} ${types[i]}`).join(", ")})`);
    const appender = await db.connection.createAppender("t");
    for (const row of table.rows) {
      table.columns.forEach((c, i) => {
        const v = row[c.name];
        if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) appender.appendNull();
        else if (types[i] === "DOUBLE") appender.appendDouble(v as number);
        else if (types[i] === "BOOLEAN") appender.appendBoolean(v as boolean);
        else appender.appendVarchar(String(v));
      });
      appender.endRow();
    }
    appender.closeSync();
    await db.run(`COPY t TO ${sqlText(path)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    db.close();
  }
}
