import {describe, expect, it} from "vitest";
import {ReferenceFigureError, referenceModel} from "../../lib/models/index.js";
import {scenarioDose} from "../../lib/exposure/index.js";

describe("referenceModel: the policy's 0.016 mrem in 10 s at 5 ft", () => {
  // 0.016 mrem = 0.16 µSv (1 mrem = 10 µSv, 10 CFR 20.1004); 5 ft = 1.524 m; 0.16 µSv / 10 s = 57.6 µSv/h.
  // Made in each test, not while vitest collects the file: a mutant that makes it throw must fail tests, not the file.
  const policy = () => referenceModel({dose_uSv: 0.16, duration_s: 10, distance_m: 1.524});

  it("is the inverse square law through that point: S = 57.6 × 1.524² ≈ 133.8 µSv·m²/h", () => {
    const model = policy();
    expect(model.model).toBe("inverse-square");
    expect(model.basis).toBe("reference-point");
    expect(model.parameters.S!.value).toBeCloseTo(57.6 * 1.524 ** 2, 10);
    expect(model.parameters.S!.value).toBeCloseTo(133.8, 1);
  });

  it("reproduces the policy's 10 ft figure: 0.004 mrem (0.04 µSv) in 10 s", () => {
    const dose = scenarioDose(policy(), {distance_m: 3.048, duration_s: 10});
    expect(dose.dose_uSv).toBeCloseTo(0.04, 10);
  });

  it("says its uncertainty is unknown rather than zero", () => {
    const model = policy();
    expect(model.parameters.S!.stderr).toBeNull();
    expect(model.covariance).toBeNull();
    expect(model.notes.join(" ")).toMatch(/unknown/);
    const dose = scenarioDose(model, {distance_m: 3.048, duration_s: 10});
    expect(dose.uncertaintyKnown).toBe(false);
    expect(dose.upper95_uSv).toBe(dose.dose_uSv);
  });

  it("refuses a non-positive figure", () => {
    expect(() => referenceModel({dose_uSv: 0, duration_s: 10, distance_m: 1})).toThrow(/positive/);
  });
});

describe("referenceModel: what it is and what it refuses", () => {
  it("one point at one distance: n = 1, no degrees of freedom, no instruments' uncertainty, the figure in its notes", () => {
    const m = referenceModel({dose_uSv: 0.16, duration_s: 10, distance_m: 1.524});
    expect(m).toMatchObject({n: 1, dof: 0, converged: true, reason: null, distanceRange_m: [1.524, 1.524], instrumentUncertainty: null, occasionScatter: null, parameterNames: ["S"], residuals: [], censored: []});
    expect(m.parameters.S!.unit).toBe("uSv*m^2/h");
    expect(m.notes[0]).toMatch(/^inverse square law through one published figure \(0\.16 µSv in 10 s at 1\.524 m\), not a fit to readings/);
    expect(m.notes[1]).toMatch(/95% bounds shown equal the point estimate/);
  });

  it("refuses a figure whose dose, duration or distance is not positive, with a ReferenceFigureError naming it", () => {
    for (const figure of [{dose_uSv: -1, duration_s: 10, distance_m: 1}, {dose_uSv: 1, duration_s: 0, distance_m: 1}, {dose_uSv: 1, duration_s: 10, distance_m: 0}, {dose_uSv: NaN, duration_s: 10, distance_m: 1}]) {
      expect(() => referenceModel(figure)).toThrow(ReferenceFigureError);
      expect(() => referenceModel(figure)).toThrow(`got ${figure.dose_uSv} µSv in ${figure.duration_s} s at ${figure.distance_m} m`);
    }
    try {
      referenceModel({dose_uSv: 0, duration_s: 10, distance_m: 1});
    } catch (e) {
      expect((e as Error).name).toBe("ReferenceFigureError");
    }
  });
});
