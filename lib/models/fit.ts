// Weighted non-linear least squares (Levenberg–Marquardt) of a dose-rate model to net dose rates.
//
// The data are packed once into Float64Arrays; every iteration is then a single loop over those arrays that
// accumulates χ², JᵀWJ and JᵀW·(y − f) together, with no per-point allocation, so 10⁶ readings fit in well under
// a second per iteration. Models have one or two parameters, so the normal equations are solved by hand.
import {MODELS, airShape, type ModelDefinition} from "./definitions.js";
import {defaultInstrumentUncertainty, instrumentUncertainty} from "./instruments.js";
import type {CensoredCheck, FitPoint, FitResult, ModelContext, ModelName, ParameterEstimate, Residual} from "./types.js";

/** Readings beyond this many stated σ from the fit are flagged. */
export const FLAG_SIGMA = 3;

export interface PackedPoints {
  /** Entries in r, y and w: readings, or groups of readings at one distance (lib/models/grouped.ts). */
  n: number;
  r: Float64Array;
  y: Float64Array;
  w: Float64Array;
  minR: number;
  maxR: number;
  /**
   * Set when the entries are groups: the number of readings they hold (n, degrees of freedom and AIC count
   * readings, not groups) and Σ w·(y − ȳ)² within the groups, the part of χ² no model can change.
   */
  grouped?: {readings: number; chiSquareWithin: number};
}

/** The points that enter the least-squares sum (not censored), as arrays. */
export function packPoints(points: readonly FitPoint[]): PackedPoints {
  let n = 0;
  for (const p of points) if (!p.censored) n++;
  const r = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  let i = 0;
  let minR = Infinity;
  let maxR = -Infinity;
  for (const p of points) {
    if (p.censored) continue;
    r[i] = p.distance_m;
    y[i] = p.rate_uSv_per_h;
    w[i] = 1 / (p.sigma_uSv_per_h * p.sigma_uSv_per_h);
    if (p.distance_m < minR) minR = p.distance_m;
    if (p.distance_m > maxR) maxR = p.distance_m;
    i++;
  }
  return {n, r, y, w, minR, maxR};
}

/** Closed-form weighted least squares for Ḋ = S·g(r): S = Σ w·y·g / Σ w·g², with var(S) = 1 / Σ w·g². */
export function linearScaleFit(packed: PackedPoints, g: (r: number) => number): {S: number; variance: number} {
  let num = 0;
  let den = 0;
  for (let i = 0; i < packed.n; i++) {
    const gi = g(packed.r[i]!);
    num += packed.w[i]! * packed.y[i]! * gi;
    den += packed.w[i]! * gi * gi;
  }
  return {S: num / den, variance: 1 / den};
}

function scratch(n: number) {
  return {x: new Float64Array(n), z: new Float64Array(n), w: new Float64Array(n)};
}

/** Weighted straight line z = a + b·x; null when x does not vary. */
function weightedLine(x: ArrayLike<number>, z: ArrayLike<number>, w: ArrayLike<number>, n: number): {a: number; b: number} | null {
  let sw = 0, sx = 0, sz = 0, sxx = 0, sxz = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    sw += wi;
    sx += wi * x[i]!;
    sz += wi * z[i]!;
    sxx += wi * x[i]! * x[i]!;
    sxz += wi * x[i]! * z[i]!;
  }
  const det = sw * sxx - sx * sx;
  if (!(Math.abs(det) > 1e-12 * sw * sxx)) return null;
  const b = (sw * sxz - sx * sz) / det;
  return {a: (sz - b * sx) / sw, b};
}

/**
 * Power-law start point from the log-linear regression ln Ḋ = ln k − n·ln r, weighted by (Ḋ/σ)² (the inverse
 * variance of ln Ḋ to first order). Uses positive rates only; null when fewer than two distances remain.
 */
export function logLinearPowerLaw(packed: PackedPoints): {k: number; n: number} | null {
  const {x, z, w} = scratch(packed.n);
  let m = 0;
  for (let i = 0; i < packed.n; i++) {
    const y = packed.y[i]!;
    if (y <= 0) continue;
    x[m] = Math.log(packed.r[i]!);
    z[m] = Math.log(y);
    w[m++] = y * y * packed.w[i]!;
  }
  const line = weightedLine(x, z, w, m);
  return line ? {k: Math.exp(line.a), n: -line.b} : null;
}

/**
 * Offset start point: Ḋ^(−1/2) = (r + r0)/√S is a straight line in r, weighted by 4·Ḋ³/σ² (inverse variance of
 * Ḋ^(−1/2) to first order). Null when it does not give a physical S and r0.
 */
export function linearisedOffset(packed: PackedPoints): {S: number; r0: number} | null {
  const {x, z, w} = scratch(packed.n);
  let m = 0;
  for (let i = 0; i < packed.n; i++) {
    const y = packed.y[i]!;
    if (y <= 0) continue;
    x[m] = packed.r[i]!;
    z[m] = 1 / Math.sqrt(y);
    w[m++] = 4 * y * y * y * packed.w[i]!;
  }
  const line = weightedLine(x, z, w, m);
  if (!line || !(line.b > 0)) return null;
  const S = 1 / (line.b * line.b);
  const r0 = line.a / line.b;
  return packed.minR + r0 > 0 ? {S, r0} : null;
}

function startPoint(model: ModelDefinition, packed: PackedPoints, ctx: ModelContext): number[] {
  const invSq = (r: number) => 1 / (r * r);
  switch (model.name) {
    case "inverse-square":
      return [linearScaleFit(packed, invSq).S];
    case "inverse-square-air":
      return [linearScaleFit(packed, (r) => airShape(r, ctx)).S];
    case "power-law": {
      const s = logLinearPowerLaw(packed);
      return s ? [s.k, s.n] : [linearScaleFit(packed, invSq).S, 2];
    }
    case "inverse-square-offset": {
      const s = linearisedOffset(packed);
      return s ? [s.S, s.r0] : [linearScaleFit(packed, invSq).S, 0];
    }
  }
}

/** χ², JᵀWJ (row-major p×p into A) and JᵀW·(y − f) (into g) at params, in one pass. */
function accumulate(
  model: ModelDefinition, packed: PackedPoints, params: Float64Array, ctx: ModelContext,
  A: Float64Array, g: Float64Array, jac: Float64Array
): number {
  const p = params.length;
  A.fill(0);
  g.fill(0);
  let chi2 = packed.grouped?.chiSquareWithin ?? 0;
  const {r, y, w, n} = packed;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    const res = y[i]! - model.rate(ri, params, ctx);
    const wi = w[i]!;
    chi2 += wi * res * res;
    model.jacobian(ri, params, ctx, jac);
    for (let a = 0; a < p; a++) {
      const ja = jac[a]! * wi;
      g[a] = g[a]! + ja * res;
      for (let b = 0; b <= a; b++) A[a * p + b] = A[a * p + b]! + ja * jac[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) A[b * p + a] = A[a * p + b]!;
  return chi2;
}

/**
 * Inverse of a small symmetric positive semi-definite matrix (JᵀWJ, or it damped) by Gauss–Jordan; null when
 * (near-)singular. The matrix is first scaled to a unit diagonal, A = D·B·D with D = diag(√A_ii), so the test for a
 * pivot lost in rounding does not depend on the parameters' units: a source strength of 1e-6 µSv·m²/h beside an
 * exponent near 2 puts the diagonal twelve orders apart, and a test against the largest element refused such
 * well-determined fits. A diagonal element that is not positive is a parameter the data do not move: singular.
 * B has a unit diagonal and is positive semi-definite, so no off-diagonal element exceeds 1 and elimination needs no
 * row exchanges.
 */
export function invertSmall(A: ArrayLike<number>, p: number): number[][] | null {
  const d = Array.from({length: p}, (_, i) => Math.sqrt(A[i * p + i]!));
  const m = Array.from({length: p}, (_, i) => [
    ...Array.from({length: p}, (_, j) => A[i * p + j]! / d[i]! / d[j]!),
    ...Array.from({length: p}, (_, j) => (i === j ? 1 : 0))
  ]);
  for (let c = 0; c < p; c++) {
    const pv = m[c]![c]!;
    // Parameters the data cannot separate leave a pivot lost in rounding (the diagonal of B is 1); a diagonal element
    // of A that is zero, negative or infinite has made B's entries NaN, which this refuses too.
    if (!(pv > 1e-12)) return null;
    for (let j = 0; j < 2 * p; j++) m[c]![j]! /= pv;
    for (let i = 0; i < p; i++) {
      if (i === c) continue;
      const f = m[i]![c]!;
      for (let j = 0; j < 2 * p; j++) m[i]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row.slice(p).map((v, j) => v / d[i]! / d[j]!));
}

/** Solves (A + λ·diag(A))·δ = g for a small p; null when singular. */
function dampedStep(A: Float64Array, g: Float64Array, lambda: number, p: number): Float64Array | null {
  const D = new Float64Array(A);
  for (let a = 0; a < p; a++) D[a * p + a] = A[a * p + a]! * (1 + lambda);
  const inv = invertSmall(D, p);
  if (!inv) return null;
  const step = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) step[a] = step[a]! + inv[a]![b]! * g[b]!;
  return step;
}

export interface FitOptions {
  /** Start values in the order of MODELS[name].parameters; default from a linearised fit of the same data. */
  start?: readonly number[];
  maxIterations?: number;
}

interface Minimum {
  params: Float64Array;
  chi2: number;
  A: Float64Array;
  iterations: number;
  converged: boolean;
  reason: string | null;
}

/** True when the full Gauss–Newton step from here would lower χ² by a negligible amount (see below). */
function atMinimum(A: Float64Array, g: Float64Array, chi2: number, n: number): boolean {
  const p = g.length;
  const newton = dampedStep(A, g, 0, p);
  if (!newton) return false;
  let expected = 0;
  for (let a = 0; a < p; a++) expected += newton[a]! * g[a]!;
  return expected <= Math.max(1e-10 * Math.max(1, chi2 / Math.max(1, n - p)), 1e-13 * chi2);
}

function levenbergMarquardt(model: ModelDefinition, packed: PackedPoints, ctx: ModelContext, start: readonly number[], maxIterations: number): Minimum {
  const p = start.length;
  let params = Float64Array.from(start);
  let A = new Float64Array(p * p);
  let g = new Float64Array(p);
  const jac = new Float64Array(p);
  let chi2 = accumulate(model, packed, params, ctx, A, g, jac);
  if (!model.valid(params, packed.minR) || !Number.isFinite(chi2)) {
    return {params, chi2, A, iterations: 0, converged: false, reason: `the start values (${[...params].join(", ")}) are outside the model's physical range`};
  }
  // A linear model started at its closed-form solution is already there.
  const readings = packed.grouped?.readings ?? packed.n;
  if (atMinimum(A, g, chi2, readings)) return {params, chi2, A, iterations: 0, converged: true, reason: null};
  let lambda = 1e-3;
  const trialA = new Float64Array(p * p);
  const trialG = new Float64Array(p);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = dampedStep(A, g, lambda, p);
    if (!step) return {params, chi2, A, iterations: iteration, converged: false, reason: "the normal equations are singular: the data cannot determine every parameter"};
    const trial = new Float64Array(p);
    let relStep = 0;
    for (let a = 0; a < p; a++) {
      trial[a] = params[a]! + step[a]!;
      relStep = Math.max(relStep, Math.abs(step[a]!) / (Math.abs(params[a]!) + 1e-12));
    }
    const trialChi2 = model.valid(trial, packed.minR) ? accumulate(model, packed, trial, ctx, trialA, trialG, jac) : Infinity;
    if (Number.isFinite(trialChi2) && trialChi2 <= chi2) {
      const decrease = chi2 - trialChi2;
      params = trial;
      chi2 = trialChi2;
      A = Float64Array.from(trialA);
      g = Float64Array.from(trialG);
      lambda = Math.max(lambda / 10, 1e-12);
      // Stop when the full Gauss–Newton step could lower χ² by no more than 1e-10 (each parameter is then within
      // about 1e-5 standard errors of the minimum) or than the rounding of a sum of 10⁶ terms (1e-13·χ²), or when
      // χ² and the parameters have stopped changing.
      if (atMinimum(A, g, chi2, readings) || (decrease <= 1e-15 * chi2 && relStep < 1e-12)) {
        return {params, chi2, A, iterations: iteration, converged: true, reason: null};
      }
    } else {
      lambda *= 10;
      // No step, however short, lowers χ²: the current point is the minimum to machine precision.
      if (lambda > 1e12) return {params, chi2, A, iterations: iteration, converged: true, reason: null};
    }
  }
  return {params, chi2, A, iterations: maxIterations, converged: false, reason: `no convergence in ${maxIterations} iterations`};
}

/** Refuses, with a reason, what cannot be fitted; null when the data can be fitted. */
function refusal(model: ModelDefinition, packed: PackedPoints, ctx: ModelContext, idOf: (i: number) => string): string | null {
  if (model.needsMu && !(ctx.mu_per_m !== undefined && Number.isFinite(ctx.mu_per_m) && ctx.mu_per_m >= 0)) {
    return `${model.name} needs the linear attenuation coefficient of air (mu_per_m) at the effective photon energy`;
  }
  if (model.needsMu && ctx.buildup === undefined) {
    return `${model.name} needs the build-up factor of air (buildup) at the effective photon energy`;
  }
  for (let i = 0; i < packed.n; i++) {
    const r = packed.r[i]!;
    const w = packed.w[i]!;
    if (!(r > 0) || !Number.isFinite(r)) return `reading ${idOf(i)} has distance ${r} m: distances must be positive`;
    if (!(w > 0) || !Number.isFinite(w)) return `reading ${idOf(i)} has uncertainty ${1 / Math.sqrt(w)} µSv/h: it must be positive`;
    if (!Number.isFinite(packed.y[i]!)) return `reading ${idOf(i)} has a rate that is not a number`;
  }
  const p = model.parameters.length;
  const readings = packed.grouped?.readings ?? packed.n;
  if (readings - p <= 0) {
    return `${model.name} has ${p} parameter${p > 1 ? "s" : ""} and needs at least ${p + 1} readings above the detection limit to estimate them and their errors; ${readings} given`;
  }
  return null;
}

function emptyResult(model: ModelDefinition, n: number, ctx: ModelContext, reason: string): FitResult {
  const parameters: Record<string, ParameterEstimate> = {};
  for (const d of model.parameters) parameters[d.name] = {value: NaN, stderr: null, unit: d.unit};
  return {
    model: model.name, basis: "fit", n, parameters, parameterNames: model.parameters.map((d) => d.name), covariance: null,
    chiSquare: NaN, dof: n - model.parameters.length, reducedChiSquare: null, covarianceScale: 1, residuals: [], censored: [],
    converged: false, reason, iterations: 0, aic: null, aicc: null, distanceRange_m: null, context: ctx, notes: [],
    instrumentUncertainty: null, occasionScatter: null
  };
}

/**
 * Relative scatter between occasions τ (an sd of ln rate) by the method of moments: if every reading also varies by a
 * relative τ from occasion to occasion, E[χ²] ≈ ν + τ²·Σ w·f²·ν/n (the fitted parameters absorb p/n of it), so
 * τ² = (χ² − ν) / (Σ w·f² · ν/n), and 0 when χ² ≤ ν. One pass over the points at the minimum.
 */
export function occasionScatter(model: ModelDefinition, packed: PackedPoints, params: ArrayLike<number>, ctx: ModelContext, chi2: number): number {
  // Groups of readings (lib/models/grouped.ts) count as their readings: Σ W·f(r)² over groups is Σ w·f² over readings.
  const n = packed.grouped?.readings ?? packed.n;
  const dof = n - params.length;
  if (!(dof > 0) || !(chi2 > dof)) return 0;
  let information = 0;
  for (let i = 0; i < packed.n; i++) {
    const f = model.rate(packed.r[i]!, params, ctx);
    information += packed.w[i]! * f * f;
  }
  return information > 0 ? Math.sqrt((chi2 - dof) / ((information * dof) / n)) : 0;
}

/**
 * The fit itself, on packed arrays (r, y, weights): parameters, scaled covariance, χ², AIC. No per-reading output,
 * so it also serves data streamed from files too large to hold as reading objects (lib/io/stream-readings.ts).
 */
export function fitPacked(packed: PackedPoints, modelName: ModelName, ctx: ModelContext = {}, options: FitOptions = {}, idOf: (i: number) => string = (i) => `#${i + 1}`): FitResult {
  const model = MODELS[modelName];
  const n = packed.grouped?.readings ?? packed.n;
  const refused = refusal(model, packed, ctx, idOf);
  if (refused) return emptyResult(model, n, ctx, refused);
  const p = model.parameters.length;
  const start = options.start ?? startPoint(model, packed, ctx);
  const min = levenbergMarquardt(model, packed, ctx, start, options.maxIterations ?? 200);
  const dof = n - p;
  const reducedChiSquare = min.chi2 / dof;
  // Scatter beyond the stated uncertainties widens the errors; scatter within them never narrows them.
  const covarianceScale = Math.max(1, reducedChiSquare);
  const inverse = min.converged ? invertSmall(min.A, p) : null;
  const converged = min.converged && inverse !== null;
  const reason = min.reason ?? (inverse ? null : "JᵀWJ is singular at the minimum: the data cannot determine every parameter (e.g. all readings at one distance)");
  const covariance = inverse ? inverse.map((row) => row.map((c) => c * covarianceScale)) : null;

  const parameters: Record<string, ParameterEstimate> = {};
  model.parameters.forEach((d, j) => {
    parameters[d.name] = {value: min.params[j]!, stderr: covariance ? Math.sqrt(covariance[j]![j]!) : null, unit: d.unit};
  });
  const aic = min.chi2 + 2 * p;
  const notes: string[] = [];
  if (converged && reducedChiSquare > 1) notes.push(`reduced chi-square ${reducedChiSquare.toPrecision(3)} > 1: the readings scatter more than their stated uncertainties, so the standard errors were widened by sqrt(${reducedChiSquare.toPrecision(3)})`);
  return {
    model: modelName, basis: "fit", n, parameters, parameterNames: model.parameters.map((d) => d.name), covariance,
    chiSquare: min.chi2, dof, reducedChiSquare, covarianceScale, residuals: [], censored: [], converged, reason, iterations: min.iterations,
    aic: converged ? aic : null,
    aicc: converged && n - p - 1 > 0 ? aic + (2 * p * (p + 1)) / (n - p - 1) : null,
    distanceRange_m: [packed.minR, packed.maxR], context: ctx, notes,
    // Arrays carry no instruments: the default stands until fitModel (or, for groups, withInstruments) replaces it.
    instrumentUncertainty: converged ? defaultInstrumentUncertainty(n) : null,
    occasionScatter: converged ? occasionScatter(model, packed, min.params, ctx, min.chi2) : null
  };
}

/** A reading is flagged for review when it lies more than FLAG_SIGMA sigma from the fit (at exactly FLAG_SIGMA: not). */
export function isFlagged(normalisedResidual: number): boolean {
  return Math.abs(normalisedResidual) > FLAG_SIGMA;
}

/**
 * A reading below its detection limit agrees with the fit unless the fit predicts more than the limit plus FLAG_SIGMA
 * of the reading's sigma: a prediction just above the limit is within what the measurement can tell apart.
 */
export function censoredConsistent(predicted_uSv_per_h: number, mdl_rate_uSv_per_h: number | null, sigma_uSv_per_h: number): boolean {
  return mdl_rate_uSv_per_h === null || predicted_uSv_per_h <= mdl_rate_uSv_per_h + FLAG_SIGMA * sigma_uSv_per_h;
}

/** Fits `modelName` to the points by weighted least squares (weights 1/σ²). Never throws for data reasons. */
export function fitModel(points: readonly FitPoint[], modelName: ModelName, ctx: ModelContext = {}, options: FitOptions = {}): FitResult {
  const model = MODELS[modelName];
  const packed = packPoints(points);
  const fitted = points.filter((pt) => !pt.censored);
  const result = fitPacked(packed, modelName, ctx, options, (i) => fitted[i]!.reading_id);
  if (!result.converged && result.iterations === 0) return result;
  const params = parameterVector(result);

  const residuals: Residual[] = [];
  const censored: CensoredCheck[] = [];
  for (const pt of points) {
    const predicted = model.rate(pt.distance_m, params, ctx);
    if (pt.censored) {
      const limit = pt.mdl_rate_uSv_per_h;
      censored.push({reading_id: pt.reading_id, distance_m: pt.distance_m, mdl_rate_uSv_per_h: limit, predicted, consistent: censoredConsistent(predicted, limit, pt.sigma_uSv_per_h)});
      continue;
    }
    const normalised = (pt.rate_uSv_per_h - predicted) / pt.sigma_uSv_per_h;
    residuals.push({reading_id: pt.reading_id, distance_m: pt.distance_m, observed: pt.rate_uSv_per_h, predicted, normalised, flagged: isFlagged(normalised)});
  }
  const notes = [...result.notes];
  const flagged = residuals.filter((r) => r.flagged).length;
  if (flagged > 0) notes.push(`${flagged} reading${flagged > 1 ? "s lie" : " lies"} more than ${FLAG_SIGMA} sigma from the fit`);
  const inconsistent = censored.filter((c) => !c.consistent).length;
  if (inconsistent > 0) notes.push(`${inconsistent} reading${inconsistent > 1 ? "s" : ""} below the detection limit where the fit predicts a clearly detectable dose`);
  const instruments = result.converged ? instrumentUncertainty(points, (r) => model.rate(r, params, ctx)) : null;
  return {...result, residuals, censored, notes, instrumentUncertainty: instruments};
}

/** The parameter values of a result, in model order, for rate() and jacobian(). */
export function parameterVector(result: FitResult): Float64Array {
  return Float64Array.from(result.parameterNames.map((name) => result.parameters[name]!.value));
}
