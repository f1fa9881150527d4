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

const CACHE_DIR = "src/.observablehq/cache";

async function inputKey(dataDir: string, extra: string): Promise<string> {
  const hash = createHash("sha256").update(extra);
  const entries = await readdir(dataDir, {withFileTypes: true, recursive: true});
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest("hex").slice(0, 16);
}

/** XRAY_DATA_DIR points the build at another data folder (tests use it to build from a broken copy). */
export async function publishFromDisk(dataDir = process.env.XRAY_DATA_DIR ?? "data"): Promise<PublishResult> {
  const audience = audienceFromEnv(process.env);
  const code = codeVersion();
  // The result depends on the day too (readings in the future, certificates lapsed): it is part of the key.
  const now = clockFromEnv();
  const cached = join(CACHE_DIR, `publication-${audience}-${await inputKey(dataDir, audience + JSON.stringify(code) + isoDay(now))}.json`);
  try {
    return JSON.parse(await readFile(cached, "utf8")) as PublishResult;
  } catch {
    // Imported only on a cache miss: the analysis pulls in mathjs and the whole library, slow to load.
    const [{loadDataset}, {publish}] = await Promise.all([import("../../lib/io/load-dataset.js"), import("../../lib/publish/publication.js")]);
    // Files are named from the data folder's parent ("data/readings/…", "van-01/readings/…"): the same on every
    // machine, and no local path on the public site.
    const result = publish(await loadDataset(dataDir, {now, root: dirname(resolve(dataDir))}), audience, code, {now});
    await mkdir(CACHE_DIR, {recursive: true});
    await writeFile(cached + ".tmp", JSON.stringify(result));
    await rename(cached + ".tmp", cached);
    return result;
  }
}
