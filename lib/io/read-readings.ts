// Reading field-readings CSV files from disk: files or folders (every *.csv below a folder), in sorted order so the
// result never depends on directory order. Each file is fingerprinted (SHA-256) for provenance and must be UTF-8
// text; the readings of all files are then checked as one set.
import {createHash} from "node:crypto";
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {checkReadingSet, parseReadingsCsv, untraceableReadings} from "../readings/index.js";
import type {Reading} from "../readings/types.js";
import type {Problem} from "./problems.js";
import {inspectPath, MAX_WHOLE_FILE_BYTES, readInput} from "./open-input.js";

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

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function csvFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".csv"))
    .map((e) => join(e.parentPath, e.name))
    .sort(byCodeUnit);
}

const decoder = new TextDecoder("utf-8", {fatal: true});

export {MAX_WHOLE_FILE_BYTES};

export async function readReadingsPaths(paths: string[], options: {now: Date}): Promise<ReadReadingsResult> {
  const problems: Problem[] = [];
  const readings: Reading[] = [];
  const files: ReadingsFile[] = [];

  const toRead: string[] = [];
  for (const path of paths) {
    const kind = await inspectPath(path);
    if (kind.kind === "refused") {
      problems.push(kind.problem);
      continue;
    }
    if (kind.kind === "directory") {
      const found = await csvFilesUnder(path);
      if (found.length === 0) problems.push({severity: "error", file: path, message: "the folder holds no .csv files; put the readings files (*.csv) in it or name the files directly"});
      toRead.push(...found);
    } else toRead.push(path);
  }

  for (const path of [...new Set(toRead)]) {
    // Larger files are refused rather than read whole: a file of millions of readings belongs to the streaming reader.
    const read = await readInput(path, {
      tooLarge: `the file is larger than ${MAX_WHOLE_FILE_BYTES / 2 ** 20} MB; files over ${MAX_WHOLE_FILE_BYTES / 2 ** 20} MB are not read whole: split it by month or device, or fit it with the streaming reader (lib/io/stream-readings.ts, npm run bench shows how)`
    });
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const bytes = read.bytes;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      problems.push({severity: "error", file: path, message: "the file is not UTF-8 text (it may be a spreadsheet or another binary file); export the readings as a UTF-8 CSV file"});
      files.push({path, sha256, rows: 0});
      continue;
    }
    const parsed = parseReadingsCsv(text, path, options);
    problems.push(...parsed.problems);
    readings.push(...parsed.readings);
    files.push({path, sha256, rows: parsed.readings.length});
  }
  problems.push(...checkReadingSet(readings), ...untraceableReadings(readings));
  return {readings, problems, files};
}
