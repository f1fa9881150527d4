import {describe, expect, it} from "vitest";
import {FieldReader} from "../../lib/compliance/json-fields.js";

// The field readers of the JSON registries (data/limits.json, the everyday doses). Each reader that refuses a value
// records one error naming the file, the JSON path and what is expected, shows what was found, and returns undefined.

/** The one problem a reader recorded, as [path, message]. */
function onlyProblem(r: FieldReader): [string | undefined, string] {
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]).toMatchObject({severity: "error", file: "f.json"});
  return [r.problems[0]!.column, r.problems[0]!.message];
}

describe("FieldReader.object", () => {
  it("accepts a JSON object and refuses null, an array, a text and a number, saying what it found", () => {
    const r = new FieldReader("f.json");
    const value = {a: 1};
    expect(r.object(value, "$")).toBe(value);
    expect(r.problems).toEqual([]);
    for (const [bad, found] of [[null, "null"], [[], "[]"], [[1, 2], "[1,2]"], ["x", '"x"'], [3, "3"], [undefined, "nothing (the field is missing)"]] as const) {
      const one = new FieldReader("f.json");
      expect(one.object(bad, "$.a")).toBeUndefined();
      expect(onlyProblem(one)).toEqual(["$.a", `must be a JSON object {...}, found ${found}`]);
    }
  });
});

describe("FieldReader.array", () => {
  it("accepts an array and refuses an object, saying what it found", () => {
    const r = new FieldReader("f.json");
    expect(r.array([1], "$.l")).toEqual([1]);
    expect(r.array({}, "$.l")).toBeUndefined();
    expect(onlyProblem(r)).toEqual(["$.l", "must be a JSON array [...], found {}"]);
  });
});

describe("FieldReader.string", () => {
  it("accepts a text with a visible character and refuses an empty or blank text and a number", () => {
    const r = new FieldReader("f.json");
    expect(r.string(" a ", "$.s")).toBe(" a ");
    expect(r.problems).toEqual([]);
    for (const [bad, found] of [["", '""'], ["  \t", '"  \\t"'], [5, "5"], [undefined, "nothing (the field is missing)"]] as const) {
      const one = new FieldReader("f.json");
      expect(one.string(bad, "$.s")).toBeUndefined();
      expect(onlyProblem(one)).toEqual(["$.s", `must be a non-empty text, found ${found}`]);
    }
  });

  it("stringOrNull keeps null and refuses a blank text", () => {
    const r = new FieldReader("f.json");
    expect(r.stringOrNull(null, "$.s")).toBeNull();
    expect(r.stringOrNull("x", "$.s")).toBe("x");
    expect(r.problems).toEqual([]);
    expect(r.stringOrNull(" ", "$.s")).toBeUndefined();
    expect(onlyProblem(r)).toEqual(["$.s", 'must be a non-empty text, found " "']);
  });
});

describe("FieldReader.positiveNumber", () => {
  it("accepts a finite number above 0 and refuses 0, a negative, infinity and a number written as text", () => {
    const r = new FieldReader("f.json");
    expect(r.positiveNumber(1e-9, "$.v")).toBe(1e-9);
    expect(r.problems).toEqual([]);
    // 1e999 is valid JSON that parses to Infinity; JSON.stringify shows it as null.
    for (const [bad, found] of [[0, "0"], [-2, "-2"], [JSON.parse("1e999") as number, "null"], ["5", '"5"'], [null, "null"]] as const) {
      const one = new FieldReader("f.json");
      expect(one.positiveNumber(bad, "$.v")).toBeUndefined();
      expect(onlyProblem(one)).toEqual(["$.v", `must be a number greater than 0, found ${found}`]);
    }
  });
});

describe("FieldReader.oneOf", () => {
  it("accepts one of the allowed texts and lists them all, quoted and comma-separated, for anything else", () => {
    const r = new FieldReader("f.json");
    expect(r.oneOf("b", "$.k", ["a", "b", "c"])).toBe("b");
    expect(r.problems).toEqual([]);
    expect(r.oneOf("d", "$.k", ["a", "b", "c"])).toBeUndefined();
    expect(onlyProblem(r)).toEqual(["$.k", 'must be one of "a", "b", "c", found "d"']);
  });
});

describe("FieldReader.sourceIds", () => {
  it("returns the list only when every id is in the bibliography, and names each bad one by its index", () => {
    const r = new FieldReader("f.json");
    expect(r.sourceIds(["10CFR20", "ICRP-103"], "$.sources")).toEqual(["10CFR20", "ICRP-103"]);
    expect(r.sourceIds([], "$.sources")).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.sourceIds(["10CFR20", 7], "$.sources")).toBeUndefined();
    expect(onlyProblem(r)).toEqual(["$.sources[1]", 'must be the text of an id of docs/sources.md, e.g. "10CFR20", found 7']);
  });

  it("refuses a list after earlier problems in the same file only for its own mistakes", () => {
    const r = new FieldReader("f.json");
    r.error("$.other", "an earlier problem");
    expect(r.sourceIds(["10CFR20"], "$.sources")).toEqual(["10CFR20"]);
    expect(r.sourceIds(["nope"], "$.sources")).toBeUndefined();
    expect(r.problems.map((p) => p.column)).toEqual(["$.other", "$.sources[0]"]);
  });
});

describe("what a problem shows of the value found", () => {
  it("shows a value of up to 40 characters of JSON whole, and a longer one cut to 37 characters and ...", () => {
    const shown = (value: unknown) => {
      const r = new FieldReader("f.json");
      r.string(value, "$.s");
      return r.problems[0]!.message.replace("must be a non-empty text, found ", "");
    };
    expect(shown([1, 2])).toBe("[1,2]"); // short: whole
    const forty = ["x".repeat(36)]; // [" + 36 x + "] is 40 characters of JSON
    expect(JSON.stringify(forty)).toHaveLength(40);
    expect(shown(forty)).toBe(`["${"x".repeat(36)}"]`);
    const fortyOne = ["x".repeat(37)];
    expect(shown(fortyOne)).toBe(`["${"x".repeat(35)}...`);
  });
});
