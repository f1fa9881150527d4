import {describe, expect, it} from "vitest";
import {convert, parseQuantity, parseUnit, toCanonical, UnitError} from "../../lib/units/index.js";

// Hand values: 1 rem = 0.01 Sv and 1 mrem = 10 µSv (10 CFR 20.1004); 1 ft = 0.3048 m exactly; 1 R = 2.58e-4 C/kg.
describe("units", () => {
  it("converts dose units exactly, without binary-prefix noise", () => {
    expect(convert(1, "mrem", "uSv")).toBe(10);
    expect(convert(0.016, "mrem", "uSv")).toBe(0.16);
    expect(convert(16, "urem", "uSv")).toBe(0.16);
    expect(convert(1, "mSv", "uSv")).toBe(1000);
    expect(convert(1, "rem", "Sv")).toBe(0.01);
    expect(convert(1, "R", "C/kg")).toBe(2.58e-4);
  });

  it("gives canonical numbers for parsed quantities", () => {
    expect(toCanonical(parseQuantity("5 ft"), "length")).toBe(1.524);
    expect(toCanonical(parseQuantity("60 keV"), "energy")).toBe(60);
    expect(toCanonical(parseQuantity("1 h"), "time")).toBe(3600);
    expect(toCanonical(parseQuantity("2 mrem"), "dose-equivalent")).toBe(20);
  });

  it("refuses a quantity of the wrong kind", () => {
    expect(() => toCanonical(parseQuantity("5 mSv/h"), "dose-equivalent")).toThrow(UnitError);
    expect(() => convert(1, "mGy", "uSv")).toThrow(UnitError);
  });

  // 1 rad = 100 erg/g = 0.01 Gy (10 CFR 20.1004): the absorbed-dose unit, not the radian mathjs ships.
  it("reads rad and mrad as absorbed dose", () => {
    expect(convert(1, "rad", "Gy")).toBe(0.01);
    expect(convert(1, "mrad", "uGy")).toBe(10);
    expect(toCanonical(parseQuantity("250 mrad"), "absorbed-dose")).toBe(2500);
    expect(() => convert(1, "rad", "uSv")).toThrow(UnitError);
  });

  it("suggests the right case for a unit it does not know", () => {
    expect(() => parseUnit("mREM")).toThrow(/"mREM" is not a unit this product knows: did you mean "mrem"\?/);
    expect(() => parseUnit("µSV")).toThrow(/did you mean "µSv"\?/);
    expect(() => parseUnit("parsec-ish")).toThrow(/^"parsec-ish" is not a unit this product knows$/);
  });
});
