// Parameters of the backscatter imaging model, with a stated basis for each default. They are ILLUSTRATIVE AND
// TUNABLE, not manufacturer data: no public source gives the van's beam output, detector area, collimation or sweep
// rate. They were chosen so that the effective range comes out at a few metres near the manufacturer's 5 km/h (the
// policy: "a limited effective use range. Anything outside of that range will either appear as blurry or not
// viewable"), with both limits (noise and beam spot) within reach. Show them as inputs on a page, not as facts.
import {requireNonNegative, requirePositive, requirePositiveInteger} from "./validate.js";

export interface ImagingParameters {
  /** Photons per second emitted into the pencil beam. */
  beamOutput_photons_per_s: number;
  /** Backscatter albedo: fraction of the photons striking the target that scatter back into the hemisphere facing the van (0–1]. */
  albedo: number;
  /** Total area of the backscatter detectors (m²). */
  detectorArea_m2: number;
  /** Pixel size on the target (m): the image grid, both across the sweep and along the vehicle. */
  pixelSize_m: number;
  /** Beam spot diameter where the beam leaves the collimator (m). */
  spotSize0_m: number;
  /** Full divergence angle of the pencil beam (rad). */
  divergence_rad: number;
  /** Sweeps (image lines) per second. */
  lineRate_Hz: number;
  /** Pixels in one sweep (one image line). */
  pixelsPerLine: number;
  /** Rose criterion: a feature is taken as visible when SNR ≥ k. */
  roseK: number;
  /** Resolution the image needs (m): the largest beam spot allowed. */
  resolutionNeeded_m: number;
}

export const DEFAULT_IMAGING_PARAMETERS: Readonly<ImagingParameters> = Object.freeze({
  beamOutput_photons_per_s: 1e10,
  albedo: 0.01,
  detectorArea_m2: 1,
  pixelSize_m: 0.01,
  spotSize0_m: 0.005,
  divergence_rad: 0.005,
  lineRate_Hz: 300,
  pixelsPerLine: 300,
  roseK: 5,
  resolutionNeeded_m: 0.02
});

/** Why each default has its value. Only roseK rests on a published convention; the rest are illustrative. */
export const IMAGING_PARAMETER_BASIS: Readonly<Record<keyof ImagingParameters, string>> = Object.freeze({
  beamOutput_photons_per_s:
    "Illustrative, not manufacturer data. Order-of-magnitude check only: with the default sweep it puts about 2.4e5 photons " +
    "on each 1 cm² pixel at 5 km/h, an air kerma of about 0.07 µGy at 60 keV (μen/ρ of air 0.03041 cm²/g, NIST [NIST-SRD-126]), " +
    "the same order as the manufacturer's '< 0.1 µSv per scan' (grade C [ASE-2015]; its quantity is not stated, and as H*(10), " +
    "×1.74 at 60 keV [ICRP-74], it would be about 0.12 µSv). Right order of magnitude, no more.",
  albedo:
    "Illustrative: 1 % of incident photons scattered back towards the van, a guess for low-Z contents behind a thin steel skin " +
    "crossed twice; no measured value for this device class was found.",
  detectorArea_m2: "Illustrative: about 1 m² of detector panels on the side of a van.",
  pixelSize_m: "Illustrative: a 1 cm image grid.",
  spotSize0_m: "Illustrative: a 5 mm collimator aperture (chopper-wheel pinhole).",
  divergence_rad: "Illustrative: 5 mrad full angle; the spot grows by 5 mm per metre of standoff.",
  lineRate_Hz:
    "Illustrative: 300 sweeps/s keeps line spacing at or under the 1 cm pixel up to 3 m/s (10.8 km/h), so the 5 km/h reference speed is fully sampled.",
  pixelsPerLine: "Illustrative: a 3 m tall sweep at the 1 cm pixel.",
  roseK: "Rose criterion k = 5 (A. Rose, J. Opt. Soc. Am. 38, 196 (1948)), the usual threshold for detecting a feature in noise.",
  resolutionNeeded_m: "Illustrative: resolve a 2 cm feature, two pixels across."
});

/** Throws a RangeError naming the first parameter that is not a usable number. */
export function validateImagingParameters(p: ImagingParameters): void {
  requirePositive("beamOutput_photons_per_s", p.beamOutput_photons_per_s);
  requirePositive("albedo", p.albedo);
  if (p.albedo > 1) throw new RangeError(`albedo must be ≤ 1 (a fraction), got ${p.albedo}`);
  requirePositive("detectorArea_m2", p.detectorArea_m2);
  requirePositive("pixelSize_m", p.pixelSize_m);
  requireNonNegative("spotSize0_m", p.spotSize0_m);
  requireNonNegative("divergence_rad", p.divergence_rad);
  if (p.divergence_rad >= Math.PI) throw new RangeError(`divergence_rad must be < π, got ${p.divergence_rad}`);
  requirePositive("lineRate_Hz", p.lineRate_Hz);
  requirePositiveInteger("pixelsPerLine", p.pixelsPerLine);
  requirePositive("roseK", p.roseK);
  requirePositive("resolutionNeeded_m", p.resolutionNeeded_m);
}
