// Image quality against standoff. counts = N₀ · t · albedo · A/(2π d²): the pencil beam puts N₀·t photons on a pixel
// (t = beam time per pixel, see pixelExposure), a fraction `albedo` scatters back into the 2π hemisphere, and
// detectors of area A at standoff d subtend A/(2π d²) of it (far field, d² ≫ A/2π). Poisson counting: SNR = √counts.
import type {ImagingParameters} from "./parameters.js";
import {validateImagingParameters} from "./parameters.js";
import {pixelExposure} from "./timing.js";
import {requireNonNegative, requirePositive} from "./validate.js";

/** Mean photons counted per pixel from a target at `standoff_m` scanned at `speed_m_per_s`. */
export function countsPerPixel(p: ImagingParameters, standoff_m: number, speed_m_per_s: number): number {
  requirePositive("standoff_m", standoff_m);
  const {beamTimePerPixel_s} = pixelExposure(p, speed_m_per_s);
  const detectorFraction = p.detectorArea_m2 / (2 * Math.PI * standoff_m * standoff_m);
  return p.beamOutput_photons_per_s * beamTimePerPixel_s * p.albedo * detectorFraction;
}

/** Signal-to-noise ratio of a Poisson count: √counts. */
export function snr(counts: number): number {
  requireNonNegative("counts", counts);
  return Math.sqrt(counts);
}

/** SNR of one pixel at a standoff and speed. */
export function snrAt(p: ImagingParameters, standoff_m: number, speed_m_per_s: number): number {
  return snr(countsPerPixel(p, standoff_m, speed_m_per_s));
}

/** Beam spot diameter at a standoff (m): spot₀ + 2·d·tan(divergence/2). */
export function spotSize_m(p: ImagingParameters, standoff_m: number): number {
  validateImagingParameters(p);
  requireNonNegative("standoff_m", standoff_m);
  return p.spotSize0_m + 2 * standoff_m * Math.tan(p.divergence_rad / 2);
}

export type RangeLimit = "snr" | "spot" | "sampling";

export interface EffectiveRange {
  /** Largest standoff (m) at which SNR ≥ k and spot ≤ resolutionNeeded; 0 when no standoff meets both. */
  range_m: number;
  /** Which criterion sets range_m: noise ("snr"), beam spot ("spot"), or sweeps further apart than a pixel ("sampling"). */
  limitedBy: RangeLimit;
  /** Standoff where SNR falls to k: √(N₀ t a A / (2π k²)). */
  snrLimit_m: number;
  /** Standoff where the spot grows to resolutionNeeded: (res − spot₀) / (2 tan(div/2)); Infinity for a parallel beam. */
  spotLimit_m: number;
  /** Along-track sweep spacing (m); above pixelSize_m the image is undersampled at every standoff. */
  lineSpacing_m: number;
}

/**
 * Effective imaging range at a scan speed: the largest standoff where SNR ≥ roseK and the beam spot is no larger than
 * resolutionNeeded_m, both in closed form. If the sweeps fall further apart than a pixel, no standoff meets the
 * resolution along the vehicle and the range is 0, limited by "sampling".
 */
export function effectiveRange_m(p: ImagingParameters, speed_m_per_s: number): EffectiveRange {
  const exposure = pixelExposure(p, speed_m_per_s);
  const k = p.roseK;
  // counts(d) = C/d² with C = N₀ t a A/(2π); counts = k² at d = √(C)/k.
  const C = (p.beamOutput_photons_per_s * exposure.beamTimePerPixel_s * p.albedo * p.detectorArea_m2) / (2 * Math.PI);
  const snrLimit_m = Math.sqrt(C) / k;
  const growth_per_m = 2 * Math.tan(p.divergence_rad / 2);
  const margin_m = p.resolutionNeeded_m - p.spotSize0_m;
  const spotLimit_m = margin_m < 0 ? 0 : growth_per_m > 0 ? margin_m / growth_per_m : Infinity;
  let range_m: number;
  let limitedBy: RangeLimit;
  if (exposure.undersampled) {
    range_m = 0;
    limitedBy = "sampling";
  } else if (snrLimit_m <= spotLimit_m) {
    range_m = snrLimit_m;
    limitedBy = "snr";
  } else {
    range_m = spotLimit_m;
    limitedBy = "spot";
  }
  return {range_m, limitedBy, snrLimit_m, spotLimit_m, lineSpacing_m: exposure.lineSpacing_m};
}
