// DuckDB, embedded (no server), for reading and aggregating readings files too large for JavaScript objects. Loaded
// only by the code paths that need it, so commands that never touch a large file start without it.
import {mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";

export interface Db {
  connection: DuckDBConnection;
  /** Rows as plain objects; integers that DuckDB returns as bigint become numbers (counts and line numbers fit). */
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
  close(): void;
}

/**
 * DuckDB's own memory limit. It spills larger intermediate results to a temporary folder instead of growing, which
 * keeps a 10⁷-reading file within the product's 2 GB budget (docs/performance.md).
 */
export const DUCKDB_MEMORY_LIMIT = "1GB";

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

export async function openDb(): Promise<Db> {
  // A CommonJS package: bundled (the compiled CLI), its exports arrive on the default export.
  const api = (await import("@duckdb/node-api")) as typeof import("@duckdb/node-api") & {default?: typeof import("@duckdb/node-api")};
  const DuckDBInstance = api.DuckDBInstance ?? api.default!.DuckDBInstance;
  const spill = join(tmpdir(), "xray-dose-duckdb");
  mkdirSync(spill, {recursive: true});
  const instance: DuckDBInstance = await DuckDBInstance.create(":memory:", {
    memory_limit: DUCKDB_MEMORY_LIMIT, temp_directory: spill, preserve_insertion_order: "true"
  });
  const connection = await instance.connect();
  return {
    connection,
    async all<T>(sql: string): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
    },
    async run(sql: string): Promise<void> {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

/** A SQL string literal. */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL double literal that reads back as exactly the same number. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} has no SQL literal`);
  return `CAST(${sqlText(String(value))} AS DOUBLE)`;
}

/** A quoted SQL identifier. */
export function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
