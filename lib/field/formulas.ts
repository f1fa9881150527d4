// The dose-rate models as plain formulas, free of mathjs and node:* so that they run in a browser page and a Web
// Worker. Net dose rate in µSv/h at distance r in metres from the device's reference point. lib/models should import
// these formulas from here rather than keep a second copy.
import {airBuildupFactor, type AirBuildup} from "../physics/buildup.js";

export type DoseModelName = "inverse-square" | "inverse-square-offset" | "power-law" | "inverse-square-air";

/**
 * Angular dependence as the fits give it: one fitted model per angle sector. Angles are degrees from the beam axis
 * (+y in the top view) towards +x; a sector covers [centre − width/2, centre + width/2).
 */
export interface SectorField {
  centre_deg: number;
  width_deg: number;
  field: DoseFieldModel;
}

/** A fitted dose field as a plain description (what a fitted model turns into). */
export interface DoseFieldModel {
  model: DoseModelName;
  parameters: Record<string, number>;
  /** Covariance of the parameters, rows and columns in the order of `parameterNames`. */
  covariance: number[][];
  parameterNames: string[];
  /** Linear attenuation coefficient of air (1/m); needed by inverse-square-air only. */
  mu_per_m?: number;
  /** Build-up of scattered photons in air at the effective energy; needed by inverse-square-air only. */
  buildup?: AirBuildup;
  /**
   * The uncertainty a Monte Carlo draw carries besides the parameter covariance (docs/methodology.md, "Uncertainty
   * budget"): the instruments' type B relative uncertainty (an sd of ln rate, fully correlated), the fit's degrees of
   * freedom when its covariance was widened by the observed scatter (draws then follow Student's t), and the scatter
   * between occasions (an sd of ln rate) for questions about one occasion. Absent: none of these (a bare covariance).
   */
  uncertainty?: FieldUncertainty;
  /** Per-sector fits; a direction outside every sector uses the all-angle model above. */
  sectors?: SectorField[];
  /**
   * Nearest calibration distance (m). A sampled inverse-square-offset parameter set whose effective source lies
   * beyond it (r + r0 ≤ 0) has a pole inside the data and is redrawn. Default 0.5 m.
   */
  minDistance_m?: number;
}

export interface FieldUncertainty {
  /** Instruments' type B relative standard uncertainty (k = 1), applied as an sd of ln rate. */
  typeB_logSd: number;
  /** Degrees of freedom of the covariance when it was widened by a reduced χ² > 1; null when it rests on stated σ. */
  dof: number | null;
  /** Relative scatter between occasions (sd of ln rate) estimated from the excess χ²; 0 when χ²ν ≤ 1. */
  occasion_logSd: number;
}

/** The scale parameter (S or k) and the shape parameter (r0 or n, absent for one-parameter models) of each model. */
export const MODEL_PARAMETERS: Record<DoseModelName, {scale: string; shape?: string}> = {
  "inverse-square": {scale: "S"},
  "inverse-square-offset": {scale: "S", shape: "r0"},
  "power-law": {scale: "k", shape: "n"},
  "inverse-square-air": {scale: "S"}
};

/**
 * Rate in µSv/h from the scale and shape parameter values; the hot loop of every simulation, so no lookups.
 * inverse-square-air needs `buildup` (scattered photons in air); it is refused without it rather than computed
 * narrow-beam, which would understate the dose far from the device.
 */
export function modelRate(model: DoseModelName, scale: number, shape: number, mu_per_m: number, r_m: number, buildup?: AirBuildup): number {
  switch (model) {
    case "inverse-square":
      return scale / (r_m * r_m);
    case "inverse-square-offset": {
      const d = r_m + shape;
      return scale / (d * d);
    }
    case "power-law":
      return scale * Math.pow(r_m, -shape);
    case "inverse-square-air": {
      if (buildup === undefined) throw new Error("inverse-square-air needs the build-up factor of air at the effective energy");
      const x = mu_per_m * r_m;
      return (scale * airBuildupFactor(x, buildup) * Math.exp(-x)) / (r_m * r_m);
    }
  }
}

/** Index of the scale and shape parameters in `parameterNames`; throws on a description that lacks them. */
export function parameterIndices(field: DoseFieldModel): {scale: number; shape: number} {
  const spec = MODEL_PARAMETERS[field.model];
  if (spec === undefined) throw new Error(`unknown dose model "${field.model}"`);
  const scale = field.parameterNames.indexOf(spec.scale);
  if (scale < 0) throw new Error(`${field.model} needs a parameter named "${spec.scale}" in parameterNames`);
  const shape = spec.shape === undefined ? -1 : field.parameterNames.indexOf(spec.shape);
  if (spec.shape !== undefined && shape < 0) throw new Error(`${field.model} needs a parameter named "${spec.shape}" in parameterNames`);
  if (field.model === "inverse-square-air" && !(Number.isFinite(field.mu_per_m) && field.mu_per_m! >= 0)) {
    throw new Error("inverse-square-air needs mu_per_m (the attenuation coefficient of air, from the NIST table)");
  }
  if (field.model === "inverse-square-air" && field.buildup === undefined) {
    throw new Error("inverse-square-air needs buildup (the build-up factor of air at the effective energy, lib/physics airBuildup)");
  }
  return {scale, shape};
}

/** The model for a direction: the sector containing the angle, else the all-angle model. */
export function fieldFor(field: DoseFieldModel, angle_deg: number): DoseFieldModel {
  if (field.sectors === undefined) return field;
  for (const sector of field.sectors) {
    // Offset of the angle from the sector's centre, folded into [−180, 180).
    const offset = ((((angle_deg - sector.centre_deg + 180) % 360) + 360) % 360) - 180;
    if (offset >= -sector.width_deg / 2 && offset < sector.width_deg / 2) return sector.field;
  }
  return field;
}

/** Nominal net dose rate in µSv/h at r metres, in the direction angle_deg (degrees from the beam axis). */
export function rateAt(field: DoseFieldModel, r_m: number, angle_deg = 0): number {
  const f = fieldFor(field, angle_deg);
  const {scale, shape} = parameterIndices(f);
  const names = f.parameterNames;
  const s = f.parameters[names[scale]!]!;
  const h = shape < 0 ? 0 : f.parameters[names[shape]!]!;
  return modelRate(f.model, s, h, f.mu_per_m ?? 0, r_m, f.buildup);
}

/** Angle in degrees of the point (x, y) from the beam axis (+y) towards +x, in [0, 360). */
export function angleOf(x_m: number, y_m: number): number {
  const deg = (Math.atan2(x_m, y_m) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}

/**
 * Distance (m) at which the model's rate falls to `rate_uSv_per_h`: the inverse of modelRate, in closed form except for
 * inverse-square-air, solved by bisection on a bracket (its rate decreases monotonically with r over 20–200 keV, checked
 * in tests). 0 when the rate is never reached at a positive distance (an offset source whose pole lies in front of the
 * reference point).
 */
export function distanceForRate(model: DoseModelName, scale: number, shape: number, mu_per_m: number, rate_uSv_per_h: number, buildup?: AirBuildup): number {
  if (!(rate_uSv_per_h > 0)) throw new Error(`the rate must be > 0, got ${rate_uSv_per_h}`);
  switch (model) {
    case "inverse-square":
      return Math.sqrt(scale / rate_uSv_per_h);
    case "inverse-square-offset":
      return Math.max(0, Math.sqrt(scale / rate_uSv_per_h) - shape);
    case "power-law":
      return Math.pow(scale / rate_uSv_per_h, 1 / shape);
    case "inverse-square-air": {
      // Build-up can outweigh attenuation near the source (B·e^(−μr) > 1), so the root may lie beyond the inverse-square
      // distance: widen the bracket until the rate there is below the target, then bisect in log r.
      const rate = (r: number) => modelRate(model, scale, 0, mu_per_m, r, buildup);
      let lo = Math.sqrt(scale / rate_uSv_per_h) / 2;
      while (lo > 1e-9 && rate(lo) <= rate_uSv_per_h) lo /= 2;
      let hi = lo * 2;
      while (rate(hi) > rate_uSv_per_h && hi < 1e9) hi *= 2;
      for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
        const mid = Math.sqrt(lo * hi);
        if (rate(mid) > rate_uSv_per_h) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
  }
}
