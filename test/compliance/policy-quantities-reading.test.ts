// What the policy reader takes for a number with a unit, on short hand-written phrases whose reading is worked out by
// hand: the numbers (numerals, words, both), every unit name and symbol a policy may write, rates, ranges,
// restatements, the units it keeps as not read with their reason, and the near-misses it must not read.
import {describe, expect, it} from "vitest";
import {quantitiesIn, shortLabel, wordsValue} from "../../lib/compliance/policy-quantities.js";
import {span} from "../../lib/compliance/policy-text.js";

const read = (text: string) => quantitiesIn(text, span(text, 0, text.length));
/** "value unit" of each quantity read, restatements after "=". */
const units = (text: string) => read(text).quantities.map((q) => [`${q.value} ${q.unit}`, ...q.alternatives.map((a) => `${a.value} ${a.unit}`)].join(" = "));
const texts = (text: string) => read(text).quantities.map((q) => q.text);

describe("numbers in words", () => {
  it("adds ones, teens and tens, multiplies by hundred, thousand and million, in any case, spaced or hyphenated", () => {
    expect(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].map(wordsValue)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"].map(wordsValue)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map(wordsValue)).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
    expect(wordsValue("Ninety Nine")).toBe(99);
    expect(wordsValue("hundred")).toBe(100);
    expect(wordsValue("thousand")).toBe(1000);
    expect(wordsValue("three hundred")).toBe(300);
    expect(wordsValue("two thousand five hundred twenty-one")).toBe(2521);
    expect(wordsValue("one million two hundred thousand")).toBe(1_200_000);
    expect(wordsValue("forty  -  two")).toBe(42);
  });

  it("reads number words before a unit, alone or with their numeral, the numeral deciding the value and the decimals", () => {
    const q = read("Twelve feet, twenty five seconds, one hundred meters, five (5.0) feet, eight ( 8 ) hours").quantities;
    expect(q.map((x) => [x.text, x.value, x.unit, x.decimals, x.mismatch])).toEqual([
      ["Twelve feet", 12, "ft", 0, null],
      ["twenty five seconds", 25, "s", 0, null],
      ["one hundred meters", 100, "m", 0, null],
      ["five (5.0) feet", 5, "ft", 1, null],
      ["eight ( 8 ) hours", 8, "h", 0, null]
    ]);
    const odd = read("nine (1,000) feet").quantities[0]!;
    expect([odd.value, odd.mismatch]).toEqual([1000, '"nine (1,000)": the words say 9, the numeral 1000']);
  });

  it("does not read number words inside other words", () => {
    expect(texts("someone feet, often seconds, tent feet")).toEqual([]);
  });
});

describe("numerals", () => {
  it("reads whole numbers, thousands separators, decimals and a leading decimal point, with their decimal places", () => {
    const q = read("123 ft, 12,345.25 ft, .5 mrem, 0.016 mrem, 0.50 mrem, 1,000,000 s").quantities;
    expect(q.map((x) => [x.text, x.value, x.decimals])).toEqual([
      ["123 ft", 123, 0],
      ["12,345.25 ft", 12345.25, 2],
      [".5 mrem", 0.5, 1],
      ["0.016 mrem", 0.016, 3],
      ["0.50 mrem", 0.5, 2],
      ["1,000,000 s", 1e6, 0]
    ]);
  });

  it("does not read a number glued to letters, to another number or inside a designation", () => {
    expect(texts("A5 ft, N43.17 m, 2013/59 m, 1.2.3 ft, 7.5.1 s")).toEqual([]);
    expect(texts("20.1301 s")).toEqual(["20.1301 s"]);
    expect(texts("12,34 ft")).toEqual([]);
    expect(texts("1,000 ft")).toEqual(["1,000 ft"]);
  });

  it("reads nothing for a unit before the first number", () => {
    expect(units("ft then 5 s")).toEqual(["5 s"]);
  });

  it("gives each number its start and end in the text, unit included", () => {
    const [q] = read("at 10 ft.").quantities;
    expect([q!.start, q!.end, q!.text, q!.written]).toEqual([3, 8, "10 ft", "10 ft"]);
  });
});

describe("unit names and symbols", () => {
  it("maps every name and symbol a policy may write to the product's unit", () => {
    const forms: [string, string][] = [
      ["Sv", "Sv"], ["sievert", "Sv"], ["sieverts", "Sv"],
      ["mSv", "mSv"], ["millisievert", "mSv"], ["millisieverts", "mSv"],
      ["µSv", "uSv"], ["μSv", "uSv"], ["uSv", "uSv"], ["microsievert", "uSv"], ["microsieverts", "uSv"],
      ["nSv", "nSv"], ["nanosievert", "nSv"], ["nanosieverts", "nSv"],
      ["rem", "rem"], ["rems", "rem"],
      ["mrem", "mrem"], ["mrems", "mrem"], ["millirem", "mrem"], ["millirems", "mrem"],
      ["µrem", "urem"], ["μrem", "urem"], ["urem", "urem"], ["microrem", "urem"], ["microrems", "urem"],
      ["R", "R"], ["roentgen", "R"], ["roentgens", "R"],
      ["mR", "mR"], ["milliroentgen", "mR"], ["milliroentgens", "mR"],
      ["µR", "uR"], ["μR", "uR"], ["uR", "uR"], ["microroentgen", "uR"], ["microroentgens", "uR"],
      ["Gy", "Gy"],
      ["mGy", "mGy"], ["milligray", "mGy"], ["milligrays", "mGy"],
      ["µGy", "uGy"], ["μGy", "uGy"], ["uGy", "uGy"], ["microgray", "uGy"], ["micrograys", "uGy"],
      ["nGy", "nGy"], ["nanogray", "nGy"], ["nanograys", "nGy"],
      ["ft", "ft"], ["feet", "ft"], ["foot", "ft"],
      ["inch", "inch"], ["inches", "inch"],
      ["yd", "yd"], ["yard", "yd"], ["yards", "yd"],
      ["m", "m"], ["meter", "m"], ["meters", "m"], ["metre", "m"], ["metres", "m"],
      ["cm", "cm"], ["centimeter", "cm"], ["centimeters", "cm"], ["centimetre", "cm"], ["centimetres", "cm"],
      ["km", "km"], ["kilometer", "km"], ["kilometers", "km"], ["kilometre", "km"], ["kilometres", "km"],
      ["ms", "ms"], ["millisecond", "ms"], ["milliseconds", "ms"],
      ["s", "s"], ["sec", "s"], ["secs", "s"], ["second", "s"], ["seconds", "s"],
      ["min", "min"], ["mins", "min"], ["minute", "min"], ["minutes", "min"],
      ["h", "h"], ["hr", "h"], ["hrs", "h"], ["hour", "h"], ["hours", "h"],
      ["day", "day"], ["days", "day"],
      ["week", "week"], ["weeks", "week"],
      ["month", "month"], ["months", "month"],
      ["yr", "year"], ["yrs", "year"], ["year", "year"], ["years", "year"]
    ];
    for (const [form, unit] of forms) {
      const text = `about 7 ${form}.`;
      const q = read(text).quantities;
      expect(q.map((x) => [x.text, x.unit]), form).toEqual([[`7 ${form}`, unit]]);
    }
  });

  it("reads the dimension of each kind of unit", () => {
    const dims = read("1 mrem, 1 mR, 1 mGy, 1 ft, 1 s, 1 mrem/h, 1 mR/h, 1 mGy/h").quantities.map((q) => q.dimension);
    expect(dims).toEqual(["dose-equivalent", "exposure", "absorbed-dose", "length", "time", "dose-equivalent-rate", "exposure-rate", "absorbed-dose-rate"]);
  });

  it("reads names in any case but symbols only as written", () => {
    expect(units("3 MILLIREM, 3 Feet, 3 MREM, 3 Sec")).toEqual(["3 mrem", "3 ft", "3 mrem", "3 s"]);
    expect(texts("3 MSV, 3 sv, 3 mr, 3 r, 3 FT, 3 M, 3 S, 3 H, 3 gy, 3 µREM, 3 μREM")).toEqual([]);
  });

  it("reads a unit right after the number, after a space or a hyphen, and nothing longer than the unit", () => {
    expect(texts("a 10-second scan, a 10 - second scan, 10ft, 10 ms, 5 mSv")).toEqual(["10-second", "10 - second", "10ft", "10 ms", "5 mSv"]);
    expect(units("10 ms")).toEqual(["10 ms"]);
    expect(texts("10 feetx, 10 ftx, 10 m2, 10 minx, 10 secondsx, 10 sec2")).toEqual([]);
    expect(texts("10 -- ft")).toEqual([]);
    expect(units("3 ft  per  second")).toEqual([]);
  });

  it("joins two names of one unit written with a slash, and not two different units", () => {
    const [syn] = read("16 urem/microrem away").quantities;
    expect([syn!.text, syn!.unit, syn!.written]).toEqual(["16 urem/microrem", "urem", "16 urem/microrem"]);
    expect(texts("16 urem/MICROREM away")).toEqual(["16 urem/MICROREM"]);
    expect(texts("16 µSv/uSv")).toEqual(["16 µSv/uSv"]);
    expect(read("16 urem/mrem").quantities.map((q) => [q.text, q.unit])).toEqual([["16 urem", "urem"]]);
    expect(units("16 urem/microrem per hour")).toEqual(["16 urem/h"]);
  });
});

describe("rates", () => {
  it("reads a dose, an exposure or an absorbed dose per unit of time, joined by a slash, per, a, an, each or every", () => {
    expect(units("1 mrem/h; 2 µSv / hr; 3 mR per hour; 4 mGy an hour; 5 mrem a day; 6 mrem each week; 7 mrem every month; 8 mrem per year; 9 uSv per minute; 10 nSv per second; 11 nSv per millisecond"))
      .toEqual(["1 mrem/h", "2 uSv/h", "3 mR/h", "4 mGy/h", "5 mrem/day", "6 mrem/week", "7 mrem/month", "8 mrem/year", "9 uSv/min", "10 nSv/s", "11 nSv/ms"]);
    expect(texts("3 mR  per  hour, 3 mR per   hour")).toEqual(["3 mR  per  hour", "3 mR per   hour"]);
    expect(read("3 mR per hour").quantities[0]!.written).toBe("3 mR per hour");
    expect(units("1 mrem  a  day, 2 mrem  an  hour, 3 mrem  each  week, 4 mrem  every  month")).toEqual(["1 mrem/day", "2 mrem/h", "3 mrem/week", "4 mrem/month"]);
  });

  it("reads no rate of a length, and no rate per something that is not a time", () => {
    expect(units("5 mrem per foot")).toEqual(["5 mrem"]);
    expect(texts("5 mrem per scan")).toEqual(["5 mrem"]);
    expect(texts("5 mrem in an hour")).toEqual(["5 mrem"]);
    expect(texts("5 mrem perhour")).toEqual(["5 mrem"]);
    // A time per time is a duration, not a speed.
    expect(units("for 10 seconds per hour, 2 min/h")).toEqual(["10 s", "2 min"]);
  });
});

describe("ranges", () => {
  it("gives the first number of a range the unit written after the second", () => {
    for (const join of [" to ", " and ", " through ", "–", " — ", "-"]) {
      const q = read(`from 5${join}10 ft`).quantities;
      expect(q.map((x) => [x.text, x.value, x.unit, x.written, x.rangeWithNext]), join).toEqual([
        ["5", 5, "ft", "5 ft", true],
        ["10 ft", 10, "ft", "10 ft", false]
      ]);
    }
  });

  it("does not make a range of numbers joined by other words, or with no unit after the second", () => {
    expect(texts("5 or 10 ft")).toEqual(["10 ft"]);
    expect(texts("5 to 10 and more")).toEqual([]);
    expect(texts("5 apples and 10 ft")).toEqual(["10 ft"]);
    expect(texts("5 and then 10 ft")).toEqual(["10 ft"]);
    expect(read("5 ft").quantities[0]!.rangeWithNext).toBe(false);
  });
});

describe("restatements", () => {
  it("attaches a restatement in another unit of the same kind after 'or', ', or', 'i.e.' and 'that is'", () => {
    expect(units("0.016 mrem or 0.16 µSv")).toEqual(["0.016 mrem = 0.16 uSv"]);
    expect(units("0.016 mrem, or 16 µrem")).toEqual(["0.016 mrem = 16 urem"]);
    expect(units("0.016 mrem , or 16 µrem")).toEqual(["0.016 mrem = 16 urem"]);
    expect(units("0.016 mrem, i.e., 0.16 µSv")).toEqual(["0.016 mrem = 0.16 uSv"]);
    expect(units("0.016 mrem i.e. 0.16 µSv")).toEqual(["0.016 mrem = 0.16 uSv"]);
    expect(units("0.016 mrem, that is, 0.16 µSv")).toEqual(["0.016 mrem = 0.16 uSv"]);
    expect(units("0.016 mrem that is 0.16 µSv")).toEqual(["0.016 mrem = 0.16 uSv"]);
    expect(units("5 mR or 5 mrem")).toEqual(["5 mR = 5 mrem"]);
    expect(units("5 mrem/h or 50 µSv/h")).toEqual(["5 mrem/h = 50 uSv/h"]);
    expect(units("5 mR/h or 50 µSv/h")).toEqual(["5 mR/h = 50 uSv/h"]);
    expect(units("0.016 mrem,  or  16 µrem")).toEqual(["0.016 mrem = 16 urem"]);
  });

  it("does not attach the same unit, another kind, or a figure after other words", () => {
    expect(units("5 mrem or 10 mrem")).toEqual(["5 mrem", "10 mrem"]);
    expect(units("5 mrem or 10 ft")).toEqual(["5 mrem", "10 ft"]);
    expect(units("5 mrem or 50 µSv/h")).toEqual(["5 mrem", "50 uSv/h"]);
    expect(units("5 mrem/h or 50 µSv")).toEqual(["5 mrem/h", "50 uSv"]);
    expect(units("5 mGy or 5 mrem")).toEqual(["5 mGy", "5 mrem"]);
    expect(units("5 mrem or about 50 µSv")).toEqual(["5 mrem", "50 uSv"]);
    expect(units("5 mrem ores 50 µSv")).toEqual(["5 mrem", "50 uSv"]);
    expect(units("5 mrem, 50 µSv")).toEqual(["5 mrem", "50 uSv"]);
    expect(units("5 mrem or more")).toEqual(["5 mrem"]);
    expect(units("5 mrem or 2 mrad")).toEqual(["5 mrem"]);
  });

  it("attaches what is in parentheses right after a figure, with only joining words around it", () => {
    expect(units("0.016 mrem (16 µrem)")).toEqual(["0.016 mrem = 16 urem"]);
    expect(units("0.016 mrem(16 µrem)")).toEqual(["0.016 mrem = 16 urem"]);
    expect(units("0.016 mrem ( or 16 µrem )")).toEqual(["0.016 mrem = 16 urem"]);
    for (const filler of ["that is ", "i.e., ", "i.e. ", "that is, ", "about ", "approximately ", "approx. ", "roughly ", "= ", "≈ ", "~", "or about "]) {
      expect(units(`0.016 mrem (${filler}16 µrem)`), filler).toEqual(["0.016 mrem = 16 urem"]);
    }
    expect(units("0.016 mrem (16 µrem; 0.16 µSv)")).toEqual(["0.016 mrem = 16 urem = 0.16 uSv"]);
    expect(units("0.016 mrem (16 µrem, 0.16 µSv)")).toEqual(["0.016 mrem = 16 urem = 0.16 uSv"]);
    expect(units("0.016 mrem (16 µrem / 0.16 µSv)")).toEqual(["0.016 mrem = 16 urem = 0.16 uSv"]);
    expect(units("OR 3 ft (0.9 m)")).toEqual(["3 ft = 0.9 m"]);
  });

  it("keeps a figure in parentheses apart when other words are with it, the parenthesis is not closed or opens later", () => {
    expect(units("0.016 mrem (measured 16 µrem)")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem (16 µrem measured)")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem (about 16 µrem at most)")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem (16 µrem")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem, (16 µrem)")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem (see below) and 16 µrem")).toEqual(["0.016 mrem", "16 urem"]);
    expect(units("0.016 mrem (16 µrem) and 0.16 µSv")).toEqual(["0.016 mrem = 16 urem", "0.16 uSv"]);
  });

  it("looks for the closing parenthesis inside the sentence only", () => {
    const text = "It is 0.016 mrem (or 16 µrem. Then 3 ft).";
    const first = quantitiesIn(text, span(text, 0, 29));
    expect(first.quantities.map((q) => `${q.value} ${q.unit} ${q.alternatives.length}`)).toEqual(["0.016 mrem 0", "16 urem 0"]);
  });

  it("keeps a unit it does not read, given in parentheses, as an unread restatement", () => {
    const r = read("0.2 mrem (2 mrad)");
    expect(r.quantities.map((q) => [q.text, q.alternatives.length, q.unreadAlternatives.map((u) => u.text)])).toEqual([["0.2 mrem", 0, ["2 mrad"]]]);
    expect(r.unread).toEqual([]);
    const both = read("0.2 mrem (200 µrem, 2 mrad)").quantities[0]!;
    expect([both.alternatives.map((a) => a.text), both.unreadAlternatives.map((u) => u.text)]).toEqual([["200 µrem"], ["2 mrad"]]);
    expect(read("0.016 mrem (16 µrem)").quantities[0]!.unreadAlternatives).toEqual([]);
  });

  it("attaches nothing when the closing parenthesis is past the end of the span", () => {
    const text = "5 mrem (16 µrem )";
    expect(quantitiesIn(text, span(text, 0, 15)).quantities.map((q) => [q.text, q.alternatives.length])).toEqual([["5 mrem", 0], ["16 µrem", 0]]);
    // The span [0, 16) ends just before the parenthesis: it is not inside the span either.
    expect(quantitiesIn(text, span(text, 0, 16)).quantities.map((q) => [q.text, q.alternatives.length])).toEqual([["5 mrem", 0], ["16 µrem", 0]]);
    expect(quantitiesIn(text, span(text, 0, text.length)).quantities.map((q) => [q.text, q.alternatives.length])).toEqual([["5 mrem", 1]]);
  });
});

describe("units it does not read", () => {
  it("keeps each with the reason it gives", () => {
    const cases: [string, RegExp][] = [
      ["0.2 mrad", /rad \(absorbed dose\)/], ["2 rads", /rad/], ["2 µrad", /rad/], ["2 μrad", /rad/], ["2 urad", /rad/], ["2 nrad", /rad/],
      ["2 milliRad", /rad/], ["2 microrad", /rad/], ["2 nanorads", /rad/], ["2 RAD", /rad/],
      ["5 kBq", /an activity/], ["5 MBq", /an activity/], ["5 GBq", /an activity/], ["5 µBq", /an activity/], ["5 Bq", /an activity/], ["5 becquerel", /an activity/], ["5 becquerels", /an activity/],
      ["5 mCi", /an activity/], ["5 Ci", /an activity/], ["5 µCi", /an activity/], ["5 uCi", /an activity/], ["5 curie", /an activity/], ["5 millicuries", /an activity/], ["5 microcurie", /an activity/],
      ["125 kVp", /tube voltage or photon energy/], ["125 kV", /tube voltage/], ["50 keV", /tube voltage/], ["1 MeV", /tube voltage/], ["120 kilovolts", /tube voltage/], ["120 kilovolt", /tube voltage/],
      ["5 mA", /tube current/], ["5 mAs", /tube current/], ["5 milliamps", /tube current/], ["5 milliamp", /tube current/],
      ["50 %", /a proportion/], ["50%", /a proportion/], ["50 percent", /a proportion/], ["50 PERCENT", /a proportion/], ["50 per cent", /a proportion/],
      ["10 times", /a ratio in words/], ["10 TIMES", /a ratio/], ["10-fold", /a ratio/], ["10 fold", /a ratio/],
      ["30 mph", /a speed/], ["30 km/h", /a speed/], ["30 kph", /a speed/], ["30 miles per hour", /a speed/], ["30 MPH", /a speed/],
      ["30 km / h", /a speed/], ["3 ft per second", /a speed/], ["2 m/s", /a speed/], ["2 metres per minute", /a speed/]
    ];
    for (const [text, reason] of cases) {
      const r = read(`${text} here`);
      expect(r.quantities, text).toEqual([]);
      expect(r.unread.map((u) => u.text), text).toEqual([text]);
      expect(r.unread[0]!.reason, text).toMatch(reason);
    }
  });

  it("reads a length per time as a speed, not as a distance, and a length followed by other words as a distance", () => {
    // A bug found by mutation testing: "km/h" was read as a distance of 30 km, and the sentence's dose set at 30 km.
    const r = read("While driving at 30 km/h the dose is 5 µrem.");
    expect(r.quantities.map((q) => q.text)).toEqual(["5 µrem"]);
    expect(r.unread.map((u) => u.text)).toEqual(["30 km/h"]);
    expect(read("from 5 to 10 km/h").unread.map((u) => [u.text, u.reason])).toEqual([["5", "a speed, which the check does not compare"], ["10 km/h", "a speed, which the check does not compare"]]);
    expect(units("at 2 m a day later, 3 ft each second, 4 ft per scan")).toEqual(["2 m", "3 ft", "4 ft"]);
  });

  it("gives each kind its own reason in full", () => {
    const reason = (t: string) => read(t).unread[0]!.reason;
    expect(reason("2 mrad")).toBe("the rad (absorbed dose) is not a unit the product converts (a figure in rem or Sv would be)");
    expect(reason("2 kBq")).toBe("an activity, not a dose");
    expect(reason("2 kVp")).toBe("an X-ray tube voltage or photon energy, which the check does not compare");
    expect(reason("2 mA")).toBe("an X-ray tube current, which the check does not compare");
    expect(reason("2 %")).toBe("a proportion, which the check does not read");
    expect(reason("2 times")).toBe("a ratio in words, which the check does not read");
    expect(reason("2 mph")).toBe("a speed, which the check does not compare");
  });

  it("does not take a longer word or other case of a symbol for one of them, nor a number with no unit", () => {
    expect(read("2 radios, 2 paradise, 2 kBqs, 2 KBQ, 2 KVP, 2 MA, 2 timesheets, 2 kVpx, 2 MAS, 2 mphs, 2 becquerelx, 2 xrad, 2 mcurie, 2 kmeV").unread).toEqual([]);
    expect(read("2 xkeV, 2 XmA, 2 mAh, 2 xpercent, 2 percentile, 2 overtimes, 2 xmph, 2 mphx").unread).toEqual([]);
    expect(read("in 2021 under 10 CFR 20").unread).toEqual([]);
    expect(read("5 2 mrad").unread.map((u) => u.text)).toEqual(["2 mrad"]);
  });
});

describe("a span of the text", () => {
  it("reads only the numbers and units inside the span", () => {
    const text = "5 ft. Then 10 mrem per hour.";
    expect(quantitiesIn(text, span(text, 0, 4)).quantities.map((q) => q.text)).toEqual(["5 ft"]);
    expect(quantitiesIn(text, span(text, 6, text.length)).quantities.map((q) => q.text)).toEqual(["10 mrem per hour"]);
    expect(quantitiesIn(text, span(text, 6, 18)).quantities.map((q) => [q.text, q.unit])).toEqual([["10 mrem", "mrem"]]);
    expect(quantitiesIn(text, span(text, 6, 13)).quantities.map((q) => q.text)).toEqual([]);
    expect(quantitiesIn("5 mrad.", span("5 mrad.", 0, 4)).unread).toEqual([]);
    expect(quantitiesIn("5 to 10 ft", span("5 to 10 ft", 0, 7)).quantities).toEqual([]);
  });
});

describe("short labels", () => {
  it("write the value and the unit symbol, inches as in", () => {
    expect(shortLabel({value: 1.5, unit: "m"})).toBe("1.5 m");
    expect(shortLabel({value: 12, unit: "inch"})).toBe("12 in");
    expect(shortLabel({value: 5, unit: "ft"})).toBe("5 ft");
  });
});
