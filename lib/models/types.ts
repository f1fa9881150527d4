// Shapes shared by the exposure models, the fitter and everything that consumes a fitted model.
// Numbers are plain and in the unit their name states: metres, µSv/h, seconds, degrees.
import type {AirBuildup} from "../physics/buildup.js";

/** One fitted observation: a net dose rate at a distance, with its 1-sigma uncertainty. */
export interface FitPoint {
  reading_id: string;
  device_id: string;
  distance_m: number;
  angle_deg: number | null;
  /** Net dose rate: (gross − background) / duration, in µSv/h. */
  rate_uSv_per_h: number;
  /** 1-sigma uncertainty of the net rate, µSv/h (stated, or the documented default). */
  sigma_uSv_per_h: number;
  /** True when the reading was below its minimum detectable dose: not fitted, checked against the fit. */
  censored: boolean;
  /** For a censored reading, the minimum detectable dose as a rate (µSv/h); null otherwise. */
  mdl_rate_uSv_per_h: number | null;
  /** Where the reading came from. */
  source: {file: string; line: number} | null;
  /**
   * The instrument that took the reading and its stated type B relative standard uncertainties (k = 1), null where
   * the data state none (the budget then applies the documented default, lib/models/instruments.ts).
   */
  instrument?: FitInstrument;
}

export interface FitInstrument {
  /** instrument_id, else dosimeter_id; null when the reading names neither. */
  id: string | null;
  type: "integrating" | "rate-meter" | null;
  /** Relative standard uncertainty (k = 1) of the instrument's calibration factor; null when not stated. */
  calibration: number | null;
  /** Relative standard uncertainty (k = 1) of its response at the beam's energy; null when not stated. */
  energyResponse: number | null;
}

export type ModelName = "inverse-square" | "inverse-square-offset" | "power-law" | "inverse-square-air";

export const MODEL_NAMES: readonly ModelName[] = ["inverse-square", "inverse-square-offset", "power-law", "inverse-square-air"];

/** Physical inputs a model needs that are not fitted. */
export interface ModelContext {
  /** Linear attenuation coefficient of air at the effective photon energy, 1/m (from NIST tables via lib/physics). */
  mu_per_m?: number;
  /** The effective photon energy μ was taken at, for the record. */
  effectiveEnergy_keV?: number;
  /** Where μ came from, for the record. */
  mu_source?: string;
  /** Build-up of scattered photons in air at the effective energy (lib/physics airBuildup); inverse-square-air needs it. */
  buildup?: AirBuildup;
}

export interface ParameterEstimate {
  value: number;
  /** Standard error after scaling by max(1, reduced χ²); null when the uncertainty is unknown. */
  stderr: number | null;
  unit: string;
}

export interface Residual {
  reading_id: string;
  distance_m: number;
  observed: number;
  predicted: number;
  /** (observed − predicted) / stated σ. */
  normalised: number;
  /** |normalised| > 3. */
  flagged: boolean;
}

/** A reading below its minimum detectable dose, compared with what the fit predicts there. */
export interface CensoredCheck {
  reading_id: string;
  distance_m: number;
  mdl_rate_uSv_per_h: number | null;
  predicted: number;
  /** False when the fit predicts a rate more than 3σ above the reading's MDL: the reading and the fit disagree. */
  consistent: boolean;
}

/** How a model was obtained: fitted to readings, or drawn through one published reference figure. */
export type ModelBasis = "fit" | "reference-point";

export interface FitResult {
  model: ModelName;
  basis: ModelBasis;
  /** Number of points in the least-squares sum (censored readings excluded). */
  n: number;
  parameters: Record<string, ParameterEstimate>;
  /** Order of the parameters in `covariance`. */
  parameterNames: string[];
  /** (JᵀWJ)⁻¹ · max(1, reduced χ²); null when not available (no convergence, or a reference point). */
  covariance: number[][] | null;
  chiSquare: number;
  dof: number;
  reducedChiSquare: number | null;
  /** Factor applied to (JᵀWJ)⁻¹: max(1, reduced χ²). */
  covarianceScale: number;
  residuals: Residual[];
  censored: CensoredCheck[];
  converged: boolean;
  /** Why the fit did not converge or cannot be used; null when it did. */
  reason: string | null;
  iterations: number;
  /** χ² + 2p (Gaussian likelihood with stated σ; constant terms dropped, so only differences matter). */
  aic: number | null;
  /** AIC with the small-sample correction 2p(p+1)/(n−p−1); null when n−p−1 ≤ 0. */
  aicc: number | null;
  /** Smallest and largest fitted distance: outside it a prediction is an extrapolation. */
  distanceRange_m: [number, number] | null;
  context: ModelContext;
  /** Plain-language caveats a reader of the result must see (e.g. unknown uncertainty). */
  notes: string[];
  /**
   * Type B: the instruments' calibration and energy-response uncertainty, which every reading of an instrument shares
   * and no number of readings averages away; null for a model with unknown uncertainty (a reference figure).
   */
  instrumentUncertainty: InstrumentUncertainty | null;
  /**
   * Relative scatter between occasions (an sd of ln rate) beyond the stated uncertainties, estimated from the excess
   * χ² (0 when χ²ν ≤ 1); it widens the prediction interval for one occasion. Null when the fit did not converge.
   */
  occasionScatter: number | null;
}

/** One instrument's share of a fit's type B uncertainty. */
export interface InstrumentContribution {
  id: string | null;
  type: "integrating" | "rate-meter" | null;
  readings: number;
  /**
   * Relative uncertainties (k = 1) as stated, or the default where one is stated and the other not; both null when the
   * instrument states neither (its `relative` is then the default, covering both).
   */
  calibration: number | null;
  energyResponse: number | null;
  /** Which of the two were not stated. */
  defaulted: ("calibration" | "energy response")[];
  /** √(calibration² + energy response²), or the default for an instrument that states neither. */
  relative: number;
  /** The instrument's share of the fit's information about the dose scale (Σ w·f² over its readings ÷ the total). */
  share: number;
}

export interface InstrumentUncertainty {
  /** The fit's type B relative standard uncertainty (k = 1), used as an sd of ln rate. */
  relative: number;
  /** How the instruments' uncertainties were combined, in words. */
  method: string;
  instruments: InstrumentContribution[];
  /** True when any instrument took the default for a component it does not state. */
  defaulted: boolean;
}
