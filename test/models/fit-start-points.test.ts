// Start points of the non-linear fits from linearised regressions, and the closed-form scale fit, worked by hand.
import {describe, expect, it} from "vitest";
import {linearScaleFit, linearisedOffset, logLinearPowerLaw, packPoints} from "../../lib/models/index.js";
import {point} from "./helpers.js";

describe("linearScaleFit: S = Σ w·y·g / Σ w·g², var(S) = 1 / Σ w·g²", () => {
  it("g(r) = 1/r² on readings at 1 m and 2 m", () => {
    // w = 1/σ² = 4 and 1; Σ w·g² = 4·1 + 1·(1/16) = 65/16; Σ w·y·g = 4·10 + 1·2·(1/4) = 40.5.
    const fit = linearScaleFit(packPoints([point(1, 10, 0.5), point(2, 2, 1)]), (r) => 1 / (r * r));
    expect(fit.S).toBeCloseTo(40.5 / (65 / 16), 12);
    expect(fit.variance).toBeCloseTo(16 / 65, 12);
  });
});

describe("packPoints", () => {
  it("finds the nearest and farthest distances wherever they stand in the list", () => {
    const packed = packPoints([point(3, 1, 1), point(5, 1, 1), point(2, 1, 1), point(4, 1, 1)]);
    expect([packed.minR, packed.maxR]).toEqual([2, 5]);
  });
});

describe("log-linear power law", () => {
  it("leaves out a zero rate (its logarithm is −∞) and fits the rest exactly", () => {
    const s = logLinearPowerLaw(packPoints([point(1, 100, 1), point(2, 25, 1), point(3, 0, 1)]))!;
    expect(s.k).toBeCloseTo(100, 10);
    expect(s.n).toBeCloseTo(2, 10);
  });

  it("distances that agree to one part in a million do not define a slope, whatever the readings' σ", () => {
    // ln r differs by 1e-6: det = w²·1e-12 is below 1e-12 of Σw·Σw·x² = 1e-12·4w²·(ln 10)², at any weight w.
    for (const sigma of [1, 1e-3, 1e3]) {
      expect(logLinearPowerLaw(packPoints([point(10, 1, sigma), point(10 * Math.exp(1e-6), 1, sigma)]))).toBeNull();
    }
    // One part in ten thousand is a slope: two equal rates give n = 0.
    expect(logLinearPowerLaw(packPoints([point(10, 1, 1), point(10 * Math.exp(1e-4), 1, 1)]))!.n).toBeCloseTo(0, 6);
  });
});

describe("linearised offset model: Ḋ^(−1/2) = (r + r0)/√S, weighted by 4·Ḋ³/σ²", () => {
  it("weights each reading by 4·Ḋ³/σ²: equal weights make it the unweighted line through (1, 1), (2, 2), (3, 4)", () => {
    // Ḋ = 1/z²: 1, 1/4, 1/16; σ = 2·Ḋ^1.5 = 2, 1/4, 1/32 makes every weight 4·Ḋ³/σ² = 1. The unweighted line through
    // (1, 1), (2, 2), (3, 4) has slope 3/2 and intercept −2/3: S = 1/b² = 4/9, r0 = a/b = −4/9.
    const s = linearisedOffset(packPoints([point(1, 1, 2), point(2, 1 / 4, 1 / 4), point(3, 1 / 16, 1 / 32)]))!;
    expect(s.S).toBeCloseTo(4 / 9, 12);
    expect(s.r0).toBeCloseTo(-4 / 9, 12);
  });

  it("leaves out zero and negative rates", () => {
    const exact = [1, 2, 4].map((r) => point(r, 100 / (r + 0.5) ** 2, 1));
    const s = linearisedOffset(packPoints([...exact, point(3, 0, 1), point(5, -0.2, 1)]))!;
    expect(s.S).toBeCloseTo(100, 9);
    expect(s.r0).toBeCloseTo(0.5, 9);
  });

  it("no start from a rate that does not fall with distance (slope 0: S and r0 infinite)", () => {
    expect(linearisedOffset(packPoints([point(1, 4, 1), point(2, 4, 1), point(3, 4, 1)]))).toBeNull();
  });

  it("no start when the source would sit exactly at the nearest reading (r + r0 = 0 there)", () => {
    // Ḋ^(−1/2) = 0.5 at 2 m and 1 at 3 m (σ = 16 and 2 give both the weight 1): the line 0.5·r − 0.5, r0 = −1. The
    // nearest reading, at 1 m, has a zero rate (left out of the line) and sits on the pole.
    expect(linearisedOffset(packPoints([point(1, 0, 1), point(2, 4, 16), point(3, 1, 2)]))).toBeNull();
    // The same line with the nearest reading a little farther out is a start.
    expect(linearisedOffset(packPoints([point(1.01, 0, 1), point(2, 4, 16), point(3, 1, 2)]))).toEqual({S: 4, r0: -1});
  });
});
