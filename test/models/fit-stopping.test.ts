// The Levenberg–Marquardt loop's step control and stopping rules, on fits small enough to follow by hand.
//
// For a model linear in its one parameter, χ²(S) = χ²min + A·(S − Ŝ)², the gradient is g = A·(Ŝ − S) and the damped
// step (A + λ·A)·δ = g leaves a distance d = S − Ŝ of d·λ/(1 + λ). λ starts at 1e-3 and falls tenfold after each step
// that lowers χ²; the loop stops once the full Gauss–Newton step could lower χ² by at most
// max(1e-10·max(1, χ²/ν), 1e-13·χ²), which for this model is A·d².
import {describe, expect, it} from "vitest";
import {fitModel} from "../../lib/models/index.js";
import {point, range} from "./helpers.js";

// Readings at 1 m of 1, 3 and 5 µSv/h, σ = 1: Ŝ = 3, A = Σw = 3, χ²min = 8 on ν = 2, so the threshold is 1e-10·4.
const spread = [point(1, 1, 1), point(1, 3, 1), point(1, 5, 1)];
// Readings at 1 m of 2.99, 3 and 3.01, σ = 1: Ŝ = 3, A = 3, χ²min = 2e-4 on ν = 2, so the threshold is 1e-10.
const calm = [point(1, 2.99, 1), point(1, 3, 1), point(1, 3.01, 1)];

describe("a one-parameter linear model followed step by step", () => {
  it("started at its closed-form solution, it takes no step", () => {
    expect(fitModel(spread, "inverse-square").iterations).toBe(0);
    expect(fitModel(calm, "inverse-square").iterations).toBe(0);
  });

  it("from 0.01 off, one step with λ = 1e-3 leaves 1e-5/1.001, and A·d² = 3.0e-10 ≤ 4e-10 stops it", () => {
    const fit = fitModel(spread, "inverse-square", {}, {start: [3.01]});
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(1);
    expect(fit.parameters.S!.value - 3).toBeCloseTo(0.01 * (1e-3 / 1.001), 15);
  });

  it("the same step on data scattered within their σ (χ²/ν < 1): 3.0e-10 > 1e-10, so a second step", () => {
    const fit = fitModel(calm, "inverse-square", {}, {start: [3.01]});
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(2);
    // The second step, with λ = 1e-4, leaves 1e-4/1.0001 of the distance.
    expect(fit.parameters.S!.value - 3).toBeCloseTo(0.01 * (1e-3 / 1.001) * (1e-4 / 1.0001), 15);
  });

  it("from 200 off: 0.1998, then 2.0e-5 (A·d² = 1.2e-9, not yet), then 2e-10: three steps, λ falling tenfold each", () => {
    const fit = fitModel(spread, "inverse-square", {}, {start: [203]});
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(3);
    expect(fit.parameters.S!.value - 3).toBeCloseTo(200 * (1e-3 / 1.001) * (1e-4 / 1.0001) * (1e-5 / 1.00001), 15);
  });

  it("the iteration limit: two steps from 200 off are not enough, and the fit says so", () => {
    const fit = fitModel(spread, "inverse-square", {}, {start: [203], maxIterations: 2});
    expect(fit).toMatchObject({converged: false, iterations: 2, reason: "no convergence in 2 iterations", aic: null, covariance: null, occasionScatter: null});
    expect(fit.parameters.S!.value - 3).toBeCloseTo(200 * (1e-3 / 1.001) * (1e-4 / 1.0001), 12);
    expect(fit.parameters.S!.stderr).toBeNull();
  });
});

describe("when no step within the model's range lowers χ²", () => {
  it("λ grows tenfold per refused step from 1e-3 until it passes 1e12: 16 steps, and the boundary is the minimum", () => {
    // Readings of −1 µSv/h: the least-squares S is −1, outside S > 0. From S = 1e-13 a step stays positive only when
    // λ > |Ŝ|/S = 1e13, so every step up to λ = 1e12 is refused; S → 0⁺ is the minimum within the model's range.
    const negative = [point(1, -1, 1), point(1, -1, 1), point(1, -1, 1)];
    const fit = fitModel(negative, "inverse-square", {}, {start: [1e-13]});
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(16);
    expect(fit.parameters.S!.value).toBe(1e-13);
  });

  it("a step that barely lowers χ² but still moves S by a fifth is not convergence", () => {
    // Readings at 1 m of −1 ± 40000 and −1 (σ = 1): Ŝ = −1, A = 3, χ²min = 3.2e9. From S = 5e-8 a step stays positive
    // only when λ > 1/S = 2e7: eleven refused steps (λ = 1e-3 … 1e7), then at λ = 1e8 S = (5e-8·1e8 − 1)/(1e8 + 1).
    // χ² falls by about 6e-8, below 1e-15·χ², but S has moved by a fifth: the fit goes on towards S → 0⁺.
    const scattered = [point(1, -1 + 40000, 1), point(1, -1 - 40000, 1), point(1, -1, 1)];
    const twelve = fitModel(scattered, "inverse-square", {}, {start: [5e-8], maxIterations: 12});
    expect(twelve.parameters.S!.value).toBeCloseTo(4 / (1e8 + 1), 20);
    expect(twelve).toMatchObject({converged: false, iterations: 12, reason: "no convergence in 12 iterations"});
    const fit = fitModel(scattered, "inverse-square", {}, {start: [5e-8]});
    expect(fit.converged).toBe(true);
    expect(fit.parameters.S!.value).toBeGreaterThan(0);
    expect(fit.parameters.S!.value).toBeLessThan(1e-11);
  });
});

describe("every reading at one distance: the minimum is reached, the parameters cannot be separated", () => {
  it("power law at 2 m from the start k = 4·mean, n = 2 (on the minimum): one step of zero, then 'singular at the minimum'", () => {
    // All readings at one distance: log-linear regression has no slope, so the start is k = S of the inverse square
    // law (4·3 = 12 at 2 m) and n = 2, where k·2^−n equals the mean: g = 0, the step is zero and χ² does not change.
    const fit = fitModel([point(2, 1, 1), point(2, 3, 1), point(2, 5, 1)], "power-law");
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
    expect(fit.reason).toBe("JᵀWJ is singular at the minimum: the data cannot determine every parameter (e.g. all readings at one distance)");
    expect(fit.parameters.k!.value).toBe(12);
    expect(fit.parameters.n!.value).toBe(2);
    expect(fit.chiSquare).toBe(8);
    expect(fit.residuals.map((r) => r.predicted)).toEqual([3, 3, 3]);
  });

  it("the same with readings that agree exactly (χ² = 0 at the minimum)", () => {
    const fit = fitModel([point(2, 2.5, 1), point(2, 2.5, 1), point(2, 2.5, 1)], "power-law");
    expect(fit.chiSquare).toBe(0);
    expect(fit.iterations).toBe(1);
    expect(fit.reason).toMatch(/^JᵀWJ is singular at the minimum/);
  });

  it("power law at 1 m: the exponent has no effect on any prediction (ln 1 = 0), so the normal equations are singular at once", () => {
    const fit = fitModel([point(1, 1, 1), point(1, 3, 1), point(1, 5, 1)], "power-law");
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
    expect(fit.reason).toBe("the normal equations are singular: the data cannot determine every parameter");
    // It stays at the start: k from the inverse square law (the mean at 1 m) and n = 2.
    expect(fit.parameters.k!.value).toBe(3);
    expect(fit.parameters.n!.value).toBe(2);
    expect(fit.parameters.k!.stderr).toBeNull();
    expect(fit.residuals).toHaveLength(3);
  });
});

describe("start points that are already the solution", () => {
  it("exact power-law and offset data need no step: the linearised fits are exact", () => {
    const distances = range(0.5, 6, 7);
    const power = fitModel(distances.map((r) => point(r, 50 * r ** -1.7, 0.05 * 50 * r ** -1.7)), "power-law");
    expect(power.iterations).toBe(0);
    expect(power.parameters.n!.value).toBeCloseTo(1.7, 10);
    const offset = fitModel(distances.map((r) => point(r, 50 / (r + 0.3) ** 2, 0.05 * 50 / (r + 0.3) ** 2)), "inverse-square-offset");
    expect(offset.iterations).toBe(0);
    expect(offset.parameters.r0!.value).toBeCloseTo(0.3, 10);
  });
});
