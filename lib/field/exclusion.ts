// The exclusion perimeter: the distance beyond which a person present for a period receives less than a limit, with
// its uncertainty from Monte Carlo draws of the model parameters.
import {quantileOfSorted} from "../simulation/stats.js";
import {parameterSampler, type DrawInterval} from "../simulation/parameters.js";
import {streams} from "../simulation/random.js";
import {distanceForRate, fieldFor, parameterIndices, type DoseFieldModel} from "./formulas.js";
import {rateForLimit} from "./grid.js";

export interface ExclusionQuestion {
  limit_uSv: number;
  period_s: number;
  /** Direction in degrees from the beam axis; matters only for a field with sectors. Default 0 (the beam side). */
  angle_deg?: number;
  /** Fraction of the period the beam is on; default 1 (continuous, the conservative reading). */
  beamOnFraction?: number;
  /** "prediction" when the limit is about one occasion (any one hour): adds the scatter between occasions. */
  interval?: DrawInterval;
}

export interface ExclusionRadius {
  /** Radius (m) from the nominal (fitted) parameters. */
  nominal_m: number;
  /**
   * Radius (m) at each requested quantile of the uncertainty (parameters, instruments and, for one occasion, the
   * scatter between occasions), e.g. p 0.5 and 0.95; p 0.95 is the one-sided 95 % upper bound of the radius.
   */
  quantiles: {p: number; radius_m: number}[];
  /** The rate (µSv/h) whose contour is the perimeter. */
  rate_uSv_per_h: number;
}

export function exclusionRadius(
  field: DoseFieldModel,
  question: ExclusionQuestion,
  quantiles: number[] = [0.5, 0.95],
  n = 20_000,
  seed = 1
): ExclusionRadius {
  const fraction = question.beamOnFraction ?? 1;
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`beamOnFraction must be in (0, 1], got ${fraction}`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`the number of samples must be an integer ≥ 2, got ${n}`);
  const f = fieldFor(field, question.angle_deg ?? 0);
  // While the beam is on for a fraction of the period, the limit is reached at the rate limit/(fraction · period).
  const rate = rateForLimit(question.limit_uSv, question.period_s * fraction);
  const {scale, shape} = parameterIndices(f);
  const names = f.parameterNames;
  const mu = f.mu_per_m ?? 0;
  const nominal_m = distanceForRate(
    f.model,
    f.parameters[names[scale]!]!,
    shape < 0 ? 0 : f.parameters[names[shape]!]!,
    mu,
    rate,
    f.buildup
  );
  const sampler = parameterSampler(f, question.interval);
  const s = streams(seed);
  const row = new Float64Array(sampler.p);
  const radii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sampler.draw(s, row);
    radii[i] = distanceForRate(f.model, row[sampler.scaleIndex]!, sampler.shapeIndex < 0 ? 0 : row[sampler.shapeIndex]!, mu, rate, f.buildup);
  }
  radii.sort();
  return {nominal_m, quantiles: quantiles.map((p) => ({p, radius_m: quantileOfSorted(radii, p)})), rate_uSv_per_h: rate};
}
