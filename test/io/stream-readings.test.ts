// The streaming reader against a second method: the whole-file reader on the same files must give the same points,
// the same problems on the same lines, and the same fit; and a line no reading could be is refused, not held.
import {describe, expect, it} from "vitest";
import {mkdtemp, open, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {streamReadingsFile, MAX_LINE_BYTES} from "../../lib/io/stream-readings.js";
import {readReadingsPaths, MAX_WHOLE_FILE_BYTES} from "../../lib/io/read-readings.js";
import {readingsToPoints, packPoints, fitModel, fitPacked, type PointOptions} from "../../lib/models/index.js";
import {TEST_NOW} from "../clock.js";

const SAMPLE = "data/readings/ZBV-0417-2025.csv";
// Any conversion will do for comparing the two readers, as long as both use the same one.
const convertible: PointOptions = {toDoseEquivalent: (v, r) => (r.quantity === "exposure" ? v / 100 : v)};

describe("streaming readings", () => {
  it("gives the same points, in small batches, as reading the whole file", async () => {
    const whole = await readReadingsPaths([SAMPLE], {now: TEST_NOW});
    const {points} = readingsToPoints(whole.readings, convertible);
    const streamed = await streamReadingsFile(SAMPLE, {...convertible, batchLines: 37, now: TEST_NOW});
    const ids = [...new Set(points.map((p) => p.device_id))];
    expect([...streamed.devices.keys()]).toEqual(ids);
    for (const id of ids) {
      const expected = packPoints(points.filter((p) => p.device_id === id));
      const got = streamed.devices.get(id)!.packed;
      expect(got.n).toBe(expected.n);
      expect(Array.from(got.r)).toEqual(Array.from(expected.r));
      expect(Array.from(got.y)).toEqual(Array.from(expected.y));
      expect(streamed.devices.get(id)!.censored).toBe(points.filter((p) => p.device_id === id && p.censored).length);
      // The same fit from the packed arrays as from the reading objects.
      const a = fitPacked(got, "inverse-square");
      const b = fitModel(points.filter((p) => p.device_id === id), "inverse-square");
      expect(a.parameters.S!.value).toBeCloseTo(b.parameters.S!.value, 9);
      expect(a.parameters.S!.stderr!).toBeCloseTo(b.parameters.S!.stderr!, 9);
    }
    expect(streamed.rows).toBe(whole.readings.length);
    expect(streamed.sha256).toBe(whole.files[0]!.sha256);
  });

  it("reports a problem in a later batch on its line in the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stream-"));
    const file = join(dir, "r.csv");
    const header = "device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit";
    const rows = Array.from({length: 50}, (_, i) => `D1,2026-03-01T10:${String(i % 60).padStart(2, "0")}:00-05:00,${1 + i / 10},m,60,s,0.5,uSv`);
    rows[41] = `D1,2026-03-01T10:00:00-05:00,-2,m,60,s,0.5,uSv`; // file line 43
    await writeFile(file, [header, ...rows].join("\n") + "\n");
    const streamed = await streamReadingsFile(file, {batchLines: 10, now: TEST_NOW});
    const whole = await readReadingsPaths([file], {now: TEST_NOW});
    const errorLines = (ps: {severity: string; line?: number}[]) => ps.filter((p) => p.severity === "error").map((p) => p.line);
    expect(errorLines(streamed.problems)).toEqual([43]);
    expect(errorLines(whole.problems)).toEqual([43]);
    expect(streamed.rows).toBe(49);
  });

  it("refuses a line longer than any reading without holding it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stream-"));
    const file = join(dir, "long.csv");
    const handle = await open(file, "w");
    await handle.write("device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit\nD1,");
    const block = Buffer.alloc(1 << 20, "x");
    for (let i = 0; i < 4; i++) await handle.write(block);
    await handle.close();
    const streamed = await streamReadingsFile(file, {now: TEST_NOW});
    expect(streamed.problems).toHaveLength(1);
    expect(streamed.problems[0]!.line).toBe(2);
    expect(streamed.problems[0]!.message).toContain(`longer than ${MAX_LINE_BYTES} bytes`);
  });

  it("refuses to read a file too large to hold whole, with a message instead of a crash", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stream-"));
    const file = join(dir, "huge.csv");
    const handle = await open(file, "w");
    await handle.truncate(MAX_WHOLE_FILE_BYTES + 1); // sparse: no disk space used
    await handle.close();
    const result = await readReadingsPaths([file], {now: TEST_NOW});
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/files over 256 MB are not read whole/);
  });
});
