import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  checkPolicy,
  checkPolicyClaims,
  diffPolicies,
  loadEverydayDoses,
  loadLimits,
  policyTextProblems,
  statedFigures,
  type ClaimResult,
  type EverydayDose,
  type Estimator,
  type PolicyCheckInput
} from "../../lib/compliance/index.js";
import {extractStatements} from "../../lib/compliance/policy-statements.js";
import {compare} from "../../lib/compliance/policy-comparisons.js";

// The policy as published [NYPD-IUP], in the copy the product ships; its absence is a failure, never a fallback.
const POLICY = new URL("../../data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt", import.meta.url);
if (!existsSync(POLICY)) throw new Error("data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt is missing: the policy claims cannot be checked without it");
const policyText = readFileSync(POLICY, "utf8");
const fixture = (name: string) => readFileSync(new URL(`../fixtures/policy/${name}`, import.meta.url), "utf8");
const revised = fixture("2026-04-01-revised-policy.txt");
const otherAgency = fixture("other-agency-policy.txt");

const loaded = () => loadEverydayDoses(readFileSync(new URL("../../data/everyday-doses.json", import.meta.url), "utf8"), "data/everyday-doses.json");
const everyday = () => loaded().doses;
const limits = () => loadLimits(readFileSync(new URL("../../data/limits.json", import.meta.url), "utf8"), "data/limits.json").limits;
const input = (): PolicyCheckInput => ({everyday: everyday(), limits: limits()});
const claims = () => checkPolicyClaims(policyText, input());
const claim = (id: string, list: ClaimResult[] = claims()) => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in ${list.map((x) => x.id).join(", ")}`);
  return c;
};
const verdicts = (list: ClaimResult[]) => Object.fromEntries(list.map((c) => [c.id, c.verdict]));
/** Stated at 5 ft: 0.09 to 0.16 µSv in 10 s; at 10 ft: 0.03 to 0.04 µSv. */
const fixed = (dose: number): Estimator => () => ({dose_uSv: dose, lower95_uSv: 0.9 * dose, upper95_uSv: 1.1 * dose, determinable: true});

describe("everyday doses in data/everyday-doses.json", () => {
  it("load without problems and hold the values of the reference table with their grades", () => {
    expect(loaded().problems).toEqual([]);
    const byId = Object.fromEntries(everyday().map((d) => [d.id, d]));
    // Each anchor as its source states it (docs/sources.md), in µSv: [µSv, µSv high, per, grade]
    const expected: Record<string, [number, number | null, string | null, string]> = {
      "us-average-all-sources": [6200, null, "year", "B"],
      "us-ubiquitous-background": [3100, null, "year", "B"],
      "natural-background-day": [8, 10, "day", "B"],
      "cosmic-at-cruise": [6, null, "hour", "B"],
      "flight-new-york-los-angeles": [40, null, null, "B"],
      "chest-x-ray-pa": [20, null, null, "B"],
      "day-in-rocky-mountains": [0.5, 1.5, "day", "C"]
    };
    for (const [id, [v, high, per, grade]] of Object.entries(expected)) {
      expect(byId[id], id).toMatchObject({value_uSv: v, value_high_uSv: high, per, grade, phrases: []});
    }
    expect(byId["natural-background-day"]!.source).toBe("RSNA 2014 bulletin (ACR, about 8 µSv); NIST news release 2014 (about 10 µSv)");
  });

  it("name each anchor's documents by their bibliography ids, and none for the one without a source", () => {
    expect(Object.fromEntries(everyday().map((d) => [d.id, d.sources]))).toEqual({
      "us-average-all-sources": ["NCRP-160"],
      "us-ubiquitous-background": ["NCRP-160"],
      "natural-background-day": ["RSNA-2014", "NIST-2014"],
      "cosmic-at-cruise": ["FAA-AC-120-52"],
      "flight-new-york-los-angeles": ["NIST-2014"],
      "chest-x-ray-pa": ["Mettler-2008"],
      "day-in-rocky-mountains": []
    });
    const dose = {id: "x", anchor: "a", value: 1, unit: "µSv", per: null, source: "s", grade: "B", note: "n"};
    const {doses, problems} = loadEverydayDoses(JSON.stringify({doses: [{...dose, sources: ["Mettler2008"]}, dose]}), "d.json");
    expect(doses).toEqual([]);
    expect(problems.map((p) => p.column)).toEqual(["$.doses[0].sources[0]", "$.doses[1].sources"]);
    expect(problems[0]!.message).toContain('did you mean "Mettler-2008"?');
  });

  it("reports a required anchor that is missing, a unit that is not a dose, and phrases that are not texts", () => {
    const {problems} = loadEverydayDoses(JSON.stringify({doses: [{id: "x", anchor: "a", value: 1, unit: "mGy", per: null, source: "s", sources: [], grade: "B", note: "n", phrases: ["ok", 3]}]}), "d.json", ["cosmic-at-cruise"]);
    expect(problems.map((p) => p.column)).toEqual(["$.doses[0].phrases[1]", "$.doses[0].unit", "$.doses"]);
    expect(problems[2]!.message).toMatch(/"cosmic-at-cruise"/);
  });
});

describe("every claim of every test text", () => {
  const texts = {shipped: policyText, revised, "other agency": otherAgency};
  for (const [name, text] of Object.entries(texts)) {
    it(`quotes the ${name} policy exactly, with or without field data`, () => {
      for (const estimate of [undefined, fixed(0.1)]) {
        const list = checkPolicyClaims(text, {...input(), ...(estimate ? {estimate} : {})});
        expect(list.length).toBeGreaterThan(5);
        for (const c of list) {
          expect(text.includes(c.quote), `${c.id}: ${c.quote}`).toBe(true);
          expect(c.explanation.length, c.id).toBeGreaterThan(40);
        }
        expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
      }
    });
  }
});

describe("the shipped policy's claims", () => {
  it("are all from the health-and-safety section, whose heading is in the text", () => {
    expect(policyText).toContain("\nHEALTH & SAFETY REPORTING\n");
    const section = policyText.slice(policyText.indexOf("\nHEALTH & SAFETY REPORTING\n"), policyText.indexOf("\nDISPARATE IMPACTS"));
    for (const c of claims()) {
      expect(section, c.id).toContain(c.quote);
      expect(c.section).toBe("HEALTH & SAFETY REPORTING");
    }
  });

  it("ship the policy copy byte for byte", () => {
    // SHA-256 of the policy's text as published, taken when the copy was made: an edit to the copy fails here.
    expect(createHash("sha256").update(readFileSync(POLICY)).digest("hex")).toBe("8acd9f59a15c98949264705ccad9fe41515cb7f9f618447e576867bfc089bfb1");
    expect(policyText).toContain("HEALTH & SAFETY REPORTING");
  });

  it("get the verdicts of the check written for this text, without field data", () => {
    expect(verdicts(claims())).toEqual({
      "standards-named": "unsupported",
      "background-comparison": "inconsistent",
      // The policy gives no per-scan dose, and the manufacturer's figure is grade C: shown, but it decides nothing.
      "direct-scan-flight": "unsupported",
      "direct-scan-rocky-mountains": "unsupported",
      "units-5ft": "inconsistent",
      "units-10ft": "inconsistent",
      "inverse-square-upper": "consistent",
      "inverse-square-lower": "inconsistent",
      "trivial-by-icrp": "unsupported",
      "field-data-5ft": "unsupported",
      "field-data-10ft": "unsupported"
    });
  });

  it("quote whole sentences, the flight comparison up to its first alternative, and the 5 ft and 10 ft sentences together", () => {
    expect(claim("direct-scan-flight").quote).toBe("The exposure to a person directly scanned by the device is similar to exposure received during a short plane flight");
    expect(claim("direct-scan-rocky-mountains").quote).toMatch(/short plane flight or by spending a day in the Rocky Mountains\.$/);
    expect(claim("inverse-square-upper").quote).toBe(`${claim("units-5ft").quote} ${claim("units-10ft").quote}`);
  });

  it("find 0.009 mrem = 9 µrem, not 3, and 0.3 µR an exposure ten times below 3 µrem", () => {
    expect(claim("units-5ft").numbers["0.009 mrem in urem"]).toBe(9);
    expect(claim("units-5ft").explanation).toMatch(/"16 urem\/microrem" agrees.*"3 urem" does not/);
    expect(claim("units-10ft").numbers["0.003 mrem in urem"]).toBe(3);
    expect(claim("units-10ft").explanation).toMatch(/exposure, not a dose.*10 times less than 3 µrem/);
  });

  it("check 5 ft → 10 ft against 1/4, with air attenuation over 1.524 m and rounding of the last digit", () => {
    // exp(−0.7779 cm²/g × 1.205e-3 g/cm³ × 152.4 cm) = 0.8667 at 20 keV, so 0.2167 to 0.25.
    const upper = claim("inverse-square-upper").numbers;
    expect(upper.stated_ratio).toBe(0.25);
    expect(upper.physical_ratio_low).toBeCloseTo(0.25 * Math.exp(-0.7779 * 1.205e-3 * 152.4), 3);
    // 0.0035/0.0165 = 0.2121 to 0.0045/0.0155 = 0.2903: contains 0.25.
    expect(upper.stated_ratio_low).toBeCloseTo(0.212, 3);
    expect(upper.stated_ratio_high).toBeCloseTo(0.29, 3);
    // 0.0025/0.0095 = 0.263 to 0.0035/0.0085 = 0.412: misses 0.217–0.25.
    const lower = claim("inverse-square-lower").numbers;
    expect(lower.stated_ratio).toBeCloseTo(1 / 3, 2);
    expect(lower.stated_ratio_low).toBeCloseTo(0.263, 3);
    expect(lower.stated_ratio_high).toBeCloseTo(0.412, 3);
    expect(claim("inverse-square-lower").explanation).toMatch(/"five \(5\) and ten \(10\) feet away from the center of the device".*its upper figures follow 1\/4 exactly\.$/);
  });

  it("compare the 5 ft rate with natural background: 0.16 µSv per 10 s is 57.6 µSv/h, 138 to 173 times 8–10 µSv a day", () => {
    const c = claim("background-comparison");
    expect(c.numbers.rate_5ft_uSv_per_h).toBe(57.6);
    expect(c.numbers.rate_10ft_uSv_per_h).toBe(14.4);
    expect(c.numbers.background_high_uSv_per_h).toBeCloseTo(10 / 24, 3);
    expect(c.explanation).toMatch(/138 to 173 times/);
    expect(c.explanation).toMatch(/8.33 to 10.4 minutes/);
  });

  it("compare a direct scan (< 0.1 µSv, manufacturer) with an hour of flying at 6 µSv/h and New York – Los Angeles at 40 µSv", () => {
    const c = claim("direct-scan-flight");
    expect(c.explanation).toMatch(/60 times more.*400 times more/);
    expect(c.explanation).toMatch(/grade C/);
  });

  it("compute the comparison verdicts from the anchors, not fixed text", () => {
    // The shipped policy states no per-scan dose: the manufacturer's grade C figure (0.1 µSv) is shown but decides
    // nothing. If flying gave 0.1 µSv an hour, an hour's flight would equal it. (The revised policy's own per-scan
    // figure decides: see "uses it for the flight comparison" below.)
    const slowSky: EverydayDose[] = everyday().map((d) => (d.id === "cosmic-at-cruise" ? {...d, value: 0.1, value_uSv: 0.1} : d));
    const shipped = claim("direct-scan-flight", checkPolicyClaims(policyText, {...input(), everyday: slowSky}));
    expect(shipped.verdict).toBe("unsupported");
    expect(shipped.explanation).toMatch(/that is 60 minute\(s\) of flying, .*, but the per-scan dose does not rest on a reliable source, so it can be neither confirmed nor refuted\./);
    // A well-sourced Rocky Mountains figure of 0.2 µSv a day leaves only the scan's side unreliable: still unsupported,
    // and the explanation now blames the per-scan figure instead of both.
    const sourcedRockies = everyday().map((d) => (d.id === "day-in-rocky-mountains" ? {...d, grade: "A" as const, value_uSv: 0.2, value_high_uSv: 0.2} : d));
    const rockies = claim("direct-scan-rocky-mountains", checkPolicyClaims(policyText, {...input(), everyday: sourcedRockies}));
    expect(rockies.verdict).toBe("unsupported");
    expect(rockies.explanation).toMatch(/it is 2 times more, but the per-scan dose does not rest on a reliable source/);
    expect(claim("direct-scan-rocky-mountains").explanation).toMatch(/, but neither side of the comparison rests on a reliable source/);
    // Without its table entry, a comparison is unsupported and names the entry.
    const noRockies = everyday().filter((d) => d.id !== "day-in-rocky-mountains");
    expect(claim("direct-scan-rocky-mountains", checkPolicyClaims(policyText, {...input(), everyday: noRockies})).explanation).toMatch(/has no entry "day-in-rocky-mountains"/);
  });

  it("give the policy's own figures at 5 ft and 10 ft, quoted exactly", () => {
    expect(statedFigures(policyText, extractStatements(policyText).statements)).toEqual([
      {label: "5 ft for 10 s", quote: "0.016 mrem (or 16 urem/microrem)", distance_m: expect.closeTo(1.524, 10), duration_s: 10, dose_uSv: 0.16},
      {label: "10 ft for 10 s", quote: "0.004 mrem (or 4 urem)", distance_m: expect.closeTo(3.048, 10), duration_s: 10, dose_uSv: 0.04}
    ]);
  });
});

describe("the field-data checks", () => {
  it("are consistent when the model's interval overlaps the stated range, and ask for 5 ft and 10 ft in metres", () => {
    const asked: number[] = [];
    const model: Estimator = (q) => {
      asked.push(q.distance_m, q.duration_s);
      return fixed(q.distance_m < 2 ? 0.12 : 0.035)(q);
    };
    const withData = checkPolicyClaims(policyText, {...input(), estimate: model});
    expect(asked).toEqual([1.524, 10, 3.048, 10].map((v) => expect.closeTo(v, 10)));
    expect(claim("field-data-5ft", withData).verdict).toBe("consistent");
    expect(claim("field-data-10ft", withData).verdict).toBe("consistent");
  });

  it("are inconsistent when the whole interval lies above the stated range", () => {
    const c = claim("field-data-5ft", checkPolicyClaims(policyText, {...input(), estimate: fixed(0.2)})); // 0.18 to 0.22 µSv
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toMatch(/above the stated range/);
    expect(c.explanation).toMatch(/its parenthetical figures disagree with them/);
  });

  it("are unsupported when the model cannot give a dose", () => {
    const c = claim("field-data-10ft", checkPolicyClaims(policyText, {...input(), estimate: () => ({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "fit did not converge"})}));
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toMatch(/fit did not converge/);
  });
});

describe("a revised policy with new figures (test/fixtures/policy/2026-04-01-revised-policy.txt)", () => {
  const check = () => checkPolicy(revised, input());
  const list = () => check().claims;

  it("is read from its own text: 6 ft and 12 ft, a per-scan figure, a rate, a dental X-ray and a figure in mrad", () => {
    expect(verdicts(list())).toEqual({
      "standards-named": "unsupported",
      "background-comparison": "inconsistent",
      "units-per-scan": "consistent",
      "per-scan-limits": "consistent",
      "direct-scan-flight": "inconsistent",
      "direct-scan-dental-x-ray": "unsupported",
      "units-6ft": "consistent",
      "inverse-square-upper": "consistent",
      "inverse-square-lower": "consistent",
      "field-data-6ft": "unsupported",
      "units-12ft": "inconsistent",
      "rate-12ft-vs-dose-12ft": "consistent",
      "field-data-12ft": "unsupported",
      "rate-12ft-vs-dose-6ft": "inconsistent",
      "field-data-12ft-rate": "unsupported",
      "not-checked": "not-checked",
      "trivial-by-ncrp": "unsupported"
    });
  });

  it("finds the new unit error: 0.002 mrem is 2 µrem, not 20", () => {
    const c = claim("units-12ft", list());
    expect(c.numbers["0.002 mrem in urem"]).toBe(2);
    expect(c.explanation).toMatch(/"3 urem" agrees.*"20 urem" does not/);
  });

  it("finds the 12 ft rate contradicting the 6 ft doses: 0.0075 mrem per 10 s is 27 µSv/h, a quarter of it less air is 5.69 µSv/h, above 0.55 mrem/h", () => {
    const c = claim("rate-12ft-vs-dose-6ft", list());
    // 0.0075 mrem = 0.075 µSv in 10 s = 27 µSv/h; × 0.25 × exp(−0.7779 × 1.205e-3 × 182.88) = 27 × 0.2106 = 5.687.
    expect(c.numbers.carried_low).toBeCloseTo(27 * 0.25 * Math.exp(-0.7779 * 1.205e-3 * 182.88), 2);
    expect(c.numbers.stated_high).toBe(5.5);
    expect(c.quote).toBe("The dose rate at twelve (12) feet from the device does not exceed 0.5 mrem per hour.");
    expect(c.explanation).toMatch(/^Against "Total exposure at six \(6\) feet/);
  });

  it("checks its per-scan figure against N43.17 (0.25 µSv) and uses it for the flight comparison: 6 µSv is at least 120 times 0.05 µSv", () => {
    expect(claim("per-scan-limits", list()).numbers).toMatchObject({stated_high_uSv: 0.05, L1_uSv: 0.25, L2_uSv: 10, L14_uSv: 0.1, "N43.16_uSv": null});
    expect(claim("direct-scan-flight", list()).explanation).toMatch(/^The policy states at most 0.005 mrem per scan.*at least 120 times more/);
  });

  it("judges a per-scan figure against N43.17 only when every dose it allows is within or above 0.25 µSv", () => {
    const text = "SAFETY\n\nAn occupant receives less than 0.05 mrem per scan. An occupant receives 0.05 mrem per scan.";
    const list = checkPolicyClaims(text, input()); // at most 0.5 µSv: either side of 0.25 µSv; exactly 0.5 µSv: above
    expect([claim("per-scan-limits", list).verdict, claim("per-scan-limits-2", list).verdict]).toEqual(["unsupported", "inconsistent"]);
    expect(claim("per-scan-limits", list).explanation).toMatch(/Possibly above L1.*Within L2/);
  });

  it("names what the everyday-dose table lacks, and compares once the table has an entry with the policy's words", () => {
    expect(claim("direct-scan-dental-x-ray", list()).explanation).toMatch(/has no entry "dental-x-ray" for a dental X-ray/);
    const bitewing: EverydayDose = {id: "dental-bitewing", anchor: "a dental X-ray (bitewing)", value: 5, value_high: null, unit: "µSv", per: null, source: "a test source", sources: [], grade: "B", note: "", phrases: ["dental x-ray"], value_uSv: 5, value_high_uSv: null};
    const c = claim("direct-scan-dental-x-ray", checkPolicyClaims(revised, {...input(), everyday: [...everyday(), bitewing]}));
    expect(c.verdict).toBe("consistent"); // at most 0.05 µSv per scan, less than 5 µSv
    expect(c.explanation).toMatch(/a test source; grade B/);
  });

  it("lists the sentence it cannot read as not checked, with the reason", () => {
    const c = claim("not-checked", list());
    expect(c.quote).toBe("Surveys at the cordon found less than 0.2 mrad.");
    expect(c.explanation).toMatch(/"0.2 mrad": the rad \(absorbed dose\)/);
  });

  it("reads nothing outside the health-and-safety section (the five years of the abstract)", () => {
    expect(list().every((c) => c.section === "HEALTH & SAFETY REPORTING")).toBe(true);
    expect(list().some((c) => c.quote.includes("five (5) years"))).toBe(false);
  });
});

describe("another agency's layout (test/fixtures/policy/other-agency-policy.txt)", () => {
  const list = () => checkPolicyClaims(otherAgency, input());
  it("reads metres, microsieverts, hard-wrapped sentences and a rate without a stated duration", () => {
    expect(verdicts(list())).toEqual({
      "units-2m": "consistent",
      "inverse-square": "consistent",
      "rate-10m-vs-dose-2m": "consistent",
      "field-data-2m": "unsupported",
      "units-4m": "consistent",
      "rate-10m-vs-dose-4m": "consistent",
      "field-data-4m": "unsupported",
      "per-scan-limits": "consistent",
      "not-checked": "not-checked",
      "field-data-10m-rate": "unsupported"
    });
    expect(claim("units-2m", list()).section).toBe("Radiation Safety");
    // 0.05 µSv in 30 s at 2 m is 6 µSv/h; at 10 m, (2/10)² = 0.04 with air over 8 m (exp(−0.7779 × 1.205e-3 × 800) = 0.472).
    expect(claim("rate-10m-vs-dose-2m", list()).numbers.carried_high).toBeCloseTo(6.6 * 0.04, 3);
    expect(claim("not-checked", list()).explanation).toMatch(/"two minutes": part of a comparison in numbers/);
  });

  it("asks the field data for the rate over one hour at 10 m", () => {
    const asked: [number, number][] = [];
    checkPolicyClaims(otherAgency, {...input(), estimate: (q) => (asked.push([q.distance_m, q.duration_s]), fixed(0.1)(q))});
    expect(asked).toContainEqual([10, 3600]);
    expect(asked).toContainEqual([2, 30]);
  });
});

describe("a comparison in words", () => {
  it("holds only when every value the policy allows does, reading the everyday side generously", () => {
    // "less than" 20 µSv: at most 0.05 µSv holds, 30–40 µSv fails, 10–30 µSv could be either.
    expect([compare("at-most", 0, 0.05, 20, 20), compare("at-most", 30, 40, 20, 20), compare("at-most", 10, 30, 20, 20)]).toEqual(["holds", "fails", "open"]);
    // "similar" (within 3×) to 6 µSv: 0.1 µSv is 60× less, 2 µSv 3× less, 1–10 µSv both; 4 µSv is within 3× of 8–10 µSv.
    expect([compare("similar", 0.1, 0.1, 6, 6), compare("similar", 2, 2, 6, 6), compare("similar", 1, 10, 6, 6), compare("similar", 4, 4, 8, 10)]).toEqual(["fails", "holds", "open", "holds"]);
    expect(compare("similar", 0, 0.05, 6, 6)).toBe("fails");
  });

  it("is unsupported when the policy's figures allow both outcomes", () => {
    const text = "SAFETY\n\nA person directly scanned receives between 0.5 and 5 mrem per scan. The exposure to a person directly scanned is less than a chest x-ray.";
    const c = claim("direct-scan-chest-x-ray", checkPolicyClaims(text, input()));
    expect(c.verdict).toBe("unsupported"); // 5 to 50 µSv against 20 µSv
    expect(c.explanation).toMatch(/allow values for which the comparison holds and values for which it does not/);
  });
});

describe("sentences the check reads with care", () => {
  const text = [
    "HEALTH AND SAFETY",
    "",
    "The annual dose to a member of the public is less than 1 mrem per year. The dose at 5 ft, 0.016 mrem, is less than a chest x-ray. " +
      "The dose is well below the limits set by the NRC. The dose at 10 ft is 0.004 mrem, or 4 µrem."
  ].join("\n");
  const list = () => checkPolicyClaims(text, input());

  it("does not set a dose per year against the level while the beam is on", () => {
    expect(claim("not-checked", list()).explanation).toMatch(/^"1 mrem per year": a dose per year, averaged over time/);
    expect(list().filter((c) => c.id.startsWith("rate-"))).toEqual([]);
  });

  it("compares a figure with a chest X-ray of 20 µSv [Mettler-2008], and says a figure without a duration cannot meet field data", () => {
    expect(claim("5ft-chest-x-ray", list())).toMatchObject({verdict: "consistent", numbers: {subject_high_uSv: 0.16, everyday_high_uSv: 20, ratio_low: 125}});
    expect(claim("field-data-5ft", list()).explanation).toMatch(/without a duration/);
  });

  it("calls a comparison with a limit a claim of compliance, and reads a restatement after a comma", () => {
    expect(claim("comparison-limits", list()).explanation).toMatch(/claim of compliance/);
    expect(claim("units-10ft", list())).toMatchObject({verdict: "consistent", numbers: {"0.004 mrem in urem": 4}});
  });
});

describe("many statements", () => {
  /** Doses at 1 … n ft for 10 s from a point source of 400 µrem·ft² (exactly inverse square, 4 significant digits). */
  const text = (n: number) => `HEALTH & SAFETY\n\n${Array.from({length: n}, (_, i) => `Total exposure at ${i + 1} feet for 10 seconds is ${(400 / (i + 1) ** 2).toPrecision(4)} urem.`).join(" ")}\n`;

  it("compares every pair of a few, and each with its neighbour in distance beyond twelve, all consistent with the inverse square law", () => {
    const few = checkPolicyClaims(text(4), input()).filter((c) => c.id.startsWith("inverse-square"));
    expect(few).toHaveLength(6); // 4 × 3 / 2
    const many = checkPolicyClaims(text(20), input()).filter((c) => c.id.startsWith("inverse-square"));
    expect(many.map((c) => c.id)).toEqual(Array.from({length: 19}, (_, i) => `inverse-square-${i + 1}ft-${i + 2}ft`));
    expect(many.every((c) => c.verdict === "consistent")).toBe(true);
  });

  it("reads a text of hundreds of statements and quotes it exactly", () => {
    const long = text(12).repeat(50);
    const list = checkPolicyClaims(long, input());
    expect(list.length).toBeGreaterThan(600);
    for (const c of list) expect(long.includes(c.quote)).toBe(true);
  });
});

describe("texts that cannot be checked", () => {
  it("say when there is no health-and-safety section, or no figure in it", () => {
    const none = policyTextProblems(checkPolicy(fixture("no-health-section.txt"), input()), "no-health-section.txt");
    expect(none).toHaveLength(1);
    expect(none[0]!.message).toMatch(/^has no health-and-safety section/);
    const empty = policyTextProblems(checkPolicy(fixture("no-figures.txt"), input()), "no-figures.txt");
    expect(empty[0]!.message).toMatch(/"HEALTH & SAFETY REPORTING"\) states no dose, dose rate or comparison/);
    expect(policyTextProblems(checkPolicy(policyText, input()), "p.txt")).toEqual([]);
  });
});

describe("the changes between two versions", () => {
  const diff = () => diffPolicies(checkPolicy(policyText, input()), checkPolicy(revised, input()));

  it("lists the figures as written in each version", () => {
    expect(diff().figures).toContainEqual({label: "dose at 5 ft for 10 s, upper figure", old: "0.016 mrem", new: null});
    expect(diff().figures).toContainEqual({label: "dose at 6 ft for 10 s, upper figure", old: null, new: "0.012 mrem"});
    expect(diff().figures).toContainEqual({label: "dose rate at 12 ft (at most)", old: null, new: "0.5 mrem per hour"});
  });

  it("lists claims whose verdict changed, and claims new and gone", () => {
    expect(diff().verdicts).toEqual([
      // The revision states its own per-scan figure, which can decide what the manufacturer's grade C figure could not.
      {id: "direct-scan-flight", check: "Does a direct scan compare with a short plane flight?", old: "unsupported", new: "inconsistent"},
      {id: "inverse-square-lower", check: "Do the lower figures at 6 ft and 12 ft follow the inverse square law?", old: "inconsistent", new: "consistent"}
    ]);
    expect(diff().added.map((c) => c.id)).toEqual(expect.arrayContaining(["per-scan-limits", "direct-scan-dental-x-ray", "rate-12ft-vs-dose-6ft", "not-checked", "trivial-by-ncrp"]));
    expect(diff().removed.map((c) => c.id)).toEqual(expect.arrayContaining(["units-5ft", "direct-scan-rocky-mountains", "trivial-by-icrp"]));
  });

  it("finds a changed figure at the same place, and nothing when the text is the same", () => {
    const edited = policyText.replace("0.009 mrem (or 3 urem)", "0.009 mrem (or 9 urem)");
    const d = diffPolicies(checkPolicy(policyText, input()), checkPolicy(edited, input()));
    expect(d.figures).toEqual([{label: "dose at 5 ft for 10 s, lower figure (restated)", old: "3 urem", new: "9 urem"}]);
    expect(d.verdicts).toEqual([{id: "units-5ft", check: "Do the units inside the 5 ft statement agree?", old: "inconsistent", new: "consistent"}]);
    expect(diffPolicies(checkPolicy(policyText, input()), checkPolicy(policyText, input()))).toEqual({figures: [], verdicts: [], added: [], removed: []});
  });
});
