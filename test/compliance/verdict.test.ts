import {readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {judge, limitById, loadLimits, type DoseEstimate} from "../../lib/compliance/index.js";

const registry = () => loadLimits(readFileSync(new URL("../../data/limits.json", import.meta.url), "utf8"), "data/limits.json");
const L7 = () => limitById(registry(), "L7"); // 0.02 mSv = 20 µSv in any one hour
const L6 = () => limitById(registry(), "L6"); // 1 mSv = 1000 µSv a year
const L13 = () => limitById(registry(), "L13"); // 10 µSv a year, reference level
const N4316 = () => limitById(registry(), "N43.16");

const est = (lower: number | null, dose: number | null, upper: number | null): DoseEstimate => ({dose_uSv: dose, upper95_uSv: upper, lower95_uSv: lower, determinable: true});

describe("judge: a dose estimate against one limit", () => {
  it("is within when the upper bound sits just inside the limit, with margin limit ÷ upper bound", () => {
    const v = judge(est(15, 17, 19.9), L7(), registry().alara);
    expect(v).toMatchObject({limit_id: "L7", role: "compliance", verdict: "within", limit_uSv: 20});
    expect(v.margin).toBeCloseTo(20 / 19.9, 12);
    expect(v.explanation).toMatch(/^Within: the 95 % upper bound 19.9 µSv is at or below the limit L7 of 20 µSv/);
    expect(v.explanation).toContain("10 CFR 20.1301(a)(2) [10CFR20] [NRC-HPPOS], grade A");
  });

  it("counts an upper bound equal to the limit as within", () => {
    expect(judge(est(10, 15, 20), L7()).verdict).toBe("within");
  });

  it("exceeds when the lower bound sits just outside the limit", () => {
    const v = judge(est(20.1, 22, 25), L7());
    expect(v.verdict).toBe("exceeds");
    expect(v.margin).toBeCloseTo(0.8, 12);
    expect(v.explanation).toMatch(/95 % lower bound 20.1 µSv is above the limit L7/);
  });

  it("cannot be determined when the interval straddles the limit", () => {
    const v = judge(est(19, 20, 21), L7());
    expect(v.verdict).toBe("cannot-be-determined");
    expect(v.explanation).toMatch(/19 µSv to 21 µSv straddles the limit L7/);
  });

  it("without a lower bound, reads a point estimate above the limit protectively as exceeding and says so", () => {
    const v = judge(est(null, 21, 25), L7());
    expect(v.verdict).toBe("exceeds");
    expect(v.explanation).toMatch(/no lower bound is known.*may be lower/);
    expect(judge(est(null, 19, 21), L7()).verdict).toBe("cannot-be-determined");
  });

  it("cannot be determined from an estimate that is not determinable, giving its reason", () => {
    const v = judge({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "the fit did not converge"}, L7());
    expect(v).toMatchObject({verdict: "cannot-be-determined", margin: null});
    expect(v.explanation).toContain("the fit did not converge");
  });

  it("cannot be determined without an upper bound or with bounds out of order", () => {
    expect(judge(est(1, 2, null), L7()).verdict).toBe("cannot-be-determined");
    expect(judge(est(5, 4, 3), L7()).explanation).toMatch(/inconsistent/);
  });

  it("cannot be determined against N43.16, whose number is not publicly available", () => {
    const v = judge(est(0.001, 0.002, 0.003), N4316());
    expect(v.verdict).toBe("cannot-be-determined");
    expect(v.explanation).toMatch(/not publicly available/);
  });

  it("reports reference levels as below or above, never as compliance", () => {
    expect(judge(est(5, 8, 9), L13())).toMatchObject({role: "reference", verdict: "below-reference"});
    const above = judge(est(11, 12, 14), L13());
    expect(above).toMatchObject({role: "reference", verdict: "above-reference"});
    expect(above.explanation).toMatch(/not a breach/);
    expect(judge(est(9, 10, 11), L13()).verdict).toBe("cannot-be-determined");
  });

  it("flags ALARA levels of annual limits: certain when the lower bound reaches them, possible when only the upper does", () => {
    // L6 = 1000 µSv: Level I at 100 µSv, Level II at 300 µSv.
    expect(judge(est(50, 80, 99), L6(), registry().alara).alara).toEqual([]);
    const possible = judge(est(50, 90, 150), L6(), registry().alara);
    expect(possible.alara.map((f) => [f.level, f.threshold_uSv, f.status])).toEqual([["Level I", 100, "possibly-reached"]]);
    const both = judge(est(350, 380, 400), L6(), registry().alara);
    expect(both.alara.map((f) => [f.level, f.status])).toEqual([["Level I", "reached"], ["Level II", "reached"]]);
    expect(both.explanation).toMatch(/Level II \(30 % of the limit, 300 µSv\) reached/);
  });

  it("does not apply annual ALARA levels to an hourly limit", () => {
    expect(judge(est(18, 19, 19.5), L7(), registry().alara).alara).toEqual([]);
  });

  it("never moves towards 'within' when the whole estimate grows (property)", () => {
    const rank = {within: 0, "cannot-be-determined": 1, exceeds: 2} as Record<string, number>;
    fc.assert(
      fc.property(fc.double({min: 0.01, max: 100, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 1, max: 3, noNaN: true}), fc.double({min: 1, max: 10, noNaN: true}), (point, lowFrac, highFrac, factor) => {
        const e = est(point * lowFrac, point, point * highFrac);
        const grown = est(point * lowFrac * factor, point * factor, point * highFrac * factor);
        return rank[judge(grown, L7()).verdict]! >= rank[judge(e, L7()).verdict]!;
      })
    );
  });
});
