// Per-scan dose at other speeds and standoffs, scaled from one stated reference figure. The time any point spends in
// the swept beam goes as 1/speed; the beam's fluence falls as 1/standoff^n. The default is n = 1, what the geometry of
// a pencil beam swept through a fixed angle gives (docs/imaging.md): beyond the reference standoff it gives the higher,
// conservative dose, where the inverse square law (n = 2, shown beside it) would give a lower one.
import {requirePositive} from "./validate.js";

export interface DoseReference {
  /** The reference dose per scan (µSv). */
  dose_uSv: number;
  /** "upper" when the source gives only a bound ("< 0.1 µSv"): every scaled value is then an upper figure too. */
  bound: "upper" | "estimate";
  /** Scan speed at which the reference dose holds (m/s). */
  speed_m_per_s: number;
  /** Scan distance at which the reference dose holds (m). */
  standoff_m: number;
  /** The figure as the source states it. */
  statedAs: string;
  source: string;
  /** Evidence grade of the source read (A primary, B reliable secondary, C weak: docs/sources.md, "Grades"). */
  grade: "A" | "B" | "C";
}

/** The manufacturer's figure: < 0.1 µSv per scan at an average 5 km/h and 1.5 m [ASE-2015]. */
export const MANUFACTURER_DOSE_REFERENCE: Readonly<DoseReference> = Object.freeze({
  dose_uSv: 0.1,
  bound: "upper",
  speed_m_per_s: 5 / 3.6,
  standoff_m: 1.5,
  statedAs: "< 0.1 µSv per scan to cargo or an occupant at an average 5 km/h and a scan distance of 1.5 m",
  source: "Manufacturer's statement (AS&E Z Backscatter Van class), quoted second-hand in 2015 [ASE-2015]",
  grade: "C"
});

/** The default exponent: a swept pencil beam's time-averaged fluence falls as 1/standoff. */
export const SWEPT_BEAM_EXPONENT = 1;
/** The inverse square law, shown beside the default. */
export const INVERSE_SQUARE_EXPONENT = 2;

export const DISTANCE_EXPONENT_CHOICE =
  "the dose is scaled as 1/standoff, what a pencil beam swept through a fixed angle gives (fluence ≈ N₀/(θ·d·v)); the inverse square law, shown beside it, gives less beyond the reference standoff and more inside it";

export interface DoseScalingOptions {
  /** Exponent n of the standoff scaling (reference standoff / standoff)^n; default 1 (a swept pencil beam). */
  distanceExponent?: number;
}

/**
 * Dose per scan (µSv) to a person in the beam: reference × (reference speed / speed) × (reference standoff / standoff)^n.
 * When `reference.bound` is "upper" the result is an upper figure ("<"), not an estimate.
 */
export function perScanDose_uSv(
  scan: {speed_m_per_s: number; standoff_m: number},
  reference: DoseReference = MANUFACTURER_DOSE_REFERENCE,
  options: DoseScalingOptions = {}
): number {
  requirePositive("speed_m_per_s", scan.speed_m_per_s);
  requirePositive("standoff_m", scan.standoff_m);
  requirePositive("reference.dose_uSv", reference.dose_uSv);
  requirePositive("reference.speed_m_per_s", reference.speed_m_per_s);
  requirePositive("reference.standoff_m", reference.standoff_m);
  const n = options.distanceExponent ?? SWEPT_BEAM_EXPONENT;
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`distanceExponent must be a finite number ≥ 0, got ${n}`);
  return (
    reference.dose_uSv * (reference.speed_m_per_s / scan.speed_m_per_s) * Math.pow(reference.standoff_m / scan.standoff_m, n)
  );
}

/** The per-scan dose with the default exponent (1/d) and, beside it, the inverse square law (1/d²), with the choice stated. */
export function perScanDoseBoth(scan: {speed_m_per_s: number; standoff_m: number}, reference: DoseReference = MANUFACTURER_DOSE_REFERENCE): {
  dose_uSv: number; inverseSquare_uSv: number; exponent: number; choice: string;
} {
  return {
    dose_uSv: perScanDose_uSv(scan, reference, {distanceExponent: SWEPT_BEAM_EXPONENT}),
    inverseSquare_uSv: perScanDose_uSv(scan, reference, {distanceExponent: INVERSE_SQUARE_EXPONENT}),
    exponent: SWEPT_BEAM_EXPONENT,
    choice: DISTANCE_EXPONENT_CHOICE
  };
}
