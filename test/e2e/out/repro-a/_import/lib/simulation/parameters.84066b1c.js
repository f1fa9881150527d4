import { parameterIndices } from "../field/formulas.10c9d3d1.js";
import { cholesky, streams } from "./random.37773ca2.js";
const DEFAULT_MIN_DISTANCE_M = 0.5;
const MAX_REDRAWS_PER_SAMPLE = 1e3;
export function parameterSampler(field) {
  const { scale, shape } = parameterIndices(field);
  const names = field.parameterNames;
  const p = names.length;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const v = field.parameters[names[j]];
    if (v === void 0 || !Number.isFinite(v)) throw new Error(`parameter "${names[j]}" has no finite value`);
    mean[j] = v;
  }
  if (!(mean[scale] > 0)) throw new Error(`the scale parameter ${names[scale]} must be > 0, got ${mean[scale]}`);
  if (field.covariance.length !== p) throw new Error(`covariance has ${field.covariance.length} rows, expected ${p}`);
  const transformed = field.covariance.map(
    (row, i) => row.map((c, j) => c / (i === scale ? mean[scale] : 1) / (j === scale ? mean[scale] : 1))
  );
  const l = cholesky(transformed);
  const logScale = Math.log(mean[scale]);
  const minDistance_m = field.minDistance_m ?? DEFAULT_MIN_DISTANCE_M;
  const z = new Float64Array(p);
  const model = field.model;
  return {
    p,
    scaleIndex: scale,
    shapeIndex: shape,
    draw(s, out) {
      for (let attempt = 0; attempt < MAX_REDRAWS_PER_SAMPLE; attempt++) {
        for (let j = 0; j < p; j++) z[j] = s.normal();
        for (let i = 0; i < p; i++) {
          let v = i === scale ? logScale : mean[i];
          for (let k = 0; k <= i; k++) v += l[i * p + k] * z[k];
          out[i] = i === scale ? Math.exp(v) : v;
        }
        const h = shape < 0 ? 0 : out[shape];
        const physical = (model !== "power-law" || h > 0) && (model !== "inverse-square-offset" || minDistance_m + h > 0);
        if (physical) return attempt;
      }
      throw new Error(
        `could not draw physical parameters for ${model} in ${MAX_REDRAWS_PER_SAMPLE} tries: the fitted uncertainty is too large for Monte Carlo`
      );
    }
  };
}
export function sampleParameters(field, n, seed) {
  const sampler = parameterSampler(field);
  const s = streams(seed);
  const values = new Float64Array(n * sampler.p);
  const row = new Float64Array(sampler.p);
  let redrawn = 0;
  for (let i = 0; i < n; i++) {
    redrawn += sampler.draw(s, row);
    values.set(row, i * sampler.p);
  }
  return { names: [...field.parameterNames], values, n, redrawn };
}
