import {describe, expect, it} from "vitest";
import {airContext, compareGroupedModels, compareModels, groupPoints, mergeSectors} from "../../lib/models/index.js";
import {range, synthetic} from "./helpers.js";

describe("compareModels", () => {
  it("prefers the offset model when the source sits well behind the reference point", () => {
    const pts = synthetic((r) => 130 / (r + 0.5) ** 2, range(0.5, 10, 30), 0.05, 5);
    const ranked = compareModels(pts, airContext(60));
    expect(ranked[0]!.model).toBe("inverse-square-offset");
    expect(ranked[0]!.delta).toBe(0);
    expect(ranked[0]!.criterion).toBe("aicc");
    expect(ranked.map((r) => r.model).sort()).toEqual(["inverse-square", "inverse-square-air", "inverse-square-offset", "power-law"]);
    expect(ranked.reduce((s, r) => s + r.weight!, 0)).toBeCloseTo(1, 12);
  });

  it("computes Akaike weights exp(−Δ/2)/Σ from AICc = χ² + 2p + 2p(p+1)/(n−p−1)", () => {
    const pts = synthetic((r) => 100 / r ** 2, range(1, 5, 10), 0.1, 9);
    const ranked = compareModels(pts);
    expect(ranked).toHaveLength(3); // no μ: the air model is left out
    for (const row of ranked) {
      const p = row.fit.parameterNames.length;
      expect(row.score).toBeCloseTo(row.fit.chiSquare + 2 * p + (2 * p * (p + 1)) / (10 - p - 1), 9);
    }
    const z = ranked.map((r) => Math.exp(-(r.score! - ranked[0]!.score!) / 2));
    ranked.forEach((r, i) => expect(r.weight).toBeCloseTo(z[i]! / z.reduce((a, b) => a + b), 12));
  });

  it("ranks a model that could not be fitted last, with its reason", () => {
    const pts = synthetic((r) => 100 / r ** 2, [1, 2], 0.1, 1);
    const ranked = compareModels(pts);
    expect(ranked[0]!.model).toBe("inverse-square");
    expect(ranked[0]!.criterion).toBe("aic"); // n − p − 1 = 0: no AICc
    expect(ranked.slice(1).every((r) => r.score === null && r.fit.reason !== null)).toBe(true);
    // AIC = χ² + 2p for the one model fitted; the others have no Δ and no weight, and the fitted one all of it.
    expect(ranked[0]!.score).toBeCloseTo(ranked[0]!.fit.chiSquare + 2, 12);
    expect(ranked[0]!.weight).toBe(1);
    expect(ranked.slice(1).every((r) => r.delta === null && r.weight === null)).toBe(true);
  });

  it("ranks by AIC when any fitted model lacks an AICc (three readings: the power law has n − p − 1 = 0)", () => {
    const ranked = compareModels(synthetic((r) => 100 / r ** 2, [1, 2, 3], 0.1, 4));
    const fitted = ranked.filter((r) => r.fit.converged);
    expect(fitted.some((r) => r.fit.aicc !== null)).toBe(true);
    expect(fitted.some((r) => r.fit.aicc === null)).toBe(true);
    for (const r of fitted) {
      expect(r.criterion).toBe("aic");
      expect(r.score).toBe(r.fit.aic);
    }
  });

  it("ranks groups of readings as it ranks the readings themselves (a second path to the same fits)", () => {
    const pts = synthetic((r) => 130 / (r + 0.5) ** 2, range(0.5, 10, 30), 0.05, 5);
    const each = compareModels(pts);
    const grouped = compareGroupedModels(mergeSectors(groupPoints(pts)));
    expect(grouped.map((r) => r.model)).toEqual(each.map((r) => r.model));
    grouped.forEach((r, i) => expect(r.weight!).toBeCloseTo(each[i]!.weight!, 6));
  });

  it("with nothing fitted, ranks nothing: every score, Δ and weight null, the criterion AIC", () => {
    const ranked = compareModels(synthetic((r) => 100 / r ** 2, [1], 0.1, 1));
    expect(ranked).toHaveLength(3);
    expect(ranked.every((r) => r.score === null && r.delta === null && r.weight === null && r.criterion === "aic")).toBe(true);
  });

  it("lists the models from the smallest score to the largest, Δ counted from the smallest", () => {
    const ranked = compareModels(synthetic((r) => 60 * r ** -1.7, range(0.5, 6, 12), 0.05, 3));
    const scores = ranked.map((r) => r.score!);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    ranked.forEach((r) => expect(r.delta).toBeCloseTo(r.score! - scores[0]!, 12));
    expect(ranked[0]!.model).toBe("power-law");
  });
});
