// Monte Carlo propagation of every stated uncertainty to the dose of a scenario: model parameters (with covariance),
// distance, duration and the dose conversion coefficient. Typed arrays and one seeded stream throughout.
import {deviation, mean as arrayMean} from "d3-array";
import {fieldFor, modelRate, type DoseFieldModel} from "../field/formulas.js";
import {parameterSampler, type DrawInterval} from "./parameters.js";
import {streams, type Streams} from "./random.js";
import {quantileOfSorted} from "./stats.js";

export interface DoseScenario {
  distance_m: number;
  duration_s: number;
  /** Angle from the beam axis in degrees (only matters for a field with sectors). */
  angle_deg?: number;
  /** Standard uncertainty of the distance measurement (m). */
  distanceSigma_m?: number;
  /** Standard uncertainty of the duration (s). */
  durationSigma_s?: number;
  /** Relative standard uncertainty of the conversion coefficient (e.g. 0.05 for 5 %), applied as a factor N(1, σ). */
  coefficientRelSigma?: number;
  /** "prediction" for a question about one occasion (adds the scatter between occasions); default "confidence". */
  interval?: DrawInterval;
}

/** p95 is the one-sided 95 % upper bound and p5 the lower one, the meaning "95 %" has throughout the product. */
export interface DosePercentiles {
  p2_5: number;
  p5: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
}

export interface DoseDistribution {
  /** Dose in µSv of each draw, in draw order. */
  samples: Float64Array;
  mean: number;
  sd: number;
  percentiles: DosePercentiles;
  /** Draws refused as non-physical (negative distance or duration, non-physical parameters) and redrawn. */
  redrawn: number;
}

const MAX_REDRAWS = 1000;

/** A normal draw truncated to values above `lower` (by redrawing), with the redraw count added to counter[0]. */
function truncatedNormal(s: Streams, mu: number, sigma: number, lower: number, counter: Int32Array): number {
  if (sigma === 0) return mu;
  for (let i = 0; i < MAX_REDRAWS; i++) {
    const v = mu + sigma * s.normal();
    if (v > lower) return v;
    counter[0]!++;
  }
  throw new Error(`an uncertainty of ${sigma} on ${mu} leaves almost no physical values above ${lower}`);
}

function checkNonNegative(name: string, v: number | undefined): number {
  const value = v ?? 0;
  if (!(value >= 0) || !Number.isFinite(value)) throw new Error(`${name} must be a finite number ≥ 0, got ${v}`);
  return value;
}

/** Seeded Monte Carlo distribution of the dose (µSv) received in a scenario. */
export function doseDistribution(field: DoseFieldModel, scenario: DoseScenario, n: number, seed: number): DoseDistribution {
  if (!(scenario.distance_m > 0)) throw new Error(`distance_m must be > 0, got ${scenario.distance_m}`);
  if (!(scenario.duration_s >= 0)) throw new Error(`duration_s must be ≥ 0, got ${scenario.duration_s}`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`the number of samples must be an integer ≥ 2, got ${n}`);
  const sigmaR = checkNonNegative("distanceSigma_m", scenario.distanceSigma_m);
  const sigmaT = checkNonNegative("durationSigma_s", scenario.durationSigma_s);
  const sigmaC = checkNonNegative("coefficientRelSigma", scenario.coefficientRelSigma);
  const f = fieldFor(field, scenario.angle_deg ?? 0);
  const sampler = parameterSampler(f, scenario.interval);
  const s = streams(seed);
  const row = new Float64Array(sampler.p);
  const counter = new Int32Array(1);
  const samples = new Float64Array(n);
  const mu = f.mu_per_m ?? 0;
  let redrawn = 0;
  for (let i = 0; i < n; i++) {
    redrawn += sampler.draw(s, row);
    const r = truncatedNormal(s, scenario.distance_m, sigmaR, 0, counter);
    const t = truncatedNormal(s, scenario.duration_s, sigmaT, 0, counter);
    const c = truncatedNormal(s, 1, sigmaC, 0, counter);
    const shape = sampler.shapeIndex < 0 ? 0 : row[sampler.shapeIndex]!;
    samples[i] = (modelRate(f.model, row[sampler.scaleIndex]!, shape, mu, r, f.buildup) * t * c) / 3600;
  }
  const sorted = Float64Array.from(samples).sort();
  return {
    samples,
    mean: arrayMean(samples)!,
    sd: deviation(samples)!,
    percentiles: {
      p2_5: quantileOfSorted(sorted, 0.025)!,
      p5: quantileOfSorted(sorted, 0.05)!,
      p50: quantileOfSorted(sorted, 0.5)!,
      p95: quantileOfSorted(sorted, 0.95)!,
      p97_5: quantileOfSorted(sorted, 0.975)!,
      p99: quantileOfSorted(sorted, 0.99)!
    },
    redrawn: redrawn + counter[0]!
  };
}

/** Fraction of the samples strictly above the limit: the Monte Carlo estimate of the probability of exceeding it. */
export function probabilityExceeding(samples: ArrayLike<number>, limit: number): number {
  if (samples.length === 0) throw new Error("no samples");
  let above = 0;
  for (let i = 0; i < samples.length; i++) if (samples[i]! > limit) above++;
  return above / samples.length;
}

export interface PercentileBand {
  distance_m: Float64Array;
  probabilities: number[];
  /** bands[k][i]: the probabilities[k] quantile of the dose rate (µSv/h) at distance_m[i]. */
  bands: Float64Array[];
}

/** Quantiles of the dose rate (µSv/h) at each distance, from n seeded parameter draws: the band drawn round a curve. */
export function percentileBand(
  field: DoseFieldModel,
  distances_m: readonly number[],
  n: number,
  seed: number,
  probabilities: number[] = [0.05, 0.5, 0.95],
  angle_deg = 0,
  interval: DrawInterval = "confidence"
): PercentileBand {
  if (!Number.isInteger(n) || n < 2) throw new Error(`the number of samples must be an integer ≥ 2, got ${n}`);
  for (const d of distances_m) if (!(d > 0)) throw new Error(`distances must be > 0, got ${d}`);
  const f = fieldFor(field, angle_deg);
  const sampler = parameterSampler(f, interval);
  const s = streams(seed);
  const row = new Float64Array(sampler.p);
  const m = distances_m.length;
  // Column-major: the n rates at one distance are contiguous, ready to sort.
  const rates = new Float64Array(n * m);
  const mu = f.mu_per_m ?? 0;
  for (let i = 0; i < n; i++) {
    sampler.draw(s, row);
    const shape = sampler.shapeIndex < 0 ? 0 : row[sampler.shapeIndex]!;
    for (let j = 0; j < m; j++) rates[j * n + i] = modelRate(f.model, row[sampler.scaleIndex]!, shape, mu, distances_m[j]!, f.buildup);
  }
  const bands = probabilities.map(() => new Float64Array(m));
  for (let j = 0; j < m; j++) {
    const column = rates.subarray(j * n, (j + 1) * n).sort();
    probabilities.forEach((p, k) => {
      bands[k]![j] = quantileOfSorted(column, p)!;
    });
  }
  return {distance_m: Float64Array.from(distances_m), probabilities: [...probabilities], bands};
}
