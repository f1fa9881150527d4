// The uncertainty budget: the instruments' type B does not average away, instruments combine by their share of the
// fit's information, and the prediction interval for one occasion covers a new occasion 95 % of the time.
import {randomLcg, randomNormal} from "d3";
import {describe, expect, it} from "vitest";
import {fitModel, instrumentUncertainty, readingsToPoints, type FitPoint} from "../../lib/models/index.js";
import {predictRate, scenarioDose} from "../../lib/exposure/index.js";
import {beamOnFractionLookup, type Deployment} from "../../lib/deployments/index.js";
import {point, reading} from "../models/helpers.js";

const S = 133.8;

/** n readings of an inverse-square field, each from one of the instruments, Gaussian noise of relSigma. */
function readingsOf(n: number, instruments: FitPoint["instrument"][], relSigma: number, seed: number): FitPoint[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  return Array.from({length: n}, (_, i) => {
    const r = 1 + (i % 40) * 0.25;
    const truth = S / (r * r);
    return point(r, truth * (1 + relSigma * normal()), relSigma * truth, {reading_id: `r${i}`, instrument: instruments[i % instruments.length]!});
  });
}

describe("type B: the instruments' calibration and energy response", () => {
  it("with 10⁵ consistent readings the upper bound sits at least the instruments' uncertainty above the estimate", () => {
    const instruments = [
      {id: "EPD-1", type: "integrating" as const, calibration: 0.04, energyResponse: 0.08},
      {id: "EPD-2", type: "integrating" as const, calibration: 0.05, energyResponse: 0.06}
    ];
    const fit = fitModel(readingsOf(100_000, instruments, 0.1, 7), "inverse-square");
    expect(fit.reducedChiSquare!).toBeLessThan(1.05);
    const uB = fit.instrumentUncertainty!.relative;
    // Equal shares (the same distances alternate between the two): u_B = ½·√(0.04² + 0.08²) + ½·√(0.05² + 0.06²).
    expect(uB).toBeCloseTo(0.5 * Math.hypot(0.04, 0.08) + 0.5 * Math.hypot(0.05, 0.06), 3);
    const d = scenarioDose(fit, {distance_m: 1.524, duration_s: 3600});
    expect(d.upper95_uSv / d.dose_uSv - 1).toBeGreaterThan(uB);
    // The fit's own share is negligible at this n: the bound is exp(1.645·u_B) to within 0.1 %.
    expect(d.upper95_uSv / d.dose_uSv).toBeCloseTo(Math.exp(1.6448536 * uB), 3);
    expect(d.budget!.components[1]!.share).toBeGreaterThan(0.99);
  });

  it("combines instruments by their share of the fit's information (Σ w·f² over each instrument's readings)", () => {
    // Two readings at 1 m (instrument A) and one at 2 m (instrument B), σ = 10 % of the rate: each reading's w·f² is
    // 1/0.1² = 100, so A holds 2/3 of the information and B 1/3, whatever the distance.
    const A = {id: "A", type: null, calibration: 0.03, energyResponse: 0.04};
    const B = {id: "B", type: null, calibration: 0.12, energyResponse: null};
    const pts = [point(1, S, 0.1 * S, {instrument: A}), point(1, S, 0.1 * S, {instrument: A}), point(2, S / 4, 0.1 * (S / 4), {instrument: B})];
    const u = instrumentUncertainty(pts, (r) => S / (r * r));
    expect(u.instruments.map((i) => i.id)).toEqual(["A", "B"]);
    expect(u.instruments[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(u.instruments[1]!.share).toBeCloseTo(1 / 3, 12);
    // B states its calibration only: its energy response takes the default 10 %.
    expect(u.instruments[1]).toMatchObject({calibration: 0.12, energyResponse: 0.1, defaulted: ["energy response"]});
    expect(u.relative).toBeCloseTo((2 / 3) * 0.05 + (1 / 3) * Math.hypot(0.12, 0.1), 12);
    expect(u.defaulted).toBe(true);
  });

  it("an instrument that states neither component takes the default 10 % in all", () => {
    const u = instrumentUncertainty([point(1, 1, 0.1), point(2, 0.25, 0.025)], (r) => 1 / (r * r));
    expect(u.relative).toBe(0.1);
    expect(u.instruments).toHaveLength(1);
  });

  it("reads the readings' calibration_uncertainty and energy_response_uncertainty into the fit points", () => {
    const {points} = readingsToPoints([reading({instrument_id: "EPD-9", calibration_uncertainty: 0.05, energy_response_uncertainty: 0.07})]);
    expect(points[0]!.instrument).toEqual({id: "EPD-9", type: null, calibration: 0.05, energyResponse: 0.07});
  });
});

describe("between occasions: the prediction interval", () => {
  /** Readings whose true rate varies by a log-normal factor of sd τ from occasion to occasion, stated σ 5 %. */
  function scattered(n: number, tau: number, seed: number): FitPoint[] {
    const normal = randomNormal.source(randomLcg(seed))(0, 1);
    const exact = {id: "X", type: null, calibration: 0, energyResponse: 0};
    return Array.from({length: n}, (_, i) => {
      const r = 1 + (i % 20) * 0.5;
      const truth = (S / (r * r)) * Math.exp(tau * normal());
      return point(r, truth * (1 + 0.05 * normal()), 0.05 * (S / (r * r)), {reading_id: `o${i}`, instrument: exact});
    });
  }

  it("estimates the relative scatter between occasions from the excess χ² (τ = 0.3 simulated)", () => {
    const fit = fitModel(scattered(20_000, 0.3, 11), "inverse-square");
    // The moment estimator sees the variance of exp(τz) − 1, √(e^{τ²}(e^{τ²} − 1)) = 0.3137 for τ = 0.3.
    expect(fit.occasionScatter!).toBeCloseTo(Math.sqrt(Math.exp(0.09) * (Math.exp(0.09) - 1)), 1);
  });

  it("is 0 when the readings scatter within their stated uncertainties", () => {
    // Noise of 10 % against a stated 20 %: χ²ν ≈ 0.25.
    const pts = readingsOf(400, [undefined], 0.1, 3).map((p) => ({...p, sigma_uSv_per_h: 2 * p.sigma_uSv_per_h}));
    const fit = fitModel(pts, "inverse-square");
    expect(fit.reducedChiSquare!).toBeLessThan(1);
    expect(fit.occasionScatter).toBe(0);
    expect(predictRate(fit, 2, {interval: "prediction"}).upper95_uSv_per_h).toBe(predictRate(fit, 2).upper95_uSv_per_h);
  });

  it("a new occasion lies above the prediction's upper bound about 5 % of the time, far more often above the curve's", () => {
    const fit = fitModel(scattered(4000, 0.3, 5), "inverse-square");
    const r = 3;
    const prediction = predictRate(fit, r, {interval: "prediction"});
    const confidence = predictRate(fit, r);
    expect(prediction.upper95_uSv_per_h).toBeGreaterThan(confidence.upper95_uSv_per_h);
    expect(prediction.budget!.components.map((c) => c.id)).toEqual(["fit", "instruments", "occasions"]);
    const normal = randomNormal.source(randomLcg(99))(0, 1);
    let abovePrediction = 0, aboveConfidence = 0;
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      const occasion = (S / (r * r)) * Math.exp(0.3 * normal());
      if (occasion > prediction.upper95_uSv_per_h) abovePrediction++;
      if (occasion > confidence.upper95_uSv_per_h) aboveConfidence++;
    }
    expect(abovePrediction / draws).toBeGreaterThan(0.03);
    expect(abovePrediction / draws).toBeLessThan(0.07);
    expect(aboveConfidence / draws).toBeGreaterThan(0.3);
  });
});

describe("duration basis", () => {
  const deployment = {
    deployment_id: "DEP-1", device_id: "VAN-1", start: "", start_ms: Date.parse("2025-01-01T00:00:00Z"), end: "",
    end_ms: Date.parse("2025-01-01T10:00:00Z"), beam_on_s: 9000
  } as Deployment;

  it("converts an elapsed-time reading with its deployment's beam-on fraction (9000 s of 10 h = 0.25)", () => {
    const r = reading({duration_basis: "elapsed", duration_s: 3600, gross: 5, measured_at_ms: Date.parse("2025-01-01T02:00:00Z")});
    const {points, problems} = readingsToPoints([r], {beamOnFraction: beamOnFractionLookup([deployment])});
    expect(problems).toEqual([]);
    // 5 µSv over 3600 s × 0.25 = 900 s of beam: 20 µSv/h, four times the elapsed-time rate.
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(20, 12);
  });

  it("refuses an elapsed-time reading no deployment covers: its beam-on time cannot be determined", () => {
    const r = reading({duration_basis: "elapsed", measured_at_ms: Date.parse("2025-02-01T00:00:00Z")});
    const {points, problems} = readingsToPoints([r], {beamOnFraction: beamOnFractionLookup([deployment])});
    expect(points).toEqual([]);
    expect(problems[0]).toMatchObject({severity: "error", column: "duration_basis"});
    expect(problems[0]!.message).toMatch(/no deployment of the log covers it/);
    expect(readingsToPoints([r]).problems[0]!.message).toMatch(/cannot be determined/);
  });

  it("takes a beam-on reading as it is", () => {
    const {points} = readingsToPoints([reading({gross: 5, duration_s: 3600})]);
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(5, 12);
  });
});
