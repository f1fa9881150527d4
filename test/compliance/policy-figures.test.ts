// The numbers of a policy's statements as the checks use them (lib/compliance/policy-figures.ts), against values
// worked by hand: µSv from mrem, µrem and µR (1 mrem = 10 µSv, 10 CFR 20.1004; 1 R taken as 1 rem), the rounding of
// the last written digit, and the inverse square law with air attenuation from the NIST tables.
import {describe, expect, it} from "vitest";
import {
  AIR, byValue, distanceFactor, durationAdjective, figureSpan, halfUlp, idLabel, inMicrosievert, isExposure, metres, r3, remAnalogue, seconds,
  statedRange, uSvText, whereText
} from "../../lib/compliance/policy-figures.js";
import {extractStatements, type DoseStatement, type RateStatement} from "../../lib/compliance/policy-statements.js";
import type {Quantity} from "../../lib/compliance/policy-quantities.js";

type Figured = DoseStatement | RateStatement;
function one(body: string): {s: Figured; text: string} {
  const text = `HEALTH AND SAFETY\n\n${body}`;
  const figured = extractStatements(text).statements.filter((s): s is Figured => s.kind === "dose" || s.kind === "rate");
  expect(figured).toHaveLength(1);
  return {s: figured[0]!, text};
}
const q = (value: number, unit: string, decimals: number, dimension: Quantity["dimension"] = "dose-equivalent"): Quantity => ({
  value, unit, dimension, decimals, written: `${value} ${unit}`, mismatch: null, alternatives: [], unreadAlternatives: [], rangeWithNext: false, text: `${value} ${unit}`, start: 0, end: 1
}) as Quantity;

describe("a figure's numbers", () => {
  it("round to three significant digits and print µSv", () => {
    expect([r3(0.123456), r3(1234.5), r3(0.0009876)]).toEqual([0.123, 1230, 0.000988]);
    expect(uSvText(0.12345)).toBe("0.123 µSv");
  });

  it("are known to half a unit in the last written digit", () => {
    expect(halfUlp(q(0.016, "mrem", 3))).toBeCloseTo(0.0005, 15);
    expect(halfUlp(q(4, "urem", 0))).toBe(0.5);
    expect(halfUlp(q(40, "urem", 0))).toBe(0.5);
  });

  it("read an exposure in R as the rem unit of the same size", () => {
    expect(["uR", "mR/h", "R", "nR", "mrem", "uSv/h"].map(remAnalogue)).toEqual(["urem", "mrem/h", "rem", "nrem", "mrem", "uSv/h"]);
    expect(isExposure(q(1, "uR", 0, "exposure"))).toBe(true);
    expect(isExposure(q(1, "mR/h", 0, "exposure-rate"))).toBe(true);
    expect(isExposure(q(1, "mrem", 0))).toBe(false);
  });

  it("convert to µSv: 1 mrem = 10 µSv, 1 µrem = 0.01 µSv, 1 µR taken as 1 µrem, rates to µSv/h", () => {
    expect(inMicrosievert(q(0.016, "mrem", 3))).toBeCloseTo(0.16, 12);
    expect(inMicrosievert(q(16, "urem", 0))).toBeCloseTo(0.16, 12);
    expect(inMicrosievert(q(0.3, "uR", 1, "exposure"))).toBeCloseTo(0.003, 12);
    expect(inMicrosievert(q(0.5, "mrem/h", 1, "dose-equivalent-rate"))).toBeCloseTo(5, 12);
    expect(inMicrosievert(q(2, "mR/h", 0, "exposure-rate"))).toBeCloseTo(20, 12);
    // Another value of the same quantity (its rounded end), converted the same way.
    const f = q(0.016, "mrem", 3);
    expect(inMicrosievert(f, 0.0165)).toBeCloseTo(0.165, 12);
    expect(inMicrosievert(f)).toBeCloseTo(0.16, 12);
    expect(inMicrosievert(q(2, "mR/h", 0, "exposure-rate"), 2.5)).toBeCloseTo(25, 12);
  });

  it("give distances in metres, durations in seconds, and labels", () => {
    const five = q(5, "ft", 0, "length");
    expect(metres(five)).toBeCloseTo(1.524, 12);
    expect(metres(five)).toBeCloseTo(1.524, 12);
    expect(seconds(q(2, "min", 0, "time"))).toBe(120);
    expect(idLabel(q(1.5, "m", 1, "length"))).toBe("1.5m");
    expect(durationAdjective(q(10, "s", 0, "time"))).toBe("10-second");
    expect(durationAdjective(q(1, "h", 0, "time"))).toBe("1-hour");
    expect(durationAdjective(q(3, "fortnight", 0, "time"))).toBe("3-fortnight");
  });
});

describe("the range a statement allows", () => {
  it("orders the figures highest first, whatever the order written", () => {
    const {s} = one("The dose at 5 ft for 10 seconds is between 16 urem and 0.009 mrem.");
    expect(byValue(s).map((f) => f.written)).toEqual(["16 urem", "0.009 mrem"]);
  });

  it("is the figures' range, widened by half a unit of each last digit", () => {
    const between = statedRange(one("The dose at 5 ft for 10 seconds is between 0.009 and 0.016 mrem.").s);
    expect(between.text).toBe("0.009 mrem to 0.016 mrem");
    expect([between.low, between.high, between.lowRounded, between.highRounded].map((v) => Number(v.toPrecision(12)))).toEqual([0.09, 0.16, 0.085, 0.165]);
    const atMost = statedRange(one("The dose at 5 ft for 10 seconds is at most 0.016 mrem.").s);
    expect(atMost).toMatchObject({low: 0, lowRounded: 0, text: "at most 0.016 mrem"});
    expect(atMost.highRounded).toBeCloseTo(0.165, 12);
    const atLeast = statedRange(one("The dose at 5 ft for 10 seconds is at least 0.016 mrem.").s);
    expect(atLeast).toMatchObject({high: Infinity, highRounded: Infinity, text: "at least 0.016 mrem"});
    expect(atLeast.lowRounded).toBeCloseTo(0.155, 12);
    const about = statedRange(one("The dose at 5 ft for 10 seconds is about 0.016 mrem.").s);
    expect(about.text).toBe("about 0.016 mrem");
    expect([about.low, about.high, about.lowRounded, about.highRounded].map((v) => Number(v.toPrecision(12)))).toEqual([0.16, 0.16, 0.155, 0.165]);
    expect(statedRange(one("The dose at 5 ft for 10 seconds is 0.016 mrem.").s).text).toBe("0.016 mrem");
  });

  it("never rounds a figure below zero", () => {
    const zero = statedRange(one("The dose at 5 ft for 10 seconds is 0 uSv.").s);
    expect([zero.low, zero.lowRounded, zero.highRounded]).toEqual([0, 0, 0.5]);
  });
});

describe("the factor that carries a dose from one distance to another", () => {
  it("is the inverse square law, times the air's transmission at 20 keV at the low end going farther", () => {
    // 1 m → 2 m: (1/2)² = 0.25; 100 cm of air at 20 keV: exp(−0.7779 × 1.205e-3 × 100) = 0.9105; at 150 keV 0.9838.
    const k = distanceFactor(1, 2);
    const t20 = Math.exp(-0.7779 * 1.205e-3 * 100);
    const t150 = Math.exp(-0.1356 * 1.205e-3 * 100);
    expect(t20).toBeCloseTo(0.9105, 4);
    expect(k.geometric).toBe(0.25);
    expect(k.low).toBeCloseTo(0.25 * t20, 12);
    expect(k.high).toBe(0.25);
    expect(k.attenuation20).toBeCloseTo(t20, 12);
    expect(k.attenuation150).toBeCloseTo(t150, 12);
    expect(AIR).toMatchObject({mu_rho_20keV_cm2_per_g: 0.7779, mu_rho_150keV_cm2_per_g: 0.1356, rho_g_per_cm3: 1.205e-3});
  });

  it("is divided by the transmission at the high end going closer, and is 1 at the same distance", () => {
    const t20 = Math.exp(-0.7779 * 1.205e-3 * 100);
    const k = distanceFactor(2, 1);
    expect(k.geometric).toBe(4);
    expect(k.low).toBe(4);
    expect(k.high).toBeCloseTo(4 / t20, 12);
    expect(k.attenuation20).toBeCloseTo(t20, 12);
    expect(distanceFactor(3, 3)).toEqual({geometric: 1, low: 1, high: 1, attenuation20: 1, attenuation150: 1});
  });
});

describe("where a statement holds, and its figure as written", () => {
  it("names the distance and the duration, per scan, or nothing", () => {
    expect(whereText(one("The dose at 5 ft for 10 seconds is 0.016 mrem.").s)).toBe("5 ft for 10 s");
    expect(whereText(one("A person at 2 m receives 0.1 uSv per scan.").s)).toBe("2 m per scan");
    expect(whereText(one("A person scanned receives 0.1 uSv per scan.").s)).toBe("per scan");
    expect(whereText(one("The dose rate at 3 m is at most 2 uSv/h.").s)).toBe("3 m");
    expect(whereText(one("The dose at 5 ft is 0.016 mrem.").s)).toBe("5 ft");
    expect(whereText(one("The dose is 0.016 mrem.").s)).toBe("");
  });

  it("quotes the figure with its restatements up to the closing parenthesis", () => {
    const {s, text} = one("The dose at 5 ft for 10 seconds is 0.016 mrem (or 16 urem/microrem). It is safe.");
    expect(figureSpan(text, s.figures[0]!)).toBe("0.016 mrem (or 16 urem/microrem)");
    const plain = one("The dose at 5 ft for 10 seconds is 0.016 mrem. (It is safe.)");
    expect(figureSpan(plain.text, plain.s.figures[0]!)).toBe("0.016 mrem");
  });
});
