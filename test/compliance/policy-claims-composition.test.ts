// Which checks lib/compliance/policy-claims.ts makes of each statement of a small hand-made policy, in what order and
// under which ids, and the phrase checks (standards named, a risk called trivial) with the figures they quote.
import {describe, expect, it} from "vitest";
import type {Limit} from "../../lib/compliance/limits.js";
import {checkPolicy, checkPolicyClaims, policyTextProblems, statedFigures, type ClaimResult} from "../../lib/compliance/policy-claims.js";
import {extractStatements} from "../../lib/compliance/policy-statements.js";

const limit = (id: string, value_uSv: number, kind: Limit["kind"], period: Limit["period"], grade: Limit["grade"] = "B"): Limit => ({
  id, body: "B", document: `doc ${id}`, edition: null, clause: null, protects: ["member-of-the-public"], quantity: "effective-dose",
  value: value_uSv, unit: "uSv", stated: `${value_uSv} µSv`, period, period_note: null, kind, jurisdiction: "x", source: `source ${id}`,
  sources: [], grade, note: "", conversion: null, value_uSv, value_uR: null
});
/** N43.17's 0.25 µSv per screening, and the NCRP's negligible 10 µSv a year (L13). */
const limits = () => [limit("L1", 0.25, "design-criterion", "per-screening"), limit("L13", 10, "reference-level", "calendar-year")];
const run = (body: string, more: {limits?: Limit[]} = {}) => checkPolicyClaims(`HEALTH AND SAFETY\n\n${body}`, {everyday: [], limits: more.limits ?? limits()});
const ids = (list: ClaimResult[]) => list.map((c) => `${c.id}:${c.verdict}`);
const byId = (list: ClaimResult[], id: string) => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in ${list.map((x) => x.id).join(", ")}`);
  return c;
};

describe("the checks each statement gets", () => {
  it("a dose at a distance for a duration: the pair, then the field data (unsupported without a model)", () => {
    const list = run("The dose at 2 m for 10 seconds is 1.00 uSv. The dose at 1 m for 10 seconds is 4.00 uSv.");
    // Both sentences start the pair's quote: it comes first, before the field data of the first sentence.
    expect(ids(list)).toEqual(["inverse-square:consistent", "field-data-2m:unsupported", "field-data-1m:unsupported"]);
    expect(list[0]!.quote).toBe("The dose at 2 m for 10 seconds is 1.00 uSv. The dose at 1 m for 10 seconds is 4.00 uSv.");
    expect(list[0]!.section).toBe("HEALTH AND SAFETY");
  });

  it("a per-scan dose: its units, then the per-screening limits, and no field data", () => {
    const list = run("A person scanned receives less than 0.01 mrem (0.1 uSv) per scan.");
    expect(ids(list)).toEqual(["units-per-scan:consistent", "per-scan-limits:consistent"]);
  });

  it("a figure with no distance and nothing to pair with: listed as uncheckable, numbered when the id repeats", () => {
    const list = run("The dose rate is at most 2 uSv/h. The dose is 0.016 mrem. The dose rate is at most 3 uSv/h.");
    expect(ids(list)).toEqual(["figure-rate:unsupported", "figure-dose:unsupported", "figure-rate-2:unsupported"]);
    expect(list.map((c) => c.quote)).toEqual(["The dose rate is at most 2 uSv/h.", "The dose is 0.016 mrem.", "The dose rate is at most 3 uSv/h."]);
  });

  it("a rate without a distance paired with a dose is not listed again as uncheckable", () => {
    const list = run("The dose at 1 m for 10 seconds is 0.100 uSv. The dose rate is at most 40 uSv/h.");
    expect(ids(list)).toEqual(["rate-vs-dose-1m:consistent", "field-data-1m:unsupported"]);
  });

  it("a figure whose units disagree: the field data say so when they take its main figures", () => {
    const text = "HEALTH AND SAFETY\n\nThe dose at 5 ft for 10 seconds is 0.016 mrem (or 3 urem).";
    const list = checkPolicyClaims(text, {everyday: [], limits: limits(), estimate: () => ({dose_uSv: 0.16, lower95_uSv: 0.15, upper95_uSv: 0.17, determinable: true})});
    expect(ids(list)).toEqual(["units-5ft:inconsistent", "field-data-5ft:consistent"]);
    expect(list[1]!.explanation).toMatch(/taking its mrem figures \(its parenthetical figures disagree with them\)/);
    const agreeing = checkPolicyClaims(text.replace("3 urem", "16 urem"), {everyday: [], limits: limits(), estimate: () => ({dose_uSv: 0.16, lower95_uSv: 0.15, upper95_uSv: 0.17, determinable: true})});
    expect(byId(agreeing, "field-data-5ft").explanation).toMatch(/taking its mrem figures\. /);
  });

  it("a sentence with a number it cannot read: listed as not checked, last in its sentence", () => {
    const list = run("The annual dose to a member of the public is less than 1 mrem per year.");
    expect(ids(list)).toEqual(["not-checked:not-checked"]);
    expect(list[0]!.check).toBe("Could the numbers in this sentence be read?");
    expect(list[0]!.explanation).toMatch(/^"1 mrem per year": a dose per year.*\. The sentence is listed so that no figure in the policy goes unreported; the check says nothing about whether it is right\.$/);
  });
});

describe("standards named", () => {
  it("say which documents are named and what the bodies set, and are never checked", () => {
    const bodies = byId(run("The device complies with ANSI, ICRP and Euratom standards."), "standards-named");
    expect(bodies).toMatchObject({verdict: "unsupported", check: "Are the standards and the measurement identified?", numbers: {N43_17_per_screening_uSv: 0.25, public_annual_limit_uSv: 1000}});
    expect(bodies.explanation).toBe(
      "The statement names bodies, not documents, editions, clauses or a measurement report, so it cannot be checked. " +
        "The ANSI standard for a vehicle backscatter van is ANSI/HPS N43.16-2021 [ANSI-N43.16], whose numeric limits are not publicly available; ANSI/HPS N43.17-2009 [ANSI-N43.17] sets 0.25 µSv per screening for people screened (grade B summary). " +
        "Euratom (2013/59, Art. 22) [Euratom-2013-59] and ICRP (103, 125) [ICRP-103] [ICRP-125] set justification, optimisation and dose limits (1 mSv a year for the public), not measurement procedures. " +
        "No third-party measurement is cited."
    );
    const documents = byId(run("The device is measured according to ANSI/HPS N43.17 and NCRP Report 147 and FDA rules."), "standards-named");
    expect(documents.explanation).toMatch(/^The statement names N43.17, Report 147 but no measurement report or result, so compliance cannot be checked from the text\. The ANSI standard .* NCRP, FDA are named without a document\. No third-party measurement is cited\.$/);
    const one = byId(run("Compliance with ICRP standards and FDA rules."), "standards-named");
    expect(one.explanation).toMatch(/ICRP \(103, 125\) \[ICRP-103\] \[ICRP-125\] sets justification.* FDA is named without a document\. No third-party/);
    expect(byId(run("Compliance with FDA standards."), "standards-named").explanation).toBe(
      "The statement names bodies, not documents, editions, clauses or a measurement report, so it cannot be checked. FDA is named without a document. No third-party measurement is cited."
    );
  });
});

describe("a risk called trivial by a named body", () => {
  it("puts the NCRP's negligible dose in exposures and beam-on minutes at the nearest stated figure", () => {
    // Nearest: 0.1 µSv per 10 s at 1 m; 10 µSv ÷ 0.1 µSv = 100 exposures, 100 × 10 s = 16.7 minutes.
    const list = run("The dose at 2 m for 10 seconds is 0.025 uSv. The dose at 1 m for 10 seconds is between 0.05 and 0.1 uSv. The risk is considered trivial by the ICRP.");
    const c = byId(list, "trivial-by-icrp");
    expect(c).toMatchObject({verdict: "unsupported", check: "Does the ICRP call this risk trivial?", numbers: {negligible_dose_uSv_per_year: 10, "1m_10s_uSv": 0.1}});
    expect(c.explanation).toBe(
      'Neither per-scan numbers nor the word "trivial" were found in ICRP Publication 125 (security screening) [ICRP-125] or ICRP 103 [ICRP-103]; the ICRP treats security screening as a planned exposure that must be justified and optimised, with the public limit of 1 mSv a year. ' +
        "The nearest published idea is the NCRP's negligible individual dose of 10 µSv a year per source (L13, grade B) [NCRP-116], which is not the ICRP's. " +
        "At the policy's 1 m figure (0.1 µSv per 10 s) that level is reached after 100 such exposures, 16.7 minutes of beam-on time."
    );
  });

  it("quotes the NCRP's own figure to the NCRP, and says another body publishes nothing cited", () => {
    const ncrp = byId(run("The dose is negligible according to NCRP."), "trivial-by-ncrp");
    expect(ncrp.check).toBe("Does the NCRP call this risk negligible?");
    expect(ncrp.explanation).toBe(
      'The policy cites no NCRP publication that calls this exposure "negligible", so the statement cannot be checked from the text. The NCRP\'s negligible individual dose is 10 µSv a year per source (L13, grade B) [NCRP-116].'
    );
    expect(ncrp.numbers).toEqual({negligible_dose_uSv_per_year: 10});
    const noL13 = byId(run("The dose at 1 m for 10 seconds is 0.1 uSv. The risk is insignificant by the EPA.", {limits: [limit("L1", 0.25, "design-criterion", "per-screening")]}), "trivial-by-epa");
    expect(noL13.explanation).toBe('The policy cites no EPA publication that calls this exposure "insignificant", so the statement cannot be checked from the text.');
    expect(noL13.numbers).toEqual({negligible_dose_uSv_per_year: null, "1m_10s_uSv": 0.1});
    const ungraded = byId(run("The dose is negligible according to NCRP.", {limits: [limit("L13", 10, "reference-level", "calendar-year", null)]}), "trivial-by-ncrp");
    expect(ungraded.explanation).toMatch(/\(L13, grade none\)/);
  });
});

describe("the order of the checks of one sentence", () => {
  it("puts phrases, comparisons, units, per-scan, pairs, field data, unusable figures and unread numbers in that order", () => {
    expect(ids(run("The dose at 1 m for 10 seconds is 0.01 mrem (0.1 uSv), in compliance with ANSI standards and less than a chest x-ray."))).toEqual([
      "standards-named:unsupported", "1m-chest-x-ray:unsupported", "units-1m:consistent", "field-data-1m:unsupported"
    ]);
    // The pair starts at the first sentence: after its units and per-scan checks, before the second sentence's.
    expect(ids(run("A person at 1 m receives 0.010 mrem (0.1 uSv) per scan. A person at 2 m receives 0.0025 mrem per scan."))).toEqual([
      "units-1m:consistent", "per-scan-limits:consistent", "inverse-square:consistent", "per-scan-limits-2:consistent"
    ]);
    expect(ids(run("The dose rate is at most 2 uSv/h and 3 mrem per year."))).toEqual(["figure-rate:unsupported", "not-checked:not-checked"]);
  });
});

describe("texts that cannot be checked, and the policy's own figures", () => {
  it("name the sections read when no figure is in them", () => {
    const check = checkPolicy("Intro\n\nHEALTH & SAFETY\n\nThe van is safe.\n\nRADIATION SAFETY\n\nIt is very safe.\n", {everyday: [], limits: []});
    const problems = policyTextProblems(check, "p.txt");
    expect(problems).toEqual([{severity: "error", file: "p.txt", message: 'its health-and-safety section ("HEALTH & SAFETY", "RADIATION SAFETY") states no dose, dose rate or comparison with an everyday dose, so there is nothing to check'}]);
  });

  it("list each dose at a distance for a duration by its highest figure, nearest first, never an at-least figure", () => {
    const text = "HEALTH AND SAFETY\n\nThe dose at 10 ft for 10 seconds is between 0.003 and 0.004 mrem. The dose at 5 ft for 10 seconds is at least 0.02 mrem. " +
      "The dose at 2 m for 1 minute is 0.016 mrem (or 16 urem). A person at 1 m receives 0.1 uSv per scan. The dose at 1 m is 0.2 uSv.";
    const figures = statedFigures(text, extractStatements(text).statements);
    expect(figures).toEqual([
      {label: "2 m for 1 min", quote: "0.016 mrem (or 16 urem)", distance_m: 2, duration_s: 60, dose_uSv: expect.closeTo(0.16, 12)},
      {label: "10 ft for 10 s", quote: "0.004 mrem", distance_m: expect.closeTo(3.048, 12), duration_s: 10, dose_uSv: expect.closeTo(0.04, 12)}
    ]);
  });
});
