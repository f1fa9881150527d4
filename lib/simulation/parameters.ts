// Draws of the dose-model parameters from their fitted covariance (multivariate normal through a Cholesky factor).
//
// Negative-parameter policy: the scale parameter (S or k) is a source strength and must stay positive, so it is drawn
// in log space: log S ~ N(log Ŝ, σ_S²/Ŝ²), with its covariances carried over by the same first-order (delta-method)
// transform. Its median is the fitted value and, for small relative uncertainties, its spread matches the fitted one.
// Shape parameters (r0, n) are drawn on their own scale; a draw that is not physical (n ≤ 0, or an offset source beyond
// the nearest calibration distance, r_min + r0 ≤ 0) is redrawn whole, i.e. the normal is truncated, and the number of
// redraws is reported so that a heavily truncated fit is visible.
//
// The rest of the uncertainty budget (docs/methodology.md) travels with the field as `uncertainty`, and the draws carry
// it so that a Monte Carlo percentile means what the analytic bound means:
// - a covariance widened by a reduced χ² > 1 rests on σ estimated from ν degrees of freedom: the draws are
//   multivariate Student's t with ν degrees of freedom (the normal draw divided by √(χ²_ν/ν)), not normal;
// - the instruments' type B multiplies the scale by exp(u_B·z), z standard normal, independent of the fit;
// - for a question about one occasion (`interval: "prediction"`), the scatter between occasions multiplies it by
//   exp(τ·z′), sharing the fit's χ²_ν divisor because τ was estimated from the same scatter.
import {randomGamma} from "d3-random";
import {parameterIndices, type DoseFieldModel} from "../field/formulas.js";
import {cholesky, streams, type Streams} from "./random.js";

/** Which interval the draws represent: the curve (many occasions) or one occasion; see lib/exposure/predict.ts. */
export type DrawInterval = "confidence" | "prediction";

const DEFAULT_MIN_DISTANCE_M = 0.5;
const MAX_REDRAWS_PER_SAMPLE = 1000;

export interface ParameterSamples {
  names: string[];
  /** n × p values, row-major, in the order of `names`. */
  values: Float64Array;
  n: number;
  /** Draws refused as non-physical and redrawn. */
  redrawn: number;
}

/** A reusable sampler: draws one parameter vector into `out` from the given streams. */
export interface ParameterSampler {
  p: number;
  scaleIndex: number;
  shapeIndex: number;
  draw(s: Streams, out: Float64Array): number;
}

export function parameterSampler(field: DoseFieldModel, interval: DrawInterval = "confidence"): ParameterSampler {
  const {scale, shape} = parameterIndices(field);
  const names = field.parameterNames;
  const p = names.length;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const v = field.parameters[names[j]!];
    if (v === undefined || !Number.isFinite(v)) throw new Error(`parameter "${names[j]}" has no finite value`);
    mean[j] = v;
  }
  if (!(mean[scale]! > 0)) throw new Error(`the scale parameter ${names[scale]} must be > 0, got ${mean[scale]}`);
  if (field.covariance.length !== p) throw new Error(`covariance has ${field.covariance.length} rows, expected ${p}`);
  // Covariance of (log scale, other parameters): rows and columns of the scale parameter divided by its value.
  const transformed = field.covariance.map((row, i) =>
    row.map((c, j) => c / (i === scale ? mean[scale]! : 1) / (j === scale ? mean[scale]! : 1))
  );
  const l = cholesky(transformed);
  const logScale = Math.log(mean[scale]!);
  const minDistance_m = field.minDistance_m ?? DEFAULT_MIN_DISTANCE_M;
  const z = new Float64Array(p);
  const model = field.model;
  const u = field.uncertainty;
  const typeB = u?.typeB_logSd ?? 0;
  const occasion = interval === "prediction" ? (u?.occasion_logSd ?? 0) : 0;
  const dof = u?.dof ?? null;
  if (!(typeB >= 0) || !(occasion >= 0) || (dof !== null && !(dof > 0))) {
    throw new Error(`the field's uncertainty must have typeB_logSd ≥ 0, occasion_logSd ≥ 0 and dof > 0 or null; got ${JSON.stringify(u)}`);
  }
  // χ²_ν = Gamma(ν/2, 2), drawn from the same seeded source as everything else.
  let gammaSource: Streams | null = null;
  let chiSquare: () => number = () => 1;
  return {
    p,
    scaleIndex: scale,
    shapeIndex: shape,
    draw(s, out) {
      if (dof !== null && gammaSource !== s) {
        gammaSource = s;
        chiSquare = randomGamma.source(s.source)(dof / 2, 2);
      }
      for (let attempt = 0; attempt < MAX_REDRAWS_PER_SAMPLE; attempt++) {
        for (let j = 0; j < p; j++) z[j] = s.normal();
        const t = dof === null ? 1 : 1 / Math.sqrt(chiSquare() / dof);
        // The parts outside the covariance, on ln(scale): instruments (normal) and occasions (sharing the t divisor).
        let extra = 0;
        if (typeB > 0) extra += typeB * s.normal();
        if (occasion > 0) extra += occasion * t * s.normal();
        for (let i = 0; i < p; i++) {
          let v = i === scale ? logScale : mean[i]!;
          for (let k = 0; k <= i; k++) v += l[i * p + k]! * z[k]! * t;
          out[i] = i === scale ? Math.exp(v + extra) : v;
        }
        const h = shape < 0 ? 0 : out[shape]!;
        const physical =
          (model !== "power-law" || h > 0) && (model !== "inverse-square-offset" || minDistance_m + h > 0);
        if (physical) return attempt;
      }
      throw new Error(
        `could not draw physical parameters for ${model} in ${MAX_REDRAWS_PER_SAMPLE} tries: the fitted uncertainty is too large for Monte Carlo`
      );
    }
  };
}

/** n seeded draws of the parameter vector. */
export function sampleParameters(field: DoseFieldModel, n: number, seed: number, interval: DrawInterval = "confidence"): ParameterSamples {
  const sampler = parameterSampler(field, interval);
  const s = streams(seed);
  const values = new Float64Array(n * sampler.p);
  const row = new Float64Array(sampler.p);
  let redrawn = 0;
  for (let i = 0; i < n; i++) {
    redrawn += sampler.draw(s, row);
    values.set(row, i * sampler.p);
  }
  return {names: [...field.parameterNames], values, n, redrawn};
}
