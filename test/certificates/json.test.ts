import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseJsonWithPositions} from "../../lib/certificates/index.js";

describe("parseJsonWithPositions", () => {
  it("reads the same values as JSON.parse, compact or indented", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        const text = indent ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        expect(parseJsonWithPositions(text).value).toEqual(JSON.parse(text));
      }),
      {numRuns: 300}
    );
  });

  it("refuses what JSON.parse refuses", () => {
    for (const text of ["{,}", "[1,]", "{'a': 1}", "01", "tru", "\"a\\x\"", "{} {}", "NaN", "1.", "-"]) {
      expect(() => JSON.parse(text)).toThrow();
      expect(() => parseJsonWithPositions(text)).toThrow();
    }
  });

  it("records where each value starts", () => {
    const {positions} = parseJsonWithPositions('{\n  "a": [10,\n    {"b c": true}]\n}');
    expect(positions.get("$")).toEqual({line: 1, column: 1});
    expect(positions.get("$.a")).toEqual({line: 2, column: 8});
    expect(positions.get("$.a[0]")).toEqual({line: 2, column: 9});
    expect(positions.get("$.a[1]")).toEqual({line: 3, column: 5});
    expect(positions.get('$.a[1]["b c"]')).toEqual({line: 3, column: 13});
  });

  it("decodes escapes", () => {
    expect(parseJsonWithPositions('"\\u00b5Sv \\"x\\"\\n"').value).toBe('µSv "x"\n');
  });
});
