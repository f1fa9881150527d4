import {describe, expect, it} from "vitest";
import {limitById, loadLimits} from "../../lib/compliance/index.js";

// Every kind of mistake in data/limits.json, one at a time: each must give exactly one problem that names the file,
// the JSON path of the mistake and what would fix it (the whole message is the rule), and refuse only what is wrong.

const FILE = "data/limits.json";

/** A valid limit, 2 mrem in any one hour (2 mrem = 20 µSv: 1 rem = 10 mSv). */
function limit(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "X1", body: "b", document: "d", edition: null, clause: null, protects: ["worker"], quantity: "effective-dose",
    value: 2, unit: "mrem", stated: "2 mrem", period: "any-one-hour", kind: "legal-limit", jurisdiction: "j",
    source: "s", sources: ["10CFR20"], grade: "A", note: "n", ...overrides
  };
}

function alara(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {program_specific: true, note: "n", source: "s", sources: [], applies_to_periods: ["calendar-year"], levels: [{id: "I", fraction: 0.1, action: "a"}], ...overrides};
}

function load(parts: {limits?: unknown; alara?: unknown; scenario_limits?: unknown}) {
  return loadLimits(JSON.stringify({limits: [limit()], alara: alara(), scenario_limits: {s: ["X1"]}, ...parts}), FILE);
}

/** The problems as [JSON path, message], after checking that each is an error naming the file. */
function problemsOf(loaded: ReturnType<typeof load>): [string | undefined, string][] {
  for (const p of loaded.problems) expect(p).toMatchObject({severity: "error", file: FILE});
  return loaded.problems.map((p) => [p.column, p.message]);
}

const MISSING = "nothing (the field is missing)";
const TEXT = `must be a non-empty text, found ${MISSING}`;
const NO_ALARA = {program_specific: true, note: "", source: "", sources: [], applies_to_periods: [], levels: []};

describe("loadLimits: the file's shape", () => {
  it("refuses a file that is not a JSON object at $, with nothing loaded and no throw", () => {
    expect(loadLimits("[]", FILE)).toEqual({
      limits: [], alara: NO_ALARA, scenario_limits: {},
      problems: [{severity: "error", file: FILE, column: "$", message: "must be a JSON object {...}, found []"}]
    });
  });

  it("refuses `limits` that is not an array with one problem, and loads nothing from it", () => {
    const loaded = load({limits: 5, scenario_limits: {}});
    expect(problemsOf(loaded)).toEqual([["$.limits", "must be a JSON array [...], found 5"]]);
    expect(loaded.limits).toEqual([]);
  });

  it("refuses an entry that is not an object, null included, and loads the others", () => {
    const loaded = load({limits: [5, null, limit()]});
    expect(problemsOf(loaded)).toEqual([
      ["$.limits[0]", "must be a JSON object {...}, found 5"],
      ["$.limits[1]", "must be a JSON object {...}, found null"]
    ]);
    expect(loaded.limits.map((l) => l.id)).toEqual(["X1"]);
    expect(loaded.scenario_limits).toEqual({s: ["X1"]});
  });

  it("names the earlier use of a duplicate id", () => {
    const loaded = load({limits: [limit(), limit({value: 3})]});
    expect(problemsOf(loaded)).toEqual([["$.limits[1].id", '"X1" is used by an earlier entry; give each limit its own id']]);
    expect(loaded.limits.map((l) => l.value)).toEqual([2]);
  });
});

describe("loadLimits: one limit", () => {
  it("loads every field of a valid limit, the value derived in µSv by hand (2 mrem = 20 µSv)", () => {
    const loaded = load({limits: [limit({protects: ["worker", "member-of-the-public"], period_note: "per hour of operation", edition: "2009", clause: "§1"})]});
    expect(loaded.problems).toEqual([]);
    expect(loaded.limits).toEqual([{
      id: "X1", body: "b", document: "d", edition: "2009", clause: "§1", protects: ["worker", "member-of-the-public"],
      quantity: "effective-dose", value: 2, unit: "mrem", stated: "2 mrem", period: "any-one-hour", period_note: "per hour of operation",
      kind: "legal-limit", jurisdiction: "j", source: "s", sources: ["10CFR20"], grade: "A", note: "n", conversion: null,
      value_uSv: 20, value_uR: null
    }]);
  });

  it("names every missing field of an empty entry, with the values allowed where there is a list", () => {
    const loaded = load({limits: [{}], scenario_limits: {}});
    expect(problemsOf(loaded)).toEqual([
      ["$.limits[0].id", TEXT],
      ["$.limits[0].body", TEXT],
      ["$.limits[0].document", TEXT],
      ["$.limits[0].edition", TEXT],
      ["$.limits[0].clause", TEXT],
      ["$.limits[0].protects", `must be a JSON array [...], found ${MISSING}`],
      ["$.limits[0].quantity", `must be one of "effective-dose", "TEDE", "dose-equivalent", "exposure", "not-stated", found ${MISSING}`],
      ["$.limits[0].stated", TEXT],
      ["$.limits[0].period", `must be one of "per-screening", "any-one-hour", "calendar-year", found ${MISSING}`],
      ["$.limits[0].kind", `must be one of "legal-limit", "design-criterion", "recommended-limit", "constraint", "reference-level", found ${MISSING}`],
      ["$.limits[0].jurisdiction", TEXT],
      ["$.limits[0].source", TEXT],
      ["$.limits[0].sources", `is missing: list the ids of the value's sources in docs/sources.md, e.g. ["10CFR20"], or [] when none of them applies`],
      ["$.limits[0].note", TEXT],
      ["$.limits[0].value", `must be a number greater than 0, found ${MISSING}`],
      ["$.limits[0].unit", TEXT],
      ["$.limits[0].grade", `must be one of "A", "B", "C", found ${MISSING}`]
    ]);
    expect(loaded.limits).toEqual([]);
  });

  it("requires `protects` to be a non-empty list of the people the product knows", () => {
    expect(problemsOf(load({limits: [limit({protects: "worker"})]}))).toEqual([["$.limits[0].protects", 'must be a JSON array [...], found "worker"']]);
    expect(problemsOf(load({limits: [limit({protects: []})]}))).toEqual([
      ["$.limits[0].protects", "must name at least one of member-of-the-public, person-screened, worker, anyone-outside-screening-zone"]
    ]);
    expect(problemsOf(load({limits: [limit({protects: ["worker", "pilot"]})]}))).toEqual([
      ["$.limits[0].protects[1]", 'must be one of "member-of-the-public", "person-screened", "worker", "anyone-outside-screening-zone", found "pilot"']
    ]);
  });

  it("allows `period_note` to be absent or null, and refuses one that is not a text", () => {
    expect(load({limits: [limit({period_note: null})]}).limits[0]!.period_note).toBeNull();
    expect(load({}).limits[0]!.period_note).toBeNull();
    expect(problemsOf(load({limits: [limit({period_note: 5})]}))).toEqual([["$.limits[0].period_note", "must be a non-empty text, found 5"]]);
  });

  it("reports one problem for one mistake: a missing unit, or a bad value beside a unit in roentgen", () => {
    expect(problemsOf(load({limits: [limit({unit: undefined})]}))).toEqual([["$.limits[0].unit", TEXT]]);
    // With no valid value there is nothing to convert, so the missing conversion of mR is not reported as well.
    expect(problemsOf(load({limits: [limit({value: -1, unit: "mR"})]}))).toEqual([["$.limits[0].value", "must be a number greater than 0, found -1"]]);
  });

  it("names a unit it does not know and the dose units it would take", () => {
    expect(problemsOf(load({limits: [limit({unit: "furlongs"})]}))).toEqual([
      ["$.limits[0].unit", '"furlongs" is not a unit this product knows; write a dose unit such as "µSv", "mSv", "mrem" or "mR"']
    ]);
    // The same with a conversion stated: the unit is the one mistake.
    const conversion = {via: "air-kerma", to: "H*(10)", basis: "b"};
    expect(problemsOf(load({limits: [limit({unit: "furlongs", conversion})]})).map(([path]) => path)).toEqual(["$.limits[0].unit"]);
  });

  it("refuses a unit of another quantity, naming the units that would do", () => {
    expect(problemsOf(load({limits: [limit({unit: "mGy"})]}))).toEqual([
      ["$.limits[0].unit", '"mGy" is not a dose; use Sv or rem (e.g. "µSv", "mrem"), or R with a stated conversion']
    ]);
  });
});

describe("loadLimits: a limit without a public number", () => {
  it("allows value null with the unit and grade absent or null, and keeps a grade given", () => {
    for (const nulls of [{unit: null, grade: null}, {unit: undefined, grade: undefined}]) {
      const loaded = load({limits: [limit({value: null, ...nulls})]});
      expect(loaded.problems).toEqual([]);
      expect(loaded.limits[0]).toMatchObject({value: null, unit: null, grade: null, value_uSv: null, value_uR: null});
    }
    expect(load({limits: [limit({value: null, unit: null, grade: "B"})]}).limits[0]!.grade).toBe("B");
  });

  it("refuses a unit beside value null, and a grade outside A, B, C", () => {
    expect(problemsOf(load({limits: [limit({value: null, unit: "mSv"})]}))).toEqual([["$.limits[0].unit", "must be null when value is null"]]);
    expect(problemsOf(load({limits: [limit({value: null, unit: null, grade: "D"})]}))).toEqual([["$.limits[0].grade", 'must be one of "A", "B", "C", found "D"']]);
  });
});

describe("loadLimits: a limit stated in roentgen", () => {
  const conversion = {via: "air-kerma", to: "H*(10)", basis: "at the device's effective energy"};

  it("keeps 2 mR as 2000 µR with its conversion, and no fixed µSv value", () => {
    const loaded = load({limits: [limit({unit: "mR", stated: "2 mR", conversion})]});
    expect(loaded.problems).toEqual([]);
    expect(loaded.limits[0]).toMatchObject({value: 2, unit: "mR", conversion, value_uR: 2000, value_uSv: null});
  });

  it("takes a conversion of null as none, for a value in Sv or rem", () => {
    const loaded = load({limits: [limit({conversion: null})]});
    expect(loaded.problems).toEqual([]);
    expect(loaded.limits[0]).toMatchObject({conversion: null, value_uSv: 20, value_uR: null});
  });

  it("refuses a conversion that is not an object", () => {
    expect(problemsOf(load({limits: [limit({unit: "mR", conversion: 5})]}))).toEqual([["$.limits[0].conversion", "must be a JSON object {...}, found 5"]]);
  });

  it("names each wrong part of a conversion, and reports nothing else about the unit, mR or mSv", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{via: "kerma"}, "$.limits[0].conversion.via", 'must be "air-kerma": an exposure is compared as air kerma converted to H*(10) at the device\'s effective energy'],
      [{to: "H(10)"}, "$.limits[0].conversion.to", 'must be "H*(10)", the quantity the models fit'],
      [{basis: undefined}, "$.limits[0].conversion.basis", TEXT]
    ];
    for (const [wrong, path, message] of cases) {
      for (const unit of ["mR", "mSv"]) {
        expect(problemsOf(load({limits: [limit({unit, conversion: {...conversion, ...wrong}})]}))).toEqual([[path, message]]);
      }
    }
  });

  it("refuses a conversion beside a value in Sv or rem", () => {
    expect(problemsOf(load({limits: [limit({unit: "mSv", conversion})]}))).toEqual([
      ["$.limits[0].conversion", "is only for limits stated in roentgen; remove it for a Sv or rem value"]
    ]);
  });
});

describe("loadLimits: ALARA levels", () => {
  it("names every missing field of an empty section, and keeps no level from it", () => {
    const loaded = load({alara: {}});
    expect(problemsOf(loaded)).toEqual([
      ["$.alara.program_specific", "must be true: investigation levels are set by each program, and the data must say so"],
      ["$.alara.note", TEXT],
      ["$.alara.source", TEXT],
      ["$.alara.sources", `is missing: list the ids of the value's sources in docs/sources.md, e.g. ["10CFR20"], or [] when none of them applies`],
      ["$.alara.applies_to_periods", `must be a JSON array [...], found ${MISSING}`],
      ["$.alara.levels", `must be a JSON array [...], found ${MISSING}`]
    ]);
    expect(loaded.alara).toEqual(NO_ALARA);
    expect(loaded.limits.map((l) => l.id)).toEqual(["X1"]);
  });

  it("refuses periods and levels that are not lists with one problem each", () => {
    expect(problemsOf(load({alara: alara({applies_to_periods: "calendar-year", levels: 5})}))).toEqual([
      ["$.alara.applies_to_periods", 'must be a JSON array [...], found "calendar-year"'],
      ["$.alara.levels", "must be a JSON array [...], found 5"]
    ]);
  });

  it("names a wrong period and each wrong part of a level by its index", () => {
    const loaded = load({alara: alara({applies_to_periods: ["calendar-year", "per-week"], levels: [{id: "I", fraction: 0.1, action: "a"}, 5, {}]})});
    expect(problemsOf(loaded)).toEqual([
      ["$.alara.applies_to_periods[1]", 'must be one of "per-screening", "any-one-hour", "calendar-year", found "per-week"'],
      ["$.alara.levels[1]", "must be a JSON object {...}, found 5"],
      ["$.alara.levels[2].id", TEXT],
      ["$.alara.levels[2].fraction", `must be a number greater than 0, found ${MISSING}`],
      ["$.alara.levels[2].action", TEXT]
    ]);
    expect(loaded.alara).toEqual(NO_ALARA);
  });

  it("takes a level as a fraction strictly below 1 of the limit", () => {
    expect(load({alara: alara({levels: [{id: "I", fraction: 0.999, action: "a"}]})}).alara.levels).toEqual([{id: "I", fraction: 0.999, action: "a"}]);
    expect(problemsOf(load({alara: alara({levels: [{id: "I", fraction: 1, action: "a"}]})}))).toEqual([
      ["$.alara.levels[0].fraction", "must be a fraction of the limit below 1 (e.g. 0.1 for 10 %), found 1"]
    ]);
  });
});

describe("loadLimits: scenarios", () => {
  it("names an unknown limit id and lists the ids there are, and keeps the known ones", () => {
    const loaded = load({limits: [limit(), limit({id: "X2"})], scenario_limits: {s: ["X1", "L99", "X2"]}});
    expect(problemsOf(loaded)).toEqual([["$.scenario_limits.s[1]", '"L99" is not the id of any entry in $.limits; use one of X1, X2']]);
    expect(loaded.scenario_limits).toEqual({s: ["X1", "X2"]});
  });

  it("counts a refused entry's id as declared, but not an id that is not a text", () => {
    const loaded = load({limits: [limit(), limit({id: "X2", unit: "mGy"}), limit({id: 5})], scenario_limits: {s: ["X2", "L99"]}});
    expect(problemsOf(loaded).slice(2)).toEqual([["$.scenario_limits.s[1]", '"L99" is not the id of any entry in $.limits; use one of X1, X2']]);
    expect(problemsOf(loaded).slice(0, 2).map(([path]) => path)).toEqual(["$.limits[1].unit", "$.limits[2].id"]);
  });

  it("refuses a scenario whose limits are not a list of texts, one problem each", () => {
    expect(problemsOf(load({scenario_limits: {s: "X1", t: [5, "X1"]}}))).toEqual([
      ["$.scenario_limits.s", 'must be a JSON array [...], found "X1"'],
      ["$.scenario_limits.t[0]", "must be a non-empty text, found 5"]
    ]);
  });
});

describe("limitById", () => {
  it("throws, naming the id, for a limit not in the registry", () => {
    expect(() => limitById({limits: []}, "L99")).toThrowError(/^no limit "L99" in the registry$/);
  });
});
