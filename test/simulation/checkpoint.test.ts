// The person-by-person checkpoint simulation against hand-computed walkers. Walking a straight line at perpendicular
// distance d and speed v past an inverse-square source S: ∫ S/(d² + v²t²) dt over the stretch x ∈ [−L, L] is
// (2S/(d·v))·atan(L/d), which tends to S·π/(d·v) for an infinite path; S in µSv·m²/h, so divide by 3600 for µSv.
import {describe, expect, it} from "vitest";
import type {DoseFieldModel} from "../../lib/field/index.js";
import {DEFAULT_CHECKPOINT, simulateCheckpoint, walkerDose} from "../../lib/simulation/index.js";

const S = 140;
const field: DoseFieldModel = {model: "inverse-square", parameters: {S}, parameterNames: ["S"], covariance: [[1]]};
const d = 3;
const v = 1.3;
const R = 50;
const L = Math.sqrt(R * R - d * d);
const continuous = (2 * S) / (d * v) * Math.atan(L / d) / 3600;
const alwaysOn = {period_s: 120, beamOn_s: 120, end_s: 36_000};

describe("one walker", () => {
  it("receives the closed-form dose with the beam always on", () => {
    expect(walkerDose(field, {distance_m: d, speed_m_per_s: v, start_s: 100}, alwaysOn, R) / continuous).toBeCloseTo(1, 6);
    // A very long path approaches the infinite-path limit S·π/(d·v).
    const infinite = (S * Math.PI) / (d * v) / 3600;
    expect(walkerDose(field, {distance_m: d, speed_m_per_s: v, start_s: 0}, {...alwaysOn, end_s: 1e7}, 1e5) / infinite).toBeCloseTo(1, 4);
  });

  it("receives only the dose of the seconds the beam is on", () => {
    // Beam on for 2 s every 120 s; the walker passes closest at t = 1 s, so the beam is on for τ ∈ [−1, 1] around the
    // closest approach: dose = (2S/(d·v))·atan(v·1/d)/3600. The next scan (t = 120 s) finds the walker out of range.
    const schedule = {period_s: 120, beamOn_s: 2, end_s: 3600};
    const dose = walkerDose(field, {distance_m: d, speed_m_per_s: v, start_s: 1 - L / v}, schedule, R);
    // Two seconds of beam is a few Simpson steps: the quadrature's stated 10⁻⁴ accuracy, not round-off, sets the bound.
    expect(dose / ((2 * S) / (d * v) * Math.atan(v / d) / 3600)).toBeCloseTo(1, 4);
  });

  it("uses the fitted model of the direction it walks in", () => {
    // The back half (angles 90°–270°, y < 0) has its own fit with S = 20: a walker on that side gets that model's dose.
    const sectored: DoseFieldModel = {
      ...field,
      sectors: [{centre_deg: 180, width_deg: 180, field: {model: "inverse-square", parameters: {S: 20}, parameterNames: ["S"], covariance: [[1]]}}]
    };
    const back = walkerDose(sectored, {distance_m: d, speed_m_per_s: v, start_s: 100, side: -1}, alwaysOn, R);
    expect(back / ((continuous * 20) / S)).toBeCloseTo(1, 6);
    const front = walkerDose(sectored, {distance_m: d, speed_m_per_s: v, start_s: 100, side: 1}, alwaysOn, R);
    expect(front / continuous).toBeCloseTo(1, 6);
  });

  it("integrates a power law as a fine trapezoid sum over the path does", () => {
    const power: DoseFieldModel = {model: "power-law", parameters: {k: 60, n: 1.8}, parameterNames: ["k", "n"], covariance: [[1, 0], [0, 0.01]]};
    const steps = 400_000;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const x = -L + (2 * L * i) / steps;
      sum += (i === 0 || i === steps ? 0.5 : 1) * 60 * Math.pow(Math.hypot(d, x), -1.8);
    }
    const reference = (sum * (2 * L)) / steps / v / 3600;
    expect(walkerDose(power, {distance_m: d, speed_m_per_s: v, start_s: 100}, alwaysOn, R) / reference).toBeCloseTo(1, 5);
  });
});

describe("a checkpoint deployment", () => {
  const identical = {
    cordon_m: d,
    cordonDepth_m: 0,
    walkingSpeedMean_m_per_s: v,
    walkingSpeedSd_m_per_s: 0,
    range_m: R,
    vehiclesPerHour: 30,
    deployment_h: 10,
    operators: [{name: "post", distance_m: 3, shift_h: 8}]
  };

  it("gives identical walkers the hand-computed dose with the beam always on, and sums them", () => {
    const r = simulateCheckpoint(field, {...identical, beamOnPerScan_s: 120, people: 2000}, 11);
    expect(r.people).toBe(2000);
    expect(r.beamOnFraction).toBe(1);
    expect(r.max_uSv / continuous).toBeCloseTo(1, 6);
    expect(r.p95_uSv / continuous).toBeCloseTo(1, 6);
    // Walkers who arrive in the last 77 s of the 10 h deployment are cut short when the device stops: at most 0.2 %.
    expect(r.collective_personUSv).toBeLessThanOrEqual(2000 * continuous * (1 + 1e-9));
    expect(r.collective_personUSv).toBeGreaterThan(0.995 * 2000 * continuous);
    // The operator at 3 m for 8 h with the beam always on: S/9 µSv/h × 8 h.
    expect(r.operators[0]!.dosePerShift_uSv).toBeCloseTo((S / 9) * 8, 9);
    expect(r.operators[0]!.shiftsToAnnualLimit).toBeCloseTo(1000 / ((S / 9) * 8), 9);
    // S/9 = 15.6 µSv in an hour at the post: under the 20 µSv hourly limit; 124 µSv a shift, under 1 mSv a year.
    // A person standing at the cordon (d = the identical walkers' distance) for an hour with the beam always on: S/d².
    expect(r.cordonHour_uSv).toBeCloseTo(S / identical.cordon_m! ** 2, 9);
    expect(r.checks.map((c) => [c.quantity, c.limit.id, c.exceeded])).toEqual([
      ["a person standing at the cordon: dose in any one hour", "L7", S / identical.cordon_m! ** 2 > 20],
      ["largest dose to a passer-by (one passage), as part of a year", "L6", false],
      ["largest dose to a passer-by (one passage), beside the negligible dose of a year", "L13", continuous > 10],
      ["post: dose in one hour", "L7", false],
      ["post: dose per shift", "L4", false]
    ]);
  });

  it("averages to the beam-on fraction of the continuous dose when walkers arrive at random", () => {
    // 5 m vehicles at 5 km/h: 3.6 s of beam every 120 s, a fraction 0.03. Arrival times uniform over the schedule's
    // phase make each walker's expected dose that fraction of the continuous dose.
    const r = simulateCheckpoint(field, {...identical, people: 40_000}, 5);
    expect(r.beamOnFraction).toBeCloseTo(0.03, 12);
    let ss = 0;
    for (const x of r.doses_uSv) ss += (x - r.mean_uSv) ** 2;
    const standardError = Math.sqrt(ss / (r.people - 1) / r.people);
    expect(Math.abs(r.mean_uSv - 0.03 * continuous)).toBeLessThan(4 * standardError + 0.003 * continuous);
    // Some walkers miss every scan, and nobody gets more than the continuous dose.
    expect(r.p95_uSv).toBeLessThan(continuous);
    expect(r.max_uSv).toBeLessThanOrEqual(continuous);
    expect(r.operators[0]!.dosePerShift_uSv).toBeCloseTo((S / 9) * 8 * 0.03, 9);
  });

  it("orders the statistics of a spread-out crowd and reproduces them from the seed", () => {
    const a = simulateCheckpoint(field, {}, 3);
    const b = simulateCheckpoint(field, {}, 3);
    expect(a.people).toBeGreaterThan(2000);
    expect(Array.from(a.doses_uSv)).toEqual(Array.from(b.doses_uSv));
    expect(a.mean_uSv).toBeLessThan(a.p99_uSv);
    expect(a.p95_uSv).toBeLessThanOrEqual(a.p99_uSv);
    expect(a.p99_uSv).toBeLessThanOrEqual(a.p999_uSv);
    expect(a.p999_uSv).toBeLessThanOrEqual(a.max_uSv);
    // Nobody comes closer than the cordon or walks slower than the slowest walker modelled.
    const bound = walkerDose(
      field,
      {distance_m: DEFAULT_CHECKPOINT.cordon_m, speed_m_per_s: DEFAULT_CHECKPOINT.walkingSpeedMin_m_per_s, start_s: 100},
      alwaysOn,
      DEFAULT_CHECKPOINT.range_m
    );
    expect(a.max_uSv).toBeLessThanOrEqual(bound);
    expect(a.limits.publicHour.value_uSv).toBe(20);
  });

  it("refuses impossible parameters with a message that says what to change", () => {
    expect(() => simulateCheckpoint(field, {beamOnPerScan_s: 200}, 1)).toThrow(/longer than the time between vehicles/);
    expect(() => simulateCheckpoint(field, {cordon_m: 0}, 1)).toThrow(/cordon_m must be/);
    expect(() => simulateCheckpoint(field, {people: 1.5}, 1)).toThrow(/people/);
    expect(() => walkerDose(field, {distance_m: 3, speed_m_per_s: 0, start_s: 0}, alwaysOn, R)).toThrow(/speed_m_per_s/);
  });
});
