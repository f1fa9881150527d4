// A fit result written out by hand: parameters, covariance and the rest chosen so that every bound has a closed form
// a test can compute on its own, instead of coming out of the fitter.
import type {FitResult, ModelName} from "../../lib/models/index.js";

export interface HandFit {
  model?: ModelName;
  /** Parameter values in model order: [S] or [S, r0] or [k, n]. */
  params: number[];
  /** null: a model without uncertainty. */
  covariance: number[][] | null;
  /** The instruments' relative uncertainty (type B); null: unknown. */
  instruments?: number | null;
  covarianceScale?: number;
  dof?: number;
  occasionScatter?: number | null;
  distanceRange_m?: [number, number] | null;
}

const NAMES: Record<ModelName, string[]> = {
  "inverse-square": ["S"],
  "inverse-square-air": ["S"],
  "inverse-square-offset": ["S", "r0"],
  "power-law": ["k", "n"]
};

export function handFit(spec: HandFit): FitResult {
  const model = spec.model ?? "inverse-square";
  const names = NAMES[model];
  const relative = spec.instruments === undefined ? 0.1 : spec.instruments;
  return {
    model, basis: "fit", n: 10,
    parameters: Object.fromEntries(names.map((name, j) => [name, {value: spec.params[j]!, stderr: spec.covariance ? Math.sqrt(spec.covariance[j]![j]!) : null, unit: ""}])),
    parameterNames: names, covariance: spec.covariance, chiSquare: 8, dof: spec.dof ?? 9, reducedChiSquare: 8 / 9,
    covarianceScale: spec.covarianceScale ?? 1, residuals: [], censored: [], converged: true, reason: null, iterations: 3,
    aic: null, aicc: null, distanceRange_m: spec.distanceRange_m === undefined ? [1, 5] : spec.distanceRange_m, context: {}, notes: [],
    instrumentUncertainty: relative === null ? null : {relative, method: "by hand", instruments: [], defaulted: false},
    occasionScatter: spec.occasionScatter === undefined ? 0 : spec.occasionScatter
  };
}
