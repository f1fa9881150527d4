// "Data as of": the newest field reading in data/, which is what a reader needs to know about freshness (the build
// date says nothing about the data). Whether the data set is synthetic comes from data/dataset.json, which the
// sample-data generator writes and real data sets must state too.
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";

export interface DataAsOf {
  /** The newest `measured_at` as written in the file (ISO 8601 with offset), or null when there are no readings. */
  newest: string | null;
  newestKind: "reading" | null;
  synthetic: boolean;
}

export interface DatasetManifest {
  synthetic: boolean;
  description: string;
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

export async function readManifest(dataDir: string): Promise<DatasetManifest> {
  const path = join(dataDir, "dataset.json");
  const manifest = JSON.parse(await readFile(path, "utf8")) as Partial<DatasetManifest>;
  if (typeof manifest.synthetic !== "boolean" || typeof manifest.description !== "string") {
    throw new Error(`${path}: needs "synthetic" (true or false) and "description" (text) so pages can say what the data is.`);
  }
  return {synthetic: manifest.synthetic, description: manifest.description};
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
  const {synthetic} = await readManifest(dataDir);
  return {newest, newestKind: newest ? "reading" : null, synthetic};
}
