// Numbers at the command line, read one way for every command: decimal only (no 0x10, no Infinity), within the range
// the quantity may physically take (lib/plausibility.ts), and a result that stays a finite number. Anything else is a
// usage error (exit 2) naming the option and the allowed range, never a stack trace, "Infinity" or "n/a" with exit 0.
import {UsageError} from "./command.js";
import {outsideRange, PLAUSIBLE_RANGES, type QuantityRange, type RangeName} from "../lib/plausibility.js";
import {readNumber} from "../lib/readings/values.js";
import {parseQuantity, toCanonical, type Dimension} from "../lib/units/index.js";

/** The range an option of each dimension may take: the physical ranges of the inputs. */
const RANGE_OF: Partial<Record<Dimension, RangeName>> = {
  length: "distance",
  time: "duration",
  "dose-equivalent": "dose:uSv",
  "absorbed-dose": "dose:uGy",
  exposure: "dose:uR",
  "dose-equivalent-rate": "rate:uSv/h",
  "absorbed-dose-rate": "rate:uGy/h",
  "exposure-rate": "rate:uR/h",
  energy: "photon_energy"
};

/** A quantity option ("10 ft", "1 h", "2 mrem") in the canonical unit of its dimension, positive and within range. */
export function rangedQuantity(option: string, text: string, dimension: Dimension): number {
  const value = toCanonical(parseQuantity(text), dimension);
  if (!(value > 0)) throw new UsageError(`--${option} "${text}" must be positive`);
  const name = RANGE_OF[dimension];
  if (name !== undefined) {
    const range: QuantityRange = PLAUSIBLE_RANGES[name];
    if (outsideRange(value, range) === "physical") {
      throw new UsageError(`--${option} "${text}" is outside the range a ${range.label} may take, ${range.physicalText.replace(/^0 to/, "above 0 to")}`);
    }
  }
  return value;
}

/** A whole number option (--scans): decimal digits only, from `min` to `max`. */
export function countOption(option: string, text: string, min: number, max: number): number {
  const read = readNumber(text);
  if (!read.ok || !Number.isSafeInteger(read.value) || !/^\s*\+?\d+\s*$/.test(text)) {
    throw new UsageError(`--${option} "${text}" must be a whole number written in decimal digits, ${min} to ${max}`);
  }
  if (read.value < min || read.value > max) throw new UsageError(`--${option} "${text}" must be from ${min} to ${max}`);
  return read.value;
}

/** A plain decimal number option (--angle 45) within [min, max). */
export function decimalOption(option: string, text: string, min: number, maxExclusive: number, what: string): number {
  const read = readNumber(text);
  if (!read.ok || !(read.value >= min && read.value < maxExclusive)) throw new UsageError(`--${option} "${text}" must be ${what}, a decimal number from ${min} to below ${maxExclusive}`);
  return read.value;
}

/** A computed result that must stay a finite, non-zero number when its input was: else the option asked too much. */
export function finiteResult(option: string, text: string, value: number, inputNonZero: boolean): number {
  if (!Number.isFinite(value) || (inputNonZero && value === 0)) {
    throw new UsageError(`${option} "${text}": the result ${Number.isFinite(value) ? "underflows to 0" : "overflows"} in double precision (about 1e-308 to 1e308); give a value a dosimeter could read`);
  }
  return value;
}
