// The review flag and the check of readings below detection, at their thresholds: a fitted reading is flagged when
// it lies more than 3 sigma from the fit; a censored reading contradicts the fit when the fit predicts more than its
// detection limit plus 3 sigma. Exactly at the threshold is not flagged / still consistent.
import {describe, expect, it} from "vitest";
import {censoredConsistent, fitModel, isFlagged} from "../../lib/models/index.js";
import {nextDown, nextUp} from "../float.js";
import {point} from "./helpers.js";

describe("isFlagged: |normalised residual| > 3", () => {
  it("is not flagged at 3 sigma or just inside, on either side", () => {
    for (const z of [3, nextDown(3), -3, nextUp(-3), 0]) expect(isFlagged(z)).toBe(false);
  });
  it("is flagged just beyond 3 sigma, on either side", () => {
    for (const z of [nextUp(3), nextDown(-3), 5, -20]) expect(isFlagged(z)).toBe(true);
  });
});

describe("censoredConsistent: predicted ≤ detection limit + 3 sigma", () => {
  it("agrees up to and including the limit plus 3 sigma", () => {
    expect(censoredConsistent(25, 22, 1)).toBe(true);
    expect(censoredConsistent(nextDown(25), 22, 1)).toBe(true);
    // Above the limit itself but within the allowance: still consistent.
    expect(censoredConsistent(23, 22, 1)).toBe(true);
  });
  it("contradicts the fit just beyond it", () => {
    expect(censoredConsistent(nextUp(25), 22, 1)).toBe(false);
  });
  it("scales the allowance with the reading's sigma", () => {
    expect(censoredConsistent(28, 22, 2)).toBe(true);
    expect(censoredConsistent(28.01, 22, 2)).toBe(false);
  });
  it("cannot contradict the fit without a stated detection limit", () => {
    expect(censoredConsistent(1e9, null, 1)).toBe(true);
  });
});

describe("the fit applies them to each reading", () => {
  // Readings on S/r² with S = 100 µSv·m²/h and a sigma of a millionth: they fix the fit, so a test reading at 2 m
  // (σ = 1 µSv/h) sees a prediction of 25 µSv/h to within 1e-9 and its own residual is what the test sets.
  const exact = [1, 1.5, 2.5, 3, 4, 5, 6, 8, 10].map((r) => point(r, 100 / (r * r), 1e-6 * (100 / (r * r)), {reading_id: `e${r}`}));
  const residual = (observed: number) => fitModel([...exact, point(2, observed, 1, {reading_id: "t"})], "inverse-square").residuals.find((r) => r.reading_id === "t")!;
  const check = (mdl: number | null) =>
    fitModel([...exact, point(2, mdl ?? 0, 1, {reading_id: "c", censored: true, mdl_rate_uSv_per_h: mdl})], "inverse-square").censored[0]!;

  it("flags a reading 3.01 sigma off, above or below, and not one 2.99 sigma off", () => {
    expect(residual(25 + 2.99).flagged).toBe(false);
    expect(residual(25 - 2.99).flagged).toBe(false);
    expect(residual(25 + 3.01)).toMatchObject({flagged: true});
    expect(residual(25 - 3.01)).toMatchObject({flagged: true});
    expect(residual(25 + 3.01).normalised).toBeCloseTo(3.01, 6);
  });

  it("says in the fit's notes how many readings lie beyond 3 sigma", () => {
    const fit = fitModel([...exact, point(2, 35, 1, {reading_id: "t"}), point(4, 0.25, 1, {reading_id: "u"})], "inverse-square");
    expect(fit.notes).toContain("2 readings lie more than 3 sigma from the fit");
  });

  it("judges a censored reading against its detection limit plus 3 sigma", () => {
    expect(check(22.01).consistent).toBe(true);
    expect(check(23).consistent).toBe(true);
    expect(check(21.99).consistent).toBe(false);
    expect(check(21.99).predicted).toBeCloseTo(25, 6);
  });
});
