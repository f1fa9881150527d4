// Seeded random streams built on d3-random's linear congruential generator, which is plain integer arithmetic and so
// gives the same sequence in Node and in every browser for the same seed.
import {randomLcg, randomNormal, randomPoisson, randomUniform} from "d3-random";

export interface Streams {
  source: () => number;
  /** Uniform on [0, 1). */
  uniform: () => number;
  /** Standard normal N(0, 1). */
  normal: () => number;
}

/** All draws of one simulation come from a single LCG, in a fixed order, so a seed fixes every number. */
export function streams(seed: number): Streams {
  const source = randomLcg(seed);
  return {source, uniform: randomUniform.source(source)(0, 1), normal: randomNormal.source(source)(0, 1)};
}

/**
 * Lower-triangular L with L·Lᵀ = C, as a row-major Float64Array. A parameter with zero variance (held fixed in the
 * fit) gives a zero column rather than a failure; a matrix that is not positive semi-definite is refused, since it
 * cannot be a covariance and sampling from it would invent numbers.
 */
export function cholesky(c: readonly (readonly number[])[]): Float64Array {
  const n = c.length;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (c[i]!.length !== n) throw new Error(`covariance row ${i + 1} has ${c[i]!.length} entries, expected ${n}`);
    for (let j = 0; j <= i; j++) {
      let sum = c[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        // Round-off can leave a tiny negative where the exact value is zero.
        const tolerance = 1e-12 * Math.max(Math.abs(c[i]![i]!), Number.MIN_VALUE);
        if (sum < -tolerance) throw new Error("covariance matrix is not positive semi-definite");
        l[i * n + i] = sum > 0 ? Math.sqrt(sum) : 0;
      } else {
        const d = l[j * n + j]!;
        l[i * n + j] = d > 0 ? sum / d : 0;
      }
    }
  }
  return l;
}

/** One Poisson count with the given mean, drawn from the streams' own source (d3-random's generator). */
export function poisson(mean: number, s: Streams): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be a finite number ≥ 0, got ${mean}`);
  return randomPoisson.source(s.source)(mean)();
}
