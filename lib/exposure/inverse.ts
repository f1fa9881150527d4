// The inverse questions: how far away must a person be, and how long may they stay, to keep under a limit.
// Both are answered on the one-sided 95 % upper bound of the dose, so the answer is on the safe side of the whole
// uncertainty budget (fit, instruments and, for one occasion, the variation between occasions).
import {MODELS, parameterVector, type FitResult} from "../models/index.js";
import {predictRate, type BoundInterval, type PredictOptions} from "./predict.js";

/** Outer end of the distance search: beyond 10 km the question is moot for an X-ray van. */
export const MAX_SEARCH_DISTANCE_M = 10_000;

export interface ExclusionDistance {
  /**
   * Smallest distance beyond which the 95 % upper bound of the dose over the period stays within the limit; null
   * beyond the search range; 0 when the limit is met at every distance the model is defined at.
   */
  distance_m: number | null;
  /**
   * found: a distance within the search range; met-everywhere: within the limit wherever the model is defined (even
   * at the reference point); beyond-search-range: still above the limit at the end of the search (10 km).
   */
  status: "found" | "met-everywhere" | "beyond-search-range";
  /** True when the distance found is closer than any reading: the model is extrapolated towards the device's body. */
  closerThanReadings: boolean;
  interval: BoundInterval;
  /** The same on the point estimate, for comparison. */
  pointDistance_m: number | null;
  limit_uSv: number;
  period_s: number;
  uncertaintyKnown: boolean;
  extrapolated: boolean;
  method: string;
}

export interface TimeToLimit {
  /** Time at the distance until the 95 % upper bound of the dose reaches the limit; Infinity when the rate is 0. */
  duration_s: number;
  /** found: a finite time; never-reached: a zero dose rate, the limit is never reached. */
  status: "found" | "never-reached";
  /** True when the distance is closer than any reading: the model is extrapolated towards the device's body. */
  closerThanReadings: boolean;
  interval: BoundInterval;
  /** The same on the point estimate. */
  pointDuration_s: number;
  uncertaintyKnown: boolean;
  extrapolated: boolean;
  method: string;
}

/** Smallest distance the model is defined at: just beyond the pole of the offset model when r0 < 0. */
function nearestDistance(model: FitResult): number {
  const floor = 1e-4;
  if (model.model !== "inverse-square-offset") return floor;
  const r0 = parameterVector(model)[1]!;
  return Math.max(floor, -r0 + Math.max(1e-9, Math.abs(r0) * 1e-9));
}

/**
 * Outermost r where f changes from above the limit to within it: a log-spaced grid finds the last grid point
 * still above the limit (so a rate that is not monotone in r cannot hide an outer crossing), then bisection.
 */
function outerCrossing(excess: (r: number) => number, lo: number, hi: number): number | null {
  const steps = 400;
  const grid = Array.from({length: steps + 1}, (_, i) => lo * Math.pow(hi / lo, i / steps));
  let last = -1;
  for (let i = 0; i <= steps; i++) if (excess(grid[i]!) > 0) last = i;
  if (last === -1) return 0; // within the limit everywhere the model is defined
  if (last === steps) return null; // still above the limit at the far end of the search
  let a = grid[last]!;
  let b = grid[last + 1]!;
  for (let k = 0; k < 200 && b - a > 1e-12 * b; k++) {
    const mid = (a + b) / 2;
    if (excess(mid) > 0) a = mid;
    else b = mid;
  }
  return b;
}

export function exclusionDistance(model: FitResult, question: {limit_uSv: number; period_s: number}, options: PredictOptions = {}): ExclusionDistance {
  const {limit_uSv, period_s} = question;
  if (!(limit_uSv > 0) || !(period_s > 0)) throw new RangeError(`a limit needs a positive dose and period; got ${limit_uSv} µSv per ${period_s} s`);
  const hours = period_s / 3600;
  const lo = nearestDistance(model);
  const interval = options.interval ?? "confidence";
  const upper = outerCrossing((r) => predictRate(model, r, {interval}).upper95_uSv_per_h * hours - limit_uSv, lo, MAX_SEARCH_DISTANCE_M);
  const def = MODELS[model.model];
  const params = parameterVector(model);
  const point = outerCrossing((r) => def.rate(r, params, model.context) * hours - limit_uSv, lo, MAX_SEARCH_DISTANCE_M);
  const range = model.distanceRange_m;
  return {
    distance_m: upper,
    status: upper === null ? "beyond-search-range" : upper === 0 ? "met-everywhere" : "found",
    closerThanReadings: upper !== null && upper > 0 && range !== null && upper < range[0],
    interval,
    pointDistance_m: point,
    limit_uSv,
    period_s,
    uncertaintyKnown: model.covariance !== null,
    extrapolated: upper === null || (range !== null && (upper < range[0] || upper > range[1])),
    method: "outermost distance where the one-sided 95% upper bound of (dose rate x period) equals the limit: log grid search then bisection"
  };
}

export function timeToLimit(model: FitResult, question: {distance_m: number; limit_uSv: number}, options: PredictOptions = {}): TimeToLimit {
  if (!(question.limit_uSv > 0)) throw new RangeError(`a limit must be a positive dose; got ${question.limit_uSv} µSv`);
  if (model.model === "inverse-square-offset" && question.distance_m + parameterVector(model)[1]! <= 0) {
    throw new RangeError(`${question.distance_m} m is inside the pole of the ${model.model} model (its effective source lies ${-parameterVector(model)[1]!} m in front of the reference point): the model gives no dose there`);
  }
  const rate = predictRate(model, question.distance_m, options);
  if (!Number.isFinite(rate.upper95_uSv_per_h)) throw new RangeError(`the ${model.model} model gives an infinite dose rate at ${question.distance_m} m`);
  const range = model.distanceRange_m;
  const duration_s = rate.upper95_uSv_per_h > 0 ? (question.limit_uSv / rate.upper95_uSv_per_h) * 3600 : Infinity;
  return {
    duration_s,
    status: Number.isFinite(duration_s) ? "found" : "never-reached",
    closerThanReadings: range !== null && question.distance_m < range[0],
    interval: rate.interval,
    pointDuration_s: rate.rate_uSv_per_h > 0 ? (question.limit_uSv / rate.rate_uSv_per_h) * 3600 : Infinity,
    uncertaintyKnown: rate.uncertaintyKnown,
    extrapolated: rate.extrapolated,
    method: "limit / (one-sided 95% upper bound of the dose rate at the distance), continuous exposure"
  };
}
