// Converting a dose between kinds of quantity (exposure, air kerma, H*(10), Hp(10), effective dose). Every route
// goes through air kerma, one stated step at a time, so a reader can check each coefficient and its source.
import type {Quantity} from "../readings/types.js";
import {
  airKermaPerExposure_uGy_per_uR, ambientDoseEquivalentPerAirKerma_Sv_per_Gy, effectiveDosePerAirKerma_Sv_per_Gy,
  personalDoseEquivalentPerAirKerma_Sv_per_Gy
} from "./dose-coefficients.js";
import {PhysicsError, type Coefficient} from "./table.js";

export interface ConversionStep {
  from: Quantity;
  to: Quantity;
  /** Multiply a value of `from` (in QUANTITY_UNIT[from]) by this to get `to` (in QUANTITY_UNIT[to]). */
  coefficient: number;
  unit: string;
  source: string;
}

export interface ConversionOptions {
  /** Effective photon energy of the beam, keV; needed for any step between air kerma and a dose equivalent. */
  effectiveEnergy_keV?: number;
  /** ICRP 116 irradiation geometry for effective dose (default AP, facing the source). */
  geometry?: string;
}

export interface Conversion {
  value: number;
  steps: ConversionStep[];
}

function needEnergy(quantity: Quantity, options: ConversionOptions): number {
  const energy = options.effectiveEnergy_keV;
  if (energy === undefined) {
    throw new PhysicsError(
      `converting between air kerma and ${quantity} depends on the photon energy; state the effective photon energy of the beam (e.g. --effective-energy 60keV)`
    );
  }
  return energy;
}

/** The step from air kerma to `to`, or null when `to` is air kerma itself. */
function fromAirKerma(to: Quantity, options: ConversionOptions): ConversionStep | null {
  let c: Coefficient;
  switch (to) {
    case "air-kerma":
      return null;
    case "exposure":
      c = airKermaPerExposure_uGy_per_uR;
      return {from: "air-kerma", to, coefficient: 1 / c.coefficient, unit: "uR/uGy", source: `inverse of ${c.source}`};
    case "H*(10)":
      c = ambientDoseEquivalentPerAirKerma_Sv_per_Gy(needEnergy(to, options));
      return {from: "air-kerma", to, coefficient: c.coefficient, unit: c.unit, source: `at ${options.effectiveEnergy_keV} keV: ${c.source}`};
    case "Hp(10)":
      // The ICRU slab at normal incidence: a badge worn on the trunk, facing the source.
      c = personalDoseEquivalentPerAirKerma_Sv_per_Gy(needEnergy(to, options));
      return {from: "air-kerma", to, coefficient: c.coefficient, unit: c.unit, source: `at ${options.effectiveEnergy_keV} keV, ICRU slab at 0°: ${c.source}`};
    case "effective": {
      const geometry = options.geometry ?? "AP";
      c = effectiveDosePerAirKerma_Sv_per_Gy(needEnergy(to, options), geometry);
      return {from: "air-kerma", to, coefficient: c.coefficient, unit: c.unit, source: `at ${options.effectiveEnergy_keV} keV, ${geometry.toUpperCase()} geometry: ${c.source}`};
    }
  }
}

function invert(step: ConversionStep): ConversionStep {
  const [num, den] = step.unit.split("/");
  return {from: step.to, to: step.from, coefficient: 1 / step.coefficient, unit: `${den}/${num}`, source: `inverse of ${step.source}`};
}

/** The step from `from` to air kerma, or null when `from` is air kerma itself. */
function toAirKerma(from: Quantity, options: ConversionOptions): ConversionStep | null {
  if (from === "exposure") {
    const c = airKermaPerExposure_uGy_per_uR;
    return {from, to: "air-kerma", coefficient: c.coefficient, unit: c.unit, source: c.source};
  }
  const forward = fromAirKerma(from, options);
  return forward && invert(forward);
}

/**
 * Convert `value` of quantity `from` (in QUANTITY_UNIT[from]) into quantity `to` (in QUANTITY_UNIT[to]).
 * Throws PhysicsError when a step needs an effective energy that was not given, or the energy is outside the tables.
 */
export function convertDose(value: number, from: Quantity, to: Quantity, options: ConversionOptions = {}): Conversion {
  if (from === to) return {value, steps: []};
  const steps = [toAirKerma(from, options), fromAirKerma(to, options)].filter((s): s is ConversionStep => s !== null);
  let result = value;
  for (const step of steps) result *= step.coefficient;
  return {value: result, steps};
}
