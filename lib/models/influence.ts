// How much each reading decides a fit: leverage, Cook's distance, and the fit without the reading (leave-one-out).
//
// One pass over the readings gives, for every reading i, its leverage h = wᵢ·Jᵢ·(JᵀWJ)⁻¹·Jᵢᵀ and its Cook's distance,
// and a first-order bound on how far removing it can move *any* figure computed from the fit, in units of that
// figure's standard uncertainty, without knowing the figure:
//
//   Δθ = −(JᵀWJ)⁻¹·Jᵢᵀ·wᵢ·eᵢ / (1 − h)                 (the rank-one downdate of the normal equations)
//   |gᵀΔθ| ≤ √(gᵀCg) · |eᵢ|·√(wᵢ·h) / ((1 − h)·s)       (Cauchy–Schwarz, C = s²·(JᵀWJ)⁻¹, for every gradient g)
//   √(gᵀC₍ᵢ₎g) / √(gᵀCg) ∈ [s₍ᵢ₎/s, s₍ᵢ₎/(s·√(1 − h))]   (Sherman–Morrison; s² = max(1, χ²/dof), χ²₍ᵢ₎ = χ² − wᵢeᵢ²/(1 − h))
//
// so a 95 % bound (estimate·exp(q·sd) on the log, lib/exposure/predict.ts) moves by at most `bound` standard
// deviations of its log. Readings whose bound is small cannot move a published figure by its own uncertainty and are
// not looked at again; only the few others are refitted without them. For models linear in their one parameter
// (inverse-square, inverse-square-air) the downdate is exact; the others are refitted from the downdated start, which
// converges in a few iterations. The whole screen is O(n·p²): cheap for 10⁶ readings.
import {MODELS} from "./definitions.js";
import {fitPacked, parameterVector, type PackedPoints} from "./fit.js";
import type {FitResult, ParameterEstimate} from "./types.js";

/**
 * Readings whose bound is below this (standard deviations sd of the figure's log) are not refitted. A 95 % bound
 * U = D·exp(q·sd) moves by more than its margin U − D only if bound·sd > 1 − exp(−q·sd), i.e. bound > 0.8 for any
 * sd ≤ 1 (one-sided q ≥ 1.645; a larger sd already puts the bound five times above the estimate); 0.5 leaves room for
 * the first-order error of the non-linear models and the scatter between occasions, which the bound does not model
 * exactly. test/models/influence.test.ts holds every cleared reading of a seeded set to it, by refitting each one.
 */
export const SCREEN_BOUND = 0.5;
/** The largest coverage factor a bound uses (Student's t at few degrees of freedom is below it for dof ≥ 4). */
const MAX_COVERAGE = 2.8;

export interface ReadingInfluence {
  /** Index of the reading in the packed points (the order of the fit's uncensored readings). */
  index: number;
  leverage: number;
  /** Cook's distance with the residual variance χ²/dof. */
  cooksDistance: number;
  /** First-order bound on the move of any figure's 95 % bound, in standard deviations of its log (see above). */
  bound: number;
}

/** Leverage, Cook's distance and the screening bound of every fitted reading; empty when the fit has no covariance. */
export function influenceDiagnostics(fit: FitResult, packed: PackedPoints): ReadingInfluence[] {
  if (!fit.converged || fit.covariance === null || fit.dof < 1) return [];
  const def = MODELS[fit.model];
  const theta = parameterVector(fit);
  const p = theta.length;
  const s2 = fit.covarianceScale;
  const C0 = fit.covariance.map((row) => row.map((c) => c / s2));
  const sigma2 = fit.chiSquare / fit.dof;
  const jac = new Float64Array(p);
  const out: ReadingInfluence[] = new Array(packed.n);
  for (let i = 0; i < packed.n; i++) {
    const r = packed.r[i]!;
    const w = packed.w[i]!;
    const e = packed.y[i]! - def.rate(r, theta, fit.context);
    def.jacobian(r, theta, fit.context, jac);
    let q = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) q += jac[a]! * C0[a]![b]! * jac[b]!;
    // Rounding can leave h a hair above 1 for a reading that alone fixes a parameter: it then decides the fit.
    const h = Math.min(w * q, 1 - 1e-12);
    const chi2Without = Math.max(0, fit.chiSquare - (w * e * e) / (1 - h));
    const sWithout = fit.dof > 1 ? Math.sqrt(Math.max(1, chi2Without / (fit.dof - 1))) : Infinity;
    const s = Math.sqrt(s2);
    const shift = (Math.abs(e) * Math.sqrt(w * h)) / ((1 - h) * s);
    const widen = Math.max(Math.abs(sWithout / s - 1), Math.abs(sWithout / (s * Math.sqrt(1 - h)) - 1));
    out[i] = {
      index: i,
      leverage: h,
      cooksDistance: sigma2 > 0 ? (w * e * e * h) / (p * sigma2 * (1 - h) * (1 - h)) : 0,
      bound: shift + MAX_COVERAGE * widen
    };
  }
  return out;
}

/** The packed points without point i. */
function without(packed: PackedPoints, i: number): PackedPoints {
  const drop = <T extends Float64Array>(a: T) => {
    const b = new Float64Array(packed.n - 1);
    b.set(a.subarray(0, i));
    b.set(a.subarray(i + 1, packed.n), i);
    return b;
  };
  const r = drop(packed.r);
  let minR = Infinity;
  let maxR = -Infinity;
  for (const x of r) {
    if (x < minR) minR = x;
    if (x > maxR) maxR = x;
  }
  return {n: packed.n - 1, r, y: drop(packed.y), w: drop(packed.w), minR, maxR};
}

/**
 * The fit without reading `index`: the same model, refitted (from the rank-one downdate as start, so in a few
 * iterations; exactly the downdate for a model linear in its one parameter; from a fresh fit's start when the
 * downdate leaves the model's range). Every other field of the fit (its
 * context, notes, instruments' uncertainty) is kept, so the figures computed from it are computed as from the fit.
 */
export function fitWithout(fit: FitResult, packed: PackedPoints, index: number): FitResult {
  const rest = without(packed, index);
  const def = MODELS[fit.model];
  const theta = parameterVector(fit);
  const p = theta.length;
  // The downdated start: θ − (JᵀWJ)⁻¹·Jᵢᵀ·wᵢ·eᵢ / (1 − h).
  let start: number[] = [...theta];
  if (fit.covariance) {
    const C0 = fit.covariance.map((row) => row.map((c) => c / fit.covarianceScale));
    const jac = new Float64Array(p);
    const r = packed.r[index]!;
    const w = packed.w[index]!;
    const e = packed.y[index]! - def.rate(r, theta, fit.context);
    def.jacobian(r, theta, fit.context, jac);
    const cj = C0.map((row) => row.reduce((sum, c, b) => sum + c * jac[b]!, 0));
    const h = w * cj.reduce((sum, c, a) => sum + c * jac[a]!, 0);
    if (h < 1 - 1e-9) start = start.map((t, a) => t - (cj[a]! * w * e) / (1 - h));
  }
  // A downdated start outside the model's range (the other readings alone pull a parameter out of it) is no
  // start: the refit then begins where a fresh fit of the other readings would, and fails where that fails.
  const refit = fitPacked(rest, fit.model, fit.context, def.valid(start, rest.minR) ? {start} : {});
  const parameters: Record<string, ParameterEstimate> = {};
  for (const name of fit.parameterNames) parameters[name] = refit.parameters[name]!;
  return {
    ...fit,
    n: refit.n, parameters, covariance: refit.covariance, chiSquare: refit.chiSquare, dof: refit.dof,
    reducedChiSquare: refit.reducedChiSquare, covarianceScale: refit.covarianceScale, converged: refit.converged,
    reason: refit.reason, iterations: refit.iterations, aic: refit.aic, aicc: refit.aicc, distanceRange_m: refit.distanceRange_m,
    // The scatter between occasions is the refit's; the instruments' type B (shared by every reading of an
    // instrument) is kept from the fit: one reading fewer hardly changes an instrument's share.
    occasionScatter: refit.occasionScatter, residuals: [], censored: []
  };
}
