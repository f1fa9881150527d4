// The fitter's rules on data small enough to work by hand: what it refuses and how it says so, the scatter between
// occasions by the method of moments, the notes a reader must see, and the small linear algebra under it.
import {describe, expect, it} from "vitest";
import {airContext, fitModel, fitPacked, invertSmall, linearisedOffset, logLinearPowerLaw, MODELS, occasionScatter, packPoints} from "../../lib/models/index.js";
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
    expect(fitModel(good, "power-law", {}, {start: [-5, 2]}).reason).toBe("the start values (-5, 2) are outside the model's physical range");
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

  it("refuses a zero diagonal element: a parameter the data do not move (JᵀWJ is never indefinite)", () => {
    expect(invertSmall([0, 1, 1, 0], 2)).toBeNull();
    expect(invertSmall([1, 0, 0, 0], 2)).toBeNull();
    expect(invertSmall([-1], 1)).toBeNull();
    expect(invertSmall([Infinity], 1)).toBeNull();
  });

  it("does not depend on the parameters' units: diag(1e7, 1e-5)·[[1, ½], [½, 1]]·diag(1e7, 1e-5)", () => {
    // The diagonal twelve orders of magnitude apart, as for S = 1e-6 µSv·m²/h beside an exponent near 2. With
    // B = [[1, ½], [½, 1]], B⁻¹ = [[4, −2], [−2, 4]] / 3 and A⁻¹_ij = B⁻¹_ij / (d_i·d_j).
    const d = [1e7, 1e-5];
    const inv = invertSmall([1e14, 0.5 * 1e2, 0.5 * 1e2, 1e-10], 2)!;
    expect(inv).not.toBeNull();
    [[4 / 3, -2 / 3], [-2 / 3, 4 / 3]].forEach((row, i) => row.forEach((v, j) => expect(inv[i]![j]! * d[i]! * d[j]!).toBeCloseTo(v, 12)));
  });

  it("refuses a singular matrix, and one singular to rounding", () => {
    expect(invertSmall([1, 2, 2, 4], 2)).toBeNull();
    expect(invertSmall([1, 1, 1, 1 + 1e-14], 2)).toBeNull();
    expect(invertSmall([0], 1)).toBeNull();
    expect(invertSmall([5], 1)![0]![0]).toBeCloseTo(0.2, 15);
  });
});

describe("more of what the fitter refuses, and what a refused or stopped fit carries", () => {
  const good = [point(1, 100, 1, {reading_id: "a"}), point(2, 25, 1, {reading_id: "b"}), point(4, 6.25, 1, {reading_id: "c"})];

  it("an infinite μ is not an attenuation coefficient", () => {
    const {buildup} = airContext(60);
    expect(fitModel(good, "inverse-square-air", {mu_per_m: Infinity, buildup}).reason).toMatch(/needs the linear attenuation coefficient of air/);
  });

  it("an infinite uncertainty (zero weight) is refused, naming the reading", () => {
    expect(fitModel([...good, point(3, 1, Infinity, {reading_id: "inf"})], "inverse-square").reason).toBe("reading inf has uncertainty Infinity µSv/h: it must be positive");
  });

  it("names the bad reading by its place among the readings in the sum, censored ones skipped", () => {
    const censored = point(5, 0, 1, {reading_id: "below", censored: true, mdl_rate_uSv_per_h: 1});
    expect(fitModel([censored, ...good, point(-1, 1, 1, {reading_id: "bad"})], "inverse-square").reason).toBe("reading bad has distance -1 m: distances must be positive");
  });

  it("fitPacked, given no names, numbers the readings from 1", () => {
    const packed = packPoints([...good, point(0, 1, 1)]);
    expect(fitPacked(packed, "inverse-square").reason).toBe("reading #4 has distance 0 m: distances must be positive");
  });

  it("a refused fit names its parameters and has no residuals, censored checks or notes", () => {
    const fit = fitModel([point(1, 100, 1), point(3, 0, 1, {censored: true, mdl_rate_uSv_per_h: 1})], "power-law");
    expect(fit).toMatchObject({parameterNames: ["k", "n"], residuals: [], censored: [], notes: [], iterations: 0});
  });

  it("start values outside the physical range: a fit result with no residuals or checks, basis 'fit'", () => {
    const fit = fitModel([...good, point(3, 0, 1, {censored: true, mdl_rate_uSv_per_h: 1})], "inverse-square", {}, {start: [-5]});
    expect(fit).toMatchObject({basis: "fit", converged: false, iterations: 0, residuals: [], censored: [], parameterNames: ["S"]});
  });

  it("a fit stopped by the iteration limit still shows its residuals and censored checks, from where it stopped", () => {
    const pts = [...good, point(3, 0, 1, {reading_id: "low", censored: true, mdl_rate_uSv_per_h: 100})];
    const fit = fitModel(pts, "inverse-square", {}, {start: [50], maxIterations: 1});
    expect(fit.converged).toBe(false);
    // One step with λ = 1e-3 from 50 towards 100 (the exact solution) leaves 50·1e-3/1.001.
    const S = 100 - 50 * (1e-3 / 1.001);
    expect(fit.parameters.S!.value).toBeCloseTo(S, 9);
    expect(fit.basis).toBe("fit");
    expect(fit.residuals.map((r) => r.reading_id)).toEqual(["a", "b", "c"]);
    expect(fit.residuals[0]!.normalised).toBeCloseTo(100 - S, 9);
    expect(fit.censored).toEqual([expect.objectContaining({reading_id: "low", predicted: expect.closeTo(S / 9, 9), consistent: true})]);
  });
});

describe("the reduced χ² note and the censored-reading note count what they say", () => {
  it("no note at a reduced χ² of exactly 1: the errors are not widened", () => {
    // 1, 3, 5 at 1 m with σ = 2: χ² = (4 + 0 + 4)/4 = 2 on ν = 2.
    const fit = fitModel([point(1, 1, 2), point(1, 3, 2), point(1, 5, 2)], "inverse-square");
    expect(fit.reducedChiSquare).toBe(1);
    expect(fit.notes).toEqual([]);
    expect(fit.covarianceScale).toBe(1);
  });

  it("counts only the censored readings the fit contradicts", () => {
    const base = [point(1, 100, 1), point(2, 25, 1), point(4, 6.25, 1)];
    const ok = point(5, 0, 0.5, {reading_id: "ok", censored: true, mdl_rate_uSv_per_h: 5});
    const odd = point(2, 0, 0.5, {reading_id: "odd", censored: true, mdl_rate_uSv_per_h: 1});
    expect(fitModel([...base, ok, odd], "inverse-square").notes).toEqual(["1 reading below the detection limit where the fit predicts a clearly detectable dose"]);
    expect(fitModel([...base, ok], "inverse-square").notes).toEqual([]);
  });
});

describe("occasionScatter where it cannot be estimated", () => {
  it("0 with no degrees of freedom (one reading, one parameter), whatever χ²", () => {
    expect(occasionScatter(MODELS["inverse-square"], packPoints([point(1, 5, 1)]), [3], {}, 4)).toBe(0);
  });

  it("0 when the model predicts no dose anywhere (no relative scatter to speak of)", () => {
    expect(occasionScatter(MODELS["inverse-square"], packPoints(spread), [0], {}, 35)).toBe(0);
  });

  it("τ² = (χ² − ν)/(Σw·f²·ν/n) on the worked example", () => {
    // S = 3 at 1 m: Σw·f² = 27, ν = 2, n = 3, χ² = 8: τ² = 6/18.
    expect(occasionScatter(MODELS["inverse-square"], packPoints(spread), [3], {}, 8)).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });
});

describe("invertSmall on diagonal matrices", () => {
  it("inverts the identity and a diagonal matrix element by element", () => {
    expect(invertSmall([1, 0, 0, 1], 2)).toEqual([[1, 0], [0, 1]]);
    expect(invertSmall([4, 0, 0, 16], 2)).toEqual([[0.25, 0], [0, 0.0625]]);
  });
});
