// Field readings from files too large to hold as reading objects (continuous monitors logging every second give
// millions of rows a year). The file is read in chunks, cut at line ends outside quoted fields, and each batch of
// lines is validated by the same parser as small files (lib/readings), with line numbers counted from the top of the
// file. Only what a fit needs is kept, per device, in typed arrays: distance, net rate, weight. Memory stays
// proportional to the number of readings fitted (24 bytes each), not to the text.
//
// What streaming cannot check: duplicate reading ids across batches and the set-level "far off the device's other
// readings" warning, which need every reading at once. `xray-dose validate` on the whole file does both.
import {createHash} from "node:crypto";
import {basename} from "node:path";
import {ONCE_PER_FILE, parseReadingsCsv} from "../readings/index.js";
import {headerNames, parseCsv} from "../readings/csv.js";
import {readingsToPoints, type PackedPoints, type PointOptions} from "../models/index.js";
import type {Problem} from "./problems.js";
import type {Reading} from "../readings/types.js";
import {openInput} from "./open-input.js";

/** A line longer than this cannot be a reading: the file is refused rather than held in memory. */
export const MAX_LINE_BYTES = 1 << 20;
/**
 * Bytes streamed at most: a regular file cannot be endless, but one being appended to (a monitor's live log) can grow
 * while it is read; past this the file is refused rather than read for ever.
 */
export const MAX_STREAM_BYTES = 2 ** 40;
/** Lines validated together; large enough to amortise the parser's per-call work. */
const BATCH_LINES = 20_000;

class PackedBuilder {
  n = 0;
  r = new Float64Array(1024);
  y = new Float64Array(1024);
  w = new Float64Array(1024);
  minR = Infinity;
  maxR = -Infinity;
  censored = 0;

  push(r: number, y: number, sigma: number): void {
    if (this.n === this.r.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      [this.r, this.y, this.w] = [grow(this.r), grow(this.y), grow(this.w)];
    }
    this.r[this.n] = r;
    this.y[this.n] = y;
    this.w[this.n] = 1 / (sigma * sigma);
    this.n++;
    if (r < this.minR) this.minR = r;
    if (r > this.maxR) this.maxR = r;
  }

  packed(): PackedPoints {
    return {n: this.n, r: this.r.subarray(0, this.n), y: this.y.subarray(0, this.n), w: this.w.subarray(0, this.n), minR: this.minR, maxR: this.maxR};
  }
}

export interface StreamedReadings {
  /** Fit-ready points per device (readings below detection are counted, not packed). */
  devices: Map<string, {packed: PackedPoints; censored: number}>;
  problems: Problem[];
  rows: number;
  sha256: string;
}

export interface StreamOptions extends PointOptions {
  /** The current time (lib/io/clock.ts): a reading dated after it is an error. */
  now: Date;
  /** Stop collecting problems after this many (the count of the rest is reported); the file is still read. */
  maxProblems?: number;
  /** Lines per validated batch (default 20 000); small values let tests cross batch boundaries. */
  batchLines?: number;
  /**
   * Receives each batch's valid readings instead of packing them (lib/io/scan-readings.ts keeps them in DuckDB);
   * no points are made and `devices` stays empty.
   */
  onReadings?: (batch: Reading[]) => void;
}

export async function streamReadingsFile(path: string, options: StreamOptions): Promise<StreamedReadings> {
  const problems: Problem[] = [];
  let dropped = 0;
  const report = (p: Problem) => (problems.length < (options.maxProblems ?? 1000) ? problems.push(p) : dropped++);
  const builders = new Map<string, PackedBuilder>();
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", {fatal: true});
  const name = basename(path);

  let header: string | null = null;
  let derivedIds = false;
  let pending = "";
  let scanFrom = 0;
  let inQuotes = false;
  let lineOfPending = 1;
  let lines: string[] = [];
  let batchStartLine = 2;
  let rows = 0;
  let fatal = false;

  const saidOnce = new Set<string>();
  const flush = () => {
    if (lines.length === 0 || header === null) return;
    const parsed = parseReadingsCsv(`${header}\n${lines.join("\n")}`, path, {now: options.now});
    const toFileLine = (line: number) => batchStartLine + line - 2;
    for (const p of parsed.problems) {
      // Header problems are reported once, from the first batch; so are the per-file notes (a dose unit too large
      // for the field), which each batch would otherwise repeat.
      if (p.line === 1 && batchStartLine > 2) continue;
      if (p.message.endsWith(ONCE_PER_FILE)) {
        if (saidOnce.has(p.message)) continue;
        saidOnce.add(p.message);
      }
      report(p.line !== undefined && p.line > 1 ? {...p, line: toFileLine(p.line)} : p);
    }
    for (const r of parsed.readings) {
      // An id derived from the line (no reading_id column, or an empty cell) is re-derived from the file line.
      const derived = derivedIds || r.reading_id === `${name}:${r.source.line}`;
      r.source = {file: path, line: toFileLine(r.source.line)};
      if (derived) r.reading_id = `${name}:${r.source.line}`;
    }
    rows += parsed.readings.length;
    batchStartLine += lines.length;
    lines = [];
    if (options.onReadings) {
      options.onReadings(parsed.readings);
      return;
    }
    const {points, problems: pointProblems} = readingsToPoints(parsed.readings, options);
    for (const p of pointProblems) report(p);
    for (const p of points) {
      let b = builders.get(p.device_id);
      if (!b) builders.set(p.device_id, (b = new PackedBuilder()));
      if (p.censored) b.censored++;
      else b.push(p.distance_m, p.rate_uSv_per_h, p.sigma_uSv_per_h);
    }
  };

  /** Takes every complete line (a line end outside quotes) from `pending`. */
  const takeLines = (final: boolean) => {
    let start = 0;
    for (let i = scanFrom; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 34 /* " */) inQuotes = !inQuotes;
      else if (c === 10 /* \n */ && !inQuotes) {
        const line = pending.slice(start, pending[i - 1] === "\r" ? i - 1 : i);
        start = i + 1;
        if (header === null) {
          header = line.replace(/^\uFEFF/, "");
          derivedIds = !headerNames(parseCsv(header).rows[0]?.fields ?? []).includes("reading_id");
          lineOfPending++;
          continue;
        }
        lines.push(line);
        lineOfPending++;
        if (lines.length >= (options.batchLines ?? BATCH_LINES)) flush();
      }
    }
    pending = pending.slice(start);
    scanFrom = pending.length;
    if (final && pending.length > 0) {
      if (header === null) header = pending;
      else lines.push(pending);
      pending = "";
    }
  };

  // Devices, FIFOs and sockets are refused before a byte is read (lib/io/open-input.ts).
  const opened = await openInput(path);
  if (!opened.ok) return {devices: new Map(), problems: [opened.problem], rows: 0, sha256: ""};
  let streamed = 0;
  for await (const chunk of opened.handle.createReadStream({highWaterMark: 4 << 20}) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    streamed += chunk.length;
    if (streamed > MAX_STREAM_BYTES && !fatal) {
      report({severity: "error", file: path, line: lineOfPending, message: `the file is larger than ${MAX_STREAM_BYTES / 2 ** 40} TB (it may be growing while it is read); the file was not read further`});
      fatal = true;
      break;
    }
    if (fatal) continue;
    try {
      pending += decoder.decode(chunk, {stream: true});
    } catch {
      report({severity: "error", file: path, line: lineOfPending, message: "is not UTF-8 text from this line on; export the readings as a UTF-8 CSV file"});
      fatal = true;
      continue;
    }
    takeLines(false);
    if (pending.length > MAX_LINE_BYTES) {
      report({severity: "error", file: path, line: lineOfPending, message: `line ${lineOfPending} is longer than ${MAX_LINE_BYTES} bytes, which no reading is (is an end of line or a closing quote missing?); the file was not read further`});
      fatal = true;
      pending = "";
    }
  }
  if (!fatal) {
    try {
      pending += decoder.decode();
    } catch {
      report({severity: "error", file: path, line: lineOfPending, message: "ends in the middle of a UTF-8 character; export the readings as a UTF-8 CSV file"});
    }
    takeLines(true);
    if (header === null) report({severity: "error", file: path, line: 1, message: "the file is empty; it needs a header line and one line per reading"});
    else if (rows === 0 && lines.length === 0 && batchStartLine === 2) report({severity: "error", file: path, line: 2, message: "the file has a header but no readings"});
    flush();
  }
  if (dropped > 0) problems.push({severity: "warning", file: path, message: `${dropped} more problems were not listed`});
  const devices = new Map([...builders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, b]) => [id, {packed: b.packed(), censored: b.censored}]));
  return {devices, problems, rows, sha256: hash.digest("hex")};
}
