// Influence diagnostics of D = S/r² (a weighted regression through the origin, x = 1/r²) against a second method:
// every leave-one-out quantity is computed by refitting the other readings in closed form, not by the rank-one
// (Sherman–Morrison) update lib/models/influence.ts uses. For one parameter the screen's bound is exact:
//   bound = |S − S₍ᵢ₎| / sd(S) + 2.8 · max(|s₍ᵢ₎/s − 1|, |sd(S₍ᵢ₎)/sd(S) − 1|)
// with s² = max(1, χ²/dof), sd(S) = s/√Σwx², and Cook's distance is the move of S in its own metric,
//   Dᵢ = (S − S₍ᵢ₎)²·Σwx² / (p·χ²/dof).
import {describe, expect, it} from "vitest";
import {fitModel, fitWithout, influenceDiagnostics, packPoints, referenceModel, type FitPoint} from "../../lib/models/index.js";
import {point} from "./helpers.js";

/** The largest coverage factor of a 95 % bound (lib/models/influence.ts, MAX_COVERAGE). */
const MAX_COVERAGE = 2.8;

/** Closed-form weighted least squares of rate = S/r² through the origin. */
function throughOrigin(points: readonly FitPoint[]) {
  const x = points.map((p) => 1 / p.distance_m ** 2);
  const w = points.map((p) => 1 / p.sigma_uSv_per_h ** 2);
  const sxx = x.reduce((s, xi, i) => s + w[i]! * xi * xi, 0);
  const S = x.reduce((s, xi, i) => s + w[i]! * xi * points[i]!.rate_uSv_per_h, 0) / sxx;
  const chi2 = points.reduce((s, p, i) => s + w[i]! * (p.rate_uSv_per_h - S * x[i]!) ** 2, 0);
  const dof = points.length - 1;
  const scale = Math.sqrt(Math.max(1, chi2 / dof));
  return {x, w, sxx, S, chi2, dof, scale, sd: scale / Math.sqrt(sxx)};
}

// Readings that scatter far more than their σ (χ²/dof ≈ 20), at distances out of order (the farthest is not last).
const SCATTERED: FitPoint[] = [point(1.5, 3.5, 0.3), point(1, 12, 0.5), point(3, 0.8, 0.1), point(2, 2.9, 0.2)];

describe("influenceDiagnostics of D = S/r² against leave-one-out refits in closed form", () => {
  it("gives each reading's leverage, Cook's distance and screening bound when the readings scatter beyond their σ", () => {
    const all = throughOrigin(SCATTERED);
    const d = influenceDiagnostics(fitModel(SCATTERED, "inverse-square"), packPoints(SCATTERED));
    expect(d).toHaveLength(SCATTERED.length);
    let widened = 0;
    SCATTERED.forEach((_, i) => {
      const rest = throughOrigin(SCATTERED.filter((__, k) => k !== i));
      if (rest.scale > 1) widened++;
      expect(d[i]!.index).toBe(i);
      expect(d[i]!.leverage).toBeCloseTo((all.w[i]! * all.x[i]! ** 2) / all.sxx, 12);
      expect(d[i]!.cooksDistance / (((all.S - rest.S) ** 2 * all.sxx) / (all.chi2 / all.dof)) - 1).toBeCloseTo(0, 9);
      const expected = Math.abs(all.S - rest.S) / all.sd + MAX_COVERAGE * Math.max(Math.abs(rest.scale / all.scale - 1), Math.abs(rest.sd / all.sd - 1));
      expect(d[i]!.bound / expected - 1).toBeCloseTo(0, 9);
    });
    // Without most readings the rest still scatter beyond their σ, so the leave-one-out χ² enters every bound.
    expect(widened).toBeGreaterThanOrEqual(3);
  });

  it("moves nothing for readings on the fitted curve: Cook's distance 0, and a bound from the lost information alone", () => {
    // 4, 1 and 0.25 µSv/h at 1, 2 and 4 m lie exactly on S = 4 µSv·m²/h (every number exact in binary): χ² = 0.
    const exact = [point(1, 4, 1), point(2, 1, 1), point(4, 0.25, 1)];
    const fit = fitModel(exact, "inverse-square");
    expect(fit.chiSquare).toBe(0);
    const d = influenceDiagnostics(fit, packPoints(exact));
    // Σwx² = 1 + 1/16 + 1/256 = 273/256; h = x²·256/273; s = s₍ᵢ₎ = 1, so the bound is 2.8·(1/√(1 − h) − 1).
    [1, 1 / 16, 1 / 256].forEach((x2, i) => {
      const h = (x2 * 256) / 273;
      expect(d[i]!.leverage).toBeCloseTo(h, 14);
      expect(d[i]!.cooksDistance).toBe(0);
      expect(d[i]!.bound).toBeCloseTo(MAX_COVERAGE * (1 / Math.sqrt(1 - h) - 1), 12);
    });
  });

  it("never clears a reading of a two-reading fit: without it nothing is left to estimate the scatter", () => {
    // One degree of freedom; each reading alone would fit exactly, with no residual to judge it by.
    for (const pair of [[point(1, 4, 1), point(2, 1, 1)], [point(1, 3, 1), point(0.5, 4, 1)]]) {
      const d = influenceDiagnostics(fitModel(pair, "inverse-square"), packPoints(pair));
      expect(d).toHaveLength(2);
      for (const x of d) expect(x.bound).toBe(Infinity);
    }
  });
});

describe("influenceDiagnostics without a usable covariance", () => {
  it("is empty for a fit that did not converge, a one-figure reference model, and a fit with no covariance or no degrees of freedom", () => {
    // Power law with every reading at one distance: the exponent cannot be determined.
    const oneDistance = [point(2, 2.4, 0.2), point(2, 2.6, 0.2), point(2, 2.5, 0.3), point(2, 2.45, 0.2)];
    const stuck = fitModel(oneDistance, "power-law");
    expect(stuck.converged).toBe(false);
    expect(stuck.dof).toBe(2);
    expect(influenceDiagnostics(stuck, packPoints(oneDistance))).toEqual([]);
    const reference = referenceModel({dose_uSv: 0.16, duration_s: 10, distance_m: 1.524});
    expect(influenceDiagnostics(reference, packPoints([point(1.524, 57.6, 5)]))).toEqual([]);
    const fit = fitModel(SCATTERED, "inverse-square");
    const packed = packPoints(SCATTERED);
    expect(influenceDiagnostics(fit, packed)).toHaveLength(4);
    expect(influenceDiagnostics({...fit, covariance: null}, packed)).toEqual([]);
    expect(influenceDiagnostics({...fit, converged: false}, packed)).toEqual([]);
    expect(influenceDiagnostics({...fit, dof: 0}, packed)).toEqual([]);
  });
});

describe("fitWithout of D = S/r²", () => {
  it("is the closed-form fit of the other readings, reached without iterating (the downdate is exact for a linear model)", () => {
    const fit = fitModel(SCATTERED, "inverse-square");
    expect(fit.covarianceScale).toBeGreaterThan(1);
    const packed = packPoints(SCATTERED);
    SCATTERED.forEach((_, i) => {
      const rest = SCATTERED.filter((__, k) => k !== i);
      const expected = throughOrigin(rest);
      const loo = fitWithout(fit, packed, i);
      expect(loo.converged).toBe(true);
      expect(loo.iterations).toBe(0);
      expect(loo.parameters.S!.value / expected.S - 1).toBeCloseTo(0, 12);
      expect(loo.parameters.S!.stderr! / expected.sd - 1).toBeCloseTo(0, 9);
      expect(loo.chiSquare / expected.chi2 - 1).toBeCloseTo(0, 9);
      expect(loo.n).toBe(3);
      expect(loo.dof).toBe(2);
      const distances = rest.map((p) => p.distance_m);
      expect(loo.distanceRange_m).toEqual([Math.min(...distances), Math.max(...distances)]);
      // The full fit's residuals belong to readings the refit does not describe: none are carried over.
      expect(loo.residuals).toEqual([]);
      expect(loo.censored).toEqual([]);
    });
  });

  it("of a fit that did not converge is a fit of the other readings that does not converge either", () => {
    const oneDistance = [point(2, 2.4, 0.2), point(2, 2.6, 0.2), point(2, 2.5, 0.3), point(2, 2.45, 0.2)];
    const stuck = fitModel(oneDistance, "power-law");
    expect(stuck.covariance).toBeNull();
    const loo = fitWithout(stuck, packPoints(oneDistance), 1);
    expect(loo.converged).toBe(false);
    expect(loo.n).toBe(3);
    expect(loo.reason).toBe(fitModel(oneDistance.slice(0, 1).concat(oneDistance.slice(2)), "power-law").reason);
  });

  it("does not converge when the other readings cannot be fitted, as a fresh fit of them does not", () => {
    // Net rates below background beyond 1 m: with the 1 m reading S > 0; without it the best S is negative, outside
    // the model. A fresh fit refuses; the leave-one-out fit must not creep to S = 0 and report that as a fit.
    const points = [point(1, 100, 1), point(2, -0.5, 0.1), point(3, -0.3, 0.1), point(4, -0.2, 0.1)];
    const fit = fitModel(points, "inverse-square");
    expect(fit.converged).toBe(true);
    const fresh = fitModel(points.slice(1), "inverse-square");
    expect(fresh.converged).toBe(false);
    const loo = fitWithout(fit, packPoints(points), 0);
    expect(loo.converged).toBe(false);
    expect(loo.reason).toBe(fresh.reason);
  });
});
