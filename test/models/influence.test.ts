// Influence diagnostics (lib/models/influence.ts) against independent values: the textbook leverage and Cook's distance
// of a weighted regression through the origin, a fresh fit without the reading, and the screen's bound held against
// the actual move of the 95 % upper bound for every reading of a seeded data set.
import {describe, expect, it} from "vitest";
import {airContext, fitModel, fitWithout, influenceDiagnostics, packPoints, SCREEN_BOUND, type FitPoint, type ModelName} from "../../lib/models/index.js";
import {predictRate} from "../../lib/exposure/index.js";
import {point, range, synthetic} from "./helpers.js";

const FIVE_FT = 1.524;

describe("influenceDiagnostics", () => {
  it("gives the textbook leverage and Cook's distance of D = S/r² (weighted regression through the origin)", () => {
    const points = synthetic((r) => 20 / (r * r), range(1, 10, 12), 0.1, 7);
    const fit = fitModel(points, "inverse-square");
    const d = influenceDiagnostics(fit, packPoints(points));
    // x = 1/r², h_i = w_i x_i² / Σ w x², e_i = y_i − S·x_i, Cook's D_i = w_i e_i² h_i / (p σ̂² (1 − h_i)²), σ̂² = χ²/(n − 1).
    const x = points.map((p) => 1 / (p.distance_m * p.distance_m));
    const w = points.map((p) => 1 / p.sigma_uSv_per_h ** 2);
    const sxx = x.reduce((s, xi, i) => s + w[i]! * xi * xi, 0);
    const S = x.reduce((s, xi, i) => s + w[i]! * xi * points[i]!.rate_uSv_per_h, 0) / sxx;
    const e = points.map((p, i) => p.rate_uSv_per_h - S * x[i]!);
    const chi2 = e.reduce((s, ei, i) => s + w[i]! * ei * ei, 0);
    points.forEach((_, i) => {
      const h = (w[i]! * x[i]! * x[i]!) / sxx;
      expect(d[i]!.leverage).toBeCloseTo(h, 12);
      expect(d[i]!.cooksDistance).toBeCloseTo((w[i]! * e[i]! ** 2 * h) / ((chi2 / (points.length - 1)) * (1 - h) ** 2), 9);
    });
    expect(d.reduce((s, x) => s + x.leverage, 0)).toBeCloseTo(1, 12); // the trace of the hat matrix is p
  });

  it("gives a reading that alone fixes a parameter leverage just below 1 and finite figures far above the screen", () => {
    // Power law with one reading at 0.5 m and the others at 2.5 m: k and n pass exactly through the lone reading, so its
    // leverage is 1 and its residual 0 up to rounding; published figures must still be numbers (JSON has no Infinity).
    const points = [point(0.5, 10, 1), point(2.5, 1, 0.2), point(2.5, 1.1, 0.25), point(2.5, 1.2, 0.3)];
    const fit = fitModel(points, "power-law");
    expect(fit.converged).toBe(true);
    const lone = influenceDiagnostics(fit, packPoints(points))[0]!;
    expect(lone.leverage).toBeGreaterThan(1 - 1e-9);
    expect(lone.leverage).toBeLessThan(1);
    expect(Number.isFinite(lone.cooksDistance)).toBe(true);
    expect(Number.isFinite(lone.bound)).toBe(true);
    expect(lone.bound).toBeGreaterThan(SCREEN_BOUND);
  });
});

describe("fitWithout", () => {
  it.each<ModelName>(["inverse-square", "inverse-square-offset", "power-law", "inverse-square-air"])("%s: equals a fresh fit of the other readings", (model) => {
    const points = synthetic((r) => 30 * Math.exp(-0.02 * r) / ((r + 0.2) * (r + 0.2)), range(0.5, 12, 15), 0.08, 11);
    const ctx = airContext(60);
    const fit = fitModel(points, model, ctx);
    for (const i of [0, 7, 14]) {
      const loo = fitWithout(fit, packPoints(points), i);
      const fresh = fitModel(points.filter((_, k) => k !== i), model, ctx);
      // Both stop within about 1e-5 standard errors of the minimum (lib/models/fit.ts), so they agree to 1e-3 of one.
      for (const name of fit.parameterNames) {
        expect(Math.abs(loo.parameters[name]!.value - fresh.parameters[name]!.value)).toBeLessThan(1e-3 * fresh.parameters[name]!.stderr!);
      }
      expect(loo.chiSquare).toBeCloseTo(fresh.chiSquare, 4);
      expect(loo.dof).toBe(fresh.dof);
      expect(loo.distanceRange_m).toEqual(fresh.distanceRange_m);
    }
  });

  it("inverse-square-offset: starts from the downdate, which is nearer the minimum than a fresh fit's start", () => {
    const points = synthetic((r) => 30 * Math.exp(-0.02 * r) / ((r + 0.2) * (r + 0.2)), range(0.5, 12, 15), 0.08, 11);
    const fit = fitModel(points, "inverse-square-offset");
    // Readings away from the ends move the fit least, so their downdate is nearest the refit's minimum.
    for (const i of [2, 5, 8]) {
      const loo = fitWithout(fit, packPoints(points), i);
      const fresh = fitModel(points.filter((_, k) => k !== i), "inverse-square-offset");
      expect(loo.converged && fresh.converged).toBe(true);
      expect(loo.iterations).toBeLessThan(fresh.iterations);
    }
  });
});

describe("the screen", () => {
  it("never clears a reading whose removal moves the 5 ft upper bound by its own uncertainty (every reading, two models)", () => {
    // Scattered data with one reading far off at close range: some readings matter, most do not.
    const points: FitPoint[] = [...synthetic((r) => 40 / r ** 2.1, range(0.8, 9, 30), 0.15, 3, 1.5), point(0.9, 200, 5, {reading_id: "bad"})];
    for (const model of ["power-law", "inverse-square"] as const) {
      const fit = fitModel(points, model);
      const packed = packPoints(points);
      const d = influenceDiagnostics(fit, packed);
      let cleared = 0;
      for (const interval of ["confidence", "prediction"] as const) {
        const before = predictRate(fit, FIVE_FT, {interval});
        for (const {index, bound} of d) {
          const after = predictRate(fitWithout(fit, packed, index), FIVE_FT, {interval});
          const move = Math.abs(after.upper95_uSv_per_h - before.upper95_uSv_per_h);
          // The yardstick of lib/publish/influence.ts: the smaller of the two bounds' margins over their estimates.
          const own = Math.min(before.upper95_uSv_per_h - before.rate_uSv_per_h, after.upper95_uSv_per_h - after.rate_uSv_per_h);
          if (bound <= SCREEN_BOUND) {
            cleared++;
            expect(move, `${model}, ${interval}, reading ${index}`).toBeLessThan(own);
          }
        }
      }
      expect(cleared).toBeGreaterThan(0);
      expect(d.find((x) => points[x.index]!.reading_id === "bad")!.bound).toBeGreaterThan(SCREEN_BOUND);
    }
  });
});
