// readNumber's answer for each kind of malformed number, word for word: the message is what tells a clerk what to
// write instead, so a separator must be called a separator and a decimal comma a decimal comma. Written by hand.
import {describe, expect, it} from "vitest";
import {readNumber} from "../../lib/readings/values.js";

const message = (text: string) => {
  const r = readNumber(text);
  return r.ok ? `ok ${r.value}` : r.message;
};

describe("readNumber", () => {
  it("reads plain, signed, fractional and exponent forms, spaces around ignored", () => {
    expect(["12", " -0.5 ", "+3", ".25", "5.", "1.2e-3", "2E+2"].map(message)).toEqual(["ok 12", "ok -0.5", "ok 3", "ok 0.25", "ok 5", "ok 0.0012", "ok 200"]);
  });

  it("calls an empty cell empty", () => {
    expect(message("  ")).toBe("is empty; write a number such as 1.5");
  });

  it("names thousands separators: commas in groups of three, spaces, apostrophes and underscores between digits", () => {
    for (const t of ["1,500", "-12,345,678.5", "+1,000.", "1 500", "1'500", "1_500"]) {
      expect(message(t), t).toBe(`"${t}" has a thousands separator; write the number without separators, such as 1500`);
    }
  });

  it("tells a decimal comma from a thousands separator by the group of three", () => {
    expect(message("1,5")).toBe('"1,5" uses a decimal comma; write a decimal point, such as 1.5');
    expect(message("12,3456")).toBe('"12,3456" uses a decimal comma; write a decimal point, such as 1.5');
    expect(message("1,5000")).toBe('"1,5000" uses a decimal comma; write a decimal point, such as 1.5');
    // Four digits before the comma: not a thousands group, and a sign: not the plain decimal-comma form.
    expect(message("1234,567")).toBe('"1234,567" uses a decimal comma; write a decimal point, such as 1.5');
    expect(message("-1,5")).toBe('"-1,5" is not a decimal number; write a number such as 1.5 or 2.4e-3 (no units, hex or separators)');
  });

  it("refuses NaN and infinities by name, in any case, signed or not", () => {
    for (const t of ["NaN", "nan", "inf", "-Infinity", "+INF"]) {
      expect(message(t), t).toBe(`"${t}" is not a number; write a finite number such as 1.5`);
    }
    expect(message("infin")).toBe('"infin" is not a decimal number; write a number such as 1.5 or 2.4e-3 (no units, hex or separators)');
  });

  it("refuses units, hex and words as not decimal", () => {
    for (const t of ["5 m", "0x10", "1e", "ten", "1.2.3", "5nan", "1,5x"]) {
      expect(message(t), t).toBe(`"${t}" is not a decimal number; write a number such as 1.5 or 2.4e-3 (no units, hex or separators)`);
    }
  });

  it("refuses a number too large to be finite", () => {
    expect(message("1e400")).toBe('"1e400" is too large to be a finite number; check the value and its unit');
  });
});
