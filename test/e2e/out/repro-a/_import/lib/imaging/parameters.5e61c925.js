import { requireNonNegative, requirePositive, requirePositiveInteger } from "./validate.9d3a8803.js";
export const DEFAULT_IMAGING_PARAMETERS = Object.freeze({
  beamOutput_photons_per_s: 1e10,
  albedo: 0.01,
  detectorArea_m2: 1,
  pixelSize_m: 0.01,
  spotSize0_m: 5e-3,
  divergence_rad: 5e-3,
  lineRate_Hz: 300,
  pixelsPerLine: 300,
  roseK: 5,
  resolutionNeeded_m: 0.02
});
export const IMAGING_PARAMETER_BASIS = Object.freeze({
  beamOutput_photons_per_s: "Illustrative, not manufacturer data. Order-of-magnitude check only: with the default sweep it puts about 2.4e5 photons on each 1 cm\xB2 pixel at 5 km/h, an air kerma of about 0.07 \xB5Gy at 60 keV (\u03BCen/\u03C1 of air 0.03041 cm\xB2/g, NIST, standards.md), the same order as the manufacturer's '< 0.1 \xB5Sv per scan' (grade C; its quantity is not stated, and as H*(10), \xD71.74 at 60 keV, it would be about 0.12 \xB5Sv). Right order of magnitude, no more.",
  albedo: "Illustrative: 1 % of incident photons scattered back towards the van, a guess for low-Z contents behind a thin steel skin crossed twice; no measured value for this device class was found.",
  detectorArea_m2: "Illustrative: about 1 m\xB2 of detector panels on the side of a van.",
  pixelSize_m: "Illustrative: a 1 cm image grid.",
  spotSize0_m: "Illustrative: a 5 mm collimator aperture (chopper-wheel pinhole).",
  divergence_rad: "Illustrative: 5 mrad full angle; the spot grows by 5 mm per metre of standoff.",
  lineRate_Hz: "Illustrative: 300 sweeps/s keeps line spacing at or under the 1 cm pixel up to 3 m/s (10.8 km/h), so the 5 km/h reference speed is fully sampled.",
  pixelsPerLine: "Illustrative: a 3 m tall sweep at the 1 cm pixel.",
  roseK: "Rose criterion k = 5 (A. Rose, J. Opt. Soc. Am. 38, 196 (1948)), the usual threshold for detecting a feature in noise.",
  resolutionNeeded_m: "Illustrative: resolve a 2 cm feature, two pixels across."
});
export function validateImagingParameters(p) {
  requirePositive("beamOutput_photons_per_s", p.beamOutput_photons_per_s);
  requirePositive("albedo", p.albedo);
  if (p.albedo > 1) throw new RangeError(`albedo must be \u2264 1 (a fraction), got ${p.albedo}`);
  requirePositive("detectorArea_m2", p.detectorArea_m2);
  requirePositive("pixelSize_m", p.pixelSize_m);
  requireNonNegative("spotSize0_m", p.spotSize0_m);
  requireNonNegative("divergence_rad", p.divergence_rad);
  if (p.divergence_rad >= Math.PI) throw new RangeError(`divergence_rad must be < \u03C0, got ${p.divergence_rad}`);
  requirePositive("lineRate_Hz", p.lineRate_Hz);
  requirePositiveInteger("pixelsPerLine", p.pixelsPerLine);
  requirePositive("roseK", p.roseK);
  requirePositive("resolutionNeeded_m", p.resolutionNeeded_m);
}
