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

describe("readingsToPoints: what it refuses, and why", () => {
  it("refuses a distance that is not positive, naming the reading, its value and the rule", () => {
    for (const distance_m of [0, -2, NaN]) {
      const {points, problems} = readingsToPoints([reading({reading_id: "R9", distance_m, source: {file: "field.csv", line: 4}})]);
      expect(points).toEqual([]);
      expect(problems).toEqual([{severity: "error", file: "field.csv", line: 4, column: "distance", message: `reading R9 is at ${distance_m} m; a fit needs a positive distance from the device's reference point`}]);
    }
  });

  it("refuses a duration that is not positive", () => {
    for (const duration_s of [0, -60, NaN]) {
      const {points, problems} = readingsToPoints([reading({reading_id: "R9", duration_s})]);
      expect(points).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({severity: "error", column: "duration", message: `reading R9 lasts ${duration_s} s; a dose rate needs a positive duration`})]);
    }
  });

  it("refuses a quantity it cannot convert, naming the reading, quantity and unit", () => {
    const {problems} = readingsToPoints([reading({reading_id: "K1", quantity: "air-kerma", unit: "uGy"})]);
    expect(problems[0]!.message).toMatch(/^reading K1 is air-kerma in uGy; the models fit a dose equivalent \(µSv\)/);
  });

  it("without a stated uncertainty or a detection limit, a zero dose has no σ: refused, with what to state", () => {
    for (const mdl of [null, 0]) {
      const {points, problems} = readingsToPoints([reading({reading_id: "Z", gross: 0, mdl})]);
      expect(points).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({severity: "error", column: "uncertainty", message: expect.stringMatching(/^reading Z has no usable uncertainty.*state its 1-sigma uncertainty or its detection limit/)})]);
    }
  });

  it("takes 20 % of the size of a negative gross dose, and a stated uncertainty over the default", () => {
    expect(readingsToPoints([reading({gross: -5, duration_s: 3600})]).points[0]!.sigma_uSv_per_h).toBeCloseTo(1, 12);
    expect(readingsToPoints([reading({gross: 5, uncertainty: 0.3, duration_s: 3600})]).points[0]!.sigma_uSv_per_h).toBeCloseTo(0.3, 12);
  });

  it("takes the detection limit as σ only when there is no other: a stated uncertainty stands", () => {
    const {points} = readingsToPoints([reading({gross: 2, uncertainty: 0.3, mdl: 0.05, duration_s: 3600})]);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(0.3, 12);
    expect(readingsToPoints([reading({gross: 2, mdl: 0.05, duration_s: 3600})]).points[0]!.sigma_uSv_per_h).toBeCloseTo(0.4, 12);
  });

  it("a censored reading without a detection limit has no detection-limit rate", () => {
    expect(readingsToPoints([reading({gross: 0.01, uncertainty: 0.01, censored: true, duration_s: 1800})]).points[0]!.mdl_rate_uSv_per_h).toBeNull();
  });

  it("keeps the detection limit only for a censored reading, and converts it with the dose", () => {
    expect(readingsToPoints([reading({mdl: 0.05, duration_s: 1800})]).points[0]!.mdl_rate_uSv_per_h).toBeNull();
    const converted = readingsToPoints([reading({quantity: "air-kerma", unit: "uGy", gross: 0.01, uncertainty: 0.01, mdl: 0.05, censored: true, duration_s: 1800})], {toDoseEquivalent: (v) => v * 2});
    expect(converted.points[0]!.mdl_rate_uSv_per_h).toBeCloseTo(0.2, 12);
  });

  it("carries the reading's id, source and instrument", () => {
    const {points} = readingsToPoints([reading({reading_id: "Q7", instrument_id: "EPD-2", instrument_type: "integrating", calibration_uncertainty: 0.04, source: {file: "f.csv", line: 12}})]);
    expect(points[0]).toMatchObject({reading_id: "Q7", source: {file: "f.csv", line: 12}, instrument: {id: "EPD-2", type: "integrating", calibration: 0.04, energyResponse: null}});
  });
});

describe("readingsToPoints: elapsed time", () => {
  const elapsed = (overrides = {}) => reading({reading_id: "E1", duration_basis: "elapsed", gross: 1, uncertainty: 0.1, duration_s: 3600, ...overrides});

  it("divides by the beam-on time: 1 µSv over an hour with the beam on a quarter of it is 4 µSv/h", () => {
    const {points, problems} = readingsToPoints([elapsed()], {beamOnFraction: () => ({fraction: 0.25, basis: "log"})});
    expect(problems).toEqual([]);
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(4, 12);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(0.4, 12);
  });

  it("takes a beam on the whole time (fraction 1) as it is", () => {
    const {points} = readingsToPoints([elapsed()], {beamOnFraction: () => ({fraction: 1, basis: "log"})});
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(1, 12);
  });

  it("refuses it when no deployment covers it, or the deployment's fraction is not in (0, 1]", () => {
    const none = readingsToPoints([elapsed()]).problems;
    expect(none).toEqual([expect.objectContaining({severity: "error", column: "duration_basis", message: expect.stringMatching(/^reading E1 gives elapsed time, and no deployment of the log covers it, so its beam-on time cannot be determined/)})]);
    expect(readingsToPoints([elapsed()], {beamOnFraction: () => null}).points).toEqual([]);
    for (const fraction of [0, 1.5, NaN]) {
      const {points, problems} = readingsToPoints([elapsed()], {beamOnFraction: () => ({fraction, basis: "log"})});
      expect(points).toEqual([]);
      expect(problems[0]!.message).toContain(`its deployment's beam-on fraction is ${fraction}`);
    }
  });
});

describe("readingsToPoints: mixed quantities", () => {
  it("warns once, with the file of the first reading and the quantities in order of appearance", () => {
    const {problems} = readingsToPoints([reading({source: {file: "a.csv", line: 2}}), reading({quantity: "Hp(10)"}), reading({quantity: "H*(10)"})]);
    expect(problems).toEqual([{severity: "warning", code: "mixed-quantities", file: "a.csv", message: expect.stringMatching(/^the readings mix H\*\(10\), Hp\(10\); they are fitted together as µSv/)}]);
  });

  it("counts only the readings it keeps, and says nothing of one quantity or of none", () => {
    expect(readingsToPoints([reading(), reading({quantity: "Hp(10)", distance_m: 0})]).problems.map((p) => p.severity)).toEqual(["error"]);
    expect(readingsToPoints([reading(), reading()]).problems).toEqual([]);
    expect(readingsToPoints([])).toEqual({points: [], problems: []});
  });
});
