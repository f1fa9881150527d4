// Every threshold of a verdict, at the threshold itself and at the doubles just below and just above it
// (docs/compliance.md): within iff upper95 ≤ limit; exceeds iff lower95 > limit (the point estimate when there is
// no lower bound); an ALARA level is possibly reached when upper95 ≥ level and reached when the lower bound is ≥ level.
// The limits and levels are written here as numbers, not read from the registry: L7 is 20 µSv in any one hour, L6
// 1000 µSv a year, L13 a 10 µSv reference level.
import {describe, expect, it} from "vitest";
import {judge, type AlaraConfig, type DoseEstimate, type Limit} from "../../lib/compliance/index.js";
import {nextDown, nextUp} from "../float.js";

function limit(id: string, value_uSv: number, period: Limit["period"], kind: Limit["kind"]): Limit {
  return {
    id, body: "test", document: "test document", edition: null, clause: null, protects: ["member-of-the-public"], quantity: "effective-dose",
    value: value_uSv, unit: "µSv", value_uR: null, stated: `${value_uSv} µSv`, period, period_note: null, kind, jurisdiction: "test",
    source: "test", sources: [], grade: "A", note: "", conversion: null, value_uSv
  };
}
const HOURLY = limit("L7", 20, "any-one-hour", "legal-limit");
const ANNUAL = limit("L6", 1000, "calendar-year", "legal-limit");
const REFERENCE = limit("L13", 10, "calendar-year", "reference-level");
const ALARA: AlaraConfig = {
  program_specific: true, note: "", source: "test", sources: [], applies_to_periods: ["calendar-year"],
  levels: [{id: "Level I", fraction: 0.1, action: "review"}, {id: "Level II", fraction: 0.3, action: "investigate"}]
};

const est = (lower: number | null, point: number | null, upper: number | null): DoseEstimate => ({dose_uSv: point, lower95_uSv: lower, upper95_uSv: upper, determinable: true});

describe("within: the upper bound at, just below and just above the limit", () => {
  it("is within at the limit and just below it", () => {
    expect(judge(est(10, 15, 20), HOURLY).verdict).toBe("within");
    expect(judge(est(10, 15, nextDown(20)), HOURLY).verdict).toBe("within");
  });
  it("is not within just above it", () => {
    expect(judge(est(10, 15, nextUp(20)), HOURLY).verdict).toBe("cannot-be-determined");
  });
  it("is within when every bound equals the limit", () => {
    expect(judge(est(20, 20, 20), HOURLY).verdict).toBe("within");
  });
});

describe("exceeds: the lower bound at, just below and just above the limit", () => {
  it("exceeds just above the limit", () => {
    expect(judge(est(nextUp(20), 25, 30), HOURLY).verdict).toBe("exceeds");
  });
  it("cannot be determined when the lower bound only equals the limit, or is just below it", () => {
    expect(judge(est(20, 25, 30), HOURLY).verdict).toBe("cannot-be-determined");
    expect(judge(est(nextDown(20), 25, 30), HOURLY).verdict).toBe("cannot-be-determined");
  });
  it("with no lower bound, judges the point estimate the same way", () => {
    expect(judge(est(null, nextUp(20), 30), HOURLY).verdict).toBe("exceeds");
    expect(judge(est(null, 20, 30), HOURLY).verdict).toBe("cannot-be-determined");
    expect(judge(est(null, null, 30), HOURLY).verdict).toBe("cannot-be-determined");
  });
  it("judges on the lower bound when the point estimate is unknown", () => {
    expect(judge(est(21, null, 25), HOURLY).verdict).toBe("exceeds");
    expect(judge(est(5, null, 10), HOURLY).verdict).toBe("within");
  });
  it("raises no ALARA flag when no verdict can be given", () => {
    expect(judge({dose_uSv: null, upper95_uSv: null, determinable: false}, ANNUAL, ALARA)).toMatchObject({verdict: "cannot-be-determined", alara: [], margin: null});
    expect(judge(est(500, 600, null), ANNUAL, ALARA).alara).toEqual([]);
  });
  it("judges on the lower bound, not the point estimate, when both are known", () => {
    expect(judge(est(19, 25, 30), HOURLY).verdict).toBe("cannot-be-determined");
  });
});

describe("reference levels: below at the level, above only beyond it", () => {
  it("is below the reference at the level and just below it", () => {
    expect(judge(est(5, 8, 10), REFERENCE).verdict).toBe("below-reference");
    expect(judge(est(5, 8, nextDown(10)), REFERENCE).verdict).toBe("below-reference");
  });
  it("is above only when the lower bound is beyond the level", () => {
    expect(judge(est(nextUp(10), 12, 14), REFERENCE).verdict).toBe("above-reference");
    expect(judge(est(10, 12, 14), REFERENCE).verdict).toBe("cannot-be-determined");
  });
  it("raises no ALARA flag: a reference level is not a limit", () => {
    expect(judge(est(500, 600, 700), REFERENCE, ALARA).alara).toEqual([]);
  });
});

describe("ALARA levels: possibly reached from upper95 ≥ level, reached from lower bound ≥ level", () => {
  const flags = (lower: number | null, point: number | null, upper: number) =>
    judge(est(lower, point, upper), ANNUAL, ALARA).alara.map((f) => [f.level, f.status]);

  for (const [level, threshold] of [["Level I", 100], ["Level II", 300]] as const) {
    it(`${level} (${threshold} µSv): the upper bound at, just below and just above the level`, () => {
      const below = nextDown(threshold);
      expect(flags(1, 1, below).map(([id]) => id)).not.toContain(level);
      expect(flags(1, 1, threshold)).toContainEqual([level, "possibly-reached"]);
      expect(flags(1, 1, nextUp(threshold))).toContainEqual([level, "possibly-reached"]);
    });
    it(`${level} (${threshold} µSv): the lower bound at, just below and just above the level`, () => {
      expect(flags(nextDown(threshold), threshold, 900)).toContainEqual([level, "possibly-reached"]);
      expect(flags(threshold, threshold, 900)).toContainEqual([level, "reached"]);
      expect(flags(nextUp(threshold), nextUp(threshold), 900)).toContainEqual([level, "reached"]);
    });
    it(`${level} (${threshold} µSv): with no lower bound, the point estimate decides whether it is reached`, () => {
      expect(flags(null, threshold, 900)).toContainEqual([level, "reached"]);
      expect(flags(null, nextDown(threshold), 900)).toContainEqual([level, "possibly-reached"]);
      expect(flags(null, null, 900)).toContainEqual([level, "possibly-reached"]);
    });
  }

  it("gives each level's threshold in µSv and its action, in the registry's order", () => {
    const v = judge(est(350, 380, 400), ANNUAL, ALARA);
    expect(v.alara).toEqual([
      {level: "Level I", fraction: 0.1, threshold_uSv: 100, status: "reached", action: "review"},
      {level: "Level II", fraction: 0.3, threshold_uSv: 300, status: "reached", action: "investigate"}
    ]);
    expect(v.explanation).toContain("ALARA: Level I (10 % of the limit, 100 µSv) reached; Level II (30 % of the limit, 300 µSv) reached.");
  });

  it("applies only to the periods the programme names", () => {
    expect(judge(est(18, 19, 19.5), HOURLY, ALARA).alara).toEqual([]);
    expect(judge(est(350, 380, 400), ANNUAL, {...ALARA, applies_to_periods: ["any-one-hour"]}).alara).toEqual([]);
    expect(judge(est(350, 380, 400), ANNUAL).alara).toEqual([]);
  });
});

describe("an estimate that contradicts itself is not judged", () => {
  it("accepts bounds that touch: lower = point = upper", () => {
    expect(judge(est(5, 5, 5), HOURLY).verdict).toBe("within");
  });
  it("refuses a lower bound just above the upper bound", () => {
    expect(judge(est(nextUp(5), null, 5), HOURLY).explanation).toMatch(/inconsistent/);
  });
  it("refuses a point estimate just outside its interval, on either side", () => {
    expect(judge(est(4, nextUp(5), 5), HOURLY).explanation).toMatch(/inconsistent/);
    expect(judge(est(4, nextDown(4), 5), HOURLY).explanation).toMatch(/inconsistent/);
    expect(judge(est(null, nextUp(5), 5), HOURLY).explanation).toMatch(/inconsistent/);
  });
  it("names the inconsistent numbers, and 'unknown' for a missing one", () => {
    expect(judge(est(null, 6, 5), HOURLY).explanation).toBe("Cannot be determined: the estimate is inconsistent (point 6 µSv, 95 % interval unknown to 5 µSv).");
  });
  it("refuses an infinite upper bound", () => {
    expect(judge(est(1, 2, Infinity), HOURLY).verdict).toBe("cannot-be-determined");
    expect(judge(est(1, 2, Infinity), HOURLY).explanation).toMatch(/no 95 % upper bound/);
  });
});

describe("the margin", () => {
  it("is the limit over the upper bound, and unknown when the upper bound is zero", () => {
    expect(judge(est(0, 0, 0), HOURLY)).toMatchObject({verdict: "within", margin: null});
    expect(judge(est(0, 0, 0), HOURLY).explanation).toContain("the upper bound is zero");
    expect(judge(est(0, 0, nextUp(0)), HOURLY).margin).toBe(Infinity);
    expect(judge(est(1, 2, 4), HOURLY).margin).toBe(5);
    expect(judge(est(40, 50, 80), HOURLY).margin).toBe(0.25);
  });
});

describe("the explanation states the verdict, the bound it rests on, the limit and the margin", () => {
  it("within: the upper bound, the limit with its source and grade, the margin", () => {
    const text = judge(est(10, 15, 19.9), HOURLY).explanation;
    expect(text).toMatch(/^Within: /);
    expect(text).toMatch(/95 % upper bound 19\.9 µSv is at or below the limit L7 of 20 µSv \(20 µSv; test, grade A\)/);
    expect(text).toMatch(/margin 1\.01 \(limit ÷ upper bound\)\.$/);
  });
  it("exceeds: the lower bound, or the point estimate read protectively when no lower bound is known", () => {
    expect(judge(est(21, 22, 25), HOURLY).explanation).toMatch(/^Exceeds: the 95 % lower bound 21 µSv is above the limit L7 of 20 µSv .*; margin 0\.800\.$/);
    const protective = judge(est(null, 21, 25), HOURLY).explanation;
    expect(protective).toMatch(/^Exceeds: no lower bound is known, and the point estimate 21 µSv is above the limit L7/);
    expect(protective).toMatch(/read protectively as exceeding, although the true dose may be lower; margin 0\.800\.$/);
  });
  it("cannot be determined: the interval that straddles the limit, with or without its lower end", () => {
    expect(judge(est(19, 20, 21), HOURLY).explanation).toMatch(/^Cannot be determined: the 95 % interval 19 µSv to 21 µSv straddles the limit L7 .*more or better data would narrow it\.$/);
    expect(judge(est(null, 19, 21), HOURLY).explanation).toMatch(/interval up to 21 µSv \(no lower bound known\) straddles the limit L7/);
  });
  it("reference levels: says 'reference level', never 'limit' or 'within', and that being above is not a breach", () => {
    const below = judge(est(5, 8, 9), REFERENCE).explanation;
    expect(below).toMatch(/^Below the reference level: the 95 % upper bound 9 µSv is at or below the reference level L13 of 10 µSv/);
    const above = judge(est(11, 12, 14), REFERENCE).explanation;
    expect(above).toMatch(/^Above the reference level \(not a breach: a reference level is not a limit\): the 95 % lower bound 11 µSv is above the reference level L13/);
    expect(judge(est(9, 10, 11), REFERENCE).explanation).toMatch(/straddles the reference level L13/);
  });
  it("ALARA levels reached are appended with their share of the limit and threshold", () => {
    expect(judge(est(50, 90, 150), ANNUAL, ALARA).explanation).toMatch(/\. ALARA: Level I \(10 % of the limit, 100 µSv\) possibly-reached\.$/);
    expect(judge(est(350, 380, 400), ANNUAL).explanation).not.toMatch(/ALARA/);
  });
  it("a limit without a number, or an estimate that could not be made, says why", () => {
    expect(judge(est(1, 2, 3), {...HOURLY, value: null, value_uSv: null}).explanation).toBe("Cannot be determined: the limit of test document is not publicly available, so no comparison is possible.");
    expect(judge({dose_uSv: null, upper95_uSv: null, determinable: false}, HOURLY).explanation).toMatch(/could not be estimated \(no reason given\)/);
    expect(judge({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "too few readings"}, HOURLY).explanation).toMatch(/could not be estimated \(too few readings\)/);
  });
  it("a limit stated without a grade says so", () => {
    expect(judge(est(1, 2, 3), {...HOURLY, grade: null}).explanation).toMatch(/grade none\)/);
  });
});
