// Output constancy: the factor scaling the pooled curve, its standard error, the centre line and the control limits,
// against values worked out by hand on an inverse-square curve of S = 100 µSv·m²/h (100 µSv/h at 1 m).
import {describe, expect, it} from "vitest";
import {amplitudeRatio, calibrationPeriods, constancyChart, quartersBetween, type DatedPoint} from "../../lib/models/constancy.js";
import {referenceModel} from "../../lib/models/reference.js";
import type {FitPoint} from "../../lib/models/types.js";

// 100 µSv in 1 h at 1 m: m(r) = 100 / r² µSv/h, one parameter.
const curve = referenceModel({dose_uSv: 100, duration_s: 3600, distance_m: 1});
let line = 1;
const at = (day: string, distance_m: number, rate: number, sigma: number, censored = false): DatedPoint => ({
  day,
  point: {reading_id: `R${line}`, device_id: "VAN-1", distance_m, angle_deg: 0, rate_uSv_per_h: rate, sigma_uSv_per_h: sigma, censored, mdl_rate_uSv_per_h: null, source: {file: "r.csv", line: ++line}} satisfies FitPoint
});

describe("amplitudeRatio", () => {
  it("is Σ w y m / Σ w m² with standard error √(s / Σ w m²)", () => {
    // w = 1/25 and 1/1.5625: Σ w y m = 110·100/25 + 27.5·25/1.5625 = 440 + 440; Σ w m² = 400 + 400.
    const r = amplitudeRatio([{y: 110, sigma: 5, m: 100}, {y: 27.5, sigma: 1.25, m: 25}], 2)!;
    expect(r.k).toBeCloseTo(1.1, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(2 / 800), 12);
    // s below 1 is taken as 1: stated uncertainties are never narrowed.
    expect(amplitudeRatio([{y: 1, sigma: 1, m: 1}], 0.5)!.se).toBe(1);
    expect(amplitudeRatio([], 1)).toBeNull();
  });
});

describe("constancyChart", () => {
  // Made in each test, not while vitest collects the file (a mutant that makes it throw must fail tests).
  const quarters = () => quartersBetween("2025-01-10", "2025-12-20");

  it("charts each quarter's output at 1 m against the pooled output with ±2σ and ±3σ limits", () => {
    const chart = constancyChart(curve, [
      at("2025-01-10", 1, 100, 5), at("2025-02-10", 2, 25, 1.25),
      at("2025-02-11", 1, 200, 5), // 20σ off the curve: left out
      at("2025-02-12", 2, 5, 1, true), // below detection: not fitted
      at("2025-04-10", 1, 110, 5), at("2025-05-10", 2, 27.5, 1.25),
      at("2025-07-10", 1, 90, 5), at("2025-08-10", 2, 22.5, 1.25),
      at("2025-10-10", 1, 100, 5)
    ], quarters())!;
    // χ² of the charted readings: Q2 (10/5)² + (2.5/1.25)² = 8, Q3 the same, Q1 and Q4 0: 16 over 7 − 1 = 6 dof.
    expect(chart.scale).toBeCloseTo(16 / 6, 12);
    expect(chart.left_out).toBe(1);
    // Pooled factor: (800 + 880 + 720 + 400) / (800 + 800 + 800 + 400) = 1, so the centre is 100 µSv/h.
    expect(chart.pooled_uSv_per_h).toBeCloseTo(100, 10);
    expect(chart.points.map((p) => p.label)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    const [q1, q2, q3, q4] = chart.points;
    expect(q1).toMatchObject({n: 2, beyond: null, out_of_control: false, first: {file: "r.csv", line: 2}});
    // Q2: output 110; σ = 100 · √((8/3) / 800) = 5.7735; limits 100 ± 11.547 and ± 17.321; z = 10 / 5.7735 = 1.732.
    const sigma = 100 * Math.sqrt(16 / 6 / 800);
    expect(q2!.output_uSv_per_h).toBeCloseTo(110, 10);
    expect(q2!.sigma_uSv_per_h).toBeCloseTo(5.773502691896258, 10);
    expect([q2!.lower2_uSv_per_h, q2!.upper2_uSv_per_h, q2!.lower3_uSv_per_h, q2!.upper3_uSv_per_h].map((v) => Number(v.toFixed(3))))
      .toEqual([88.453, 111.547, 82.679, 117.321]);
    expect(q2!.z).toBeCloseTo(10 / sigma, 10);
    expect(q3!.output_uSv_per_h).toBeCloseTo(90, 10);
    // Q4: one reading at 1 m, σ = 100 · √((8/3) / 400) = 8.165.
    expect(q4!.sigma_uSv_per_h).toBeCloseTo(100 * Math.sqrt(16 / 6 / 400), 10);
  });

  it("warns of a point beyond 3σ (rule 1)", () => {
    // Three quarters of nine readings at 100 ± 1 at 1 m, and two of 102.5 (each within 3σ of the curve, so charted):
    // χ²/dof = 12.5 / 28 < 1, s = 1.
    const rows = [1, 4, 7].flatMap((month) => Array.from({length: 9}, (_, i) => at(`2025-0${month}-1${i}`, 1, 100, 1)));
    const chart = constancyChart(curve, [...rows, at("2025-11-02", 1, 102.5, 1), at("2025-11-03", 1, 102.5, 1)], quarters())!;
    expect(chart.scale).toBe(1);
    // k̄ = 2905 / 2900; Q4: k = 1.025, se = √(1/20000), z = (1.025 − 2905/2900) / √(1/20000) = 3.2917.
    expect(chart.pooled_uSv_per_h).toBeCloseTo(100 * 2905 / 2900, 10);
    const q4 = chart.points.at(-1)!;
    expect(q4.z).toBeCloseTo((1.025 - 2905 / 2900) / Math.sqrt(1 / 20000), 10);
    expect(q4).toMatchObject({beyond: "3σ", out_of_control: true});
    // The others: z = (1 − 2905/2900) / (1/300) = −0.517.
    expect(chart.points.slice(0, 3).every((p) => !p.out_of_control && Math.abs(p.z - (1 - 2905 / 2900) * 300) < 1e-9)).toBe(true);
  });

  it("warns of two of three consecutive points beyond 2σ on one side (rule 2), not of one alone", () => {
    const nine = (month: number) => Array.from({length: 9}, (_, i) => at(`2025-${String(month).padStart(2, "0")}-1${i}`, 1, 100, 1));
    // Q2 and Q4 one reading each of 102.5: k̄ = 2005 / 2000, z = (1.025 − 1.0025) / 0.01 = 2.25 each, Q3 between.
    const two = constancyChart(curve, [...nine(1), at("2025-05-01", 1, 102.5, 1), ...nine(7), at("2025-11-01", 1, 102.5, 1)], quarters())!;
    expect(two.points.map((p) => [p.label, p.beyond, p.out_of_control])).toEqual([
      ["2025-Q1", null, false], ["2025-Q2", "2σ", true], ["2025-Q3", null, false], ["2025-Q4", "2σ", true]
    ]);
    const one = constancyChart(curve, [...nine(1), at("2025-05-01", 1, 102.5, 1), ...nine(7), ...nine(10)], quarters())!;
    expect(one.points.map((p) => [p.beyond, p.out_of_control])).toEqual([[null, false], ["2σ", false], [null, false], [null, false]]);
  });
});

describe("periods", () => {
  it("lists the calendar quarters from the first reading's to the last's", () => {
    expect(quartersBetween("2024-11-30", "2025-04-01")).toEqual([
      {kind: "quarter", label: "2024-Q4", from: "2024-10-01", to: "2024-12-31"},
      {kind: "quarter", label: "2025-Q1", from: "2025-01-01", to: "2025-03-31"},
      {kind: "quarter", label: "2025-Q2", from: "2025-04-01", to: "2025-06-30"}
    ]);
  });
  it("runs each calibration period from its certificate to the day before the next, the newest open", () => {
    expect(calibrationPeriods([{certificate_id: "B", issued_on: "2025-02-11"}, {certificate_id: "A", issued_on: "2024-03-01"}], "2024-01-15")).toEqual([
      {kind: "calibration", label: "before certificate A", from: "2024-01-15", to: "2024-02-29"},
      {kind: "calibration", label: "certificate A (from 2024-03-01)", from: "2024-03-01", to: "2025-02-10"},
      {kind: "calibration", label: "certificate B (from 2025-02-11)", from: "2025-02-11", to: null}
    ]);
    expect(calibrationPeriods([], "2024-01-15")).toEqual([]);
  });
});
