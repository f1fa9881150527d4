// Reading field-readings files whole, as reading objects: files or folders (every *.csv and *.parquet below a
// folder), in sorted order so the result never depends on directory order. Each file is fingerprinted (SHA-256) for
// provenance and must be UTF-8 text (a Parquet file is read as the CSV text of its rows, lib/io/parquet.ts); the
// readings of all files are then checked as one set. For files too large to hold as objects, lib/io/scan-readings.ts.
import {createHash} from "node:crypto";
import {checkReadingSet, parseReadingsCsv, untraceableReadings} from "../readings/index.js";
import type {Reading} from "../readings/types.js";
import type {Problem} from "./problems.js";
import {MAX_WHOLE_FILE_BYTES, readInput} from "./open-input.js";
import {readingsFormat, resolveReadingsPaths} from "./readings-files.js";

export interface ReadingsFile {
  path: string;
  sha256: string;
  /** Readings parsed from the file (rows with errors are not counted). */
  rows: number;
}

export interface ReadReadingsResult {
  readings: Reading[];
  problems: Problem[];
  files: ReadingsFile[];
}

const decoder = new TextDecoder("utf-8", {fatal: true});

export {MAX_WHOLE_FILE_BYTES};

/** One file through the parser, without the checks across files (checkReadingSet). */
export async function readReadingsFile(path: string, options: {now: Date}): Promise<{file: ReadingsFile; readings: Reading[]; problems: Problem[]}> {
  // Larger files are refused rather than read whole: a file of millions of readings belongs to lib/io/scan-readings.ts.
  const read = await readInput(path, {
    tooLarge: `the file is larger than ${MAX_WHOLE_FILE_BYTES / 2 ** 20} MB; files over ${MAX_WHOLE_FILE_BYTES / 2 ** 20} MB are not read whole: split it by month or device, or fit it with the streaming reader (lib/io/stream-readings.ts, npm run bench shows how)`
  });
  if (!read.ok) return {file: {path, sha256: "", rows: 0}, readings: [], problems: [read.problem]};
  const bytes = read.bytes;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  if (readingsFormat(path) === "parquet") {
    const converted = await parquetText(path);
    if ("problem" in converted) return {file: {path, sha256, rows: 0}, readings: [], problems: [converted.problem]};
    text = converted.text;
  } else {
    try {
      text = decoder.decode(bytes);
    } catch {
      return {
        file: {path, sha256, rows: 0}, readings: [],
        problems: [{severity: "error", file: path, message: "the file is not UTF-8 text (it may be a spreadsheet or another binary file); export the readings as a UTF-8 CSV file"}]
      };
    }
  }
  const parsed = parseReadingsCsv(text, path, options);
  return {file: {path, sha256, rows: parsed.readings.length}, readings: parsed.readings, problems: parsed.problems};
}

/** A Parquet file's rows as CSV text (lib/io/parquet.ts), through DuckDB, loaded only for Parquet. */
async function parquetText(path: string): Promise<{text: string} | {problem: Problem}> {
  const [{openDb}, {parquetAsCsv}] = await Promise.all([import("./duckdb.js"), import("./parquet.js")]);
  const db = await openDb();
  try {
    const result = await parquetAsCsv(db, path);
    return "problem" in result ? {problem: {severity: "error", file: path, line: 1, message: result.problem}} : result;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
    return {problem: {severity: "error", file: path, message: `is not a readable Parquet file (${reason}); export the readings as Parquet or UTF-8 CSV`}};
  } finally {
    db.close();
  }
}

export async function readReadingsPaths(paths: string[], options: {now: Date}): Promise<ReadReadingsResult> {
  const problems: Problem[] = [];
  const readings: Reading[] = [];
  const files: ReadingsFile[] = [];

  const resolved = await resolveReadingsPaths(paths);
  for (const p of resolved.problems) problems.push(p);

  for (const path of resolved.files) {
    const one = await readReadingsFile(path, options);
    // One at a time: spreading a million readings into push() overflows the call stack.
    for (const p of one.problems) problems.push(p);
    for (const r of one.readings) readings.push(r);
    if (one.file.sha256 !== "") files.push(one.file);
  }
  for (const p of checkReadingSet(readings)) problems.push(p);
  for (const p of untraceableReadings(readings)) problems.push(p);
  return {readings, problems, files};
}
