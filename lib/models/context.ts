// The physics a model needs at an effective photon energy, gathered in one place so that the command line, the site
// and the tests give the air model the same μ and build-up.
import {airBuildup, airLinearAttenuation_per_m} from "../physics/index.js";
import type {ModelContext} from "./types.js";

/** μ of air and its build-up at the energy (20–200 keV; PhysicsError outside), with where they came from. */
export function airContext(effectiveEnergy_keV: number, energySource?: string): ModelContext {
  const mu = airLinearAttenuation_per_m(effectiveEnergy_keV);
  const buildup = airBuildup(effectiveEnergy_keV);
  return {
    mu_per_m: mu.coefficient, effectiveEnergy_keV, buildup,
    mu_source: `${mu.source}; build-up: ${buildup.source}${energySource ? `; energy from ${energySource}` : ""}`
  };
}
