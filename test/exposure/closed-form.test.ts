// The exposure answers on fits written out by hand (test/exposure/hand-fit.ts), where every bound has a closed form:
// for Ḋ = S/r² with var(S) = 4 at S = 100, the fit's sd of ln Ḋ is 2/100 = 0.02 at every distance; with the
// instruments' 10 % in quadrature, sd = √(0.02² + 0.1²) = √0.0104, and the one-sided 95 % bounds are Ḋ·exp(±1.6449·sd).
import {describe, expect, it} from "vitest";
import {
  BOUND_METHOD, DEFINITION_95, UnusableModelError, Z95, exclusionDistance, exposureSeconds, logRateSd, oneSidedQuantile,
  predictRate, scenarioDose, studentTQuantile, timeToLimit, uncertaintyBudget
} from "../../lib/exposure/index.js";
import {handFit} from "./hand-fit.js";

// One-sided 95 % normal quantile (standard tables: 1.6448536).
const Z = 1.6448536269514722;
const SD = Math.sqrt(0.02 ** 2 + 0.1 ** 2);
const fit = handFit({params: [100], covariance: [[4]], distanceRange_m: [1, 5]});

describe("predictRate on a hand-made inverse-square fit", () => {
  it("gives S/r² with bounds S/r²·exp(±1.6449·√0.0104), the fit's and the instruments' shares 0.0004 and 0.01 of 0.0104", () => {
    const p = predictRate(fit, 2);
    expect(p.rate_uSv_per_h).toBeCloseTo(25, 12);
    expect(p.logSd).toBeCloseTo(SD, 14);
    expect(p.coverageFactor).toBe(Z);
    expect(p.upper95_uSv_per_h).toBeCloseTo(25 * Math.exp(Z * SD), 10);
    expect(p.lower95_uSv_per_h).toBeCloseTo(25 * Math.exp(-Z * SD), 10);
    expect(p.uncertaintyKnown).toBe(true);
    expect(p.interval).toBe("confidence");
    const [a, b] = p.budget!.components;
    expect(p.budget!.components).toHaveLength(2);
    expect(a!.share).toBeCloseTo(0.0004 / 0.0104, 14);
    expect(b!.share).toBeCloseTo(0.01 / 0.0104, 14);
    expect(a!.label).toMatch(/fit/);
    expect(b!.label).toMatch(/calibration and energy response/);
    expect(p.budget!.effectiveDof).toBeNull();
    expect(p.budget!.instruments.relative).toBe(0.1);
  });

  it("is extrapolated only outside the fitted distances, not at their ends, and never when they are unknown", () => {
    expect(predictRate(fit, 1).extrapolated).toBe(false);
    expect(predictRate(fit, 5).extrapolated).toBe(false);
    expect(predictRate(fit, 0.999).extrapolated).toBe(true);
    expect(predictRate(fit, 5.001).extrapolated).toBe(true);
    expect(predictRate(handFit({params: [100], covariance: [[4]], distanceRange_m: null}), 50).extrapolated).toBe(false);
  });

  it("refuses a distance that is not positive", () => {
    for (const r of [0, -1, NaN]) expect(() => predictRate(fit, r)).toThrow(/positive distance/);
  });

  it("refuses an unusable fit with an UnusableModelError naming the model and the reason, or non-convergence", () => {
    const failed = {...fit, converged: false, reason: "the data cannot determine every parameter"};
    expect(() => predictRate(failed, 2)).toThrow(UnusableModelError);
    expect(() => predictRate(failed, 2)).toThrow("the inverse-square fit cannot be used: the data cannot determine every parameter");
    expect(() => predictRate({...failed, reason: null}, 2)).toThrow(/cannot be used: it did not converge/);
    try {
      logRateSd(failed, 2);
    } catch (e) {
      expect((e as Error).name).toBe("UnusableModelError");
    }
    expect.assertions(4);
  });

  it("without a covariance or without the instruments' uncertainty, the bounds equal the estimate and say so", () => {
    for (const model of [handFit({params: [100], covariance: null}), handFit({params: [100], covariance: [[4]], instruments: null})]) {
      const p = predictRate(model, 2);
      expect(p.upper95_uSv_per_h).toBe(25);
      expect(p.lower95_uSv_per_h).toBe(25);
      expect(p.budget).toBeNull();
      expect(p.uncertaintyKnown).toBe(false);
      expect(p.coverageFactor).toBe(0);
    }
    expect(logRateSd(handFit({params: [100], covariance: null}), 2)).toBeNull();
  });

  it("the offset model's fit sd is the delta method's √(gᵀCg), g = (1/S, −2/(r + r0))", () => {
    // S = 100, r0 = 0.5, var(S) = 4, var(r0) = 0.01, cov = 0.05; at r = 1.5: g = (0.01, −1).
    const offset = handFit({model: "inverse-square-offset", params: [100, 0.5], covariance: [[4, 0.05], [0.05, 0.01]]});
    const variance = 0.01 ** 2 * 4 + 2 * 0.01 * -1 * 0.05 + 1 * 0.01;
    expect(logRateSd(offset, 1.5)).toBeCloseTo(Math.sqrt(variance), 14);
    expect(predictRate(offset, 1.5).rate_uSv_per_h).toBeCloseTo(25, 12);
  });
});

describe("a model known exactly (zero covariance, instruments stated as exact)", () => {
  it("has zero sd, bounds equal to the estimate, no shares to speak of and infinitely many degrees of freedom", () => {
    const exact = handFit({params: [100], covariance: [[0]], instruments: 0, covarianceScale: 2, dof: 4});
    const p = predictRate(exact, 2);
    expect(p.logSd).toBe(0);
    expect(p.upper95_uSv_per_h).toBe(25);
    expect(p.lower95_uSv_per_h).toBe(25);
    expect(p.uncertaintyKnown).toBe(true);
    expect(p.budget!.components.map((c) => c.share)).toEqual([0, 0]);
    expect(p.budget!.effectiveDof).toBeNull();
    expect(p.coverageFactor).toBe(Z);
  });
});

describe("the coverage factor", () => {
  it("is the normal 1.6449 for infinitely many or more than 10⁷ degrees of freedom, Student's t(0.95, ν) otherwise", () => {
    expect(oneSidedQuantile(null)).toBe(Z);
    expect(oneSidedQuantile(Infinity)).toBe(Z);
    expect(oneSidedQuantile(2e7)).toBe(Z);
    // One-sided 95 % Student's t (standard tables, t_0.95,ν): 2.132 for ν = 4, 1.812 for ν = 10.
    expect(oneSidedQuantile(4)).toBeCloseTo(2.132, 3);
    expect(oneSidedQuantile(10)).toBeCloseTo(1.812, 3);
    // Asked again: the same value (it is remembered per ν).
    expect(oneSidedQuantile(4)).toBeCloseTo(2.132, 3);
    expect(Z95).toBe(Z);
  });

  it("widened covariance with ν = 4 and exact instruments: ν_eff = 4 and t(0.95, 4) = 2.132", () => {
    const widened = handFit({params: [100], covariance: [[4]], instruments: 0, covarianceScale: 2, dof: 4});
    const p = predictRate(widened, 2);
    expect(p.budget!.effectiveDof).toBeCloseTo(4, 12);
    expect(p.coverageFactor).toBeCloseTo(2.132, 3);
    expect(p.budget!.components[0]!.dof).toBe(4);
    expect(p.budget!.components[1]!.dof).toBeNull();
    expect(p.upper95_uSv_per_h).toBeCloseTo(25 * Math.exp(2.131847 * 0.02), 5);
  });

  it("Welch–Satterthwaite with the instruments' 10 %: ν_eff = (0.0004 + 0.01)² / (0.02⁴ / 4)", () => {
    const widened = handFit({params: [100], covariance: [[4]], covarianceScale: 2, dof: 4});
    expect(predictRate(widened, 2).budget!.effectiveDof).toBeCloseTo(0.0104 ** 2 / (0.02 ** 4 / 4), 6);
  });

  it("stays normal when the covariance was not widened or there are no degrees of freedom left", () => {
    expect(predictRate(handFit({params: [100], covariance: [[4]], covarianceScale: 1, dof: 4}), 2).coverageFactor).toBe(Z);
    expect(predictRate(handFit({params: [100], covariance: [[4]], covarianceScale: 2, dof: 0}), 2).coverageFactor).toBe(Z);
  });
});

describe("the prediction interval for one occasion", () => {
  const scattered = handFit({params: [100], covariance: [[4]], occasionScatter: 0.3});

  it("adds the scatter between occasions τ = 0.3 in quadrature: sd = √(0.0104 + 0.09)", () => {
    const p = predictRate(scattered, 2, {interval: "prediction"});
    expect(p.interval).toBe("prediction");
    expect(p.logSd).toBeCloseTo(Math.sqrt(0.1004), 14);
    expect(p.upper95_uSv_per_h).toBeCloseTo(25 * Math.exp(Z * Math.sqrt(0.1004)), 10);
    const occasions = p.budget!.components[2]!;
    expect(occasions).toMatchObject({id: "occasions", type: "A", logSd: 0.3});
    expect(occasions.label).toMatch(/between occasions/);
    expect(occasions.share).toBeCloseTo(0.09 / 0.1004, 14);
  });

  it("is the confidence interval when τ = 0, and τ does not enter the confidence interval", () => {
    expect(predictRate(scattered, 2).budget!.components).toHaveLength(2);
    expect(predictRate(scattered, 2).logSd).toBeCloseTo(SD, 14);
    const calm = predictRate(fit, 2, {interval: "prediction"});
    expect(calm.budget!.components).toHaveLength(2);
    expect(calm.logSd).toBeCloseTo(SD, 14);
    expect(predictRate(handFit({params: [100], covariance: [[4]], occasionScatter: null}), 2, {interval: "prediction"}).logSd).toBeCloseTo(SD, 14);
  });

  it("with a widened covariance, τ counts with the fit's ν in Welch–Satterthwaite: (Σu²)² / ((u_A⁴ + τ⁴)/ν)", () => {
    const widened = handFit({params: [100], covariance: [[4]], covarianceScale: 2, dof: 4, occasionScatter: 0.3});
    const nu = 0.1004 ** 2 / ((0.02 ** 4 + 0.3 ** 4) / 4);
    const budget = uncertaintyBudget(widened, 2, "prediction")!;
    expect(budget.effectiveDof).toBeCloseTo(nu, 9);
    expect(budget.components[2]!.dof).toBe(4);
    expect(budget.coverageFactor).toBeCloseTo(studentTQuantile(0.95, nu), 12);
    // Without saying which interval: the curve's, without τ.
    expect(uncertaintyBudget(widened, 2)!.components.map((c) => c.id)).toEqual(["fit", "instruments"]);
    expect(uncertaintyBudget(widened, 2)!.interval).toBe("confidence");
  });
});

describe("scenarioDose on the hand-made fit", () => {
  it("half an hour at 2 m: 12.5 µSv, bounds 12.5·exp(±1.6449·√0.0104)", () => {
    const d = scenarioDose(fit, {distance_m: 2, duration_s: 1800});
    expect(d.dose_uSv).toBeCloseTo(12.5, 12);
    expect(d.upper95_uSv).toBeCloseTo(12.5 * Math.exp(Z * SD), 10);
    expect(d.lower95_uSv).toBeCloseTo(12.5 * Math.exp(-Z * SD), 10);
    expect(d.exposure_s).toBe(1800);
    expect(d.interval).toBe("confidence");
    expect(d.budget!.logSd).toBeCloseTo(SD, 14);
    expect(d.uncertaintyKnown).toBe(true);
    expect(d.extrapolated).toBe(false);
    expect(scenarioDose(fit, {distance_m: 10, duration_s: 1}).extrapolated).toBe(true);
    expect(scenarioDose(handFit({params: [100], covariance: null}), {distance_m: 2, duration_s: 1}).uncertaintyKnown).toBe(false);
  });

  it("20 scans of 9 s are 180 s; no exposure is no dose; a negative or endless exposure is refused", () => {
    expect(exposureSeconds({distance_m: 2, scans: 20, dwell_s: 9})).toBe(180);
    expect(scenarioDose(fit, {distance_m: 2, scans: 20, dwell_s: 9}).dose_uSv).toBeCloseTo(1.25, 12);
    expect(scenarioDose(fit, {distance_m: 2, duration_s: 0}).upper95_uSv).toBe(0);
    for (const t of [-1, NaN, Infinity]) expect(() => exposureSeconds({distance_m: 2, duration_s: t})).toThrow(/finite, non-negative/);
    expect(() => exposureSeconds({distance_m: 2, scans: -1, dwell_s: 9})).toThrow(RangeError);
  });

  it("the prediction interval reaches the dose through the rate", () => {
    const d = scenarioDose(handFit({params: [100], covariance: [[4]], occasionScatter: 0.3}), {distance_m: 2, duration_s: 3600}, {interval: "prediction"});
    expect(d.interval).toBe("prediction");
    expect(d.upper95_uSv).toBeCloseTo(25 * Math.exp(Z * Math.sqrt(0.1004)), 10);
  });

  it("the method and the meaning of 95 % name the one-sided bounds", () => {
    expect(DEFINITION_95).toMatch(/^one-sided 95 %/);
    expect(BOUND_METHOD).toMatch(/^one-sided 95% bounds on ln\(dose rate\)/);
  });
});

describe("exclusionDistance on the hand-made fit", () => {
  // S·e^(q·sd)·T / r² = L  ⇒  r = √(S·e^(q·sd)·T / L), T in hours.
  const closed = (hours: number, limit: number, sd = SD) => Math.sqrt((100 * Math.exp(Z * sd) * hours) / limit);

  it("20 µSv in an hour: r = √(100·e^(1.6449·√0.0104) / 20), within the fitted distances", () => {
    const e = exclusionDistance(fit, {limit_uSv: 20, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(closed(1, 20), 9);
    expect(e.pointDistance_m!).toBeCloseTo(Math.sqrt(5), 9);
    expect(e.status).toBe("found");
    expect(e.closerThanReadings).toBe(false);
    expect(e.extrapolated).toBe(false);
    expect(e.uncertaintyKnown).toBe(true);
    expect(e.interval).toBe("confidence");
    expect(e).toMatchObject({limit_uSv: 20, period_s: 3600});
    expect(e.method).toMatch(/one-sided 95% upper bound/);
  });

  it("takes the period in seconds: 20 µSv in half an hour is met closer in", () => {
    const half = exclusionDistance(fit, {limit_uSv: 20, period_s: 1800});
    expect(half.distance_m!).toBeCloseTo(closed(0.5, 20), 9);
    expect(half.pointDistance_m!).toBeCloseTo(Math.sqrt(2.5), 9);
  });

  it("for one occasion, on the prediction bound: √(0.0104 + τ²) with τ = 0.3", () => {
    const scattered = handFit({params: [100], covariance: [[4]], occasionScatter: 0.3});
    const e = exclusionDistance(scattered, {limit_uSv: 20, period_s: 3600}, {interval: "prediction"});
    expect(e.distance_m!).toBeCloseTo(closed(1, 20, Math.sqrt(0.1004)), 9);
    expect(e.interval).toBe("prediction");
    expect(exclusionDistance(scattered, {limit_uSv: 20, period_s: 3600}).distance_m!).toBeCloseTo(closed(1, 20), 9);
  });

  it("closer than every reading is extrapolated towards the device; farther than every reading is extrapolated too", () => {
    const near = exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: [3, 8]}), {limit_uSv: 20, period_s: 3600});
    expect(near.closerThanReadings).toBe(true);
    expect(near.extrapolated).toBe(true);
    const far = exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: [0.5, 2]}), {limit_uSv: 20, period_s: 3600});
    expect(far.closerThanReadings).toBe(false);
    expect(far.extrapolated).toBe(true);
    const unknown = exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: null}), {limit_uSv: 20, period_s: 3600});
    expect(unknown.closerThanReadings).toBe(false);
    expect(unknown.extrapolated).toBe(false);
  });

  it("a distance at the nearest or the farthest reading is neither closer than the readings nor extrapolated", () => {
    // The model's parameters, not its fitted distances, set the distance: place the readings' ends on it.
    const d = exclusionDistance(fit, {limit_uSv: 20, period_s: 3600}).distance_m!;
    const nearest = exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: [d, 5]}), {limit_uSv: 20, period_s: 3600});
    expect(nearest.distance_m).toBe(d);
    expect(nearest.closerThanReadings).toBe(false);
    expect(nearest.extrapolated).toBe(false);
    expect(exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: [1, d]}), {limit_uSv: 20, period_s: 3600}).extrapolated).toBe(false);
  });

  it("met everywhere (a source 10 m behind the reference point): 0, not closer than the readings", () => {
    const behind = handFit({model: "inverse-square-offset", params: [1, 10], covariance: [[0.0001, 0], [0, 0]]});
    const e = exclusionDistance(behind, {limit_uSv: 1, period_s: 3600});
    expect(e.distance_m).toBe(0);
    expect(e.status).toBe("met-everywhere");
    expect(e.closerThanReadings).toBe(false);
  });

  it("beyond 10 km: null, extrapolated, not closer than the readings", () => {
    const e = exclusionDistance(fit, {limit_uSv: 1e-7, period_s: 3600});
    expect(e.distance_m).toBeNull();
    expect(e.status).toBe("beyond-search-range");
    expect(e.extrapolated).toBe(true);
    expect(e.closerThanReadings).toBe(false);
    // Beyond the search range is an extrapolation even when the fitted distances are not known.
    expect(exclusionDistance(handFit({params: [100], covariance: [[4]], distanceRange_m: null}), {limit_uSv: 1e-7, period_s: 3600}).extrapolated).toBe(true);
  });

  it("an effective source 3 m behind the reference point: r = √(100·e^(q·sd) / 5) − 3, closer than the source's offset", () => {
    const behind = handFit({model: "inverse-square-offset", params: [100, 3], covariance: [[4, 0], [0, 0]], distanceRange_m: [1, 5]});
    const e = exclusionDistance(behind, {limit_uSv: 5, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(Math.sqrt((100 * Math.exp(Z * SD)) / 5) - 3, 9);
    expect(e.distance_m!).toBeLessThan(3);
    expect(e.pointDistance_m!).toBeCloseTo(Math.sqrt(20) - 3, 9);
  });

  it("an effective source 0.5 m in front of the reference point: r = 0.5 + √(100·e^(q·sd) / 20)", () => {
    // var(r0) = 0: the fit's sd of ln Ḋ is σ_S/S = 0.02 at every distance, as for the inverse square.
    const front = handFit({model: "inverse-square-offset", params: [100, -0.5], covariance: [[4, 0], [0, 0]], distanceRange_m: [1, 5]});
    const e = exclusionDistance(front, {limit_uSv: 20, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(0.5 + closed(1, 20), 9);
    expect(e.pointDistance_m!).toBeCloseTo(0.5 + Math.sqrt(5), 9);
  });

  it("without uncertainty the bound is the point estimate, and says so", () => {
    const e = exclusionDistance(handFit({params: [100], covariance: null}), {limit_uSv: 20, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(Math.sqrt(5), 9);
    expect(e.uncertaintyKnown).toBe(false);
  });

  it("refuses a limit or a period that is not positive", () => {
    for (const q of [{limit_uSv: 0, period_s: 3600}, {limit_uSv: -1, period_s: 3600}, {limit_uSv: 20, period_s: 0}, {limit_uSv: NaN, period_s: 3600}]) {
      expect(() => exclusionDistance(fit, q)).toThrow(/positive dose and period/);
    }
  });
});

describe("timeToLimit on the hand-made fit", () => {
  it("10 µSv at 2 m: 10 / (25·e^(1.6449·√0.0104)) hours; 1440 s on the point estimate", () => {
    const t = timeToLimit(fit, {distance_m: 2, limit_uSv: 10});
    expect(t.duration_s).toBeCloseTo((10 / (25 * Math.exp(Z * SD))) * 3600, 8);
    expect(t.pointDuration_s).toBeCloseTo(1440, 9);
    expect(t.status).toBe("found");
    expect(t.closerThanReadings).toBe(false);
    expect(t.extrapolated).toBe(false);
    expect(t.uncertaintyKnown).toBe(true);
    expect(t.interval).toBe("confidence");
    expect(t.method).toMatch(/one-sided 95% upper bound/);
  });

  it("at the nearest reading is not closer than the readings; nearer is, and is extrapolated", () => {
    expect(timeToLimit(fit, {distance_m: 1, limit_uSv: 10}).closerThanReadings).toBe(false);
    const near = timeToLimit(fit, {distance_m: 0.5, limit_uSv: 10});
    expect(near.closerThanReadings).toBe(true);
    expect(near.extrapolated).toBe(true);
    expect(timeToLimit(handFit({params: [100], covariance: [[4]], distanceRange_m: null}), {distance_m: 0.5, limit_uSv: 10}).closerThanReadings).toBe(false);
  });

  it("for one occasion, on the prediction bound", () => {
    const scattered = handFit({params: [100], covariance: [[4]], occasionScatter: 0.3});
    const t = timeToLimit(scattered, {distance_m: 2, limit_uSv: 10}, {interval: "prediction"});
    expect(t.interval).toBe("prediction");
    expect(t.duration_s).toBeCloseTo((10 / (25 * Math.exp(Z * Math.sqrt(0.1004)))) * 3600, 8);
  });

  it("a zero dose rate never reaches the limit", () => {
    const t = timeToLimit(handFit({params: [0], covariance: null}), {distance_m: 2, limit_uSv: 10});
    expect(t.duration_s).toBe(Infinity);
    expect(t.pointDuration_s).toBe(Infinity);
    expect(t.status).toBe("never-reached");
    expect(t.uncertaintyKnown).toBe(false);
  });

  it("refuses a limit that is not positive, a distance at or inside the offset model's pole, and an infinite rate", () => {
    expect(() => timeToLimit(fit, {distance_m: 2, limit_uSv: 0})).toThrow(/positive dose/);
    const front = handFit({model: "inverse-square-offset", params: [100, -0.5], covariance: [[4, 0], [0, 0]]});
    expect(() => timeToLimit(front, {distance_m: 0.5, limit_uSv: 10})).toThrow(/inside the pole of the inverse-square-offset model \(its effective source lies 0\.5 m in front of the reference point\)/);
    expect(() => timeToLimit(front, {distance_m: 0.4, limit_uSv: 10})).toThrow(/inside the pole/);
    expect(timeToLimit(front, {distance_m: 1.5, limit_uSv: 10}).pointDuration_s).toBeCloseTo((10 / 100) * 3600, 9);
    expect(() => timeToLimit(fit, {distance_m: 1e-200, limit_uSv: 10})).toThrow(/infinite dose rate at 1e-200 m/);
  });
});
