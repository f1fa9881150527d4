// The four dose-rate models: net dose rate Ḋ (µSv/h) against distance r (m) from the device's reference point.
// Each model gives its rate, its derivatives with respect to its parameters (the Jacobian row used by the fitter
// and by the delta method) and the domain where its parameters make physical sense.
import type {ModelContext, ModelName} from "./types.js";
// One copy of the formulas, shared with the browser's dose field and simulations; the fit adds the derivatives.
import {modelRate} from "../field/formulas.js";
import {airBuildupFactor, type AirBuildup} from "../physics/buildup.js";

export interface ParameterDefinition {
  name: string;
  unit: string;
  description: string;
}

export interface ModelDefinition {
  name: ModelName;
  formula: string;
  description: string;
  parameters: readonly ParameterDefinition[];
  /** True when the model needs `ctx.mu_per_m` and `ctx.buildup` (tabulated physics, never fitted). */
  needsMu: boolean;
  /** Dose rate in µSv/h at r metres. */
  rate(r_m: number, params: ArrayLike<number>, ctx: ModelContext): number;
  /** Writes ∂rate/∂param_j at r into out[j]; no allocation, for loops over 10⁶ points. */
  jacobian(r_m: number, params: ArrayLike<number>, ctx: ModelContext, out: Float64Array): void;
  /** Whether the parameters are physically meaningful for distances down to minDistance_m. */
  valid(params: ArrayLike<number>, minDistance_m: number): boolean;
}

const S_UNIT = "uSv*m^2/h";

function mu(ctx: ModelContext): number {
  // Guarded by the fitter, which refuses this model without μ; a NaN here would only hide that bug.
  if (ctx.mu_per_m === undefined || !Number.isFinite(ctx.mu_per_m)) throw new Error("inverse-square-air needs ctx.mu_per_m");
  return ctx.mu_per_m;
}

function buildup(ctx: ModelContext): AirBuildup {
  if (ctx.buildup === undefined) throw new Error("inverse-square-air needs ctx.buildup");
  return ctx.buildup;
}

/** e^(−μr)·B(μr)/r²: the air model's shape, narrow-beam attenuation times the build-up of scattered photons. */
export function airShape(r: number, ctx: ModelContext): number {
  const x = mu(ctx) * r;
  return (airBuildupFactor(x, buildup(ctx)) * Math.exp(-x)) / (r * r);
}

export const MODELS: Record<ModelName, ModelDefinition> = {
  "inverse-square": {
    name: "inverse-square",
    formula: "D = S / r^2",
    description: "A point source at the reference point, no attenuation.",
    parameters: [{name: "S", unit: S_UNIT, description: "dose rate at 1 m (source strength)"}],
    needsMu: false,
    rate: (r, p) => modelRate("inverse-square", p[0]!, 0, 0, r),
    jacobian: (r, _p, _ctx, out) => {
      out[0] = 1 / (r * r);
    },
    valid: (p) => p[0]! > 0
  },
  "inverse-square-offset": {
    name: "inverse-square-offset",
    formula: "D = S / (r + r0)^2",
    description: "A point source r0 metres behind the reference point (negative r0: in front of it).",
    parameters: [
      {name: "S", unit: S_UNIT, description: "source strength"},
      {name: "r0", unit: "m", description: "offset of the effective source behind the reference point"}
    ],
    needsMu: false,
    rate: (r, p) => modelRate("inverse-square-offset", p[0]!, p[1]!, 0, r),
    jacobian: (r, p, _ctx, out) => {
      const d = r + p[1]!;
      out[0] = 1 / (d * d);
      out[1] = (-2 * p[0]!) / (d * d * d);
    },
    // The effective source must lie closer than the nearest reading, or the model has a pole inside the data.
    valid: (p, minR) => p[0]! > 0 && minR + p[1]! > 0
  },
  "power-law": {
    name: "power-law",
    formula: "D = k * r^(-n)",
    description: "An empirical fall-off with distance; n = 2 is the inverse square law.",
    parameters: [
      {name: "k", unit: "uSv/h", description: "dose rate at 1 m"},
      {name: "n", unit: "1", description: "fall-off exponent"}
    ],
    needsMu: false,
    rate: (r, p) => modelRate("power-law", p[0]!, p[1]!, 0, r),
    jacobian: (r, p, _ctx, out) => {
      const f = Math.pow(r, -p[1]!);
      out[0] = f;
      out[1] = -p[0]! * f * Math.log(r);
    },
    valid: (p) => p[0]! > 0 && Number.isFinite(p[1]!)
  },
  "inverse-square-air": {
    name: "inverse-square-air",
    formula: "D = S * B(mu * r) * exp(-mu * r) / r^2",
    description: "A point source in air: attenuation (mu, the tabulated NIST coefficient at the effective energy) and the build-up B of photons scattered in air (the ANSI/ANS-6.4.3 geometric-progression fit at that energy).",
    parameters: [{name: "S", unit: S_UNIT, description: "dose rate at 1 m without air attenuation"}],
    needsMu: true,
    rate: (r, p, ctx) => modelRate("inverse-square-air", p[0]!, 0, mu(ctx), r, buildup(ctx)),
    jacobian: (r, _p, ctx, out) => {
      out[0] = airShape(r, ctx);
    },
    valid: (p) => p[0]! > 0
  }
};

export function isModelName(name: string): name is ModelName {
  return Object.prototype.hasOwnProperty.call(MODELS, name);
}
