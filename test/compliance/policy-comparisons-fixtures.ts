// Hand-made everyday doses and a one-comparison policy for the comparison tests (policy-comparisons-*.test.ts).
import {expect} from "vitest";
import type {EverydayDose} from "../../lib/compliance/everyday.js";
import {comparisonClaim} from "../../lib/compliance/policy-comparisons.js";
import {extractStatements, type ComparisonStatement} from "../../lib/compliance/policy-statements.js";

/** An everyday dose in µSv (grade B unless told). */
export const entry = (id: string, value: number, more: Partial<EverydayDose> = {}): EverydayDose => ({
  id, anchor: `anchor ${id}`, value, value_high: null, unit: "µSv", per: null, source: `source ${id}`, sources: [], grade: "B", note: "",
  phrases: [], value_uSv: value, value_high_uSv: more.value_high ?? null, ...more
});
/** Natural background, 8 to 10 µSv a day: 1/3 to 5/12 µSv/h. */
export const background = (more: Partial<EverydayDose> = {}) => entry("natural-background-day", 8, {anchor: "natural background", value_high: 10, per: "day", ...more});
/** Cosmic radiation at cruising altitude, 6 µSv an hour (as data/everyday-doses.json writes it: µSv per hour). */
export const cruise = () => entry("cosmic-at-cruise", 6, {anchor: "dose rate at cruising altitude", per: "hour"});
export const chest = () => entry("chest-x-ray-pa", 20, {anchor: "a PA chest X-ray"});

/** The claim of the one comparison in a health-and-safety section holding `body`. */
export function claimOf(body: string, everyday: EverydayDose[]) {
  const {statements} = extractStatements(`HEALTH AND SAFETY\n\n${body}`);
  const comparisons = statements.filter((s): s is ComparisonStatement => s.kind === "comparison");
  expect(comparisons).toHaveLength(1);
  return comparisonClaim(comparisons[0]!, statements, everyday);
}
