// Readings at any volume: files validated by SQL in DuckDB (CSV and Parquet), every problem still reported by the
// TypeScript parser with its exact text, line and column, and kept in DuckDB as numbers for fitting.
//
// For each file DuckDB decides, row by row, whether the row is certainly clean (lib/io/readings-sql.ts). Rows it
// cannot certify, and every row whose reading id occurs more than once, are re-read by the parser from the file's
// own text at their own lines: the parser says whatever it says, so problems are identical by construction. A file
// DuckDB cannot map row to line (a quoted field spanning lines, an empty line between rows, a NUL byte, a header the
// parser would complain about) or cannot read at all (wrong field counts, broken quotes, not UTF-8) is read whole by
// the parser instead. Small files are read by the parser too: below DUCKDB_FROM_BYTES starting DuckDB costs more than
// it saves (the parser reads about 130 000 rows a second, DuckDB needs about 0.1 s to start).
//
// The set-level checks of lib/readings/check.ts (ids repeated across files, readings far off their device's others)
// run as SQL over all readings, and only the readings they single out come back, as parsed objects, to the same
// message functions. Fits need only groups (lib/models/grouped.ts) and the readings flagged against a fit. Readings
// the RSO's reviews exclude are looked up by id (readingsWithIds) and set aside by their file and line (exclude).
import {basename} from "node:path";
import {parseReadingsCsv, REQUIRED_COLUMNS} from "../readings/parse.js";
import {duplicateAcrossFiles, farOffGroupKey, farOffProblem, farOffValue, FAR_OFF_MIN_LOG10, FAR_OFF_MIN_READINGS, FAR_OFF_MODIFIED_Z, UNTRACEABLE_LINES_LISTED, untraceableProblem} from "../readings/check.js";
import {QUANTITIES, QUANTITY_UNIT, type Quantity, type Reading} from "../readings/types.js";
import {mixedQuantitiesWarning, readingsToPoints} from "../models/points.js";
import type {ReadingGroup} from "../models/grouped.js";
import {FLAG_SIGMA} from "../models/fit.js";
import type {FitResult} from "../models/types.js";
import type {Problem} from "./problems.js";
import {openDb, sqlNumber, sqlText, type Db} from "./duckdb.js";
import {probeUnits, validationSql, groupingSql, sectorSql, RATE, RATE_SIGMA} from "./readings-sql.js";
import {readingsFormat, resolveReadingsPaths, type ReadingsFormat} from "./readings-files.js";
import {readLines, scanCsvBytes} from "./csv-bytes.js";
import {convertGroupRows, convertValue, type DoseConversion, type GroupRow} from "./group-rows.js";
import {csvLine, parquetAsCsv, parquetColumns, parquetTextSql, UNSUPPORTED_COLUMN} from "./parquet.js";
import {readReadingsFile, readReadingsPaths, MAX_WHOLE_FILE_BYTES} from "./read-readings.js";
import {streamReadingsFile} from "./stream-readings.js";
import {predictionSql} from "./model-sql.js";

/** Files this size or larger are validated by DuckDB; smaller ones by the parser (see above). */
export const DUCKDB_FROM_BYTES = 2 * 2 ** 20;
/** Flagged readings returned by a check, at most (all are counted; --residuals writes every one). */
export const MAX_FLAGGED = 1_000;

export interface ScanOptions {
  /** The current time (lib/io/clock.ts): a reading dated after it is an error. */
  now: Date;
  /** Override DUCKDB_FROM_BYTES (tests force either engine with 0 or Infinity). */
  duckdbFromBytes?: number;
}

export interface ScannedFile {
  path: string;
  format: ReadingsFormat;
  sha256: string;
  /** Valid readings in the file. */
  rows: number;
  /** Which reader validated the file. */
  engine: "duckdb" | "typescript";
  /** Rows of a DuckDB-validated file that SQL could not certify (or whose id repeats), re-read by the parser. */
  reread: number;
}

export interface DeviceSummary {
  device_id: string;
  readings: number;
  censored: number;
  first_ms: number;
  last_ms: number;
  /** Readings per quantity, quantities in the order they first appear. */
  quantities: {quantity: Quantity; readings: number}[];
}

export type {DoseConversion} from "./group-rows.js";

/** A reading singled out by a check, with where it is and what the fit says about it. */
export interface CheckedReading {
  reading: Reading;
  distance_m: number;
  /** Net rate and its σ (µSv/h), the fit's prediction, (observed − predicted)/σ. */
  observed: number;
  sigma: number;
  predicted: number;
  normalised: number;
}

export interface ReadingsCheck {
  /** Readings beyond FLAG_SIGMA of the fit, in file and line order, at most MAX_FLAGGED. */
  flagged: CheckedReading[];
  flaggedCount: number;
  /** Readings below detection where the fit predicts more than their MDL rate + FLAG_SIGMA σ (at most MAX_FLAGGED). */
  inconsistent: (CheckedReading & {mdl_rate_uSv_per_h: number})[];
  inconsistentCount: number;
  compared: number;
  censored: number;
}

export interface ReadingsScan {
  files: ScannedFile[];
  /** Every problem, in the order and words of readReadingsPaths. */
  problems: Problem[];
  /** Valid readings. */
  readings: number;
  devices: DeviceSummary[];
  /**
   * The valid readings as objects when they were read whole (inputs under DUCKDB_FROM_BYTES, the parser's engine);
   * null when they stay in DuckDB. What needs every reading as an object (a single reading's influence) uses them.
   */
  held: readonly Reading[] | null;
  /** The valid readings with these ids, as objects (the readings reviews name); an id no valid reading has is left out. */
  readingsWithIds(ids: readonly string[]): Promise<Reading[]>;
  /**
   * Sets these readings (from this scan: held or readingsWithIds) aside, as the RSO's reviews exclude them
   * (lib/reviews): from then on they take no part in fitProblems, groups, check or writeResiduals. The problems,
   * device summaries, held readings and archive still have every valid reading.
   */
  exclude(readings: readonly Reading[]): Promise<void>;
  /** Problems a fit of one device raises (readingsToPoints: unusable uncertainties, quantities mixed). */
  fitProblems(device_id: string): Promise<Problem[]>;
  /** The device's fit-ready readings grouped by sector and distance bin, rates in µSv/h of H*(10). */
  groups(device_id: string, conversion: DoseConversion): Promise<ReadingGroup[]>;
  /** The device's readings against a fit: flagged residuals and inconsistent readings below detection. */
  check(device_id: string, fit: FitResult, conversion: DoseConversion): Promise<ReadingsCheck>;
  /** Every reading's residual against the fit, written as Parquet or CSV (by the file's extension); returns the count. */
  writeResiduals(path: string, device_id: string, fit: FitResult, conversion: DoseConversion): Promise<number>;
  /**
   * Every valid reading written to a folder as Parquet partitioned by device and year (device_id=…/year=…/), in the
   * format's columns and canonical units (distances in m, durations in s, doses in µSv, µGy or µR, uncertainties as
   * values), ids made explicit: the archive reads back as the same readings. Returns the count.
   */
  writeArchive(dir: string): Promise<number>;
  close(): void;
}

interface FileState extends Omit<ScannedFile, "reread"> {
  index: number;
  table: string | null;
  header: string[] | null;
  /** The file as all-text columns c0, c1, … (the validation query's input), and the units SQL accepted in it. */
  source: string | null;
  units: ReturnType<typeof probeUnits> | null;
  /** Streamed through the parser (too large to read whole, and not certified by SQL). */
  streamed: boolean;
  /** Lines (of table rows) whose readings the parser holds instead of the table. */
  excluded: number[];
}

/** Reads and validates readings files with whichever reader suits each; see the head of this file. */
export async function scanReadings(paths: readonly string[], options: ScanOptions): Promise<ReadingsScan> {
  const threshold = options.duckdbFromBytes ?? DUCKDB_FROM_BYTES;
  const resolved = await resolveReadingsPaths(paths);
  const sizes = await Promise.all(resolved.files.map(async (f) => {
    try {
      return (await import("node:fs/promises")).stat(f).then((s) => s.size);
    } catch {
      return 0;
    }
  }));
  const needsDb = resolved.files.some((f, i) => readingsFormat(f) === "parquet" || sizes[i]! >= threshold);
  if (!needsDb) return typescriptScan(resolved.files, resolved.problems, options);
  const db = await openDb();
  try {
    return await duckdbScan(db, resolved.files, sizes, resolved.problems, options, threshold);
  } catch (error) {
    db.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Small inputs: every reading an object, the library's own functions throughout.

async function typescriptScan(files: string[], pathProblems: Problem[], options: ScanOptions): Promise<ReadingsScan> {
  const read = await readReadingsPaths(files, options);
  const problems = [...pathProblems, ...read.problems];
  const readings = read.readings;
  const byDevice = new Map<string, Reading[]>();
  for (const r of readings) {
    let list = byDevice.get(r.device_id);
    if (!list) byDevice.set(r.device_id, (list = []));
    list.push(r);
  }
  const devices = [...byDevice.keys()].sort().map((id) => summarise(id, byDevice.get(id)!));
  const setAside = new Set<string>();
  const fitted = (device_id: string) => (byDevice.get(device_id) ?? []).filter((r) => !setAside.has(placeKey(r.source)));
  const pointsOf = (device_id: string, conversion: DoseConversion) =>
    readingsToPoints(fitted(device_id), {toDoseEquivalent: (v, r) => convertValue(v, r.quantity, conversion)});
  return {
    files: read.files.map((f) => ({...f, format: readingsFormat(f.path), engine: "typescript" as const, reread: 0})),
    problems, readings: readings.length, devices, held: readings,
    async readingsWithIds(ids) {
      const wanted = new Set(ids);
      return readings.filter((r) => wanted.has(r.reading_id));
    },
    async exclude(excluded) {
      for (const r of excluded) setAside.add(placeKey(r.source));
    },
    async fitProblems(device_id) {
      return pointsOf(device_id, identityConversion()).problems;
    },
    async groups(device_id, conversion) {
      const {groupPoints} = await import("../models/grouped.js");
      return groupPoints(pointsOf(device_id, conversion).points);
    },
    async check(device_id, fit, conversion) {
      const {checkAgainstFit} = await import("../models/grouped.js");
      const {points} = pointsOf(device_id, conversion);
      const result = checkAgainstFit(points, fit);
      const byId = new Map(fitted(device_id).map((r) => [r.reading_id, r]));
      const pointById = new Map(points.map((p) => [p.reading_id, p]));
      return {
        flagged: result.flagged.slice(0, MAX_FLAGGED).map((f) => ({
          reading: byId.get(f.reading_id)!, distance_m: f.distance_m, observed: f.observed, sigma: pointById.get(f.reading_id)!.sigma_uSv_per_h,
          predicted: f.predicted, normalised: f.normalised
        })),
        flaggedCount: result.flagged.length,
        inconsistent: result.inconsistent.slice(0, MAX_FLAGGED).map((c) => {
          const p = pointById.get(c.reading_id)!;
          return {reading: byId.get(c.reading_id)!, distance_m: c.distance_m, observed: p.rate_uSv_per_h, sigma: p.sigma_uSv_per_h, predicted: c.predicted,
            normalised: (p.rate_uSv_per_h - c.predicted) / p.sigma_uSv_per_h, mdl_rate_uSv_per_h: c.mdl_rate_uSv_per_h!};
        }),
        inconsistentCount: result.inconsistent.length,
        compared: result.compared, censored: result.censored
      };
    },
    async writeResiduals(path, device_id, fit, conversion) {
      const db = await openDb();
      try {
        await createReadingsTable(db, "ts_rows");
        await appendReadings(db, "ts_rows", fitted(device_id).map((r) => ({reading: r, fileIndex: read.files.findIndex((f) => f.path === r.source.file)})));
        return await copyResiduals(db, path, "SELECT * FROM ts_rows", read.files.map((f) => f.path), device_id, fit, conversion);
      } finally {
        db.close();
      }
    },
    async writeArchive(dir) {
      const db = await openDb();
      try {
        await appendArchive(db, readings);
        return await copyArchive(db, dir, []);
      } finally {
        db.close();
      }
    },
    close() {}
  };
}

/** A reading's place (file and line): what identifies a reading set aside, in either engine. */
function placeKey(source: {file: string; line: number}): string {
  return `${source.line}:${source.file}`;
}

function summarise(device_id: string, readings: readonly Reading[]): DeviceSummary {
  const quantities = new Map<Quantity, number>();
  let first = Infinity;
  let last = -Infinity;
  let censored = 0;
  for (const r of readings) {
    quantities.set(r.quantity, (quantities.get(r.quantity) ?? 0) + 1);
    if (r.measured_at_ms < first) first = r.measured_at_ms;
    if (r.measured_at_ms > last) last = r.measured_at_ms;
    if (r.censored) censored++;
  }
  return {device_id, readings: readings.length, censored, first_ms: first, last_ms: last, quantities: [...quantities].map(([quantity, n]) => ({quantity, readings: n}))};
}

function identityConversion(): DoseConversion {
  return Object.fromEntries(QUANTITIES.map((q) => [q, []]));
}

// ---------------------------------------------------------------------------------------------------------------
// Large inputs: DuckDB.

/** Columns of the normalised readings every later query reads (file tables and the parser's rows alike). */
const ROW_COLUMNS = `file_index INTEGER, line BIGINT, id_hash UBIGINT, device_id VARCHAR, quantity UTINYINT, angle_deg DOUBLE, distance_m DOUBLE,
  net DOUBLE, duration_s DOUBLE, sigma DOUBLE, mdl DOUBLE, censored BOOLEAN, ms BIGINT, instrument VARCHAR, instrument_type VARCHAR,
  calibration_uncertainty DOUBLE, energy_response_uncertainty DOUBLE`;

async function createReadingsTable(db: Db, name: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${name} (${ROW_COLUMNS}, reading_id VARCHAR)`);
}

/**
 * The fit σ of a parsed reading, as readingsToPoints takes it; 0 when it cannot be fitted: no usable uncertainty, or a
 * duration of elapsed time, whose beam-on time needs the deployment log (readingsToPoints reports both).
 */
function fitSigma(r: Reading): number {
  if (r.duration_basis === "elapsed") return 0;
  let sigma = r.uncertainty ?? 0.2 * Math.abs(r.gross);
  if (!(sigma > 0) && r.mdl !== null && r.mdl > 0) sigma = r.mdl;
  return sigma > 0 ? sigma : 0;
}

/** Appends readings to a table of ROW_COLUMNS one at a time (synchronously, so a stream can feed it). */
async function readingsAppender(db: Db, table: string): Promise<{append(r: Reading, fileIndex: number): void; close(): Promise<void>}> {
  const appender = await db.connection.createAppender(table);
  const double = (v: number | null) => (v === null ? appender.appendNull() : appender.appendDouble(v));
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  return {
    append(r, fileIndex) {
      appender.appendInteger(fileIndex);
      appender.appendBigInt(BigInt(r.source.line));
      appender.appendNull(); // id_hash: computed from reading_id on close
      appender.appendVarchar(r.device_id);
      appender.appendUTinyInt(QUANTITIES.indexOf(r.quantity));
      double(r.angle_deg);
      appender.appendDouble(r.distance_m);
      appender.appendDouble(r.net);
      appender.appendDouble(r.duration_s);
      appender.appendDouble(fitSigma(r));
      double(r.mdl);
      appender.appendBoolean(r.censored);
      appender.appendBigInt(BigInt(r.measured_at_ms));
      // Never the dosimeter id in its place: without an instrument id it is a personal badge (lib/models/points.ts).
      text(r.instrument_id);
      text(r.instrument_type);
      double(r.calibration_uncertainty);
      double(r.energy_response_uncertainty);
      appender.appendVarchar(r.reading_id);
      appender.endRow();
    },
    async close() {
      appender.closeSync();
      await db.run(`UPDATE ${table} SET id_hash = hash(reading_id) WHERE id_hash IS NULL`);
    }
  };
}

async function appendReadings(db: Db, table: string, rows: Iterable<{reading: Reading; fileIndex: number}>): Promise<void> {
  const appender = await readingsAppender(db, table);
  for (const {reading, fileIndex} of rows) appender.append(reading, fileIndex);
  await appender.close();
}

const REQUIRED = new Set<string>(REQUIRED_COLUMNS);

/** A header the parser accepts without a word: names present, distinct, and every required column there. */
function plainHeader(names: readonly string[]): boolean {
  const trimmed = names.map((n) => n.trim());
  return trimmed.every((n) => n !== "") && new Set(trimmed).size === trimmed.length && [...REQUIRED].every((n) => trimmed.includes(n));
}

interface HeldReading {
  reading: Reading;
  fileIndex: number;
}

async function duckdbScan(db: Db, paths: string[], sizes: number[], pathProblems: Problem[], options: ScanOptions, threshold: number): Promise<ReadingsScan> {
  const problems: Problem[] = [...pathProblems];
  const files: FileState[] = [];
  /** Readings the parser produced (small files, files DuckDB could not certify, re-read rows), in reading order. */
  const held: HeldReading[] = [];
  /** Readings of files too large to hold, streamed by the parser into ts_rows directly; their fit problems. */
  const streamedProblems: {fileIndex: number; problem: Problem}[] = [];
  await createReadingsTable(db, "ts_rows");

  for (const [index, path] of paths.entries()) {
    const format = readingsFormat(path);
    const state: FileState = {index, path, format, sha256: "", rows: 0, engine: "typescript", table: null, header: null, source: null, units: null, streamed: false, excluded: []};
    files.push(state);
    const fileProblems: Problem[] = [];
    const parsedHere: Reading[] = [];
    const viaDb = format === "parquet" ? await parquetInDb(db, state, options, fileProblems, parsedHere)
      : sizes[index]! >= threshold ? await csvInDb(db, state, options, fileProblems, parsedHere) : false;
    if (!viaDb) {
      state.engine = "typescript";
      if (format === "parquet") {
        await parquetByParser(db, state, options, fileProblems, parsedHere);
      } else if (sizes[index]! > MAX_WHOLE_FILE_BYTES) {
        await streamIntoDb(db, state, options, fileProblems, streamedProblems);
      } else {
        // The checks across files run once, over every file, below.
        const read = await readReadingsFile(path, options);
        state.sha256 = read.file.sha256;
        for (const p of read.problems) fileProblems.push(p);
        for (const r of read.readings) parsedHere.push(r);
      }
    }
    for (const p of fileProblems) problems.push(p);
    for (const r of parsedHere) held.push({reading: r, fileIndex: index});
    state.rows += parsedHere.length;
  }
  await appendReadings(db, "ts_rows", held);

  const union = unionSql(files);
  for (const p of await setProblems(db, files, union, held, options.now)) problems.push(p);
  for (const p of await untraceableInDb(db, files, union)) problems.push(p);

  const devices = await deviceSummaries(db, union);
  // The readings a fit sees: every valid one but those set aside (exclude), left out by an anti-join on their place.
  let fitted = union;
  const setAside = new Set<string>();
  const heldByDevice = (device_id: string) => held.filter((h) => h.reading.device_id === device_id && !setAside.has(placeKey(h.reading.source))).map((h) => h.reading);

  return {
    files: files.map(({path, format, sha256, rows, engine, excluded}) => ({path, format, sha256, rows, engine, reread: excluded.length})),
    problems,
    readings: devices.reduce((s, d) => s + d.readings, 0),
    held: null,
    devices,
    async readingsWithIds(ids) {
      if (ids.length === 0) return [];
      // Candidates by the hash of the id (explicit, or file:line), then the parsed readings' own ids decide.
      await db.run(`CREATE OR REPLACE TEMP TABLE wanted_ids AS SELECT DISTINCT hash(id) AS h FROM (VALUES ${ids.map((id) => `(${sqlText(id)})`).join(", ")}) AS t(id)`);
      const at = await db.all<{file_index: number; line: number}>(`SELECT file_index, line FROM (${union}) WHERE ${idHashOf(files)} IN (SELECT h FROM wanted_ids) ORDER BY file_index, line`);
      const wanted = new Set(ids);
      const found = await readingsAt(db, files, held, at, options.now);
      return found.filter((r) => wanted.has(r.reading_id))
        .sort((a, b) => fileOrder(files, a.source.file) - fileOrder(files, b.source.file) || a.source.line - b.source.line);
    },
    async exclude(excluded) {
      for (const r of excluded) setAside.add(placeKey(r.source));
      if (setAside.size === 0) return;
      const places = [...setAside].map((key) => {
        const colon = key.indexOf(":");
        return `(${fileOrder(files, key.slice(colon + 1))}, ${Number(key.slice(0, colon))})`;
      });
      await db.run(`CREATE OR REPLACE TEMP TABLE set_aside AS SELECT * FROM (VALUES ${places.join(", ")}) AS t(file_index, line)`);
      fitted = `SELECT * FROM (${union}) u WHERE NOT EXISTS (SELECT 1 FROM set_aside s WHERE s.file_index = u.file_index AND s.line = u.line)`;
    },
    async fitProblems(device_id) {
      // Readings SQL certified all have a usable uncertainty; the parser's readings are checked as readingsToPoints does.
      const own = readingsToPoints(heldByDevice(device_id), {toDoseEquivalent: (v) => v}).problems.filter((p) => p.line !== undefined);
      const streamed = streamedProblems.filter((s) => s.problem.line !== undefined && !setAside.has(placeKey({file: s.problem.file, line: s.problem.line}))).map((s) => s.problem);
      const order = await firstAppearances(db, fitted, device_id);
      const all = [...own, ...streamed].sort((a, b) => fileOrder(files, a.file) - fileOrder(files, b.file) || a.line! - b.line!);
      const mixed = mixedQuantitiesWarning(order.firstFile === null ? "" : files[order.firstFile]!.path, order.quantities);
      return mixed ? [...all, mixed] : all;
    },
    async groups(device_id, conversion) {
      // On one thread: DuckDB adds a group's readings in whatever order its threads finish, so the sums' last bits (and
      // the fit's) would change from run to run. On one thread they are added in file order: the same files always
      // give the same fit, to the bit, and the site the same bytes.
      await db.run("SET threads = 1");
      try {
        const rows = await db.all<GroupRow>(groupingSql(`SELECT * FROM (${fitted}) WHERE device_id = ${sqlText(device_id)} AND sigma > 0`));
        return convertGroupRows(device_id, rows, conversion);
      } finally {
        await db.run("RESET threads");
      }
    },
    async check(device_id, fit, conversion) {
      return checkInDb(db, files, fitted, held, device_id, fit, conversion, options.now);
    },
    async writeResiduals(path, device_id, fit, conversion) {
      return copyResiduals(db, path, fitted, files.map((f) => f.path), device_id, fit, conversion, files);
    },
    async writeArchive(dir) {
      await appendArchive(db, held.map((h) => h.reading));
      for (const f of files.filter((f) => f.streamed)) {
        const batches: Reading[][] = [];
        await streamReadingsFile(f.path, {now: options.now, onReadings: (batch) => batches.push(batch)});
        for (const batch of batches) await appendArchive(db, batch);
      }
      const fromTables = files.filter((f) => f.table !== null).map((f) => `SELECT ${ARCHIVE_FROM_SQL(basename(f.path))}
        FROM (${validationSql({source: `SELECT row_number() OVER () + 1 AS line, * FROM (${f.source})`, header: f.header!, now: options.now, units: f.units!, quoted: true, archive: true})})
        WHERE clean${f.excluded.length > 0 ? ` AND line NOT IN (${f.excluded.join(", ")})` : ""}`);
      return copyArchive(db, dir, fromTables);
    },
    close() {
      db.close();
    }
  };
}

const fileIndexes = new WeakMap<readonly FileState[], Map<string, number>>();
/** A file's place in the order files are read (readings are compared in file, then line order). */
function fileOrder(files: readonly FileState[], path: string): number {
  let index = fileIndexes.get(files);
  if (!index) fileIndexes.set(files, (index = new Map(files.map((f) => [f.path, f.index]))));
  return index.get(path) ?? -1;
}

/** The relation of every valid reading: clean table rows not re-read, and the parser's rows. */
function unionSql(files: readonly FileState[]): string {
  const parts = files.filter((f) => f.table !== null).map((f) => `SELECT ${f.index} AS file_index, rowid + 2 AS line, id_hash, device_id, quantity, angle_deg,
      distance_m, net, duration_s, sigma, mdl, censored, ms, instrument, instrument_type, calibration_uncertainty, energy_response_uncertainty,
      CAST(NULL AS VARCHAR) AS reading_id
    FROM ${f.table} WHERE clean`);
  parts.push("SELECT * FROM ts_rows");
  return parts.join("\nUNION ALL\n");
}

/** CSV through DuckDB; false when the file must be read by the parser instead. */
async function csvInDb(db: Db, state: FileState, options: ScanOptions, fileProblems: Problem[], parsed: Reading[]): Promise<boolean> {
  const bytes = await scanCsvBytes(state.path);
  if (bytes === null) return false; // not a regular file that opens: the parser's reader reports it
  state.sha256 = bytes.sha256;
  if (!bytes.utf8 || bytes.nul || bytes.blankLineInside || bytes.header === null || bytes.header.includes('"')) return false;
  const header = bytes.header.split(",").map((h) => h.trim());
  if (!plainHeader(header)) return false;
  const columns = header.map((_, k) => `'c${k}': 'VARCHAR'`).join(", ");
  const source = `SELECT * FROM read_csv(${sqlText(state.path)}, header = false, skip = 1, delim = ',', quote = '"', escape = '"',
    columns = {${columns}}, auto_detect = false, strict_mode = true, null_padding = false)`;
  let sample;
  try {
    sample = await sampleUnits(db, source, header);
  } catch {
    return false; // DuckDB cannot read the file: the parser says why
  }
  return validateInDb(db, state, options, header, source, bytes.quoted, sample, fileProblems, parsed, (lines) => readLines(state.path, lines));
}

/** Parquet through DuckDB; false when the parser must read its text instead. */
async function parquetInDb(db: Db, state: FileState, options: ScanOptions, fileProblems: Problem[], parsed: Reading[]): Promise<boolean> {
  const {createHash} = await import("node:crypto");
  const {openInput} = await import("./open-input.js");
  const input = await openInput(state.path);
  if (!input.ok) {
    fileProblems.push(input.problem);
    state.engine = "duckdb";
    return true;
  }
  try {
    const hash = createHash("sha256");
    for await (const chunk of input.handle.createReadStream({highWaterMark: 8 << 20, autoClose: false}) as AsyncIterable<Buffer>) hash.update(chunk);
    state.sha256 = hash.digest("hex");
  } finally {
    await input.handle.close();
  }
  let columns;
  try {
    columns = await parquetColumns(db, state.path);
  } catch (error) {
    fileProblems.push({severity: "error", file: state.path, message: `is not a readable Parquet file (${firstLine(error)}); export the readings as Parquet or UTF-8 CSV`});
    state.engine = "duckdb";
    return true;
  }
  const header = columns.map((c) => c.name.trim());
  const text = parquetTextSql(state.path, columns);
  if ("unsupported" in text) {
    fileProblems.push({severity: "error", file: state.path, line: 1, column: text.unsupported.name, message: UNSUPPORTED_COLUMN(text.unsupported)});
    state.engine = "duckdb";
    return true;
  }
  if (!plainHeader(header)) return false;
  let sample;
  try {
    sample = await sampleUnits(db, text.sql, header);
  } catch {
    return false;
  }
  return validateInDb(db, state, options, header, text.sql, true, sample, fileProblems, parsed, (lines) => sourceLines(db, text.sql, lines));
}

/** The unit texts of a file's first rows: the parser decides which the SQL may accept (probeUnits). */
async function sampleUnits(db: Db, source: string, header: string[]): Promise<ReturnType<typeof probeUnits>> {
  const col = (name: string) => (header.includes(name) ? `c${header.indexOf(name)}` : "NULL");
  const rows = await db.all<{d: string | null; t: string | null; u: string | null}>(
    `SELECT DISTINCT ${col("distance_unit")} AS d, ${col("duration_unit")} AS t, ${col("dose_unit")} AS u FROM (SELECT * FROM (${source}) LIMIT 10000)`);
  const texts = (key: "d" | "t" | "u") => rows.map((r) => r[key]).filter((v): v is string => v !== null);
  return probeUnits({distance: texts("d"), duration: texts("t"), dose: texts("u")});
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^[A-Za-z ]+Error: /, "");

/** Rows the parser re-reads at once, at most (beyond, the file is read by the parser whole). */
const MAX_REREAD = 200_000;

async function validateInDb(
  db: Db, state: FileState, options: ScanOptions, header: string[], source: string, quoted: boolean, units: ReturnType<typeof probeUnits>,
  fileProblems: Problem[], parsed: Reading[], linesOf: (lines: number[]) => Promise<Map<number, string>>
): Promise<boolean> {
  const table = `file_${state.index}`;
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${validationSql({source, header, now: options.now, units, quoted})}`);
  } catch {
    // Wrong field counts, broken quoting, invalid text: the parser says exactly what is wrong.
    await db.run(`DROP TABLE IF EXISTS ${table}`);
    return false;
  }
  const [totals] = await db.all<{rows: number; unclean: number; multiline: boolean | null}>(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE NOT clean) AS unclean, bool_or(multiline) AS multiline FROM ${table}`);
  if (!totals || totals.rows === 0 || totals.multiline || totals.unclean > MAX_REREAD) {
    await db.run(`DROP TABLE ${table}`);
    return false;
  }
  const base = basename(state.path);
  const idHash = `coalesce(id_hash, hash(${sqlText(base + ":")} || (rowid + 2)))`;
  // Rows the parser re-reads: those SQL could not certify, and every row of an id that occurs twice (by hash; a
  // collision only costs a re-read). Derived ids (file:line) are unique unless an explicit id copies one.
  const reread = (await db.all<{line: number}>(`SELECT rowid + 2 AS line FROM ${table} WHERE NOT clean
    ${header.includes("reading_id") ? `UNION SELECT rowid + 2 AS line FROM ${table} WHERE ${idHash} IN (SELECT h FROM (SELECT ${idHash} AS h FROM ${table}) GROUP BY h HAVING count(*) > 1)` : ""}
    ORDER BY line`)).map((r) => r.line);
  if (reread.length > MAX_REREAD) {
    await db.run(`DROP TABLE ${table}`);
    return false;
  }
  state.engine = "duckdb";
  state.table = table;
  state.header = header;
  state.source = source;
  state.units = units;
  if (reread.length > 0) {
    const lines = await linesOf(reread);
    const result = parseLines(header, lines, reread, state.path, options.now);
    for (const p of result.problems) fileProblems.push(p);
    for (const r of result.readings) parsed.push(r);
    state.excluded = reread;
    await db.run(`CREATE OR REPLACE TEMP TABLE excluded AS SELECT unnest([${reread.join(", ")}]::BIGINT[]) - 2 AS rid`);
    await db.run(`UPDATE ${table} SET clean = false WHERE rowid IN (SELECT rid FROM excluded)`);
  }
  const [count] = await db.all<{n: number}>(`SELECT count(*) AS n FROM ${table} WHERE clean`);
  state.rows = count!.n;
  return true;
}

/**
 * The parser on some lines of a file at their own line numbers: the header, then each wanted line preceded by as many
 * empty lines as it takes to put it on its line (the parser skips empty lines but counts them). Rows of one reading id
 * are always in the same pass, so "also the id of the reading on line N" names the right line.
 */
function parseLines(header: string[], lines: Map<number, string>, wanted: readonly number[], path: string, now: Date) {
  const parts = [header.join(",")];
  let at = 1;
  for (const line of wanted) {
    parts.push("\n".repeat(line - at - 1) + (lines.get(line) ?? ""));
    at = line;
  }
  return parseReadingsCsv(parts.join("\n") + "\n", path, {now});
}

/**
 * Valid readings re-read from their lines, one after the other (no empty lines between: these readings have distinct
 * ids and no problems, so nothing the parser says depends on the lines), then put back on their own lines.
 */
function parseValidLines(header: string[], lines: Map<number, string>, wanted: readonly number[], path: string, now: Date): Reading[] {
  const base = basename(path);
  const parsed = parseReadingsCsv([header.join(","), ...wanted.map((l) => lines.get(l) ?? "")].join("\n") + "\n", path, {now});
  return parsed.readings.map((r) => {
    const line = wanted[r.source.line - 2]!;
    const derived = r.reading_id === `${base}:${r.source.line}`;
    r.source = {file: path, line};
    if (derived) r.reading_id = `${base}:${line}`;
    return r;
  });
}

/** Parquet the SQL cannot certify, or small: its text through the parser. */
async function parquetByParser(db: Db, state: FileState, options: ScanOptions, fileProblems: Problem[], parsed: Reading[]): Promise<void> {
  let text;
  try {
    text = await parquetAsCsv(db, state.path);
  } catch (error) {
    fileProblems.push({severity: "error", file: state.path, message: `is not a readable Parquet file (${firstLine(error)}); export the readings as Parquet or UTF-8 CSV`});
    return;
  }
  if ("problem" in text) {
    fileProblems.push({severity: "error", file: state.path, line: 1, message: text.problem});
    return;
  }
  const result = parseReadingsCsv(text.text, state.path, {now: options.now});
  for (const p of result.problems) fileProblems.push(p);
  for (const r of result.readings) parsed.push(r);
}

/** A CSV file too large to read whole that SQL cannot certify: streamed through the parser into ts_rows. */
/**
 * A CSV file too large to read whole that SQL cannot certify: streamed through the parser in batches, each batch's
 * readings appended to ts_rows as it comes (never all held). The streaming parser checks ids within a batch only;
 * ids repeated across batches are found by SQL afterwards and their lines re-read by the parser, which reports them
 * exactly as it would in one pass (and those readings leave ts_rows).
 */
async function streamIntoDb(db: Db, state: FileState, options: ScanOptions, fileProblems: Problem[], fitProblems: {fileIndex: number; problem: Problem}[]) {
  const appender = await readingsAppender(db, "ts_rows");
  const streamed = await streamReadingsFile(state.path, {
    now: options.now, maxProblems: 10_000,
    onReadings: (batch) => {
      for (const problem of readingsToPoints(batch, {toDoseEquivalent: (v) => v}).problems) if (problem.line !== undefined) fitProblems.push({fileIndex: state.index, problem});
      for (const reading of batch) appender.append(reading, state.index);
      state.rows += batch.length;
    }
  });
  await appender.close();
  state.sha256 = streamed.sha256;
  state.streamed = true;
  const repeated = (await db.all<{line: number}>(`SELECT line FROM ts_rows WHERE file_index = ${state.index} AND id_hash IN
      (SELECT id_hash FROM ts_rows WHERE file_index = ${state.index} GROUP BY id_hash HAVING count(*) > 1) ORDER BY line`)).map((r) => r.line);
  const duplicates: Problem[] = [];
  if (repeated.length > 0) {
    const header = (await readLines(state.path, [1])).get(1)!.replace(/^\uFEFF/, "").split(",").map((h) => h.trim());
    const reread = parseLines(header, await readLines(state.path, repeated), repeated, state.path, options.now);
    const dropped = new Set(reread.problems.filter((p) => p.severity === "error").map((p) => p.line!));
    for (const p of reread.problems) if (p.severity === "error") duplicates.push(p);
    if (dropped.size > 0) {
      await db.run(`DELETE FROM ts_rows WHERE file_index = ${state.index} AND line IN (${[...dropped].join(", ")})`);
      state.rows -= dropped.size;
    }
  }
  // In line order, the repeated ids among the parser's own problems (those without a line stay last).
  const lineOf = (p: Problem) => p.line ?? Infinity;
  for (const p of [...streamed.problems, ...duplicates].sort((a, b) => lineOf(a) - lineOf(b))) fileProblems.push(p);
}

// ---------------------------------------------------------------------------------------------------------------
// Set-level checks over every file.

/**
 * Valid readings at the given places, as objects: the parser's own where it holds them, else their lines re-read by the
 * parser (one pass per file; a file's valid readings have distinct ids, so none is taken for another's duplicate).
 */
async function readingsAt(db: Db, files: readonly FileState[], held: readonly HeldReading[], at: readonly {file_index: number; line: number}[], now: Date): Promise<Reading[]> {
  const heldAt = new Map(held.map((h) => [`${h.fileIndex}:${h.reading.source.line}`, h.reading]));
  const out: Reading[] = [];
  const byFile = new Map<number, number[]>();
  for (const a of at) {
    const own = heldAt.get(`${a.file_index}:${a.line}`);
    if (own) out.push(own);
    else {
      let list = byFile.get(a.file_index);
      if (!list) byFile.set(a.file_index, (list = []));
      list.push(a.line);
    }
  }
  for (const [index, lines] of byFile) {
    const file = files[index]!;
    const sorted = [...new Set(lines)].sort((a, b) => a - b);
    const text = file.format === "csv" ? await readLines(file.path, sorted) : await sourceLines(db, file.source!, sorted);
    for (const r of parseValidLines(file.header!, text, sorted, file.path, now)) out.push(r);
  }
  return out;
}

/** Rows of an all-text relation as CSV lines (a Parquet row has no text of its own: its fields, quoted). */
async function sourceLines(db: Db, source: string, lines: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < lines.length; i += 10_000) {
    const some = lines.slice(i, i + 10_000);
    const rows = await db.connection.runAndReadAll(`SELECT * EXCLUDE (row_number) FROM (SELECT row_number() OVER () AS row_number, * FROM (${source}))
      WHERE row_number IN (${some.map((l) => l - 1).join(", ")}) ORDER BY row_number`);
    rows.getRowsJS().forEach((row, k) => out.set(some[k]!, csvLine(row as (string | null)[])));
  }
  return out;
}

/** untraceableReadings (lib/readings/check.ts) over the readings in DuckDB: per file, the count and the first lines. */
async function untraceableInDb(db: Db, files: readonly FileState[], union: string): Promise<Problem[]> {
  // min(line, k) keeps the k smallest lines as it goes: no sort of millions of rows that name no instrument.
  const rows = await db.all<{file_index: number; n: number; lines: number[]}>(`SELECT file_index, count(*) AS n, min(line, ${UNTRACEABLE_LINES_LISTED}) AS lines
    FROM (${union}) WHERE instrument IS NULL GROUP BY file_index ORDER BY file_index`);
  return rows.map((r) => untraceableProblem(files[r.file_index]!.path, r.lines, r.n));
}

async function setProblems(db: Db, files: readonly FileState[], union: string, held: readonly HeldReading[], now: Date): Promise<Problem[]> {
  const problems: Problem[] = [];
  // Ids in more than one file: candidates by hash, decided on the parsed readings exactly as checkReadingSet does.
  if (files.length > 1) {
    const at = await db.all<{file_index: number; line: number}>(`WITH ids AS (SELECT file_index, line, ${idHashOf(files)} AS h FROM (${union}))
      SELECT file_index, line FROM ids WHERE h IN (SELECT h FROM ids GROUP BY h HAVING count(DISTINCT file_index) > 1) ORDER BY file_index, line`);
    if (at.length > 0) {
      const readings = await readingsAt(db, files, held, at, now);
      readings.sort((a, b) => fileOrder(files, a.source.file) - fileOrder(files, b.source.file) || a.source.line - b.source.line);
      const firstById = new Map<string, Reading>();
      for (const r of readings) {
        const first = firstById.get(r.reading_id);
        if (first === undefined) firstById.set(r.reading_id, r);
        else if (first.source.file !== r.source.file) problems.push(duplicateAcrossFiles(r, first));
      }
    }
  }
  // Far off: medians and MADs per device, quantity and angle in SQL; the candidates (with a margin for rounding)
  // come back and are judged by the same function as checkReadingSet, on x computed in JavaScript.
  const x = `log10(((net / duration_s) * 3600) * distance_m * distance_m)`;
  const stats = await db.all<{device_id: string; quantity: number; angle_deg: number | null; m: number; mad: number; n: number; first_file: number; first_line: number}>(`
    WITH eligible AS (SELECT *, ${x} AS x FROM (${union}) WHERE NOT censored AND net > 0 AND isfinite(${x}))
    SELECT device_id, quantity, angle_deg, median(x) AS m, mad(x) AS mad, count(*) AS n,
      arg_min(file_index, file_index * 4294967296 + line) AS first_file, arg_min(line, file_index * 4294967296 + line) AS first_line
    FROM eligible GROUP BY device_id, quantity, angle_deg HAVING count(*) >= ${FAR_OFF_MIN_READINGS}`);
  if (stats.length === 0) return problems;
  await db.run(`CREATE OR REPLACE TEMP TABLE far_stats AS SELECT * FROM (VALUES ${stats.map((s) =>
    `(${sqlText(s.device_id)}, ${s.quantity}, ${s.angle_deg === null ? "NULL::DOUBLE" : sqlNumber(s.angle_deg)}, ${sqlNumber(s.m)}, ${sqlNumber(s.mad)})`).join(", ")}) AS t(device_id, quantity, angle_deg, m, mad)`);
  // The candidates come back with the numbers the check needs: the same doubles the parser computes (same units,
  // same order of operations), so no line needs re-reading.
  const at = await db.all<{file_index: number; line: number; device_id: string; quantity: number; angle_deg: number | null; net: number; duration_s: number; distance_m: number}>(`
    SELECT r.file_index, r.line, r.device_id, r.quantity, r.angle_deg, r.net, r.duration_s, r.distance_m FROM (${union}) r JOIN far_stats s ON r.device_id = s.device_id AND r.quantity = s.quantity AND r.angle_deg IS NOT DISTINCT FROM s.angle_deg
    WHERE NOT r.censored AND r.net > 0 AND isfinite(${x.replaceAll(/\b(net|duration_s|distance_m)\b/g, "r.$1")})
      AND abs(${x.replaceAll(/\b(net|duration_s|distance_m)\b/g, "r.$1")} - s.m) > ${FAR_OFF_MIN_LOG10} * (1 - 1e-9)
      AND (s.mad = 0 OR 0.6745 * abs(${x.replaceAll(/\b(net|duration_s|distance_m)\b/g, "r.$1")} - s.m) / s.mad > ${FAR_OFF_MODIFIED_Z} * (1 - 1e-9))
    ORDER BY r.file_index, r.line`);
  if (at.length === 0) return problems;
  const readings = at.map((a) => ({
    device_id: a.device_id, quantity: QUANTITIES[a.quantity]!, angle_deg: a.angle_deg, censored: false, net: a.net, duration_s: a.duration_s,
    distance_m: a.distance_m, source: {file: files[a.file_index]!.path, line: a.line}
  }));
  const statOf = new Map(stats.map((s) => [farOffGroupKey({device_id: s.device_id, quantity: QUANTITIES[s.quantity]!, angle_deg: s.angle_deg}), s]));
  const byGroup = new Map<string, typeof readings>();
  for (const r of readings) {
    const key = farOffGroupKey(r);
    let group = byGroup.get(key);
    if (!group) byGroup.set(key, (group = []));
    group.push(r);
  }
  // Groups in the order their first reading appears; readings in file and line order.
  const groupOrder = [...byGroup.keys()].sort((a, b) => {
    const sa = statOf.get(a)!;
    const sb = statOf.get(b)!;
    return sa.first_file - sb.first_file || sa.first_line - sb.first_line;
  });
  for (const key of groupOrder) {
    const s = statOf.get(key)!;
    // Already in file and line order (the query's ORDER BY).
    for (const r of byGroup.get(key)!) {
      const value = farOffValue(r);
      if (value === null) continue;
      const problem = farOffProblem(r, value, s.m, s.mad);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** The hash of each reading's id (explicit, or file:line when derived), for the union relation. */
function idHashOf(files: readonly FileState[]): string {
  const bases = files.map((f) => `WHEN ${f.index} THEN ${sqlText(basename(f.path) + ":")}`).join(" ");
  return `coalesce(id_hash, hash((CASE file_index ${bases} END) || line))`;
}

async function deviceSummaries(db: Db, union: string): Promise<DeviceSummary[]> {
  const rows = await db.all<{device_id: string; quantity: number; n: number; censored: number; first_ms: number; last_ms: number; first_at: number}>(`
    SELECT device_id, quantity, count(*) AS n, count(*) FILTER (WHERE censored) AS censored, min(ms) AS first_ms, max(ms) AS last_ms,
      min(file_index * 4294967296 + line) AS first_at
    FROM (${union}) GROUP BY device_id, quantity`);
  const byDevice = new Map<string, typeof rows>();
  for (const r of rows) {
    let list = byDevice.get(r.device_id);
    if (!list) byDevice.set(r.device_id, (list = []));
    list.push(r);
  }
  return [...byDevice.keys()].sort().map((device_id) => {
    const list = byDevice.get(device_id)!.sort((a, b) => a.first_at - b.first_at);
    return {
      device_id,
      readings: list.reduce((s, r) => s + r.n, 0),
      censored: list.reduce((s, r) => s + r.censored, 0),
      first_ms: Math.min(...list.map((r) => r.first_ms)),
      last_ms: Math.max(...list.map((r) => r.last_ms)),
      quantities: list.map((r) => ({quantity: QUANTITIES[r.quantity]!, readings: r.n}))
    };
  });
}

/** The quantities of a device's fit-ready readings in order of first appearance, and the file of its first reading. */
async function firstAppearances(db: Db, union: string, device_id: string): Promise<{quantities: string[]; firstFile: number | null}> {
  const rows = await db.all<{quantity: number; first_at: number}>(`SELECT quantity, min(file_index * 4294967296 + line) AS first_at
    FROM (${union}) WHERE device_id = ${sqlText(device_id)} AND sigma > 0 GROUP BY quantity ORDER BY first_at`);
  const [first] = await db.all<{file_index: number}>(`SELECT arg_min(file_index, file_index * 4294967296 + line) AS file_index FROM (${union}) WHERE device_id = ${sqlText(device_id)}`);
  return {quantities: rows.map((r) => QUANTITIES[r.quantity]!), firstFile: first?.file_index ?? null};
}

// ---------------------------------------------------------------------------------------------------------------
// Groups, checks against a fit, residuals.

/** Per-quantity conversion factors as a SQL table expression. */
function conversionSql(conversion: DoseConversion): string {
  return `CASE quantity ${QUANTITIES.map((q, i) => {
    const chain = conversion[q];
    return chain === undefined ? "" : `WHEN ${i} THEN ${sqlNumber(chain.reduce((a, c) => a * c, 1))}`;
  }).join(" ")} END`;
}

function residualRowsSql(union: string, device_id: string, fit: FitResult, conversion: DoseConversion): string {
  const k = conversionSql(conversion);
  const predicted = predictionSql(fit, "distance_m");
  return `SELECT file_index, line, reading_id, device_id, ${sectorSql("angle_deg")} AS sector_deg, angle_deg, distance_m, censored,
      ${k} * ${RATE} AS observed, ${k} * ${RATE_SIGMA} AS sigma, ${k} * (mdl * (3600 / duration_s)) AS mdl_rate,
      ${predicted} AS predicted
    FROM (${union}) WHERE device_id = ${sqlText(device_id)} AND sigma > 0`;
}

async function checkInDb(db: Db, files: readonly FileState[], union: string, held: readonly HeldReading[], device_id: string, fit: FitResult, conversion: DoseConversion, now: Date): Promise<ReadingsCheck> {
  const empty: ReadingsCheck = {flagged: [], flaggedCount: 0, inconsistent: [], inconsistentCount: 0, compared: 0, censored: 0};
  if (!fit.converged) return empty;
  const residuals = `SELECT *, (observed - predicted) / sigma AS normalised,
      NOT censored AND abs((observed - predicted) / sigma) > ${FLAG_SIGMA} AS flagged,
      censored AND mdl_rate IS NOT NULL AND NOT (predicted <= mdl_rate + ${FLAG_SIGMA} * sigma) AS inconsistent
    FROM (${residualRowsSql(union, device_id, fit, conversion)})`;
  const [counts] = await db.all<{compared: number; censored: number; flagged: number; inconsistent: number}>(`SELECT count(*) FILTER (WHERE NOT censored) AS compared,
    count(*) FILTER (WHERE censored) AS censored, count(*) FILTER (WHERE flagged) AS flagged, count(*) FILTER (WHERE inconsistent) AS inconsistent FROM (${residuals})`);
  const pick = async (what: "flagged" | "inconsistent") => {
    const rows = await db.all<{file_index: number; line: number; distance_m: number; observed: number; sigma: number; predicted: number; normalised: number; mdl_rate: number}>(
      `SELECT * FROM (${residuals}) WHERE ${what} ORDER BY file_index, line LIMIT ${MAX_FLAGGED}`);
    const readings = await readingsAt(db, files, held, rows, now);
    const byPlace = new Map(readings.map((r) => [`${fileOrder(files, r.source.file)}:${r.source.line}`, r]));
    return rows.map((row) => ({
      reading: byPlace.get(`${row.file_index}:${row.line}`)!, distance_m: row.distance_m, observed: row.observed, sigma: row.sigma,
      predicted: row.predicted, normalised: row.normalised, mdl_rate_uSv_per_h: row.mdl_rate
    }));
  };
  const result = {
    flagged: await pick("flagged"), flaggedCount: counts!.flagged,
    inconsistent: await pick("inconsistent"), inconsistentCount: counts!.inconsistent,
    compared: counts!.compared, censored: counts!.censored
  };
  return result;
}

async function copyResiduals(db: Db, path: string, union: string, paths: readonly string[], device_id: string, fit: FitResult, conversion: DoseConversion, files?: readonly FileState[]): Promise<number> {
  const fileName = `CASE file_index ${paths.map((p, i) => `WHEN ${i} THEN ${sqlText(p)}`).join(" ")} END`;
  // Reading ids of table rows are not kept (only their hash): they come back from the files by row number.
  const ids = (files ?? []).filter((f) => f.table !== null).map((f) => `SELECT ${f.index} AS file_index, row_number() OVER () + 1 AS line, ${
    f.header!.includes("reading_id") ? `nullif(trim(c${f.header!.indexOf("reading_id")}), '')` : "NULL"} AS explicit_id FROM (${f.source})`);
  const idJoin = ids.length > 0 ? `LEFT JOIN (${ids.join(" UNION ALL ")}) i USING (file_index, line)` : "";
  const format = path.toLowerCase().endsWith(".parquet") ? "parquet" : "csv";
  const bases = paths.map((p, i) => `WHEN ${i} THEN ${sqlText(basename(p) + ":")}`).join(" ");
  const sql = `SELECT coalesce(r.reading_id, ${ids.length > 0 ? "i.explicit_id, " : ""}(CASE file_index ${bases} END) || line) AS reading_id,
      ${fileName} AS file, line, device_id, sector_deg, angle_deg, distance_m, censored,
      observed AS rate_uSv_per_h, sigma AS sigma_uSv_per_h, predicted AS predicted_uSv_per_h,
      CASE WHEN censored THEN NULL ELSE (observed - predicted) / sigma END AS normalised_residual,
      NOT censored AND abs((observed - predicted) / sigma) > ${FLAG_SIGMA} AS flagged
    FROM (${residualRowsSql(union, device_id, fit, conversion)}) r ${idJoin}
    ORDER BY file_index, line`;
  const [n] = await db.all<{Count: number}>(`COPY (${sql}) TO ${sqlText(path)} (FORMAT ${format}${format === "csv" ? ", HEADER true" : ""})`);
  return n?.Count ?? 0;
}



// ---------------------------------------------------------------------------------------------------------------
// Archives.

const ARCHIVE_COLUMNS = `reading_id VARCHAR, device_id VARCHAR, dosimeter_id VARCHAR, measured_at VARCHAR, distance DOUBLE, distance_unit VARCHAR,
  angle_deg DOUBLE, duration DOUBLE, duration_unit VARCHAR, dose DOUBLE, dose_unit VARCHAR, quantity VARCHAR, uncertainty DOUBLE,
  background DOUBLE, mdl DOUBLE, instrument_type VARCHAR, instrument_id VARCHAR, instrument_calibrated_on VARCHAR, notes VARCHAR,
  duration_basis VARCHAR, calibration_uncertainty DOUBLE, energy_response_uncertainty DOUBLE, year INTEGER`;

/** The archive columns from a validation query in archive mode (clean rows), the unit of each quantity canonical. */
const ARCHIVE_FROM_SQL = (base: string) => `coalesce(reading_id, ${sqlText(base + ":")} || line) AS reading_id, device_id, dosimeter_id, measured_at,
  distance_m AS distance, 'm' AS distance_unit, angle_deg, duration_s AS duration, 's' AS duration_unit, gross AS dose,
  CASE quantity_name ${QUANTITIES.map((q) => `WHEN ${sqlText(q)} THEN ${sqlText(QUANTITY_UNIT[q])}`).join(" ")} END AS dose_unit,
  quantity_name AS quantity, uncertainty, background, mdl, instrument_type, instrument_id, instrument_calibrated_on, notes,
  duration_basis, calibration_uncertainty, energy_response_uncertainty, CAST(left(measured_at, 4) AS INTEGER) AS year`;

async function appendArchive(db: Db, readings: readonly Reading[]): Promise<void> {
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS archive_rows (${ARCHIVE_COLUMNS})`);
  const appender = await db.connection.createAppender("archive_rows");
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  const double = (v: number | null) => (v === null ? appender.appendNull() : appender.appendDouble(v));
  for (const r of readings) {
    text(r.reading_id);
    text(r.device_id);
    text(r.dosimeter_id);
    text(r.measured_at);
    double(r.distance_m);
    text("m");
    double(r.angle_deg);
    double(r.duration_s);
    text("s");
    double(r.gross);
    text(r.unit);
    text(r.quantity);
    double(r.uncertainty);
    double(r.background);
    double(r.mdl);
    text(r.instrument_type);
    text(r.instrument_id);
    text(r.instrument_calibrated_on);
    text(r.notes);
    text(r.duration_basis);
    double(r.calibration_uncertainty);
    double(r.energy_response_uncertainty);
    appender.appendInteger(Number(r.measured_at.slice(0, 4)));
    appender.endRow();
  }
  appender.closeSync();
}

async function copyArchive(db: Db, dir: string, fromTables: readonly string[]): Promise<number> {
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS archive_rows (${ARCHIVE_COLUMNS})`);
  const all = [...fromTables, "SELECT * FROM archive_rows"].join("\nUNION ALL\n");
  const [n] = await db.all<{Count: number}>(`COPY (SELECT * FROM (${all}) ORDER BY device_id, year, measured_at, reading_id)
    TO ${sqlText(dir)} (FORMAT parquet, PARTITION_BY (device_id, year), WRITE_PARTITION_COLUMNS true)`);
  return n?.Count ?? 0;
}
