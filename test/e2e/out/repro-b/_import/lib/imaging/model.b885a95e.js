import { validateImagingParameters } from "./parameters.5e61c925.js";
import { pixelExposure } from "./timing.2d711c50.js";
import { requireNonNegative, requirePositive } from "./validate.9d3a8803.js";
export function countsPerPixel(p, standoff_m, speed_m_per_s) {
  requirePositive("standoff_m", standoff_m);
  const { beamTimePerPixel_s } = pixelExposure(p, speed_m_per_s);
  const detectorFraction = p.detectorArea_m2 / (2 * Math.PI * standoff_m * standoff_m);
  return p.beamOutput_photons_per_s * beamTimePerPixel_s * p.albedo * detectorFraction;
}
export function snr(counts) {
  requireNonNegative("counts", counts);
  return Math.sqrt(counts);
}
export function snrAt(p, standoff_m, speed_m_per_s) {
  return snr(countsPerPixel(p, standoff_m, speed_m_per_s));
}
export function spotSize_m(p, standoff_m) {
  validateImagingParameters(p);
  requireNonNegative("standoff_m", standoff_m);
  return p.spotSize0_m + 2 * standoff_m * Math.tan(p.divergence_rad / 2);
}
export function effectiveRange_m(p, speed_m_per_s) {
  const exposure = pixelExposure(p, speed_m_per_s);
  const k = p.roseK;
  const C = p.beamOutput_photons_per_s * exposure.beamTimePerPixel_s * p.albedo * p.detectorArea_m2 / (2 * Math.PI);
  const snrLimit_m = Math.sqrt(C) / k;
  const growth_per_m = 2 * Math.tan(p.divergence_rad / 2);
  const margin_m = p.resolutionNeeded_m - p.spotSize0_m;
  const spotLimit_m = margin_m < 0 ? 0 : growth_per_m > 0 ? margin_m / growth_per_m : Infinity;
  let range_m;
  let limitedBy;
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
  return { range_m, limitedBy, snrLimit_m, spotLimit_m, lineSpacing_m: exposure.lineSpacing_m };
}
