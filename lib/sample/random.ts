// Seeded random streams for the generator (d3-random's LCG), and deterministic number formatting.
import {randomInt, randomLcg, randomNormal, randomPoisson, randomUniform} from "d3-random";

export interface Random {
  uniform(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  normal(mean: number, sd: number): number;
  poisson(lambda: number): number;
  pick<T>(items: readonly T[]): T;
  /** Pick by relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/**
 * A random stream for one part of the sample (`stream` distinguishes certificates, readings, deployments...),
 * so that changing how one part is generated leaves the others' files unchanged.
 */
export function seededRandom(seed: number, stream: number): Random {
  // randomLcg takes an integer state; spreading seed and stream by two primes keeps the streams apart.
  const source = randomLcg(Math.abs((seed * 7919 + stream * 104_729) % 2_147_483_647) + 1);
  const uniform = randomUniform.source(source);
  const int = randomInt.source(source);
  const normal = randomNormal.source(source);
  const poisson = randomPoisson.source(source);
  const r: Random = {
    uniform: (min, max) => uniform(min, max)(),
    int: (min, max) => int(min, max + 1)(),
    normal: (mean, sd) => normal(mean, sd)(),
    poisson: (lambda) => (lambda > 0 ? poisson(lambda)() : 0),
    pick: (items) => items[int(0, items.length)()]!,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let u = source() * total;
      for (const [item, w] of items) {
        if ((u -= w) < 0) return item;
      }
      return items[items.length - 1]![0];
    }
  };
  return r;
}

/** A number with `digits` significant figures, written without exponent or trailing zeros ("0.01634", "57.6"). */
export function formatSignificant(value: number, digits = 4): string {
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(digits));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  // String() switches to exponent form below 1e-6; the files keep plain decimals.
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(Math.min(decimals, 20)).replace(/\.?0+$/, "");
}
