// The output constancy chart as published, on hand-made readings at 1 m (no publish(): milliseconds per test). With
// every reading at the reference distance and equal σ, a period's output is the mean of its rates, the pooled output
// the mean of all, the scale max(1, χ²/dof) of the readings about that mean, and z = (mean − pooled) / (σ √(scale / n)).
import {describe, expect, it} from "vitest";
import {BEAM_SIDE_SECTOR, CONSTANCY_DISTANCE_M, deviceConstancy} from "../../lib/publish/constancy.js";
import type {Certificate} from "../../lib/certificates/types.js";
import type {FitPoint} from "../../lib/models/index.js";
import type {DeviceModels, GroupModels} from "../../lib/publish/device-models.js";
import type {DeviceAnalysis} from "../../lib/publish/publication.js";
import {handFit} from "../exposure/hand-fit.js";
import {point, reading} from "../models/helpers.js";

const SIGMA = 5;
/** Days spread over the four quarters of 2026. */
const DAYS = ["01-15", "02-10", "02-20", "03-05", "03-20", "03-25", "04-10", "05-10", "05-20", "06-05", "06-20", "06-25", "07-10", "08-10", "08-20", "09-05", "10-05", "11-01", "11-05", "12-01"];

interface Row { day: string; rate: number; angle?: number | null; censored?: boolean; source?: boolean }

function device(rows: Row[], options: {S: number; sectors?: (string | null)[]; selected?: boolean; reason?: string | null} ) {
  const fit = handFit({params: [options.S], covariance: [[1]]});
  const groups: GroupModels[] = (options.sectors ?? [null]).map((sector) => ({
    device_id: "VAN-1", sector, fits: [fit], weights: [1], selected: options.selected === false ? null : fit, checks: null, readingGroups: [], reason: options.reason ?? null
  }));
  const models: DeviceModels = {device_id: "VAN-1", groups};
  const points: FitPoint[] = rows.map((r, i) => point(1, r.rate, SIGMA, {
    reading_id: `r${i}`, angle_deg: r.angle ?? null, censored: r.censored ?? false, source: r.source === false ? null : {file: "readings.csv", line: i + 2}
  }));
  const readings = rows.map((r, i) => reading({reading_id: `r${i}`, measured_at: `2026-${r.day}T10:00:00-05:00`, source: {file: "field.csv", line: i + 2}}));
  return {device_id: "VAN-1", readings, excluded: [], points, excludedPoints: [], models, withoutExclusions: null, range: [1, 1], energy: {}, toUSv: (v: number) => v} as unknown as DeviceAnalysis;
}

/** `counts` readings per quarter of 2026 at the given rates. */
function quarters(perQuarter: [number, number][], extra: Partial<Row> = {}): Row[] {
  const byQuarter = [DAYS.slice(0, 6), DAYS.slice(6, 12), DAYS.slice(12, 16), DAYS.slice(16, 20)];
  return perQuarter.flatMap(([n, rate], q) => byQuarter[q]!.slice(0, n).map((day) => ({day, rate, ...extra})));
}

const certificate = (certificate_id: string, device_id: string, issued_on: string) => ({certificate_id, device_id, issued_on}) as unknown as Certificate;

describe("deviceConstancy", () => {
  it("charts the output at 1 m per quarter and per calibration period, and warns of a quarter beyond 3σ", () => {
    // Q1–Q3: four readings of 100 µSv/h each; Q4: two of 115. Pooled 1430/14; χ² = (12·(15/7)² + 2·(90/7)²)/25 on 13 dof.
    const rows = quarters([[4, 100], [4, 100], [4, 100], [2, 115]]);
    const pooled = 1430 / 14;
    const scale = ((12 * (15 / 7) ** 2 + 2 * (90 / 7) ** 2) / 25) / 13;
    const a = device(rows, {S: pooled});
    const {chart, problems} = deviceConstancy(a, [certificate("C-2", "VAN-1", "2026-07-01"), certificate("C-9", "VAN-9", "2026-03-01")]);
    expect(chart.device_id).toBe("VAN-1");
    expect(chart.basis).toBe("all angles (no reading states a direction), inverse-square");
    expect(chart.reason).toBeNull();
    expect(chart.reference_distance_m).toBe(CONSTANCY_DISTANCE_M);
    expect(chart.pooled_uSv_per_h).toBeCloseTo(pooled, 9);
    expect(chart.scale).toBeCloseTo(scale, 9);
    expect(chart.left_out).toBe(0);
    expect(chart.points.map((p) => [p.kind, p.label, p.from, p.to, p.n])).toEqual([
      ["quarter", "2026-Q1", "2026-01-01", "2026-03-31", 4], ["quarter", "2026-Q2", "2026-04-01", "2026-06-30", 4],
      ["quarter", "2026-Q3", "2026-07-01", "2026-09-30", 4], ["quarter", "2026-Q4", "2026-10-01", "2026-12-31", 2],
      ["calibration", "before certificate C-2", "2026-01-15", "2026-06-30", 8], ["calibration", "certificate C-2 (from 2026-07-01)", "2026-07-01", null, 6]
    ]);
    const q4 = chart.points[3]!;
    const z4 = (115 - pooled) / (SIGMA * Math.sqrt(scale / 2));
    expect(q4.output_uSv_per_h).toBeCloseTo(115, 9);
    expect(q4.z).toBeCloseTo(z4, 9);
    expect(q4.beyond).toBe("3σ");
    expect(q4.out_of_control).toBe(true);
    expect(chart.points.filter((p) => p.out_of_control)).toEqual([q4]);
    // The fit's internals are not published.
    expect("first" in q4 || "ratio" in q4).toBe(false);
    expect(problems).toEqual([{
      severity: "warning", code: "output-constancy", file: "readings.csv", line: 14,
      message: `device VAN-1's output at 1 m on the beam side in 2026-Q4 (2 readings) is 115 µSv/h, ${Number(z4.toPrecision(3))}σ above the pooled 102 µSv/h ` +
        "(beyond the ±3σ control limits): check the device's output (tube settings, filtration) and the dosimeters of that period against its certificate"
    }]);
  });

  it("takes the periods from the readings' days in any file order", () => {
    const rows = quarters([[4, 100], [4, 100], [4, 100], [2, 115]]).reverse();
    const {chart, problems} = deviceConstancy(device(rows, {S: 1430 / 14}), [certificate("C-2", "VAN-1", "2026-07-01")]);
    expect(chart.points.map((p) => [p.label, p.from, p.n])).toEqual([
      ["2026-Q1", "2026-01-01", 4], ["2026-Q2", "2026-04-01", 4], ["2026-Q3", "2026-07-01", 4], ["2026-Q4", "2026-10-01", 2],
      ["before certificate C-2", "2026-01-15", 8], ["certificate C-2 (from 2026-07-01)", "2026-07-01", 6]
    ]);
    // Q4's first reading by day (5 October) is the file's second line of data.
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  it("says below for a low quarter, and names the two-of-three rule when that is what it breaks", () => {
    const low = deviceConstancy(device(quarters([[2, 85], [4, 100], [4, 100], [4, 100]]), {S: 1370 / 14}), []);
    expect(low.problems).toHaveLength(1);
    expect(low.problems[0]!.message).toContain("in 2026-Q1 (2 readings) is 85 µSv/h, 3.34σ below the pooled 97.9 µSv/h (beyond the ±3σ control limits)");
    // Q3 and Q4 at 111 (z = 8.25 / (5 √½) = 2.33 each): two consecutive beyond 2σ on one side.
    const drift = deviceConstancy(device(quarters([[6, 100], [6, 100], [2, 111], [2, 111]]), {S: 102.75}), []);
    expect(drift.chart.points.map((p) => p.beyond)).toEqual([null, null, "2σ", "2σ"]);
    expect(drift.problems.map((p) => /in (\S+) \(2 readings\) is 111 µSv\/h/.exec(p.message)?.[1])).toEqual(["2026-Q3", "2026-Q4"]);
    for (const p of drift.problems) expect(p.message).toContain("2.33σ above the pooled 103 µSv/h (beyond ±2σ in two of three consecutive periods)");
  });

  it("uses only the beam side's readings when readings state a direction", () => {
    const beam = quarters([[4, 100], [4, 100], [4, 100], [2, 115]], {angle: 10});
    const side = quarters([[2, 500], [2, 500], [0, 0], [0, 0]], {angle: 90});
    const {chart, problems} = deviceConstancy(device([...beam, ...side], {S: 1430 / 14, sectors: [null, BEAM_SIDE_SECTOR, "90°"]}), []);
    expect(chart.basis).toBe("the 0° sector (beam side), inverse-square");
    expect(chart.left_out).toBe(0);
    expect(chart.pooled_uSv_per_h).toBeCloseTo(1430 / 14, 9);
    expect(chart.points.map((p) => p.n)).toEqual([4, 4, 4, 2]);
    expect(problems).toHaveLength(1);
  });

  it("charts the beam side as soon as any reading states a direction", () => {
    const beam = quarters([[4, 100], [4, 100], [4, 100], [2, 115]], {angle: 0});
    const unstated = quarters([[2, 300], [0, 0], [0, 0], [0, 0]]);
    const {chart} = deviceConstancy(device([...unstated, ...beam], {S: 1430 / 14, sectors: [null, BEAM_SIDE_SECTOR]}), []);
    expect(chart.basis).toBe("the 0° sector (beam side), inverse-square");
    expect(chart.left_out).toBe(0);
    expect(chart.points.map((p) => p.n)).toEqual([4, 4, 4, 2]);
  });

  it("warns at the first reading's file without a line when the readings' points carry no source", () => {
    const {problems} = deviceConstancy(device(quarters([[4, 100], [4, 100], [4, 100], [2, 115]], {source: false}), {S: 1430 / 14}), []);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe("field.csv");
    expect("line" in problems[0]!).toBe(false);
  });

  it("has no chart, and says why, when there is nothing to chart", () => {
    const rows = quarters([[4, 100], [4, 100], [0, 0], [0, 0]]);
    const empty = (reason: string) => ({
      chart: {device_id: "VAN-1", basis: null, reference_distance_m: 1, pooled_uSv_per_h: null, scale: null, left_out: 0, points: [], reason}, problems: []
    });
    expect(deviceConstancy(device([], {S: 100}), [])).toEqual(empty("device VAN-1 has no readings to fit"));
    expect(deviceConstancy(device(rows.map((r) => ({...r, angle: 0})), {S: 100, sectors: [null, "90°"]}), []))
      .toEqual(empty("no usable fit on the beam side (the 0° sector): no reading in it"));
    expect(deviceConstancy(device(rows.map((r) => ({...r, angle: 0})), {S: 100, sectors: [null, "0°"], selected: false, reason: "only 3 readings"}), []))
      .toEqual(empty("no usable fit on the beam side (the 0° sector): only 3 readings"));
    expect(deviceConstancy(device(rows, {S: 100, selected: false, reason: "no model converged"}), []))
      .toEqual(empty("no usable fit of VAN-1: no model converged"));
    expect(deviceConstancy(device(rows, {S: 100, sectors: ["0°"]}), []))
      .toEqual(empty("no usable fit of VAN-1: no readings"));
    expect(deviceConstancy(device(rows.map((r) => ({...r, censored: true})), {S: 100}), []))
      .toEqual(empty("no reading of the beam side of VAN-1 above detection and within 3σ of its model"));
  });
});
