// Conversion coefficients between kinds of dose quantity. These are physics, not unit conversions: they depend on
// the photon energy (and for effective dose on how the body faces the source), so every one is stated with its source.
import {airMassEnergyAbsorption_cm2_per_g} from "./air.js";
import {interpolateLogLog, PhysicsError, type Coefficient, type Table} from "./table.js";

/** W/e for dry air, J/C: the standard value, whose source is not yet recorded (docs/sources.md, "Facts used without a traced source"). */
export const W_OVER_E_AIR_J_per_C = 33.97;
/** The roentgen: 1 R = 2.58e-4 C/kg of air, its definition [NIST-SP-811]. */
export const COULOMB_PER_KG_PER_ROENTGEN = 2.58e-4;

/**
 * Air kerma per unit exposure: 2.58e-4 C/kg per R × 33.97 J/C = 8.764 mGy/R, i.e. 8.764e-3 µGy per µR (the prefix
 * cancels). Strictly this is collision kerma; the radiative part is negligible in air below 200 keV.
 */
export const airKermaPerExposure_uGy_per_uR: Coefficient = {
  coefficient: COULOMB_PER_KG_PER_ROENTGEN * W_OVER_E_AIR_J_per_C,
  unit: "uGy/uR",
  source: "1 R = 2.58e-4 C/kg (definition [NIST-SP-811]) × W/e of dry air 33.97 J/C (source not recorded) = 8.76 mGy/R"
};

/** ICRP 74 ambient dose equivalent per photon fluence H*(10)/Φ, pSv·cm² [ICRP-74]. */
export const AMBIENT_DOSE_EQUIVALENT_PER_FLUENCE: Table = {
  name: "H*(10)/Φ (ICRP 74)",
  energies_keV: [20, 30, 40, 50, 60, 80, 100, 150, 200],
  values: [1.05, 0.81, 0.64, 0.55, 0.51, 0.53, 0.61, 0.89, 1.2],
  unit: "pSv cm2",
  source: "ICRP Publication 74 (1996), H*(10) per fluence for photons [ICRP-74]"
};

/**
 * Personal dose equivalent in the ICRU slab per air kerma, Hp,slab(10, 0°)/Ka, for photons at normal incidence, Sv/Gy
 * (ICRP 74 and ICRU 57, the slab table) [ICRP-74] [ICRU-57]. Grade C as used here: the values were written from a
 * secondary listing, not read in either publication nor found in a public transcription (docs/sources.md, ICRU-57).
 * Tabulated directly against air kerma, so no fluence step is needed.
 */
export const PERSONAL_DOSE_EQUIVALENT_SLAB_PER_AIR_KERMA: Table = {
  name: "Hp,slab(10, 0°)/Ka (ICRP 74, ICRU 57)",
  energies_keV: [20, 30, 40, 50, 60, 80, 100, 150, 200],
  values: [0.611, 1.112, 1.49, 1.766, 1.892, 1.903, 1.811, 1.607, 1.492],
  unit: "Sv/Gy",
  source: "ICRP Publication 74 / ICRU Report 57, Hp,slab(10, 0°) per air kerma for photons, from a secondary listing (grade C) [ICRP-74] [ICRU-57]"
};

/** ICRP 116 effective dose per air kerma, AP geometry, corrigendum applied [ICRP-116] (grade B). */
export const EFFECTIVE_DOSE_PER_AIR_KERMA_AP: Table = {
  name: "E/Ka, AP geometry (ICRP 116)",
  energies_keV: [20, 30, 40, 50, 60, 70, 80, 100, 150],
  values: [0.131, 0.422, 0.798, 1.12, 1.33, 1.42, 1.43, 1.39, 1.25],
  unit: "Sv/Gy",
  source: "ICRP Publication 116 (2010) with corrigendum, effective dose per air kerma for photons, as transcribed in OpenMC's data files (grade B) [ICRP-116]"
};

/** ICRP 116 E/Ka at 60 keV for the geometries other than AP; the reference file holds them at 60 keV only. */
export const EFFECTIVE_DOSE_PER_AIR_KERMA_60keV: Readonly<Record<string, number>> = {
  AP: 1.33,
  PA: 0.832,
  LLAT: 0.595,
  RLAT: 0.508,
  ROT: 0.85,
  ISO: 0.679
};

export const GEOMETRIES = Object.keys(EFFECTIVE_DOSE_PER_AIR_KERMA_60keV);

// 1 keV in joules: the elementary charge, exact in the SI [SI-2019].
const J_PER_keV = 1.602176634e-16;

/**
 * H*(10) per air kerma, Sv/Gy, 20–200 keV: ICRP 74 H*(10)/Φ divided by Ka/Φ = E·(μen/ρ) (NIST), each table
 * interpolated log–log at the energy. About 1.74 at 60 keV and 0.6 at 20 keV [ICRP-74] [NIST-SRD-126].
 */
export function ambientDoseEquivalentPerAirKerma_Sv_per_Gy(energy_keV: number): Coefficient {
  const hPerFluence = interpolateLogLog(AMBIENT_DOSE_EQUIVALENT_PER_FLUENCE, energy_keV);
  const muEn = airMassEnergyAbsorption_cm2_per_g(energy_keV);
  // Ka/Φ in Gy·cm²: E [J] × μen/ρ [cm²/g] × 1000 g/kg; H*(10)/Φ is in pSv·cm², hence 1e-12.
  const kermaPerFluence_Gy_cm2 = energy_keV * J_PER_keV * muEn.coefficient * 1000;
  return {
    coefficient: (hPerFluence.coefficient * 1e-12) / kermaPerFluence_Gy_cm2,
    unit: "Sv/Gy",
    source: `${hPerFluence.source} ÷ (E × μen/ρ of air, ${muEn.source})`
  };
}

/**
 * Hp(10) per air kerma, Sv/Gy, 20–200 keV: the ICRU slab at normal incidence (a badge worn on the trunk facing the
 * source), interpolated log–log. About 1.89 at 60 keV, some 8 % above H*(10)/Ka there: the slab's backscatter.
 */
export function personalDoseEquivalentPerAirKerma_Sv_per_Gy(energy_keV: number): Coefficient {
  return interpolateLogLog(PERSONAL_DOSE_EQUIVALENT_SLAB_PER_AIR_KERMA, energy_keV);
}

/**
 * Effective dose per air kerma, Sv/Gy (ICRP 116). AP is tabulated over 20–150 keV; PA, LLAT, RLAT, ROT and ISO
 * only at 60 keV, so any other energy with those geometries is refused rather than guessed.
 */
export function effectiveDosePerAirKerma_Sv_per_Gy(energy_keV: number, geometry = "AP"): Coefficient {
  const g = geometry.toUpperCase();
  if (g === "AP") return interpolateLogLog(EFFECTIVE_DOSE_PER_AIR_KERMA_AP, energy_keV);
  const at60 = EFFECTIVE_DOSE_PER_AIR_KERMA_60keV[g];
  if (at60 === undefined) {
    throw new PhysicsError(`"${geometry}" is not an irradiation geometry of ICRP 116; use one of ${GEOMETRIES.join(", ")}`);
  }
  // A relative tolerance of 1e-9 lets 60 keV computed through unit prefixes (59.99999999999999) count as 60.
  if (!(Math.abs(energy_keV - 60) <= 60e-9)) {
    throw new PhysicsError(
      `the reference data give E/Ka for ${g} geometry at 60 keV only; ${energy_keV} keV needs AP geometry or an effective energy of 60 keV`
    );
  }
  return {coefficient: at60, unit: "Sv/Gy", source: `${EFFECTIVE_DOSE_PER_AIR_KERMA_AP.source}, ${g} geometry at 60 keV`};
}
