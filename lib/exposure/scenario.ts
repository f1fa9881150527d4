// Dose to a person standing at a distance, continuously for a duration or through N scans of a given dwell time.
import type {FitResult} from "../models/index.js";
import {BOUND_METHOD, predictRate, type BoundInterval, type PredictOptions, type UncertaintyBudget} from "./predict.js";

export type Scenario = {distance_m: number; duration_s: number} | {distance_m: number; scans: number; dwell_s: number};

export interface ScenarioDose {
  dose_uSv: number;
  /** One-sided 95 % upper bound (docs/methodology.md, "What 95 % means"). */
  upper95_uSv: number;
  /** One-sided 95 % lower bound. */
  lower95_uSv: number;
  interval: BoundInterval;
  /** The uncertainty budget at the distance; null when the model's uncertainty is unknown. */
  budget: UncertaintyBudget | null;
  /** The exposure time used: duration_s, or scans × dwell_s. */
  exposure_s: number;
  method: string;
  uncertaintyKnown: boolean;
  extrapolated: boolean;
}

/** Exposure time of a scenario, in seconds. */
export function exposureSeconds(scenario: Scenario): number {
  const t = "duration_s" in scenario ? scenario.duration_s : scenario.scans * scenario.dwell_s;
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`exposure time ${t} s: it must be a finite, non-negative number`);
  return t;
}

/** Dose = rate × time; the bounds scale the rate's bounds (the time is taken as exact). */
export function scenarioDose(model: FitResult, scenario: Scenario, options: PredictOptions = {}): ScenarioDose {
  const t_s = exposureSeconds(scenario);
  const rate = predictRate(model, scenario.distance_m, options);
  const hours = t_s / 3600;
  return {
    dose_uSv: rate.rate_uSv_per_h * hours,
    upper95_uSv: rate.upper95_uSv_per_h * hours,
    lower95_uSv: rate.lower95_uSv_per_h * hours,
    exposure_s: t_s,
    interval: rate.interval,
    budget: rate.budget,
    method: BOUND_METHOD,
    uncertaintyKnown: rate.uncertaintyKnown,
    extrapolated: rate.extrapolated
  };
}
