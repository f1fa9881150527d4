import { quantileOfSorted } from "../simulation/stats.283f091b.js";
import { parameterSampler } from "../simulation/parameters.84066b1c.js";
import { streams } from "../simulation/random.37773ca2.js";
import { distanceForRate, fieldFor, parameterIndices } from "./formulas.10c9d3d1.js";
import { rateForLimit } from "./grid.6ec6c025.js";
export function exclusionRadius(field, question, quantiles = [0.5, 0.95], n = 2e4, seed = 1) {
  const fraction = question.beamOnFraction ?? 1;
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`beamOnFraction must be in (0, 1], got ${fraction}`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`the number of samples must be an integer \u2265 2, got ${n}`);
  const f = fieldFor(field, question.angle_deg ?? 0);
  const rate = rateForLimit(question.limit_uSv, question.period_s * fraction);
  const { scale, shape } = parameterIndices(f);
  const names = f.parameterNames;
  const mu = f.mu_per_m ?? 0;
  const nominal_m = distanceForRate(
    f.model,
    f.parameters[names[scale]],
    shape < 0 ? 0 : f.parameters[names[shape]],
    mu,
    rate
  );
  const sampler = parameterSampler(f);
  const s = streams(seed);
  const row = new Float64Array(sampler.p);
  const radii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sampler.draw(s, row);
    radii[i] = distanceForRate(f.model, row[sampler.scaleIndex], sampler.shapeIndex < 0 ? 0 : row[sampler.shapeIndex], mu, rate);
  }
  radii.sort();
  return { nominal_m, quantiles: quantiles.map((p) => ({ p, radius_m: quantileOfSorted(radii, p) })), rate_uSv_per_h: rate };
}
