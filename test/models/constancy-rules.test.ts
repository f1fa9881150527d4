// Output constancy, the edges of its rules: which readings are charted (at exactly 3σ: yes), which periods they fall in
// (first and last day included, an open period), the thresholds of ±2σ and ±3σ at exactly 2 and 3, the Western Electric
// rules 1 and 2 (within three consecutive points of one kind, on one side), and the calibration periods.
// The curve is 64 µSv/h at 1 m and readings are at 1 m with σ = 1 µSv/h, so every sum below is exact in binary.
import {describe, expect, it} from "vitest";
import {calibrationPeriods, constancyChart, quartersBetween, type ConstancyPeriod, type DatedPoint} from "../../lib/models/constancy.js";
import {referenceModel} from "../../lib/models/reference.js";
import type {FitPoint} from "../../lib/models/types.js";

const curve = () => referenceModel({dose_uSv: 64, duration_s: 3600, distance_m: 1});
let line = 1;
const at = (day: string, rate: number, options: {sigma?: number; censored?: boolean} = {}): DatedPoint => ({
  day,
  point: {
    reading_id: `R${line}`, device_id: "VAN-1", distance_m: 1, angle_deg: 0, rate_uSv_per_h: rate, sigma_uSv_per_h: options.sigma ?? 1,
    censored: options.censored ?? false, mdl_rate_uSv_per_h: null, source: {file: "r.csv", line: ++line}
  } satisfies FitPoint
});
/** `count` readings of `rate` on days 10, 11, … of a month. */
const many = (month: string, count: number, rate: number) => Array.from({length: count}, (_, i) => at(`${month}-${10 + i}`, rate));
const quarters = () => quartersBetween("2025-01-01", "2025-12-31");
const signs = (chart: ReturnType<typeof constancyChart>) => chart!.points.map((p) => [p.label, p.beyond, p.out_of_control]);

describe("constancyChart: which readings, which periods", () => {
  it("charts a reading exactly 3σ off the curve, and counts the periods' first and last days and an open period", () => {
    const periods: ConstancyPeriod[] = [
      {kind: "calibration", label: "A", from: "2025-03-01", to: "2025-03-31"},
      {kind: "calibration", label: "B", from: "2025-04-01", to: null}
    ];
    // 67 is 3σ above 64: charted. 68 is 4σ above: left out.
    const chart = constancyChart(curve(), [at("2025-03-01", 67), at("2025-03-31", 64), at("2025-04-01", 68), at("2025-09-30", 64)], periods)!;
    expect(chart.left_out).toBe(1);
    expect(chart.points.map((p) => [p.label, p.n])).toEqual([["A", 2], ["B", 1]]);
    // A: k = (67 + 64) / (2·64); charted χ² = 9 over 3 − 1 = 2 dof, so s = 4.5 and se(k) = √(4.5/(2·64²)) = 1.5/64.
    expect(chart.scale).toBe(4.5);
    expect(chart.points[0]!.output_uSv_per_h).toBe(65.5);
    expect(chart.points[0]!.sigma_uSv_per_h).toBe(1.5);
  });

  it("takes s = 1 when the readings leave no degree of freedom, and skips a period without readings", () => {
    // One reading 2σ off a one-parameter curve: χ² = 4 over 0 dof says nothing about the scatter.
    const chart = constancyChart(curve(), [at("2025-05-02", 66)], quarters())!;
    expect(chart.scale).toBe(1);
    expect(chart.points.map((p) => p.label)).toEqual(["2025-Q2"]);
    expect(chart.points[0]!.sigma_uSv_per_h).toBe(1);
  });

  it("is null when no reading is charted: all below detection or beyond 3σ", () => {
    expect(constancyChart(curve(), [at("2025-05-02", 80), at("2025-05-03", 1, {censored: true})], quarters())).toBeNull();
  });

  it("locates a period by its earliest reading, the first listed of that day", () => {
    const rows = [at("2025-05-20", 64), at("2025-05-03", 64), at("2025-05-03", 64), at("2025-06-01", 64)];
    const chart = constancyChart(curve(), rows, quarters())!;
    expect(chart.points[0]!.first).toEqual(rows[1]!.point.source);
  });
});

describe("constancyChart: the thresholds and the rules", () => {
  // Other readings at 63.75 put the pooled factor at exactly 1 (a centre of 64) and keep s = 1; one reading of 64 + a
  // in its own quarter then has z = a exactly: k = (64 + a)/64, se(k) = 1/64.
  it("puts z = 3 exactly beyond 2σ but not beyond 3σ (12 readings at 63.75, one at 67: k̄ = 832·64 / (13·4096) = 1)", () => {
    const chart = constancyChart(curve(), [...many("2025-01", 12, 63.75), at("2025-05-02", 67)], quarters())!;
    expect(chart.scale).toBe(1);
    expect(chart.pooled_uSv_per_h).toBe(64);
    expect(chart.points[1]!.z).toBe(3);
    expect(signs(chart)).toEqual([["2025-Q1", null, false], ["2025-Q2", "2σ", false]]);
  });

  it("puts z = 2 exactly within 2σ (8 readings at 63.75, one at 66: k̄ = 576·64 / (9·4096) = 1)", () => {
    const chart = constancyChart(curve(), [...many("2025-01", 8, 63.75), at("2025-05-02", 66)], quarters())!;
    expect(chart.pooled_uSv_per_h).toBe(64);
    expect(chart.points[1]!.z).toBe(2);
    expect(signs(chart)).toEqual([["2025-Q1", null, false], ["2025-Q2", null, false]]);
  });

  // Four quarters: a long run of readings on the curve holds the centre at 64, single readings 2.5σ off make a quarter
  // beyond 2σ (z = ±2.5·N/(N + 1) with N readings elsewhere at 64, above 2 for N ≥ 5).
  it("warns of two of three consecutive quarters beyond 2σ below the centre, as above it", () => {
    const chart = constancyChart(curve(), [...many("2025-01", 20, 64), at("2025-04-02", 61.5), at("2025-07-02", 61.5), ...many("2025-10", 20, 64)], quarters())!;
    expect(signs(chart)).toEqual([["2025-Q1", null, false], ["2025-Q2", "2σ", true], ["2025-Q3", "2σ", true], ["2025-Q4", null, false]]);
  });

  it("does not count two quarters beyond 2σ on opposite sides, nor two more than three quarters apart", () => {
    const opposite = constancyChart(curve(), [...many("2025-01", 20, 64), at("2025-04-02", 66.5), at("2025-07-02", 61.5), ...many("2025-10", 20, 64)], quarters())!;
    expect(signs(opposite)).toEqual([["2025-Q1", null, false], ["2025-Q2", "2σ", false], ["2025-Q3", "2σ", false], ["2025-Q4", null, false]]);
    // 2025-Q1 and 2026-Q1, with three quarters on the curve between them.
    const fiveQuarters = quartersBetween("2025-01-01", "2026-03-31");
    const apart = constancyChart(curve(), [
      at("2025-01-02", 66.5), ...many("2025-04", 10, 64), ...many("2025-07", 10, 64), ...many("2025-10", 10, 64), at("2026-01-02", 66.5)
    ], fiveQuarters)!;
    expect(signs(apart)).toEqual([
      ["2025-Q1", "2σ", false], ["2025-Q2", null, false], ["2025-Q3", null, false], ["2025-Q4", null, false], ["2026-Q1", "2σ", false]
    ]);
  });

  it("applies rule 2 to quarters and to calibration periods separately", () => {
    // The last quarter and the first calibration period are each beyond 2σ, one after the other in the chart's
    // list, but each is alone in its own sequence.
    const periods: ConstancyPeriod[] = [
      ...quartersBetween("2025-01-01", "2025-06-30"),
      {kind: "calibration", label: "C1", from: "2025-02-01", to: "2025-02-28"},
      {kind: "calibration", label: "C2", from: "2025-03-01", to: null}
    ];
    const chart = constancyChart(curve(), [at("2025-02-02", 66.5), ...many("2025-03", 20, 64), at("2025-04-02", 66.5)], periods)!;
    // χ² = 12.5 over 21 dof: s = 1. Centre (20·64 + 2·66.5)/22 = 64.227. Q1 and C2 each hold one 66.5 and the twenty
    // 64s: 64.119, z = −0.50. Q2 and C1 each hold one 66.5 alone: z = 66.5 − 64.227 = 2.27, beyond 2σ.
    expect(signs(chart)).toEqual([["2025-Q1", null, false], ["2025-Q2", "2σ", false], ["C1", "2σ", false], ["C2", null, false]]);
  });
});

describe("calibrationPeriods", () => {
  it("orders certificates by issue date whatever order they are listed in", () => {
    const certificates = [
      {certificate_id: "C", issued_on: "2025-06-01"}, {certificate_id: "A", issued_on: "2024-01-10"},
      {certificate_id: "D", issued_on: "2026-01-05"}, {certificate_id: "B", issued_on: "2024-12-20"}
    ];
    const expected = [["A", "2024-01-10", "2024-12-19"], ["B", "2024-12-20", "2025-05-31"], ["C", "2025-06-01", "2026-01-04"], ["D", "2026-01-05", null]];
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]) {
      const periods = calibrationPeriods(order.map((k) => certificates[k]!), null);
      expect(periods.map((p) => [p.label.split(" ")[1], p.from, p.to])).toEqual(expected);
    }
  });

  it("keeps certificates of one day in the order listed", () => {
    const periods = calibrationPeriods([{certificate_id: "X", issued_on: "2025-01-01"}, {certificate_id: "Y", issued_on: "2025-01-01"}, {certificate_id: "W", issued_on: "2024-01-01"}], null);
    expect(periods.map((p) => p.label)).toEqual(["certificate W (from 2024-01-01)", "certificate X (from 2025-01-01)", "certificate Y (from 2025-01-01)"]);
  });

  it("adds no period before the first certificate when the first reading is on its issue date", () => {
    expect(calibrationPeriods([{certificate_id: "A", issued_on: "2025-01-01"}], "2025-01-01")).toEqual([
      {kind: "calibration", label: "certificate A (from 2025-01-01)", from: "2025-01-01", to: null}
    ]);
  });
});
