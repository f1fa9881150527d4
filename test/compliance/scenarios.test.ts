import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  bystanderScenarios,
  cordonHourScenario,
  loadLimits,
  occupantScenarios,
  operatorScenarios,
  publicAnnualScenario,
  scaleEstimate,
  sumEstimates,
  type DoseEstimate,
  type Estimator,
  type ScenarioResult
} from "../../lib/compliance/index.js";

const registry = () => loadLimits(readFileSync(new URL("../../data/limits.json", import.meta.url), "utf8"), "data/limits.json");

/**
 * A point source of S µSv·m²/h with a ±20 % 95 % interval: dose = S · (t / 3600 s) / d². Every expected value below
 * is worked by hand from this closed form.
 */
const pointSource = (S: number): Estimator => ({distance_m, duration_s}) => {
  const dose = (S * duration_s) / 3600 / distance_m ** 2;
  return {dose_uSv: dose, lower95_uSv: 0.8 * dose, upper95_uSv: 1.2 * dose, determinable: true, effectiveEnergy_keV: 60};
};
// L15, 2 mR in any one hour, at 60 keV: 2000 µR × 8.764e-3 µGy/µR (2.58e-4 C/kg × 33.97 J/C) = 17.53 µGy of air
// kerma, × 1.7446 Sv/Gy (H*(10)/Ka at 60 keV) = 30.58 µSv.
const L15_AT_60_KEV = 2000 * 2.58e-4 * 33.97 * 1.7446;
const notDeterminable: Estimator = () => ({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "too few readings (2) to fit"});

const verdictsOf = (r: ScenarioResult) => Object.fromEntries(r.verdicts.map((v) => [v.limit_id, v.verdict]));

describe("anyone at the cordon during any one hour", () => {
  // Cordon 10 m: the hour's dose is S/100.
  it("is within L5, L7 and L15 when the upper bound sits just inside 20 µSv", () => {
    const r = cordonHourScenario(registry(), pointSource(1650), {cordon_m: 10}); // 16.5 µSv, upper 19.8
    expect(r.estimate.dose_uSv).toBeCloseTo(16.5, 10);
    expect(verdictsOf(r)).toEqual({L5: "within", L7: "within", L15: "within"});
    expect(r.verdicts[0]!.margin).toBeCloseTo(20 / 19.8, 10);
    const l15 = r.verdicts.find((v) => v.limit_id === "L15")!;
    expect(l15.limit_uSv!).toBeCloseTo(L15_AT_60_KEV, 1);
    expect(l15.explanation).toMatch(/2 mR converted at 60 keV through air kerma to 30\.6 µSv H\*\(10\)/);
    expect(r.assumptions.join(" ")).toMatch(/HPPOS Q48/);
  });

  it("exceeds L5 and L7 when the lower bound sits just outside 20 µSv, while the upper bound is within L15's 30.6 µSv", () => {
    const r = cordonHourScenario(registry(), pointSource(2525), {cordon_m: 10}); // 25.25 µSv, 20.2 to 30.3
    expect(verdictsOf(r)).toEqual({L5: "exceeds", L7: "exceeds", L15: "within"});
    const above = cordonHourScenario(registry(), pointSource(4000), {cordon_m: 10}); // 40 µSv, lower 32
    expect(verdictsOf(above).L15).toBe("exceeds");
  });

  it("cannot be determined when the interval straddles 20 µSv", () => {
    const r = cordonHourScenario(registry(), pointSource(2000), {cordon_m: 10}); // 16 to 24 µSv
    expect(verdictsOf(r)).toEqual({L5: "cannot-be-determined", L7: "cannot-be-determined", L15: "within"});
  });

  it("cannot judge L15 (stated in roentgen) without the beam's effective energy", () => {
    const noEnergy: Estimator = (q) => ({...pointSource(1650)(q), effectiveEnergy_keV: undefined});
    const l15 = cordonHourScenario(registry(), noEnergy, {cordon_m: 10}).verdicts.find((v) => v.limit_id === "L15")!;
    expect(l15.verdict).toBe("cannot-be-determined");
    expect(l15.explanation).toMatch(/effective photon energy/);
  });

  it("cannot be determined when the model cannot give a dose, with the model's reason", () => {
    const r = cordonHourScenario(registry(), notDeterminable, {cordon_m: 10});
    expect(r.verdicts.every((v) => v.verdict === "cannot-be-determined" && v.explanation.includes("too few readings"))).toBe(true);
  });
});

describe("a bystander at a distance for a scan or a deployment", () => {
  it("takes the whole event for the annual limits and one hour of it for the hourly ones", () => {
    const [event, hour] = bystanderScenarios(registry(), pointSource(100), {distance_m: 5, duration_s: 7200});
    expect(event!.estimate.dose_uSv).toBeCloseTo((100 * 2) / 25, 12); // 8 µSv
    expect(hour!.estimate.dose_uSv).toBeCloseTo(100 / 25, 12); // 4 µSv
    expect(verdictsOf(event!)).toEqual({L4: "within", L6: "within", L9: "within", L12: "within", L13: "below-reference"});
    expect(verdictsOf(hour!)).toEqual({L5: "within", L7: "within"});
  });

  it("in its worst hour is within, straddles or exceeds L5 and L7 as the bounds move across 20 µSv", () => {
    // 5 m for 2 h: the worst hour is S/25 µSv.
    const hour = (S: number) => verdictsOf(bystanderScenarios(registry(), pointSource(S), {distance_m: 5, duration_s: 7200})[1]!);
    expect(hour(412.5)).toEqual({L5: "within", L7: "within"}); // 16.5, upper 19.8
    expect(hour(500)).toEqual({L5: "cannot-be-determined", L7: "cannot-be-determined"}); // 16 to 24
    expect(hour(631.25)).toEqual({L5: "exceeds", L7: "exceeds"}); // 25.25, lower 20.2
  });

  it("counts a whole event shorter than an hour in its worst hour", () => {
    const [, hour] = bystanderScenarios(registry(), pointSource(100), {distance_m: 5, duration_s: 600});
    expect(hour!.estimate.dose_uSv).toBeCloseTo(100 / 6 / 25, 12);
  });

  it("refuses a distance of zero rather than dividing by it", () => {
    expect(() => bystanderScenarios(registry(), pointSource(1), {distance_m: 0, duration_s: 10})).toThrow(/distance_m/);
  });
});

describe("a person inside a scanned vehicle", () => {
  const perScan: DoseEstimate = {dose_uSv: 0.2, lower95_uSv: 0.16, upper95_uSv: 0.24, determinable: true};

  it("per scan: within L1 just inside 0.25 µSv, above the NCRP reference, and no verdict against N43.16", () => {
    const [scan] = occupantScenarios(registry(), {per_scan: perScan, scans_per_year: 1});
    expect(verdictsOf(scan!)).toEqual({L1: "within", L2: "within", L14: "above-reference", "N43.16": "cannot-be-determined"});
  });

  it("per year: the bounds scale with the scans; inside, straddling and outside 250 µSv", () => {
    const year = (n: number) => occupantScenarios(registry(), {per_scan: perScan, scans_per_year: n})[1]!;
    expect(year(1000).estimate).toMatchObject({dose_uSv: 200, upper95_uSv: 240}); // 0.24 × 1000
    expect(verdictsOf(year(1000))).toEqual({L3: "within"});
    expect(verdictsOf(year(1100))).toEqual({L3: "cannot-be-determined"}); // 176 to 264
    expect(verdictsOf(year(1600))).toEqual({L3: "exceeds"}); // lower 256
  });
});

describe("an operator over a shift and a year", () => {
  const deployments = [
    {deployment_id: "D1", beam_on_s: 1800, cordon_m: 10, operators: ["Officer Alvarez", "Officer Brown"]},
    {deployment_id: "D2", beam_on_s: 3600, cordon_m: 20, operators: ["Officer Alvarez"]},
    {deployment_id: "D3", beam_on_s: 900, cordon_m: 10, operators: ["Officer Brown", "Officer Brown"]}
  ];

  it("takes the longest deployment as the shift and the most-exposed operator's beam-on time as the year", () => {
    // At 2 m with S = 400: 100 µSv per hour of beam. Shift D2 = 1 h; Alvarez 1800 + 3600 s = 1.5 h.
    const [shift, year] = operatorScenarios(registry(), pointSource(400), {deployments, operator_distance_m: 2});
    expect(shift!.estimate.dose_uSv).toBeCloseTo(100, 10);
    expect(year!.estimate.dose_uSv).toBeCloseTo(150, 10);
    expect(verdictsOf(year!)).toEqual({L4: "within", L8: "within", L10: "within", L11: "within"});
    // L4 is 1000 µSv: Level I at 100 µSv is reached even by the lower bound, 120 µSv.
    expect(year!.verdicts.find((v) => v.limit_id === "L4")!.alara.map((f) => [f.level, f.status])).toEqual([["Level I", "reached"]]);
  });

  it("over the year is within, straddles or exceeds L4 (1 mSv) as the bounds move across it", () => {
    // Alvarez: 1.5 h at 2 m, so 0.375·S µSv.
    const year = (S: number) => verdictsOf(operatorScenarios(registry(), pointSource(S), {deployments, operator_distance_m: 2})[1]!);
    expect(year(2200)).toEqual({L4: "within", L8: "within", L10: "within", L11: "within"}); // 825, upper 990
    expect(year(8000 / 3).L4).toBe("cannot-be-determined"); // 1000, 800 to 1200
    expect(year(3400)).toEqual({L4: "exceeds", L8: "within", L10: "within", L11: "within"}); // 1275, lower 1020
  });

  it("never shows operator names", () => {
    const text = JSON.stringify(operatorScenarios(registry(), pointSource(400), {deployments, operator_distance_m: 2}));
    expect(text).not.toMatch(/Alvarez|Brown/);
  });

  it("assumes one person worked every deployment when the log names no operators", () => {
    const anonymous = deployments.map((d) => ({...d, operators: []}));
    const [, year] = operatorScenarios(registry(), pointSource(400), {deployments: anonymous, operator_distance_m: 2});
    expect(year!.estimate.dose_uSv).toBeCloseTo((400 * 6300) / 3600 / 4, 10);
  });
});

describe("the public's annual dose from all deployments", () => {
  // Person at each cordon for all beam-on time: S·(0.5 h/100 m² + 1 h/400 m²) = 0.0075·S.
  const deployments = [
    {deployment_id: "D1", beam_on_s: 1800, cordon_m: 10, operators: []},
    {deployment_id: "D2", beam_on_s: 3600, cordon_m: 20, operators: []}
  ];
  const annual = (S: number) => publicAnnualScenario(registry(), pointSource(S), {deployments});

  it("adds the deployments' doses and bounds", () => {
    expect(annual(10000).estimate.dose_uSv).toBeCloseTo(75, 10);
    expect(annual(10000).estimate.upper95_uSv).toBeCloseTo(90, 10);
    expect(verdictsOf(annual(10000))).toEqual({L6: "within", L9: "within", L12: "within", L13: "above-reference"});
  });

  it("is within, straddles or exceeds 1 mSv as the bounds move across it", () => {
    expect(verdictsOf(annual(110000)).L6).toBe("within"); // 825, upper 990
    expect(verdictsOf(annual(400000 / 3)).L6).toBe("cannot-be-determined"); // 1000, 800 to 1200
    expect(verdictsOf(annual(170000)).L6).toBe("exceeds"); // 1275, lower 1020
  });
});

describe("combining estimates", () => {
  it("sums bounds and drops a lower bound that one part lacks", () => {
    const a: DoseEstimate = {dose_uSv: 1, lower95_uSv: 0.5, upper95_uSv: 2, determinable: true};
    const b: DoseEstimate = {dose_uSv: 3, upper95_uSv: 4, determinable: true};
    expect(sumEstimates([a, b])).toEqual({dose_uSv: 4, lower95_uSv: null, upper95_uSv: 6, determinable: true});
    expect(sumEstimates([a, {dose_uSv: null, upper95_uSv: null, determinable: false, reason: "no fit"}])).toMatchObject({determinable: false, reason: "no fit"});
    expect(scaleEstimate(a, 3)).toEqual({dose_uSv: 3, lower95_uSv: 1.5, upper95_uSv: 6, determinable: true});
  });
});
