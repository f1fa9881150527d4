// What every data loader starts from: the data set in data/, validated, analysed and cut for this build's audience
// (XRAY_AUDIENCE: public unless the internal build says otherwise).
//
// Framework runs one loader process per published file, one after another; rather than validate and fit the same
// data two dozen times per build, the first loader stores its result in Framework's cache folder under a key made
// from the bytes of every input file, the audience and the code version. The build scripts empty that folder before
// every build, so a result never outlives the build (and the code) that made it.
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {codeVersion} from "../../lib/io/code-version.js";
import {clockFromEnv, isoDay} from "../../lib/io/clock.js";
import {audienceFromEnv} from "../../lib/publish/audience.js";
import type {PublishResult} from "../../lib/publish/publication.js";
import {readingsForPages} from "../../lib/publish/page-data.js";

const CACHE_DIR = "src/.observablehq/cache";
/**
 * The table of every reading grows with the data (a million rows for a monitor): it is not kept in the cached JSON but
 * written beside it once, as CSV and Parquet, which its loaders copy out.
 */
export const LARGE_TABLE = "readings";

async function inputKey(dataDir: string, extra: string): Promise<string> {
  const hash = createHash("sha256").update(extra);
  const entries = await readdir(dataDir, {withFileTypes: true, recursive: true});
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest("hex").slice(0, 16);
}

async function cacheStem(dataDir: string): Promise<{stem: string; audience: ReturnType<typeof audienceFromEnv>; now: Date}> {
  const audience = audienceFromEnv(process.env);
  const code = codeVersion();
  // The result depends on the day too (readings in the future, certificates lapsed): it is part of the key.
  const now = clockFromEnv();
  return {stem: join(CACHE_DIR, `publication-${audience}-${await inputKey(dataDir, audience + JSON.stringify(code) + isoDay(now))}`), audience, now};
}

/**
 * XRAY_DATA_DIR points the build at another data folder (tests use it to build from a broken copy). The readings
 * table comes back with only the rows the pages can show (readingsForPages; readingsTableFile has them all).
 */
export async function publishFromDisk(dataDir = process.env.XRAY_DATA_DIR ?? "data"): Promise<PublishResult> {
  const {stem, audience, now} = await cacheStem(dataDir);
  const cached = `${stem}.json`;
  try {
    return JSON.parse(await readFile(cached, "utf8")) as PublishResult;
  } catch {
    // Imported only on a cache miss: the analysis pulls in mathjs and the whole library, slow to load.
    const [{loadDataset}, {publish}, {tableToCsv}, {writeTableParquet}] = await Promise.all([
      import("../../lib/io/load-dataset.js"), import("../../lib/publish/publication.js"), import("../../lib/publish/table-files.js"),
      import("../../lib/io/table-parquet.js")
    ]);
    // Files are named from the data folder's parent ("data/readings/…", "van-01/readings/…"): the same on every
    // machine, and no local path on the public site.
    const result = publish(await loadDataset(dataDir, {now, root: dirname(resolve(dataDir))}), audience, codeVersion(), {now});
    await mkdir(CACHE_DIR, {recursive: true});
    const large = result.tables.find((t) => t.name === LARGE_TABLE)!;
    await writeFile(`${stem}.${LARGE_TABLE}.csv.tmp`, tableToCsv(large));
    await rename(`${stem}.${LARGE_TABLE}.csv.tmp`, `${stem}.${LARGE_TABLE}.csv`);
    await writeTableParquet(large, `${stem}.${LARGE_TABLE}.parquet.tmp`);
    await rename(`${stem}.${LARGE_TABLE}.parquet.tmp`, `${stem}.${LARGE_TABLE}.parquet`);
    // The pages get the readings they can show (lib/publish/page-data.ts): all of a survey's, a monitor's that need review.
    const light = {...result, tables: result.tables.map((t) => (t.name === LARGE_TABLE ? {...t, rows: readingsForPages(t.rows)} : t))};
    await writeFile(cached + ".tmp", JSON.stringify(light));
    await rename(cached + ".tmp", cached);
    return light;
  }
}

/** The readings table as a file (CSV, spreadsheet-safe, or Parquet, exact), made by publishFromDisk. */
export async function readingsTableFile(format: "csv" | "parquet", dataDir = process.env.XRAY_DATA_DIR ?? "data"): Promise<string> {
  await publishFromDisk(dataDir);
  return `${(await cacheStem(dataDir)).stem}.${LARGE_TABLE}.${format}`;
}
