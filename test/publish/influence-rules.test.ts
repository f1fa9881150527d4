// The influence check's rules (lib/publish/influence.ts) on a few hand-made readings and figures of our own (no
// publish(): milliseconds per test). The models are inverse-square fits, linear in S, so the fit without a reading has
// a closed form: S = Σ w·y·g / Σ w·g² over the other readings (g = 1/r², w = 1/σ²), with standard error
// √(max(1, χ²/dof) / Σ w·g²).
import {describe, expect, it} from "vitest";
import {describeEffect, readingInfluence, type Figure, type InfluenceEffect} from "../../lib/publish/influence.js";
import {fitPacked, influenceDiagnostics, packPoints, type FitPoint} from "../../lib/models/index.js";
import type {DeviceModels, GroupModels} from "../../lib/publish/device-models.js";
import {point} from "../models/helpers.js";

/** Readings on 100/r² (σ 5 %) at 1…n m, with ids a1…an and sources at lines 2…n+1. */
function onCurve(n: number, extra: Partial<FitPoint> = {}, prefix = "a"): FitPoint[] {
  return Array.from({length: n}, (_, i) => {
    const r = i + 1;
    return point(r, 100 / r ** 2, 5 / r ** 2, {reading_id: `${prefix}${r}`, source: {file: "readings.csv", line: i + 2}, ...extra});
  });
}

const withRate = (points: FitPoint[], id: string, factor: number) => points.map((p) => (p.reading_id === id ? {...p, rate_uSv_per_h: p.rate_uSv_per_h * factor} : p));

function group(sector: string | null, members: readonly FitPoint[]): GroupModels {
  const fit = fitPacked(packPoints(members), "inverse-square");
  return {device_id: "VAN-1", sector, fits: [fit], weights: [1], selected: fit, checks: null, readingGroups: [], reason: null};
}

/** The closed-form inverse-square fit: S and its standard error. */
function handS(points: readonly FitPoint[]): {S: number; se: number} {
  const fitted = points.filter((p) => !p.censored);
  const terms = fitted.map((p) => ({g: p.distance_m ** -2, w: p.sigma_uSv_per_h ** -2, y: p.rate_uSv_per_h}));
  const swgg = terms.reduce((s, t) => s + t.w * t.g * t.g, 0);
  const S = terms.reduce((s, t) => s + t.w * t.y * t.g, 0) / swgg;
  const chi2 = terms.reduce((s, t) => s + t.w * (t.y - S * t.g) ** 2, 0);
  return {S, se: Math.sqrt(Math.max(1, chi2 / (fitted.length - 1)) / swgg)};
}

/** Each group's S as a figure, its standard error as its uncertainty (or none), and a verdict against `threshold`. */
function sFigures(options: {uncertainty?: "stderr" | "none" | "zero"; threshold?: number} = {}) {
  return (models: DeviceModels): Figure[] => models.groups.map((g) => {
    const S = g.selected?.parameters.S!.value ?? null;
    const u = options.uncertainty ?? "stderr";
    return {
      id: `S:${g.sector ?? "all"}`, label: `S of ${g.sector ?? "all angles"}`, unit: "µSv/h", value: S,
      uncertainty: u === "none" ? null : u === "zero" ? 0 : (g.selected?.parameters.S!.stderr ?? null),
      verdict: options.threshold === undefined ? null : S === null ? (g.reason ?? "none") : S > options.threshold ? "exceeds" : "within"
    };
  });
}

describe("readingInfluence", () => {
  it("clears every reading of data that hold together", () => {
    const points = onCurve(8);
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    expect(readingInfluence(models, points, sFigures())).toEqual({influential: [], screened: 8, checked: 0, not_checked: 0});
  });

  it("reports a reading whose removal moves a figure beyond the smaller of its uncertainties, with the size of the move", () => {
    const points = withRate(onCurve(8), "a2", 1.5);
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    const result = readingInfluence(models, points, sFigures());
    const all = handS(points);
    const rest = handS(points.filter((p) => p.reading_id !== "a2"));
    expect(all.S).toBeGreaterThan(rest.S + rest.se);
    expect(result.screened).toBe(8);
    expect(result.checked).toBeGreaterThanOrEqual(1);
    expect(result.checked + result.not_checked).toBe(result.checked);
    expect(result.influential.map((r) => r.reading_id)).toEqual(["a2"]);
    const [r] = result.influential as [typeof result.influential[0]];
    expect(r.device_id).toBe("VAN-1");
    expect(r.source).toBe("readings.csv:3");
    expect(r.leverage).toBeGreaterThan(0);
    expect(r.leverage).toBeLessThan(1);
    expect(r.cooks_distance).toBeGreaterThan(0);
    expect(r.effects).toEqual([{
      figure_id: "S:all", figure: "S of all angles", unit: "µSv/h", value: expect.closeTo(all.S, 9), without: expect.closeTo(rest.S, 9),
      uncertainty: expect.closeTo(Math.min(all.se, rest.se), 9), verdict: null, verdict_without: null
    }]);
  });

  it("refits only the groups holding the reading, and takes its highest leverage among them", () => {
    // Sector 0°: the readings at 1…8 m with the outlier; sector 90°: eight clean readings of their own.
    const front = withRate(onCurve(8, {angle_deg: 0}), "a2", 1.5);
    const side = onCurve(8, {angle_deg: 90}, "b");
    const points = [...front, ...side];
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points), group("0°", front), group("90°", side)]};
    const result = readingInfluence(models, points, sFigures({uncertainty: "zero"}));
    expect(result.screened).toBe(16);
    const a2 = result.influential.find((r) => r.reading_id === "a2")!;
    // Moved: all angles and 0° (without it, each is its closed form); 90° does not hold it and is not refitted.
    expect(a2.effects.map((e) => [e.figure_id, e.without])).toEqual([
      ["S:all", expect.closeTo(handS(points.filter((p) => p.reading_id !== "a2")).S, 9)],
      ["S:0°", expect.closeTo(handS(front.filter((p) => p.reading_id !== "a2")).S, 9)]
    ]);
    // Its leverage and Cook's distance are the highest among the groups holding it (each group's own diagnostics).
    const diagnostics = [points, front].map((members) => {
      const fitted = members.filter((p) => !p.censored);
      const d = influenceDiagnostics(group(null, members).selected!, packPoints(fitted))[fitted.findIndex((p) => p.reading_id === "a2")]!;
      return d;
    });
    expect(diagnostics[1]!.leverage).toBeGreaterThan(diagnostics[0]!.leverage);
    expect(a2.leverage).toBe(Math.max(...diagnostics.map((d) => d.leverage)));
    expect(a2.cooks_distance).toBe(Math.max(...diagnostics.map((d) => d.cooksDistance)));
  });

  it("leaves readings below detection out of the screen", () => {
    const points = [...onCurve(8), {...point(9, 0, 1, {reading_id: "c9"}), censored: true, mdl_rate_uSv_per_h: 2}];
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    expect(readingInfluence(models, points, sFigures()).screened).toBe(8);
  });

  it("checks the largest bounds first, at most maxChecked, and counts the rest", () => {
    // Two equal outliers at 2 m (a2, b2: the same bound, the largest, taken in id order) and a smaller one at 3 m.
    const points = [...withRate(withRate(onCurve(8), "a2", 1.6), "a3", 1.3), {...point(2, 40, 1.25, {reading_id: "b2"})}];
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    const figures = sFigures({uncertainty: "zero"});
    const all = readingInfluence(models, points, figures);
    expect(all.checked).toBeGreaterThanOrEqual(3);
    expect(all.not_checked).toBe(0);
    expect(all.influential.slice(0, 2).map((r) => r.reading_id)).toEqual(["a2", "b2"]);
    const one = readingInfluence(models, points, figures, {maxChecked: 1});
    expect(one.influential.map((r) => r.reading_id)).toEqual(["a2"]);
    expect(one).toMatchObject({checked: 1, not_checked: all.checked - 1, screened: 9});
    const none = readingInfluence(models, points, figures, {maxChecked: 0});
    expect(none).toEqual({influential: [], screened: 9, checked: 0, not_checked: all.checked});
    // The tie in id order whatever the order of the readings: b2 first in the file, a2 still checked first.
    const reversed = [points.at(-1)!, ...points.slice(0, -1)];
    const first = readingInfluence({device_id: "VAN-1", groups: [group(null, reversed)]}, reversed, figures, {maxChecked: 1});
    expect(first.influential.map((r) => r.reading_id)).toEqual(["a2"]);
  });

  it("counts a verdict changed, or a figure lost, even when the value moves less than its uncertainty", () => {
    const points = withRate(onCurve(8), "a2", 1.5);
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    const all = handS(points).S;
    const rest = handS(points.filter((p) => p.reading_id !== "a2")).S;
    // A threshold between the two: the verdict turns; with no uncertainty, only that counts.
    const turned = readingInfluence(models, points, sFigures({uncertainty: "none", threshold: (all + rest) / 2})).influential;
    expect(turned.map((r) => r.reading_id)).toEqual(["a2"]);
    expect(turned[0]!.effects[0]).toMatchObject({verdict: "exceeds", verdict_without: "within", uncertainty: null});
    // The same verdict with and without, and no uncertainty: nothing to report.
    expect(readingInfluence(models, points, sFigures({uncertainty: "none", threshold: 1000})).influential).toEqual([]);
    // The figure lost without the reading: reported as not determinable.
    const lost = (m: DeviceModels): Figure[] => (m.groups[0]!.selected === models.groups[0]!.selected ? sFigures({uncertainty: "none"})(m) : []);
    const effects = readingInfluence(models, points, lost).influential[0]!.effects;
    expect(effects).toEqual([{figure_id: "S:all", figure: "S of all angles", unit: "µSv/h", value: expect.closeTo(all, 9), without: null, uncertainty: null, verdict: null, verdict_without: null}]);
  });

  it("takes a group below the minimum number of readings without the reading as having no model, and says why", () => {
    const points = withRate(onCurve(5), "a2", 3);
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points)]};
    const result = readingInfluence(models, points, sFigures({uncertainty: "none", threshold: 1e6}));
    expect(result.influential.length).toBeGreaterThan(0);
    for (const r of result.influential) {
      expect(r.effects).toEqual([{
        figure_id: "S:all", figure: "S of all angles", unit: "µSv/h", value: expect.closeTo(handS(points).S, 9), without: null, uncertainty: null,
        verdict: "within", verdict_without: `only 4 readings above the detection limit without ${r.reading_id}; at least 5 are needed`
      }]);
    }
    // With six readings, five remain: enough for a model.
    const six = withRate(onCurve(6), "a2", 3);
    const enough = readingInfluence({device_id: "VAN-1", groups: [group(null, six)]}, six, sFigures({uncertainty: "zero"}));
    expect(enough.influential.length).toBeGreaterThan(0);
    for (const r of enough.influential) expect(r.effects[0]!.without).toBeCloseTo(handS(six.filter((p) => p.reading_id !== r.reading_id)).S, 9);
  });

  it("takes a group whose refit does not converge as having no model, and never reports a figure that is undetermined either way", () => {
    // Power law through six readings at 1 m and one at 2 m: without the one at 2 m, all stand at one distance and the
    // exponent cannot be determined. The figure has no value with or without any reading: only a verdict change counts.
    const points = [1, 1, 1, 1, 1, 1, 2].map((r, i) => point(r, (100 / r ** 2) * (1 + 0.05 * ((i % 3) - 1)), 5 / r ** 2, {reading_id: `p${i}`}));
    const fit = fitPacked(packPoints(points), "power-law");
    expect(fit.converged).toBe(true);
    const models: DeviceModels = {device_id: "VAN-1", groups: [{...group(null, points), fits: [fit], selected: fit}]};
    const figures = (m: DeviceModels): Figure[] => m.groups.map((g) => ({id: "fit", label: "the fit", unit: "", value: null, uncertainty: null, verdict: g.selected ? "fitted" : g.reason}));
    const result = readingInfluence(models, points, figures);
    expect(result.influential.map((r) => r.reading_id)).toEqual(["p6"]);
    expect(result.influential[0]!.effects).toEqual([{
      figure_id: "fit", figure: "the fit", unit: "", value: null, without: null, uncertainty: null, verdict: "fitted",
      verdict_without: expect.stringMatching(/^the power-law fit without p6 does not converge: ./)
    }]);
    expect(result.checked).toBeGreaterThan(1);
  });

  it("names a reading without a source by its id, and leaves groups without a model alone", () => {
    const points = withRate(onCurve(8, {source: null}), "a2", 1.5);
    const unfit: GroupModels = {...group("90°", points), selected: null, reason: "no model"};
    const models: DeviceModels = {device_id: "VAN-1", groups: [group(null, points), unfit]};
    const result = readingInfluence(models, points, sFigures({uncertainty: "zero"}));
    expect(result.screened).toBe(8);
    expect(result.influential.find((r) => r.reading_id === "a2")!.source).toBe("a2");
  });
});

describe("describeEffect", () => {
  const effect = (e: Partial<InfluenceEffect>): InfluenceEffect => ({
    figure_id: "policy:5 ft for 10 s", figure: "upper bound at 5 ft for 10 s", unit: "µSv", value: 0.15912, without: 0.088876, uncertainty: 0.03123,
    verdict: null, verdict_without: null, ...e
  });

  it("gives the figure with and without the reading, to three digits, and its uncertainty to two", () => {
    expect(describeEffect(effect({}))).toBe("upper bound at 5 ft for 10 s: 0.159 µSv → 0.0889 µSv (its uncertainty 0.031 µSv)");
    expect(describeEffect(effect({without: null, uncertainty: null}))).toBe("upper bound at 5 ft for 10 s: 0.159 µSv → cannot be determined");
    expect(describeEffect(effect({value: null, without: 2}))).toBe("upper bound at 5 ft for 10 s: cannot be determined → 2 µSv (its uncertainty 0.031 µSv)");
  });

  it("gives a verdict's change in words", () => {
    expect(describeEffect(effect({figure: "L5 verdict", verdict: "within", verdict_without: "exceeds"}))).toBe("L5 verdict: within → exceeds");
    expect(describeEffect(effect({figure: "L5 verdict", verdict: "within", verdict_without: null}))).toBe("L5 verdict: within → cannot be determined");
  });
});
