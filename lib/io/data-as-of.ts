// "Data as of": the newest field reading in the data folder, which is what a reader needs to know about freshness
// (the build date says nothing about the data), and what the folder's dataset.json says about the programme: every
// page's header and footer carry both.
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {headerNames, parseCsv} from "../readings/csv.js";
import {readInstant} from "../readings/values.js";
import {readInput} from "./open-input.js";
import {MANIFEST_FILE, missingManifestMessage, parseManifest, type DatasetManifest} from "../programme/manifest.js";
import {InputError} from "./problems.js";

export interface DataAsOf {
  /** The newest `measured_at` as written in the file (ISO 8601 with offset), or null when there are no readings. */
  newest: string | null;
  newestKind: "reading" | null;
  synthetic: boolean;
  programme: string;
  agency: string;
  jurisdiction: string;
}

async function csvFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true, recursive: true});
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith(".csv")).map((e) => join(e.parentPath, e.name)).sort();
}

/** The folder's dataset.json, read on its own (the limit ids are checked with the rest of the folder by loadDataset). */
export async function readManifest(dataDir: string): Promise<DatasetManifest> {
  const path = join(dataDir, MANIFEST_FILE);
  // Through the one opener (lib/io/open-input.ts): a device or a pipe named dataset.json is refused, not read for ever.
  const input = await readInput(path);
  if (!input.ok) {
    const missing = /^no such file/.test(input.problem.message);
    throw new InputError([{severity: "error", file: path, message: missing ? missingManifestMessage() : input.problem.message}]);
  }
  const text = input.bytes.toString("utf8");
  const {manifest, problems} = parseManifest(text.replace(/^\uFEFF/, ""), path, null);
  if (!manifest) throw new InputError(problems);
  return manifest;
}

/** Invalid timestamps are skipped here: validation (which fails the build) reports them with their line. */
export async function dataAsOf(dataDir: string): Promise<DataAsOf> {
  let newest: string | null = null;
  let newestMs = -Infinity;
  for (const file of await csvFiles(join(dataDir, "readings"))) {
    const input = await readInput(file);
    if (!input.ok) continue;
    // The same CSV reader, header rule and date reader as validation, so both see the same readings.
    const [header, ...rows] = parseCsv(input.bytes.toString("utf8")).rows;
    const column = header ? headerNames(header.fields).indexOf("measured_at") : -1;
    if (column < 0) continue;
    for (const row of rows) {
      const text = row.fields[column]?.trim() ?? "";
      const instant = readInstant(text);
      if (instant.ok && instant.value.ms > newestMs) [newest, newestMs] = [text, instant.value.ms];
    }
  }
  const {synthetic, programme, agency, jurisdiction} = await readManifest(dataDir);
  return {newest, newestKind: newest ? "reading" : null, synthetic, programme, agency, jurisdiction};
}
