// The dose field: formulas at hand-computed points, the top-view grid against the model at its cell centres, the
// exclusion radius in closed form, and the policy's 5 ft and 10 ft points.
import {contours} from "d3-contour";
import {describe, expect, it} from "vitest";
import {
  POLICY_POINTS,
  angleOf,
  contourLevels,
  distanceForRate,
  exclusionRadius,
  fieldFor,
  fieldGrid,
  rateAt,
  rateForLimit,
  type DoseFieldModel
} from "../../lib/field/index.js";
import {airBuildup, airLinearAttenuation_per_m} from "../../lib/physics/index.js";

const iso = (S: number, sdS = 0.1 * S): DoseFieldModel => ({model: "inverse-square", parameters: {S}, parameterNames: ["S"], covariance: [[sdS * sdS]]});

describe("formulas", () => {
  it("evaluate each model at hand-computed points", () => {
    expect(rateAt(iso(80), 2)).toBe(20);
    expect(rateAt({model: "inverse-square-offset", parameters: {S: 90, r0: 1}, parameterNames: ["S", "r0"], covariance: []}, 2)).toBe(10);
    expect(rateAt({model: "power-law", parameters: {k: 100, n: 2.5}, parameterNames: ["k", "n"], covariance: []}, 4)).toBeCloseTo(100 / 32, 12);
    // Air at 60 keV: μ from NIST and the GP build-up B(μr) = 1 + 3.837·(K^x − 1)/(K − 1) [ANSI-ANS-6.4.3], written out.
    const mu = airLinearAttenuation_per_m(60).coefficient;
    const air: DoseFieldModel = {model: "inverse-square-air", parameters: {S: 90}, parameterNames: ["S"], covariance: [], mu_per_m: mu, buildup: airBuildup(60)};
    const x = mu * 3;
    const K = 1.653 * x ** -0.115 + (0.0511 * (Math.tanh(x / 13.66 - 2) - Math.tanh(-2))) / (1 - Math.tanh(-2));
    expect(rateAt(air, 3)).toBeCloseTo((90 * (1 + (3.837 * (K ** x - 1)) / (K - 1)) * Math.exp(-x)) / 9, 10);
  });

  it("invert each model: the distance at which a rate is reached", () => {
    expect(distanceForRate("inverse-square", 80, 0, 0, 20)).toBe(2);
    expect(distanceForRate("inverse-square-offset", 90, 1, 0, 10)).toBeCloseTo(2, 12);
    expect(distanceForRate("power-law", 100, 2.5, 0, 100 / 32)).toBeCloseTo(4, 12);
    // Air: the inverse of the forward formula, near the source (build-up outweighs attenuation) and far out.
    const b = airBuildup(60), mu = airLinearAttenuation_per_m(60).coefficient;
    for (const r of [0.5, 3, 40, 300, 2000]) {
      expect(distanceForRate("inverse-square-air", 90, 0, mu, rateAt({model: "inverse-square-air", parameters: {S: 90}, parameterNames: ["S"], covariance: [], mu_per_m: mu, buildup: b}, r), b) / r).toBeCloseTo(1, 9);
    }
  });

  it("refuse a description without the model's parameter", () => {
    expect(() => rateAt({model: "power-law", parameters: {k: 1}, parameterNames: ["k"], covariance: []}, 1)).toThrow(/"n"/);
    expect(() => rateAt({model: "inverse-square-air", parameters: {S: 1}, parameterNames: ["S"], covariance: []}, 1)).toThrow(/mu_per_m/);
    expect(() => rateAt({model: "inverse-square-air", parameters: {S: 1}, parameterNames: ["S"], covariance: [], mu_per_m: 0.02}, 1)).toThrow(/buildup/);
  });

  it("measure angles from the beam axis (+y) towards +x and pick the sector of a direction", () => {
    expect(angleOf(0, 1)).toBe(0);
    expect(angleOf(1, 0)).toBe(90);
    expect(angleOf(0, -1)).toBe(180);
    expect(angleOf(-1, 0)).toBe(270);
    const front = iso(140);
    const field: DoseFieldModel = {...iso(50), sectors: [{centre_deg: 0, width_deg: 45, field: front}]};
    expect(fieldFor(field, 350)).toBe(front);
    expect(fieldFor(field, 22.4)).toBe(front);
    expect(fieldFor(field, 22.5)).toBe(field);
    expect(rateAt(field, 2, 10)).toBe(35);
    expect(rateAt(field, 2, 90)).toBe(12.5);
  });
});

describe("top-view grid", () => {
  const field: DoseFieldModel = {...iso(50), sectors: [{centre_deg: 0, width_deg: 90, field: iso(140)}]};
  const grid = fieldGrid(field, {extent_m: 10, resolution: 40});

  it("holds the model's rate at each cell centre, row by row", () => {
    // Cells are 0.5 m wide from −10 m: centre i is at −9.75 + 0.5 i.
    expect(grid.x_m[0]).toBe(-9.75);
    expect(grid.x_m[39]).toBe(9.75);
    // (x, y) = (0.25, 4.75): within 45° of the beam axis, so the front sector's S = 140.
    expect(grid.rate_uSv_per_h[29 * 40 + 20]).toBeCloseTo(140 / (0.25 ** 2 + 4.75 ** 2), 12);
    // (x, y) = (−4.75, −0.25): behind and to the left, the all-angle S = 50.
    expect(grid.rate_uSv_per_h[19 * 40 + 10]).toBeCloseTo(50 / (4.75 ** 2 + 0.25 ** 2), 12);
  });

  it("leaves cells inside the van out and feeds d3-contour", () => {
    expect(grid.rate_uSv_per_h[19 * 40 + 20]).toBeNaN();
    const level = contourLevels().find((l) => l.limit_uSv === 20 && l.period === "one hour")!;
    expect(level.rate_uSv_per_h).toBe(20);
    const [ring] = contours().size([grid.width, grid.height]).thresholds([level.rate_uSv_per_h])(Array.from(grid.rate_uSv_per_h, (x) => (Number.isNaN(x) ? 1e9 : x)));
    expect(ring!.coordinates.length).toBeGreaterThan(0);
  });

  it("gives each contour level its limit and period: 20 µSv in 10 min is 120 µSv/h, 1 mSv in 2000 h is 0.5 µSv/h", () => {
    expect(contourLevels().map((l) => [l.limit_uSv, l.period, l.rate_uSv_per_h])).toEqual([[20, "10 minutes", 120], [20, "one hour", 20], [1000, "2000 h", 0.5]]);
  });
});

describe("exclusion radius", () => {
  it("is √(S/R) with the lognormal spread of √S", () => {
    // 20 µSv in one hour: R = 20 µSv/h; S = 80 → r = 2 m. ln S ~ N(ln 80, 0.1²) so ln r ~ N(ln 2, 0.05²):
    // p95 = 2·e^(1.6449·0.05) = 2.1714 m.
    const r = exclusionRadius(iso(80, 8), {limit_uSv: 20, period_s: 3600}, [0.5, 0.95], 100_000, 2);
    expect(r.nominal_m).toBe(2);
    expect(r.rate_uSv_per_h).toBe(20);
    expect(r.quantiles[0]!.radius_m).toBeCloseTo(2, 2);
    expect(r.quantiles[1]!.radius_m / (2 * Math.exp(1.644854 * 0.05))).toBeCloseTo(1, 3);
  });

  it("shrinks with the beam-on fraction", () => {
    // On a quarter of the time, the limit is reached at 80 µSv/h while on: r = √(80/80) = 1 m.
    expect(exclusionRadius(iso(80), {limit_uSv: 20, period_s: 3600, beamOnFraction: 0.25}).nominal_m).toBe(1);
    expect(rateForLimit(20, 600)).toBe(120);
  });
});

describe("policy points", () => {
  it("are 5 ft and 10 ft in metres (1 ft = 0.3048 m)", () => {
    expect(POLICY_POINTS.map((p) => p.distance_m)).toEqual([5 * 0.3048, 10 * 0.3048]);
  });
});
