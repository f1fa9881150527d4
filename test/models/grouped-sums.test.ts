// The sums of a group, worked by hand on a handful of readings: what each group holds (Σw, Σwy, Σwy², Σwr, the extremes,
// the instruments), where it sits, its spread, the order of the groups, the merging of sectors and the packing for the
// fitter. Every expected value below is written out from the readings (w = 1/σ²), not taken from the code.
import {describe, expect, it} from "vitest";
import {
  groupChiSquareWithin, groupDistance, groupMean, groupPoints, groupSpread, mergeSectors, packGroups, type FitInstrument, type FitPoint
} from "../../lib/models/index.js";
import {point} from "./helpers.js";

const M1 = (type: FitInstrument["type"], calibration: number | null, energyResponse: number | null): FitInstrument => ({id: "M1", type, calibration, energyResponse});

// With bins 50 % wide (ln 1.5 ≈ 0.405), 0.9 m, 1 m and 1.1 m share bin 0: round(ln r / ln 1.5) = round(−0.26), 0, round(0.235).
const WIDE = {relativeWidth: 0.5};

/**
 * One group of five readings, the nearest, farthest, lowest and highest none of them the last:
 *   1.1 m  y 2  σ 0.5 (w 4)  M1 integrating, calibration 0.05
 *   0.9 m  y 5  σ 1   (w 1)  M1 rate-meter,  calibration 0.03, energy response 0.2
 *   1.0 m  censored           M2
 *   1.0 m  y 3  σ 0.5 (w 4)  M1 no type,     energy response 0.1
 *   1.0 m  y 4  σ 1   (w 1)  no instrument
 * Σw = 10, Σwy = 8 + 5 + 12 + 4 = 29, Σwy² = 16 + 25 + 36 + 16 = 93, Σwr = 4.4 + 0.9 + 4 + 1 = 10.3.
 */
function fiveReadings(): FitPoint[] {
  return [
    point(1.1, 2, 0.5, {reading_id: "a", instrument: M1("integrating", 0.05, null)}),
    point(0.9, 5, 1, {reading_id: "b", instrument: M1("rate-meter", 0.03, 0.2)}),
    point(1.0, 0, 1, {reading_id: "c", censored: true, mdl_rate_uSv_per_h: 1, instrument: {id: "M2", type: "integrating", calibration: 0.1, energyResponse: 0.1}}),
    point(1.0, 3, 0.5, {reading_id: "d", instrument: M1(null, null, 0.1)}),
    point(1.0, 4, 1, {reading_id: "e"})
  ];
}

describe("a group's sums", () => {
  it("adds w, wy, wy² and wr over the readings above detection and counts the censored ones apart", () => {
    const groups = groupPoints(fiveReadings(), WIDE);
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g.n).toBe(4);
    expect(g.censored).toBe(1);
    expect(g.sumW).toBe(10);
    expect(g.sumWY).toBe(29);
    expect(g.sumWYY).toBe(93);
    expect(g.sumWR).toBeCloseTo(10.3, 12);
  });

  it("keeps the nearest and farthest distance and the lowest and highest rate, whatever the order of the readings", () => {
    const g = groupPoints(fiveReadings(), WIDE)[0]!;
    expect([g.minR, g.maxR, g.minY, g.maxY]).toEqual([0.9, 1.1, 2, 5]);
    const reversed = groupPoints(fiveReadings().reverse(), WIDE)[0]!;
    expect([reversed.minR, reversed.maxR, reversed.minY, reversed.maxY]).toEqual([0.9, 1.1, 2, 5]);
  });

  it("sits at the readings' weighted mean distance when they differ: Σwr / Σw = 10.3 / 10", () => {
    const g = groupPoints(fiveReadings(), WIDE)[0]!;
    expect(groupDistance(g)).toBeCloseTo(1.03, 12);
    expect(groupMean(g)).toBeCloseTo(2.9, 12);
    // Σwy² − (Σwy)²/Σw = 93 − 841/10; the spread is √(8.9 / 10).
    expect(groupChiSquareWithin(g)).toBeCloseTo(8.9, 10);
    expect(groupSpread(g)).toBeCloseTo(Math.sqrt(0.89), 12);
  });

  it("sits exactly at the one distance its readings share, not at a rounded Σwr / Σw", () => {
    // At 0.1 m with w = 1/0.09, 1/0.49, 1/1.21 the quotient Σwr / Σw comes out one unit in the last place below 0.1.
    const g = groupPoints([point(0.1, 1, 0.3), point(0.1, 2, 0.7), point(0.1, 3, 1.1)])[0]!;
    expect([g.minR, g.maxR]).toEqual([0.1, 0.1]);
    expect(groupDistance(g)).toBe(0.1);
  });

  it("gives a single reading no spread, though wy² − (wy)²/w rounds to more than 0", () => {
    // y = 2.2, σ = 0.7: w·y² − (w·y)²/w is 1.8e-15 in floating point, not 0.
    const g = groupPoints([point(2, 2.2, 0.7)])[0]!;
    expect(g.n).toBe(1);
    expect(groupSpread(g)).toBe(0);
  });

  it("a group of readings all below detection: no sums, no scatter, no spread, no mean", () => {
    const g = groupPoints([point(1, 0, 1, {censored: true, mdl_rate_uSv_per_h: 1, instrument: M1("integrating", 0.05, 0.1)})])[0]!;
    expect([g.n, g.censored, g.sumW]).toEqual([0, 1, 0]);
    expect(g.instruments).toEqual([]);
    expect(groupChiSquareWithin(g)).toBe(0);
    expect(groupSpread(g)).toBe(0);
    expect(groupMean(g)).toBeNaN();
  });
});

describe("a group's instruments", () => {
  it("one entry per instrument id with its readings and Σw; the largest stated uncertainties; the first stated type", () => {
    const g = groupPoints(fiveReadings(), WIDE)[0]!;
    // M1: readings a, b, d (Σw = 4 + 1 + 4); calibration max(0.05, 0.03); energy response max(0.2, 0.1) (a states none);
    // type from a, the first reading. The reading naming no instrument is its own entry; censored M2 is in no sum.
    expect(g.instruments).toEqual([
      {id: "M1", type: "integrating", calibration: 0.05, energyResponse: 0.2, readings: 3, sumW: 9},
      {id: null, type: null, calibration: null, energyResponse: null, readings: 1, sumW: 1}
    ]);
  });

  it("takes a type first stated on a later reading, and an energy response stated first and then a smaller one", () => {
    const g = groupPoints([
      point(1, 1, 1, {reading_id: "a", instrument: M1(null, null, 0.3)}),
      point(1, 2, 1, {reading_id: "b", instrument: M1("rate-meter", null, 0.2)}),
      point(1, 3, 1, {reading_id: "c", instrument: M1("integrating", null, null)})
    ])[0]!;
    expect(g.instruments).toEqual([{id: "M1", type: "rate-meter", calibration: null, energyResponse: 0.3, readings: 3, sumW: 3}]);
  });
});

describe("groups of several devices, sectors and distances", () => {
  it("keeps each device's readings apart, also at the same distance and with no angle, in whatever order they come", () => {
    const groups = groupPoints([point(1, 1, 1, {device_id: "A"}), point(1, 2, 1, {device_id: "B"}), point(1, 3, 1, {device_id: "A"})]);
    expect(groups.map((g) => [g.device_id, g.n, g.sumWY])).toEqual([["A", 2, 4], ["B", 1, 2]]);
  });

  it("orders groups by device, then sector (no angle first, then by centre), then distance", () => {
    const at = (device_id: string, angle_deg: number | null, r: number) => point(r, 1, 1, {device_id, angle_deg, reading_id: `${device_id}${angle_deg}@${r}`});
    const groups = groupPoints([
      at("B", 90, 2), at("A", null, 1), at("C", 0, 0.5), at("A", 45, 0.5), at("B", null, 0.5), at("A", 0, 2),
      at("A", null, 0.5), at("B", 90, 0.5), at("A", 135, 1), at("A", 0, 1), at("A", null, 2)
    ]);
    expect(groups.map((g) => [g.device_id, g.sector_deg, groupDistance(g)])).toEqual([
      ["A", null, 0.5], ["A", null, 1], ["A", null, 2], ["A", 0, 1], ["A", 0, 2], ["A", 45, 0.5], ["A", 135, 1],
      ["B", null, 0.5], ["B", 90, 0.5], ["B", 90, 2], ["C", 0, 0.5]
    ]);
  });
});

describe("mergeSectors", () => {
  it("adds a device's sectors in one bin into one group without an angle, sums, extremes and censored counts", () => {
    // Sector 0: 1.1 m, y 2, σ 0.5 (w 4); sector 90: 0.9 m, y 5, σ 1 (w 1); sector 45: censored. Another device apart.
    const merged = mergeSectors(groupPoints([
      point(1.1, 2, 0.5, {angle_deg: 0, instrument: M1("integrating", 0.05, null)}),
      point(0.9, 5, 1, {angle_deg: 90, instrument: M1("rate-meter", 0.03, 0.2)}),
      point(1.0, 0, 1, {angle_deg: 45, censored: true, mdl_rate_uSv_per_h: 1}),
      point(1.0, 7, 1, {device_id: "AAA", angle_deg: 0})
    ], WIDE));
    expect(merged.map((g) => [g.device_id, g.sector_deg])).toEqual([["AAA", null], ["VAN-1", null]]);
    const g = merged[1]!;
    expect([g.n, g.censored, g.sumW, g.sumWY, g.sumWYY]).toEqual([2, 1, 5, 13, 41]);
    expect([g.minR, g.maxR, g.minY, g.maxY]).toEqual([0.9, 1.1, 2, 5]);
    // (4 × 1.1 + 1 × 0.9) / 5
    expect(groupDistance(g)).toBeCloseTo(1.06, 12);
    expect(g.instruments).toEqual([{id: "M1", type: "integrating", calibration: 0.05, energyResponse: 0.2, readings: 2, sumW: 5}]);
  });
});

describe("packGroups", () => {
  it("one entry per group above detection at its distance, mean rate and Σw; the range over all of them", () => {
    // Sorted: A 0.5 m, A 1 m (censored only), A 2 m, B 1 m: the nearest group is first, the farthest in the middle.
    // B's two readings (y 1 and 3, σ 1) have mean 2, Σw 2 and scatter (1 − 2)² + (3 − 2)² = 2.
    const packed = packGroups(groupPoints([
      point(2, 0.25, 0.1, {device_id: "A"}), point(1, 1, 1, {device_id: "B"}), point(0.5, 4, 1, {device_id: "A"}), point(1, 3, 1, {device_id: "B"}),
      point(1, 0, 1, {device_id: "A", censored: true, mdl_rate_uSv_per_h: 1})
    ]));
    expect(packed.n).toBe(3);
    expect([...packed.r]).toEqual([0.5, 2, 1]);
    expect([...packed.y]).toEqual([4, 0.25, 2]);
    expect(packed.w[0]).toBe(1);
    expect(packed.w[1]).toBeCloseTo(100, 10);
    expect(packed.w[2]).toBe(2);
    expect([packed.minR, packed.maxR]).toEqual([0.5, 2]);
    expect(packed.grouped!.readings).toBe(4);
    // The single readings' own terms round to about 1e-15, not to 0.
    expect(packed.grouped!.chiSquareWithin).toBeCloseTo(2, 12);
  });
});
