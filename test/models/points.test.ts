import {describe, expect, it} from "vitest";
import {DEFAULT_RELATIVE_SIGMA, readingsToPoints} from "../../lib/models/index.js";
import {reading} from "./helpers.js";

describe("readingsToPoints", () => {
  it("turns a net dose over a duration into a rate in µSv/h, with σ(net) = σ(gross)", () => {
    // 0.16 µSv gross, 0.02 background, over 10 s: net 0.14 µSv → 0.14 × 360 = 50.4 µSv/h; σ 0.01 µSv → 3.6 µSv/h.
    const {points, problems} = readingsToPoints([reading({gross: 0.16, background: 0.02, net: 0.14, uncertainty: 0.01, duration_s: 10, distance_m: 1.524, angle_deg: 90})]);
    expect(problems).toEqual([]);
    expect(points[0]).toMatchObject({distance_m: 1.524, angle_deg: 90, censored: false, mdl_rate_uSv_per_h: null, device_id: "VAN-1"});
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(50.4, 10);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(3.6, 10);
  });

  it("assumes 20 % of the gross dose when a reading states no uncertainty", () => {
    expect(DEFAULT_RELATIVE_SIGMA).toBe(0.2);
    const {points} = readingsToPoints([reading({gross: 5, duration_s: 3600})]);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(1, 12);
    const custom = readingsToPoints([reading({gross: 5, duration_s: 3600})], {defaultRelativeSigma: 0.5});
    expect(custom.points[0]!.sigma_uSv_per_h).toBeCloseTo(2.5, 12);
  });

  it("keeps a censored reading with its detection limit as a rate", () => {
    const {points} = readingsToPoints([reading({gross: 0.01, mdl: 0.05, censored: true, uncertainty: 0.01, duration_s: 1800})]);
    expect(points[0]!.censored).toBe(true);
    expect(points[0]!.mdl_rate_uSv_per_h).toBeCloseTo(0.1, 12);
  });

  it("refuses air kerma without a conversion, naming file, line and what to do", () => {
    const {points, problems} = readingsToPoints([reading({quantity: "air-kerma", unit: "uGy", source: {file: "field.csv", line: 7}})]);
    expect(points).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({severity: "error", file: "field.csv", line: 7, column: "quantity", message: expect.stringMatching(/effective photon energy/)})]);
  });

  it("converts air kerma with a supplied conversion (an explicit physics step)", () => {
    const {points} = readingsToPoints([reading({quantity: "air-kerma", unit: "uGy", gross: 2, uncertainty: 0.2})], {toDoseEquivalent: (v) => v * 1.74});
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(3.48, 12);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(0.348, 12);
  });

  it("refuses a zero distance and a zero dose with no uncertainty", () => {
    const {problems} = readingsToPoints([reading({distance_m: 0}), reading({gross: 0, reading_id: "Z"})]);
    expect(problems.map((p) => p.column)).toEqual(["distance", "uncertainty"]);
  });

  it("warns when dose-equivalent quantities are mixed", () => {
    const {problems} = readingsToPoints([reading(), reading({quantity: "Hp(10)"})]);
    expect(problems).toEqual([expect.objectContaining({severity: "warning", message: expect.stringMatching(/mix H\*\(10\), Hp\(10\)/)})]);
  });
});

describe("readingsToPoints: zero uncertainty", () => {
  it("uses the detection limit when the stated uncertainty is zero (e.g. 20 % of a zero dose)", () => {
    const {points, problems} = readingsToPoints([reading({gross: 0, uncertainty: 0, mdl: 5, censored: true, duration_s: 3600})]);
    expect(problems).toEqual([]);
    expect(points[0]!.sigma_uSv_per_h).toBe(5);
  });
});
