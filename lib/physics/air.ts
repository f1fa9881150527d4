// Photon interaction coefficients of dry air near sea level, for attenuation along a path in air and for air kerma
// per fluence. Values from the NIST X-ray mass attenuation tables, air, dry, near sea level [NIST-SRD-126].
import {interpolateLogLog, type Coefficient, type Table} from "./table.js";

const NIST_AIR = "NIST X-ray mass attenuation coefficients (Hubbell & Seltzer, NIST SRD 126), air, dry, near sea level [NIST-SRD-126]";

/** Density of dry air near sea level, g/cm³, as the NIST table gives it [NIST-SRD-126]. */
export const AIR_DENSITY_g_per_cm3: Coefficient = {coefficient: 1.205e-3, unit: "g/cm3", source: NIST_AIR};

const ENERGIES_keV = [20, 30, 40, 50, 60, 80, 100, 150, 200] as const;

export const AIR_MASS_ATTENUATION: Table = {
  name: "μ/ρ of dry air",
  energies_keV: ENERGIES_keV,
  values: [0.7779, 0.3538, 0.2485, 0.208, 0.1875, 0.1662, 0.1541, 0.1356, 0.1233],
  unit: "cm2/g",
  source: NIST_AIR
};

export const AIR_MASS_ENERGY_ABSORPTION: Table = {
  name: "μen/ρ of dry air",
  energies_keV: ENERGIES_keV,
  values: [0.5389, 0.1537, 0.06833, 0.04098, 0.03041, 0.02407, 0.02325, 0.02496, 0.02672],
  unit: "cm2/g",
  source: NIST_AIR
};

/** Mass attenuation coefficient μ/ρ of dry air, cm²/g, 20–200 keV. */
export function airMassAttenuation_cm2_per_g(energy_keV: number): Coefficient {
  return interpolateLogLog(AIR_MASS_ATTENUATION, energy_keV);
}

/** Mass energy-absorption coefficient μen/ρ of dry air, cm²/g, 20–200 keV. */
export function airMassEnergyAbsorption_cm2_per_g(energy_keV: number): Coefficient {
  return interpolateLogLog(AIR_MASS_ENERGY_ABSORPTION, energy_keV);
}

/** Linear attenuation coefficient μ of dry air, per metre: μ/ρ × ρ_air × 100 cm/m. Narrow-beam (no build-up). */
export function airLinearAttenuation_per_m(energy_keV: number): Coefficient {
  const massAttenuation = airMassAttenuation_cm2_per_g(energy_keV);
  return {
    coefficient: massAttenuation.coefficient * AIR_DENSITY_g_per_cm3.coefficient * 100,
    unit: "1/m",
    source: `${massAttenuation.source} × ρ_air ${AIR_DENSITY_g_per_cm3.coefficient} g/cm³`
  };
}
