import { randomLcg, randomNormal, randomPoisson, randomUniform } from "../../../_node/d3-random@3.0.2/index.f3ff3057.js";
export function streams(seed) {
  const source = randomLcg(seed);
  return { source, uniform: randomUniform.source(source)(0, 1), normal: randomNormal.source(source)(0, 1) };
}
export function cholesky(c) {
  const n = c.length;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (c[i].length !== n) throw new Error(`covariance row ${i + 1} has ${c[i].length} entries, expected ${n}`);
    for (let j = 0; j <= i; j++) {
      let sum = c[i][j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        const tolerance = 1e-12 * Math.max(Math.abs(c[i][i]), Number.MIN_VALUE);
        if (sum < -tolerance) throw new Error("covariance matrix is not positive semi-definite");
        l[i * n + i] = sum > 0 ? Math.sqrt(sum) : 0;
      } else {
        const d = l[j * n + j];
        l[i * n + j] = d > 0 ? sum / d : 0;
      }
    }
  }
  return l;
}
export function poisson(mean, s) {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`Poisson mean must be a finite number \u2265 0, got ${mean}`);
  return randomPoisson.source(s.source)(mean)();
}
