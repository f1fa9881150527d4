// Rules of lib/compliance/policy-claims.ts on small hand-made policies, beyond the composition tests: which stated
// figure a phrase check quotes, a limits registry without a usable L13, a standards statement naming only HPS, every
// unread number listed, the rank of a comparison whatever words its id holds, and which figures count as stated.
import {describe, expect, it} from "vitest";
import type {Limit} from "../../lib/compliance/limits.js";
import {checkPolicyClaims, policyTextProblems, statedFigures, type ClaimResult} from "../../lib/compliance/policy-claims.js";
import {extractStatements} from "../../lib/compliance/policy-statements.js";

const limit = (id: string, value_uSv: number | null, grade: Limit["grade"] = "B"): Limit => ({
  id, body: "B", document: `doc ${id}`, edition: null, clause: null, protects: ["member-of-the-public"], quantity: "effective-dose",
  value: value_uSv, unit: "uSv", stated: `${value_uSv} µSv`, period: "calendar-year", period_note: null, kind: "reference-level", jurisdiction: "x", source: `source ${id}`,
  sources: [], grade, note: "", conversion: null, value_uSv, value_uR: null
});
const run = (body: string, limits: Limit[] = [limit("L13", 10)]) => checkPolicyClaims(`HEALTH AND SAFETY\n\n${body}`, {everyday: [], limits});
const byId = (list: ClaimResult[], id: string) => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in ${list.map((x) => x.id).join(", ")}`);
  return c;
};

describe("a risk called trivial: the figure it is put against", () => {
  it("uses the nearest dose statement that has both a distance and a duration", () => {
    // The 1 m statement has no duration and the unnamed one no distance: the 2 m figure is used.
    // 10 µSv ÷ 0.025 µSv = 400 exposures; 400 × 10 s = 4000 s = 66.7 minutes.
    const c = byId(run("The dose at 1 m is 0.1 uSv. The dose for 5 seconds is 0.5 uSv. The dose at 2 m for 10 seconds is 0.025 uSv. The risk is trivial by the ICRP."), "trivial-by-icrp");
    expect(c.explanation).toMatch(/ At the policy's 2 m figure \(0\.025 µSv per 10 s\) that level is reached after 400 such exposures, 66\.7 minutes of beam-on time\.$/);
    expect(c.numbers).toEqual({negligible_dose_uSv_per_year: 10, "2m_10s_uSv": 0.025});
  });

  it("says nothing of the NCRP when L13 has no value in µSv, and says 'grade none' to another body too", () => {
    const noValue = byId(run("The dose at 2 m for 10 seconds is 0.025 uSv. The risk is trivial by the ICRP.", [limit("L13", null)]), "trivial-by-icrp");
    expect(noValue.explanation).not.toMatch(/NCRP|exposures/);
    expect(noValue.numbers.negligible_dose_uSv_per_year).toBeNull();
    const ungraded = byId(run("The risk is trivial by the ICRP.", [limit("L13", 10, null)]), "trivial-by-icrp");
    expect(ungraded.explanation).toMatch(/negligible individual dose of 10 µSv a year per source \(L13, grade none\) \[NCRP-116\], which is not the ICRP's\.$/);
  });
});

describe("standards named", () => {
  it("adds no note for HPS alone, which is neither described nor 'named without a document'", () => {
    const c = byId(run("The device complies with HPS standards."), "standards-named");
    expect(c.explanation).toBe("The statement names bodies, not documents, editions, clauses or a measurement report, so it cannot be checked. No third-party measurement is cited.");
  });
});

describe("numbers not read", () => {
  it("lists every unread number of the sentence, each as its own sentence", () => {
    const c = byId(run("The annual dose is less than 1 mrem per year and 5 mrem per month."), "not-checked");
    expect(c.explanation).toMatch(/^"1 mrem per year": [^"]*\. "5 mrem per month": [^"]*\. The sentence is listed/);
  });
});

describe("the rank of a comparison in words", () => {
  it("comes before the units check of its sentence whatever words its id holds", () => {
    // An unknown referent's id is built from its words, so it can hold the words other checks' ids start with.
    for (const words of ["a units test", "a per-scan thing", "a rate meter", "field data", "a figure skater", "a not checked thing"]) {
      const list = run(`The dose at 1 m for 10 seconds is 0.01 mrem (0.1 uSv), less than ${words}.`);
      expect(list.map((c) => c.id.replace(/^1m-.*/, "comparison")), words).toEqual(["comparison", "units-1m", "field-data-1m"]);
    }
  });

  it("comes after a phrase of its sentence even when its id holds the phrase's word", () => {
    const list = run("The dose is less than a trivial thing, and the risk is trivial by the ICRP.");
    expect(list.map((c) => c.id.replace(/^comparison-.*/, "comparison"))).toEqual(["trivial-by-icrp", "comparison"]);
  });
});

describe("texts that cannot be checked, and stated figures", () => {
  it("a text without a health-and-safety section is an error", () => {
    // The message says what is missing and what would fix it (a heading on a line of its own), word for word.
    expect(policyTextProblems({sections: [], statements: []}, "p.txt")).toEqual([{
      severity: "error", file: "p.txt",
      message: 'has no health-and-safety section: no heading names health, safety or radiation (such as "HEALTH & SAFETY REPORTING" on a line of its own), so there is nothing to check; give the policy\'s full text with its headings'
    }]);
  });

  it("a text with a figure in its health-and-safety section has no problem", () => {
    const text = "HEALTH AND SAFETY\n\nThe dose at 2 m for 10 seconds is 0.025 uSv.";
    const statements = extractStatements(text).statements;
    expect(policyTextProblems({sections: ["HEALTH AND SAFETY"], statements}, "p.txt")).toEqual([]);
  });

  it("a stated figure needs a distance and a duration", () => {
    const text = "HEALTH AND SAFETY\n\nThe dose for 5 seconds is 0.5 uSv. The dose at 1 m is 0.1 uSv. The dose at 2 m for 10 seconds is 0.025 uSv.";
    expect(statedFigures(text, extractStatements(text).statements).map((f) => [f.label, f.distance_m, f.duration_s, f.dose_uSv])).toEqual([["2 m for 10 s", 2, 10, 0.025]]);
  });
});
