import {airContext} from "../../lib/models/index.js";
import {describe, expect, it} from "vitest";
import {fitModel, logLinearPowerLaw, packPoints, MODELS, type FitPoint} from "../../lib/models/index.js";
import {chiSquare, nelderMead, point, range, synthetic} from "./helpers.js";

describe("inverse-square: the closed form", () => {
  // Hand-made data; the weighted least-squares solution of y = S/r² is S = Σ(w·y/r²) / Σ(w/r⁴).
  const pts = [point(1, 100, 10), point(2, 24, 3), point(4, 7, 1)];
  const num = 100 / (100 * 1) + 24 / (9 * 4) + 7 / (1 * 16);
  const den = 1 / (100 * 1) + 1 / (9 * 16) + 1 / (1 * 256);
  const S = num / den;

  it("matches S = Σ(w·y/r²) / Σ(w/r⁴), about 100.9 µSv·m²/h", () => {
    const fit = fitModel(pts, "inverse-square");
    expect(fit.converged).toBe(true);
    expect(S).toBeCloseTo(100.92, 1);
    expect(fit.parameters.S!.value).toBeCloseTo(S, 9);
    expect(fit.parameters.S!.unit).toBe("uSv*m^2/h");
  });

  it("reports χ², dof and a standard error widened by the reduced χ²", () => {
    const fit = fitModel(pts, "inverse-square");
    const chi2 = ((100 - S) / 10) ** 2 + ((24 - S / 4) / 3) ** 2 + ((7 - S / 16) / 1) ** 2;
    expect(fit.chiSquare).toBeCloseTo(chi2, 9);
    expect(fit.dof).toBe(2);
    expect(fit.reducedChiSquare).toBeCloseTo(chi2 / 2, 9);
    expect(fit.parameters.S!.stderr).toBeCloseTo(Math.sqrt((1 / den) * Math.max(1, chi2 / 2)), 9);
    expect(fit.covariance![0]![0]).toBeCloseTo((1 / den) * Math.max(1, chi2 / 2), 9);
  });

  it("gives per-reading normalised residuals (observed − predicted)/σ", () => {
    const fit = fitModel(pts, "inverse-square");
    expect(fit.residuals.map((r) => r.normalised)).toEqual([
      expect.closeTo((100 - S) / 10, 9), expect.closeTo((24 - S / 4) / 3, 9), expect.closeTo(7 - S / 16, 9)
    ]);
    expect(fit.residuals.map((r) => r.predicted)[1]).toBeCloseTo(S / 4, 9);
  });
});

describe("inverse-square-air", () => {
  it("is linear in S with g(r) = B(μr)·e^(−μr)/r², μ and the build-up given, not fitted", () => {
    const ctx = airContext(60);
    const mu = 0.0226; // 60 keV: 0.1875 cm²/g × 1.205e-3 g/cm³ (NIST [NIST-SRD-126]) = 2.26e-4 /cm
    expect(ctx.mu_per_m).toBeCloseTo(mu, 4);
    // The GP build-up at 60 keV (b = 4.837, c = 1.653, a = −0.115, X = 13.66, d = 0.0511 [ANSI-ANS-6.4.3]), written out here.
    const K = (x: number) => 1.653 * x ** -0.115 + (0.0511 * (Math.tanh(x / 13.66 - 2) - Math.tanh(-2))) / (1 - Math.tanh(-2));
    const B = (x: number) => 1 + (3.837 * (K(x) ** x - 1)) / (K(x) - 1);
    const truth = (r: number) => (200 * B(ctx.mu_per_m! * r) * Math.exp(-ctx.mu_per_m! * r)) / (r * r);
    const pts = range(1, 40, 12).map((r) => point(r, truth(r), 0.1 * truth(r)));
    const fit = fitModel(pts, "inverse-square-air", ctx);
    expect(fit.converged).toBe(true);
    expect(fit.parameters.S!.value).toBeCloseTo(200, 8);
    expect(fit.chiSquare).toBeLessThan(1e-12);
  });

  it("refuses μ without the build-up factor: narrow-beam attenuation alone would understate the dose far out", () => {
    const fit = fitModel(range(1, 40, 12).map((r) => point(r, 1 / r ** 2, 0.1 / r ** 2)), "inverse-square-air", {mu_per_m: 0.0226});
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/build-up factor of air/);
  });

  it("refuses to fit without μ, with a reason, instead of throwing", () => {
    const fit = fitModel([point(1, 1, 0.1), point(2, 0.25, 0.1)], "inverse-square-air");
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/attenuation coefficient of air/);
  });
});

describe("covariance convention: (JᵀWJ)⁻¹ · max(1, reduced χ²)", () => {
  const truth = (r: number) => 120 / (r + 0.4) ** 2;
  const distances = range(0.5, 8, 16);

  /** (JᵀWJ)⁻¹ from a finite-difference Jacobian and the 2×2 inverse formula: independent of the fitter. */
  function independentCovariance(pts: FitPoint[], params: number[]): number[][] {
    const def = MODELS["inverse-square-offset"];
    let a = 0, b = 0, d = 0;
    for (const p of pts) {
      const h0 = params[0]! * 1e-6, h1 = 1e-7;
      const j0 = (def.rate(p.distance_m, [params[0]! + h0, params[1]!], {}) - def.rate(p.distance_m, [params[0]! - h0, params[1]!], {})) / (2 * h0);
      const j1 = (def.rate(p.distance_m, [params[0]!, params[1]! + h1], {}) - def.rate(p.distance_m, [params[0]!, params[1]! - h1], {})) / (2 * h1);
      const w = 1 / p.sigma_uSv_per_h ** 2;
      a += w * j0 * j0;
      b += w * j0 * j1;
      d += w * j1 * j1;
    }
    const det = a * d - b * b;
    return [[d / det, -b / det], [-b / det, a / det]];
  }

  it("does not narrow the errors when the data scatter less than stated (reduced χ² < 1)", () => {
    const pts = synthetic(truth, distances, 0.05, 7, 0.2); // noise at a fifth of the stated σ
    const fit = fitModel(pts, "inverse-square-offset");
    expect(fit.reducedChiSquare!).toBeLessThan(1);
    expect(fit.covarianceScale).toBe(1);
    const c = independentCovariance(pts, [fit.parameters.S!.value, fit.parameters.r0!.value]);
    for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const) expect(fit.covariance![i]![j]!).toBeCloseTo(c[i]![j]!, 6);
  });

  it("widens the errors by the reduced χ² when the data scatter more than stated", () => {
    const pts = synthetic(truth, distances, 0.05, 7, 4); // noise at four times the stated σ
    const fit = fitModel(pts, "inverse-square-offset");
    expect(fit.reducedChiSquare!).toBeGreaterThan(4);
    expect(fit.covarianceScale).toBeCloseTo(fit.chiSquare / fit.dof, 12);
    const c = independentCovariance(pts, [fit.parameters.S!.value, fit.parameters.r0!.value]);
    for (const [i, j] of [[0, 0], [0, 1], [1, 1]] as const) {
      expect(fit.covariance![i]![j]! / (c[i]![j]! * fit.covarianceScale)).toBeCloseTo(1, 5);
    }
    expect(fit.parameters.r0!.stderr).toBeCloseTo(Math.sqrt(c[1]![1]! * fit.covarianceScale), 6);
  });
});

describe("recovery of known parameters from synthetic noisy data", () => {
  const distances = range(0.5, 10, 25);
  const cases: {model: "power-law" | "inverse-square-offset" | "inverse-square"; truth: Record<string, number>; rate: (r: number) => number}[] = [
    {model: "power-law", truth: {k: 80, n: 1.85}, rate: (r: number) => 80 * r ** -1.85},
    {model: "inverse-square-offset", truth: {S: 133.8, r0: 0.35}, rate: (r: number) => 133.8 / (r + 0.35) ** 2},
    {model: "inverse-square", truth: {S: 133.8}, rate: (r: number) => 133.8 / r ** 2}
  ];
  for (const c of cases) {
    it(`${c.model}: true values inside about 95 % of the 2-standard-error intervals over 40 seeds`, () => {
      const names = Object.keys(c.truth);
      const within = Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
      for (let seed = 1; seed <= 40; seed++) {
        const fit = fitModel(synthetic(c.rate, distances, 0.08, seed), c.model);
        expect(fit.converged).toBe(true);
        for (const name of names) {
          const est = fit.parameters[name]!;
          if (Math.abs(est.value - c.truth[name]!) <= 2 * est.stderr!) within[name]!++;
        }
      }
      // Binomial(40, 0.954): 34 or more with probability > 0.99; a wrong covariance gives far fewer.
      for (const name of names) expect(within[name]!).toBeGreaterThanOrEqual(34);
    });
  }
});

describe("independent checks of the optimum", () => {
  const pts = synthetic((r) => 90 / (r + 0.25) ** 2, range(0.6, 6, 14), 0.06, 11);

  it("power-law: the log-linear regression is the exact solution on noise-free data and a close start on noisy data", () => {
    const exact = range(1, 8, 6).map((r) => point(r, 42 * r ** -2.3, 0.1));
    const start = logLinearPowerLaw(packPoints(exact))!;
    expect(start.k).toBeCloseTo(42, 9);
    expect(start.n).toBeCloseTo(2.3, 9);
    const fit = fitModel(pts, "power-law");
    const loglin = logLinearPowerLaw(packPoints(pts))!;
    expect(Math.abs(loglin.n - fit.parameters.n!.value)).toBeLessThan(2 * fit.parameters.n!.stderr!);
  });

  for (const model of ["inverse-square-offset", "power-law"] as const) {
    it(`${model}: Nelder–Mead on χ² finds the same minimum`, () => {
      const fit = fitModel(pts, model);
      const def = MODELS[model];
      const chi2 = (x: number[]) => (def.valid(x, 0.6) ? chiSquare(pts, (r) => def.rate(r, x, {})) : Infinity);
      const nm = nelderMead(chi2, [200, 1], [20, 0.1]);
      expect(chi2(nm)).toBeGreaterThanOrEqual(fit.chiSquare * (1 - 1e-9));
      def.parameters.forEach((p, j) => expect(nm[j]! / fit.parameters[p.name]!.value).toBeCloseTo(1, 5));
    });

    it(`${model}: Levenberg–Marquardt from different starts converges to one minimum`, () => {
      const reference = fitModel(pts, model);
      for (const start of [[10, 1.5], [1000, 0.1], [90, 0.5]]) {
        const fit = fitModel(pts, model, {}, {start});
        expect(fit.converged).toBe(true);
        expect(fit.chiSquare).toBeCloseTo(reference.chiSquare, 6);
        for (const name of reference.parameterNames) {
          expect(fit.parameters[name]!.value / reference.parameters[name]!.value).toBeCloseTo(1, 6);
        }
      }
    });
  }
});

describe("data that cannot be fitted give a reason, never an exception", () => {
  it("too few points for the parameters (dof ≤ 0)", () => {
    const fit = fitModel([point(1, 10, 1), point(2, 2.5, 0.3)], "power-law");
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/at least 3 readings/);
    expect(fit.parameters.k!.stderr).toBeNull();
  });

  it("every reading at one distance: the offset model's parameters cannot be separated", () => {
    const fit = fitModel([point(2, 10, 1, {reading_id: "a"}), point(2, 11, 1, {reading_id: "b"}), point(2, 9, 1, {reading_id: "c"})], "inverse-square-offset");
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/singular/);
  });

  it("a zero uncertainty names the reading", () => {
    const fit = fitModel([point(1, 10, 0, {reading_id: "bad"}), point(2, 2.5, 1), point(3, 1, 1)], "inverse-square");
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/bad/);
  });
});

describe("flags and censored readings", () => {
  it("flags a reading beyond 3σ and only that one", () => {
    const pts = range(1, 6, 8).map((r) => point(r, 100 / r ** 2, 0.05 * (100 / r ** 2)));
    pts[3] = {...pts[3]!, rate_uSv_per_h: pts[3]!.rate_uSv_per_h * 2, reading_id: "outlier"};
    const fit = fitModel(pts, "inverse-square");
    expect(fit.residuals.filter((r) => r.flagged).map((r) => r.reading_id)).toEqual(["outlier"]);
  });

  it("leaves censored readings out of the sum and checks them against the fit", () => {
    const pts = [
      ...range(1, 4, 5).map((r) => point(r, 100 / r ** 2, 1)),
      point(5, 0, 0.5, {reading_id: "below-mdl-ok", censored: true, mdl_rate_uSv_per_h: 5}),
      point(2, 0, 0.5, {reading_id: "below-mdl-odd", censored: true, mdl_rate_uSv_per_h: 1})
    ];
    const fit = fitModel(pts, "inverse-square");
    expect(fit.n).toBe(5);
    expect(fit.parameters.S!.value).toBeCloseTo(100, 9);
    // At 5 m the fit predicts 4 µSv/h < MDL 5; at 2 m it predicts 25 µSv/h, far above MDL 1 + 3·0.5.
    expect(fit.censored).toEqual([
      expect.objectContaining({reading_id: "below-mdl-ok", consistent: true, predicted: expect.closeTo(4, 9)}),
      expect.objectContaining({reading_id: "below-mdl-odd", consistent: false, predicted: expect.closeTo(25, 9)})
    ]);
  });
});
