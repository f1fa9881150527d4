import {describe, expect, it} from "vitest";
import {quantitiesIn, wordsValue} from "../../lib/compliance/policy-quantities.js";
import {span} from "../../lib/compliance/policy-text.js";

const read = (text: string) => quantitiesIn(text, span(text, 0, text.length));
const brief = (text: string) => read(text).quantities.map((q) => ({text: q.text, value: q.value, unit: q.unit, alternatives: q.alternatives.map((a) => `${a.value} ${a.unit}`)}));

describe("numbers with units in a policy sentence", () => {
  it("reads number words with their numerals, and says when they disagree", () => {
    expect(wordsValue("twenty-five")).toBe(25);
    expect(wordsValue("one hundred five")).toBe(105);
    expect(brief("at five (5) feet for ten (10) seconds")).toEqual([
      {text: "five (5) feet", value: 5, unit: "ft", alternatives: []},
      {text: "ten (10) seconds", value: 10, unit: "s", alternatives: []}
    ]);
    expect(read("at six (5) feet").quantities[0]!.mismatch).toBe('"six (5)": the words say 6, the numeral 5');
  });

  it("attaches restatements in parentheses, two names of one unit included", () => {
    expect(brief("between 0.016 mrem (or 16 urem/microrem) and 0.009 mrem (or 3 urem)")).toEqual([
      {text: "0.016 mrem", value: 0.016, unit: "mrem", alternatives: ["16 urem"]},
      {text: "0.009 mrem", value: 0.009, unit: "mrem", alternatives: ["3 urem"]}
    ]);
    expect(brief("0.003 mrem (or 0.3 uR)")[0]!.alternatives).toEqual(["0.3 uR"]);
    expect(read("0.003 mrem (or 0.3 uR)").quantities[0]!.alternatives[0]!.dimension).toBe("exposure");
  });

  it("reads rates written with a slash, 'per' or 'an'", () => {
    expect(brief("does not exceed 0.5 mrem per hour; 5 µSv/h; 2 mR an hour").map((q) => q.unit)).toEqual(["mrem/h", "uSv/h", "mR/h"]);
    // "…, or …" in another unit of the same kind restates the figure.
    expect(brief("0.5 mrem per hour, or 5 µSv/h")).toEqual([{text: "0.5 mrem per hour", value: 0.5, unit: "mrem/h", alternatives: ["5 uSv/h"]}]);
    expect(read("0.5 mrem per hour").quantities[0]!.dimension).toBe("dose-equivalent-rate");
  });

  it("gives a range's first number the unit of the second, and reads 10-second, 10ft and 1,000", () => {
    const q = read("from 0.009 to 0.016 mrem").quantities;
    expect(q.map((x) => [x.text, x.unit, x.rangeWithNext])).toEqual([["0.009", "mrem", true], ["0.016 mrem", "mrem", false]]);
    expect(brief("a 10-second exposure at 10ft, 1,000 feet away").map((x) => [x.value, x.unit])).toEqual([[10, "s"], [10, "ft"], [1000, "ft"]]);
  });

  it("keeps numbers with units it does not read, with the reason, and ignores numbers without units", () => {
    const r = read("less than 0.2 mrad at 125 kVp, 10 times lower, in 2021 under 10 CFR 20.1301");
    expect(r.quantities).toEqual([]);
    expect(r.unread.map((u) => u.text)).toEqual(["0.2 mrad", "125 kVp", "10 times"]);
    expect(r.unread[0]!.reason).toMatch(/rad \(absorbed dose\)/);
  });

  it("does not read parts of designations as numbers (N43.17-2009, 2013/59)", () => {
    expect(read("ANSI/HPS N43.17-2009 and Directive 2013/59 at 5 ft").quantities.map((q) => q.text)).toEqual(["5 ft"]);
  });
});
