// Checks across a set of readings: ids repeated across files, and readings far off their device's others.
import {describe, expect, it} from "vitest";
import {checkReadingSet, parseReadingsCsv} from "../../lib/readings/index.js";

const NOW = {now: new Date("2026-06-01T00:00:00Z")};
const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,angle_deg,mdl";

/** Readings at several distances that all follow one inverse-square law (dose × r² = 8 µSv·m² per 60 s). */
function lawful(extra: string[] = []) {
  const rows = [1, 2, 4, 8, 2, 4].map((r, k) => `R${k + 1},VAN-1,2026-03-14T09:30:00Z,${r},m,60,s,${8 / (r * r)},uSv,0,`);
  return parseReadingsCsv([HEADER, ...rows, ...extra].join("\n"), "a.csv", NOW).readings;
}

describe("checkReadingSet", () => {
  it("finds nothing in readings that follow the inverse-square law", () => {
    expect(checkReadingSet(lawful())).toEqual([]);
  });

  it("warns about a reading far off the device's others, at its line", () => {
    // Line 8: 5 µSv at 4 m is 5 × 16 = 80 µSv·m², ten times the others' 8.
    const readings = lawful(["R7,VAN-1,2026-03-14T09:30:00Z,4,m,60,s,5,uSv,0,"]);
    expect(checkReadingSet(readings)).toMatchObject([
      {severity: "warning", file: "a.csv", line: 8, column: "dose", message: expect.stringMatching(/10 times higher than device VAN-1's other H\*\(10\) readings at 0°/)}
    ]);
  });

  it("allows for the duration when comparing", () => {
    // Twice the dose over twice the time: the same rate, not far off.
    expect(checkReadingSet(lawful(["R7,VAN-1,2026-03-14T09:30:00Z,2,m,120,s,4,uSv,0,"]))).toEqual([]);
  });

  it("compares only readings at the same angle, and leaves out censored ones", () => {
    const readings = lawful([
      "R7,VAN-1,2026-03-14T09:30:00Z,4,m,60,s,5,uSv,90,", // other angle: its own (too small) group
      "R8,VAN-1,2026-03-14T09:30:00Z,4,m,60,s,5,uSv,0,10" // below its MDL: censored
    ]);
    expect(checkReadingSet(readings)).toEqual([]);
  });

  it("needs a few readings before calling one far off", () => {
    const rows = ["R1,VAN-1,2026-03-14T09:30:00Z,1,m,60,s,8,uSv,0,", "R2,VAN-1,2026-03-14T09:30:00Z,1,m,60,s,800,uSv,0,"];
    const {readings} = parseReadingsCsv([HEADER, ...rows].join("\n"), "a.csv", NOW);
    expect(checkReadingSet(readings)).toEqual([]);
  });

  it("refuses a reading_id repeated in another file", () => {
    const a = parseReadingsCsv(`${HEADER}\nR1,VAN-1,2026-03-14T09:30:00Z,1,m,60,s,8,uSv,,`, "a.csv", NOW).readings;
    const b = parseReadingsCsv(`${HEADER}\nR0,VAN-1,2026-03-14T09:30:00Z,1,m,60,s,8,uSv,,\nR1,VAN-1,2026-03-14T09:30:00Z,1,m,60,s,8,uSv,,`, "b.csv", NOW).readings;
    expect(checkReadingSet([...a, ...b])).toEqual([
      {severity: "error", file: "b.csv", line: 3, column: "reading_id", message: expect.stringMatching(/reading at a\.csv:2/)}
    ]);
  });
});
