// The verdicts of lib/compliance/policy-figure-checks.ts on small hand-made policies whose answers are worked by hand:
// each boundary (at, just inside, just outside) of the field-data, per-scan, pair and restatement checks. A verdict
// rests on the widest range the policy's written digits allow and on the model's 95 % interval, and is "unsupported"
// whenever a number it needs is missing.
import {describe, expect, it} from "vitest";
import type {Limit} from "../../lib/compliance/limits.js";
import type {DoseEstimate} from "../../lib/compliance/verdict.js";
import {extractStatements, type DoseStatement, type RateStatement} from "../../lib/compliance/policy-statements.js";
import {fieldClaim, pairClaims, perScanClaim, uncheckableClaim, unitsClaim, type DraftClaim} from "../../lib/compliance/policy-figure-checks.js";

type Figured = DoseStatement | RateStatement;

function read(body: string) {
  const text = `HEALTH AND SAFETY\n\n${body}`;
  const found = extractStatements(text);
  const figured = found.statements.filter((s): s is Figured => s.kind === "dose" || s.kind === "rate");
  return {text, centre: found.centre, figured};
}
function one(body: string): Figured {
  const {figured} = read(body);
  expect(figured).toHaveLength(1);
  return figured[0]!;
}
const pairs = (body: string) => {
  const {text, centre, figured} = read(body);
  return pairClaims({text, centre}, figured);
};
const byId = (list: DraftClaim[], id: string) => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in ${list.map((x) => x.id).join(", ")}`);
  return c;
};
/** An estimator that always gives the same interval. */
const interval = (lower: number | undefined, upper: number | null, more: Partial<DoseEstimate> = {}) => () =>
  ({dose_uSv: upper, lower95_uSv: lower, upper95_uSv: upper, determinable: true, ...more}) as DoseEstimate;

/** Air between two points from the NIST μ/ρ of dry air at 20 keV (0.7779 cm²/g) and ρ = 1.205e-3 g/cm³. */
const air20 = (cm: number) => Math.exp(-0.7779 * 1.205e-3 * cm);

describe("the field-data check of a stated figure", () => {
  // 0.25 to 0.5 µSv at 5 ft (1.524 m) for 10 s: the data support it when the model's 95 % interval touches that range.
  const s = () => one("The dose at 5 ft for 10 seconds is between 0.25 and 0.5 uSv.");

  it("asks the model for the statement's distance in metres and duration in seconds", () => {
    const asked: {distance_m: number; duration_s: number}[] = [];
    fieldClaim(s(), (q) => (asked.push(q), {dose_uSv: 0.3, lower95_uSv: 0.2, upper95_uSv: 0.4, determinable: true}), false);
    expect(asked).toEqual([{distance_m: expect.closeTo(1.524, 12), duration_s: 10}]);
  });

  it("is consistent when the interval touches either end of the stated range, and inconsistent just beyond it", () => {
    const verdict = (lower: number | undefined, upper: number) => fieldClaim(s(), interval(lower, upper), false).verdict;
    expect(verdict(0.5, 1)).toBe("consistent");
    expect(verdict(0.5 + 1e-9, 1)).toBe("inconsistent");
    expect(verdict(0.1, 0.25)).toBe("consistent");
    expect(verdict(0.1, 0.25 - 1e-9)).toBe("inconsistent");
    expect(verdict(0.3, 0.4)).toBe("consistent");
    expect(verdict(0.01, 10)).toBe("consistent");
  });

  it("says on which side the interval lies, with the model's numbers", () => {
    const above = fieldClaim(s(), interval(0.6, 0.8, {dose_uSv: 0.7}), false);
    expect(above.explanation).toBe(
      "The policy states 0.25 uSv to 0.5 uSv at 5 ft (1.52 m) for 10 s. The field data give 0.7 µSv, 95 % interval 0.6 µSv to 0.8 µSv: " +
        "the whole interval lies above the stated range, so the data contradict it."
    );
    expect(above.numbers).toEqual({distance_m: 1.52, duration_s: 10, stated_low_uSv: 0.25, stated_high_uSv: 0.5, model_dose_uSv: 0.7, model_lower95_uSv: 0.6, model_upper95_uSv: 0.8, unit: "µSv"});
    expect(above).toMatchObject({id: "field-data-5ft", check: "Do the field data support the 5 ft figures?"});
    const below = fieldClaim(s(), interval(0.1, 0.2, {dose_uSv: null, reason: "a prediction interval"}), false);
    expect(below.explanation).toMatch(/give no point estimate, 95 % interval 0.1 µSv to 0.2 µSv \(a prediction interval\): the whole interval lies below the stated range/);
    const within = fieldClaim(s(), interval(0.3, 0.4), false);
    expect(within.explanation).toMatch(/: the interval overlaps the stated range, so the data support it\.$/);
  });

  it("takes a missing lower bound as zero: the data then rule out only doses above the upper bound", () => {
    const verdict = (upper: number) => fieldClaim(s(), interval(undefined, upper), false);
    expect(verdict(0.3).verdict).toBe("consistent");
    expect(verdict(0.3).numbers.model_lower95_uSv).toBeNull();
    expect(verdict(0.3).explanation).toMatch(/95 % interval 0 µSv to 0.3 µSv/);
    expect(verdict(0.2).verdict).toBe("inconsistent");
  });

  it("is unsupported, never consistent, when there is no model, no upper bound, or the model cannot give a dose", () => {
    const none = fieldClaim(s(), undefined, false);
    expect(none.verdict).toBe("unsupported");
    expect(none.explanation).toBe("No field readings were given, so the stated 0.25 uSv to 0.5 uSv at 5 ft (1.52 m) for 10 s cannot be compared with data; run with a fitted model of the readings.");
    expect(none.numbers).toEqual({distance_m: 1.52, duration_s: 10, stated_low_uSv: 0.25, stated_high_uSv: 0.5});
    const noUpper = fieldClaim(s(), interval(0.3, null), false);
    expect(noUpper.verdict).toBe("unsupported");
    expect(noUpper.explanation).toBe("The field data could not give a dose at 1.52 m for 10 s (no upper bound), so the stated 0.25 uSv to 0.5 uSv cannot be checked.");
    const notDeterminable = fieldClaim(s(), interval(0.3, 0.4, {determinable: false, reason: "too few readings"}), false);
    expect(notDeterminable.verdict).toBe("unsupported");
    expect(notDeterminable.explanation).toMatch(/\(too few readings\)/);
  });

  it("checks a rate over one hour, an at-most figure from zero, and an at-least figure with no upper end", () => {
    const asked: number[] = [];
    const rate = one("The dose rate at 3 m is at most 2 uSv/h.");
    const model = (lower: number, upper: number) => (q: {distance_m: number; duration_s: number}) => (asked.push(q.distance_m, q.duration_s), interval(lower, upper)());
    const c = fieldClaim(rate, model(0, 2), false);
    expect(asked).toEqual([3, 3600]);
    expect(c).toMatchObject({id: "field-data-3m-rate", verdict: "consistent", check: "Do the field data support the 3 m dose rate?"});
    expect(c.explanation).toBe("The policy states at most 2 uSv/h at 3 m in one hour. The field data give 2 µSv, 95 % interval 0 µSv to 2 µSv in one hour: the whole interval lies at or below the stated maximum, so the data support it.");
    expect(c.numbers).toMatchObject({stated_low_uSv: 0, stated_high_uSv: 2, duration_s: 3600, unit: "µSv/h"});
    expect(fieldClaim(rate, model(2.01, 3), false).verdict).toBe("inconsistent");
    const atLeast = one("The dose at 1 m for 10 seconds is at least 3 uSv.");
    expect(fieldClaim(atLeast, interval(100, 200), false).verdict).toBe("consistent");
    expect(fieldClaim(atLeast, interval(100, 200), false).numbers.stated_high_uSv).toBeNull();
    expect(fieldClaim(atLeast, interval(1, 2.9), false).verdict).toBe("inconsistent");
  });

  it("supports a bound only when the whole interval lies on its side, and cannot decide when the interval straddles it", () => {
    // "At most 2 µSv/h" is a promise about every dose the data allow: an interval of 1.9 to 2.5 allows 2.5.
    const atMost = one("The dose rate at 3 m is at most 2 uSv/h.");
    const verdict = (s: Figured, lower: number | undefined, upper: number) => fieldClaim(s, interval(lower, upper), false);
    expect(verdict(atMost, 1.9, 2).verdict).toBe("consistent");
    const straddles = verdict(atMost, 1.9, 2.5);
    expect(straddles.verdict).toBe("unsupported");
    expect(straddles.explanation).toBe("The policy states at most 2 uSv/h at 3 m in one hour. The field data give 2.5 µSv, 95 % interval 1.9 µSv to 2.5 µSv in one hour: the interval reaches above the stated maximum, so the data can neither confirm nor contradict it.");
    expect(verdict(atMost, 1.9, 2 + 1e-9).verdict).toBe("unsupported");
    expect(verdict(atMost, 2, 2.5).verdict).toBe("unsupported");
    expect(verdict(atMost, 2 + 1e-9, 2.5).verdict).toBe("inconsistent");
    expect(verdict(atMost, 2 + 1e-9, 2.5).explanation).toMatch(/: the whole interval lies above the stated maximum, so the data contradict it\.$/);
    // Without a lower bound, an interval from zero past the maximum is never a contradiction.
    expect(verdict(atMost, undefined, 50).verdict).toBe("unsupported");
    const atLeast = one("The dose at 1 m for 10 seconds is at least 3 uSv.");
    expect(verdict(atLeast, 3, 4).verdict).toBe("consistent");
    expect(verdict(atLeast, 3, 4).explanation).toMatch(/: the whole interval lies at or above the stated minimum, so the data support it\.$/);
    expect(verdict(atLeast, 3 - 1e-9, 4).verdict).toBe("unsupported");
    expect(verdict(atLeast, 2, 3).explanation).toMatch(/: the interval reaches below the stated minimum, so the data can neither confirm nor contradict it\.$/);
    expect(verdict(atLeast, 2, 3 - 1e-9).verdict).toBe("inconsistent");
    expect(verdict(atLeast, 2, 3 - 1e-9).explanation).toMatch(/: the whole interval lies below the stated minimum, so the data contradict it\.$/);
  });

  it("gives figures in other units in µSv, and says when their restatements disagree", () => {
    const mrem = one("The dose at 10 ft for 10 seconds is at most 0.004 mrem (4 urem).");
    const c = fieldClaim(mrem, interval(0.01, 0.02), true);
    expect(c.explanation).toMatch(/^The policy states at most 0.004 mrem \(at most 0.04 µSv\) at 10 ft \(3.05 m\) for 10 s, taking its mrem figures \(its parenthetical figures disagree with them\)\. /);
    expect(fieldClaim(mrem, interval(0.01, 0.02), false).explanation).toMatch(/, taking its mrem figures\. /);
    const between = one("The dose at 10 ft for 10 seconds is between 0.003 and 0.004 mrem.");
    expect(fieldClaim(between, undefined, false).explanation).toMatch(/the stated 0.003 mrem to 0.004 mrem \(0.03 µSv to 0.04 µSv\) at 10 ft/);
    const single = one("The dose rate at 10 ft is 0.004 mrem/h.");
    expect(fieldClaim(single, undefined, false).explanation).toMatch(/the stated 0.004 mrem\/h \(0.04 µSv per hour\) at 10 ft \(3.05 m\) in one hour/);
    const atLeast = one("The dose at 2 m for 10 seconds is at least 0.004 mrem.");
    expect(fieldClaim(atLeast, undefined, false).explanation).toMatch(/the stated at least 0.004 mrem \(at least 0.04 µSv\) at 2 m for 10 s/);
  });

  it("is unsupported without a distance or a duration, and says which is missing", () => {
    const noDuration = fieldClaim(one("The dose at 5 ft is 0.016 mrem."), interval(0.1, 0.2), false);
    expect(noDuration).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(noDuration.explanation).toBe("The statement gives 0.016 mrem without a duration, so it cannot be compared with field data.");
    const perScan = fieldClaim(one("A person scanned receives less than 0.25 uSv per scan."), interval(0.1, 0.2), false);
    expect(perScan.explanation).toBe("The statement gives at most 0.25 uSv without a distance or a duration (it is per scan, which field dosimeters at fixed points do not measure), so it cannot be compared with field data.");
    expect(perScan).toMatchObject({id: "field-data", check: "Do the field data support the figures?"});
    const rate = fieldClaim(one("The dose rate is at most 2 uSv/h."), interval(0.1, 0.2), false);
    expect(rate.explanation).toBe("The statement gives at most 2 uSv/h without a distance, so it cannot be compared with field data.");
  });
});

/** A per-screening limit of the registry's shape, in µSv. */
const limit = (id: string, value_uSv: number | null, kind: Limit["kind"] = "design-criterion", period: Limit["period"] = "per-screening"): Limit => ({
  id, body: "B", document: `doc ${id}`, edition: null, clause: null, protects: ["person-screened"], quantity: "effective-dose",
  value: value_uSv, unit: value_uSv === null ? null : "uSv", stated: `${value_uSv} µSv`, period, period_note: null, kind,
  jurisdiction: "x", source: `source ${id}`, sources: [], grade: "B", note: "", conversion: null, value_uSv, value_uR: null
});

describe("the per-scan check against the per-screening limits", () => {
  const verdict = (figure: string, limits: Limit[]) => perScanClaim(one(`A person scanned receives ${figure} per scan.`) as DoseStatement, limits).verdict;

  it("is within only when the highest dose allowed is at or below the strictest limit, above only when the lowest is above it", () => {
    const limits = [limit("Wide", 10, "legal-limit"), limit("Strict", 0.25)];
    expect(verdict("0.25 uSv", limits)).toBe("consistent");
    expect(verdict("less than 0.25 uSv", limits)).toBe("consistent");
    expect(verdict("0.26 uSv", limits)).toBe("inconsistent");
    expect(verdict("less than 0.26 uSv", limits)).toBe("unsupported");
    expect(verdict("between 0.2 and 0.3 uSv", limits)).toBe("unsupported");
    expect(verdict("between 0.25 and 0.3 uSv", limits)).toBe("unsupported");
    expect(verdict("between 0.26 and 0.3 uSv", limits)).toBe("inconsistent");
    expect(verdict("at least 0.1 uSv", limits)).toBe("unsupported");
  });

  it("explains each limit and the strictest one in words", () => {
    const limits = [limit("Wide", 10, "legal-limit"), limit("Strict", 0.25), limit("Secret", null), limit("Scale", 0.01, "reference-level")];
    const s = one("A person scanned receives between 0.2 and 0.3 uSv per scan.") as DoseStatement;
    const c = perScanClaim(s, limits);
    expect(c).toMatchObject({id: "per-scan-limits", check: "Is the stated per-scan dose within the per-screening limits?", verdict: "unsupported"});
    expect(c.explanation).toBe(
      "The policy states 0.2 uSv to 0.3 uSv per scan. " +
        "Within Wide, 10 µSv (source Wide, grade B). Possibly above Strict, 0.25 µSv (source Strict, grade B). " +
        "Secret (doc Secret): its number is not publicly available, so it cannot be compared. Above the reference level Scale, 0.01 µSv (source Scale, grade B). " +
        "The stated figure allows doses both within and above the strictest per-screening limit (Strict, 0.25 µSv), so it cannot be judged."
    );
    expect(c.numbers).toEqual({stated_high_uSv: 0.3, Wide_uSv: 10, Strict_uSv: 0.25, Secret_uSv: null, Scale_uSv: 0.01});
    const above = perScanClaim(one("A person scanned receives 0.03 mrem per scan.") as DoseStatement, [limit("Strict", 0.25), {...limit("Scale", 0.2, "reference-level"), grade: null, sources: ["NCRP-116"]}]);
    expect(above.verdict).toBe("inconsistent");
    expect(above.explanation).toBe(
      "The policy states 0.03 mrem per scan (0.3 µSv). Above Strict, 0.25 µSv (source Strict, grade B). Above the reference level Scale, 0.2 µSv (source Scale [NCRP-116], grade none). " +
        "It is above the strictest per-screening limit (Strict, 0.25 µSv)."
    );
    const within = perScanClaim(one("A person scanned receives less than 0.01 mrem per scan.") as DoseStatement, [limit("Strict", 0.25), limit("Scale", 0.2, "reference-level")]);
    expect(within.explanation).toBe(
      "The policy states at most 0.01 mrem per scan (at most 0.1 µSv). Within Strict, 0.25 µSv (source Strict, grade B). Below the reference level Scale, 0.2 µSv (source Scale, grade B). " +
        "It is within the strictest per-screening limit (Strict)."
    );
    const possibly = perScanClaim(one("A person scanned receives between 0.1 and 0.3 uSv per scan.") as DoseStatement, [limit("Scale", 0.2, "reference-level")]);
    expect(possibly.explanation).toBe("The policy states 0.1 uSv to 0.3 uSv per scan. Possibly above the reference level Scale, 0.2 µSv (source Scale, grade B).");
  });

  it("takes the lowest compliance limit as the strictest, and never a reference level or a limit without a number", () => {
    expect(verdict("1 uSv", [limit("Wide", 10, "legal-limit"), limit("Strict", 0.25)])).toBe("inconsistent");
    expect(verdict("1 uSv", [limit("Strict", 0.25), limit("Wide", 10, "legal-limit")])).toBe("inconsistent");
    expect(verdict("0.1 uSv", [limit("Scale", 0.01, "reference-level"), limit("Strict", 0.25)])).toBe("consistent");
    expect(verdict("0.1 uSv", [limit("Secret", null), limit("Strict", 0.25)])).toBe("consistent");
    // Only a reference level and a limit without a number: nothing to be within.
    expect(verdict("0.001 uSv", [limit("Scale", 0.01, "reference-level"), limit("Secret", null)])).toBe("unsupported");
  });

  it("is unsupported for a lower bound alone, or when the registry has no per-screening limit", () => {
    const atLeast = perScanClaim(one("A person scanned receives at least 0.1 uSv per scan.") as DoseStatement, [limit("Strict", 0.25)]);
    expect(atLeast).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(atLeast.explanation).toBe("The policy states at least 0.1 uSv per scan: a lower bound only, which no limit can be compared with.");
    const noLimit = perScanClaim(one("A person scanned receives 0.1 uSv per scan.") as DoseStatement, [limit("Year", 1000, "legal-limit", "calendar-year")]);
    expect(noLimit).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(noLimit.explanation).toBe("The limits registry has no per-screening limit, so 0.1 uSv per scan cannot be compared.");
  });
});

describe("two statements at the same distance", () => {
  // Each figure is known to ± 0.5 in its last digit: "between 1 and 2 uSv" allows 0.5 to 2.5 µSv, "3 uSv" 2.5 to 3.5 µSv.
  it("agree when their rounded ranges touch, and contradict each other when they do not", () => {
    const touching = pairs("The dose at 1 m for 10 seconds is between 1 and 2 uSv. The dose at 1 m for 10 seconds is 3 uSv.");
    expect(touching).toHaveLength(1);
    expect(touching[0]).toMatchObject({id: "same-distance-1m", verdict: "consistent", check: "Do the two 1 m for 10 s statements agree?"});
    expect(touching[0]!.numbers).toEqual({carried_low: 0.5, carried_high: 2.5, stated_low: 2.5, stated_high: 3.5, factor_low: 1, factor_high: 1, unit: "µSv"});
    expect(touching[0]!.explanation).toBe("The policy gives 1 uSv to 2 uSv at 1 m for 10 s (0.5 to 2.5 µSv allowing for rounding). The other statement says 3 uSv at 1 m (2.5 to 3.5 µSv). The two agree.");
    const apartUp = pairs("The dose at 1 m for 10 seconds is between 1 and 2 uSv. The dose at 1 m for 10 seconds is 4 uSv.")[0]!;
    expect(apartUp.verdict).toBe("inconsistent");
    expect(apartUp.explanation).toMatch(/The two contradict each other: the first implies at most 2.5 µSv, less than the second states\.$/);
    const touchingDown = pairs("The dose at 1 m for 10 seconds is 3 uSv. The dose at 1 m for 10 seconds is between 1 and 2 uSv.")[0]!;
    expect(touchingDown.verdict).toBe("consistent");
    expect(touchingDown.numbers).toMatchObject({carried_low: 2.5, stated_high: 2.5});
    const apartDown = pairs("The dose at 1 m for 10 seconds is 4 uSv. The dose at 1 m for 10 seconds is between 1 and 2 uSv.")[0]!;
    expect(apartDown.verdict).toBe("inconsistent");
    expect(apartDown.explanation).toMatch(/the first implies at least 3.5 µSv, more than the second allows\.$/);
  });

  it("compares two rates at one distance as rates", () => {
    const c = pairs("The dose rate at 2 m is at most 3 uSv/h. The dose rate at 2 m is at least 4 uSv/h.")[0]!;
    // At most 3.5 µSv/h against at least 3.5 µSv/h: they touch.
    expect(c).toMatchObject({id: "same-distance-2m-rate", verdict: "consistent", check: "Do the two 2 m dose rates agree?"});
    expect(c.numbers).toMatchObject({carried_low: 0, carried_high: 3.5, stated_low: 3.5, stated_high: null, unit: "µSv/h"});
    expect(c.explanation).toBe("The policy gives at most 3 uSv/h at 2 m (0 to 3.5 µSv/h). The rate statement says at least 4 uSv/h at 2 m (3.5 to no upper end). The two agree.");
    expect(pairs("The dose rate at 2 m is at most 3 uSv/h. The dose rate at 2 m is at least 5 uSv/h.")[0]!.verdict).toBe("inconsistent");
    const open = pairs("The dose rate at 2 m is at least 5 uSv/h. The dose rate at 2 m is at most 3 uSv/h.")[0]!;
    expect(open.explanation).toMatch(/^The policy gives at least 5 uSv\/h at 2 m \(4.5 to no upper end\)\./);
  });
});

describe("two statements at two distances under the inverse square law", () => {
  // 1 m → 2 m: a factor of 1/4 with no air, 1/4 × exp(−μ/ρ·ρ·100 cm) at 20 keV. "4.00 uSv" allows 3.995 to 4.005 µSv.
  const factorLow = () => 0.25 * air20(100);

  it("carry the nearer figure, rounded both ways, to the farther distance and compare", () => {
    const at2 = (figure: string) => pairs(`The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is ${figure} uSv.`);
    const carriedLow = 3.995 * factorLow(); // 0.9094
    const carriedHigh = 4.005 * 0.25; // 1.00125
    expect(carriedLow).toBeCloseTo(0.9094, 4);
    const ok = at2("1.00");
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({id: "inverse-square", verdict: "consistent", check: "Do the figures at 1 m and 2 m follow the inverse square law?"});
    expect(ok[0]!.numbers).toEqual({carried_low: Number(carriedLow.toPrecision(3)), carried_high: 1, stated_low: 0.995, stated_high: 1, factor_low: 0.228, factor_high: 0.25, unit: "µSv"});
    expect(ok[0]!.explanation).toBe(
      "The policy gives 4.00 uSv at 1 m for 10 s (4 to 4 µSv allowing for rounding); carried to 2 m by the inverse square law with air attenuation " +
        "(a factor of 0.228 to 0.25; NIST X-ray mass attenuation tables (dry air), grade A [NIST-SRD-126]) that is 0.909 to 1 µSv. " +
        "The other statement says 1.00 uSv at 2 m (0.995 to 1 µSv). The two agree."
    );
    expect(carriedHigh).toBeLessThan(1.005);
    expect(at2("1.01")[0]!.verdict).toBe("inconsistent"); // 1.005 to 1.015 µSv: above 1.00125
    expect(at2("0.91")[0]!.verdict).toBe("consistent"); // 0.905 to 0.915 µSv
    expect(at2("0.90")[0]!.verdict).toBe("inconsistent"); // 0.895 to 0.905 µSv: below 0.9094
    expect(at2("0.90")[0]!.explanation).toMatch(/the first implies at least 0.909 µSv, more than the second allows\.$/);
  });

  it("carry the nearer figure whichever comes first in the text", () => {
    const c = pairs("The dose at 2 m for 10 seconds is 0.90 uSv. The dose at 1 m for 10 seconds is 4.00 uSv.")[0]!;
    expect(c.verdict).toBe("inconsistent");
    expect(c.numbers).toMatchObject({factor_low: 0.228, factor_high: 0.25, stated_low: 0.895, stated_high: 0.905});
  });

  it("name the distances in the ids when there are several pairs, and compare every pair", () => {
    const list = pairs("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is 1.00 uSv. The dose at 4 m for 10 seconds is 0.250 uSv.");
    expect(list.map((c) => [c.id, c.verdict])).toEqual([["inverse-square-1m-2m", "consistent"], ["inverse-square-1m-4m", "consistent"], ["inverse-square-2m-4m", "consistent"]]);
  });

  it("compare only doses of the same duration, and per-scan doses with each other", () => {
    expect(pairs("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 20 seconds is 1.00 uSv.")).toEqual([]);
    const perScan = pairs("A person at 1 m receives 4.00 uSv per scan. A person at 2 m receives 0.50 uSv per scan.");
    expect(perScan).toHaveLength(1);
    expect(perScan[0]).toMatchObject({id: "inverse-square", verdict: "inconsistent"});
    expect(perScan[0]!.explanation).toMatch(/^The policy gives 4.00 uSv at 1 m per scan \(4 to 4 µSv allowing for rounding\)/);
    expect(pairs("The dose at 1 m is 4.00 uSv. The dose at 2 m is 0.50 uSv.")).toEqual([]);
  });

  it("compare a dose over its duration with a rate, as rates", () => {
    // 0.100 µSv in 10 s is 0.0995 to 0.1005 µSv: 35.82 to 36.18 µSv/h at 1 m; at 2 m 35.82 × 0.2276 = 8.154 to 36.18 × 0.25 = 9.045 µSv/h.
    const cross = (rate: string) => pairs(`The dose at 1 m for 10 seconds is 0.100 uSv. The dose rate at 2 m is at most ${rate} uSv/h.`);
    const c = cross("8");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({id: "rate-2m-vs-dose-1m", verdict: "consistent", check: "Does the 2 m dose rate agree with the 1 m for 10 s dose figures?"});
    expect(c[0]!.numbers).toEqual({carried_low: Number((35.82 * factorLow()).toPrecision(3)), carried_high: Number((0.1005 * 360 * 0.25).toPrecision(3)), stated_low: 0, stated_high: 8.5, factor_low: 0.228, factor_high: 0.25, unit: "µSv/h"});
    expect(c[0]!.explanation).toMatch(/^The policy gives 0.100 uSv at 1 m for 10 s, an average of 35.8 to 36.2 µSv\/h there allowing for rounding; carried to 2 m/);
    expect(c[0]!.explanation).toMatch(/The rate statement says at most 8 uSv\/h at 2 m \(0 to 8.5 µSv\/h\)\. The two agree\.$/);
    expect(cross("7")[0]!.verdict).toBe("inconsistent");
    const rateFirst = pairs("The dose rate at 2 m is at most 7 uSv/h. The dose at 1 m for 10 seconds is 0.100 uSv.");
    expect(rateFirst[0]).toMatchObject({id: "rate-2m-vs-dose-1m", verdict: "inconsistent"});
  });

  it("hold a rate without a distance at the dose's own distance", () => {
    const c = pairs("The dose at 1 m for 10 seconds is 0.100 uSv. The dose rate is at most 40 uSv/h.");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({id: "rate-vs-dose-1m", verdict: "consistent", check: "Does the dose rate agree with the 1 m for 10 s dose figures?"});
    expect(c[0]!.explanation).toMatch(/there allowing for rounding\. The rate statement gives no distance; read as holding wherever people may stand, it must hold at 1 m too\. The rate statement says at most 40 uSv\/h \(0 to 40.5 µSv\/h\)\./);
    expect(pairs("The dose at 1 m for 10 seconds is 0.100 uSv. The dose rate is at most 35 uSv/h.")[0]!.verdict).toBe("inconsistent");
  });
});

describe("two ranges at two distances, end by end", () => {
  const ends = (far: string) => pairs(`The dose at 1 m for 10 seconds is between 2.00 and 4.00 uSv. The dose at 2 m for 10 seconds is between ${far} uSv.`);

  it("check the upper figures with each other and the lower with each other, allowing for rounding", () => {
    const ok = ends("0.50 and 1.00");
    expect(ok.map((c) => [c.id, c.verdict])).toEqual([["inverse-square-upper", "consistent"], ["inverse-square-lower", "consistent"]]);
    // Upper: 1.00 ÷ 4.00, or 0.995 ÷ 4.005 = 0.2484 to 1.005 ÷ 3.995 = 0.2516.
    expect(ok[0]!.numbers).toEqual({stated_ratio: 0.25, stated_ratio_low: 0.248, stated_ratio_high: 0.252, physical_ratio_low: 0.228, physical_ratio_high: 0.25});
    expect(ok[0]!.check).toBe("Do the upper figures at 1 m and 2 m follow the inverse square law?");
    expect(ok[0]!.explanation).toBe(
      "Doubling the distance from a point source (the policy does not say where its distances are measured from, so they are taken from the source) quarters the dose: " +
        `the ratio 2 m ÷ 1 m should be 0.25, or 0.228 to 0.25 with air attenuating over the extra 1 m (${Number(air20(100).toPrecision(3))} at 20 keV, ` +
        `${Number(Math.exp(-0.1356 * 1.205e-3 * 100).toPrecision(3))} at 150 keV; NIST X-ray mass attenuation tables (dry air), grade A [NIST-SRD-126]). ` +
        "The upper figures give 1.00 uSv ÷ 4.00 uSv = 0.25, or 0.248 to 0.252 allowing for rounding of the last digit. This agrees with the inverse square law."
    );
  });

  it("say which way an end fails, and whether the other end follows the law", () => {
    // Upper 1.20 ÷ 4.00: at least 1.195 ÷ 4.005 = 0.298, above 1/4. Lower 0.50 ÷ 2.00 = 1/4 exactly.
    const up = ends("0.50 and 1.20");
    expect(up.map((c) => c.verdict)).toEqual(["inconsistent", "consistent"]);
    expect(up[0]!.explanation).toMatch(/This does not agree: a ratio above 1\/4 would need a source extended over a size comparable to the distances, or a different measurement geometry, which the policy does not state; its lower figures follow 1\/4 exactly\.$/);
    // Lower 0.40 ÷ 2.00: at most 0.405 ÷ 1.995 = 0.203, below 0.228. Upper 0.95 ÷ 4.00 = 0.2375, within the law but not exactly 1/4.
    const down = ends("0.40 and 0.95");
    expect(down.map((c) => c.verdict)).toEqual(["consistent", "inconsistent"]);
    expect(down[1]!.explanation).toMatch(/This does not agree: a ratio below 0.228 means the dose falls faster than the inverse square law and air allow, which would need shielding or a different direction at the farther point, which the policy does not state; its upper figures follow the law\.$/);
    const both = ends("0.40 and 1.20");
    expect(both.map((c) => c.verdict)).toEqual(["inconsistent", "inconsistent"]);
    expect(both[0]!.explanation).toMatch(/which the policy does not state\.$/);
  });

  it("state the factor for distances that do not double, and quote the policy's centre", () => {
    const text = "HEALTH AND SAFETY\n\nDistances are measured from the center of the van. The dose at 1 m for 10 seconds is between 2.00 and 4.00 uSv. The dose at 3 m for 10 seconds is between 0.200 and 0.400 uSv.";
    const found = extractStatements(text);
    const figured = found.statements.filter((s): s is Figured => s.kind === "dose" || s.kind === "rate");
    const list = pairClaims({text, centre: found.centre}, figured);
    expect(list.map((c) => c.verdict)).toEqual(["consistent", "consistent"]);
    expect(list[0]!.explanation).toMatch(/^Going from 1 m to 3 m from a point source \(the policy places its measurements "Distances are measured from the center of the van"\) multiplies the dose by \(1 m ÷ 3 m\)² = 0.111: the ratio should be 0.111, or 0.0921 to 0.111 with air attenuating over the extra 2 m/);
  });
});

describe("the units inside one statement", () => {
  it("agree when a restatement is within half a unit of its last digit", () => {
    const c = unitsClaim(one("The dose at 10 ft for 10 seconds is 0.0045 mrem, or 4 urem."))!;
    expect(c).toMatchObject({id: "units-10ft", verdict: "consistent", numbers: {"0.0045 mrem in urem": 4.5}, check: "Do the units inside the 10 ft statement agree?"});
    expect(c.explanation).toBe('1 mrem = 1000 µrem = 10 µSv (10 CFR 20.1004) [10CFR20]. 0.0045 mrem is 4.5 µrem: "4 urem" agrees.');
    const off = unitsClaim(one("The dose at 10 ft for 10 seconds is 0.0046 mrem, or 4 urem."))!;
    expect(off.verdict).toBe("inconsistent");
    expect(off.explanation).toMatch(/0.0046 mrem is 4.6 µrem: "4 urem" does not \(4.6 µrem is 1.15 times 4 µrem\)\.$/);
  });

  it("take an exposure as the same number of rem within 10 %, or half a unit of its last digit if that is more", () => {
    const verdict = (body: string) => unitsClaim(one(body))!;
    expect(verdict("The dose at 10 ft for 10 seconds is 0.010 mrem (11 uR).").verdict).toBe("consistent"); // 11 against 10 ± 1
    const more = verdict("The dose at 10 ft for 10 seconds is 0.010 mrem (12 uR).");
    expect(more.verdict).toBe("inconsistent");
    expect(more.numbers).toEqual({"0.010 mrem in urem": 10});
    expect(more.explanation).toMatch(/0.010 mrem is 10 µrem; "12 uR" is an exposure, not a dose, and mixes roentgen with rem\. Even taking 1 µR ≈ 1 µrem \(about 10 %, diagnostic-energy X-rays\), 12 uR ≈ 12 µrem, 1.2 times more than 10 µrem\.$/);
    expect(verdict("The dose at 10 ft for 10 seconds is 0.010 mrem (8 uR).").explanation).toMatch(/8 uR ≈ 8 µrem, 1.25 times less than 10 µrem\.$/);
    expect(verdict("The dose at 10 ft for 10 seconds is 0.010 mrem (9 uR).").explanation).toMatch(/9 uR ≈ 9 µrem, which agrees\.$/);
    // 1.4 µrem against 1 µR: 0.4 apart, more than 10 % but within ± 0.5 of the written 1.
    expect(verdict("The dose at 10 ft for 10 seconds is 0.0014 mrem (1 uR).").verdict).toBe("consistent");
    expect(verdict("The dose at 10 ft for 10 seconds is 0.0016 mrem (1 uR).").verdict).toBe("inconsistent");
  });

  it("find a rate that cannot restate a dose, and name per-scan and rate statements in the id", () => {
    const c = unitsClaim(one("The dose at 10 ft for 10 seconds is 0.010 mrem (4 urem/h)."))!;
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toMatch(/"4 urem\/h" is .+ and 0.010 mrem .+: one cannot restate the other\.$/);
    expect(unitsClaim(one("A person scanned receives less than 0.01 mrem (0.1 uSv) per scan."))).toMatchObject({id: "units-per-scan", verdict: "consistent", check: "Do the units inside the per-scan statement agree?"});
    expect(unitsClaim(one("The dose rate at 3 m is at most 0.2 mrem/h (2 uSv/h)."))).toMatchObject({id: "units-3m-rate", verdict: "consistent", check: "Do the units inside the 3 m dose-rate statement agree?"});
    expect(unitsClaim(one("The dose rate is at most 0.2 mrem/h (2 uSv/h)."))).toMatchObject({id: "units-rate", check: "Do the units inside the dose-rate statement agree?"});
    expect(unitsClaim(one("The dose at 10 ft for 10 seconds is 0.010 mrem."))).toBeNull();
  });
});

describe("a figure no other check can use", () => {
  it("is listed as unsupported with its highest figure", () => {
    const rate = uncheckableClaim(one("The dose rate is at most 2 uSv/h."));
    expect(rate).toMatchObject({id: "figure-rate", verdict: "unsupported", check: "Can the dose rate figure be checked?", numbers: {stated_high_uSv: 2}});
    expect(rate.explanation).toBe("The statement gives at most 2 uSv/h without a distance it holds at, so it cannot be compared with the other figures, the limits or the field data.");
    const perScan = uncheckableClaim(one("A person scanned receives at least 0.1 uSv per scan."));
    expect(perScan).toMatchObject({id: "figure-dose", check: "Can the dose figure be checked?", numbers: {stated_high_uSv: null}});
    expect(perScan.explanation).toBe("The statement gives at least 0.1 uSv without a distance it holds at, so it cannot be compared with the other figures or the field data.");
  });
});

describe("the quote of a pair", () => {
  it("joins two adjacent sentences, and otherwise quotes the farther one against the nearer", () => {
    const adjacent = pairs("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is 1.00 uSv.")[0]!;
    expect(adjacent.quote).toBe("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is 1.00 uSv.");
    expect(adjacent.explanation).toMatch(/^The policy gives/);
    const {text, centre, figured} = read("The dose at 1 m for 10 seconds is 4.00 uSv. The van is white. The dose at 2 m for 10 seconds is 1.00 uSv.");
    const apart = pairClaims({text, centre}, figured)[0]!;
    expect(apart.quote).toBe("The dose at 2 m for 10 seconds is 1.00 uSv.");
    expect(apart.at).toBe(text.indexOf("The dose at 2 m"));
    expect(apart.explanation).toMatch(/^Against "The dose at 1 m for 10 seconds is 4.00 uSv\.": The policy gives 4.00 uSv at 1 m/);
  });

  it("quotes one sentence once when it holds both statements", () => {
    const {text, centre, figured} = read("The dose at 1 m for 10 seconds is 0.100 uSv, a dose rate of at most 40 uSv/h.");
    const c = pairClaims({text, centre}, figured);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({id: "rate-1m-vs-dose-1m", verdict: "consistent", quote: "The dose at 1 m for 10 seconds is 0.100 uSv, a dose rate of at most 40 uSv/h.", at: text.indexOf("The dose")});
    // Same distance: nothing is carried.
    expect(c[0]!.explanation).toBe(
      "The policy gives 0.100 uSv at 1 m for 10 s, an average of 35.8 to 36.2 µSv/h there allowing for rounding. The rate statement says at most 40 uSv/h at 1 m (0 to 40.5 µSv/h). The two agree."
    );
  });
});

describe("the law between distances in different units", () => {
  it("gives the extra distance in metres, and in the policy's unit when both share it", () => {
    // 1 m → 10 ft (3.048 m): (1 ÷ 3.048)² = 0.1076; 0.400 ÷ 4.00 = 0.1 lies between 0.1076 × 0.826 (air over 2.048 m) and 0.1076.
    const mixed = pairs("The dose at 1 m for 10 seconds is between 2.00 and 4.00 uSv. The dose at 10 ft for 10 seconds is between 0.200 and 0.400 uSv.");
    expect(mixed.map((c) => c.verdict)).toEqual(["consistent", "consistent"]);
    expect(mixed[0]!.explanation).toMatch(/multiplies the dose by \(1 m ÷ 3.05 m\)² = 0.108: the ratio should be 0.108, or 0.0888 to 0.108 with air attenuating over the extra 2.05 m \(/);
    // 5 ft → 10 ft: 152.4 cm of air at 20 keV transmits exp(−0.7779 × 1.205e-3 × 152.4) = 0.867; 0.25 × 0.867 = 0.217.
    const feet = pairs("The dose at 5 ft for 10 seconds is between 2.00 and 4.00 uSv. The dose at 10 ft for 10 seconds is between 0.500 and 1.00 uSv.");
    expect(feet[0]!.explanation).toMatch(/the ratio 10 ft ÷ 5 ft should be 0.25, or 0.217 to 0.25 with air attenuating over the extra 5 ft \(/);
  });
});

describe("many rates and doses", () => {
  it("compare each rate with every dose up to 144 pairs, and beyond with the nearest dose of each duration", () => {
    const doses = Array.from({length: 12}, (_, i) => `The dose at ${i + 1} m for 10 seconds is ${(1 / (i + 1) ** 2).toPrecision(3)} uSv.`);
    const rates = (n: number) => Array.from({length: n}, (_, j) => `The dose rate at ${j + 1} m is at most ${(400 / (j + 1) ** 2).toPrecision(3)} uSv/h.`);
    const crossedIds = (list: DraftClaim[]) => list.filter((c) => /^rate-(.+-)?vs-dose-/.test(c.id)).map((c) => c.id);
    // 12 rates × 12 doses = 144: every pair.
    expect(crossedIds(pairs([...doses, ...rates(12)].join(" ")))).toHaveLength(144);
    // 12 rates and one without a distance × 12 doses of 10 s and one of 20 s: 169 pairs, so each rate meets the nearest of each duration;
    // the rate without a distance, equally near all, meets the first.
    const many = crossedIds(pairs([...doses, "The dose at 5 m for 20 seconds is 0.0800 uSv.", ...rates(12), "The dose rate is at most 500 uSv/h."].join(" ")));
    const expected = [
      ...Array.from({length: 12}, (_, j) => [`rate-${j + 1}m-vs-dose-${j + 1}m`, `rate-${j + 1}m-vs-dose-5m`]).flat(),
      "rate-vs-dose-1m", "rate-vs-dose-5m"
    ];
    expect([...many].sort()).toEqual([...expected].sort());
  });

  it("name the distances in the ids only when there are several pairs, counting pairs of doses and of rates", () => {
    const onePair = pairs("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is 1.00 uSv. The dose rate is at most 1500 uSv/h.");
    expect(onePair.map((c) => c.id)).toEqual(["inverse-square", "rate-vs-dose-1m", "rate-vs-dose-2m"]);
    const twoPairs = pairs("The dose at 1 m for 10 seconds is 4.00 uSv. The dose at 2 m for 10 seconds is 1.00 uSv. The dose rate at 1 m is at most 1500 uSv/h. The dose rate at 2 m is at most 400 uSv/h.");
    expect(twoPairs.filter((c) => !c.id.includes("-vs-")).map((c) => c.id)).toEqual(["inverse-square-1m-2m", "inverse-square-1m-2m-rate"]);
  });
});

describe("restatements that cannot be compared", () => {
  it("an absorbed dose in Gy is named and not compared, and never stops the check", () => {
    const text = "HEALTH AND SAFETY\n\nThe dose at 5 ft for 10 seconds is 0.016 mrem (0.16 uGy).";
    const c = unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (0.16 uGy)."))!;
    expect(c).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(c.explanation).toBe('1 mrem = 1000 µrem = 10 µSv (10 CFR 20.1004) [10CFR20]. "0.16 uGy" is an absorbed dose or air kerma (Gy): turning it into a dose equivalent needs the beam\'s energy, so it is not compared.');
    expect(extractStatements(text).statements.map((s) => s.kind)).toEqual(["dose"]);
    // Beside a restatement that is compared, the verdict is that one's.
    const both = unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (0.16 uGy, 16 urem)."))!;
    expect(both).toMatchObject({verdict: "consistent", numbers: {"0.016 mrem in urem": 16}});
    expect(unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (0.16 uGy, 17 urem)."))!.verdict).toBe("inconsistent");
  });

  it("a restatement in a unit the product does not read leaves the units unsupported, not consistent", () => {
    const c = unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (16 mrad)."))!;
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toMatch(/"16 mrad" is not read: the rad \(absorbed dose\)/);
  });

  it("a word and numeral that disagree, or one restatement that disagrees, make the statement inconsistent whatever else agrees", () => {
    const words = unitsClaim(one("The dose at five (6) feet for 10 seconds is 0.016 mrem."))!;
    expect(words).toMatchObject({id: "units-6ft", verdict: "inconsistent", numbers: {}});
    expect(words.explanation).toBe('1 mrem = 1000 µrem = 10 µSv (10 CFR 20.1004) [10CFR20]. "five (6)": the words say 5, the numeral 6.');
    expect(unitsClaim(one("The dose at 5 ft for ten (12) seconds is 0.016 mrem."))!.verdict).toBe("inconsistent");
    expect(unitsClaim(one("The dose at 5 ft for 10 seconds is five (6) urem (0.06 uSv)."))!.verdict).toBe("inconsistent");
    expect(unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (0.3 uSv, 16 urem)."))!.verdict).toBe("inconsistent");
    expect(unitsClaim(one("The dose at 5 ft for 10 seconds is 0.016 mrem (0.16 uSv, 16 urem)."))).toMatchObject({verdict: "consistent", numbers: {"0.016 mrem in uSv": 0.16, "0.016 mrem in urem": 16}});
  });
});

describe("boundaries found by mutation testing", () => {
  it("an end whose lowest ratio equals the law's factor exactly follows the law", () => {
    // 1 m → 3 m: (1/3)² = 1/9; the upper figures 1 ÷ 4, rounded to 0.5 ÷ 4.5 = 1/9 exactly.
    const list = pairs("The dose at 1 m for 10 seconds is between 2 and 4 uSv. The dose at 3 m for 10 seconds is between 0.2 and 1 uSv.");
    expect(list.map((c) => [c.id, c.verdict])).toEqual([["inverse-square-upper", "consistent"], ["inverse-square-lower", "consistent"]]);
    expect(list[0]!.numbers).toMatchObject({stated_ratio_low: 0.111, physical_ratio_high: 0.111});
  });

  it("names the distances in the ids of end-by-end checks when there are several pairs", () => {
    const list = pairs("The dose at 1 m for 10 seconds is between 2.00 and 4.00 uSv. The dose at 2 m for 10 seconds is between 0.50 and 1.00 uSv. The dose at 4 m for 10 seconds is between 0.125 and 0.250 uSv.");
    expect(list.map((c) => c.id)).toEqual([
      "inverse-square-1m-2m-upper", "inverse-square-1m-2m-lower", "inverse-square-1m-4m-upper", "inverse-square-1m-4m-lower", "inverse-square-2m-4m-upper", "inverse-square-2m-4m-lower"
    ]);
  });

  it("a per-scan figure at a distance says the comparison is generous, and each limit's line follows the same boundaries", () => {
    const at1m = perScanClaim(one("A person at 1 m receives 0.25 uSv per scan.") as DoseStatement, [limit("First", 0.25), limit("Second", 0.25), limit("Scale", 0.25, "reference-level")]);
    expect(at1m.verdict).toBe("consistent");
    expect(at1m.explanation).toBe(
      "The policy states 0.25 uSv per scan at 1 m (a dose away from the scan plane: the per-screening limits are for the person screened, so the comparison is generous). " +
        "Within First, 0.25 µSv (source First, grade B). Within Second, 0.25 µSv (source Second, grade B). Below the reference level Scale, 0.25 µSv (source Scale, grade B). " +
        "It is within the strictest per-screening limit (First)."
    );
    const lowEnd = perScanClaim(one("A person scanned receives between 0.25 and 0.3 uSv per scan.") as DoseStatement, [limit("Strict", 0.25), limit("Scale", 0.25, "reference-level")]);
    expect(lowEnd.explanation).toMatch(/Possibly above Strict, 0.25 µSv \(source Strict, grade B\)\. Possibly above the reference level Scale, 0.25 µSv/);
    // Equal limits: the first listed is named as the strictest.
    const tie = perScanClaim(one("A person scanned receives 0.3 uSv per scan.") as DoseStatement, [limit("First", 0.25), limit("Second", 0.25)]);
    expect(tie.explanation).toMatch(/It is above the strictest per-screening limit \(First, 0.25 µSv\)\.$/);
  });

  it("a per-scan figure of zero is not within a limit that has no number", () => {
    const zero = perScanClaim(one("A person scanned receives 0 uSv per scan.") as DoseStatement, [limit("Scale", 0.01, "reference-level"), limit("Secret", null)]);
    expect(zero.verdict).toBe("unsupported");
  });

  it("gives a statement with figures in two units in µSv, and names its units when only one figure is restated", () => {
    const mixed = one("The dose at 10 ft for 10 seconds is between 0.1 uSv and 0.016 mrem.");
    expect(fieldClaim(mixed, undefined, false).explanation).toMatch(/the stated 0.1 uSv to 0.016 mrem \(0.1 µSv to 0.16 µSv\) at 10 ft/);
    const oneRestated = one("The dose at 10 ft for 10 seconds is between 0.009 and 0.016 mrem (16 urem).");
    expect(oneRestated.figures.map((f) => f.alternatives.length)).toEqual([0, 1]);
    expect(fieldClaim(oneRestated, interval(0.1, 0.2), false).explanation).toMatch(/for 10 s, taking its mrem figures\. The field data/);
  });
});
