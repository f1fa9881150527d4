// The fitter's rules on data small enough to work by hand: what it refuses and how it says so, the scatter between
// occasions by the method of moments, the notes a reader must see, and the small linear algebra under it.
import {describe, expect, it} from "vitest";
import {airContext, fitModel, invertSmall, linearisedOffset, logLinearPowerLaw, packPoints} from "../../lib/models/index.js";
import {point} from "./helpers.js";

// Three readings at 1 m of 1, 3 and 5 µSv/h, σ = 1: S = 3 (the mean), χ² = 4 + 0 + 4 = 8 on ν = 2.
const spread = [point(1, 1, 1, {reading_id: "a"}), point(1, 3, 1, {reading_id: "b"}), point(1, 5, 1, {reading_id: "c"})];

describe("a fit worked by hand", () => {
  it("S = 3, χ² = 8, ν = 2, errors widened by √(χ²/ν) = 2: σ_S = 2/√3", () => {
    const fit = fitModel(spread, "inverse-square");
    expect(fit.parameters.S!.value).toBeCloseTo(3, 12);
    expect(fit.chiSquare).toBeCloseTo(8, 12);
    expect(fit.dof).toBe(2);
    expect(fit.reducedChiSquare).toBeCloseTo(4, 12);
    expect(fit.covarianceScale).toBeCloseTo(4, 12);
    expect(fit.parameters.S!.stderr).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(fit.notes[0]).toBe("reduced chi-square 4.00 > 1: the readings scatter more than their stated uncertainties, so the standard errors were widened by sqrt(4.00)");
    expect(fit.distanceRange_m).toEqual([1, 1]);
  });

  it("τ² = (χ² − ν) / (Σw·f² · ν/n) = (8 − 2) / (27 · 2/3) = 1/3", () => {
    expect(fitModel(spread, "inverse-square").occasionScatter).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it("τ = 0 when the readings scatter within their stated σ (χ² ≤ ν)", () => {
    const calm = [point(1, 2.5, 1), point(1, 3, 1), point(1, 3.5, 1)];
    const fit = fitModel(calm, "inverse-square");
    expect(fit.chiSquare).toBeCloseTo(0.5, 12);
    expect(fit.occasionScatter).toBe(0);
    expect(fit.covarianceScale).toBe(1);
    expect(fit.notes).toEqual([]);
  });

  it("AIC = χ² + 2p; AICc adds 2p(p+1)/(n−p−1), and is null when n − p − 1 = 0", () => {
    const fit = fitModel(spread, "inverse-square");
    expect(fit.aic).toBeCloseTo(8 + 2, 12);
    expect(fit.aicc).toBeCloseTo(8 + 2 + 4 / 1, 12);
    const two = fitModel([point(1, 1, 1), point(1, 3, 1)], "inverse-square");
    expect(two.aic).toBeCloseTo(2 + 2, 12);
    expect(two.aicc).toBeNull();
  });

  it("the fitted distances are those of the readings in the sum, not of the censored ones", () => {
    const pts = [point(2, 25, 1), point(3, 100 / 9, 1), point(4, 6.25, 1), point(9, 0, 1, {censored: true, mdl_rate_uSv_per_h: 5}), point(1, 0, 1, {censored: true, mdl_rate_uSv_per_h: 500})];
    const fit = fitModel(pts, "inverse-square");
    expect(fit.distanceRange_m).toEqual([2, 4]);
    expect(fit.n).toBe(3);
    const packed = packPoints(pts);
    expect([packed.n, packed.minR, packed.maxR]).toEqual([3, 2, 4]);
    expect([...packed.w]).toEqual([1, 1, 1]);
  });
});

describe("the notes a reader must see", () => {
  const line = (rates: number[]) => rates.map((y, i) => point(i + 1, y / (i + 1) ** 2, 0.01 * (y / (i + 1) ** 2), {reading_id: `r${i}`}));

  it("one reading beyond 3σ: '1 reading lies'; two: '2 readings lie'", () => {
    // σ = 1 %: a reading 10 % high is 10σ off and moves S by about 1.2 %, so the others stay within 3σ.
    const one = fitModel(line([100, 100, 100, 100, 100, 100, 100, 110]), "inverse-square");
    expect(one.residuals.filter((r) => r.flagged).map((r) => r.reading_id)).toEqual(["r7"]);
    expect(one.notes).toContain("1 reading lies more than 3 sigma from the fit");
    const two = fitModel(line([100, 100, 100, 100, 100, 100, 110, 90]), "inverse-square");
    expect(two.residuals.filter((r) => r.flagged).map((r) => r.reading_id)).toEqual(["r6", "r7"]);
    expect(two.notes).toContain("2 readings lie more than 3 sigma from the fit");
  });

  it("censored readings where the fit predicts a clearly detectable dose: counted, singular and plural", () => {
    const base = [point(1, 100, 1), point(2, 25, 1), point(4, 6.25, 1)];
    const odd = (r: number, id: string) => point(r, 0, 0.5, {reading_id: id, censored: true, mdl_rate_uSv_per_h: 1});
    expect(fitModel([...base, odd(2, "x")], "inverse-square").notes).toContain("1 reading below the detection limit where the fit predicts a clearly detectable dose");
    expect(fitModel([...base, odd(2, "x"), odd(3, "y")], "inverse-square").notes).toContain("2 readings below the detection limit where the fit predicts a clearly detectable dose");
    expect(fitModel(base, "inverse-square").notes).toEqual([]);
  });
});

describe("what the fitter refuses, and how it says so", () => {
  const good = [point(1, 100, 1, {reading_id: "a"}), point(2, 25, 1, {reading_id: "b"}), point(4, 6.25, 1, {reading_id: "c"})];

  it("a distance that is not positive or not finite, naming the reading", () => {
    for (const r of [0, -1, Infinity]) {
      const fit = fitModel([...good, point(r, 1, 1, {reading_id: "far"})], "inverse-square");
      expect(fit.converged).toBe(false);
      expect(fit.reason).toBe(`reading far has distance ${r} m: distances must be positive`);
      expect(fit.iterations).toBe(0);
      expect(fit.residuals).toEqual([]);
    }
  });

  it("an uncertainty that is not positive, naming the reading and the σ", () => {
    expect(fitModel([...good, point(3, 1, 0, {reading_id: "z"})], "inverse-square").reason).toBe("reading z has uncertainty 0 µSv/h: it must be positive");
    expect(fitModel([...good, point(3, 1, NaN, {reading_id: "n"})], "inverse-square").reason).toMatch(/^reading n has uncertainty NaN µSv\/h/);
  });

  it("a rate that is not a number", () => {
    expect(fitModel([...good, point(3, NaN, 1, {reading_id: "q"})], "inverse-square").reason).toBe("reading q has a rate that is not a number");
    expect(fitModel([...good, point(3, Infinity, 1, {reading_id: "q"})], "inverse-square").reason).toBe("reading q has a rate that is not a number");
  });

  it("too few readings, in words that count the parameters: one parameter, two parameters", () => {
    expect(fitModel([point(1, 100, 1)], "inverse-square").reason).toBe("inverse-square has 1 parameter and needs at least 2 readings above the detection limit to estimate them and their errors; 1 given");
    expect(fitModel(good.slice(0, 2), "power-law").reason).toBe("power-law has 2 parameters and needs at least 3 readings above the detection limit to estimate them and their errors; 2 given");
  });

  it("a refused fit has no values, no errors and no scores", () => {
    const fit = fitModel([point(1, 100, 1)], "power-law");
    expect(fit.parameters).toEqual({k: {value: NaN, stderr: null, unit: "uSv/h"}, n: {value: NaN, stderr: null, unit: "1"}});
    expect(fit).toMatchObject({converged: false, covariance: null, aic: null, aicc: null, reducedChiSquare: null, dof: -1, instrumentUncertainty: null, occasionScatter: null, distanceRange_m: null, basis: "fit", n: 1});
  });

  it("the air model without μ, with a negative μ, or without the build-up factor", () => {
    const {buildup} = airContext(60);
    expect(fitModel(good, "inverse-square-air", {buildup}).reason).toMatch(/needs the linear attenuation coefficient of air/);
    expect(fitModel(good, "inverse-square-air", {mu_per_m: -0.01, buildup}).reason).toMatch(/needs the linear attenuation coefficient of air/);
    expect(fitModel(good, "inverse-square-air", {mu_per_m: NaN, buildup}).reason).toMatch(/needs the linear attenuation coefficient of air/);
    expect(fitModel(good, "inverse-square-air", {mu_per_m: 0.02}).reason).toMatch(/needs the build-up factor of air/);
    // μ = 0 is a statement (no attenuation): with no build-up either, the air model is the inverse square law.
    const vacuum = fitModel(good, "inverse-square-air", {mu_per_m: 0, buildup});
    expect(vacuum.converged).toBe(true);
    expect(vacuum.parameters.S!.value).toBeCloseTo(100, 9);
  });

  it("start values outside the model's physical range, and too few iterations, give a reason", () => {
    expect(fitModel(good, "inverse-square", {}, {start: [-5]}).reason).toBe("the start values (-5) are outside the model's physical range");
    const noisy = [point(1, 90, 1), point(2, 30, 1), point(3, 9, 1), point(5, 5, 1)];
    const capped = fitModel(noisy, "power-law", {}, {start: [10, 0.5], maxIterations: 1});
    expect(capped.converged).toBe(false);
    expect(capped.reason).toBe("no convergence in 1 iterations");
    expect(capped.aic).toBeNull();
    expect(fitModel(noisy, "power-law", {}, {start: [10, 0.5]}).converged).toBe(true);
  });
});

describe("start points", () => {
  it("the log-linear power law needs two distances with a positive rate", () => {
    expect(logLinearPowerLaw(packPoints([point(1, 100, 1), point(2, 0, 1), point(3, -1, 1)]))).toBeNull();
    const s = logLinearPowerLaw(packPoints([point(1, 60, 1), point(2, 60 * 2 ** -1.5, 1), point(4, 60 * 4 ** -1.5, 1)]))!;
    expect(s.k).toBeCloseTo(60, 10);
    expect(s.n).toBeCloseTo(1.5, 10);
  });

  it("the linearised offset model: exact on exact data, null for a rate that rises with distance or a source beyond the nearest reading", () => {
    const exact = [1, 2, 4].map((r) => point(r, 100 / (r + 0.5) ** 2, 1));
    const s = linearisedOffset(packPoints(exact))!;
    expect(s.S).toBeCloseTo(100, 9);
    expect(s.r0).toBeCloseTo(0.5, 9);
    expect(linearisedOffset(packPoints([point(1, 1, 1), point(2, 4, 1), point(3, 9, 1)]))).toBeNull();
    // D^(−1/2) through (2 m, 0.5) and (3 m, 1) is 0.5·r − 0.5: r0 = −1, a pole at 1 m, beyond a reading at 0.8 m
    // whose σ is too large to move the line.
    expect(linearisedOffset(packPoints([point(0.8, 1e4, 1e9), point(2, 4, 1), point(3, 1, 1)]))).toBeNull();
    const line = linearisedOffset(packPoints([point(2, 4, 1), point(3, 1, 1)]))!;
    expect(line.r0).toBeCloseTo(-1, 12);
    expect(line.S).toBeCloseTo(4, 12);
  });
});

describe("invertSmall", () => {
  it("inverts a 2×2 matrix: [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8", () => {
    const inv = invertSmall([4, 2, 2, 3], 2)!;
    [[3 / 8, -2 / 8], [-2 / 8, 4 / 8]].forEach((row, i) => row.forEach((v, j) => expect(inv[i]![j]).toBeCloseTo(v, 15)));
  });

  it("needs a row exchange for a zero first pivot: [[0, 1], [1, 0]] is its own inverse", () => {
    expect(invertSmall([0, 1, 1, 0], 2)).toEqual([[0, 1], [1, 0]]);
  });

  it("refuses a singular matrix, and one singular to rounding", () => {
    expect(invertSmall([1, 2, 2, 4], 2)).toBeNull();
    expect(invertSmall([1, 1, 1, 1 + 1e-14], 2)).toBeNull();
    expect(invertSmall([0], 1)).toBeNull();
    expect(invertSmall([5], 1)).toEqual([[0.2]]);
  });
});
