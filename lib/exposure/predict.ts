// A fitted model's dose rate at a distance, with a 95 % interval from the parameter covariance.
//
// Delta method on ln Ḋ: sd² = gᵀ C g with g = ∂ln Ḋ/∂θ = (∂Ḋ/∂θ)/Ḋ, and bounds Ḋ·exp(±q·sd). Working on the log
// keeps the bounds positive and matches the roughly log-normal spread of a source strength.
import {MODELS, parameterVector, type FitResult} from "../models/index.js";
import {studentTQuantile} from "./student-t.js";

/** Two-sided 95 % normal quantile: the upper bound is the 97.5th percentile, conservative for a one-sided limit check. */
export const Z95 = 1.959963984540054;

export const BOUND_METHOD =
  "delta method on ln(dose rate): bounds = rate * exp(±q * sd), sd^2 = g' C g, g = d ln(rate)/d parameters, C the fit covariance; q = 1.96, or Student's t(0.975, dof) when the covariance was widened by the observed scatter";

/**
 * The quantile for 95 % two-sided bounds: 1.96 when the covariance rests on the stated uncertainties, Student's
 * t(0.975, ν) when it was scaled by a reduced χ² > 1 (σ then estimated from ν degrees of freedom of scatter).
 */
export function coverageFactor(model: FitResult): number {
  if (!(model.covarianceScale > 1 && model.dof > 0)) return Z95;
  // Remembered per ν: the inverse problems ask for thousands of predictions from one fit.
  let q = T975.get(model.dof);
  if (q === undefined) T975.set(model.dof, (q = studentTQuantile(0.975, model.dof)));
  return q;
}

const T975 = new Map<number, number>();

export interface RatePrediction {
  rate_uSv_per_h: number;
  upper95_uSv_per_h: number;
  lower95_uSv_per_h: number;
  /** Standard deviation of ln(rate); null when the model's uncertainty is unknown (reference figure). */
  logSd: number | null;
  /** The quantile q used for the bounds (1.96 or Student's t). */
  coverageFactor: number;
  /** False when the bounds equal the point estimate because the model carries no uncertainty. */
  uncertaintyKnown: boolean;
  /** True when the distance lies outside the fitted distances. */
  extrapolated: boolean;
}

export class UnusableModelError extends Error {
  override name = "UnusableModelError";
}

function assertUsable(model: FitResult): void {
  if (!model.converged) throw new UnusableModelError(`the ${model.model} fit cannot be used: ${model.reason ?? "it did not converge"}`);
}

/** Standard deviation of ln Ḋ(r) under the model's covariance; null when it has none. */
export function logRateSd(model: FitResult, distance_m: number): number | null {
  assertUsable(model);
  if (model.covariance === null) return null;
  const def = MODELS[model.model];
  const params = parameterVector(model);
  const rate = def.rate(distance_m, params, model.context);
  const jac = new Float64Array(params.length);
  def.jacobian(distance_m, params, model.context, jac);
  let variance = 0;
  for (let a = 0; a < params.length; a++) {
    for (let b = 0; b < params.length; b++) variance += (jac[a]! / rate) * model.covariance[a]![b]! * (jac[b]! / rate);
  }
  return Math.sqrt(Math.max(0, variance));
}

export function predictRate(model: FitResult, distance_m: number): RatePrediction {
  assertUsable(model);
  if (!(distance_m > 0)) throw new RangeError(`distance ${distance_m} m: a prediction needs a positive distance`);
  const def = MODELS[model.model];
  const rate = def.rate(distance_m, parameterVector(model), model.context);
  const sd = logRateSd(model, distance_m);
  const range = model.distanceRange_m;
  const q = coverageFactor(model);
  return {
    rate_uSv_per_h: rate,
    upper95_uSv_per_h: sd === null ? rate : rate * Math.exp(q * sd),
    lower95_uSv_per_h: sd === null ? rate : rate * Math.exp(-q * sd),
    logSd: sd,
    coverageFactor: q,
    uncertaintyKnown: sd !== null,
    extrapolated: range !== null && (distance_m < range[0] || distance_m > range[1])
  };
}
