// The range each physical quantity in the inputs may take, with the reason: one table for the readings parser, the
// certificates, the deployment log and any other reader (a database fast path generates its SQL from it, so it is
// plain data in canonical units). A value outside the physical range cannot be a measurement of this device class and
// is an error; a value outside the plausible range is possible but more likely a slip (a unit, a decimal point) and is
// a warning. Bounds are inclusive. The reasons cite the bibliography (docs/sources.md) where a source bounds them; the
// rest are this product's judgement, listed in docs/sources.md under "Facts used without a traced source".
import type {Problem} from "./io/problems.js";
import type {SourceId} from "./sources.js";

export interface ValueRange {
  /** Inclusive bounds in the canonical unit. */
  min: number;
  max: number;
}

export interface QuantityRange {
  /** What the quantity is, as messages name it. */
  label: string;
  /** The canonical unit of the bounds (the unit of the parsers' canonical values). */
  unit: string;
  /** Outside: not a measurement of this device class (an error). */
  physical: ValueRange;
  /** Outside: possible, but more likely a slip (a warning). */
  plausible: ValueRange;
  /** The bounds as a person reads them, e.g. "1 mm to 100 km". */
  physicalText: string;
  plausibleText: string;
  /** Why these bounds, in full (docs and the table's readers). */
  reason: string;
  /** Why, in a few words, for messages: what a value outside the physical range would mean, then the plausible. */
  physicalWhy: string;
  plausibleWhy: string;
  sources: readonly SourceId[];
}

const YEAR_S = 365.25 * 86_400;

/**
 * The table. Keys are stable names a fast path may use; doses have one row per canonical unit (µSv for the dose
 * equivalents, µGy for air kerma, µR for exposure: 1 R of 30–100 keV X-rays gives about 0.9 rad in air and about 1 rem
 * in H*(10), so the µR bounds are a hundred times the µSv bounds, rounded to a power of ten).
 */
export const PLAUSIBLE_RANGES = {
  distance: {
    physicalWhy: "no dosimeter is closer to the device or reads it from farther away", plausibleWhy: "readings are taken from a few centimetres to a few hundred metres",
    label: "distance", unit: "m",
    physical: {min: 1e-3, max: 1e5}, physicalText: "1 mm to 100 km",
    plausible: {min: 0.05, max: 1e4}, plausibleText: "5 cm to 10 km",
    reason: "a dosimeter's sensitive volume is millimetres across and sits outside the device's housing, so nothing is measured closer than 1 mm and rarely closer than 5 cm; beyond 10 km (the exclusion search's range) air has absorbed the device's photons many hundred times over (NIST-SRD-126), so a reading there is background",
    sources: ["NIST-SRD-126"]
  },
  duration: {
    physicalWhy: "no dosimeter integrates for less or is read out after longer", plausibleWhy: "a reading lasts from one pass of the beam to a badge's year",
    label: "duration", unit: "s",
    physical: {min: 1e-3, max: 10 * YEAR_S}, physicalText: "1 ms to 10 years",
    plausible: {min: 0.1, max: YEAR_S}, plausibleText: "0.1 s to 1 year",
    reason: "no dosimeter integrates over less than a millisecond or is read out after more than ten years, and field readings last from a fraction of a second (one pass of the beam) to a year (a badge worn for the annual period, the longest period a limit is stated over)",
    sources: ["10CFR20"]
  },
  "dose:uSv": {
    physicalWhy: "a lethal dose, not a reading of a device's stray field", plausibleWhy: "the public's annual limit: an incident or a unit slip",
    label: "dose", unit: "µSv",
    physical: {min: 0, max: 1e7}, physicalText: "0 to 10 Sv",
    plausible: {min: 0, max: 1e3}, plausibleText: "0 to 1 mSv",
    reason: "1 mSv is the annual limit for a member of the public (10CFR20, ICRP-103): a single field reading of a screening device above it is an incident or a unit slip; 10 Sv is a lethal whole-body dose, never the reading of a device's stray field",
    sources: ["10CFR20", "ICRP-103"]
  },
  "dose:uGy": {
    physicalWhy: "a lethal dose, not a reading of a device's stray field", plausibleWhy: "the public's annual limit in air kerma: an incident or a unit slip",
    label: "air kerma", unit: "µGy",
    physical: {min: 0, max: 1e7}, physicalText: "0 to 10 Gy",
    plausible: {min: 0, max: 1e3}, plausibleText: "0 to 1 mGy",
    reason: "the dose bounds in air kerma: at 30–100 keV, 1 µGy of air kerma is 1 to 1.7 µSv of H*(10) (ICRP-74)",
    sources: ["ICRP-74", "10CFR20"]
  },
  "dose:uR": {
    physicalWhy: "a lethal dose, not a reading of a device's stray field", plausibleWhy: "about the public's annual limit: an incident or a unit slip",
    label: "exposure", unit: "µR",
    physical: {min: 0, max: 1e9}, physicalText: "0 to 1000 R",
    plausible: {min: 0, max: 1e5}, plausibleText: "0 to 100 mR",
    reason: "the dose bounds in exposure: 1 R gives about 1 rem, so 1 µR is about 0.01 µSv (10CFR20 units)",
    sources: ["10CFR20"]
  },
  "rate:uSv/h": {
    physicalWhy: "beyond any X-ray tube of this class", plausibleWhy: "a dosimeter in the beam port, or a unit slip",
    label: "dose rate", unit: "µSv/h",
    physical: {min: 0, max: 1e9}, physicalText: "0 to 1 kSv/h",
    plausible: {min: 0, max: 1e5}, plausibleText: "0 to 100 mSv/h",
    reason: "a backscatter device's X-ray tube (about 125 kV, 1 mA) gives at most a few hundred mGy/h in its unswept pencil beam at 1 m, and the swept field a dosimeter sees is thousands of times weaker; a mean rate above 100 mSv/h is a unit slip or a dosimeter held in the beam port, above 1 kSv/h beyond any tube of this class",
    sources: ["ANSI-N43.17"]
  },
  "rate:uGy/h": {
    physicalWhy: "beyond any X-ray tube of this class", plausibleWhy: "a dosimeter in the beam port, or a unit slip",
    label: "air-kerma rate", unit: "µGy/h",
    physical: {min: 0, max: 1e9}, physicalText: "0 to 1 kGy/h",
    plausible: {min: 0, max: 1e5}, plausibleText: "0 to 100 mGy/h",
    reason: "the dose-rate bounds in air kerma (see the dose rate)",
    sources: ["ANSI-N43.17"]
  },
  "rate:uR/h": {
    physicalWhy: "beyond any X-ray tube of this class", plausibleWhy: "a dosimeter in the beam port, or a unit slip",
    label: "exposure rate", unit: "µR/h",
    physical: {min: 0, max: 1e11}, physicalText: "0 to 100 kR/h",
    plausible: {min: 0, max: 1e7}, plausibleText: "0 to 10 R/h",
    reason: "the dose-rate bounds in exposure (1 R is about 1 rem)",
    sources: ["10CFR20"]
  },
  photon_energy: {
    physicalWhy: "outside the attenuation tables", plausibleWhy: "screening devices' effective energies lie in this range",
    label: "photon energy", unit: "keV",
    physical: {min: 1, max: 2e4}, physicalText: "1 keV to 20 MeV",
    plausible: {min: 10, max: 500}, plausibleText: "10 to 500 keV",
    reason: "the attenuation tables span 1 keV to 20 MeV (NIST-SRD-126); backscatter screening devices run tubes of tens to a few hundred kilovolts, whose effective energy lies between 10 and 500 keV (ANSI-N43.17)",
    sources: ["NIST-SRD-126", "ANSI-N43.17"]
  },
  tube_voltage: {
    physicalWhy: "not an X-ray tube", plausibleWhy: "screening tubes run at tens to hundreds of kilovolts",
    label: "tube voltage", unit: "kV",
    physical: {min: 1, max: 2e4}, physicalText: "1 kV to 20 MV",
    plausible: {min: 20, max: 500}, plausibleText: "20 to 500 kV",
    reason: "X-ray screening tubes run at tens to a few hundred kilovolts (ANSI-N43.17); a megavolt source is a cargo linac, not this device class",
    sources: ["ANSI-N43.17"]
  },
  scan_speed: {
    physicalWhy: "not the speed of a vehicle", plausibleWhy: "scans run at walking to town speed",
    label: "scan speed", unit: "km/h",
    physical: {min: 1e-3, max: 500}, physicalText: "1 m/h to 500 km/h",
    plausible: {min: 0.5, max: 50}, plausibleText: "0.5 to 50 km/h",
    reason: "a van drives past, or a vehicle is driven through, at walking to town speed; a scan faster than a road vehicle or slower than 1 m an hour is a unit slip",
    sources: []
  }
} as const satisfies Record<string, QuantityRange>;

export type RangeName = keyof typeof PLAUSIBLE_RANGES;

/**
 * Dates any input may carry, as ISO dates: X-rays were discovered on 1895-11-08 (nothing can have been measured
 * before, an error); mobile backscatter vans came into service in the 2000s (a date before 2000 is most likely a
 * typing slip, a warning). A date after "now" is an error in every reader (the clock, lib/io/clock.ts).
 */
export const DATE_RANGE = {
  physicalMin: "1895-11-08",
  plausibleMin: "2000-01-01",
  reason: "X-rays were discovered in November 1895, and mobile backscatter vans came into service in the 2000s"
} as const;

/** The canonical dose unit of a reading's quantity → its dose and rate rows. */
export const DOSE_RANGE = {uSv: "dose:uSv", uGy: "dose:uGy", uR: "dose:uR"} as const satisfies Record<string, RangeName>;
export const RATE_RANGE = {uSv: "rate:uSv/h", uGy: "rate:uGy/h", uR: "rate:uR/h"} as const satisfies Record<string, RangeName>;

/**
 * Which canonical value of a readings row each range applies to, for a fast path that must flag the same rows as the
 * parser (lib/readings/parse.ts). `value` names the canonical quantity: distance_m, duration_s, the dose columns in the
 * quantity's canonical unit (gross, background, mdl, uncertainty) and the mean rate gross / duration_s × 3600.
 * Dose rows depend on the reading's canonical unit (DOSE_RANGE, RATE_RANGE).
 */
export const READING_CHECKS = [
  {column: "distance", value: "distance_m", range: "distance"},
  {column: "duration", value: "duration_s", range: "duration"},
  {column: "dose", value: "gross", range: "dose"},
  {column: "background", value: "background", range: "dose"},
  {column: "mdl", value: "mdl", range: "dose"},
  {column: "uncertainty", value: "uncertainty", range: "dose"},
  {column: "dose", value: "rate_per_h", range: "rate"}
] as const;

export type Plausibility = "physical" | "plausible" | null;

/** Which range a value falls outside: "physical" (an error), "plausible" (a warning), or null when within both. */
export function outsideRange(value: number, range: QuantityRange): Plausibility {
  if (!(value >= range.physical.min && value <= range.physical.max)) return "physical";
  if (!(value >= range.plausible.min && value <= range.plausible.max)) return "plausible";
  return null;
}

/** A canonical value as messages write it: enough digits to see a slip, no more. */
function show(value: number, unit: string): string {
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/**
 * The problem a value outside a range is, or null. `written` is the value as the file wrote it (with its unit), shown
 * first so a person finds it; the canonical value follows when it differs.
 */
export function rangeProblem(value: number, name: RangeName, written: string): {severity: Problem["severity"]; message: string} | null {
  const range: QuantityRange = PLAUSIBLE_RANGES[name];
  const outside = outsideRange(value, range);
  if (outside === null) return null;
  const canonical = show(value, range.unit);
  const as = written === canonical ? written : `${written} (${canonical})`;
  if (outside === "physical") {
    return {severity: "error", message: `${as} is outside the physical range of a ${range.label}, ${range.physicalText} (${range.physicalWhy}); check the value and its unit`};
  }
  return {severity: "warning", message: `${as} is outside the plausible range of a ${range.label}, ${range.plausibleText} (${range.plausibleWhy}); check the value and its unit, or keep it if it was really measured`};
}

/**
 * Whether a unit is absurd for a field: one of it is already beyond the plausible range (a reading in Sv, Gy, rem or R
 * of a screening device's field, or MSv). `factor` takes one of the unit to the range's canonical unit.
 */
export function absurdUnitProblem(unit: string, factor: number, name: RangeName): string | null {
  const range: QuantityRange = PLAUSIBLE_RANGES[name];
  if (!(factor > range.plausible.max)) return null;
  return `"${unit}" is a unit too large for a ${range.label} of this device class (1 ${unit} = ${show(factor, range.unit)}, beyond the plausible ${range.plausibleText}); check that it is the unit the instrument reports (a prefix such as m or µ may be missing or wrong)`;
}

/** A date (YYYY-MM-DD, the first ten characters of an ISO date-time) against DATE_RANGE. */
export function dateProblem(isoDate: string): {severity: Problem["severity"]; message: string} | null {
  const day = isoDate.slice(0, 10);
  if (day < DATE_RANGE.physicalMin) {
    return {severity: "error", message: `${day} is before ${DATE_RANGE.physicalMin}: ${DATE_RANGE.reason}, so nothing was measured then; check the year`};
  }
  if (day < DATE_RANGE.plausibleMin) {
    return {severity: "warning", message: `${day} is before ${DATE_RANGE.plausibleMin}: ${DATE_RANGE.reason}; check the year`};
  }
  return null;
}
