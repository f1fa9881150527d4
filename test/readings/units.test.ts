// The unit columns of a readings file (lib/readings/units.ts): which unit texts are taken, the factor to the canonical
// unit, and the message each refused text gets, word for word (the message is what tells a clerk what to write).
// Factors are the units' definitions (1 ft = 0.3048 m, 1 rem = 0.01 Sv, 1 rad = 0.01 Gy, 1 R = 10⁶ µR), worked by hand.
import {describe, expect, it} from "vitest";
import {listedUnits, resolveUnit, type UnitColumn} from "../../lib/readings/units.js";

const DOSES = "Sv, mSv, µSv, nSv, rem, mrem, µrem, Gy, mGy, µGy, nGy, rad, mrad, µrad, R, mR, µR, or a rate of one of them per hour (µSv/h, mrem/h, mR/h, µGy/h)";

const message = (column: UnitColumn, text: string) => {
  const r = resolveUnit(column, text);
  return r.ok ? `ok ${JSON.stringify(r.value)}` : r.message;
};
const unknown = (text: string, listed: string) => `"${text}" is not a unit this product knows; write one of ${listed} (units are case-sensitive)`;
const notReadings = (text: string) => `"${text}" is not a dose unit readings are written in; write one of ${DOSES}`;

describe("listedUnits", () => {
  it("lists each column's units as people write them, µ for micro, and the dose rates for the dose column", () => {
    expect(listedUnits("distance_unit")).toBe("m, cm, mm, ft, in");
    expect(listedUnits("duration_unit")).toBe("s, min, h");
    expect(listedUnits("dose_unit")).toBe(DOSES);
  });
});

describe("resolveUnit", () => {
  it("takes every listed unit, with its factor to m, s or µSv, µGy, µR", () => {
    const factors = (column: UnitColumn, texts: string[]) => texts.map((t) => {
      const r = resolveUnit(column, t);
      return r.ok ? r.value.factor : r.message;
    });
    expect(factors("distance_unit", ["m", "cm", "mm", "ft", "in"])).toEqual([1, 0.01, 0.001, 0.3048, 0.0254]);
    expect(factors("duration_unit", ["s", "min", "h"])).toEqual([1, 60, 3600]);
    expect(factors("dose_unit", ["Sv", "mSv", "µSv", "nSv", "rem", "mrem", "µrem"])).toEqual([1e6, 1e3, 1, 1e-3, 1e4, 10, 0.01]);
    expect(factors("dose_unit", ["Gy", "mGy", "µGy", "nGy", "rad", "mrad", "µrad"])).toEqual([1e6, 1e3, 1, 1e-3, 1e4, 10, 0.01]);
    expect(factors("dose_unit", ["R", "mR", "µR"])).toEqual([1e6, 1e3, 1]);
  });

  it("takes a dose per unprefixed time as a rate per hour of the dose's dimension", () => {
    expect(resolveUnit("dose_unit", "mrem/min")).toEqual({ok: true, value: {dimension: "dose-equivalent", factor: 600, rate: true}});
    expect(resolveUnit("dose_unit", "mrad/h")).toEqual({ok: true, value: {dimension: "absorbed-dose", factor: 10, rate: true}});
    expect(resolveUnit("dose_unit", "µR/s")).toEqual({ok: true, value: {dimension: "exposure", factor: 3600, rate: true}});
    expect(resolveUnit("dose_unit", "mR")).toEqual({ok: true, value: {dimension: "exposure", factor: 1000, rate: false}});
  });

  it("ignores spaces around the unit, and names the unit without them when refusing it", () => {
    expect(resolveUnit("distance_unit", "  ft ")).toEqual({ok: true, value: {dimension: "length", factor: 0.3048, rate: false}});
    expect(message("distance_unit", " parsec ")).toBe(unknown("parsec", "m, cm, mm, ft, in"));
  });

  it("calls an empty or blank cell empty, with the column's example and list", () => {
    expect(message("distance_unit", "")).toBe("is empty; write a unit such as m (m, cm, mm, ft, in)");
    expect(message("duration_unit", "   ")).toBe("is empty; write a unit such as s (s, min, h)");
    expect(message("dose_unit", " ")).toBe(`is empty; write a unit such as mSv (${DOSES})`);
  });

  it("lists the column's units for a text that is no unit at all", () => {
    expect(message("distance_unit", "parsecs")).toBe(unknown("parsecs", "m, cm, mm, ft, in"));
    expect(message("duration_unit", "fortnights")).toBe(unknown("fortnights", "s, min, h"));
    expect(message("dose_unit", "bananas")).toBe(unknown("bananas", DOSES));
  });

  it("takes only plain unit names, not what mathjs would also evaluate (a number, brackets, a decimal power, spaces)", () => {
    for (const t of ["2m", "m^1.0", "m ^ 1", "(m)", "m^0"]) expect(message("distance_unit", t), t).toBe(unknown(t, "m, cm, mm, ft, in"));
    expect(message("dose_unit", "(Sv)/h")).toBe(unknown("(Sv)/h", DOSES));
  });

  it("suggests the right case of a known unit, only when that unit fits the column", () => {
    expect(message("dose_unit", "MSV")).toBe(`"MSV" is not a unit this product knows: did you mean "mSv"? (units are case-sensitive)`);
    expect(message("duration_unit", "MIN")).toBe(`"MIN" is not a unit this product knows: did you mean "min"? (units are case-sensitive)`);
    // "S" is s in the wrong case, but s is no length; "MSV" is mSv in the wrong case, but mSv is no length.
    expect(message("distance_unit", "S")).toBe(unknown("S", "m, cm, mm, ft, in"));
    expect(message("distance_unit", "MSV")).toBe(unknown("MSV", "m, cm, mm, ft, in"));
  });

  it("says which quantity a unit of the wrong column measures", () => {
    expect(message("distance_unit", "mSv")).toBe(`"mSv" is a dose (Sv or rem); this column takes a length such as m`);
    expect(message("duration_unit", "ft")).toBe(`"ft" is a length; this column takes a duration such as s`);
    expect(message("dose_unit", "min")).toBe(`"min" is a duration; this column takes a dose or a dose rate such as mSv`);
  });

  it("refuses a dose unit mathjs reads but readings are not written in: an unlisted prefix or name", () => {
    expect(message("dose_unit", "kR")).toBe(notReadings("kR"));
    expect(message("dose_unit", "sievert")).toBe(notReadings("sievert"));
    // A megasievert written for a millisievert: the case suggestion is the likely fix.
    expect(message("dose_unit", "MSv")).toBe(`"MSv" is not a dose unit readings are written in: did you mean "mSv"? (units are case-sensitive)`);
  });

  it("refuses a dose rate that is not one dose per one unprefixed time", () => {
    // Per a prefixed time, per a time to the power 0 (a dose), a dose per time times time per time, a dose squared per dose.
    for (const t of ["Sv/ms", "Sv*h^0", "Sv/h*h/h", "Sv*h/h", "Sv^2/Sv"]) expect(message("dose_unit", t), t).toBe(notReadings(t));
  });
});
