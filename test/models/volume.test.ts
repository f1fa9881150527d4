// The fit and the influence screen at monitor volumes: hundreds of thousands of readings in one call. Kept apart from
// the small hand-checked cases so a mutation run can leave them out (vitest.mutation.config.ts): under Stryker's
// instrumented code each of them costs minutes per mutant, and every rule they hold has a small counterpart in
// fit.test.ts and influence.test.ts.
import {describe, expect, it} from "vitest";
import {fitModel, influenceDiagnostics, packPoints, SCREEN_BOUND} from "../../lib/models/index.js";
import {synthetic} from "./helpers.js";

describe("the fit at monitor volumes", () => {
  it("recovers 200 000 points to within their (tiny) standard errors", () => {
    const rate = (r: number) => 80 * r ** -1.85;
    const pts = synthetic(rate, Array.from({length: 200_000}, (_, i) => 0.5 + (9.5 * i) / 199_999), 0.1, 3);
    const fit = fitModel(pts, "power-law");
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.parameters.k!.value - 80)).toBeLessThan(3 * fit.parameters.k!.stderr!);
    expect(Math.abs(fit.parameters.n!.value - 1.85)).toBeLessThan(3 * fit.parameters.n!.stderr!);
    expect(fit.parameters.n!.stderr!).toBeLessThan(1e-3);
  });
});

describe("the influence screen at monitor volumes", () => {
  it("screens 10⁶ readings in one pass (the cost is the fit's own, not n refits)", () => {
    const n = 1_000_000;
    const points = synthetic((r) => 20 / (r * r), Array.from({length: n}, (_, i) => 1 + (9 * i) / n), 0.1, 5);
    const fit = fitModel(points, "inverse-square");
    const d = influenceDiagnostics(fit, packPoints(points));
    expect(d).toHaveLength(n);
    // With a million readings of equal standing, none can move a figure: the screen clears them all.
    expect(d.filter((x) => x.bound > SCREEN_BOUND)).toEqual([]);
  }, 60_000);
});
