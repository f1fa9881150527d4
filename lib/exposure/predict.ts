// A fitted model's dose rate at a distance, with its one-sided 95 % bounds and the uncertainty budget behind them.
//
// "95 %" means one thing throughout the product (docs/methodology.md, "What 95 % means"): a ONE-SIDED 95 % bound. The
// upper bound is a value the true dose rate exceeds with probability 5 %; verdicts of "within" rest on it. The lower
// bound is the one-sided 95 % bound from below; "exceeds" rests on it. Together they span a 90 % two-sided interval.
//
// Budget (GUM, JCGM 100:2008 [JCGM-100]), everything on ln Ḋ, where relative uncertainties add in quadrature:
//   type A, the fit:          u_A² = gᵀ C g, g = ∂ln Ḋ/∂θ (delta method), C the fit covariance
//   type B, the instruments:  u_B, their calibration and energy response; the same on every reading, so it does not
//                             shrink with the number of readings (lib/models/instruments.ts)
//   between occasions:        u_O = τ, only for a prediction about one occasion (the excess scatter, χ²ν > 1)
//   sd² = u_A² + u_B² (+ u_O²), bounds Ḋ·exp(±q·sd).
// q is the one-sided 95 % quantile: z = 1.645 when every component rests on stated uncertainties, Student's t(0.95,
// ν_eff) when the covariance (and τ) were estimated from the scatter of ν degrees of freedom, with ν_eff from the
// Welch–Satterthwaite formula (GUM G.4.1) [JCGM-100]: ν_eff = sd⁴ / ((u_A⁴ + u_O⁴)/ν), type B counted as exactly known.
import {MODELS, parameterVector, type FitResult, type InstrumentUncertainty} from "../models/index.js";
import {studentTQuantile} from "./student-t.js";

/** The one-sided 95 % quantile of the standard normal distribution. */
export const Z95 = 1.6448536269514722;

/** The probability a bound holds on its side: one-sided 95 %. */
export const BOUND_PROBABILITY = 0.95;

export const DEFINITION_95 =
  "one-sided 95 %: the true dose is above the upper bound with probability 5 %, and below the lower bound with probability 5 % (together a 90 % two-sided interval)";

export const BOUND_METHOD =
  "one-sided 95% bounds on ln(dose rate): rate * exp(±q * sd), sd^2 = g' C g (fit, type A) + u_B^2 (instruments' calibration and energy response, type B) [+ tau^2 between occasions for one occasion]; q = 1.645, or Student's t(0.95, nu_eff) (Welch-Satterthwaite) when the covariance was widened by the observed scatter";

/**
 * Which interval a question needs. `confidence`: the bound on the curve itself, the mean dose over many occasions
 * (annual sums, the published curve). `prediction`: the bound on one occasion, which adds the scatter between occasions
 * the fit saw beyond the stated uncertainties (χ²ν > 1); identical to `confidence` when χ²ν ≤ 1.
 */
export type BoundInterval = "confidence" | "prediction";

export interface BudgetComponent {
  id: "fit" | "instruments" | "occasions";
  label: string;
  /** GUM type: A, evaluated from the readings' scatter; B, from stated or assumed instrument properties. */
  type: "A" | "B";
  /** Standard uncertainty of ln rate (≈ relative standard uncertainty of the rate), k = 1. */
  logSd: number;
  /** Degrees of freedom; null for infinitely many (taken as exactly known). */
  dof: number | null;
  /** Fraction of the combined variance. */
  share: number;
}

export interface UncertaintyBudget {
  interval: BoundInterval;
  components: BudgetComponent[];
  /** Combined standard uncertainty of ln rate. */
  logSd: number;
  /** Welch–Satterthwaite effective degrees of freedom; null for infinitely many. */
  effectiveDof: number | null;
  /** The quantile q of the one-sided 95 % bounds. */
  coverageFactor: number;
  /** The instruments behind the type B component, each with its share. */
  instruments: InstrumentUncertainty;
}

export interface RatePrediction {
  rate_uSv_per_h: number;
  /** One-sided 95 % upper bound. */
  upper95_uSv_per_h: number;
  /** One-sided 95 % lower bound. */
  lower95_uSv_per_h: number;
  /** Combined standard deviation of ln(rate); null when the model's uncertainty is unknown (reference figure). */
  logSd: number | null;
  /** The quantile q used for the bounds (1.645 or Student's t); 0 when the uncertainty is unknown. */
  coverageFactor: number;
  interval: BoundInterval;
  /** Each component with its share; null when the uncertainty is unknown. */
  budget: UncertaintyBudget | null;
  /** False when the bounds equal the point estimate because the model carries no uncertainty. */
  uncertaintyKnown: boolean;
  /** True when the distance lies outside the fitted distances. */
  extrapolated: boolean;
}

export class UnusableModelError extends Error {
  override name = "UnusableModelError";
}

function assertUsable(model: FitResult): void {
  if (!model.converged) throw new UnusableModelError(`the ${model.model} fit cannot be used: ${model.reason ?? "it did not converge"}`);
}

/** The one-sided 95 % quantile for ν degrees of freedom (null: infinitely many); remembered per ν. */
export function oneSidedQuantile(dof: number | null): number {
  if (dof === null || !Number.isFinite(dof) || dof > 1e7) return Z95;
  let q = T95.get(dof);
  if (q === undefined) T95.set(dof, (q = studentTQuantile(BOUND_PROBABILITY, dof)));
  return q;
}

const T95 = new Map<number, number>();

/** Standard deviation of ln Ḋ(r) from the fit's covariance alone (type A); null when it has none. */
export function logRateSd(model: FitResult, distance_m: number): number | null {
  assertUsable(model);
  if (model.covariance === null) return null;
  const def = MODELS[model.model];
  const params = parameterVector(model);
  const rate = def.rate(distance_m, params, model.context);
  const jac = new Float64Array(params.length);
  def.jacobian(distance_m, params, model.context, jac);
  let variance = 0;
  for (let a = 0; a < params.length; a++) {
    for (let b = 0; b < params.length; b++) variance += (jac[a]! / rate) * model.covariance[a]![b]! * (jac[b]! / rate);
  }
  return Math.sqrt(Math.max(0, variance));
}

/** Degrees of freedom of the scatter-based parts: ν when the covariance was widened, else infinitely many. */
function scatterDof(model: FitResult): number | null {
  return model.covarianceScale > 1 && model.dof > 0 ? model.dof : null;
}

/** The budget of ln Ḋ at a distance; null when the model carries no uncertainty (a reference figure). */
export function uncertaintyBudget(model: FitResult, distance_m: number, interval: BoundInterval = "confidence"): UncertaintyBudget | null {
  const uA = logRateSd(model, distance_m);
  if (uA === null || model.instrumentUncertainty === null) return null;
  const nu = scatterDof(model);
  const parts: Omit<BudgetComponent, "share">[] = [
    {id: "fit", label: "fit to the readings (statistical)", type: "A", logSd: uA, dof: nu},
    {id: "instruments", label: "instruments' calibration and energy response", type: "B", logSd: model.instrumentUncertainty.relative, dof: null}
  ];
  const tau = model.occasionScatter ?? 0;
  if (interval === "prediction" && tau > 0) parts.push({id: "occasions", label: "variation between occasions", type: "A", logSd: tau, dof: nu});
  const variance = parts.reduce((s, c) => s + c.logSd * c.logSd, 0);
  const logSd = Math.sqrt(variance);
  // Welch–Satterthwaite: only components with finite ν enter the denominator.
  const denominator = parts.reduce((s, c) => (c.dof === null ? s : s + c.logSd ** 4 / c.dof), 0);
  const effectiveDof = denominator > 0 ? variance * variance / denominator : null;
  return {
    interval,
    components: parts.map((c) => ({...c, share: variance > 0 ? (c.logSd * c.logSd) / variance : 0})),
    logSd,
    effectiveDof,
    coverageFactor: oneSidedQuantile(effectiveDof),
    instruments: model.instrumentUncertainty
  };
}

export interface PredictOptions {
  /** Default "confidence" (the curve); "prediction" for a question about one occasion. */
  interval?: BoundInterval;
}

export function predictRate(model: FitResult, distance_m: number, options: PredictOptions = {}): RatePrediction {
  assertUsable(model);
  if (!(distance_m > 0)) throw new RangeError(`distance ${distance_m} m: a prediction needs a positive distance`);
  const interval = options.interval ?? "confidence";
  const def = MODELS[model.model];
  const rate = def.rate(distance_m, parameterVector(model), model.context);
  const budget = uncertaintyBudget(model, distance_m, interval);
  const range = model.distanceRange_m;
  const sd = budget?.logSd ?? null;
  const q = budget?.coverageFactor ?? 0;
  return {
    rate_uSv_per_h: rate,
    upper95_uSv_per_h: sd === null ? rate : rate * Math.exp(q * sd),
    lower95_uSv_per_h: sd === null ? rate : rate * Math.exp(-q * sd),
    logSd: sd,
    coverageFactor: q,
    interval,
    budget,
    uncertaintyKnown: sd !== null,
    extrapolated: range !== null && (distance_m < range[0] || distance_m > range[1])
  };
}
