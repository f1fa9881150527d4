// A model from one published figure such as "0.016 mrem in 10 s at 5 ft": the inverse square law through that
// point. One point determines S exactly and says nothing about its uncertainty, and the result says so.
import {MODELS} from "./definitions.js";
import type {FitResult} from "./types.js";

export interface ReferenceFigure {
  dose_uSv: number;
  duration_s: number;
  distance_m: number;
}

export class ReferenceFigureError extends RangeError {
  override name = "ReferenceFigureError";
}

/**
 * Inverse square through the reference figure: S = (dose / duration) · r². Basis "reference-point": stderr and
 * covariance are null (unknown, not zero), so the exposure functions return bounds equal to the point estimate
 * and mark them as such.
 */
export function referenceModel(figure: ReferenceFigure): FitResult {
  const {dose_uSv, duration_s, distance_m} = figure;
  if (!(dose_uSv > 0) || !(duration_s > 0) || !(distance_m > 0)) {
    throw new ReferenceFigureError(`a reference figure needs a positive dose, duration and distance; got ${dose_uSv} µSv in ${duration_s} s at ${distance_m} m`);
  }
  const rate_uSv_per_h = (dose_uSv / duration_s) * 3600;
  const S = rate_uSv_per_h * distance_m * distance_m;
  const def = MODELS["inverse-square"];
  return {
    model: "inverse-square", basis: "reference-point", n: 1,
    parameters: {S: {value: S, stderr: null, unit: def.parameters[0]!.unit}}, parameterNames: ["S"], covariance: null,
    chiSquare: 0, dof: 0, reducedChiSquare: null, covarianceScale: 1, residuals: [], censored: [], converged: true, reason: null,
    iterations: 0, aic: null, aicc: null, distanceRange_m: [distance_m, distance_m], context: {},
    // Unknown, not zero: a bound on one published figure cannot be formed, and the answers say so.
    instrumentUncertainty: null, occasionScatter: null,
    notes: [
      `inverse square law through one published figure (${dose_uSv} µSv in ${duration_s} s at ${distance_m} m), not a fit to readings`,
      "the uncertainty of that figure is unknown: the 95% bounds shown equal the point estimate and understate the real uncertainty"
    ]
  };
}
