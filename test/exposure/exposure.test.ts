import {randomLcg, randomNormal} from "d3";
import {describe, expect, it} from "vitest";
import {fitModel, referenceModel} from "../../lib/models/index.js";
import {Z95, exclusionDistance, predictRate, scenarioDose, timeToLimit} from "../../lib/exposure/index.js";
import {DEFAULT_INSTRUMENT_UNCERTAINTY} from "../../lib/models/index.js";
import {point, range, synthetic} from "../models/helpers.js";

const inverseSquare = fitModel(synthetic((r) => 133.8 / r ** 2, range(1, 6, 12), 0.1, 21), "inverse-square");
const S = inverseSquare.parameters.S!.value;
const sS = inverseSquare.parameters.S!.stderr!;
// The combined sd of ln rate: the fit's σ_S/S and the instruments' default 10 % (no instrument stated), in quadrature.
const sdIS = Math.hypot(sS / S, DEFAULT_INSTRUMENT_UNCERTAINTY);
const offset = fitModel(synthetic((r) => 133.8 / (r + 0.4) ** 2, range(0.5, 8, 20), 0.08, 4), "inverse-square-offset");
const powerLaw = fitModel(synthetic((r) => 60 * r ** -1.8, range(0.5, 8, 20), 0.08, 8), "power-law");

describe("predictRate", () => {
  it("inverse-square: sd² of ln Ḋ is (σ_S/S)² + u_B², one-sided bounds Ḋ·exp(±1.645·sd) when the scatter is within the stated σ", () => {
    expect(inverseSquare.covarianceScale).toBe(1);
    const p = predictRate(inverseSquare, 3);
    // One-sided 95 % normal quantile, 1.6449 (standard tables).
    expect(p.coverageFactor).toBeCloseTo(1.6449, 4);
    expect(p.coverageFactor).toBe(Z95);
    expect(p.rate_uSv_per_h).toBeCloseTo(S / 9, 12);
    expect(p.logSd).toBeCloseTo(sdIS, 12);
    expect(p.upper95_uSv_per_h).toBeCloseTo((S / 9) * Math.exp(1.6448536 * sdIS), 4);
    expect(p.lower95_uSv_per_h).toBeCloseTo((S / 9) * Math.exp(-1.6448536 * sdIS), 4);
    const [fit, instruments] = p.budget!.components;
    expect(fit).toMatchObject({id: "fit", type: "A", dof: null});
    expect(fit!.logSd).toBeCloseTo(sS / S, 12);
    expect(instruments).toMatchObject({id: "instruments", type: "B", logSd: 0.1, dof: null});
    expect(fit!.share + instruments!.share).toBeCloseTo(1, 12);
    expect(instruments!.share).toBeCloseTo(0.01 / sdIS ** 2, 12);
    expect(p.extrapolated).toBe(false);
    expect(predictRate(inverseSquare, 20).extrapolated).toBe(true);
  });

  it("power-law: the delta-method sd of ln Ḋ agrees with a Monte Carlo draw from the covariance", () => {
    const r = 12;
    const [[ckk, ckn], [, cnn]] = powerLaw.covariance as [[number, number], [number, number]];
    const k = powerLaw.parameters.k!.value, n = powerLaw.parameters.n!.value;
    // Bivariate normal by Cholesky: k = k̂ + a·z1, n = n̂ + b·z1 + c·z2.
    const a = Math.sqrt(ckk), b = ckn / a, c = Math.sqrt(cnn - b * b);
    const normal = randomNormal.source(randomLcg(99))(0, 1);
    const logs: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      const z1 = normal(), z2 = normal();
      logs.push(Math.log((k + a * z1) * r ** -(n + b * z1 + c * z2)));
    }
    const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
    expect(predictRate(powerLaw, r).budget!.components[0]!.logSd / sd).toBeCloseTo(1, 1);
  });

  it("uses Student's t(0.95, ν_eff) with Welch–Satterthwaite when the covariance was widened by the observed scatter", () => {
    // Four readings scattered at 4× their stated σ: ν = 3, and instruments stated as exactly 0 % leave the fit alone:
    // ν_eff = 3 and t(0.95, 3) = 2.353 (standard tables).
    const exact = {id: "A", type: null, calibration: 0, energyResponse: 0};
    const pts = synthetic((r) => 100 / r ** 2, [1, 2, 3, 4], 0.05, 2, 4).map((p) => ({...p, instrument: exact}));
    const scattered = fitModel(pts, "inverse-square");
    expect(scattered.covarianceScale).toBeGreaterThan(1);
    const p = predictRate(scattered, 2);
    expect(p.budget!.effectiveDof).toBeCloseTo(3, 12);
    expect(p.coverageFactor).toBeCloseTo(2.353, 3);
    expect(p.upper95_uSv_per_h).toBeCloseTo(p.rate_uSv_per_h * Math.exp(p.coverageFactor * p.logSd!), 12);
    // With the default 10 % instruments: ν_eff = (u_A² + u_B²)² / (u_A⁴ / 3), computed here by hand.
    const withDefault = fitModel(synthetic((r) => 100 / r ** 2, [1, 2, 3, 4], 0.05, 2, 4), "inverse-square");
    const uA = withDefault.parameters.S!.stderr! / withDefault.parameters.S!.value;
    const nu = (uA ** 2 + 0.01) ** 2 / (uA ** 4 / 3);
    expect(predictRate(withDefault, 2).budget!.effectiveDof).toBeCloseTo(nu, 9);
  });

  it("refuses a fit that did not converge", () => {
    const failed = fitModel([point(1, 1, 0.1)], "power-law");
    expect(() => predictRate(failed, 1)).toThrow(/cannot be used/);
  });
});

describe("scenarioDose", () => {
  it("continuous: dose = rate × time, bounds scale with the rate's bounds", () => {
    const d = scenarioDose(inverseSquare, {distance_m: 2, duration_s: 1800});
    expect(d.dose_uSv).toBeCloseTo(S / 4 / 2, 10);
    expect(d.upper95_uSv).toBeCloseTo((S / 8) * Math.exp(Z95 * sdIS), 10);
    expect(d.method).toMatch(/one-sided 95% bounds on ln/);
  });

  it("N scans of a dwell time equal the same total time of continuous exposure", () => {
    const scans = scenarioDose(offset, {distance_m: 3, scans: 12, dwell_s: 5});
    const continuous = scenarioDose(offset, {distance_m: 3, duration_s: 60});
    expect(scans.exposure_s).toBe(60);
    expect(scans.upper95_uSv).toBeCloseTo(continuous.upper95_uSv, 14);
    expect(scans.dose_uSv).toBeCloseTo(continuous.dose_uSv, 14);
  });
});

describe("exclusionDistance", () => {
  it("inverse-square: closed form r = √(S·e^(1.645 sd)·T / L)", () => {
    const e = exclusionDistance(inverseSquare, {limit_uSv: 20, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(Math.sqrt((S * Math.exp(1.6448536 * sdIS)) / 20), 6);
    expect(e.status).toBe("found");
    expect(e.pointDistance_m!).toBeCloseTo(Math.sqrt(S / 20), 8);
    expect(e.distance_m!).toBeGreaterThan(e.pointDistance_m!);
  });

  it("the policy's reference figure: 20 µSv in any one hour is met beyond √(133.8/20) ≈ 2.59 m", () => {
    const e = exclusionDistance(referenceModel({dose_uSv: 0.16, duration_s: 10, distance_m: 1.524}), {limit_uSv: 20, period_s: 3600});
    expect(e.distance_m!).toBeCloseTo(Math.sqrt((57.6 * 1.524 ** 2) / 20), 8);
    expect(e.distance_m!).toBeCloseTo(2.59, 2);
    expect(e.uncertaintyKnown).toBe(false);
  });

  for (const [name, model] of [["inverse-square-offset", offset], ["power-law", powerLaw]] as const) {
    it(`${name}: agrees with a brute-force search on a 1 mm grid`, () => {
      const limit = 2, period = 600;
      const e = exclusionDistance(model, {limit_uSv: limit, period_s: period});
      const exceeds = (mm: number) => (predictRate(model, mm / 1000).upper95_uSv_per_h * period) / 3600 > limit;
      let brute = NaN;
      // Walk inwards from 50 m on a 1 cm grid to the first point where the upper-bound dose exceeds the limit, then
      // outwards from there on a 1 mm grid to the last such point (two walks instead of 50,000 steps: the same answer
      // for doses that do not rise and fall again within a centimetre, and fast enough to run under mutation testing).
      for (let cm = 5_000; cm >= 1; cm--) {
        if (!exceeds(cm * 10)) continue;
        let mm = cm * 10;
        while (mm < cm * 10 + 10 && exceeds(mm + 1)) mm++;
        brute = (mm + 1) / 1000;
        break;
      }
      expect(Math.abs(e.distance_m! - brute)).toBeLessThanOrEqual(0.001);
      expect((predictRate(model, e.distance_m!).upper95_uSv_per_h * period) / 3600).toBeCloseTo(limit, 6);
    });
  }

  it("returns null beyond the search range and 0 when the limit is met everywhere", () => {
    const far = exclusionDistance(inverseSquare, {limit_uSv: 1e-9, period_s: 3600});
    expect(far.distance_m).toBeNull();
    expect(far.status).toBe("beyond-search-range");
    const farSource = fitModel(range(1, 5, 6).map((r) => point(r, 1 / (r + 10) ** 2, 0.001 / (r + 10) ** 2)), "inverse-square-offset");
    const everywhere = exclusionDistance(farSource, {limit_uSv: 1, period_s: 3600});
    expect(everywhere.distance_m).toBe(0);
    expect(everywhere.status).toBe("met-everywhere");
  });
});

describe("timeToLimit", () => {
  it("inverse-square: closed form t = L / (upper-bound rate)", () => {
    const t = timeToLimit(inverseSquare, {distance_m: 1.524, limit_uSv: 1000});
    expect(t.duration_s).toBeCloseTo((1000 / ((S / 1.524 ** 2) * Math.exp(1.6448536 * sdIS))) * 3600, 2);
    expect(t.pointDuration_s).toBeCloseTo((1000 / (S / 1.524 ** 2)) * 3600, 6);
  });

  it("offset model: agrees with a brute-force search in 1 s steps of the scenario dose", () => {
    const limit = 50;
    const t = timeToLimit(offset, {distance_m: 2, limit_uSv: limit});
    let seconds = 0;
    while (scenarioDose(offset, {distance_m: 2, duration_s: seconds}).upper95_uSv < limit) seconds++;
    expect(t.duration_s).toBeLessThanOrEqual(seconds);
    expect(t.duration_s).toBeGreaterThan(seconds - 1);
  });
});
