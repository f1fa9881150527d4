// Parameters of the backscatter imaging model. They are illustrative and tunable, chosen to give an effective range of
// a few metres at the manufacturer's 5 km/h (which the policy's "limited effective use range" implies); none is
// manufacturer data. A page shows them as inputs, not as facts.

export interface ImagingParameters {
  /** Photons per second in the pencil beam at the source. Illustrative: order of a 125 kVp tube behind a chopper wheel's pinhole. */
  sourceOutput_photons_per_s: number;
  /** Fraction of incident photons scattered back into the hemisphere towards the detectors. Illustrative: a few per cent for low-Z cargo at 60 keV. */
  albedo: number;
  /** Area of the backscatter detector panels (m²). Illustrative: panels along the side of a van. */
  detectorArea_m2: number;
  /** Resolution the image needs (m): the pixel, and the largest beam spot allowed. Illustrative: 1 cm to see a wire or a small object. */
  pixelSize_m: number;
  /** Beam spot diameter at the device (m). Illustrative: a pinhole collimator of a few mm. */
  spotSize0_m: number;
  /** Full divergence of the pencil beam (rad); the spot grows by standoff × divergence. Illustrative. */
  divergence_rad: number;
  /** Rose criterion: an object is detectable when SNR ≥ k; k = 5 (Rose, 1948). */
  roseK: number;
  /** Pixels across one sweep of the beam (one image line). Illustrative: a 5 m tall sweep at 1 cm. */
  pixelsPerLine: number;
  /** Sweeps per second of the chopper wheel. Illustrative: enough for 1 cm line spacing at 5 km/h (1.39 m/s / 0.01 m = 139 Hz). */
  lineRate_hz: number;
}

export const DEFAULT_IMAGING: ImagingParameters = {
  sourceOutput_photons_per_s: 1e10,
  albedo: 0.01,
  detectorArea_m2: 1,
  pixelSize_m: 0.01,
  spotSize0_m: 0.003,
  divergence_rad: 0.002,
  roseK: 5,
  pixelsPerLine: 500,
  lineRate_hz: 150
};

/** A per-scan dose figure at a stated speed and standoff, from which other speeds and standoffs are scaled. */
export interface DoseReference {
  dose_uSv: number;
  speed_km_per_h: number;
  standoff_m: number;
  source: string;
}

export const MANUFACTURER_REFERENCE: DoseReference = {
  dose_uSv: 0.1,
  speed_km_per_h: 5,
  standoff_m: 1.5,
  source: "manufacturer statement quoted second-hand (2015), grade C, standards.md (an upper bound: '< 0.1 µSv per scan')"
};
