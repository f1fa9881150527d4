// One mathjs instance for the whole product, extended once with the radiation units.
//
// Sievert, gray and roentgen are created as *separate* dimensions on purpose: Sv and Gy are both J/kg in SI,
// but converting an air kerma into a dose equivalent is a physics step with an energy-dependent coefficient
// (lib/physics), never a unit conversion. Keeping them apart makes mathjs refuse `to(unit(1, "Gy"), "Sv")`.
import {create, createUnitDependencies, unitDependencies, type Unit} from "mathjs";

// Only the unit functions: the product uses mathjs for units alone, and the rest of mathjs would be loaded (about
// 1 MB of code) by every command and page that converts a unit. mathjs types the dependency maps as possibly
// undefined; they are always defined at run time.
export const math = create({createUnitDependencies: createUnitDependencies!, unitDependencies: unitDependencies!}, {number: "number"});

math.createUnit("Sv", {prefixes: "short", aliases: ["sievert", "sieverts"]});
// 1 rem = 0.01 Sv (10 CFR 20.1004) [10CFR20].
math.createUnit("rem", {definition: "0.01 Sv", prefixes: "short"});
math.createUnit("Gy", {prefixes: "short", aliases: ["gray"]});
// 1 R = 2.58e-4 C/kg of air, the definition of the roentgen [NIST-SP-811].
math.createUnit("R", {definition: "2.58e-4 C/kg", prefixes: "short", aliases: ["roentgen"]});
// The rad is the absorbed-dose unit, 1 rad = 100 erg/g = 0.01 Gy (10 CFR 20.1004) [10CFR20], still written on US survey
// records as rad and mrad. mathjs ships `rad` as the radian; the product measures no angles with mathjs (angles are
// plain degrees), so the radian is replaced here, once, and every place that reads a unit reads rad as a dose.
math.createUnit("rad", {definition: "0.01 Gy", prefixes: "short"}, {override: true});

export type {Unit};

/** The kinds of physical dimension the product reads and writes. */
export type Dimension =
  | "length"
  | "time"
  | "dose-equivalent" // Sv, rem: H*(10), Hp(10), effective dose
  | "absorbed-dose" // Gy: air kerma
  | "exposure" // R (C/kg)
  | "dose-equivalent-rate"
  | "absorbed-dose-rate"
  | "exposure-rate"
  | "energy";

/** The canonical unit of each dimension: inside the product numbers are carried in these units only. */
export const CANONICAL_UNIT: Record<Dimension, string> = {
  length: "m",
  time: "s",
  "dose-equivalent": "uSv",
  "absorbed-dose": "uGy",
  exposure: "uR",
  "dose-equivalent-rate": "uSv/h",
  "absorbed-dose-rate": "uGy/h",
  "exposure-rate": "uR/h",
  energy: "keV"
};

/** A unit text as people write it, made parseable: both micro signs (U+00B5, U+03BC) become `u`. */
export function normaliseUnitText(text: string): string {
  return text.trim().replace(/[\u00b5\u03bc]/g, "u");
}

const REFERENCE: Record<Dimension, Unit> = Object.fromEntries(
  (Object.keys(CANONICAL_UNIT) as Dimension[]).map((d) => [d, math.unit(1, CANONICAL_UNIT[d])])
) as Record<Dimension, Unit>;

/** The dimension of a unit, or null when it is none the product knows. */
export function dimensionOf(unit: Unit): Dimension | null {
  for (const d of Object.keys(REFERENCE) as Dimension[]) {
    if (unit.equalBase(REFERENCE[d])) return d;
  }
  return null;
}

export class UnitError extends Error {
  override name = "UnitError";
}

/** Units people write, for "did you mean" when a unit is written in the wrong case (`mREM`, `USV/H`). */
const DOSES = ["Sv", "mSv", "uSv", "nSv", "rem", "mrem", "urem", "Gy", "mGy", "uGy", "nGy", "rad", "mrad", "urad", "R", "mR", "uR"];
const SPELLINGS = [...DOSES, ...DOSES.flatMap((d) => [`${d}/h`, `${d}/min`, `${d}/s`]), "m", "cm", "mm", "km", "ft", "in", "s", "min", "h", "keV", "MeV", "kV", "mA"];

/** The known spelling of a unit written in the wrong case, keeping the micro sign as written; null when none. */
export function caseSuggestion(text: string): string | null {
  const clean = normaliseUnitText(text);
  const match = SPELLINGS.find((s) => s.toLowerCase() === clean.toLowerCase() && s !== clean);
  if (!match) return null;
  const micro = /[\u00b5\u03bc]/.exec(text)?.[0];
  return micro && match.startsWith("u") ? micro + match.slice(1) : match;
}

/** Parse a unit name such as `mrem`, `µSv`, `ft`. Throws UnitError with a readable message. */
export function parseUnit(text: string): Unit {
  const clean = normaliseUnitText(text);
  if (clean === "") throw new UnitError("no unit given");
  let unit: Unit;
  try {
    unit = math.unit(clean);
  } catch {
    const suggestion = caseSuggestion(text);
    throw new UnitError(`"${text}" is not a unit this product knows${suggestion ? `: did you mean "${suggestion}"? (units are case-sensitive)` : ""}`);
  }
  if (unit.value !== null) throw new UnitError(`"${text}" is a quantity, not a unit`);
  return unit;
}

/** Parse a quantity written as `0.016 mrem`, `10 ft`, `1 h`, `60keV`. Throws UnitError. */
export function parseQuantity(text: string): Unit {
  const clean = normaliseUnitText(text);
  const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z][A-Za-z0-9/*^ ]*)$/.exec(clean);
  if (!match) throw new UnitError(`"${text}" is not a number followed by a unit, such as "10 ft" or "0.016 mrem"`);
  const value = Number(match[1]);
  if (!Number.isFinite(value)) throw new UnitError(`"${text}" has a number that is not finite`);
  const unit = parseUnit(match[2]!);
  return math.unit(value, unit.formatUnits());
}

/** Express a quantity as a plain number in `target` (e.g. "m", "uSv"). Throws UnitError on a dimension mismatch. */
/**
 * mathjs multiplies prefixes and unit factors in binary floating point, so 1 mSv comes out as 1000.0000000000001 µSv
 * and 60 keV as 59.99999999999999 keV (which then misses a tabulated 60 keV entry). Every conversion result is
 * rounded to 15 significant digits, the precision a double carries reliably, so exact inputs give exact outputs.
 */
function clean(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value;
}

export function toNumber(quantity: Unit, target: string): number {
  const targetUnit = parseUnit(target);
  if (!quantity.equalBase(targetUnit)) {
    throw new UnitError(
      `cannot express ${quantity.toString()} in ${target}: ${describeDimension(quantity)} is not ${describeDimension(targetUnit)}`
    );
  }
  return clean(quantity.toNumber(normaliseUnitText(target)));
}

/** A quantity as a plain number in the canonical unit of the expected dimension. Throws UnitError otherwise. */
export function toCanonical(quantity: Unit, expected: Dimension): number {
  const actual = dimensionOf(quantity);
  if (actual !== expected) {
    throw new UnitError(`${quantity.toString()} is ${describeDimension(quantity)}; ${describeDimensionName(expected)} was expected`);
  }
  return clean(quantity.toNumber(CANONICAL_UNIT[expected]));
}

/** Convert a plain number between two units of the same dimension (`convert(16, "urem", "uSv") === 0.16`). */
export function convert(value: number, from: string, to: string): number {
  return toNumber(math.unit(value, normaliseUnitText(from)), to);
}

const DIMENSION_NAMES: Record<Dimension, string> = {
  length: "a length",
  time: "a duration",
  "dose-equivalent": "a dose (Sv or rem)",
  "absorbed-dose": "an absorbed dose or air kerma (Gy)",
  exposure: "an exposure (R)",
  "dose-equivalent-rate": "a dose rate (Sv or rem per time)",
  "absorbed-dose-rate": "an air-kerma rate (Gy per time)",
  "exposure-rate": "an exposure rate (R per time)",
  energy: "an energy"
};

export function describeDimensionName(d: Dimension): string {
  return DIMENSION_NAMES[d];
}

function describeDimension(unit: Unit): string {
  const d = dimensionOf(unit);
  return d ? DIMENSION_NAMES[d] : `a quantity in ${unit.formatUnits()}`;
}
