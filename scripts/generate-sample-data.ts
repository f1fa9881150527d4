// `npm run sample-data [-- --seed N]`: writes the synthetic sample data set into data/. All generation is in
// lib/sample (pure, seeded); this script only writes files, so the same seed gives byte-identical files.
import {mkdir, readdir, rm, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {DEFAULT_SEED, generateSampleData} from "../lib/sample/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const {values} = parseArgs({options: {seed: {type: "string"}}});
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed)) {
  process.stderr.write(`--seed must be a whole number, got "${values.seed}"\n`);
  process.exit(2);
}

const {files} = generateSampleData(seed);
// Clear the generated folders first so that a file the generator no longer makes does not linger.
for (const folder of ["data/certificates", "data/readings", "data/deployments"]) {
  const dir = join(root, folder);
  await mkdir(dir, {recursive: true});
  for (const name of await readdir(dir)) {
    if (name.endsWith(".json") || name.endsWith(".csv")) await rm(join(dir, name));
  }
}
for (const file of files) {
  await mkdir(dirname(join(root, file.path)), {recursive: true});
  await writeFile(join(root, file.path), file.content);
}
process.stdout.write(`wrote ${files.length} files (seed ${seed}) into data/\n`);
