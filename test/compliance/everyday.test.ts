import {describe, expect, it} from "vitest";
import {loadEverydayDoses} from "../../lib/compliance/everyday.js";

const FILE = "data/everyday-doses.json";
const dose = (over: Record<string, unknown> = {}) => ({
  id: "flight", anchor: "a coast-to-coast flight", value: 40, unit: "µSv", per: null, source: "NIST (2014)", sources: [], grade: "B", note: "one way", ...over
});
const load = (doses: unknown, required: string[] = []) => loadEverydayDoses(JSON.stringify({doses}), FILE, required);
const places = (problems: {column?: string}[]) => problems.map((p) => p.column);

describe("everyday doses: what is read", () => {
  it("keeps each field, the range's upper end and the phrases, and converts both ends to µSv", () => {
    const {doses, problems} = load([
      dose({id: "range", value: 0.1, value_high: 0.2, unit: "rem", per: "year", phrases: ["a day at the beach"]}),
      dose({id: "equal-ends", value: 3, value_high: 3, unit: "mSv"}),
      dose({id: "null-high", value_high: null})
    ]);
    expect(problems).toEqual([]);
    expect(doses.map((d) => [d.id, d.value, d.value_high, d.per, d.value_uSv, d.value_high_uSv, d.phrases])).toEqual([
      // 1 rem = 10 mSv = 10 000 µSv
      ["range", 0.1, 0.2, "year", 1000, 2000, ["a day at the beach"]],
      ["equal-ends", 3, 3, null, 3000, 3000, []],
      ["null-high", 40, null, null, 40, null, []]
    ]);
    expect(doses[0]).toMatchObject({anchor: "a coast-to-coast flight", unit: "rem", source: "NIST (2014)", sources: [], grade: "B", note: "one way"});
  });
});

describe("everyday doses: each problem names the file, the place and the fix", () => {
  it("a text that is not JSON: one problem at $", () => {
    const {doses, problems} = loadEverydayDoses("{doses: [", FILE);
    expect(doses).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({severity: "error", file: FILE, column: "$"});
    expect(problems[0]!.message).toContain("fix the syntax");
  });

  it("a file that is not an object, or whose doses are not a list: one problem at that place", () => {
    const notObject = loadEverydayDoses("[1, 2]", FILE);
    expect(notObject.problems.map((p) => [p.file, p.column])).toEqual([[FILE, "$"]]);
    expect(notObject.problems[0]!.message).toContain("must be a JSON object");
    const notList = loadEverydayDoses(JSON.stringify({doses: {flight: dose()}}), FILE);
    expect(notList.problems.map((p) => [p.file, p.column])).toEqual([[FILE, "$.doses"]]);
    expect(notList.problems[0]!.message).toContain("must be a JSON array");
    expect(notList.doses).toEqual([]);
  });

  it("an entry that is not an object is reported and the others are still read", () => {
    const {doses, problems} = load([7, dose()]);
    expect(places(problems)).toEqual(["$.doses[0]"]);
    expect(problems[0]!.file).toBe(FILE);
    expect(doses.map((d) => d.id)).toEqual(["flight"]);
  });

  it("every missing or wrong field is named by its JSON path, and the entry is left out", () => {
    const {doses, problems} = load([
      dose(),
      {value: 2, value_high: 1, per: "week", sources: [], phrases: "a flight"}
    ]);
    expect(doses.map((d) => d.id)).toEqual(["flight"]);
    expect(places(problems)).toEqual([
      "$.doses[1].id", "$.doses[1].anchor", "$.doses[1].value_high", "$.doses[1].unit", "$.doses[1].per",
      "$.doses[1].source", "$.doses[1].grade", "$.doses[1].note", "$.doses[1].phrases"
    ]);
    for (const p of problems) expect(p).toMatchObject({severity: "error", file: FILE});
    expect(problems[2]!.message).toBe("must not be below value (2); swap them");
    expect(problems[4]!.message).toContain('"hour", "day", "year"');
    const bad = load([dose({value: 0, value_high: -1, phrases: ["ok", 3]})]);
    expect(places(bad.problems)).toEqual(["$.doses[0].value", "$.doses[0].value_high", "$.doses[0].phrases[1]"]);
  });

  it("a second entry with an id already used is refused, naming the id", () => {
    const {doses, problems} = load([dose(), dose({anchor: "again"}), dose({id: "other"})]);
    expect(doses.map((d) => d.anchor)).toEqual(["a coast-to-coast flight", "a coast-to-coast flight"]);
    expect(doses.map((d) => d.id)).toEqual(["flight", "other"]);
    expect(places(problems)).toEqual(["$.doses[1].id"]);
    expect(problems[0]!.message).toBe('"flight" is used by an earlier entry; give each anchor its own id');
  });

  it("a unit that is not a dose, or not a unit at all, says to use Sv or rem", () => {
    const {doses, problems} = load([dose({unit: "mGy"}), dose({id: "b", unit: "furlongs"}), dose({id: "c", unit: "mrem"})]);
    expect(doses.map((d) => [d.id, d.value_uSv])).toEqual([["c", 400]]); // 40 mrem = 0.4 mSv
    expect(places(problems)).toEqual(["$.doses[0].unit", "$.doses[1].unit"]);
    expect(problems[0]!.message).toBe('"mGy" is not a dose; use Sv or rem (e.g. "µSv", "mSv")');
    expect(problems[1]!.message).toMatch(/furlongs.*; use Sv or rem \(e\.g\. "µSv", "mSv"\)$/);
    expect(problems[1]!.message.length).toBeGreaterThan('; use Sv or rem (e.g. "µSv", "mSv")'.length + 10);
  });

  it("a missing unit is one problem, not also an unreadable unit", () => {
    const {problems} = load([dose({unit: undefined})]);
    expect(places(problems)).toEqual(["$.doses[0].unit"]);
  });
});

describe("everyday doses the policy check needs", () => {
  it("names each required id no entry has, at $.doses, with what to add", () => {
    const {problems} = load([null, dose(), dose({id: "chest"})], ["chest", "cosmic-at-cruise", "flight"]);
    expect(places(problems)).toEqual(["$.doses[0]", "$.doses"]);
    expect(problems[1]).toMatchObject({severity: "error", file: FILE});
    expect(problems[1]!.message).toBe('has no entry with id "cosmic-at-cruise", which the policy check needs; add it with its value, unit, source and grade');
  });

  it("a required entry that is there but wrong is reported for its fault only, not as missing", () => {
    const {doses, problems} = load([dose({id: "chest", grade: "Z"})], ["chest"]);
    expect(doses).toEqual([]);
    expect(places(problems)).toEqual(["$.doses[0].grade"]);
  });
});
