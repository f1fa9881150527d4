// The speed trade-off: slower scans give each pixel more photons (better SNR, longer range) and each person more dose.
import {INVERSE_SQUARE_EXPONENT, MANUFACTURER_DOSE_REFERENCE, perScanDose_uSv, type DoseReference} from "./dose.js";
import {countsPerPixel, effectiveRange_m, snr, type RangeLimit} from "./model.js";
import type {ImagingParameters} from "./parameters.js";
import {pixelExposure} from "./timing.js";
import {requirePositive} from "./validate.js";

export interface TradeoffRow {
  speed_m_per_s: number;
  /** Beam time on a pixel in one sweep (s); independent of speed. */
  dwellPerSweep_s: number;
  /** Beam time on a pixel summed over the sweeps that fall on it (s); ∝ 1/speed. */
  beamTimePerPixel_s: number;
  lineSpacing_m: number;
  /** Dose per scan at `standoff_m` (µSv), scaled from the reference as 1/standoff (a swept pencil beam). */
  perScanDose_uSv: number;
  /** The same scaled by the inverse square law, shown beside it. */
  perScanDoseInverseSquare_uSv: number;
  /** "upper" when the reference is only a bound: read the dose as "< value". */
  doseBound: DoseReference["bound"];
  /** Mean counts per pixel at `standoff_m`. */
  counts: number;
  /** SNR of a pixel at `standoff_m`. */
  snr: number;
  effectiveRange_m: number;
  limitedBy: RangeLimit;
}

/** One row per speed: dwell, per-scan dose and SNR at the given standoff, and the effective range. */
export function tradeoff(
  p: ImagingParameters,
  speeds_m_per_s: readonly number[],
  standoff_m: number,
  reference: DoseReference = MANUFACTURER_DOSE_REFERENCE
): TradeoffRow[] {
  requirePositive("standoff_m", standoff_m);
  return speeds_m_per_s.map((speed_m_per_s) => {
    const exposure = pixelExposure(p, speed_m_per_s);
    const counts = countsPerPixel(p, standoff_m, speed_m_per_s);
    const range = effectiveRange_m(p, speed_m_per_s);
    return {
      speed_m_per_s,
      dwellPerSweep_s: exposure.dwellPerSweep_s,
      beamTimePerPixel_s: exposure.beamTimePerPixel_s,
      lineSpacing_m: exposure.lineSpacing_m,
      perScanDose_uSv: perScanDose_uSv({speed_m_per_s, standoff_m}, reference),
      perScanDoseInverseSquare_uSv: perScanDose_uSv({speed_m_per_s, standoff_m}, reference, {distanceExponent: INVERSE_SQUARE_EXPONENT}),
      doseBound: reference.bound,
      counts,
      snr: snr(counts),
      effectiveRange_m: range.range_m,
      limitedBy: range.limitedBy
    };
  });
}
