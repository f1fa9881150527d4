// Resolving the unit columns of a readings file: the one table of what a readings file may write in `distance_unit`,
// `duration_unit` and `dose_unit`, and the factor that takes a value to the canonical unit. Every reader of readings
// files (the CSV parser here, a database fast path) resolves each distinct unit text here, once, and then multiplies
// plain numbers: a file of millions of rows never parses a unit per row.
//
// The canonical value of a cell is
//   distance:  value × factor                                   (m)
//   duration:  value × factor                                   (s)
//   dose:      value × factor × (rate ? duration_s / 3600 : 1)  (µSv, µGy or µR, by `dimension`)
// A dose written as a rate (µSv/h, mrem/h, mR/h, µGy/h) is the mean rate over the reading's duration, so the dose is
// the rate times the duration (doseFactor below). `uncertainty`, `background` and `mdl` are in the unit of `dose`
// and take the same factor.
import {CANONICAL_UNIT, caseSuggestion, dimensionOf, describeDimensionName, math, normaliseUnitText, type Dimension} from "../units/index.js";
import type {Read} from "./values.js";

export type UnitColumn = "distance_unit" | "duration_unit" | "dose_unit";

export interface ResolvedUnit {
  /** The dimension of the canonical value: length, time, or the dose dimension (for a rate too). */
  dimension: Dimension;
  /** Multiply by `factor` to get CANONICAL_UNIT[dimension]; for a rate, the canonical unit per hour (µSv/h). */
  factor: number;
  /** dose_unit only: the unit is a dose rate, and the value is the mean rate over the reading's duration. */
  rate: boolean;
}

/** The dose dimensions a dose_unit can have, and the rate dimension that goes with each. */
const DOSE_OF_RATE: Partial<Record<Dimension, Dimension>> = {
  "dose-equivalent-rate": "dose-equivalent",
  "absorbed-dose-rate": "absorbed-dose",
  "exposure-rate": "exposure"
};

/**
 * The dose units a readings file may use and their prefixes. mathjs would also read `MSv` (megasievert) or `kR`,
 * which nobody records: a wrong-case `MSv` for `mSv` would be a billion-fold error, so only these are taken.
 * `rad` is the absorbed-dose unit (1 rad = 0.01 Gy; lib/units), never the radian.
 */
const DOSE_PREFIXES: Record<string, readonly string[]> = {
  Sv: ["", "m", "u", "n"],
  rem: ["", "m", "u"],
  Gy: ["", "m", "u", "n"],
  rad: ["", "m", "u"],
  R: ["", "m", "u"]
};
const COLUMN: Record<UnitColumn, {accepted: Dimension[]; example: string; listed: string[]}> = {
  distance_unit: {accepted: ["length"], example: "m", listed: ["m", "cm", "mm", "ft", "in"]},
  duration_unit: {accepted: ["time"], example: "s", listed: ["s", "min", "h"]},
  dose_unit: {
    accepted: ["dose-equivalent", "absorbed-dose", "exposure", "dose-equivalent-rate", "absorbed-dose-rate", "exposure-rate"],
    example: "mSv",
    listed: Object.entries(DOSE_PREFIXES).flatMap(([base, prefixes]) => prefixes.map((p) => p + base))
  }
};

/** The units a column lists in its messages, as people write them (µ for micro). */
export function listedUnits(column: UnitColumn): string {
  const units = COLUMN[column].listed.map((u) => u.replace(/^u/, "µ"));
  return column === "dose_unit" ? `${units.join(", ")}, or a rate of one of them per hour (µSv/h, mrem/h, mR/h, µGy/h)` : units.join(", ");
}

type UnitParts = {unit: {name: string}; prefix: {name: string}; power: number}[];

/** The plain-name structure of a dose unit mathjs read: a whitelisted dose, optionally per an unprefixed time. */
function wellFormedDose(parts: UnitParts): boolean {
  const [dose, per, ...rest] = parts;
  if (!dose || rest.length > 0 || dose.power !== 1 || !DOSE_PREFIXES[dose.unit.name]?.includes(dose.prefix.name)) return false;
  return per === undefined || (per.power === -1 && per.prefix.name === "" && dimensionOf(math.unit(1, per.unit.name)) === "time");
}

const cache = new Map<string, Read<ResolvedUnit>>();

function resolveUncached(column: UnitColumn, t: string): Read<ResolvedUnit> {
  const {accepted, example} = COLUMN[column];
  const allowed = listedUnits(column);
  if (t === "") return {ok: false, message: `is empty; write a unit such as ${example} (${allowed})`};
  const clean = normaliseUnitText(t);
  // A known unit in the wrong case ("mREM"), offered only when it is right for this column.
  const near = caseSuggestion(t);
  const suggestion = near !== null && resolveUncached(column, near).ok ? near : null;
  const unknown = (): Read<ResolvedUnit> => ({
    ok: false,
    message: suggestion
      ? `"${t}" is not a unit this product knows: did you mean "${suggestion}"? (units are case-sensitive)`
      : `"${t}" is not a unit this product knows; write one of ${allowed} (units are case-sensitive)`
  });
  // Only plain unit names: mathjs would also evaluate "2 m" or "m^0", which are not units a file should carry.
  if (!/^[A-Za-z][A-Za-z0-9/*^]*$/.test(clean)) return unknown();
  let unit;
  try {
    unit = math.unit(clean);
  } catch {
    return unknown();
  }
  const dimension = unit.value === null ? dimensionOf(unit) : null;
  if (dimension === null) return unknown();
  if (!accepted.includes(dimension)) {
    const what = describeDimensionName(dimension);
    return {ok: false, message: `"${t}" is ${what}; this column takes ${accepted.length === 1 ? describeDimensionName(accepted[0]!) : "a dose or a dose rate"} such as ${example}`};
  }
  if (column === "dose_unit" && !wellFormedDose(unit.units as unknown as UnitParts)) {
    return {ok: false, message: `"${t}" is not a dose unit readings are written in${suggestion ? `: did you mean "${suggestion}"? (units are case-sensitive)` : `; write one of ${allowed}`}`};
  }
  const rate = DOSE_OF_RATE[dimension] !== undefined;
  const canonical = CANONICAL_UNIT[dimension];
  // mathjs composes prefixes in binary floating point (1 mSv → 1000.0000000000001 µSv). Every unit the product
  // knows is an exact decimal multiple of its canonical unit, so 15 significant digits recover it.
  const factor = clean === canonical ? 1 : Number(math.unit(1, clean).toNumber(canonical).toPrecision(15));
  return {ok: true, value: {dimension: DOSE_OF_RATE[dimension] ?? dimension, factor, rate}};
}

/** The unit text of a column, resolved once per distinct text; a message saying what to write when it is refused. */
export function resolveUnit(column: UnitColumn, text: string): Read<ResolvedUnit> {
  const key = `${column}\u0000${text}`;
  let resolved = cache.get(key);
  if (resolved === undefined) {
    resolved = resolveUncached(column, text.trim());
    cache.set(key, resolved);
  }
  return resolved;
}

/** What to multiply a `dose` (and its uncertainty, background, MDL) by for the canonical dose of a reading. */
export function doseFactor(unit: ResolvedUnit, duration_s: number): number {
  return unit.rate ? (unit.factor * duration_s) / 3600 : unit.factor;
}
