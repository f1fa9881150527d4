// "Data as of": the newest field reading in the data folder, which is what a reader needs to know about freshness
// (the build date says nothing about the data), and what the folder's dataset.json says about the programme: every
// page's header and footer carry both.
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
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
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError([{severity: "error", file: path, message: missingManifestMessage()}]);
  }
  const {manifest, problems} = parseManifest(text.replace(/^\uFEFF/, ""), path, null);
  if (!manifest) throw new InputError(problems);
  return manifest;
}

/** Invalid timestamps are skipped here: validation (which fails the build) reports them with their line. */
export async function dataAsOf(dataDir: string): Promise<DataAsOf> {
  let newest: string | null = null;
  let newestMs = -Infinity;
  for (const file of await csvFiles(join(dataDir, "readings"))) {
    const rows = csvParseRows((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
    const column = rows[0]?.indexOf("measured_at") ?? -1;
    if (column < 0) continue;
    for (let i = 1; i < rows.length; i++) {
      const text = rows[i]![column];
      const ms = text ? Date.parse(text) : NaN;
      if (ms > newestMs) [newest, newestMs] = [text!, ms];
    }
  }
  const {synthetic, programme, agency, jurisdiction} = await readManifest(dataDir);
  return {newest, newestKind: newest ? "reading" : null, synthetic, programme, agency, jurisdiction};
}
