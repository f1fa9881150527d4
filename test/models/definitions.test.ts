// The four models' Jacobians against central finite differences of their rates (an independent method), their
// physical domains, and the air model's refusal to run without μ and the build-up factor.
import {describe, expect, it} from "vitest";
import {MODELS, MODEL_NAMES, airContext, airShape, isModelName, type ModelName} from "../../lib/models/index.js";

const ctx = airContext(60);
const params: Record<ModelName, number[]> = {
  "inverse-square": [120],
  "inverse-square-offset": [120, 0.4],
  "power-law": [80, 1.7],
  "inverse-square-air": [120]
};

describe("Jacobians", () => {
  for (const name of MODEL_NAMES) {
    it(`${name}: ∂rate/∂θ agrees with central differences to 1e-7 relative, at 0.7, 2 and 9 m`, () => {
      const def = MODELS[name];
      const theta = params[name];
      const jac = new Float64Array(theta.length);
      for (const r of [0.7, 2, 9]) {
        def.jacobian(r, theta, ctx, jac);
        theta.forEach((t, j) => {
          const h = 1e-6 * Math.abs(t);
          const up = theta.map((v, k) => (k === j ? v + h : v));
          const down = theta.map((v, k) => (k === j ? v - h : v));
          const numeric = (def.rate(r, up, ctx) - def.rate(r, down, ctx)) / (2 * h);
          expect(jac[j]! / numeric).toBeCloseTo(1, 7);
        });
      }
    });
  }

  it("the inverse square at 2 m: rate S/4, ∂/∂S = 1/4", () => {
    const jac = new Float64Array(1);
    MODELS["inverse-square"].jacobian(2, [120], {}, jac);
    expect(jac[0]).toBe(0.25);
    expect(MODELS["inverse-square"].rate(2, [120], {})).toBe(30);
  });
});

describe("physical domains", () => {
  it("a source strength must be positive", () => {
    for (const name of MODEL_NAMES) {
      const theta = params[name];
      expect(MODELS[name].valid(theta, 0.5)).toBe(true);
      expect(MODELS[name].valid([0, ...theta.slice(1)], 0.5)).toBe(false);
      expect(MODELS[name].valid([-1, ...theta.slice(1)], 0.5)).toBe(false);
    }
  });

  it("the offset model's effective source must lie closer than the nearest reading (minR + r0 > 0)", () => {
    const valid = MODELS["inverse-square-offset"].valid;
    expect(valid([120, -0.4], 0.5)).toBe(true);
    expect(valid([120, -0.5], 0.5)).toBe(false);
    expect(valid([120, -0.6], 0.5)).toBe(false);
  });

  it("the power law's exponent must be finite", () => {
    expect(MODELS["power-law"].valid([80, Infinity], 1)).toBe(false);
    expect(MODELS["power-law"].valid([80, NaN], 1)).toBe(false);
    expect(MODELS["power-law"].valid([80, -0.5], 1)).toBe(true);
  });
});

describe("the air model", () => {
  it("its shape is B(μr)·e^(−μr)/r², and the inverse square law when μ = 0", () => {
    expect(airShape(2, {mu_per_m: 0, buildup: ctx.buildup})).toBeCloseTo(0.25, 15);
    expect(MODELS["inverse-square-air"].rate(2, [120], {mu_per_m: 0, buildup: ctx.buildup})).toBeCloseTo(30, 12);
    // Attenuation alone would give e^(−μr); the build-up of scattered photons can only add to it.
    const x = ctx.mu_per_m! * 50;
    expect(airShape(50, ctx) * 2500).toBeGreaterThan(Math.exp(-x));
  });

  it("refuses to compute without μ or without the build-up factor", () => {
    const rate = MODELS["inverse-square-air"].rate;
    expect(() => rate(2, [120], {buildup: ctx.buildup})).toThrow("inverse-square-air needs ctx.mu_per_m");
    expect(() => rate(2, [120], {mu_per_m: NaN, buildup: ctx.buildup})).toThrow("inverse-square-air needs ctx.mu_per_m");
    expect(() => airShape(2, {mu_per_m: 0.02})).toThrow("inverse-square-air needs ctx.buildup");
    expect(MODELS["inverse-square-air"].needsMu).toBe(true);
    expect(MODEL_NAMES.filter((n) => MODELS[n].needsMu)).toEqual(["inverse-square-air"]);
  });
});

describe("the air context", () => {
  it("names the sources of μ and of the build-up factor, and where the energy came from when told", () => {
    const told = airContext(60, "the calibration certificate");
    expect(told.mu_source).toMatch(/^.+; build-up: .+; energy from the calibration certificate$/);
    expect(told.effectiveEnergy_keV).toBe(60);
    expect(airContext(60).mu_source).toMatch(/^.+; build-up: [^;]+$/);
    expect(airContext(60).mu_source).not.toMatch(/energy from/);
    expect(told.mu_source).toBe(`${airContext(60).mu_source}; energy from the calibration certificate`);
  });
});

describe("names", () => {
  it("knows the four models by name, and nothing inherited", () => {
    for (const name of MODEL_NAMES) {
      expect(isModelName(name)).toBe(true);
      expect(MODELS[name].name).toBe(name);
    }
    expect(isModelName("toString")).toBe(false);
    expect(isModelName("inverse-cube")).toBe(false);
  });

  it("each model and each parameter says in words what it is", () => {
    for (const name of MODEL_NAMES) {
      expect(MODELS[name].description).toMatch(/^[A-Z].{20,}\.$/);
      for (const p of MODELS[name].parameters) {
        expect(p.description.length).toBeGreaterThan(5);
        expect(p.unit.length).toBeGreaterThan(0);
      }
    }
    expect(MODELS["inverse-square-offset"].parameters[1]!.unit).toBe("m");
  });

  it("each model states its formula and its parameters' names in order", () => {
    expect(MODEL_NAMES.map((n) => [MODELS[n].formula, MODELS[n].parameters.map((p) => p.name)])).toEqual([
      ["D = S / r^2", ["S"]],
      ["D = S / (r + r0)^2", ["S", "r0"]],
      ["D = k * r^(-n)", ["k", "n"]],
      ["D = S * B(mu * r) * exp(-mu * r) / r^2", ["S"]]
    ]);
  });
});
