// The device models as the site publishes them, on small hand-made inputs (no publish(): each test is milliseconds).
// Expected values are closed forms: an inverse-square fit S/r² with relative sd √(var S)/S, combined in quadrature
// with the instruments' type B, and a one-sided 95 % normal quantile; fits are written by hand (test/exposure/hand-fit.ts)
// or fitted to readings lying exactly on 100/r².
import {describe, expect, it} from "vitest";
import {
  BUDGET_DISTANCE_M, MIN_FITTED_READINGS, conservativeEstimator, curve, curveDistances, fitAsField, fitDevice, fitDeviceGroups,
  publishedBudget, publishedFits, sectorLabel, usableModels, type DeviceModels, type GroupModels
} from "../../lib/publish/device-models.js";
import {groupPoints, type FitPoint, type FitResult} from "../../lib/models/index.js";
import type {AirBuildup} from "../../lib/physics/buildup.js";
import {predictRate} from "../../lib/exposure/index.js";
import {handFit} from "../exposure/hand-fit.js";
import {point} from "../models/helpers.js";

/** One-sided 95 % quantile of the standard normal distribution. */
const Z95 = 1.6448536269514722;

function group(sector: string | null, fits: FitResult[], selected: FitResult | null, extra: Partial<GroupModels> = {}): GroupModels {
  return {device_id: "VAN-1", sector, fits, weights: fits.map(() => null), selected, checks: null, readingGroups: [], reason: selected ? null : "too few", ...extra};
}

/** Points exactly on 100/r² (µSv/h), σ 5 %, at the given distances, optionally at an angle. */
function onCurve(distances: number[], angle_deg: number | null = null, prefix = "p"): FitPoint[] {
  return distances.map((r, i) => point(r, 100 / (r * r), 5 / (r * r), {reading_id: `${prefix}${i}`, angle_deg}));
}

describe("sectorLabel", () => {
  it("names the 45° sector holding an angle by its centre, and no sector without an angle", () => {
    expect(sectorLabel(null)).toBeNull();
    expect(sectorLabel(0)).toBe("0°");
    expect(sectorLabel(350)).toBe("0°");
    expect(sectorLabel(100)).toBe("90°");
  });
});

describe("fitDevice and fitDeviceGroups", () => {
  it("selects a model that reproduces readings lying on 100/r², all angles first", () => {
    const points = onCurve([1, 1.5, 2, 3, 4, 5]);
    for (const device of [fitDevice("VAN-1", points, {}), fitDeviceGroups("VAN-1", groupPoints(points), {})]) {
      expect(device.device_id).toBe("VAN-1");
      expect(device.groups).toHaveLength(1);
      const g = device.groups[0]!;
      expect(g.sector).toBeNull();
      expect(g.device_id).toBe("VAN-1");
      expect(g.reason).toBeNull();
      expect(g.selected).not.toBeNull();
      expect(g.fits).toContain(g.selected);
      // Akaike weights: one per fit, summing to 1 over the fits that converged.
      expect(g.weights).toHaveLength(g.fits.length);
      expect(g.weights.reduce((s: number, w) => s + (w ?? 0), 0)).toBeCloseTo(1, 12);
      expect(g.readingGroups.reduce((n, r) => n + r.n, 0)).toBe(6);
      // Whatever model is selected, it predicts the true rate where it was measured.
      for (const r of [1, 2, 5]) expect(predictRate(g.selected!, r).rate_uSv_per_h).toBeCloseTo(100 / r ** 2, 3);
    }
  });

  it(`needs ${MIN_FITTED_READINGS} readings above the detection limit: censored readings do not count`, () => {
    const five = fitDevice("VAN-1", onCurve([1, 1.5, 2, 3, 4]), {}).groups[0]!;
    expect(five.selected).not.toBeNull();
    expect(five.reason).toBeNull();
    const points = onCurve([1, 1.5, 2, 3, 4]);
    points[4] = {...points[4]!, censored: true, mdl_rate_uSv_per_h: 10};
    for (const g of [fitDevice("VAN-1", points, {}).groups[0]!, fitDeviceGroups("VAN-1", groupPoints(points), {}).groups[0]!]) {
      expect(g.selected).toBeNull();
      expect(g.reason).toBe("only 4 readings above the detection limit; at least 5 are needed");
      // The fits are still made and shown.
      expect(g.fits.length).toBeGreaterThan(0);
    }
  });

  it("fits every sector on its own readings, in angle order, and checks each fit against that sector's readings", () => {
    // 180° readings come first in the file: the sectors are still listed 45° before 180° (numerically, not by text).
    const back = onCurve([1, 1.5, 2, 3, 4, 5], 180, "b");
    // 45°: seven readings above detection and, first in its list, one below.
    const side = onCurve([6, 1, 1.5, 2, 3, 4, 5, 7], 40, "s");
    side[0] = {...side[0]!, censored: true, rate_uSv_per_h: 0, mdl_rate_uSv_per_h: 5};
    const points = [...back, ...side];
    const device = fitDevice("VAN-1", points, {});
    expect(device.groups.map((g) => g.sector)).toEqual([null, "45°", "180°"]);
    expect(device.groups.map((g) => g.readingGroups.reduce((n, r) => n + r.n, 0))).toEqual([13, 7, 6]);
    expect(device.groups.every((g) => g.selected !== null && g.device_id === "VAN-1")).toBe(true);
    expect(device.groups.map((g) => g.checks![0]!.censored)).toEqual([1, 1, 0]);
    expect(device.groups.map((g) => g.checks!.length)).toEqual(device.groups.map((g) => g.fits.length));
    // Groups as a scan of the files may give them, in any order.
    const grouped = fitDeviceGroups("VAN-1", groupPoints(points).reverse(), {});
    expect(grouped.groups.map((g) => g.sector)).toEqual([null, "45°", "180°"]);
    expect(grouped.groups.map((g) => g.readingGroups.reduce((n, r) => n + r.n, 0))).toEqual([13, 7, 6]);
    expect(grouped.groups.every((g) => g.checks === null && g.selected !== null)).toBe(true);
  });

  it("selects nothing, and gives every model's reason, when no model converges", () => {
    const points = onCurve([1, 2, 3, 4, 5, 6]);
    points[2] = {...points[2]!, rate_uSv_per_h: NaN};
    const g = fitDevice("VAN-1", points, {}).groups[0]!;
    expect(g.selected).toBeNull();
    const why = "reading at 3 m (1 readings) has a rate that is not a number";
    expect(g.reason).toBe(`no model converged (inverse-square: ${why}; inverse-square-offset: ${why}; power-law: ${why})`);
  });

  it("flags a reading far off the curve in the checks of the fits that contain it", () => {
    // 1.5 × the curve with σ 5 % is 10σ off; with ten readings it moves the fit by about 1σ of the others.
    const points = onCurve([1, 1.25, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6]);
    points[4] = {...points[4]!, rate_uSv_per_h: (100 / 6.25) * 1.5};
    const g = fitDevice("VAN-1", points, {}).groups[0]!;
    const i = g.fits.indexOf(g.selected!);
    expect(g.checks![i]!.flagged).toBe(1);
    expect(g.checks![i]!.censored).toBe(0);
  });
});

describe("usableModels", () => {
  it("lists the selected model of every group that has one, in group order", () => {
    const a = handFit({params: [100], covariance: [[9]]});
    const b = handFit({params: [90], covariance: [[9]]});
    const device: DeviceModels = {device_id: "VAN-1", groups: [group(null, [a], a), group("0°", [b], null), group("90°", [b], b)]};
    expect(usableModels(device)).toEqual([{sector: null, fit: a}, {sector: "90°", fit: b}]);
  });
});

describe("conservativeEstimator", () => {
  it("uses the model with the highest upper bound, not the highest estimate", () => {
    // A: 100/r², relative sd √(0.03² + 0.04²) = 0.05. B: 90/r², relative sd √(0.2² + 0.04²): lower estimate, higher bound.
    const a = handFit({params: [100], covariance: [[9]], instruments: 0.04});
    const b = handFit({params: [90], covariance: [[(0.2 * 90) ** 2]], instruments: 0.04});
    const device: DeviceModels = {device_id: "VAN-1", groups: [group(null, [a], a), group("90°", [b], b)]};
    const e = conservativeEstimator(device)({distance_m: 2, duration_s: 3600});
    const sd = Math.sqrt(0.2 ** 2 + 0.04 ** 2);
    expect(e.determinable).toBe(true);
    expect(e.dose_uSv).toBeCloseTo(22.5, 9);
    expect(e.upper95_uSv).toBeCloseTo(22.5 * Math.exp(Z95 * sd), 9);
    expect(e.lower95_uSv).toBeCloseTo(22.5 * Math.exp(-Z95 * sd), 9);
    expect(e.basis).toBe("inverse-square fit, sector 90°");
    expect(e.reason).toBe(e.basis);
    expect(e.budget!.components.map((c) => c.label)).toEqual(["fit to the readings (statistical)", "instruments' calibration and energy response"]);
    expect(e.budget!.components[0]!.share).toBeCloseTo(0.04 / (0.04 + 0.0016), 9);
    expect("effectiveEnergy_keV" in e).toBe(false);
    // Order does not matter: the same model wins when it comes first.
    const swapped = conservativeEstimator({device_id: "VAN-1", groups: [group(null, [b], b), group("90°", [a], a)]})({distance_m: 2, duration_s: 3600});
    expect(swapped.upper95_uSv).toBeCloseTo(22.5 * Math.exp(Z95 * sd), 9);
    expect(swapped.basis).toBe("inverse-square fit, all angles");
  });

  it("keeps the first (all angles) of equal bounds, and says when it extrapolates", () => {
    const a = handFit({params: [100], covariance: [[9]], instruments: 0.04, distanceRange_m: [1, 5]});
    const device: DeviceModels = {device_id: "VAN-1", groups: [group(null, [a], a), group("0°", [a], a)]};
    const near = conservativeEstimator(device)({distance_m: 5, duration_s: 36});
    expect(near.basis).toBe("inverse-square fit, all angles");
    expect(near.dose_uSv).toBeCloseTo(100 / 25 / 100, 12);
    expect(near.upper95_uSv).toBeCloseTo((4 / 100) * Math.exp(Z95 * 0.05), 12);
    const far = conservativeEstimator(device)({distance_m: 10, duration_s: 3600});
    expect(far.basis).toBe("inverse-square fit, all angles, extrapolated beyond the measured distances");
  });

  it("bounds one occasion (prediction) only when asked; the default is the confidence bound", () => {
    const a = handFit({params: [100], covariance: [[9]], instruments: 0.04, occasionScatter: 0.12});
    const device: DeviceModels = {device_id: "VAN-1", groups: [group(null, [a], a)]};
    const estimate = conservativeEstimator(device);
    expect(estimate({distance_m: 1, duration_s: 3600}).upper95_uSv).toBeCloseTo(100 * Math.exp(Z95 * 0.05), 9);
    expect(estimate({distance_m: 1, duration_s: 3600, interval: "confidence"}).upper95_uSv).toBeCloseTo(100 * Math.exp(Z95 * 0.05), 9);
    expect(estimate({distance_m: 1, duration_s: 3600, interval: "prediction"}).upper95_uSv).toBeCloseTo(100 * Math.exp(Z95 * 0.13), 9);
  });

  it("carries the beam's effective energy of the model used", () => {
    const a = {...handFit({params: [100], covariance: [[9]]}), context: {effectiveEnergy_keV: 60}};
    const e = conservativeEstimator({device_id: "VAN-1", groups: [group(null, [a], a)]})({distance_m: 1, duration_s: 60});
    expect(e.effectiveEnergy_keV).toBe(60);
  });

  it("cannot determine a dose without a usable model, and says why", () => {
    const a = handFit({params: [100], covariance: [[9]]});
    const none = conservativeEstimator({device_id: "VAN-7", groups: [group(null, [a], null, {reason: "only 3 readings above the detection limit"}), group("0°", [a], null, {reason: "other"})]});
    expect(none({distance_m: 1, duration_s: 10})).toEqual({
      dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, basis: null,
      reason: "no usable model for VAN-7: only 3 readings above the detection limit"
    });
    expect(conservativeEstimator({device_id: "VAN-8", groups: []})({distance_m: 1, duration_s: 10}).reason).toBe("no usable model for VAN-8: no readings");
  });
});

describe("fitAsField", () => {
  it("hands the browser the parameters, covariance, air physics and the rest of the budget", () => {
    const buildup = {energy_keV: 60, weight: 0, source: "test"} as unknown as AirBuildup;
    const fit = {
      ...handFit({model: "power-law", params: [80, 1.9], covariance: [[4, 0.1], [0.1, 0.01]], instruments: 0.07, covarianceScale: 2, dof: 7, occasionScatter: 0.05}),
      context: {mu_per_m: 0.02, buildup}
    };
    expect(fitAsField(fit)).toEqual({
      model: "power-law", parameters: {k: 80, n: 1.9}, parameterNames: ["k", "n"], covariance: [[4, 0.1], [0.1, 0.01]],
      mu_per_m: 0.02, buildup, minDistance_m: 1, uncertainty: {typeB_logSd: 0.07, dof: 7, occasion_logSd: 0.05}
    });
  });

  it("leaves out what the fit does not have, and gives degrees of freedom only to a widened covariance", () => {
    const bare = handFit({params: [100], covariance: null, instruments: null, distanceRange_m: null});
    expect(fitAsField(bare)).toStrictEqual({model: "inverse-square", parameters: {S: 100}, parameterNames: ["S"], covariance: []});
    const unwidened = fitAsField(handFit({params: [100], covariance: [[9]], covarianceScale: 1, dof: 7, occasionScatter: null}));
    expect(unwidened.uncertainty).toEqual({typeB_logSd: 0.1, dof: null, occasion_logSd: 0});
    expect(fitAsField(handFit({params: [100], covariance: [[9]], covarianceScale: 2, dof: 0})).uncertainty!.dof).toBeNull();
  });
});

describe("publishedBudget", () => {
  it("shows every component of one occasion's bound at 5 ft", () => {
    const fit = handFit({params: [100], covariance: [[9]], occasionScatter: 0.1});
    fit.instrumentUncertainty = {
      relative: 0.04, method: "by hand", defaulted: true,
      instruments: [{id: "M-1", type: "rate-meter", readings: 10, calibration: 0.03, energyResponse: null, defaulted: ["energy response"], relative: 0.04, share: 1}]
    };
    const b = publishedBudget(fit)!;
    const total = 0.03 ** 2 + 0.04 ** 2 + 0.1 ** 2;
    expect(b.distance_m).toBeCloseTo(1.524, 12);
    expect(BUDGET_DISTANCE_M).toBeCloseTo(1.524, 12);
    expect(b.components.map((c) => [c.type, c.relative])).toEqual([["A", expect.closeTo(0.03, 12)], ["B", 0.04], ["A", 0.1]]);
    expect(b.components.map((c) => c.share)).toEqual([0.0009 / total, 0.0016 / total, 0.01 / total].map((s) => expect.closeTo(s, 12)));
    expect(b.components[2]!.label).toBe("variation between occasions");
    expect(b.effective_dof).toBeNull();
    expect(b.coverage_factor).toBeCloseTo(Z95, 9);
    expect(b.instruments).toEqual([{id: "M-1", readings: 10, calibration: 0.03, energy_response: null, relative: 0.04, share: 1, defaulted: ["energy response"]}]);
  });

  it("is absent for a fit that did not converge or carries no uncertainty", () => {
    expect(publishedBudget({...handFit({params: [100], covariance: [[9]]}), converged: false})).toBeNull();
    expect(publishedBudget(handFit({params: [100], covariance: null}))).toBeNull();
  });
});

describe("curveDistances and curve", () => {
  it("spaces distances evenly in log from a third below to half beyond the measured range", () => {
    const d = curveDistances([3, 6]);
    expect(d).toHaveLength(48);
    expect(d[0]).toBeCloseTo(2, 12);
    expect(d[47]).toBeCloseTo(9, 12);
    for (let i = 1; i < 48; i++) expect(d[i]! / d[i - 1]!).toBeCloseTo(4.5 ** (1 / 47), 12);
    expect(curveDistances([3, 6], 3)).toEqual([2, Math.sqrt(18), 9].map((v) => expect.closeTo(v, 12)));
    // Never closer than 5 cm.
    expect(curveDistances([0.06, 1], 2)).toEqual([0.05, 1.5].map((v) => expect.closeTo(v, 12)));
  });

  it("draws the rate and its 95 % bounds, and nothing for a fit that did not converge", () => {
    const fit = handFit({params: [100], covariance: [[9]], instruments: 0.04});
    const points = curve(fit, [3, 6]);
    expect(points).toHaveLength(48);
    for (const p of [points[0]!, points[47]!]) {
      const rate = 100 / p.distance_m ** 2;
      expect(p.rate_uSv_per_h).toBeCloseTo(rate, 9);
      expect(p.upper95_uSv_per_h).toBeCloseTo(rate * Math.exp(Z95 * 0.05), 9);
      expect(p.lower95_uSv_per_h).toBeCloseTo(rate * Math.exp(-Z95 * 0.05), 9);
    }
    expect(curve({...fit, converged: false}, [3, 6])).toEqual([]);
  });
});

describe("publishedFits", () => {
  it("publishes one row per group and model, the selected one marked, with its checks, weight, curve and budget", () => {
    const a = {...handFit({params: [100], covariance: [[9]], instruments: 0.04}), aic: 10, aicc: 12};
    const failed = {...handFit({params: [1, 2], model: "power-law", covariance: null}), converged: false, reason: "singular", aic: 20, aicc: null};
    const b = handFit({params: [90], covariance: [[9]]});
    const device: DeviceModels = {
      device_id: "VAN-1",
      groups: [
        group(null, [a, failed], a, {weights: [0.8, null], checks: [{flagged: 2, censored: 1}, {flagged: 0, censored: 3}]}),
        group("90°", [b], null, {weights: []})
      ]
    };
    const rows = publishedFits(device, [1, 5]);
    expect(rows.map((r) => [r.device_id, r.sector, r.model, r.selected])).toEqual([
      ["VAN-1", null, "inverse-square", true], ["VAN-1", null, "power-law", false], ["VAN-1", "90°", "inverse-square", false]
    ]);
    const [first, second, third] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
    expect(first).toMatchObject({
      converged: true, reason: null, n: 10, n_censored: 1, n_flagged: 2, covariance: [[9]], chi_square: 8, dof: 9,
      reduced_chi_square: 8 / 9, aic: 12, aic_weight: 0.8, parameters: [{name: "S", value: 100, stderr: 3, unit: ""}]
    });
    expect(first.curve).toHaveLength(48);
    expect(first.curve[0]!.distance_m).toBeCloseTo(1 / 1.5, 12);
    expect(first.budget!.components).toHaveLength(2);
    expect(second).toMatchObject({converged: false, reason: "singular", chi_square: null, aic: 20, aic_weight: null, n_censored: 3, n_flagged: 0, covariance: [], curve: [], budget: null});
    expect(third).toMatchObject({n_censored: 0, n_flagged: 0, aic_weight: null, selected: false});
    expect(publishedFits(device, null).every((r) => r.curve.length === 0)).toBe(true);
  });
});
