// The instruments' type B uncertainty: each instrument's √(calibration² + energy response²), the default 10 % for what
// it does not state, and the shares by which instruments combine (Σ w·f² over each one's readings), worked by hand.
import {describe, expect, it} from "vitest";
import {
  DEFAULT_INSTRUMENT_UNCERTAINTY, INSTRUMENT_METHOD, combineInstruments, defaultInstrumentUncertainty, instrumentRelative,
  instrumentUncertainty, type FitPoint
} from "../../lib/models/index.js";
import {point} from "./helpers.js";

describe("instrumentRelative", () => {
  it("3 % calibration and 4 % energy response make 5 %, nothing defaulted", () => {
    expect(instrumentRelative({calibration: 0.03, energyResponse: 0.04})).toEqual({calibration: 0.03, energyResponse: 0.04, relative: 0.05, defaulted: []});
  });

  it("a missing component takes the default 10 %, and says which", () => {
    const r = instrumentRelative({calibration: null, energyResponse: 0.05});
    expect(r).toMatchObject({calibration: 0.1, energyResponse: 0.05, defaulted: ["calibration"]});
    expect(r.relative).toBeCloseTo(Math.sqrt(0.01 + 0.0025), 15);
  });

  it("a calibration stated without an energy response: 3 % and the default 10 %", () => {
    const r = instrumentRelative({calibration: 0.03, energyResponse: null});
    expect(r).toMatchObject({calibration: 0.03, energyResponse: 0.1, defaulted: ["energy response"]});
    expect(r.relative).toBeCloseTo(Math.hypot(0.03, 0.1), 15);
  });

  it("an instrument that states neither takes 10 % for both together, not √2 × 10 %", () => {
    expect(DEFAULT_INSTRUMENT_UNCERTAINTY).toBe(0.1);
    expect(instrumentRelative({calibration: null, energyResponse: null})).toEqual({calibration: null, energyResponse: null, relative: 0.1, defaulted: ["calibration", "energy response"]});
  });

  it("a stated zero is a statement, not a missing value", () => {
    expect(instrumentRelative({calibration: 0, energyResponse: 0})).toEqual({calibration: 0, energyResponse: 0, relative: 0, defaulted: []});
  });
});

describe("instrumentUncertainty", () => {
  const rate = (r: number) => 100 / (r * r);
  // σ = 10 % of the rate: every reading holds w·f² = 1/0.1² = 100, whatever its distance.
  const at = (r: number, instrument: FitPoint["instrument"], extra: Partial<FitPoint> = {}) => point(r, rate(r), 0.1 * rate(r), {instrument, ...extra});
  const A = {id: "A", type: "integrating" as const, calibration: 0.03, energyResponse: 0.04};
  const B = {id: "B", type: "rate-meter" as const, calibration: 0.06, energyResponse: 0.08};

  it("three readings of A and one of B: shares ¾ and ¼, u_B = ¾·5 % + ¼·10 % (fully correlated, so they add)", () => {
    const u = instrumentUncertainty([at(1, B), at(1, A), at(2, A), at(3, A)], rate);
    expect(u.instruments.map((i) => [i.id, i.type, i.readings])).toEqual([["A", "integrating", 3], ["B", "rate-meter", 1]]);
    expect(u.instruments[0]!.share).toBeCloseTo(0.75, 14);
    expect(u.instruments[1]!.share).toBeCloseTo(0.25, 14);
    expect(u.relative).toBeCloseTo(0.75 * 0.05 + 0.25 * 0.1, 14);
    expect(u.defaulted).toBe(false);
    expect(u.method).toBe(INSTRUMENT_METHOD);
    expect(INSTRUMENT_METHOD).toMatch(/fully correlated/);
  });

  it("leaves censored readings out: they are not in the fit's information", () => {
    const u = instrumentUncertainty([at(1, A), at(2, B, {censored: true}), at(3, B, {censored: true})], rate);
    expect(u.instruments.map((i) => i.id)).toEqual(["A"]);
    expect(u.relative).toBeCloseTo(0.05, 15);
  });

  it("takes the largest value an instrument states over its readings, and its first stated type", () => {
    const u = instrumentUncertainty([
      at(1, {id: "C", type: null, calibration: 0.02, energyResponse: null}),
      at(2, {id: "C", type: "integrating", calibration: 0.05, energyResponse: 0.12}),
      at(3, {id: "C", type: "rate-meter", calibration: 0.04, energyResponse: 0.09})
    ], rate);
    expect(u.instruments).toHaveLength(1);
    expect(u.instruments[0]).toMatchObject({id: "C", type: "integrating", calibration: 0.05, energyResponse: 0.12, readings: 3, share: 1, defaulted: []});
    expect(u.relative).toBeCloseTo(0.13, 14);
  });

  it("readings without an instrument id are one unidentified instrument, with the default", () => {
    const u = instrumentUncertainty([at(1, undefined), at(2, undefined), at(2, A)], rate);
    const unidentified = u.instruments.find((i) => i.id === null)!;
    expect(unidentified).toMatchObject({readings: 2, relative: 0.1, type: null, defaulted: ["calibration", "energy response"]});
    expect(unidentified.share).toBeCloseTo(2 / 3, 14);
    expect(u.relative).toBeCloseTo((2 / 3) * 0.1 + (1 / 3) * 0.05, 14);
    expect(u.defaulted).toBe(true);
  });

  it("weighs by information, not by count: one reading at σ = 5 % outweighs two at 10 % (400 against 2 × 100)", () => {
    const precise = point(2, rate(2), 0.05 * rate(2), {instrument: B});
    const u = instrumentUncertainty([at(1, A), at(3, A), precise], rate);
    expect(u.instruments.map((i) => i.id)).toEqual(["B", "A"]);
    expect(u.instruments[0]!.share).toBeCloseTo(400 / 600, 12);
  });

  it("instruments of equal information are listed by id", () => {
    const u = instrumentUncertainty([at(1, B), at(1, A)], rate);
    expect(u.instruments.map((i) => i.id)).toEqual(["A", "B"]);
  });

  it("a model that predicts nothing gives every instrument an equal share; infinite information counts as none", () => {
    const u = instrumentUncertainty([at(1, A), at(2, B)], () => 0);
    expect(u.instruments.map((i) => i.share)).toEqual([0.5, 0.5]);
    expect(u.relative).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.1, 15);
    const zeroSigma = point(2, 25, 0, {instrument: B});
    const v = instrumentUncertainty([at(1, A), zeroSigma], rate);
    expect(v.instruments.find((i) => i.id === "A")!.share).toBe(1);
    expect(v.instruments.find((i) => i.id === "B")!.share).toBe(0);
  });

  it("no fitted reading at all: the default for one unidentified instrument of no readings", () => {
    expect(instrumentUncertainty([], rate)).toEqual(defaultInstrumentUncertainty(0));
    expect(combineInstruments([])).toEqual(defaultInstrumentUncertainty(0));
  });
});

describe("defaultInstrumentUncertainty", () => {
  it("is 10 % for calibration and energy response together, says so, and counts the readings", () => {
    const u = defaultInstrumentUncertainty(42);
    expect(u.relative).toBe(0.1);
    expect(u.defaulted).toBe(true);
    expect(u.method).toMatch(/no instrument information reached the fit: the default 10 % \(k = 1\)/);
    expect(u.instruments).toEqual([{id: null, type: null, readings: 42, calibration: null, energyResponse: null, defaulted: ["calibration", "energy response"], relative: 0.1, share: 1}]);
  });
});
