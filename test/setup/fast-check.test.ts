// The suite's properties run from one fixed seed unless FC_SEED asks for another.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {DEFAULT_FC_SEED, seedFromEnv} from "./fast-check.js";

describe("the fast-check seed", () => {
  it("is fixed for every property of the suite", () => {
    expect(fc.readConfigureGlobal().seed).toBe(seedFromEnv(process.env.FC_SEED));
    if (process.env.FC_SEED === undefined) expect(fc.readConfigureGlobal().seed).toBe(DEFAULT_FC_SEED);
  });

  it("reads FC_SEED as a whole number, and refuses anything else", () => {
    expect(seedFromEnv(undefined)).toBe(DEFAULT_FC_SEED);
    expect(seedFromEnv(" ")).toBe(DEFAULT_FC_SEED);
    expect(seedFromEnv("12345")).toBe(12345);
    expect(seedFromEnv("-7")).toBe(-7);
    expect(Number.isInteger(seedFromEnv("random"))).toBe(true);
    expect(() => seedFromEnv("0x10")).toThrow(/FC_SEED must be a whole number/);
  });
});
