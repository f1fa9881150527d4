// Reading readings files and folders from disk: discovery, order, fingerprints, non-text files.
import {mkdtemp, mkdir, writeFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readReadingsPaths} from "../../lib/io/index.js";
import {TEST_NOW} from "../clock.js";

const FIXTURES = "test/fixtures/readings";
const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "readings-"));
  await mkdir(join(dir, "b"), {recursive: true});
  await writeFile(join(dir, "b", "z.csv"), `${HEADER}\nZ1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv\n`);
  await writeFile(join(dir, "a.csv"), `${HEADER}\nA1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv\n`);
  await writeFile(join(dir, "notes.txt"), "not a readings file");
  await writeFile(join(dir, "abc.csv"), "abc");
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe("readReadingsPaths", () => {
  it("reads every *.csv below a folder in sorted order, with SHA-256 fingerprints", async () => {
    const {readings, files, problems} = await readReadingsPaths([dir], {now: TEST_NOW});
    expect(files.map((f) => f.path)).toEqual([join(dir, "a.csv"), join(dir, "abc.csv"), join(dir, "b", "z.csv")]);
    // SHA-256("abc") is the FIPS 180-2 test vector.
    expect(files[1]!.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(files.map((f) => f.rows)).toEqual([1, 0, 1]);
    expect(readings.map((r) => r.reading_id)).toEqual(["A1", "Z1"]);
    // "abc" is a header line naming none of the required columns, with no readings under it.
    const untraced = problems.filter((p) => p.column === "instrument_id");
    expect(untraced.map((p) => p.file)).toEqual([join(dir, "a.csv"), join(dir, "b", "z.csv")]);
    const rest = problems.filter((p) => !untraced.includes(p));
    expect(rest.every((p) => p.severity === "error" && p.file === join(dir, "abc.csv") && p.line === 1)).toBe(true);
    expect(rest.map((p) => p.column)).toEqual([
      "device_id", "measured_at", "distance", "distance_unit", "duration", "duration_unit", "dose", "dose_unit", undefined
    ]);
  });

  it("reads the valid fixtures with two warnings: the rate meter, and two readings that name no instrument", async () => {
    const {readings, problems} = await readReadingsPaths([`${FIXTURES}/valid`], {now: TEST_NOW});
    expect(readings).toHaveLength(6);
    expect(problems).toEqual([
      expect.objectContaining({severity: "warning", file: `${FIXTURES}/valid/2026-03.csv`, line: 5, column: "instrument_type"}),
      expect.objectContaining({severity: "warning", file: `${FIXTURES}/valid/april/2026-04.csv`, line: 2, column: "instrument_id", message: expect.stringContaining("calibration traceability is lost")})
    ]);
    const m3 = readings.find((r) => r.reading_id === "M-003")!;
    expect(m3.distance_m).toBeCloseTo(9.144, 12); // 30 ft
    expect(m3.gross).toBeCloseTo(0.14, 12); // 0.014 mrem
    expect(m3.notes).toBe("operator noted wind, light rain");
  });

  it("refuses a file that is not UTF-8 text, naming it", async () => {
    const {problems, files} = await readReadingsPaths([`${FIXTURES}/not-text/readings.csv`], {now: TEST_NOW});
    expect(problems).toEqual([{severity: "error", file: `${FIXTURES}/not-text/readings.csv`, message: expect.stringMatching(/not UTF-8 text/)}]);
    expect(files).toHaveLength(1);
  });

  it("reports a path that does not exist and a folder without CSV files", async () => {
    await mkdir(join(dir, "empty"), {recursive: true});
    const {problems} = await readReadingsPaths([join(dir, "missing"), join(dir, "empty")], {now: TEST_NOW});
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/no such file/), expect.stringMatching(/no readings files/)]);
  });
});
