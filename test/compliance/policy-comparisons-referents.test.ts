// Which everyday dose a comparison in words means (lib/compliance/policy-comparisons.ts): the wordings each known
// referent is recognised by, a limit named instead of an everyday dose, the name of an unknown referent, whose dose
// the policy's side is, and how an everyday figure per day or per hour is read against a dose.
import {describe, expect, it} from "vitest";
import {comparisonClaim, REFERENTS, type Referent} from "../../lib/compliance/policy-comparisons.js";
import {extractStatements, type ComparisonStatement} from "../../lib/compliance/policy-statements.js";
import {background, chest, claimOf, cruise, entry} from "./policy-comparisons-fixtures.js";

const lessThan = (words: string) => claimOf(`The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than ${words}.`, []);

describe("a known referent", () => {
  it("is recognised in each of its wordings, several spaces or a line break between words included", () => {
    const known: [string, string, string, string][] = [
      ["natural background", "background", "natural-background-day", "natural background"],
      ["the background level", "background", "natural-background-day", "natural background"],
      ["a short flight", "flight", "cosmic-at-cruise", "a short plane flight"],
      ["short flights", "flight", "cosmic-at-cruise", "a short plane flight"],
      ["a short  plane\nflight", "flight", "cosmic-at-cruise", "a short plane flight"],
      ["an hour  of\nflying", "flight", "cosmic-at-cruise", "a short plane flight"],
      ["a hour of flight", "flight", "cosmic-at-cruise", "a short plane flight"],
      ["a cross-country flight", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a cross country  flight", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a coast-to-coast flight", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a coast to coast  flight", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a flight from New  York to  Los  Angeles", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a New York – Los Angeles flight", "cross-country-flight", "flight-new-york-los-angeles", "a cross-country flight"],
      ["a day in the Rocky  Mountains", "rocky-mountains", "day-in-rocky-mountains", "a day in the Rocky Mountains"],
      ["a day in Denver", "rocky-mountains", "day-in-rocky-mountains", "a day in the Rocky Mountains"],
      ["a chest x-ray", "chest-x-ray", "chest-x-ray-pa", "a chest X-ray"],
      ["a chest  xray", "chest-x-ray", "chest-x-ray-pa", "a chest X-ray"],
      ["a chest radiograph", "chest-x-ray", "chest-x-ray-pa", "a chest X-ray"],
      ["a dental x-ray", "dental-x-ray", "dental-x-ray", "a dental X-ray"],
      ["a dental  xray", "dental-x-ray", "dental-x-ray", "a dental X-ray"],
      ["a dental radiograph", "dental-x-ray", "dental-x-ray", "a dental X-ray"]
    ];
    for (const [words, slug, anchor, name] of known) {
      const c = lessThan(words);
      expect(c.id, words).toBe(`5ft-${slug}`);
      expect(c.explanation, words).toBe(`The everyday-dose table (data/everyday-doses.json) has no entry "${anchor}" for ${name}, so the comparison with ${name} cannot be checked; add one with its value, source and grade.`);
    }
  });

  it("is a whole word: a longer word holding it is an unknown referent", () => {
    for (const [words, slug] of [["the foreground", "the-foreground"], ["a shortish flight", "a-shortish-flight"], ["a thorax radiograph", "a-thorax-radiograph"]]) {
      expect(lessThan(words!).id, words).toBe(`5ft-${slug}`);
    }
  });
});

describe("a limit named in place of an everyday dose", () => {
  it("is a claim of compliance in any of its words, not a comparison", () => {
    for (const words of ["the limit", "the limits", "the standard", "the standards", "the regulations", "regulatory values", "the requirement", "the requirements", "the guideline", "the guidelines", "the threshold", "the thresholds"]) {
      expect(lessThan(words).id, words).toBe("5ft-limits");
    }
    expect(lessThan("regulatory values").explanation).toBe(
      'A comparison with "regulatory values" is a claim of compliance, not a comparison with an everyday dose: the policy names no limit value here, so the words cannot be checked. ' +
        "This site judges the device against each limit from the field data (the compliance verdicts)."
    );
    // A word that only holds one of them is no limit.
    expect(lessThan("a sublimit").id).toBe("5ft-a-sublimit");
  });
});

describe("an unknown referent", () => {
  it("is named without the words that introduce it, and its id takes its first four words", () => {
    const named: [string, string, string][] = [
      ["the dose received during a long walk", "a long walk", "5ft-a-long-walk"],
      ["exposure  in a  cave", "a  cave", "5ft-a-cave"],
      ["a dose of cosmic rays", "cosmic rays", "5ft-cosmic-rays"],
      ["the dose from sleeping next to another person for a night", "sleeping next to another person for a night", "5ft-sleeping-next-to-another"],
      ['"a banana meal"', '"a banana meal"', "5ft-a-banana-meal"]
    ];
    for (const [words, name, id] of named) {
      const c = lessThan(words);
      expect(c.id, words).toBe(id);
      expect(c.explanation, words).toBe(`The everyday-dose table (data/everyday-doses.json) has no entry for "${name}", so the comparison with ${name} cannot be checked; add one with its value, source and grade, and the words the policy uses in its phrases.`);
    }
  });
});

describe("an unknown referent's words", () => {
  it("are read as written: several spaces, a space before the full stop, and an alternative after 'or by'", () => {
    const unknown = (name: string) => `The everyday-dose table (data/everyday-doses.json) has no entry for "${name}", so the comparison with ${name} cannot be checked; add one with its value, source and grade, and the words the policy uses in its phrases.`;
    const named: [string, string, string][] = [
      ["the dose received  during  a long walk", "a long walk", "5ft-a-long-walk"],
      ["sleeping  next to another person", "sleeping  next to another person", "5ft-sleeping-next-to-another"],
      ["a banana, then a walk", "a banana, then a walk", "5ft-a-banana-then-a"],
      ["eating a banana .", "eating a banana", "5ft-eating-a-banana"]
    ];
    for (const [words, name, id] of named) {
      const c = claimOf(`The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than ${words}`.replace(/(?<!\.)$/, "."), []);
      expect(c.id, words).toBe(id);
      expect(c.explanation, words).toBe(unknown(name));
    }
    expect(claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than the limits .", []).explanation).toMatch(/^A comparison with "the limits" is a claim of compliance/);
    // "… a chest x-ray or by eating a banana": the second alternative is named without its "by".
    for (const or of ["or by eating a banana", "or by  eating a banana"]) {
      const {statements} = extractStatements(`HEALTH AND SAFETY\n\nThe dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a chest x-ray ${or}.`);
      const second = statements.filter((s): s is ComparisonStatement => s.kind === "comparison")[1]!;
      expect(comparisonClaim(second, statements, []).explanation, or).toBe(unknown("eating a banana"));
    }
  });

  it("match an entry's phrase letter for letter, whatever the case and the spaces, its dots taken literally", () => {
    const scan = entry("ct", 5, {anchor: "a CT scan", phrases: ["c.t. scan", "dental scan", "strasse"]});
    expect(lessThan("a C.T. scan").id).toBe("5ft-a-c-t-scan");
    expect(claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a C.T. scan.", [scan]).id).toBe("5ft-ct");
    expect(claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a dental  scan.", [scan]).id).toBe("5ft-ct");
    // No letter is spelt another way: "ß" is not "ss".
    expect(claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a walk on the Straße.", [scan]).id).toBe("5ft-a-walk-on-the");
  });
});

describe("the everyday figures quoted for scale", () => {
  it("are each named without a leading article, one after the other", () => {
    // 2 µSv against 40 µSv: 20 times more.
    const c = claimOf("The dose at 5 ft for 10 seconds is 2 uSv. The dose at 5 ft is similar to a short plane flight.", [cruise(), entry("flight-new-york-los-angeles", 40, {anchor: "Havana – Miami flight"})]);
    expect(c.explanation).toMatch(/\) and Havana – Miami flight about 40 µSv \(20 times more; source flight-new-york-los-angeles, grade B\)\./);
    const trip: Referent = {slug: "trip", anchor: "cosmic-at-cruise", name: "a trip", pattern: /\btrip\b/i, over: {hours: 1, activity: "flying", note: "one hour"}, context: ["x1", "x2"]};
    REFERENTS.unshift(trip);
    try {
      const t = claimOf("The dose at 5 ft for 10 seconds is 2 uSv. The dose at 5 ft is similar to a trip.", [cruise(), entry("x1", 10, {anchor: "a first trip"}), entry("x2", 20, {anchor: "an other trip"})]);
      expect(t.explanation).toMatch(/; one hour\) and first trip about 10 µSv \(5 times more; source x1, grade B\) and other trip about 20 µSv \(10 times more; source x2, grade B\)\./);
    } finally {
      REFERENTS.shift();
    }
  });
});

describe("the policy's side of a comparison", () => {
  it("for a person scanned, is never a per-scan figure stated at a distance (that is a bystander's)", () => {
    // The 0.05 µSv is at 1 m: the only figure for the scanned person is the manufacturer's < 0.1 µSv (grade C).
    const c = claimOf("A person at 1 m receives 0.05 uSv per scan. The exposure to a person directly scanned is less than a chest x-ray.", [chest()]);
    expect(c).toMatchObject({verdict: "unsupported", numbers: {subject_low_uSv: 0.1, subject_high_uSv: 0.1}});
    expect(c.explanation).toMatch(/^The policy gives no dose for a person directly scanned; /);
  });

  it("at a distance, is a figure stated at that distance only", () => {
    const c = claimOf("The dose for 10 seconds is 5 uSv. The dose at 10 ft for 10 seconds is 5 uSv. The dose at 5 ft is less than a chest x-ray.", [chest()]);
    expect(c).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(c.explanation).toBe("The policy gives no dose at 5 ft, so there is nothing to compare with the everyday dose.");
  });
});

describe("an everyday figure with a period, against a dose", () => {
  it("is one period of it, named so unless its name says the period", () => {
    // 5 µSv against 8 to 10 µSv: 8 ÷ 5 = 1.6 to 10 ÷ 5 = 2 times more, so "less than" holds.
    const c = claimOf("The dose at 5 ft for 10 seconds is 5 uSv. The dose at 5 ft is less than natural background.", [background()]);
    expect(c).toMatchObject({id: "5ft-background", verdict: "consistent"});
    expect(c.explanation).toBe(
      "The policy states 5 uSv at 5 ft for 10 s. Natural background is taken as 8 to 10 µSv (one day of natural background; source natural-background-day; grade B). " +
        "Against the policy's 5 ft figures (5 uSv) it is 1.6 to 2 times more. The dose at 5 ft is below it, so the comparison holds."
    );
    const named = claimOf("The dose at 5 ft for 10 seconds is 5 uSv. The dose at 5 ft is less than natural background.", [background({anchor: "natural background per day"})]);
    expect(named.explanation).toMatch(/ is taken as 8 to 10 µSv \(natural background per day; source/);
    const capital = claimOf("The dose at 5 ft for 10 seconds is 5 uSv. The dose at 5 ft is less than natural background.", [background({anchor: "Natural background per Day"})]);
    expect(capital.explanation).toMatch(/ is taken as 8 to 10 µSv \(Natural background per Day; source/);
  });

  it("per hour, is one hour of it when the words say no more, and as many hours as a referent means", () => {
    // 1 µSv at 2 µSv an hour is 30 minutes; an hour of it is 2 µSv, twice the dose.
    const walk = entry("walk", 2, {anchor: "dose rate on a hill walk", per: "hour", phrases: ["a hill walk"]});
    const c = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a hill walk.", [walk]);
    expect(c).toMatchObject({id: "5ft-walk", verdict: "consistent"});
    expect(c.explanation).toBe(
      "The policy states 1 uSv at 5 ft for 10 s. At the dose rate on a hill walk of 2 µSv/h (source walk, grade B) that is 30 minute(s) of it, while one hour of it gives about 2 µSv (2 times more). " +
        "The dose at 5 ft is below it, so the comparison holds."
    );
    // A two-hour hike at 2 µSv an hour is 4 µSv.
    const hike: Referent = {slug: "hike", anchor: "walk", name: "a hike", pattern: /\bhike\b/i, over: {hours: 2, activity: "hiking", note: "two hours"}};
    REFERENTS.unshift(hike);
    try {
      const h = claimOf("The dose at 5 ft for 10 seconds is 1 uSv. The dose at 5 ft is less than a hike.", [walk]);
      expect(h.explanation).toMatch(/ that is 30 minute\(s\) of hiking, while a 2-hour hiking gives about 4 µSv \(4 times more; two hours\)\. /);
    } finally {
      REFERENTS.shift();
    }
  });
});
