// Timing of the weighted least-squares fit on 10⁴, 10⁵ and 10⁶ synthetic readings (run with tsx).
// Data generation is not timed; each timing is the best of a few runs to damp noise on a shared machine.
import {randomLcg, randomNormal} from "d3";
import {airContext, fitModel, type FitPoint, type ModelName} from "../lib/models/index.js";

function synthetic(n: number, seed: number): FitPoint[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  return Array.from({length: n}, (_, i) => {
    const r = 0.5 + (9.5 * i) / Math.max(1, n - 1);
    const truth = 133.8 / (r + 0.3) ** 2;
    const sigma = 0.1 * truth;
    return {
      reading_id: `b${i}`, device_id: "BENCH", distance_m: r, angle_deg: null, rate_uSv_per_h: truth + sigma * normal(),
      sigma_uSv_per_h: sigma, censored: false, mdl_rate_uSv_per_h: null, source: null
    };
  });
}

const models: ModelName[] = ["inverse-square", "inverse-square-offset", "power-law", "inverse-square-air"];
const ctx = airContext(60); // 60 keV air: μ from NIST [NIST-SRD-126], build-up from ANSI/ANS-6.4.3 [ANSI-ANS-6.4.3]
console.log("fit timings (best of 3 runs), readings → ms per fit");
console.log(["readings", ...models].map((s) => s.padStart(22)).join(""));
for (const n of [1e4, 1e5, 1e6]) {
  const points = synthetic(n, 1);
  const row = [String(n)];
  for (const model of models) {
    let best = Infinity;
    let iterations = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const fit = fitModel(points, model, ctx);
      best = Math.min(best, performance.now() - t0);
      iterations = fit.iterations;
      if (!fit.converged) throw new Error(`${model} did not converge on ${n} readings: ${fit.reason}`);
    }
    row.push(`${best.toFixed(1)} ms (${iterations} it)`);
  }
  console.log(row.map((s) => s.padStart(22)).join(""));
}
