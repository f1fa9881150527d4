// Monte Carlo and the person-by-person simulation against closed forms computed by hand.
import {describe, expect, it} from "vitest";
import {cholesky, doseDistribution, percentileBand, probabilityExceeding} from "../../lib/simulation/monte-carlo.js";
import {DEFAULT_CHECKPOINT, simulateCheckpoint, walkerDose_uSv} from "../../lib/simulation/checkpoint.js";
import {foldAngle, rateAt, sectorFor, worstModel, type DoseField, type SectorModel} from "../../lib/simulation/field.js";

const inverseSquare = (S: number, sdS: number): SectorModel => ({centre_deg: null, model: "inverse-square", parameters: [S], covariance: [[sdS * sdS]], mu_per_m: null});

describe("Cholesky factor", () => {
  it("factors a 2×2 covariance by hand: [[4,2],[2,3]] = L·Lᵀ with L = [[2,0],[1,√2]]", () => {
    const l = cholesky([[4, 2], [2, 3]])!;
    expect(l[0]![0]).toBeCloseTo(2, 12);
    expect(l[1]![0]).toBeCloseTo(1, 12);
    expect(l[1]![1]).toBeCloseTo(Math.SQRT2, 12);
    expect(l[0]![1]).toBe(0);
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(cholesky([[1, 2], [2, 1]])).toBeNull();
  });
});

describe("Monte Carlo dose distribution", () => {
  // Dose = S·t/(3600 r²) is linear in S, so with S ~ N(100, 5²) the dose is normal with mean 100·t/(3600 r²) and
  // sd 5·t/(3600 r²): at r = 2 m, t = 3600 s, mean 25 µSv and sd 1.25 µSv.
  const n = 200_000;
  const result = doseDistribution(inverseSquare(100, 5), {distance_m: 2, duration_s: 3600}, n, 42);

  it("reproduces the mean and standard deviation of the closed form", () => {
    expect(Math.abs(result.mean - 25)).toBeLessThan(4 * (1.25 / Math.sqrt(n)));
    expect(result.sd).toBeCloseTo(1.25, 2);
    expect(result.p50).toBeCloseTo(25, 1);
    expect(result.p97_5).toBeCloseTo(25 + 1.959964 * 1.25, 1);
  });

  it("gives the probability of exceeding a limit of a normal distribution", () => {
    // P(X > μ + 1.6449σ) = 0.05 for a normal variable.
    const p = probabilityExceeding(result.samples, 25 + 1.6449 * 1.25);
    expect(Math.abs(p - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
  });

  it("is reproducible with a seed and differs between seeds", () => {
    const a = doseDistribution(inverseSquare(100, 5), {distance_m: 2, duration_s: 60}, 1000, 7);
    const b = doseDistribution(inverseSquare(100, 5), {distance_m: 2, duration_s: 60}, 1000, 7);
    const c = doseDistribution(inverseSquare(100, 5), {distance_m: 2, duration_s: 60}, 1000, 8);
    expect(Array.from(a.samples)).toEqual(Array.from(b.samples));
    expect(Array.from(a.samples)).not.toEqual(Array.from(c.samples));
  });

  it("agrees with the delta method for small uncertainties (power law, correlated parameters)", () => {
    // ln D = ln k − n ln r; var(ln D) = C_kk/k² + (ln r)² C_nn − 2 (ln r) C_kn / k.
    const k = 50, nExp = 2, r = 4;
    const C = [[0.25, -0.002], [-0.002, 0.0004]];
    const model: SectorModel = {centre_deg: null, model: "power-law", parameters: [k, nExp], covariance: C, mu_per_m: null};
    const lr = Math.log(r);
    const deltaSd = Math.sqrt(C[0]![0]! / (k * k) + lr * lr * C[1]![1]! - (2 * lr * C[0]![1]!) / k);
    const band = percentileBand(model, [r], 100_000, 3)[0]!;
    const mcSd = (Math.log(band.p97_5) - Math.log(band.p2_5)) / (2 * 1.959964);
    expect(mcSd / deltaSd).toBeGreaterThan(0.97);
    expect(mcSd / deltaSd).toBeLessThan(1.03);
  });

  it("adds the stated distance uncertainty", () => {
    const exact = doseDistribution(inverseSquare(100, 0.001), {distance_m: 2, duration_s: 3600}, 50_000, 1);
    const spread = doseDistribution(inverseSquare(100, 0.001), {distance_m: 2, duration_s: 3600, distanceSigma_m: 0.1}, 50_000, 1);
    // d ln D / d ln r = −2, so sd(ln D) ≈ 2 · 0.1/2 = 0.1: a dose sd of about 2.5 µSv at 25 µSv.
    expect(exact.sd).toBeLessThan(0.01);
    expect(spread.sd).toBeGreaterThan(2.3);
    expect(spread.sd).toBeLessThan(2.8);
  });
});

describe("person-by-person checkpoint simulation", () => {
  // Walking past an inverse-square source: ∫ S/(d² + v²t²) dt from −T to T = (2S/(d·v))·atan(vT/d), with L = vT;
  // over an infinite path, S·π/(d·v). S in µSv·m²/h, so divide by 3600 for µSv.
  const S = 140, d = 3, v = 1.3, L = 50;
  const model = inverseSquare(S, 0);

  it("integrates one walker's path as the closed form does", () => {
    const closed = ((2 * S) / (d * v)) * Math.atan(L / d) / 3600;
    expect(walkerDose_uSv(model, d, v, L, 1)).toBeCloseTo(closed, 6);
    // A very long path approaches the infinite-path limit S·π/(d·v).
    expect(walkerDose_uSv(model, d, v, 1e5, 1) / ((S * Math.PI) / (d * v) / 3600)).toBeCloseTo(1, 4);
    expect(walkerDose_uSv(model, d, v, L, 0.1)).toBeCloseTo(0.1 * closed, 7);
  });

  it("gives every identical walker the hand-computed dose, and sums them into the collective dose", () => {
    const p = {...DEFAULT_CHECKPOINT, depth_m: 0, walkSpeedSd_m_per_s: 0, walkSpeedMean_m_per_s: v, cordon_m: d, pathHalfLength_m: L, beamOnFraction: 0.5, duration_h: 2, pedestriansPerHour: 1000};
    const r = simulateCheckpoint(model, p, 11);
    const one = 0.5 * ((2 * S) / (d * v)) * Math.atan(L / d) / 3600;
    // Poisson count with mean 2000: within 5 standard deviations (√2000 ≈ 45).
    expect(Math.abs(r.people - 2000)).toBeLessThan(5 * Math.sqrt(2000));
    expect(r.max_uSv).toBeCloseTo(one, 6);
    expect(r.p95_uSv).toBeCloseTo(one, 6);
    expect(r.collective_person_uSv).toBeCloseTo(r.people * one, 3);
    // The operator stands at 3 m for an 8 h shift, beam on half the time: S/9 µSv/h × 8 h × 0.5.
    expect(r.operatorShift_uSv).toBeCloseTo((S / 9) * 8 * 0.5, 9);
  });

  it("orders the statistics of a spread-out crowd", () => {
    const r = simulateCheckpoint(model, DEFAULT_CHECKPOINT, 5);
    expect(r.mean_uSv).toBeLessThan(r.p95_uSv);
    expect(r.p95_uSv).toBeLessThanOrEqual(r.p99_uSv);
    expect(r.p99_uSv).toBeLessThanOrEqual(r.p999_uSv);
    expect(r.p999_uSv).toBeLessThanOrEqual(r.max_uSv);
    // No walker comes closer than the cordon or walks slower than 0.3 m/s: the most anyone can get is bounded.
    expect(r.max_uSv).toBeLessThanOrEqual(walkerDose_uSv(model, DEFAULT_CHECKPOINT.cordon_m, 0.3, 50, DEFAULT_CHECKPOINT.beamOnFraction));
  });

  it("refuses impossible parameters", () => {
    expect(() => simulateCheckpoint(model, {...DEFAULT_CHECKPOINT, beamOnFraction: 1.5}, 1)).toThrow(RangeError);
    expect(() => simulateCheckpoint(model, {...DEFAULT_CHECKPOINT, cordon_m: 0}, 1)).toThrow(RangeError);
  });
});

describe("dose field", () => {
  const sector = (centre_deg: number, S: number): SectorModel => ({centre_deg, model: "inverse-square", parameters: [S], covariance: [], mu_per_m: null});
  const field: DoseField = {device_id: "X", sectors: [{...sector(0, 50), centre_deg: null}, sector(0, 140), sector(90, 40), sector(180, 7)]};

  it("folds directions onto 0–180° about the beam axis and picks the nearest sector", () => {
    expect(foldAngle(350)).toBe(10);
    expect(foldAngle(-90)).toBe(90);
    expect(sectorFor(field, 350).centre_deg).toBe(0);
    expect(sectorFor(field, 200).centre_deg).toBe(180);
    expect(sectorFor(field, 100).centre_deg).toBe(90);
  });

  it("evaluates the model of the direction at sample points", () => {
    expect(rateAt(field, 2, 0)).toBeCloseTo(140 / 4, 12);
    expect(rateAt(field, 3, 270)).toBeCloseTo(40 / 9, 12);
    expect(worstModel(field, 5).parameters[0]).toBe(140);
  });
});

describe("walker integration for a model without a closed form", () => {
  it("matches a fine trapezoid sum in x for the power law", () => {
    const model: SectorModel = {centre_deg: null, model: "power-law", parameters: [60, 1.8], covariance: [], mu_per_m: null};
    const d = 2.5, v = 1.1, L = 40, steps = 400_000;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const x = -L + (2 * L * i) / steps;
      const w = i === 0 || i === steps ? 0.5 : 1;
      sum += w * 60 * Math.pow(Math.hypot(d, x), -1.8);
    }
    const reference = ((sum * (2 * L)) / steps) / v / 3600;
    expect(walkerDose_uSv(model, d, v, L, 1) / reference).toBeCloseTo(1, 4);
  });
});
