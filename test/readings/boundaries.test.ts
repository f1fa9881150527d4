// The readings' thresholds at, just before and just after each: a reading dated in the future, censoring below the
// detection limit (gross and limit compared in the same unit, whatever unit the file uses), a background larger than
// the gross reading, an instrument's calibration 12 months old, and a reading "far off" its device's others.
import {describe, expect, it} from "vitest";
import {checkReadingSet, FAR_OFF_MODIFIED_Z, parseReadingsCsv} from "../../lib/readings/index.js";
import type {Problem} from "../../lib/io/index.js";
import {nextUp} from "../float.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,mdl,background,uncertainty,instrument_calibrated_on";

interface Row {measured_at?: string; dose?: string; dose_unit?: string; mdl?: string; background?: string; uncertainty?: string; calibrated?: string}
function parse(rows: Row[]) {
  const lines = rows.map((r, i) => [
    `R${i + 1}`, "VAN-1", r.measured_at ?? "2026-03-14T09:30:00Z", "2", "m", "60", "s", r.dose ?? "0.5", r.dose_unit ?? "uSv",
    r.mdl ?? "", r.background ?? "", r.uncertainty ?? "", r.calibrated ?? ""
  ].join(","));
  return parseReadingsCsv([HEADER, ...lines].join("\n") + "\n", "r.csv", {now: NOW});
}
const messages = (problems: Problem[], column: string) => problems.filter((p) => p.column === column).map((p) => `${p.severity}: ${p.message}`);

describe("a reading dated in the future (now = 2026-06-01T00:00:00Z)", () => {
  it("accepts a reading taken at the very instant of validation, or a second before", () => {
    for (const measured_at of ["2026-06-01T00:00:00Z", "2026-05-31T23:59:59Z", "2026-06-01T02:00:00+02:00", "2026-05-31T20:00:00-04:00"]) {
      const {readings, problems} = parse([{measured_at}]);
      expect(messages(problems, "measured_at")).toEqual([]);
      expect(readings).toHaveLength(1);
    }
  });
  it("refuses one second later, however the offset writes it", () => {
    for (const measured_at of ["2026-06-01T00:00:01Z", "2026-06-01T02:00:01+02:00", "2026-05-31T20:00:01-04:00", "2026-06-01T00:00:00.001Z"]) {
      const {readings, problems} = parse([{measured_at}]);
      expect(messages(problems, "measured_at")).toEqual([`error: "${measured_at}" is in the future; check the date and the UTC offset`]);
      expect(readings).toEqual([]);
    }
  });
  it("refuses a reading one day in the future", () => {
    const {problems} = parse([{measured_at: "2026-06-02T00:00:00Z"}]);
    expect(messages(problems, "measured_at")).toHaveLength(1);
  });
});

describe("censoring: gross below the detection limit, both in the file's unit", () => {
  const censored = (row: Row) => parse([row]).readings[0]!.censored;
  it("is censored just below the limit, in µSv", () => {
    expect(censored({dose: "0.049", mdl: "0.05"})).toBe(true);
  });
  it("is not censored at the limit or above it", () => {
    expect(censored({dose: "0.05", mdl: "0.05"})).toBe(false);
    expect(censored({dose: "0.051", mdl: "0.05"})).toBe(false);
  });
  it("compares in one unit when the file's unit is not the canonical one (mrem: 1 mrem = 10 µSv)", () => {
    // 0.004 mrem = 0.04 µSv below 0.005 mrem = 0.05 µSv: censored. Comparing 0.04 µSv with "0.005" would say not.
    expect(censored({dose: "0.004", dose_unit: "mrem", mdl: "0.005"})).toBe(true);
    // 0.006 mrem above 0.005 mrem: detected. Comparing "0.006" with 0.05 µSv would say censored.
    expect(censored({dose: "0.006", dose_unit: "mrem", mdl: "0.005"})).toBe(false);
    expect(censored({dose: "0.005", dose_unit: "mrem", mdl: "0.005"})).toBe(false);
  });
  it("does the same for air kerma and exposure", () => {
    expect(censored({dose: "0.9", dose_unit: "mGy", mdl: "1"})).toBe(true);
    expect(censored({dose: "1.1", dose_unit: "mGy", mdl: "1"})).toBe(false);
    expect(censored({dose: "4", dose_unit: "mR", mdl: "5"})).toBe(true);
    expect(censored({dose: "6", dose_unit: "mR", mdl: "5"})).toBe(false);
  });
  it("keeps the limit in the canonical unit on the reading", () => {
    const r = parse([{dose: "0.004", dose_unit: "mrem", mdl: "0.005"}]).readings[0]!;
    expect(r.gross).toBeCloseTo(0.04, 15);
    expect(r.mdl).toBeCloseTo(0.05, 15);
  });
  it("is never censored without a stated limit", () => {
    expect(censored({dose: "0"})).toBe(false);
  });
});

describe("a background larger than the gross reading by more than its uncertainty", () => {
  const warned = (row: Row) => messages(parse([row]).problems, "background").length > 0;
  it("is not reported when the excess equals the uncertainty", () => {
    expect(warned({dose: "1", background: "1.5", uncertainty: "0.5"})).toBe(false);
    expect(warned({dose: "1", background: "1"})).toBe(false);
  });
  it("is reported just beyond it", () => {
    expect(warned({dose: "1", background: String(nextUp(1.5)), uncertainty: "0.5"})).toBe(true);
    expect(warned({dose: "1", background: "1.0001"})).toBe(true);
  });
  it("is not reported for a censored reading, whose gross cannot be told from zero", () => {
    expect(warned({dose: "0.01", mdl: "0.05", background: "0.04"})).toBe(false);
  });
  it("compares background and gross in one unit", () => {
    expect(warned({dose: "0.1", dose_unit: "mrem", background: "0.2"})).toBe(true);
    expect(warned({dose: "0.2", dose_unit: "mrem", background: "0.1"})).toBe(false);
  });
});

describe("an instrument's calibration, valid for 12 calendar months", () => {
  const warned = (calibrated: string, measured_at: string) => messages(parse([{calibrated, measured_at}]).problems, "instrument_calibrated_on");
  it("is valid on the day 12 months after the calibration, lapsed the day after", () => {
    expect(warned("2025-03-14", "2026-03-14T09:30:00Z")).toEqual([]);
    expect(warned("2025-03-14", "2026-03-15T09:30:00Z")).toEqual([expect.stringMatching(/^warning: .*calibrated on 2025-03-14, more than 12 months before this reading \(2026-03-15\)/)]);
  });
  it("uses the reading's local date, not UTC", () => {
    // 2026-03-15T01:00Z is still 2026-03-14 in New York.
    expect(warned("2025-03-14", "2026-03-14T21:00:00-04:00")).toEqual([]);
  });
  it("must not postdate the reading: same day is fine, the next day is not", () => {
    expect(warned("2026-03-14", "2026-03-14T09:30:00Z")).toEqual([]);
    expect(warned("2026-03-15", "2026-03-14T09:30:00Z")).toEqual([expect.stringMatching(/after this reading/)]);
  });
});

describe("a reading far off its device's others: modified z-score > 3.5, and more than a factor 3 from the median", () => {
  // Readings at 1 m over 1 h, so x = log10(dose in µSv) exactly: the others are at x = -0.2, -0.1, 0, 0, 0.1, 0.2.
  // With the test reading at x = c > 0.2 the median is 0 and the MAD 0.1, so its modified z is 0.6745 c / 0.1.
  const others = [-0.2, -0.1, 0, 0, 0.1, 0.2];
  const farOff = (xs: number[]) => {
    const rows = xs.map((x, i) => `R${i + 1},VAN-1,2026-03-14T09:30:00Z,1,m,1,h,${10 ** x},uSv,,,,`);
    const {readings, problems} = parseReadingsCsv([HEADER, ...rows].join("\n"), "r.csv", {now: NOW});
    expect(problems).toEqual([]);
    // The lines of the readings called far off (the header is line 1).
    return checkReadingSet(readings).map((p) => p.line);
  };
  const atThreshold = (FAR_OFF_MODIFIED_Z * 0.1) / 0.6745;

  it("the threshold is the one Iglewicz and Hoaglin recommend", () => {
    expect(FAR_OFF_MODIFIED_Z).toBe(3.5);
  });
  it("is not far off just below the threshold, far off just above it", () => {
    expect(farOff([...others, atThreshold - 1e-6])).toEqual([]);
    expect(farOff([...others, atThreshold + 1e-6])).toEqual([8]);
  });
  it("is far off in either direction", () => {
    expect(farOff([...others, -(atThreshold + 1e-6)])).toEqual([8]);
  });
  it("is never far off within a factor of 3 of the median, even when the others agree exactly", () => {
    expect(farOff([0, 0, 0, 0, 0, Math.log10(3)])).toEqual([]);
    expect(farOff([0, 0, 0, 0, 0, Math.log10(3.0001)])).toEqual([7]);
    expect(farOff([0, 0, 0, 0, 0, -Math.log10(3.0001)])).toEqual([7]);
  });
  it("compares a reading only with the same device's readings of the same quantity", () => {
    const row = (i: number, device: string, dose: string, unit = "uSv") => `R${i},${device},2026-03-14T09:30:00Z,1,m,1,h,${dose},${unit},,,,`;
    const parseRows = (rows: string[]) => parseReadingsCsv([HEADER, ...rows].join("\n"), "r.csv", {now: NOW}).readings;
    // Five readings of VAN-1 at 1 µSv and one of VAN-2 at 100: VAN-2's reading has no group of its own.
    expect(checkReadingSet(parseRows([1, 2, 3, 4, 5].map((i) => row(i, "VAN-1", "1")).concat(row(6, "VAN-2", "100"))))).toEqual([]);
    // The same for a reading of air kerma among dose equivalents.
    expect(checkReadingSet(parseRows([1, 2, 3, 4, 5].map((i) => row(i, "VAN-1", "1")).concat(row(6, "VAN-1", "100", "uGy"))))).toEqual([]);
  });
  it("says how many times higher or lower, and at which angle when one is stated", () => {
    const rows = (last: string) => [1, 2, 3, 4, 5].map((i) => `R${i},VAN-1,2026-03-14T09:30:00Z,1,m,1,h,1,uSv,,,,`).concat(`R6,VAN-1,2026-03-14T09:30:00Z,1,m,1,h,${last},uSv,,,,`);
    const message = (last: string) => checkReadingSet(parseReadingsCsv([HEADER, ...rows(last)].join("\n"), "r.csv", {now: NOW}).readings)[0]!;
    expect(message("20")).toMatchObject({severity: "warning", file: "r.csv", line: 7, column: "dose"});
    expect(message("20").message).toBe("this reading is 20 times higher than device VAN-1's other H*(10) readings once distance and duration are allowed for (inverse square); check the dose, its unit, the distance and the duration");
    expect(message("0.05").message).toMatch(/^this reading is 20 times lower than device VAN-1's other H\*\(10\) readings once/);
  });
  it("leaves out readings with no net dose (gross at or below background)", () => {
    const rows = [1, 2, 3, 4].map((i) => `R${i},VAN-1,2026-03-14T09:30:00Z,1,m,1,h,1,uSv,,,,`).concat("R5,VAN-1,2026-03-14T09:30:00Z,1,m,1,h,1,uSv,,1,,", "R6,VAN-1,2026-03-14T09:30:00Z,1,m,1,h,1,uSv,,2,5,");
    const {readings, problems} = parseReadingsCsv([HEADER, ...rows].join("\n"), "r.csv", {now: NOW});
    expect(problems).toEqual([]);
    // Four readings with a net dose: too few to call any far off, although the other two are nowhere near them.
    expect(checkReadingSet(readings)).toEqual([]);
  });
  it("needs five readings in the group", () => {
    expect(farOff([0, 0, 0, 2])).toEqual([]);
    expect(farOff([0, 0, 0, 0, 2])).toEqual([6]);
  });
});
