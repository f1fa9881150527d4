// The generated readings go through the product's own readings parser: the sample must be valid input, and the
// things planted for the RSO to find must surface as the parser's warnings, on the right rows only.
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {generateSampleData} from "../../lib/sample/index.js";

// Generated inside the test, not while vitest collects the file: a mutation run counts only failed tests
// (docs/testing.md, "Reading a survivor").
describe("sample readings through parseReadingsCsv", () => {
  it("every readings file: no errors, and warnings only where the sample planted them", () => {
    const sample = generateSampleData();
    const files = sample.files.filter((f) => f.path.startsWith("data/readings/"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const {readings, problems} = parseReadingsCsv(file.content, file.path, {now: new Date("2026-11-01T00:00:00Z")});
      expect(problems.filter((p) => p.severity === "error"), file.path).toEqual([]);
      const rows = csvParse(file.content);
      expect(readings, file.path).toHaveLength(rows.length);
      // Line n of the file is row n − 2 (line 1 is the header).
      const instrumentAt = (line: number) => rows[line - 2]!.instrument_id;
      for (const p of problems.filter((q) => /rate meter/.test(q.message))) expect(instrumentAt(p.line!), file.path).toBe(sample.truth.rate_meter);
      for (const p of problems.filter((q) => /calibrated on/.test(q.message))) expect(instrumentAt(p.line!), file.path).toBe(sample.truth.out_of_calibration_instrument);
      expect(readings.some((r) => r.censored), file.path).toBe(true);
      expect(readings.some((r) => !r.censored), file.path).toBe(true);
    }
  });
});
