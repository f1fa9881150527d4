// Which model do the data support? Every model fitted to the same points, ranked by Akaike's criterion.
import {MODELS} from "./definitions.js";
import {fitModel} from "./fit.js";
import {fitGroups, type ReadingGroup} from "./grouped.js";
import {MODEL_NAMES, type FitPoint, type FitResult, type ModelContext, type ModelName} from "./types.js";

export interface ModelComparison {
  model: ModelName;
  fit: FitResult;
  /** "aicc" when every converged model has an AICc (enough points), else "aic". */
  criterion: "aicc" | "aic";
  /** The criterion's value; null when the model did not converge. */
  score: number | null;
  /** score − best score. */
  delta: number | null;
  /** Akaike weight exp(−Δ/2) / Σ exp(−Δ/2): the relative support of the model among those compared. */
  weight: number | null;
}

/**
 * Fits every model (inverse-square-air only when ctx has μ) and ranks them, best first; models that did not
 * converge come last with a null score and their reason in fit.reason.
 */
export function compareModels(points: readonly FitPoint[], ctx: ModelContext = {}): ModelComparison[] {
  return rankFits(comparableModels(ctx).map((name) => fitModel(points, name, ctx)));
}

/** The same ranking from groups of readings (lib/models/grouped.ts): the same fits, without per-reading output. */
export function compareGroupedModels(groups: readonly ReadingGroup[], ctx: ModelContext = {}): ModelComparison[] {
  return rankFits(comparableModels(ctx).map((name) => fitGroups(groups, name, ctx)));
}

function comparableModels(ctx: ModelContext): ModelName[] {
  return MODEL_NAMES.filter((name) => !MODELS[name].needsMu || ctx.mu_per_m !== undefined);
}

function rankFits(fits: FitResult[]): ModelComparison[] {
  const converged = fits.filter((f) => f.converged);
  const criterion: "aicc" | "aic" = converged.length > 0 && converged.every((f) => f.aicc !== null) ? "aicc" : "aic";
  const scoreOf = (f: FitResult) => (f.converged ? (criterion === "aicc" ? f.aicc : f.aic) : null);
  const best = converged.reduce((m, f) => Math.min(m, scoreOf(f)!), Infinity);
  const total = converged.reduce((sum, f) => sum + Math.exp(-(scoreOf(f)! - best) / 2), 0);
  const rows = fits.map((fit): ModelComparison => {
    const score = scoreOf(fit);
    const delta = score === null ? null : score - best;
    return {model: fit.model, fit, criterion, score, delta, weight: delta === null ? null : Math.exp(-delta / 2) / total};
  });
  return rows.sort((a, b) => (a.score ?? Infinity) - (b.score ?? Infinity));
}
