// The unit tests alone, as one plain config: what Stryker's vitest runner runs for each mutant (stryker.config.mjs).
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {defineConfig, type Plugin} from "vitest/config";
import {unitTests} from "./vitest.config.js";

const root = dirname(fileURLToPath(import.meta.url));

/**
 * src/lib is a symbolic link to lib/ (the pages import the library through it). Stryker cannot copy a link into its
 * sandbox, so stryker.config.mjs leaves it out and this resolves src/…/lib/ imports to lib/ itself.
 */
const srcLibLink: Plugin = {
  name: "src-lib-link",
  enforce: "pre",
  resolveId(source, importer) {
    if (!importer || !source.startsWith(".")) return null;
    const target = resolve(dirname(importer), source);
    const link = resolve(root, "src/lib") + "/";
    return target.startsWith(link) ? resolve(root, "lib", target.slice(link.length)).replace(/\.js$/, ".ts") : null;
  }
};

/**
 * Tests left out of mutation runs, each with its reason. Every mutant re-runs the tests that cover it, slowest first,
 * so one test that loads the whole sample costs its seconds on every mutant of the library.
 */
const NOT_FOR_MUTATION = [
  // Publishes the whole sample several times; its checks have fast counterparts on the oracle fixture
  // (test/publish/restricted-oracle.test.ts, tables.test.ts).
  "test/publish/pipeline.test.ts",
  // Reads a 1 GB line and other large inputs.
  "test/hostile/malformed-inputs.test.ts",
  // Runs the command line in child processes, which never see the mutant that is switched on in this one.
  "test/cli/validate.test.ts",
  // Publishes the sample a hundred times over (fast-check runs); it times out under instrumented code, and the rules
  // it holds (no default for missing data) have direct tests in test/publish/missing-data.test.ts.
  "test/publish/missing-data.property.test.ts",
  // Fits 200 000 and screens 10⁶ readings; the rules they hold have small, hand-checked counterparts in
  // test/models/fit.test.ts and influence.test.ts.
  "test/models/volume.test.ts"
];

/**
 * The test files each mutant may run: MUTATION_TESTS, comma-separated test files, globs or folders (`test/exposure`
 * and `test/exposure/**` both mean its `*.test.ts` files, not its helpers), or the whole unit selection when unset. A
 * narrow selection makes a folder's run take minutes instead of days, but its score is a lower bound: a mutant only a
 * left-out test would kill counts as a survivor (docs/testing.md lists the commands per folder).
 */
export function mutationTests(env: string | undefined): string[] {
  const entries = (env ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) return unitTests.include;
  return entries.map((e) => (e.endsWith(".ts") ? e : `${e.replace(/\/(\*\*)?$/, "")}/**/*.test.ts`));
}

// Test files stay isolated (vitest's default): without isolation a module-level cache (unit factors, for one) filled
// while one mutant was active would still be there when the next runs, and decide its fate.
// Instrumented code runs several times slower than the original, and the first run of every test measures coverage
// too: the tests that publish a whole data set need more than the suite's usual minute there.
export default defineConfig({plugins: [srcLibLink], test: {...unitTests, include: mutationTests(process.env.MUTATION_TESTS), testTimeout: 300_000, exclude: [...unitTests.exclude, ...NOT_FOR_MUTATION]}});
