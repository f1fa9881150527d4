// Scan timing: how long a vehicle takes to pass, how far apart the sweeps fall on it, and how long the beam rests on
// each pixel.
import type {ImagingParameters} from "./parameters.js";
import {validateImagingParameters} from "./parameters.js";
import {requirePositive, requirePositiveInteger} from "./validate.js";

export interface ScanTimingInput {
  vehicleLength_m: number;
  speed_m_per_s: number;
  lineRate_Hz: number;
  pixelsPerLine: number;
}

export interface ScanTiming {
  /** Time for the whole vehicle to pass the beam: length / speed (s). */
  scanTime_s: number;
  /** Along-track distance between successive sweeps: speed / lineRate (m). */
  lineSpacing_m: number;
  /** Time the beam rests on one pixel in ONE sweep: 1 / (lineRate × pixelsPerLine) (s). Does not depend on speed. */
  dwellPerPixel_s: number;
  /** Sweeps made while the vehicle passes: scanTime × lineRate. */
  lines: number;
}

export function scanTiming(input: ScanTimingInput): ScanTiming {
  requirePositive("vehicleLength_m", input.vehicleLength_m);
  requirePositive("speed_m_per_s", input.speed_m_per_s);
  requirePositive("lineRate_Hz", input.lineRate_Hz);
  requirePositiveInteger("pixelsPerLine", input.pixelsPerLine);
  const scanTime_s = input.vehicleLength_m / input.speed_m_per_s;
  return {
    scanTime_s,
    lineSpacing_m: input.speed_m_per_s / input.lineRate_Hz,
    dwellPerPixel_s: 1 / (input.lineRate_Hz * input.pixelsPerLine),
    lines: scanTime_s * input.lineRate_Hz
  };
}

export interface PixelExposure {
  /** Beam time on a pixel in one sweep (s): 1 / (lineRate × pixelsPerLine). */
  dwellPerSweep_s: number;
  /** Along-track distance between sweeps (m). */
  lineSpacing_m: number;
  /** Sweeps falling within one pixel's along-track length, on average: pixel / lineSpacing. */
  sweepsPerPixel: number;
  /**
   * Beam time on one pixel-sized square, summed over the sweeps that fall on it (s):
   * dwellPerSweep × sweepsPerPixel = pixel / (speed × pixelsPerLine). Proportional to 1/speed.
   */
  beamTimePerPixel_s: number;
  /** Sweeps further apart than a pixel: the image cannot be built on the pixel grid along the vehicle. */
  undersampled: boolean;
}

/** The beam time each pixel of the image receives at a given speed. */
export function pixelExposure(p: ImagingParameters, speed_m_per_s: number): PixelExposure {
  validateImagingParameters(p);
  requirePositive("speed_m_per_s", speed_m_per_s);
  const dwellPerSweep_s = 1 / (p.lineRate_Hz * p.pixelsPerLine);
  const lineSpacing_m = speed_m_per_s / p.lineRate_Hz;
  const sweepsPerPixel = p.pixelSize_m / lineSpacing_m;
  return {
    dwellPerSweep_s,
    lineSpacing_m,
    sweepsPerPixel,
    beamTimePerPixel_s: p.pixelSize_m / (speed_m_per_s * p.pixelsPerLine),
    undersampled: lineSpacing_m > p.pixelSize_m
  };
}
