// Fits from sufficient statistics against the fit to every reading (the second method): same parameters, covariance,
// χ², n, degrees of freedom and AIC; distance bins for distances that never repeat; flags without per-reading objects.
import {describe, expect, it} from "vitest";
import {randomLcg, randomNormal, randomUniform} from "d3-random";
import {
  airContext, checkAgainstFit, compareGroupedModels, compareModels, distanceBin, fitGroups, fitModel, groupPoints, groupSpread,
  mergeSectors, MODEL_NAMES, type FitPoint, type FitResult, type ModelName
} from "../../lib/models/index.js";
import {point} from "./helpers.js";

const ctx = airContext(60);
const truth = (r: number) => (130 * Math.exp(-0.0235 * r)) / ((r + 0.1) * (r + 0.1));

/** Readings at survey distances, each repeated with its own stated uncertainty, some below detection. */
function surveyPoints(count: number, seed: number, distances: (u: () => number) => number): FitPoint[] {
  const uniform = randomUniform.source(randomLcg(seed))(0, 1);
  const normal = randomNormal.source(randomLcg(seed + 1))(0, 1);
  const angles = [null, 0, 45, 90, 180];
  return Array.from({length: count}, (_, i) => {
    const r = distances(uniform);
    const sigma = truth(r) * (0.03 + 0.1 * uniform());
    const censored = i % 97 === 0;
    return point(r, truth(r) + sigma * normal(), sigma, {
      reading_id: `g${i}`, angle_deg: angles[i % angles.length]!, censored, mdl_rate_uSv_per_h: censored ? truth(r) * 0.5 : null
    });
  });
}

const SURVEY = [0.5, 1, 1.5, 2, 3, 4.01, 5, 7.5, 10];
const repeated = surveyPoints(20_000, 7, (u) => SURVEY[Math.floor(u() * SURVEY.length)]!);

function expectSameFit(grouped: FitResult, each: FitResult, tolerance: number) {
  expect(grouped.converged).toBe(true);
  expect(each.converged).toBe(true);
  expect(grouped.n).toBe(each.n);
  expect(grouped.dof).toBe(each.dof);
  for (const name of each.parameterNames) {
    expect(Math.abs(grouped.parameters[name]!.value - each.parameters[name]!.value)).toBeLessThanOrEqual(tolerance * Math.abs(each.parameters[name]!.value));
    expect(Math.abs(grouped.parameters[name]!.stderr! - each.parameters[name]!.stderr!)).toBeLessThanOrEqual(tolerance * each.parameters[name]!.stderr!);
  }
  each.covariance!.forEach((row, i) => row.forEach((c, j) => {
    expect(Math.abs(grouped.covariance![i]![j]! - c)).toBeLessThanOrEqual(tolerance * Math.sqrt(Math.abs(each.covariance![i]![i]! * each.covariance![j]![j]!)));
  }));
  expect(Math.abs(grouped.chiSquare - each.chiSquare)).toBeLessThanOrEqual(tolerance * each.chiSquare);
  expect(Math.abs(grouped.aicc! - each.aicc!)).toBeLessThanOrEqual(tolerance * Math.abs(each.aicc!));
  // The scatter between occasions, from the excess χ² and the information Σ w·f², counts readings too.
  expect(Math.abs(grouped.occasionScatter! - each.occasionScatter!)).toBeLessThanOrEqual(tolerance * each.occasionScatter! + 1e-15);
}

describe("a fit to groups at repeated distances is the fit to every reading", () => {
  // Grouped inside the tests (once), not while vitest collects the file: a mutant that makes grouping throw must fail
  // tests, not the file (docs/testing.md, "Reading a survivor").
  let cachedGroups: ReturnType<typeof groupPoints> | undefined;
  const groupsOf = () => (cachedGroups ??= groupPoints(repeated));

  it("holds 20 000 readings in a few dozen groups, censored readings counted apart", () => {
    expect(groupsOf().length).toBe(SURVEY.length * 5);
    expect(groupsOf().reduce((s, g) => s + g.n, 0)).toBe(repeated.filter((p) => !p.censored).length);
    expect(groupsOf().reduce((s, g) => s + g.censored, 0)).toBe(repeated.filter((p) => p.censored).length);
  });

  for (const model of MODEL_NAMES) {
    it(`${model}: the same parameters, covariance, χ², n, dof and AICc (relative 1e-9)`, () => {
      const all = mergeSectors(groupsOf());
      const each = fitModel(repeated, model, ctx);
      // From the same start both fits take the same Levenberg–Marquardt steps.
      const start = each.parameterNames.map((n) => each.parameters[n]!.value * 1.01);
      expectSameFit(fitGroups(all, model, ctx, {start}), fitModel(repeated, model, ctx, {start}), 1e-9);
      // From each one's own default start, both stop within the fitter's tolerance of the same minimum.
      const grouped = fitGroups(all, model, ctx);
      for (const name of each.parameterNames) {
        expect(Math.abs(grouped.parameters[name]!.value - each.parameters[name]!.value)).toBeLessThan(1e-4 * each.parameters[name]!.stderr!);
      }
    });
  }

  it("per sector too: the groups of one sector fit as that sector's readings", () => {
    const sector = repeated.filter((p) => p.angle_deg === 90);
    const each = fitModel(sector, "inverse-square-air", ctx);
    const grouped = fitGroups(groupsOf().filter((g) => g.sector_deg === 90), "inverse-square-air", ctx);
    expectSameFit(grouped, each, 1e-9);
  });

  it("ranks the models as the per-reading comparison does, with the same Akaike weights", () => {
    const grouped = compareGroupedModels(mergeSectors(groupsOf()), ctx);
    const each = compareModels(repeated, ctx);
    expect(grouped.map((c) => c.model)).toEqual(each.map((c) => c.model));
    grouped.forEach((c, i) => expect(c.weight!).toBeCloseTo(each[i]!.weight!, 6));
  });

  it("the spread of a group is its readings' weighted standard deviation", () => {
    const g = groupsOf().find((x) => x.sector_deg === 0 && x.n > 10)!;
    const members = repeated.filter((p) => !p.censored && p.angle_deg === 0 && distanceBin(p.distance_m) === g.bin);
    const w = members.map((p) => 1 / p.sigma_uSv_per_h ** 2);
    const W = w.reduce((a, b) => a + b, 0);
    const mean = members.reduce((s, p, i) => s + w[i]! * p.rate_uSv_per_h, 0) / W;
    const sd = Math.sqrt(members.reduce((s, p, i) => s + w[i]! * (p.rate_uSv_per_h - mean) ** 2, 0) / W);
    expect(groupSpread(g)).toBeCloseTo(sd, 10);
  });
});

describe("the uncertainty budget from groups is the per-reading fit's, not the default", () => {
  // Four instruments, as readings state them: both uncertainties, one of them, none, and readings naming no instrument.
  const instruments: FitPoint["instrument"][] = [
    {id: "EPD-1", type: "integrating", calibration: 0.04, energyResponse: 0.15},
    {id: "EPD-2", type: "rate-meter", calibration: 0.02, energyResponse: null},
    {id: "AM-7", type: null, calibration: null, energyResponse: null},
    undefined
  ];
  // Instruments weighted unevenly across distances, so each one's share depends on where its readings are.
  const mixed = repeated.map((p, i) => ({...p, instrument: instruments[(i + Math.round(p.distance_m * 2)) % (i % 5 === 0 ? 2 : 4)]}));
  // One instrument stating a larger calibration uncertainty on a few rows: the budget takes the largest.
  mixed[3] = {...mixed[3]!, censored: false, instrument: {id: "EPD-1", type: "integrating", calibration: 0.06, energyResponse: 0.15}};

  for (const model of ["inverse-square-air", "power-law"] as const) {
    it(`${model}: the same type B, instrument by instrument`, () => {
      const each = fitModel(mixed, model, ctx);
      const start = each.parameterNames.map((n) => each.parameters[n]!.value);
      const grouped = fitGroups(mergeSectors(groupPoints(mixed)), model, ctx, {start});
      const [a, b] = [grouped.instrumentUncertainty!, each.instrumentUncertainty!];
      // The second method is the per-reading budget (instrumentUncertainty over every point); and it is no default:
      // EPD-1 stands at √(0.06² + 0.15²), its largest stated values.
      expect(b.relative).not.toBeCloseTo(0.1, 3);
      expect(b.instruments.find((i) => i.id === "EPD-1")!.relative).toBeCloseTo(Math.hypot(0.06, 0.15), 15);
      expect(Math.abs(a.relative - b.relative)).toBeLessThanOrEqual(1e-12 * b.relative);
      expect(a.defaulted).toBe(b.defaulted);
      expect(a.method).toBe(b.method);
      const strip = (list: typeof a.instruments) => list.map(({share: _share, ...rest}) => rest);
      expect(strip(a.instruments)).toEqual(strip(b.instruments));
      a.instruments.forEach((x, i) => expect(Math.abs(x.share - b.instruments[i]!.share)).toBeLessThanOrEqual(1e-12));
    });
  }
});

describe("distances that never repeat: bins 1e-5 wide move the parameters by less than 1e-6", () => {
  const continuous = surveyPoints(20_000, 11, (u) => 0.5 + 9.5 * u());
  let merged: ReturnType<typeof mergeSectors> | undefined;
  const groupsOf = () => (merged ??= mergeSectors(groupPoints(continuous)));

  it("puts readings within 1 part in 10⁵ of each other's distance together", () => {
    expect(groupsOf().length).toBeLessThan(continuous.length);
    expect(distanceBin(4)).toBe(distanceBin(4 * (1 + 0.2e-5)));
    expect(distanceBin(4)).not.toBe(distanceBin(4 * (1 + 2e-5)));
  });

  for (const model of MODEL_NAMES) {
    it(model, () => {
      const each = fitModel(continuous, model, ctx);
      const start = each.parameterNames.map((n) => each.parameters[n]!.value);
      const grouped = fitGroups(groupsOf(), model, ctx, {start});
      expect(grouped.n).toBe(each.n);
      for (const name of each.parameterNames) {
        expect(Math.abs(grouped.parameters[name]!.value / each.parameters[name]!.value - 1)).toBeLessThan(1e-6);
        expect(Math.abs(grouped.parameters[name]!.stderr! / each.parameters[name]!.stderr! - 1)).toBeLessThan(1e-6);
      }
      expect(Math.abs(grouped.chiSquare / each.chiSquare - 1)).toBeLessThan(1e-6);
    });
  }
});

describe("checkAgainstFit", () => {
  it("flags the readings fitModel flags and finds the censored readings it calls inconsistent", () => {
    const pts = [...repeated.slice(0, 3000), point(2, truth(2) * 3, truth(2) * 0.05, {reading_id: "outlier"}),
      point(1, 0, 1, {reading_id: "hidden", censored: true, mdl_rate_uSv_per_h: truth(1) / 10})];
    const fit = fitModel(pts, "inverse-square-air", ctx);
    const check = checkAgainstFit(pts, fit);
    expect(check.flagged).toEqual(fit.residuals.filter((r) => r.flagged));
    expect(check.flagged.map((r) => r.reading_id)).toContain("outlier");
    expect(check.inconsistent).toEqual(fit.censored.filter((c) => !c.consistent));
    expect(check.inconsistent.map((c) => c.reading_id)).toContain("hidden");
    expect(check.compared).toBe(fit.residuals.length);
    expect(check.censored).toBe(fit.censored.length);
  });

  it("says nothing about a fit that did not converge", () => {
    const fit = fitModel([point(1, 1, 0.1), point(1, 1.1, 0.1)], "power-law" as ModelName);
    expect(checkAgainstFit([point(1, 1, 0.1)], fit).flagged).toEqual([]);
  });
});

describe("fitGroupsBySector", () => {
  it("gives fitByGroup's fits, labels and sectors from groups", async () => {
    const {fitByGroup} = await import("../../lib/models/index.js");
    const {fitGroupsBySector} = await import("../../lib/models/grouped.js");
    const each = fitByGroup(repeated, "inverse-square-air", ctx);
    const grouped = fitGroupsBySector(groupPoints(repeated), "inverse-square-air", ctx);
    expect(grouped.map((g) => [g.label, g.sector])).toEqual(each.map((g) => [g.label, g.sector]));
    grouped.forEach((g, i) => expectSameFit(g.fit, each[i]!.fit, 1e-9));
  });
});
