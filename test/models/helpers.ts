// Test helpers: readings and fit points built by hand, seeded synthetic data, and an independent optimiser.
import {randomLcg, randomNormal} from "d3";
import type {Reading} from "../../lib/readings/types.js";
import type {FitPoint} from "../../lib/models/index.js";

export function reading(overrides: Partial<Reading> = {}): Reading {
  const gross = overrides.gross ?? 1;
  const background = overrides.background ?? null;
  return {
    reading_id: "R1", device_id: "VAN-1", dosimeter_id: null, measured_at: "2025-01-01T00:00:00Z", measured_at_ms: 1735689600000,
    distance_m: 1, angle_deg: null, duration_s: 3600, duration_basis: "beam-on", quantity: "H*(10)", unit: "uSv", gross, background, uncertainty: null,
    mdl: null, net: gross - (background ?? 0), censored: false, instrument_type: null, instrument_id: null,
    instrument_calibrated_on: null, calibration_uncertainty: null, energy_response_uncertainty: null, notes: null, source: {file: "readings.csv", line: 2}, extra: {},
    ...overrides
  };
}

export function point(distance_m: number, rate: number, sigma: number, extra: Partial<FitPoint> = {}): FitPoint {
  return {
    reading_id: `p${distance_m}`, device_id: "VAN-1", distance_m, angle_deg: null, rate_uSv_per_h: rate, sigma_uSv_per_h: sigma,
    censored: false, mdl_rate_uSv_per_h: null, source: null, ...extra
  };
}

/** Points from `truth(r)` at the given distances, σ = relSigma·truth, Gaussian noise from a seeded generator. */
export function synthetic(truth: (r: number) => number, distances: readonly number[], relSigma: number, seed: number, noise = 1): FitPoint[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  return distances.map((r, i) => {
    const t = truth(r);
    const sigma = relSigma * t;
    return point(r, t + noise * sigma * normal(), sigma, {reading_id: `s${i}`});
  });
}

export function range(from: number, to: number, count: number): number[] {
  return Array.from({length: count}, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** Weighted χ² of a rate function against points (not censored). */
export function chiSquare(points: readonly FitPoint[], rate: (r: number) => number): number {
  return points.filter((p) => !p.censored).reduce((sum, p) => sum + ((p.rate_uSv_per_h - rate(p.distance_m)) / p.sigma_uSv_per_h) ** 2, 0);
}

/** Nelder–Mead simplex minimiser: derivative-free, so an independent check of the Levenberg–Marquardt optimum. */
export function nelderMead(f: (x: number[]) => number, start: number[], scale: number[], iterations = 5000): number[] {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + scale[j]! : v)))];
  let values = simplex.map(f);
  for (let k = 0; k < iterations; k++) {
    const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= 1e-15 * Math.abs(values[0]!) + 1e-300) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, x) => s + x[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = along(0.5);
      const fc = f(contracted);
      if (fc < values[n]!) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        simplex = simplex.map((x) => x.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!)));
        values = simplex.map(f);
      }
    }
  }
  return simplex[values.indexOf(Math.min(...values))]!;
}
