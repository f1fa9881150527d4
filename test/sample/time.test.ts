import {describe, expect, it} from "vitest";
import {formatNewYork, formatSignificant, newYorkOffsetMinutes, newYorkToUtc} from "../../lib/sample/index.js";

describe("newYorkOffsetMinutes", () => {
  it("switches at the 2024 and 2026 changes (second Sunday of March, first of November)", () => {
    expect(newYorkOffsetMinutes(Date.parse("2024-03-10T06:59:59Z"))).toBe(-300);
    expect(newYorkOffsetMinutes(Date.parse("2024-03-10T07:00:00Z"))).toBe(-240);
    expect(newYorkOffsetMinutes(Date.parse("2024-11-03T05:59:59Z"))).toBe(-240);
    expect(newYorkOffsetMinutes(Date.parse("2024-11-03T06:00:00Z"))).toBe(-300);
    expect(newYorkOffsetMinutes(Date.parse("2026-03-08T07:00:00Z"))).toBe(-240);
    expect(newYorkOffsetMinutes(Date.parse("2026-11-01T06:00:00Z"))).toBe(-300);
  });

  it("agrees with the host's time-zone database every six hours of 2024–2026", () => {
    const zone = new Intl.DateTimeFormat("en-US", {timeZone: "America/New_York", timeZoneName: "longOffset"});
    for (let t = Date.parse("2024-01-01T00:00:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 6 * 3_600_000) {
      const name = zone.formatToParts(t).find((p) => p.type === "timeZoneName")!.value; // "GMT-05:00"
      expect(newYorkOffsetMinutes(t), new Date(t).toISOString()).toBe(name === "GMT-04:00" ? -240 : -300);
    }
  });
});

describe("formatNewYork and newYorkToUtc", () => {
  it("write local time with its offset", () => {
    expect(formatNewYork(Date.parse("2025-01-15T14:30:00Z"))).toBe("2025-01-15T09:30:00-05:00");
    expect(formatNewYork(Date.parse("2025-07-04T04:15:09Z"))).toBe("2025-07-04T00:15:09-04:00");
  });

  it("round-trip a wall-clock time", () => {
    expect(newYorkToUtc(2025, 9, 22, 6, 0)).toBe(Date.parse("2025-09-22T06:00:00-04:00"));
    expect(newYorkToUtc(2025, 12, 31, 23, 45)).toBe(Date.parse("2025-12-31T23:45:00-05:00"));
  });
});

describe("formatSignificant", () => {
  it("rounds to significant figures without exponents", () => {
    expect(formatSignificant(57.6123, 3)).toBe("57.6");
    expect(formatSignificant(0.000027777, 3)).toBe("0.0000278");
    expect(formatSignificant(0.00000012345, 3)).toBe("0.000000123");
    expect(formatSignificant(123456, 2)).toBe("120000");
    expect(formatSignificant(0)).toBe("0");
  });
});
