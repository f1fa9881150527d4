// The strict readers of a readings file's values (lib/readings/values.ts). readNumber's answer for each kind of malformed
// number, word for word: the message is what tells a clerk what to write instead, so a separator must be called a
// separator and a decimal comma a decimal comma. Then dates, date-times and calendar arithmetic. Written by hand.
import {describe, expect, it} from "vitest";
import {addCalendarMonths, compareDates, daysFromCivil, daysInMonth, formatDate, readDate, readInstant, readNumber, type CalendarDate} from "../../lib/readings/values.js";

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

// The calendar: which dates exist (month lengths, leap years by the Gregorian rule), each refusal's words, and
// day counts checked against a second method (Date's setUTCFullYear, which unlike Date.UTC keeps years 0–99).
describe("readDate", () => {
  const read = (text: string) => {
    const r = readDate(text);
    return r.ok ? r.value : r.message;
  };

  it("takes the last day of every month and refuses the day after, naming the month and its length", () => {
    const lengths: [string, number][] = [
      ["January", 31], ["February", 28], ["March", 31], ["April", 30], ["May", 31], ["June", 30],
      ["July", 31], ["August", 31], ["September", 30], ["October", 31], ["November", 30], ["December", 31]
    ];
    lengths.forEach(([name, days], k) => {
      const mm = String(k + 1).padStart(2, "0");
      expect(read(`2026-${mm}-${days}`)).toEqual([2026, k + 1, days]);
      expect(read(`2026-${mm}-${days + 1}`)).toBe(`"2026-${mm}-${days + 1}" is not a date: ${name} 2026 has ${days} days`);
      expect(read(`2026-${mm}-00`)).toBe(`"2026-${mm}-00" is not a date: ${name} 2026 has ${days} days`);
    });
  });

  it("has 29 days in February of a leap year: every 4th year, except centuries, except every 400th", () => {
    expect([2024, 2000, 2400, 1600].map((y) => read(`${y}-02-29`))).toEqual([[2024, 2, 29], [2000, 2, 29], [2400, 2, 29], [1600, 2, 29]]);
    for (const y of [2023, 1900, 2100, 2026]) expect(read(`${y}-02-29`)).toBe(`"${y}-02-29" is not a date: February ${y} has 28 days`);
    expect([1900, 2000, 2023, 2024].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
  });

  it("refuses a month outside 01–12 by its number", () => {
    expect(read("2026-13-01")).toBe('"2026-13-01" has month 13; months run from 01 to 12');
    expect(read("2026-00-10")).toBe('"2026-00-10" has month 0; months run from 01 to 12');
  });

  it("takes only YYYY-MM-DD, spaces around ignored", () => {
    expect(read(" 2026-03-14 ")).toEqual([2026, 3, 14]);
    for (const t of ["2026-3-14", "26-03-14", "2026-03-14T09:30:00Z", "x2026-03-14", "14/03/2026", ""]) {
      expect(read(t), t).toBe(`"${t}" is not a date written YYYY-MM-DD, such as 2026-03-14`);
    }
  });
});

describe("readInstant", () => {
  const read = (text: string) => {
    const r = readInstant(text);
    return r.ok ? r.value : r.message;
  };
  const EXAMPLE = "such as 2026-03-14T09:30:00Z or 2026-03-14T09:30:00-05:00";

  it("reads the instant with its offset, and keeps the local date as written", () => {
    // Date.parse, a second reader of ISO 8601, for the instants; the local date is the text's own.
    for (const t of ["2026-03-14T09:30:00Z", "2026-03-14T23:30+05:30", "2026-03-14T01:15:07-04:00", "2024-02-29T12:00:00+18:00", "2026-12-31T23:59:59-18:00"]) {
      const r = read(t);
      expect(r, t).toEqual({ms: Date.parse(t), localDate: t.slice(0, 10).split("-").map(Number)});
    }
    expect(read(" 2026-03-14T09:30:00Z ")).toEqual({ms: Date.UTC(2026, 2, 14, 9, 30), localDate: [2026, 3, 14]});
  });

  it("keeps fractions of a second to the millisecond, digits beyond it truncated", () => {
    const base = Date.UTC(2026, 2, 14, 9, 30);
    expect([".5", ".05", ".123", ".1239", ".999999999"].map((f) => (read(`2026-03-14T09:30:00${f}Z`) as {ms: number}).ms - base)).toEqual([500, 50, 123, 123, 999]);
  });

  it("refuses an impossible time of day", () => {
    for (const t of ["2026-03-14T24:00:00Z", "2026-03-14T09:60:00Z", "2026-03-14T09:30:60Z"]) {
      expect(read(t), t).toBe(`"${t}" has an impossible time of day; hours run 00–23, minutes and seconds 00–59`);
    }
    expect(read("2026-03-14T23:59:59Z")).toMatchObject({ms: Date.UTC(2026, 2, 14, 23, 59, 59)});
  });

  it("takes offsets up to ±18:00 and refuses any beyond, or with minutes past 59", () => {
    expect(read("2026-03-14T09:30:00+18:00")).toMatchObject({ms: Date.UTC(2026, 2, 13, 15, 30)});
    expect(read("2026-03-14T09:30:00-18:00")).toMatchObject({ms: Date.UTC(2026, 2, 15, 3, 30)});
    expect(read("2026-03-14T09:30:00+05:59")).toMatchObject({ms: Date.UTC(2026, 2, 14, 3, 31)});
    for (const offset of ["+18:01", "-18:30", "+19:00", "+05:60", "-00:99"]) {
      const t = `2026-03-14T09:30:00${offset}`;
      expect(read(t), t).toBe(`"${t}" has an impossible UTC offset ${offset}; offsets run from -18:00 to +18:00`);
    }
  });

  it("checks the date of a date-time like a date", () => {
    expect(read("2026-02-29T09:30:00Z")).toBe('"2026-02-29T09:30:00Z" is not a date: February 2026 has 28 days');
    expect(read("2026-13-01T09:30:00Z")).toBe('"2026-13-01T09:30:00Z" has month 13; months run from 01 to 12');
  });

  it("says what is missing: the offset, the time, or the whole form", () => {
    expect(read("2026-03-14T09:30:00")).toBe(`"2026-03-14T09:30:00" has no UTC offset, so the instant is ambiguous; add Z for UTC or the local offset, ${EXAMPLE}`);
    expect(read(" 2026-03-14 ")).toBe(`"2026-03-14" is a date without a time; write the date-time with its UTC offset, ${EXAMPLE}`);
    for (const t of ["2026-03-14 09:30:00Z", "x2026-03-14", "x2026-03-14T09:30:00Z", "2026-03-14x", "2026-03-14T09:30:00Zx", "14/03/2026 09:30"]) {
      expect(read(t), t).toBe(`"${t}" is not an ISO 8601 date-time; write it ${EXAMPLE}`);
    }
  });
});

describe("calendar arithmetic", () => {
  it("counts days since 1970-01-01 as Date does, across eras, leap days and years 0–99", () => {
    const byDate = (y: number, m: number, d: number) => {
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      return date.getTime() / 86_400_000;
    };
    const dates: [number, number, number][] = [
      [1970, 1, 1], [1969, 12, 31], [2000, 2, 29], [2000, 3, 1], [1900, 2, 28], [1900, 3, 1], [2026, 3, 14], [2026, 1, 31],
      [2026, 12, 31], [1600, 2, 29], [1601, 1, 1], [399, 12, 31], [400, 3, 1], [0, 1, 1], [0, 3, 1], [99, 2, 28], [-1, 12, 31], [-400, 2, 29]
    ];
    expect(dates.map((d) => daysFromCivil(...d))).toEqual(dates.map((d) => byDate(...d)));
  });

  it("adds calendar months, clamping the day to the month's end, across years both ways", () => {
    expect(addCalendarMonths([2025, 1, 31], 1)).toEqual([2025, 2, 28]);
    expect(addCalendarMonths([2024, 1, 31], 1)).toEqual([2024, 2, 29]);
    expect(addCalendarMonths([2025, 11, 15], 2)).toEqual([2026, 1, 15]);
    expect(addCalendarMonths([2025, 1, 15], -1)).toEqual([2024, 12, 15]);
    expect(addCalendarMonths([2025, 3, 31], -13)).toEqual([2024, 2, 29]);
    expect(addCalendarMonths([2025, 12, 31], 12)).toEqual([2026, 12, 31]);
  });

  it("orders dates by year, then month, then day", () => {
    const sign = (a: CalendarDate, b: CalendarDate) => Math.sign(compareDates(a, b));
    expect([sign([2025, 12, 31], [2026, 1, 1]), sign([2026, 2, 1], [2026, 1, 31]), sign([2026, 1, 2], [2026, 1, 1]), sign([2026, 1, 1], [2026, 1, 1])]).toEqual([-1, 1, 1, 0]);
  });

  it("writes a date YYYY-MM-DD with zeros in front", () => {
    expect(formatDate([2026, 3, 4])).toBe("2026-03-04");
    expect(formatDate([5, 11, 30])).toBe("0005-11-30");
  });
});
