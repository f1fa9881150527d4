// The rules of fitting groups, on a handful of readings: a refused fit names the group at fault and carries no
// uncertainty budget; groups without instrument information keep the default budget; an instrument met in several
// groups is taken at its largest stated value and first stated type; checkAgainstFit's thresholds; fitGroupsBySector's
// fits, order and labels.
import {describe, expect, it} from "vitest";
import {
  checkAgainstFit, defaultInstrumentUncertainty, fitGroups, fitGroupsBySector, groupPoints, type FitPoint, type FitResult
} from "../../lib/models/index.js";
import {point} from "./helpers.js";

/** Readings exactly on S/r² (S = 100 µSv·m²/h), 5 % uncertainty. */
const onCurve = (distances: number[], extra: Partial<FitPoint> = {}) =>
  distances.map((r) => point(r, 100 / (r * r), 5 / (r * r), {reading_id: `c${r}`, ...extra}));

/** The inverse-square fit with its source strength set to exactly 100: the prediction at 2 m is 100 / 4 = 25. */
function fitWithS100(): FitResult {
  const fit = fitGroups(groupPoints(onCurve([1, 2, 4])), "inverse-square");
  expect(fit.converged).toBe(true);
  return {...fit, parameters: {S: {...fit.parameters.S!, value: 100}}};
}

describe("fitGroups", () => {
  it("names a group at fault by its distance and readings, counting only groups above detection", () => {
    // Sorted: the censored-only group at 1 m first, then the one at 2 m whose reading states σ = 0.
    const fit = fitGroups(groupPoints([point(2, 5, 0), point(1, 0, 1, {censored: true, mdl_rate_uSv_per_h: 1}), point(3, 1, 0.1)]), "inverse-square");
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe("reading at 2 m (1 readings) has uncertainty 0 µSv/h: it must be positive");
  });

  it("gives a refused fit no uncertainty budget, even when its readings name their instrument", () => {
    // One reading cannot fit S and its error.
    const fit = fitGroups(groupPoints([point(1, 100, 5, {instrument: {id: "M1", type: "integrating", calibration: 0.05, energyResponse: 0.1}})]), "inverse-square");
    expect(fit.converged).toBe(false);
    expect(fit.instrumentUncertainty).toBeNull();
  });

  it("keeps the default budget, counting every reading, for groups that carry no instrument information", () => {
    const groups = groupPoints(onCurve([1, 2, 4])).map((g) => ({...g, instruments: []}));
    const fit = fitGroups(groups, "inverse-square");
    expect(fit.converged).toBe(true);
    expect(fit.instrumentUncertainty).toEqual(defaultInstrumentUncertainty(3));
  });

  it("takes an instrument met in several groups at its largest stated energy response and its first stated type", () => {
    // Sorted by distance: 1 m states integrating and 0.03, 2 m rate-meter and 0.02. Calibration 0.04 throughout.
    const fit = fitGroups(groupPoints([
      point(2, 25, 1.25, {instrument: {id: "M1", type: "rate-meter", calibration: 0.04, energyResponse: 0.02}}),
      point(1, 100, 5, {instrument: {id: "M1", type: "integrating", calibration: 0.04, energyResponse: 0.03}})
    ]), "inverse-square");
    expect(fit.converged).toBe(true);
    const budget = fit.instrumentUncertainty!;
    expect(budget.instruments).toHaveLength(1);
    expect(budget.instruments[0]).toMatchObject({id: "M1", type: "integrating", readings: 2, calibration: 0.04, energyResponse: 0.03, share: 1});
    // √(0.04² + 0.03²)
    expect(budget.relative).toBeCloseTo(0.05, 12);
  });
});

describe("checkAgainstFit", () => {
  it("at exactly 3 sigma a reading is not flagged, and a censored one at its limit plus 3 sigma still agrees", () => {
    const check = checkAgainstFit([
      // (28 − 25) / 1 = 3: not beyond.
      point(2, 28, 1, {reading_id: "at3"}),
      // 22 + 3 × 1 = 25 = the prediction: consistent.
      point(2, 0, 1, {reading_id: "atLimit", censored: true, mdl_rate_uSv_per_h: 22}),
      // No stated limit: it cannot contradict the fit, however large the prediction.
      point(2, 0, 1, {reading_id: "noLimit", censored: true, mdl_rate_uSv_per_h: null})
    ], fitWithS100());
    expect(check).toEqual({flagged: [], inconsistent: [], compared: 1, censored: 2});
  });

  it("says nothing about a fit refused before any iteration", () => {
    const refused = fitGroups(groupPoints([point(1, 100, 5)]), "inverse-square");
    expect(refused.iterations).toBe(0);
    expect(checkAgainstFit([point(1, 500, 1), point(2, 0, 1, {censored: true, mdl_rate_uSv_per_h: 0.1})], refused))
      .toEqual({flagged: [], inconsistent: [], compared: 0, censored: 0});
  });

  it("checks readings against a fit that iterated without converging", () => {
    const points = onCurve([1, 2, 4]).map((p) => ({...p, rate_uSv_per_h: p.rate_uSv_per_h * 1.5}));
    const fit = fitGroups(groupPoints(points), "inverse-square", {}, {start: [1], maxIterations: 1});
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBeGreaterThan(0);
    expect(checkAgainstFit(points, fit).compared).toBe(3);
  });
});

describe("fitGroupsBySector", () => {
  it("devices in order, each with its own readings; sectors by centre; 'angle not stated' only when some readings state none", () => {
    const points = [
      // B: angles 135°, 45° and 90°, two readings each, none without an angle.
      ...[135, 45, 90].flatMap((angle_deg) => onCurve([1, 2], {device_id: "B", angle_deg})),
      // A: no angles at all.
      ...onCurve([1, 2, 4], {device_id: "A"}),
      // C: one sector and readings without an angle.
      ...onCurve([1, 2], {device_id: "C", angle_deg: 180}), ...onCurve([1, 3], {device_id: "C"})
    ];
    // Groups in reverse of their sorted order: the order of the fits must not come from the input.
    const fits = fitGroupsBySector(groupPoints(points).reverse(), "inverse-square");
    expect(fits.map((f) => [f.label, f.fit.n])).toEqual([
      ["A, all angles", 3],
      ["B, all angles", 6], ["B, 45° ± 22.5°", 2], ["B, 90° ± 22.5°", 2], ["B, 135° ± 22.5°", 2],
      ["C, all angles", 4], ["C, 180° ± 22.5°", 2], ["C, angle not stated", 2]
    ]);
    expect(fits.map((f) => f.sector)).toEqual([
      null, null, {centre_deg: 45, width_deg: 45}, {centre_deg: 90, width_deg: 45}, {centre_deg: 135, width_deg: 45},
      null, {centre_deg: 180, width_deg: 45}, "unstated"
    ]);
    // Readings exactly on the curve: every fit finds S = 100.
    for (const f of fits) expect(f.fit.parameters.S!.value).toBeCloseTo(100, 6);
  });
});
