// Words and kinds of a policy's figures (lib/compliance/policy-figures.ts): every duration unit the reader knows as an
// adjective ("a 2-minute exposure"), and which figures are absorbed doses (Gy), which need the beam's energy to be
// compared with a dose equivalent.
import {describe, expect, it} from "vitest";
import {AIR, durationAdjective, isAbsorbed} from "../../lib/compliance/policy-figures.js";
import type {Quantity} from "../../lib/compliance/policy-quantities.js";

const q = (value: number, unit: string, dimension: Quantity["dimension"]): Quantity => ({
  value, unit, dimension, decimals: 0, written: `${value} ${unit}`, mismatch: null, alternatives: [], unreadAlternatives: [], rangeWithNext: false, text: `${value} ${unit}`, start: 0, end: 1
}) as Quantity;

describe("a duration as an adjective", () => {
  it("is the number and the unit's singular name, for every time unit the reader knows", () => {
    const units: [string, string][] = [["ms", "500-millisecond"], ["s", "500-second"], ["min", "500-minute"], ["h", "500-hour"], ["day", "500-day"], ["week", "500-week"], ["month", "500-month"], ["year", "500-year"]];
    for (const [unit, adjective] of units) expect(durationAdjective(q(500, unit, "time")), unit).toBe(adjective);
  });
});

describe("an absorbed dose", () => {
  it("is a dose or a rate in grays, not a dose equivalent, an exposure or a distance", () => {
    expect(isAbsorbed(q(1, "uGy", "absorbed-dose"))).toBe(true);
    expect(isAbsorbed(q(1, "uGy/h", "absorbed-dose-rate"))).toBe(true);
    expect(isAbsorbed(q(1, "mrem", "dose-equivalent"))).toBe(false);
    expect(isAbsorbed(q(1, "mrem/h", "dose-equivalent-rate"))).toBe(false);
    expect(isAbsorbed(q(1, "uR", "exposure"))).toBe(false);
    expect(isAbsorbed(q(1, "m", "length"))).toBe(false);
  });
});

describe("the air attenuation coefficients", () => {
  it("name their source, the NIST tables for dry air, grade A, by its bibliography id", () => {
    expect(AIR.source).toBe("NIST X-ray mass attenuation tables (dry air), grade A [NIST-SRD-126]");
  });
});
