// Monte Carlo against closed forms: the lognormal that log-space sampling of a scale parameter gives, the exact
// normal of ln D for a power law, and the delta method for small uncertainties.
import {describe, expect, it} from "vitest";
import type {DoseFieldModel} from "../../lib/field/index.js";
import {cholesky, doseDistribution, percentileBand, probabilityExceeding, sampleParameters} from "../../lib/simulation/index.js";

const inverseSquare = (S: number, sdS: number): DoseFieldModel => ({
  model: "inverse-square",
  parameters: {S},
  parameterNames: ["S"],
  covariance: [[sdS * sdS]]
});

const Z975 = 1.959964;
const Z95 = 1.644854;

describe("Cholesky factor", () => {
  it("factors [[4,2],[2,3]] as L = [[2,0],[1,√2]] (by hand)", () => {
    expect(Array.from(cholesky([[4, 2], [2, 3]]))).toEqual([2, 0, 1, expect.closeTo(Math.SQRT2, 14)]);
  });

  it("gives a zero column for a parameter held fixed and refuses a matrix that is not a covariance", () => {
    expect(Array.from(cholesky([[0, 0], [0, 9]]))).toEqual([0, 0, 0, 3]);
    expect(() => cholesky([[1, 2], [2, 1]])).toThrow(/positive semi-definite/);
  });
});

describe("dose distribution", () => {
  // S is drawn in log space: ln S ~ N(ln 100, 0.05²). Dose at 2 m for 1 h = S/4 µSv is lognormal with median 25 and
  // σ_ln = 0.05, so mean = 25·e^(σ²/2) = 25.03127 and sd = mean·√(e^(σ²) − 1) = 1.252345.
  const n = 200_000;
  const result = doseDistribution(inverseSquare(100, 5), {distance_m: 2, duration_s: 3600}, n, 42);
  const s = 0.05;
  const mean = 25 * Math.exp((s * s) / 2);
  const sd = mean * Math.sqrt(Math.exp(s * s) - 1);

  it("has the mean, standard deviation and percentiles of the lognormal", () => {
    expect(mean).toBeCloseTo(25.03127, 5);
    expect(Math.abs(result.mean - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(result.sd / sd).toBeCloseTo(1, 2);
    expect(result.percentiles.p50).toBeCloseTo(25, 1);
    expect(result.percentiles.p97_5 / (25 * Math.exp(Z975 * s))).toBeCloseTo(1, 3);
    expect(result.percentiles.p2_5 / (25 * Math.exp(-Z975 * s))).toBeCloseTo(1, 3);
  });

  it("estimates the probability of exceeding a limit", () => {
    // P(D > 25·e^(1.6449 σ)) = 5 % for the lognormal.
    const p = probabilityExceeding(result.samples, 25 * Math.exp(Z95 * s));
    expect(Math.abs(p - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
    expect(probabilityExceeding([1, 2, 3, 4], 2)).toBe(0.5);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const scenario = {distance_m: 2, duration_s: 60, distanceSigma_m: 0.1};
    const a = doseDistribution(inverseSquare(100, 5), scenario, 1000, 7);
    const b = doseDistribution(inverseSquare(100, 5), scenario, 1000, 7);
    const c = doseDistribution(inverseSquare(100, 5), scenario, 1000, 8);
    expect(Array.from(a.samples)).toEqual(Array.from(b.samples));
    expect(Array.from(a.samples)).not.toEqual(Array.from(c.samples));
  });

  it("agrees with the delta method when every input has a small uncertainty", () => {
    // D = S·t·c/(3600 r²): relative sd ≈ √((σS/S)² + (2σr/r)² + (σt/t)² + σc²) = √(0.02² + 0.02² + 0.01² + 0.01²).
    const r = doseDistribution(
      inverseSquare(100, 2),
      {distance_m: 2, duration_s: 3600, distanceSigma_m: 0.02, durationSigma_s: 36, coefficientRelSigma: 0.01},
      100_000,
      3
    );
    const deltaSd = 25 * Math.sqrt(0.02 ** 2 + 0.02 ** 2 + 0.01 ** 2 + 0.01 ** 2);
    expect(r.sd / deltaSd).toBeGreaterThan(0.97);
    expect(r.sd / deltaSd).toBeLessThan(1.03);
    expect(r.mean / 25).toBeCloseTo(1, 2);
  });

  it("refuses a scenario without a positive distance", () => {
    expect(() => doseDistribution(inverseSquare(100, 5), {distance_m: 0, duration_s: 1}, 10, 1)).toThrow(/distance_m/);
  });
});

describe("percentile band", () => {
  it("gives the lognormal quantiles of an inverse-square rate at each distance", () => {
    const band = percentileBand(inverseSquare(100, 10), [1, 2, 4], 100_000, 9);
    const s = 0.1;
    [1, 2, 4].forEach((r, i) => {
      expect(band.bands[1]![i]! / (100 / (r * r))).toBeCloseTo(1, 2);
      // The default band is the one-sided 95 % bounds: the 5th and 95th percentiles.
      expect(band.bands[2]![i]! / ((100 * Math.exp(Z95 * s)) / (r * r))).toBeCloseTo(1, 2);
      expect(band.bands[0]![i]! / ((100 * Math.exp(-Z95 * s)) / (r * r))).toBeCloseTo(1, 2);
    });
  });

  it("matches the exact spread of ln D for a power law with correlated parameters", () => {
    // ln D = ln k − n ln r with (ln k, n) normal: var = C_kk/k² + (ln r)² C_nn − 2 ln r C_kn/k (first-order transform
    // of the covariance, which is what the sampler uses, so ln D is exactly normal with this variance).
    const k = 50;
    const C = [[0.25, -0.002], [-0.002, 0.0004]];
    const field: DoseFieldModel = {model: "power-law", parameters: {k, n: 2}, parameterNames: ["k", "n"], covariance: C};
    const r = 4;
    const lr = Math.log(r);
    const sdLn = Math.sqrt(C[0]![0]! / (k * k) + lr * lr * C[1]![1]! - (2 * lr * C[0]![1]!) / k);
    const band = percentileBand(field, [r], 100_000, 3);
    const mcSd = (Math.log(band.bands[2]![0]!) - Math.log(band.bands[0]![0]!)) / (2 * Z95);
    expect(mcSd / sdLn).toBeGreaterThan(0.98);
    expect(mcSd / sdLn).toBeLessThan(1.02);
    expect(band.bands[1]![0]! / (k * Math.pow(r, -2))).toBeCloseTo(1, 2);
  });
});

describe("parameter sampling", () => {
  it("redraws offset sources that would lie beyond the nearest calibration distance", () => {
    const field: DoseFieldModel = {
      model: "inverse-square-offset",
      parameters: {S: 100, r0: -0.4},
      parameterNames: ["S", "r0"],
      covariance: [[1, 0], [0, 0.01]],
      minDistance_m: 0.5
    };
    const draws = sampleParameters(field, 20_000, 5);
    let minR0 = Infinity;
    for (let i = 0; i < draws.n; i++) minR0 = Math.min(minR0, draws.values[i * 2 + 1]!);
    expect(minR0).toBeGreaterThan(-0.5);
    // P(r0 ≤ −0.5) = P(z ≤ −1) = 15.9 %: about 0.159/0.841 redraws per accepted draw.
    expect(draws.redrawn / draws.n).toBeCloseTo(0.1587 / 0.8413, 1);
  });

  it("keeps the scale parameter positive however large its uncertainty", () => {
    const draws = sampleParameters(inverseSquare(10, 20), 10_000, 1);
    expect(Math.min(...draws.values)).toBeGreaterThan(0);
  });
});
