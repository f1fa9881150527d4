// Per device: every model fitted to the device's readings (all angles, and per angle sector where angles are
// stated), the model each group's figures use, the curves pages draw, and a conservative dose estimator that the
// compliance scenarios call.
//
// Conservative by construction: a person's dose is estimated with every usable group's selected model (all angles
// together and each angle sector) and the estimate with the highest 95 % upper bound is the one used, because a
// reader cannot choose which side of the van to stand on.
import {
  checkAgainstFit, compareGroupedModels, groupPoints, mergeSectors, sectorCentre, DEFAULT_SECTOR_WIDTH_DEG, type FitPoint, type FitResult,
  type ModelContext, type ReadingGroup
} from "../models/index.js";
import {predictRate, scenarioDose, uncertaintyBudget, type BoundInterval} from "../exposure/index.js";
import type {DoseEstimate} from "../compliance/verdict.js";
import type {CurvePoint, PublishedBudget, PublishedFit} from "./types.js";
import type {DoseFieldModel} from "../field/formulas.js";

/** Fewer fitted (uncensored) readings than this in a group and its figures cannot be determined. */
export const MIN_FITTED_READINGS = 5;

export interface GroupModels {
  device_id: string;
  /** null: all angles together. */
  sector: string | null;
  fits: FitResult[];
  /** Akaike weight of each fit, same order. */
  weights: (number | null)[];
  /** The best-supported converged fit with enough readings; null when none. */
  selected: FitResult | null;
  /** For each fit (same order): its readings beyond 3σ and its readings below detection; null without the readings. */
  checks: {flagged: number; censored: number}[] | null;
  /** The readings grouped by distance, as fitted (lib/models/grouped.ts). */
  readingGroups: ReadingGroup[];
  /** Why there is no selected model. */
  reason: string | null;
}

export interface DeviceModels {
  device_id: string;
  groups: GroupModels[];
}

export function sectorLabel(angle_deg: number | null): string | null {
  return angle_deg === null ? null : `${sectorCentre(angle_deg, DEFAULT_SECTOR_WIDTH_DEG)}°`;
}

/**
 * Every model fitted to a group of readings from its sums per distance (lib/models/grouped.ts: the same fits as to
 * every reading, at any number of readings, with the instruments' type B), ranked, and the one its figures use; with
 * the readings themselves, each fit is also checked against every one of them.
 */
function fitGroup(device_id: string, sector: string | null, groups: readonly ReadingGroup[], ctx: ModelContext, points?: readonly FitPoint[]): GroupModels {
  const readingGroups = mergeSectors(groups);
  const ranked = compareGroupedModels(readingGroups, ctx);
  const fits = ranked.map((c) => c.fit);
  const weights = ranked.map((c) => c.weight);
  const checks = points ? fits.map((fit) => {
    const check = checkAgainstFit(points, fit);
    return {flagged: check.flagged.length, censored: check.censored};
  }) : null;
  const fitted = readingGroups.reduce((n, g) => n + g.n, 0);
  if (fitted < MIN_FITTED_READINGS) {
    return {device_id, sector, fits, weights, checks, readingGroups, selected: null, reason: `only ${fitted} readings above the detection limit; at least ${MIN_FITTED_READINGS} are needed`};
  }
  const best = ranked.find((c) => c.fit.converged)?.fit ?? null;
  return {device_id, sector, fits, weights, checks, readingGroups, selected: best, reason: best ? null : `no model converged (${fits.map((f) => `${f.model}: ${f.reason}`).join("; ")})`};
}

/** One device's models from its readings grouped by sector and distance (lib/io/scan-readings.ts, or groupPoints). */
export function fitDeviceGroups(device_id: string, groups: readonly ReadingGroup[], ctx: ModelContext): DeviceModels {
  const out = [fitGroup(device_id, null, groups, ctx)];
  const sectors = [...new Set(groups.map((g) => g.sector_deg).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  for (const centre of sectors) out.push(fitGroup(device_id, `${centre}°`, groups.filter((g) => g.sector_deg === centre), ctx));
  return {device_id, groups: out};
}

export function fitDevice(device_id: string, points: readonly FitPoint[], ctx: ModelContext): DeviceModels {
  const groups = groupPoints(points);
  const bySector = new Map<string, FitPoint[]>();
  for (const p of points) {
    const label = sectorLabel(p.angle_deg);
    if (label === null) continue;
    let list = bySector.get(label);
    if (!list) bySector.set(label, (list = []));
    list.push(p);
  }
  const out = [fitGroup(device_id, null, groups, ctx, points)];
  const sectors = [...new Set(groups.map((g) => g.sector_deg).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  for (const centre of sectors) {
    out.push(fitGroup(device_id, `${centre}°`, groups.filter((g) => g.sector_deg === centre), ctx, bySector.get(`${centre}°`) ?? []));
  }
  return {device_id, groups: out};
}

/** The selected models of every usable group, all-angles first. */
export function usableModels(device: DeviceModels): {sector: string | null; fit: FitResult}[] {
  return device.groups.filter((g) => g.selected !== null).map((g) => ({sector: g.sector, fit: g.selected!}));
}

/** A dose estimate for the compliance scenarios: the usable model with the highest upper bound at that spot. */
export function conservativeEstimator(device: DeviceModels): (q: {distance_m: number; duration_s: number; interval?: BoundInterval}) => DoseEstimate & {basis: string | null} {
  const models = usableModels(device);
  return (q) => {
    if (models.length === 0) {
      const reason = device.groups[0]?.reason ?? "no readings";
      return {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: `no usable model for ${device.device_id}: ${reason}`, basis: null};
    }
    const doses = models.map((m) => ({m, d: scenarioDose(m.fit, q, {interval: q.interval ?? "confidence"})}));
    const worst = doses.reduce((a, b) => (b.d.upper95_uSv > a.d.upper95_uSv ? b : a));
    const basis = `${worst.m.fit.model} fit, ${worst.m.sector === null ? "all angles" : `sector ${worst.m.sector}`}${worst.d.extrapolated ? ", extrapolated beyond the measured distances" : ""}`;
    const energy = worst.m.fit.context.effectiveEnergy_keV;
    return {
      dose_uSv: worst.d.dose_uSv, upper95_uSv: worst.d.upper95_uSv, lower95_uSv: worst.d.lower95_uSv, determinable: true, reason: basis, basis,
      budget: worst.d.budget, ...(energy !== undefined ? {effectiveEnergy_keV: energy} : {})
    };
  };
}

/**
 * A fit as the browser's dose field: parameter values, covariance, the air physics, and the rest of the uncertainty
 * budget (instruments' type B, the degrees of freedom of a widened covariance, the scatter between occasions), so that
 * the field map and the Monte Carlo bound what lib/exposure bounds.
 */
export function fitAsField(fit: FitResult): DoseFieldModel {
  const parameters = Object.fromEntries(fit.parameterNames.map((name) => [name, fit.parameters[name]!.value]));
  return {
    model: fit.model, parameters, parameterNames: fit.parameterNames, covariance: fit.covariance ?? [],
    ...(fit.context.mu_per_m !== undefined ? {mu_per_m: fit.context.mu_per_m} : {}),
    ...(fit.context.buildup !== undefined ? {buildup: fit.context.buildup} : {}),
    ...(fit.distanceRange_m ? {minDistance_m: fit.distanceRange_m[0]} : {}),
    ...(fit.instrumentUncertainty !== null ? {
      uncertainty: {
        typeB_logSd: fit.instrumentUncertainty.relative,
        dof: fit.covarianceScale > 1 && fit.dof > 0 ? fit.dof : null,
        occasion_logSd: fit.occasionScatter ?? 0
      }
    } : {})
  };
}

/** Where the published budget is evaluated: the policy's 5 ft (the fit's part depends on the distance, the rest does not). */
export const BUDGET_DISTANCE_M = 5 * 0.3048;

/** A fit's budget at 5 ft for one occasion (every component shown), as plain numbers for the pages. */
export function publishedBudget(fit: FitResult): PublishedBudget | null {
  if (!fit.converged) return null;
  const b = uncertaintyBudget(fit, BUDGET_DISTANCE_M, "prediction");
  if (b === null) return null;
  return {
    distance_m: BUDGET_DISTANCE_M,
    components: b.components.map((c) => ({label: c.label, type: c.type, relative: c.logSd, share: c.share})),
    effective_dof: b.effectiveDof,
    coverage_factor: b.coverageFactor,
    instruments: b.instruments.instruments.map((i) => ({
      id: i.id, readings: i.readings, calibration: i.calibration, energy_response: i.energyResponse, relative: i.relative, share: i.share, defaulted: i.defaulted
    }))
  };
}

/** Log-spaced distances for drawing a curve over (and a little beyond) the measured range. */
export function curveDistances(range: [number, number], count = 48): number[] {
  const lo = Math.max(range[0] / 1.5, 0.05);
  const hi = range[1] * 1.5;
  return Array.from({length: count}, (_, i) => lo * Math.pow(hi / lo, i / (count - 1)));
}

export function curve(fit: FitResult, range: [number, number]): CurvePoint[] {
  if (!fit.converged) return [];
  return curveDistances(range).map((distance_m) => {
    const p = predictRate(fit, distance_m);
    return {distance_m, rate_uSv_per_h: p.rate_uSv_per_h, lower95_uSv_per_h: p.lower95_uSv_per_h, upper95_uSv_per_h: p.upper95_uSv_per_h};
  });
}

/** Every fit of a device as published: one row per group and model; curves over the measured range (none without one). */
export function publishedFits(device: DeviceModels, range: [number, number] | null): PublishedFit[] {
  return device.groups.flatMap((g) =>
    g.fits.map((fit, i) => ({
      device_id: device.device_id,
      sector: g.sector,
      model: fit.model,
      converged: fit.converged,
      reason: fit.reason,
      n: fit.n,
      n_censored: g.checks?.[i]?.censored ?? 0,
      parameters: fit.parameterNames.map((name) => ({name, ...fit.parameters[name]!})),
      covariance: fit.covariance ?? [],
      chi_square: fit.converged ? fit.chiSquare : null,
      dof: fit.dof,
      reduced_chi_square: fit.reducedChiSquare,
      aic: fit.aicc ?? fit.aic,
      aic_weight: g.weights[i] ?? null,
      selected: g.selected === fit,
      n_flagged: g.checks?.[i]?.flagged ?? 0,
      curve: range ? curve(fit, range) : [],
      budget: publishedBudget(fit)
    }))
  );
}
