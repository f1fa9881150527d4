// The generated readings go through the product's own readings parser: the sample must be valid input, and the
// things planted for the RSO to find must surface as the parser's warnings, on the right rows only.
import {csvParse} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {generateSampleData} from "../../lib/sample/index.js";

const sample = generateSampleData();
const files = sample.files.filter((f) => f.path.startsWith("data/readings/"));

describe("sample readings through parseReadingsCsv", () => {
  for (const file of files) {
    it(`${file.path}: no errors, and warnings only where the sample planted them`, () => {
      const {readings, problems} = parseReadingsCsv(file.content, file.path, {now: new Date("2026-11-01T00:00:00Z")});
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      const rows = csvParse(file.content);
      expect(readings).toHaveLength(rows.length);
      // Line n of the file is row n − 2 (line 1 is the header).
      const instrumentAt = (line: number) => rows[line - 2]!.instrument_id;
      for (const p of problems.filter((q) => /rate meter/.test(q.message))) expect(instrumentAt(p.line!)).toBe(sample.truth.rate_meter);
      for (const p of problems.filter((q) => /calibrated on/.test(q.message))) expect(instrumentAt(p.line!)).toBe(sample.truth.out_of_calibration_instrument);
      expect(readings.some((r) => r.censored)).toBe(true);
      expect(readings.some((r) => !r.censored)).toBe(true);
    });
  }
});
