import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {loadLimits, limitById} from "../../lib/compliance/index.js";

const FILE = "data/limits.json";
const registry = () => loadLimits(readFileSync(new URL("../../data/limits.json", import.meta.url), "utf8"), FILE);

// Independent values: each limit as its source states it (docs/sources.md says where each was read), converted by
// hand (1 mSv = 1000 µSv; 1 mrem = 10 µSv). L15 is an exposure: no fixed µSv value (it is converted at each device's
// effective energy when judged), 2 mR = 2000 µR.
const EXPECTED: [id: string, value: number, unit: string, uSv: number | null, period: string, source: string, grade: string][] = [
  ["L1", 0.25, "µSv", 0.25, "per-screening", "ANSI/HPS N43.17-2009, as summarised by US Army Public Health Command (2011) and in state rules (e.g. Colorado 6 CCR 1007-1 §8.11.3)", "B"],
  ["L2", 10, "µSv", 10, "per-screening", "N43.17-2009 (same summary)", "B"],
  ["L3", 0.25, "mSv", 250, "calendar-year", "N43.17-2009 (same); Washington WAC 246-230-040(3), in force 2025", "B"],
  ["L4", 1, "mSv", 1000, "calendar-year", "N43.17-2009 (same summary)", "B"],
  ["L5", 20, "µSv", 20, "any-one-hour", "WAC 246-230-040(4)", "A"],
  ["L6", 1, "mSv", 1000, "calendar-year", "10 CFR 20.1301(a)(1)", "A"],
  ["L7", 0.02, "mSv", 20, "any-one-hour", "10 CFR 20.1301(a)(2)", "A"],
  ["L8", 50, "mSv", 50000, "calendar-year", "10 CFR 20.1201(a)", "A"],
  ["L9", 1, "mSv", 1000, "calendar-year", "ICRP 103 Table 6", "A"],
  ["L10", 20, "mSv", 20000, "calendar-year", "ICRP 103 Table 6; ICRP 118 statement", "A"],
  ["L11", 20, "mSv", 20000, "calendar-year", "2013/59/Euratom Art. 9", "A"],
  ["L12", 1, "mSv", 1000, "calendar-year", "2013/59/Euratom Art. 12 (same values as ICRP 103; text not read)", "B"],
  ["L13", 10, "µSv", 10, "calendar-year", "NCRP (negligible individual dose); basis of IAEA exemption levels (RS-G-1.7); Euratom Annex VII \"of the order of 10 µSv a year\" (text not read)", "B"],
  ["L14", 0.1, "µSv", 0.1, "per-screening", "NCRP (reported as Commentary No. 16, 2003) via a summary of two 2011 Radiology articles", "C"],
  ["L15", 2, "mR", null, "any-one-hour", "UFC 4-022-01 (2005)", "B"]
];

describe("the limits registry in data/limits.json", () => {
  it("loads without problems", () => {
    expect(registry().problems).toEqual([]);
  });

  it.each(EXPECTED)("%s is %s %s (%s µSv), %s, from its source with its grade", (id, value, unit, uSv, period, source, grade) => {
    const limit = limitById(registry(), id);
    expect(limit.value).toBe(value);
    expect(limit.unit).toBe(unit);
    if (uSv === null) expect(limit.value_uSv).toBeNull();
    else expect(limit.value_uSv).toBeCloseTo(uSv, 12);
    expect(limit.period).toBe(period);
    expect(limit.source).toBe(source);
    expect(limit.grade).toBe(grade);
  });

  it("names each limit's documents by their bibliography ids", () => {
    // The documents each limit's `source` names, as ids of docs/sources.md.
    const expected: Record<string, string[]> = {
      L1: ["ANSI-N43.17"], L2: ["ANSI-N43.17"], L3: ["ANSI-N43.17", "WAC-246-230"], L4: ["ANSI-N43.17"], L5: ["WAC-246-230"],
      L6: ["10CFR20"], L7: ["10CFR20", "NRC-HPPOS"], L8: ["10CFR20"], L9: ["ICRP-103"], L10: ["ICRP-103", "ICRP-118"],
      L11: ["Euratom-2013-59"], L12: ["Euratom-2013-59", "ICRP-103"], L13: ["NCRP-116", "IAEA-RS-G-1.7", "Euratom-2013-59"],
      L14: ["NCRP-Commentary-16"], L15: ["UFC-4-022-01"], "N43.16": ["ANSI-N43.16"]
    };
    expect(Object.fromEntries(registry().limits.map((l) => [l.id, l.sources]))).toEqual(expected);
    expect(registry().alara.sources).toEqual([]); // the common model's source was not recorded: said in `source`
    expect(registry().alara.source).toMatch(/without its source/);
  });

  it("lists N43.16 without a number and says the number is not publicly available", () => {
    const n4316 = limitById(registry(), "N43.16");
    expect(n4316.value).toBeNull();
    expect(n4316.value_uSv).toBeNull();
    expect(n4316.edition).toBe("2021");
    expect(n4316.note).toMatch(/not publicly available/);
  });

  it("states the conversion of the one limit given in roentgen", () => {
    const l15 = limitById(registry(), "L15");
    expect(l15.quantity).toBe("exposure");
    expect(l15.conversion).toMatchObject({via: "air-kerma", to: "H*(10)"});
    expect(l15.conversion?.basis).toMatch(/30\.6 µSv H\*\(10\)/);
    expect(l15.value_uR).toBeCloseTo(2000, 9);
    expect(registry().limits.filter((l) => l.conversion !== null).map((l) => l.id)).toEqual(["L15"]);
  });

  it("classes the negligible dose and the NCRP recommendation as reference levels, the CFR values as legal limits", () => {
    expect(registry().limits.filter((l) => l.kind === "reference-level").map((l) => l.id)).toEqual(["L13", "L14"]);
    for (const id of ["L5", "L6", "L7", "L8", "L11", "L12"]) expect(limitById(registry(), id).kind).toBe("legal-limit");
  });

  it("maps each scenario to the limits of the issue", () => {
    expect(registry().scenario_limits).toEqual({
      "bystander-event": ["L4", "L6", "L9", "L12", "L13"],
      "bystander-hour": ["L5", "L7"],
      "cordon-hour": ["L5", "L7", "L15"],
      "occupant-scan": ["L1", "L2", "L14", "N43.16"],
      "occupant-year": ["L3"],
      "operator-shift": ["L4", "L8", "L10", "L11"],
      "operator-year": ["L4", "L8", "L10", "L11"],
      "public-annual": ["L6", "L9", "L12", "L13"]
    });
  });

  it("keeps ALARA levels as program-specific data: 10 % and 30 % of annual limits", () => {
    expect(registry().alara.program_specific).toBe(true);
    expect(registry().alara.note).toMatch(/program-specific/);
    expect(registry().alara.applies_to_periods).toEqual(["calendar-year"]);
    expect(registry().alara.levels.map((l) => [l.id, l.fraction])).toEqual([["Level I", 0.1], ["Level II", 0.3]]);
  });
});

/** A valid one-entry registry to break field by field. */
function oneLimit(overrides: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  const limit = {
    id: "X1", body: "b", document: "d", edition: null, clause: null, protects: ["worker"], quantity: "effective-dose",
    value: 2, unit: "mrem", stated: "2 mrem", period: "any-one-hour", kind: "legal-limit", jurisdiction: "j",
    source: "s", sources: ["10CFR20"], grade: "A", note: "n", ...overrides
  };
  const alara = {program_specific: true, note: "n", source: "s", sources: [], applies_to_periods: ["calendar-year"], levels: [{id: "I", fraction: 0.1, action: "a"}]};
  return JSON.stringify({limits: [limit], alara, scenario_limits: {s: ["X1"]}, ...extra});
}

describe("loadLimits on bad input", () => {
  it("converts a value stated in mrem to µSv and keeps the stated unit", () => {
    const {limits, problems} = loadLimits(oneLimit(), "f.json");
    expect(problems).toEqual([]);
    expect(limits[0]!.unit).toBe("mrem");
    expect(limits[0]!.value_uSv).toBe(20);
  });

  it("names the JSON path and the fix for a unit that is not a dose", () => {
    const {limits, problems} = loadLimits(oneLimit({unit: "mGy"}), "f.json");
    expect(limits).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({severity: "error", file: "f.json", column: "$.limits[0].unit"});
    expect(problems[0]!.message).toMatch(/not a dose.*Sv or rem/);
  });

  it("refuses a value in roentgen without a stated conversion", () => {
    const {problems} = loadLimits(oneLimit({unit: "mR"}), "f.json");
    expect(problems.map((p) => p.column)).toEqual(["$.limits[0].conversion"]);
    expect(problems[0]!.message).toMatch(/exposure, not a dose.*air-kerma/);
  });

  it("reports an unknown unit, a bad enum and a missing field together", () => {
    const {problems} = loadLimits(oneLimit({unit: "furlongs", period: "per-week", source: undefined}), "f.json");
    expect(problems.map((p) => p.column).sort()).toEqual(["$.limits[0].period", "$.limits[0].source", "$.limits[0].unit"]);
    expect(problems.find((p) => p.column === "$.limits[0].period")!.message).toMatch(/"any-one-hour"/);
    expect(problems.find((p) => p.column === "$.limits[0].source")!.message).toMatch(/missing/);
  });

  it("requires value null to come without a unit, and allows no grade then", () => {
    expect(loadLimits(oneLimit({value: null, unit: null, grade: null}), "f.json").problems).toEqual([]);
    expect(loadLimits(oneLimit({value: null, unit: "mSv"}), "f.json").problems.map((p) => p.column)).toEqual(["$.limits[0].unit"]);
  });

  it("refuses a negative value and a grade outside A, B, C", () => {
    const {problems} = loadLimits(oneLimit({value: -1, grade: "D"}), "f.json");
    expect(problems.map((p) => p.column).sort()).toEqual(["$.limits[0].grade", "$.limits[0].value"]);
  });

  it("refuses a duplicate id and a scenario naming no known limit", () => {
    const text = JSON.parse(oneLimit()) as {limits: unknown[]; scenario_limits: Record<string, string[]>};
    text.limits.push(text.limits[0]);
    text.scenario_limits.s!.push("L99");
    const {problems} = loadLimits(JSON.stringify(text), "f.json");
    expect(problems.map((p) => p.column)).toEqual(["$.limits[1].id", "$.scenario_limits.s[1]"]);
  });

  it("requires the ALARA levels to say they are program-specific and to be fractions below 1", () => {
    const alara = {program_specific: false, note: "n", source: "s", sources: [], applies_to_periods: ["calendar-year"], levels: [{id: "I", fraction: 10, action: "a"}]};
    const {problems} = loadLimits(oneLimit({}, {alara}), "f.json");
    expect(problems.map((p) => p.column)).toEqual(["$.alara.program_specific", "$.alara.levels[0].fraction"]);
  });

  it("requires `sources` to list ids of the bibliography, naming the id meant and the way to add one", () => {
    expect(loadLimits(oneLimit({sources: []}), "f.json").problems).toEqual([]);
    const missing = loadLimits(oneLimit({sources: undefined}), "f.json");
    expect(missing.limits).toEqual([]);
    expect(missing.problems.map((p) => [p.column, p.severity])).toEqual([["$.limits[0].sources", "error"]]);
    expect(missing.problems[0]!.message).toMatch(/missing.*docs\/sources\.md.*\[\]/);
    const wrong = loadLimits(oneLimit({sources: ["10CFR20", "10 CFR 20", "ICRP-999", 7]}), "f.json");
    expect(wrong.problems.map((p) => p.column)).toEqual(["$.limits[0].sources[1]", "$.limits[0].sources[2]", "$.limits[0].sources[3]"]);
    expect(wrong.problems[0]!.message).toContain('did you mean "10CFR20"?');
    expect(wrong.problems[1]!.message).toMatch(/not an id of the bibliography.*add its entry/);
    expect(loadLimits(oneLimit({sources: "10CFR20"}), "f.json").problems.map((p) => p.column)).toEqual(["$.limits[0].sources"]);
    const alara = {program_specific: true, note: "n", source: "s", sources: ["NUREG"], applies_to_periods: ["calendar-year"], levels: []};
    expect(loadLimits(oneLimit({}, {alara}), "f.json").problems.map((p) => p.column)).toEqual(["$.alara.sources[0]"]);
  });

  it("reports invalid JSON at $ without throwing", () => {
    const {limits, problems} = loadLimits("{\"limits\": [", "f.json");
    expect(limits).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({column: "$", file: "f.json"});
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });
});
