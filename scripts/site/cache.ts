// Framework's cache (src/.observablehq/cache), made ready for a build or the preview server:
//   - the loader cache is cleared (data loader outputs, the publication cached by src/data/publish-from-disk.ts), so
//     no result outlives the code or data that made it;
//   - `_npm` holds exactly the npm versions pinned in framework-npm-pins.txt (see there), so the build needs no
//     network and its bytes never depend on the registry's "latest" (a stray newer version folder would win);
//   - `_node` (node_modules bundled for the browser, one folder per package@version) is kept: it is made from
//     node_modules alone.
import {mkdir, readdir, readFile, rm} from "node:fs/promises";
import {join} from "node:path";

export const CACHE_DIR = "src/.observablehq/cache";
const KEEP = new Set(["_npm", "_node"]);

export async function npmPins(file = new URL("framework-npm-pins.txt", import.meta.url)): Promise<string[]> {
  return (await readFile(file, "utf8")).split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}

/** Folders of `dir` one level down, and two for npm scopes (`@observablehq/plot@0.6.17`). */
async function npmEntries(dir: string): Promise<string[]> {
  const entries: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith("@") && !name.includes("@", 1)) entries.push(...(await readdir(join(dir, name))).map((n) => `${name}/${n}`));
    else entries.push(name);
  }
  return entries;
}

export async function prepareCache(cacheDir = CACHE_DIR): Promise<void> {
  await mkdir(cacheDir, {recursive: true});
  for (const entry of await readdir(cacheDir)) if (!KEEP.has(entry)) await rm(join(cacheDir, entry), {recursive: true, force: true});
  const pins = await npmPins();
  const npm = join(cacheDir, "_npm");
  for (const entry of await npmEntries(npm)) if (!pins.includes(entry)) await rm(join(npm, entry), {recursive: true, force: true});
  for (const pin of pins) await mkdir(join(npm, pin), {recursive: true});
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareCache();
