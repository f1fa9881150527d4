// The checks `xray-dose validate DIR` makes with the fitted models: a device whose output on the beam side stays
// steady raises no warning. (A quarter out of control is warned about in test/cli/validate.test.ts, on the sample,
// whose beam side has enough readings per quarter; the small fixture here has two or three, which a fit absorbs.)
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {analysisProblems} from "../../lib/publish/analysis-checks.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR} from "../restricted-oracle.js";

describe("the checks that need the fitted models", () => {
  it("raise nothing for a device whose output is steady", async () => {
    const d = await loadDataset(ORACLE_DATA_DIR, {now: TEST_NOW});
    expect(new Set(d.readings.map((r) => r.device_id)).size).toBe(1);
    expect(analysisProblems(d)).toEqual([]);
  });
});
