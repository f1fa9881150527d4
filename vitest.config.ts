import {defineConfig} from "vitest/config";

/** Fast unit tests of lib/, cli/ and components; also what mutation testing runs (vitest.mutation.config.ts). */
export const unitTests = {
  name: "unit",
  include: ["test/**/*.test.ts"],
  exclude: ["test/e2e/**"],
  // One fixed fast-check seed (FC_SEED overrides it): test/setup/fast-check.ts.
  setupFiles: ["test/setup/fast-check.ts"],
  // Compiles the command line first (test/cli/build-cli.setup.ts), so tests that run bin/xray-dose.js run today's code.
  globalSetup: ["test/cli/build-cli.setup.ts"],
  testTimeout: 60_000
};

// Two projects: the unit tests, and browser tests that build the site first.
export default defineConfig({
  test: {
    projects: [
      {test: unitTests},
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false
        }
      }
    ]
  }
});
