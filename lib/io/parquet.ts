// Readings in Parquet files: the same columns as the CSV format, each either text (as it would be written in the CSV)
// or a type with one text form — numbers as DuckDB writes them (shortest round-trip form), dates as YYYY-MM-DD,
// instants with a time zone as ISO 8601 in UTC, booleans as true/false. An instant without a time zone becomes text
// without an offset, which the parser refuses as ambiguous, as it would in a CSV file. A row of a Parquet file is
// reported as the line it would be on in a CSV export with a header: row 1 is line 2.
import type {Db} from "./duckdb.js";
import {sqlName, sqlText} from "./duckdb.js";

export interface ParquetColumn {
  name: string;
  type: string;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;

/** The columns of a Parquet file; throws DuckDB's error when it is not one. */
export async function parquetColumns(db: Db, path: string): Promise<ParquetColumn[]> {
  const rows = await db.all<{column_name: string; column_type: string}>(`DESCRIBE SELECT * FROM read_parquet(${sqlText(path)}, hive_partitioning = false)`);
  return rows.map((r) => ({name: r.column_name, type: r.column_type}));
}

/** The text form of a column, or null when its type has none (lists, structs, blobs). */
export function textOf(column: ParquetColumn, alias: string): string | null {
  const c = sqlName(column.name);
  if (column.type === "VARCHAR") return `${c} AS ${alias}`;
  if (NUMERIC.test(column.type)) return `CAST(${c} AS VARCHAR) AS ${alias}`;
  if (column.type === "BOOLEAN") return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END AS ${alias}`;
  if (column.type === "DATE") return `strftime(${c}, '%Y-%m-%d') AS ${alias}`;
  if (column.type === "TIMESTAMP WITH TIME ZONE") return `strftime(timezone('UTC', ${c}), '%Y-%m-%dT%H:%M:%S.%gZ') AS ${alias}`;
  if (column.type.startsWith("TIMESTAMP")) return `strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g') AS ${alias}`;
  return null;
}

/** The file as all-text columns c0, c1, … in order, or the name of a column that has no text form. */
export function parquetTextSql(path: string, columns: readonly ParquetColumn[]): {sql: string} | {unsupported: ParquetColumn} {
  const parts: string[] = [];
  for (const [k, column] of columns.entries()) {
    const text = textOf(column, `c${k}`);
    if (text === null) return {unsupported: column};
    parts.push(text);
  }
  return {sql: `SELECT ${parts.join(", ")} FROM read_parquet(${sqlText(path)}, hive_partitioning = false)`};
}

/** One CSV line from text fields: every non-empty field quoted, so the parser reads the values back exactly. */
export function csvLine(fields: readonly (string | null)[]): string {
  return fields.map((f) => (f === null || f === "" ? "" : `"${f.replaceAll('"', '""')}"`)).join(",");
}

export const UNSUPPORTED_COLUMN = (c: ParquetColumn) =>
  `column "${c.name}" of the Parquet file has type ${c.type}, which has no text form in the readings format; store it as text or as a number`;

/**
 * The whole Parquet file as CSV text with a header, for the parser (small files, and files the SQL checks cannot
 * certify). Throws DuckDB's error when the file is not Parquet.
 */
export async function parquetAsCsv(db: Db, path: string): Promise<{text: string} | {problem: string}> {
  const columns = await parquetColumns(db, path);
  const source = parquetTextSql(path, columns);
  if ("unsupported" in source) return {problem: UNSUPPORTED_COLUMN(source.unsupported)};
  const rows = await db.connection.runAndReadAll(source.sql);
  const lines = [csvLine(columns.map((c) => c.name))];
  for (const row of rows.getRowsJS()) lines.push(csvLine(row as (string | null)[]));
  return {text: lines.join("\n") + "\n"};
}
