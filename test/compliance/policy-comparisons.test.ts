// Comparisons in words (lib/compliance/policy-comparisons.ts) against hand-made everyday doses: the policy's side must
// hold over its whole range, the everyday side is read generously, "similar" means within a factor of 3 either way,
// and a grade C everyday figure, a missing entry or a missing policy figure never gives "consistent".
import {describe, expect, it} from "vitest";
import type {EverydayDose} from "../../lib/compliance/everyday.js";
import {comparisonClaim, compare, REFERENTS, SIMILAR, type Referent} from "../../lib/compliance/policy-comparisons.js";
import {extractStatements, type ComparisonStatement} from "../../lib/compliance/policy-statements.js";

/** An everyday dose in µSv. */
const entry = (id: string, value: number, more: Partial<EverydayDose> = {}): EverydayDose => ({
  id, anchor: `anchor ${id}`, value, value_high: null, unit: "µSv", per: null, source: `source ${id}`, sources: [], grade: "B", note: "",
  phrases: [], value_uSv: value, value_high_uSv: more.value_high ?? null, ...more
});
const chest = (more: Partial<EverydayDose> = {}) => entry("chest-x-ray-pa", 20, {anchor: "a PA chest X-ray", ...more});
/** Natural background, 8 to 10 µSv a day: 1/3 to 5/12 µSv/h. */
const background = (more: Partial<EverydayDose> = {}) => entry("natural-background-day", 8, {anchor: "natural background", value_high: 10, per: "day", ...more});
const cruise = () => entry("cosmic-at-cruise", 6, {anchor: "dose rate at cruising altitude", unit: "µSv/h", per: "hour"});

function claimOf(body: string, everyday: EverydayDose[]) {
  const {statements} = extractStatements(`HEALTH AND SAFETY\n\n${body}`);
  const comparisons = statements.filter((s): s is ComparisonStatement => s.kind === "comparison");
  expect(comparisons).toHaveLength(1);
  return comparisonClaim(comparisons[0]!, statements, everyday);
}

describe("the outcome of a comparison", () => {
  it("'at most' holds when the policy's highest value is at or below the everyday high, fails when its lowest is above", () => {
    expect(compare("at-most", 0, 20, 10, 20)).toBe("holds");
    expect(compare("at-most", 0, 20.001, 10, 20)).toBe("open");
    expect(compare("at-most", 20, 30, 10, 20)).toBe("open");
    expect(compare("at-most", 20.001, 30, 10, 20)).toBe("fails");
  });

  it("'similar' holds when some everyday value is within a factor of 3 of every value the policy allows", () => {
    expect(SIMILAR).toBe(3);
    expect(compare("similar", 2, 2, 6, 6)).toBe("holds"); // 6 ÷ 2 = 3 exactly
    expect(compare("similar", 1.9999, 1.9999, 6, 6)).toBe("fails");
    expect(compare("similar", 18, 18, 6, 6)).toBe("holds"); // 18 ÷ 6 = 3 exactly
    expect(compare("similar", 18.0001, 18.0001, 6, 6)).toBe("fails");
    // A generous everyday range 9 to 12: 3 (= 9 ÷ 3) and 36 (= 12 × 3) are its ends.
    expect(compare("similar", 3, 3, 9, 12)).toBe("holds");
    expect(compare("similar", 36, 36, 9, 12)).toBe("holds");
    expect(compare("similar", 2.9999, 2.9999, 9, 12)).toBe("fails");
    expect(compare("similar", 36.001, 36.001, 9, 12)).toBe("fails");
    // A policy range 1.5 to 10 against 6: 1.5 is more than 3 times below, 10 within: open.
    expect(compare("similar", 1.5, 10, 6, 6)).toBe("open");
    // The ends of "fails": lowest exactly 3 × the everyday high, or highest exactly a third of its low, is still open.
    expect(compare("similar", 18, 100, 6, 6)).toBe("open");
    expect(compare("similar", 18.0001, 100, 6, 6)).toBe("fails");
    expect(compare("similar", 0.1, 2, 6, 6)).toBe("open");
    expect(compare("similar", 0.1, 1.9999, 6, 6)).toBe("fails");
    // Both policy ends within 3× of some everyday value, but not of the same one: 3 needs ≤ 9, 30 needs ≥ 10.
    expect(compare("similar", 3, 30, 8, 10)).toBe("open");
    expect(compare("similar", 4, 30, 8, 10)).toBe("holds"); // 10 is within 3× of both
    expect(compare("similar", 4, 12, 4, 40)).toBe("holds");
  });
});

describe("a dose at a distance compared with a one-off everyday dose", () => {
  it("holds at the everyday figure, fails above it, and is unsupported when the policy's range straddles it", () => {
    const at = (figure: string) => claimOf(`The dose at 5 ft for 10 seconds is ${figure}. The dose at 5 ft is less than a chest x-ray.`, [chest()]);
    const equal = at("20 uSv");
    expect(equal).toMatchObject({id: "5ft-chest-x-ray", verdict: "consistent", check: "Is the dose at 5 ft less than a chest X-ray?"});
    expect(equal.numbers).toEqual({subject_low_uSv: 20, subject_high_uSv: 20, everyday_low_uSv: 20, everyday_high_uSv: 20, ratio_low: 1, ratio_high: 1});
    expect(equal.explanation).toBe(
      "The policy states 20 uSv at 5 ft for 10 s. A chest X-ray is taken as 20 µSv (a PA chest X-ray; source chest-x-ray-pa; grade B). " +
        "Against the policy's 5 ft figures (20 uSv) it is 1 times more. The dose at 5 ft is below it, so the comparison holds."
    );
    const above = at("40 uSv");
    expect(above.verdict).toBe("inconsistent");
    expect(above.explanation).toMatch(/it is 0.5 times less\. The dose at 5 ft is above it, so the comparison does not hold\.$/);
    const open = at("between 10 and 30 uSv");
    expect(open.verdict).toBe("unsupported");
    expect(open.numbers).toMatchObject({subject_low_uSv: 10, subject_high_uSv: 30, ratio_low: 0.667, ratio_high: 2});
    expect(open.explanation).toMatch(/ it is 0.667 to 2 times less\. The policy's figures \(10 to 30 µSv\) allow values for which the comparison holds and values for which it does not, so it can be neither confirmed nor refuted\.$/);
    const atMost = at("at most 10 uSv");
    expect(atMost.verdict).toBe("consistent");
    expect(atMost.numbers).toMatchObject({subject_low_uSv: 0, ratio_low: 2, ratio_high: null});
    expect(atMost.explanation).toMatch(/it is at least 2 times more\./);
  });

  it("is never consistent or inconsistent on a grade C everyday figure", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a chest x-ray.", [chest({grade: "C"})]);
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toMatch(/it is 20 times more, but the everyday figure does not rest on a reliable source, so it can be neither confirmed nor refuted\.$/);
  });

  it("uses the statement with a duration at that distance, never an at-least figure, and needs one", () => {
    const timed = claimOf("The dose at 5 ft is 100 uSv. The dose at 5 ft for 10 seconds is 10 uSv. The dose at 5 ft is less than a chest x-ray.", [chest()]);
    expect(timed).toMatchObject({verdict: "consistent", numbers: {subject_high_uSv: 10}});
    const untimed = claimOf("The dose at 5 ft is 10 uSv. The dose at 10 ft for 10 seconds is 100 uSv. The dose at 5 ft is less than a chest x-ray.", [chest()]);
    expect(untimed).toMatchObject({verdict: "consistent", numbers: {subject_high_uSv: 10}});
    const none = claimOf("The dose at 5 ft for 10 seconds is at least 30 uSv. The dose at 5 ft is less than a chest x-ray.", [chest()]);
    expect(none).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(none.explanation).toBe("The policy gives no dose at 5 ft, so there is nothing to compare with the everyday dose.");
  });

  it("is unsupported when the statement does not say whose dose it is", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose is less than a chest x-ray.", [chest()]);
    expect(c).toMatchObject({id: "comparison-chest-x-ray", verdict: "unsupported", check: "Is the dose less than a chest X-ray?", numbers: {}});
    expect(c.explanation).toMatch(/^The statement does not say whose dose it compares/);
  });
});

describe("a comparison with an everyday dose rate", () => {
  // A short flight is one hour at cruise, 6 µSv: "similar" holds from 2 µSv to 18 µSv.
  const flight = (figure: string) => claimOf(`The dose at 5 ft for 10 seconds is ${figure}. The dose at 5 ft is similar to a short plane flight.`, [cruise()]);

  it("holds within a factor of 3 and says which way it errs outside it", () => {
    const low = flight("2 uSv");
    expect(low).toMatchObject({id: "5ft-flight", verdict: "consistent", check: "Does the dose at 5 ft compare with a short plane flight?", numbers: {everyday_low_uSv: 6, everyday_high_uSv: 6, ratio_low: 3}});
    expect(low.explanation).toBe(
      "The policy states 2 uSv at 5 ft for 10 s. At the dose rate at cruising altitude of 6 µSv/h (source cosmic-at-cruise, grade B) that is 20 minute(s) of flying, " +
        'while a one-hour flight gives about 6 µSv (3 times more; a "short" flight is taken as one hour at cruise: the shortest trip with time at altitude). The two are within a factor of 3, so the comparison holds.'
    );
    expect(flight("18 uSv").verdict).toBe("consistent");
    const tooLow = flight("1.5 uSv");
    expect(tooLow.verdict).toBe("inconsistent");
    expect(tooLow.explanation).toMatch(/The comparison overstates the dose at 5 ft by a factor of 4 or more, far beyond "similar" \(within a factor of 3\), so it does not hold as stated, though it errs on the side of caution\.$/);
    const tooHigh = flight("24 uSv");
    expect(tooHigh.verdict).toBe("inconsistent");
    expect(tooHigh.explanation).toMatch(/The comparison understates the dose at 5 ft by a factor of 4 or more, far beyond "similar" \(within a factor of 3\), so it does not hold as stated, and not on the side of caution\.$/);
  });

  it("names the cross-country flight for scale when the table has it", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 2 uSv. The dose at 5 ft is similar to a short plane flight.", [cruise(), entry("flight-new-york-los-angeles", 40, {anchor: "a New York – Los Angeles flight"})]);
    expect(c.explanation).toMatch(/\) and New York – Los Angeles flight about 40 µSv \(20 times more; source flight-new-york-los-angeles, grade B\)\./);
  });
});

describe("a direct scan compared with an everyday dose", () => {
  it("uses the policy's per-scan figure when it gives one", () => {
    const c = claimOf("A person directly scanned receives less than 0.25 uSv per scan. The exposure to a person directly scanned is less than a chest x-ray.", [chest()]);
    expect(c).toMatchObject({id: "direct-scan-chest-x-ray", verdict: "consistent", check: "Is a direct scan less than a chest X-ray?", numbers: {subject_low_uSv: 0, subject_high_uSv: 0.25, ratio_low: 80}});
    expect(c.explanation).toMatch(/^The policy states at most 0.25 uSv per scan for a person scanned \("A person directly scanned receives less than 0.25 uSv per scan\."\)\. .* Against the policy's per-scan figure \(at most 0.25 uSv\) it is at least 80 times more\. The per-scan dose is below it, so the comparison holds\. No measurement of a directly scanned person is in the field data\.$/);
  });

  it("shows the manufacturer's grade C figure, saying so, when the policy gives none (or only a lower bound), but decides nothing on it", () => {
    // Documented (docs/policy-check.md, "Whose dose"): the manufacturer's < 0.1 µSv is shown for the scan, 200 times
    // below 20 µSv; a grade C figure is no measurement, so the comparison is unsupported.
    const c = claimOf("A person directly scanned receives at least 0.25 uSv per scan. The exposure to a person directly scanned is similar to a chest x-ray.", [chest()]);
    expect(c).toMatchObject({verdict: "unsupported", check: "Does a direct scan compare with a chest X-ray?", numbers: {subject_low_uSv: 0.1, subject_high_uSv: 0.1, ratio_low: 200}});
    expect(c.explanation).toMatch(/^The policy gives no dose for a person directly scanned; the only per-scan figure is the manufacturer's < 0.1 µSv per scan .* \(manufacturer's statement, quoted second-hand \(2015\) \[ASE-2015\], grade C\)\. /);
    expect(c.explanation).toMatch(/Against the manufacturer's per-scan figure \(< 0.1 µSv, grade C\) it is 200 times more, but the per-scan dose does not rest on a reliable source, so it can be neither confirmed nor refuted\. No measurement of a directly scanned person is in the field data\.$/);
    const bothC = claimOf("The exposure to a person directly scanned is similar to a chest x-ray.", [chest({grade: "C"})]);
    expect(bothC.verdict).toBe("unsupported");
    expect(bothC.explanation).toMatch(/it is 200 times more, but neither side of the comparison rests on a reliable source, so it can be neither confirmed nor refuted\. No measurement of a directly scanned person is in the field data\.$/);
  });
});

describe("the radiation level compared with an everyday dose per day", () => {
  // Background 8 to 10 µSv a day is 0.333 to 0.417 µSv/h.
  it("'no more than' holds when every stated level is at or below the everyday high", () => {
    const c = claimOf("The dose rate at 10 m is at most 0.4 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(c).toMatchObject({id: "background-comparison", verdict: "consistent", check: "Is the radiation level no more than natural background?"});
    expect(c.numbers).toEqual({rate_10m_uSv_per_h: 0.4, background_low_uSv_per_h: 0.333, background_high_uSv_per_h: 0.417});
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. The policy's stated rate at 10 m is 0.4 µSv/h, 0.96 to 1.2 times the natural background rate of 0.333 to 0.417 µSv/h (8 to 10 µSv a day; source natural-background-day, grade B)."
    );
    expect(claimOf("The dose rate at 10 m is at most 0.5 uSv/h. The radiation level is no more than natural background.", [background()]).verdict).toBe("unsupported");
  });

  it("'no more than' fails when some level's lowest value is above the everyday high, even if the highest level allows zero", () => {
    // 0.45 µSv in one hour at 2 m is 0.45 µSv/h, above 0.417; the 1 m rate (at most 0.5 µSv/h) allows anything below it.
    const c = claimOf("The dose rate at 1 m is at most 0.5 uSv/h. The dose at 2 m for 1 hour is 0.45 uSv. The radiation level is no more than natural background.", [background()]);
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toMatch(/^The statement gives no period, and the policy's own figures contradict it as a level\. The policy's stated rate at 1 m is 0.5 µSv\/h, 1.2 to 1.5 times .*; at 2 m it is 0.45 µSv\/h\.$/);
    expect(c.numbers).toMatchObject({rate_1m_uSv_per_h: 0.5, rate_2m_uSv_per_h: 0.45});
  });

  it("carries a dose over its duration to a rate, and puts a day's background in minutes of beam-on time", () => {
    // 0.002 µSv in 10 s is 0.72 µSv/h; a day's 8 to 10 µSv takes 8 ÷ 0.72 × 60 = 667 to 833 minutes.
    const c = claimOf("The dose at 5 ft for 10 seconds is 0.002 uSv. The radiation level is no more than natural background.", [background()]);
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toBe(
      "The statement gives no period, and the policy's own figures contradict it as a level. 0.002 uSv (0.002 µSv) in 10 s at 5 ft is a rate of 0.72 µSv/h, 1.73 to 2.16 times the natural background rate of 0.333 to 0.417 µSv/h (8 to 10 µSv a day; source natural-background-day, grade B). " +
        "As a dose, one 10-second exposure (0.002 µSv) is 0.02 to 0.025 % of a day's background, but a person at 5 ft receives a whole day's background after 667 to 833 minutes of beam-on time: the statement holds only for exposures of a few minutes."
    );
  });

  it("'similar' is judged on the highest level alone, over its whole range", () => {
    const similar = (rate: string) => claimOf(`The dose rate at 1 m is ${rate}. The radiation level is similar to natural background.`, [background()]);
    expect(similar("1.2 uSv/h").verdict).toBe("consistent"); // 1.2 ÷ 3 = 0.4, within 0.333 to 0.417
    expect(similar("1.3 uSv/h").verdict).toBe("inconsistent"); // 1.3 ÷ 3 = 0.433, above 0.417
    expect(similar("at most 0.4 uSv/h").verdict).toBe("unsupported"); // 0 to 0.4 µSv/h
  });

  it("is unsupported on a grade C figure, a one-off everyday dose, or a policy without a level", () => {
    expect(claimOf("The dose rate at 10 m is at most 0.4 uSv/h. The radiation level is no more than natural background.", [background({grade: "C"})]).verdict).toBe("unsupported");
    const oneOff = claimOf("The dose rate at 10 m is at most 0.4 uSv/h. The radiation level is no more than a chest x-ray.", [chest()]);
    expect(oneOff).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(oneOff.explanation).toBe("A level (a dose rate) cannot be compared with a chest X-ray, a one-off dose of 20 µSv (source chest-x-ray-pa, grade B), without a period, and the statement gives none.");
    const noLevel = claimOf("The dose rate at 10 m is at least 0.4 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(noLevel).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(noLevel.explanation).toBe("The policy states no dose for a duration and no dose rate, so its level cannot be compared.");
  });
});

describe("a referent the table lacks", () => {
  it("names the missing entry, and recognises an entry by its own phrases", () => {
    const missing = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a chest x-ray.", []);
    expect(missing).toMatchObject({id: "5ft-chest-x-ray", verdict: "unsupported", numbers: {}});
    expect(missing.explanation).toBe('The everyday-dose table (data/everyday-doses.json) has no entry "chest-x-ray-pa" for a chest X-ray, so the comparison with a chest X-ray cannot be checked; add one with its value, source and grade.');
    const unknown = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than eating a banana.", []);
    expect(unknown).toMatchObject({id: "5ft-eating-a-banana", verdict: "unsupported"});
    expect(unknown.explanation).toBe('The everyday-dose table (data/everyday-doses.json) has no entry for "eating a banana", so the comparison with eating a banana cannot be checked; add one with its value, source and grade, and the words the policy uses in its phrases.');
    const phrased = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than eating a banana.", [entry("banana", 0.1, {anchor: "a banana", phrases: ["a Banana"]})]);
    expect(phrased).toMatchObject({id: "5ft-banana", verdict: "inconsistent", numbers: {everyday_high_uSv: 0.1}});
  });

  it("calls a comparison with a limit a claim of compliance", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than the limits set by the NRC.", []);
    expect(c).toMatchObject({id: "5ft-limits", verdict: "unsupported", numbers: {}});
    expect(c.explanation).toMatch(/^A comparison with "the limits set by the NRC" is a claim of compliance/);
  });
});

describe("how a referent is found in the table", () => {
  it("takes an entry's phrase when the known referent's own entry is missing, and the longest phrase that matches", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 18 uSv. The dose at 5 ft is less than a chest x-ray.", [entry("my-chest", 15, {anchor: "a chest film", phrases: ["chest x-ray"]})]);
    // Known as "chest-x-ray" by its wording; valued by the entry whose phrase matched: 18 µSv is above 15 µSv.
    expect(c).toMatchObject({id: "5ft-chest-x-ray", verdict: "inconsistent", check: "Is the dose at 5 ft less than a chest film?", numbers: {everyday_high_uSv: 15}});
    const longest = claimOf("The dose at 5 ft for 10 seconds is 3 uSv. The dose at 5 ft is less than a dental scan.", [
      entry("scan", 1, {anchor: "any scan", phrases: ["scan"]}), entry("dental-scan", 5, {anchor: "a dental scan", phrases: ["Dental-Scan"]}), entry("other", 100, {phrases: ["dental"]})
    ]);
    expect(longest).toMatchObject({id: "5ft-dental-scan", verdict: "consistent", numbers: {everyday_high_uSv: 5}});
    // A phrase matches whole words only, and its special characters are taken literally.
    const partial = claimOf("The dose at 5 ft for 10 seconds is 3 uSv. The dose at 5 ft is less than a dental scan.", [entry("x", 5, {phrases: ["ental sca", "dental.scan"]})]);
    expect(partial.verdict).toBe("unsupported");
    expect(partial.explanation).toMatch(/has no entry for "a dental scan"/);
  });

  it("names an unknown referent without the words that introduce it", () => {
    const c = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than the dose from eating a banana.", []);
    expect(c.id).toBe("5ft-eating-a-banana");
    expect(c.explanation).toMatch(/has no entry for "eating a banana", so the comparison with eating a banana cannot be checked/);
  });
});

describe("the levels named in a level comparison", () => {
  it("names each distinct level once, highest first", () => {
    const c = claimOf("The dose rate at 2 m is at most 0.2 uSv/h. The dose rate at 1 m is at most 0.5 uSv/h. The dose rate at 1 m is at most 0.5 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(c.explanation).toMatch(/^The statement gives no period, and as a level the policy's own figures allow values on both sides of it\. The policy's stated rate at 1 m is 0.5 µSv\/h, 1.2 to 1.5 times the natural background rate of 0.333 to 0.417 µSv\/h \(8 to 10 µSv a day; source natural-background-day, grade B\); the stated dose rate at 2 m is at most 0.2 µSv\/h\.$/);
    expect(c.numbers).toEqual({rate_1m_uSv_per_h: 0.5, rate_2m_uSv_per_h: 0.2, background_low_uSv_per_h: 0.333, background_high_uSv_per_h: 0.417});
  });
});

describe("a referent that means several hours of an everyday rate", () => {
  it("multiplies the rate by those hours, and only for a rate entry", () => {
    // A five-hour flight at 6 µSv/h is 30 µSv: 40 µSv is within 3× of it (not of one hour's 6 µSv).
    const long: Referent = {slug: "long-flight", anchor: "cosmic-at-cruise", name: "a long flight", pattern: /\blong\s+flight\b/i, over: {hours: 5, activity: "flying", note: "five hours"}};
    REFERENTS.unshift(long);
    try {
      const c = claimOf("The dose at 5 ft for 10 seconds is 40 uSv. The dose at 5 ft is similar to a long flight.", [cruise()]);
      expect(c).toMatchObject({id: "5ft-long-flight", verdict: "consistent", numbers: {everyday_low_uSv: 30, everyday_high_uSv: 30}});
      expect(c.explanation).toMatch(/while a 5-hour flight gives about 30 µSv \(0.75 times more; five hours\)/);
      // The same words against an entry per day are not multiplied.
      const perDay = claimOf("The dose at 5 ft for 10 seconds is 40 uSv. The dose at 5 ft is similar to a long flight.", [{...cruise(), per: "day"}]);
      expect(perDay.numbers).toMatchObject({everyday_low_uSv: 6});
    } finally {
      REFERENTS.shift();
    }
  });
});
