// Resolving the unit columns of a readings file. Each distinct unit text is parsed with mathjs once and its factor to
// the canonical unit cached, so a file of millions of rows multiplies plain numbers instead of parsing units per row.
import {CANONICAL_UNIT, dimensionOf, describeDimensionName, math, normaliseUnitText, type Dimension} from "../units/index.js";
import type {Read} from "./values.js";

export interface ResolvedUnit {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get it in CANONICAL_UNIT[dimension]. */
  factor: number;
}

const cache = new Map<string, ResolvedUnit | null>();

function resolve(text: string): ResolvedUnit | null {
  const known = cache.get(text);
  if (known !== undefined) return known;
  let resolved: ResolvedUnit | null = null;
  const clean = normaliseUnitText(text);
  // Only plain unit names: mathjs would also evaluate "2 m" or "m^0", which are not units a file should carry.
  if (/^[A-Za-z][A-Za-z0-9/*^]*$/.test(clean)) {
    try {
      const unit = math.unit(clean);
      const dimension = unit.value === null ? dimensionOf(unit) : null;
      if (dimension) {
        const canonical = CANONICAL_UNIT[dimension];
        // mathjs composes prefixes in binary floating point (1 mSv → 1000.0000000000001 µSv). Every unit the
        // product knows is an exact decimal multiple of its canonical unit, so 15 significant digits recover it.
        const factor = clean === canonical ? 1 : Number(math.unit(1, clean).toNumber(canonical).toPrecision(15));
        resolved = {dimension, factor};
      }
    } catch {
      resolved = null;
    }
  }
  cache.set(text, resolved);
  return resolved;
}

const RATE_OF: Partial<Record<Dimension, Dimension>> = {
  "dose-equivalent-rate": "dose-equivalent",
  "absorbed-dose-rate": "absorbed-dose",
  "exposure-rate": "exposure"
};

/**
 * The unit text of a column, checked against the dimensions the column takes. `example` names a unit the column
 * takes ("mSv", "m", "s"), `allowed` lists the units to suggest.
 */
export function readUnit(text: string, accepted: readonly Dimension[], example: string, allowed: string): Read<ResolvedUnit> {
  const t = text.trim();
  if (t === "") return {ok: false, message: `is empty; write a unit such as ${example} (${allowed})`};
  const resolved = resolve(t);
  if (resolved === null) return {ok: false, message: `"${t}" is not a unit this product knows; write one of ${allowed} (units are case-sensitive)`};
  if (!accepted.includes(resolved.dimension)) {
    const kind = RATE_OF[resolved.dimension] && accepted.includes(RATE_OF[resolved.dimension]!) ? "a dose rate" : describeDimensionName(resolved.dimension);
    return {ok: false, message: `"${t}" is ${kind}; this column takes ${accepted.length === 1 ? describeDimensionName(accepted[0]!) : "a dose"} such as ${example}`};
  }
  return {ok: true, value: resolved};
}
