// Image quality against standoff: photons counted per pixel, signal-to-noise and beam spot size, and the effective
// range that follows. counts = N₀ · t_dwell · albedo · A/(2π d²): the pencil beam delivers N₀·t_dwell photons to one
// pixel, a fraction `albedo` scatters back into the 2π hemisphere, and detectors of area A at distance d subtend
// A/(2π d²) of it. Poisson counting gives SNR = √counts.
import type {ImagingParameters} from "./parameters.js";

export function countsPerPixel(params: ImagingParameters, standoff_m: number, dwell_s: number): number {
  if (!(standoff_m > 0)) throw new Error(`standoff_m must be > 0, got ${standoff_m}`);
  if (!(dwell_s >= 0)) throw new Error(`dwell_s must be ≥ 0, got ${dwell_s}`);
  const solidAngleFraction = params.detectorArea_m2 / (2 * Math.PI * standoff_m * standoff_m);
  return params.sourceOutput_photons_per_s * dwell_s * params.albedo * solidAngleFraction;
}

/** Signal-to-noise of a Poisson count. */
export function snr(counts: number): number {
  return Math.sqrt(counts);
}

/** Beam spot diameter (m) at a standoff: the spot at the device plus the growth from the beam's divergence. */
export function spotSize_m(params: ImagingParameters, standoff_m: number): number {
  return params.spotSize0_m + standoff_m * params.divergence_rad;
}

export interface EffectiveRange {
  /** Largest standoff (m) at which SNR ≥ k and the spot is no larger than the needed resolution. */
  range_m: number;
  /** Where SNR falls to k: √(N₀ t a A / (2π k²)). */
  snrLimited_m: number;
  /** Where the spot grows to the pixel size: (pixel − spot₀)/divergence; Infinity for a parallel beam. */
  spotLimited_m: number;
  limitedBy: "snr" | "spot";
}

/** Effective imaging range for a dwell time per pixel (closed form of both conditions). */
export function effectiveRange_m(params: ImagingParameters, dwell_s: number): EffectiveRange {
  const k = params.roseK;
  const snrLimited_m = Math.sqrt(
    (params.sourceOutput_photons_per_s * dwell_s * params.albedo * params.detectorArea_m2) / (2 * Math.PI * k * k)
  );
  const spotLimited_m =
    params.divergence_rad > 0 ? Math.max(0, (params.pixelSize_m - params.spotSize0_m) / params.divergence_rad) : params.pixelSize_m >= params.spotSize0_m ? Infinity : 0;
  return {
    range_m: Math.min(snrLimited_m, spotLimited_m),
    snrLimited_m,
    spotLimited_m,
    limitedBy: snrLimited_m <= spotLimited_m ? "snr" : "spot"
  };
}
