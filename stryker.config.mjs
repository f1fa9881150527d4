// Mutation testing (npm run mutation; not part of npm test or CI: it takes tens of minutes on two cores).
// Stryker plants one small bug at a time (a flipped comparison, a dropped condition, an emptied string) in the code
// listed under `mutate` and runs the unit tests that cover it; a mutant the tests do not notice has "survived".
// docs/testing.md says how to run it on part of the code, how to read the report and what the last scores were.
// MUTATION_REPORT=name keeps a run's reports and incremental file in reports/mutation/name/, so runs over different
// folders (each with its own MUTATION_TESTS, vitest.mutation.config.ts) do not replace each other's results.
const reports = process.env.MUTATION_REPORT ? `reports/mutation/${process.env.MUTATION_REPORT}` : "reports/mutation";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: {configFile: "vitest.mutation.config.ts"},
  mutate: [
    "lib/compliance/**/*.ts",
    "lib/publish/**/*.ts",
    "lib/readings/**/*.ts",
    "lib/models/**/*.ts",
    "lib/exposure/**/*.ts",
    "!lib/**/index.ts"
  ],
  coverageAnalysis: "perTest",
  // The first run of every covering test, before any mutant, takes minutes on a busy two-core machine.
  dryRunTimeoutMinutes: 30,
  // Build outputs and caches are not needed by the unit tests; src/lib is a link to lib/ that the sandbox cannot copy
  // (vitest.mutation.config.ts resolves it).
  ignorePatterns: ["dist", "dist-internal", "dist-oracle-public", "dist-oracle-internal", "src/.observablehq", "src/lib", "reports", "bench/results"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: {fileName: `${reports}/index.html`},
  jsonReporter: {fileName: `${reports}/mutation.json`},
  // Re-running after a change tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  concurrency: 2,
  thresholds: {high: 90, low: 80, break: null}
};
