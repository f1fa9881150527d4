// Physics coefficients checked against the published tables and hand calculations (ids of docs/sources.md:
// [NIST-SRD-126], [ICRP-74], [ICRP-116]).
import {describe, expect, it} from "vitest";
import {
  airKermaPerExposure_uGy_per_uR,
  airLinearAttenuation_per_m,
  airMassAttenuation_cm2_per_g,
  airMassEnergyAbsorption_cm2_per_g,
  ambientDoseEquivalentPerAirKerma_Sv_per_Gy,
  personalDoseEquivalentPerAirKerma_Sv_per_Gy,
  AIR_GP_COEFFICIENTS,
  airBuildup,
  airBuildupFactor,
  gpBuildup,
  convertDose,
  effectiveDosePerAirKerma_Sv_per_Gy,
  PhysicsError
} from "../../lib/physics/index.js";

describe("air interaction coefficients (NIST)", () => {
  it("returns the tabulated values at tabulated energies", () => {
    expect(airMassAttenuation_cm2_per_g(60).coefficient).toBe(0.1875);
    expect(airMassAttenuation_cm2_per_g(20).coefficient).toBe(0.7779);
    expect(airMassEnergyAbsorption_cm2_per_g(200).coefficient).toBe(0.02672);
    expect(airMassAttenuation_cm2_per_g(60).source).toMatch(/NIST/);
  });

  it("interpolates log–log between tabulated energies", () => {
    // Hand: 70 keV lies between 60 (0.1875) and 80 (0.1662); t = ln(70/60)/ln(80/60) = 0.535837;
    // 0.1875 · (0.1662/0.1875)^t = 0.1875 · 0.8864^0.535837 = 0.1875 · 0.937429 = 0.175768.
    expect(airMassAttenuation_cm2_per_g(70).coefficient).toBeCloseTo(0.175768, 5);
    expect(airMassAttenuation_cm2_per_g(70).source).toMatch(/interpolation/);
  });

  it("gives the linear attenuation of air per metre", () => {
    // 0.1875 cm²/g × 1.205e-3 g/cm³ = 2.259375e-4 /cm = 0.02259375 /m.
    expect(airLinearAttenuation_per_m(60).coefficient).toBeCloseTo(0.02259375, 10);
    expect(airLinearAttenuation_per_m(60).unit).toBe("1/m");
  });

  it("refuses energies outside the table instead of extrapolating", () => {
    expect(() => airMassAttenuation_cm2_per_g(10)).toThrow(PhysicsError);
    expect(() => airMassAttenuation_cm2_per_g(250)).toThrow(/20 to 200 keV/);
    expect(() => airLinearAttenuation_per_m(Number.NaN)).toThrow(PhysicsError);
  });
});

describe("conversion coefficients between quantities", () => {
  it("air kerma per exposure is 8.76 mGy/R", () => {
    // 2.58e-4 C/kg × 33.97 J/C = 8.76426e-3 Gy/R; per µR the prefixes cancel.
    expect(airKermaPerExposure_uGy_per_uR.coefficient).toBeCloseTo(8.76426e-3, 8);
  });

  it("H*(10)/Ka matches the reference values 1.74 at 60 keV and 0.6 at 20 keV", () => {
    // Hand at 60 keV: 0.51e-12 / (60 × 1.602176634e-16 × 0.03041 × 1000) = 0.51 / 0.292333 = 1.7446.
    expect(ambientDoseEquivalentPerAirKerma_Sv_per_Gy(60).coefficient).toBeCloseTo(1.7446, 3);
    expect(ambientDoseEquivalentPerAirKerma_Sv_per_Gy(20).coefficient).toBeCloseTo(0.608, 2);
    expect(ambientDoseEquivalentPerAirKerma_Sv_per_Gy(60).source).toMatch(/ICRP Publication 74/);
  });

  it("E/Ka follows ICRP 116: AP over energy, other geometries at 60 keV only", () => {
    expect(effectiveDosePerAirKerma_Sv_per_Gy(60).coefficient).toBe(1.33);
    expect(effectiveDosePerAirKerma_Sv_per_Gy(70).coefficient).toBe(1.42);
    expect(effectiveDosePerAirKerma_Sv_per_Gy(60, "PA").coefficient).toBe(0.832);
    expect(effectiveDosePerAirKerma_Sv_per_Gy(60, "iso").coefficient).toBe(0.679);
    expect(effectiveDosePerAirKerma_Sv_per_Gy(59.99999999999999, "PA").coefficient).toBe(0.832);
    expect(() => effectiveDosePerAirKerma_Sv_per_Gy(80, "PA")).toThrow(/60 keV only/);
    expect(() => effectiveDosePerAirKerma_Sv_per_Gy(60, "sideways")).toThrow(/AP, PA, LLAT/);
    expect(() => effectiveDosePerAirKerma_Sv_per_Gy(200)).toThrow(/20 to 150 keV/);
  });
});

describe("convertDose", () => {
  it("leaves a value alone when the quantity does not change", () => {
    expect(convertDose(3, "H*(10)", "H*(10)")).toEqual({value: 3, steps: []});
  });

  it("converts exposure to air kerma without needing an energy", () => {
    // 1 R = 1e6 µR → 8764.26 µGy.
    const r = convertDose(1e6, "exposure", "air-kerma");
    expect(r.value).toBeCloseTo(8764.26, 6);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({from: "exposure", to: "air-kerma", unit: "uGy/uR"});
  });

  it("converts exposure to effective dose in two stated steps", () => {
    // 100 µR × 8.76426e-3 µGy/µR × 1.33 Sv/Gy = 1.1656466 µSv.
    const r = convertDose(100, "exposure", "effective", {effectiveEnergy_keV: 60});
    expect(r.value).toBeCloseTo(1.1656466, 6);
    expect(r.steps.map((s) => [s.from, s.to])).toEqual([["exposure", "air-kerma"], ["air-kerma", "effective"]]);
    expect(r.steps[1]!.source).toMatch(/60 keV, AP geometry/);
  });

  it("converts H*(10) to effective dose via air kerma", () => {
    // 1 µSv H*(10) ÷ 1.7446 Sv/Gy × 1.33 Sv/Gy = 0.76235 µSv.
    const r = convertDose(1, "H*(10)", "effective", {effectiveEnergy_keV: 60});
    expect(r.value).toBeCloseTo(0.76235, 3);
    expect(r.steps[0]).toMatchObject({from: "H*(10)", to: "air-kerma", unit: "Gy/Sv"});
  });

  it("relates Hp(10) to air kerma through the ICRU slab at 0°, not H*(10)", () => {
    // 1 µSv Hp(10) ÷ 1.892 Sv/Gy (ICRP 74 / ICRU 57 slab table at 60 keV) = 0.52854 µGy.
    const r = convertDose(1, "Hp(10)", "air-kerma", {effectiveEnergy_keV: 60});
    expect(r.value).toBeCloseTo(1 / 1.892, 12);
    expect(r.steps[0]!.source).toMatch(/ICRU slab at 0°/);
    // At 60 keV Hp(10) is about 8 % above H*(10) for the same air kerma: 1.892 / 1.745 (the project's H*(10)/Ka).
    const hp = convertDose(1, "air-kerma", "Hp(10)", {effectiveEnergy_keV: 60}).value;
    const hstar = convertDose(1, "air-kerma", "H*(10)", {effectiveEnergy_keV: 60}).value;
    expect(hp / hstar).toBeCloseTo(1.892 / 1.745, 2);
  });

  it("uses the geometry asked for", () => {
    // 10 µGy × 0.832 Sv/Gy (PA, 60 keV) = 8.32 µSv.
    expect(convertDose(10, "air-kerma", "effective", {effectiveEnergy_keV: 60, geometry: "PA"}).value).toBeCloseTo(8.32, 10);
  });

  it("refuses a step that needs an energy when none is given", () => {
    expect(() => convertDose(1, "air-kerma", "H*(10)")).toThrow(/effective photon energy/);
    expect(() => convertDose(1, "effective", "exposure")).toThrow(PhysicsError);
  });

  it("round-trips through the inverse steps", () => {
    const there = convertDose(5, "exposure", "H*(10)", {effectiveEnergy_keV: 45});
    const back = convertDose(there.value, "H*(10)", "exposure", {effectiveEnergy_keV: 45});
    expect(back.value).toBeCloseTo(5, 12);
  });
});

describe("Hp(10) per air kerma: the ICRU slab at 0° (ICRP 74 / ICRU 57)", () => {
  it("reproduces the table at its energies and interpolates log–log between them", () => {
    // The table's values (Sv/Gy): 30 keV 1.112, 60 keV 1.892, 100 keV 1.811.
    expect(personalDoseEquivalentPerAirKerma_Sv_per_Gy(30).coefficient).toBe(1.112);
    expect(personalDoseEquivalentPerAirKerma_Sv_per_Gy(60).coefficient).toBe(1.892);
    expect(personalDoseEquivalentPerAirKerma_Sv_per_Gy(100).coefficient).toBe(1.811);
    // Between 50 (1.766) and 60 keV (1.892): exp(ln 1.766 + ln(55/50)/ln(60/50)·ln(1.892/1.766)).
    const t = Math.log(55 / 50) / Math.log(60 / 50);
    expect(personalDoseEquivalentPerAirKerma_Sv_per_Gy(55).coefficient).toBeCloseTo(Math.exp(Math.log(1.766) + t * Math.log(1.892 / 1.766)), 12);
    expect(() => personalDoseEquivalentPerAirKerma_Sv_per_Gy(10)).toThrow(PhysicsError);
  });

  it("lies above H*(10)/Ka from 30 to 200 keV (the slab's backscatter), by less than 12 %", () => {
    for (const e of [30, 40, 50, 60, 80, 100, 150, 200]) {
      const ratio = personalDoseEquivalentPerAirKerma_Sv_per_Gy(e).coefficient / ambientDoseEquivalentPerAirKerma_Sv_per_Gy(e).coefficient;
      expect(ratio).toBeGreaterThan(1);
      expect(ratio).toBeLessThan(1.12);
    }
  });
});

describe("build-up of scattered photons in air (ANSI/ANS-6.4.3 geometric progression)", () => {
  it("is 1 at the source and b at one mean free path, the GP form's definition of b", () => {
    for (const row of AIR_GP_COEFFICIENTS) {
      expect(gpBuildup(0, row)).toBe(1);
      expect(gpBuildup(1, row)).toBeCloseTo(row.b, 10);
    }
    // At 60 keV: b = 4.837 [ANSI-ANS-6.4.3].
    expect(airBuildupFactor(1, airBuildup(60))).toBeCloseTo(4.837, 10);
  });

  it("follows the closed form 1 + (b − 1)(K^x − 1)/(K − 1) with Harima's K(x), written out independently", () => {
    const g = {energy_keV: 80, b: 4.929, c: 1.983, a: -0.159, X: 13.74, d: 0.073};
    const K = (x: number) => g.c * x ** g.a + (g.d * (Math.tanh(x / g.X - 2) - Math.tanh(-2))) / (1 - Math.tanh(-2));
    for (const x of [0.1, 0.5, 2, 5, 10, 30]) expect(gpBuildup(x, g)).toBeCloseTo(1 + ((g.b - 1) * (K(x) ** x - 1)) / (K(x) - 1), 8);
    // K = 1 exactly (c = 1, a = 0, d = 0): the linear form 1 + (b − 1)·x.
    expect(gpBuildup(3, {energy_keV: 0, b: 2, c: 1, a: 0, X: 14, d: 0})).toBeCloseTo(4, 12);
  });

  it("interpolates ln B linearly in ln E between tabulated energies, and refuses energies outside 20–200 keV", () => {
    const b = airBuildup(70);
    const t = Math.log(70 / 60) / Math.log(80 / 60);
    const lo = gpBuildup(2, AIR_GP_COEFFICIENTS.find((r) => r.energy_keV === 60)!);
    const hi = gpBuildup(2, AIR_GP_COEFFICIENTS.find((r) => r.energy_keV === 80)!);
    expect(airBuildupFactor(2, b)).toBeCloseTo(Math.exp((1 - t) * Math.log(lo) + t * Math.log(hi)), 12);
    expect(() => airBuildup(10)).toThrow(PhysicsError);
  });

  it("keeps the air model's rate falling with distance from 1 cm to 1000 km at every tabulated energy", () => {
    for (const row of AIR_GP_COEFFICIENTS) {
      const mu = airLinearAttenuation_per_m(row.energy_keV).coefficient;
      const b = airBuildup(row.energy_keV);
      let previous = Infinity;
      for (let i = 0; i <= 4000; i++) {
        const r = 0.01 * 1e8 ** (i / 4000);
        const rate = (airBuildupFactor(mu * r, b) * Math.exp(-mu * r)) / (r * r);
        // Far out the rate underflows to 0, which is still "not rising".
        expect(rate < previous || rate === 0).toBe(true);
        previous = rate;
      }
    }
  });
});
