import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  CENTRE_QUOTE,
  HEALTH_AND_SAFETY,
  POLICY_FIGURES,
  REQUIRED_ANCHORS,
  checkPolicyClaims,
  loadEverydayDoses,
  missingQuotes,
  type ClaimResult,
  type EverydayDose,
  type Estimator
} from "../../lib/compliance/index.js";

// The policy as published [NYPD-IUP], in the copy the product ships; its absence is a failure, never a fallback.
const POLICY = new URL("../../data/policy/mobile-xray-impact-and-use-policy.txt", import.meta.url);
if (!existsSync(POLICY)) throw new Error("data/policy/mobile-xray-impact-and-use-policy.txt is missing: the policy claims cannot be checked without it");
const policyText = readFileSync(POLICY, "utf8");

const loaded = loadEverydayDoses(readFileSync(new URL("../../data/everyday-doses.json", import.meta.url), "utf8"), "data/everyday-doses.json", REQUIRED_ANCHORS);
const everyday = loaded.doses;
const claims = checkPolicyClaims({everyday});
const claim = (id: string, list: ClaimResult[] = claims) => {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe("everyday doses in data/everyday-doses.json", () => {
  it("load without problems and hold the values of the reference table with their grades", () => {
    expect(loaded.problems).toEqual([]);
    const byId = Object.fromEntries(everyday.map((d) => [d.id, d]));
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
      expect(byId[id], id).toMatchObject({value_uSv: v, value_high_uSv: high, per, grade});
    }
    expect(byId["natural-background-day"]!.source).toBe("RSNA 2014 bulletin (ACR, about 8 µSv); NIST news release 2014 (about 10 µSv)");
  });

  it("name each anchor's documents by their bibliography ids, and none for the one without a source", () => {
    expect(Object.fromEntries(everyday.map((d) => [d.id, d.sources]))).toEqual({
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

  it("reports an anchor the policy check needs when it is missing, and a unit that is not a dose", () => {
    const {problems} = loadEverydayDoses(JSON.stringify({doses: [{id: "x", anchor: "a", value: 1, unit: "mGy", per: null, source: "s", sources: [], grade: "B", note: "n"}]}), "d.json", ["cosmic-at-cruise"]);
    expect(problems.map((p) => p.column)).toEqual(["$.doses[0].unit", "$.doses"]);
    expect(problems[1]!.message).toMatch(/"cosmic-at-cruise"/);
  });
});

describe("the policy's claims", () => {
  it("quote the policy text verbatim, every one", () => {
    expect(missingQuotes(policyText, claims)).toEqual([]);
    expect(missingQuotes(policyText, [CENTRE_QUOTE])).toEqual([]);
    expect(missingQuotes("another text", [CENTRE_QUOTE])).toEqual([CENTRE_QUOTE.quote]);
  });

  it("read their figures from the sentences they quote", () => {
    for (const [key, id] of [["fiveFeet", "units-5ft"], ["tenFeet", "units-10ft"]] as const) {
      const f = POLICY_FIGURES[key];
      for (const figure of [...f.high, ...f.low]) expect(claim(id).quote).toContain(`${figure.text}`);
    }
  });

  it("are all from the health-and-safety section, whose heading is in the text", () => {
    expect(policyText).toContain(`\n${HEALTH_AND_SAFETY}\n`);
    const section = policyText.slice(policyText.indexOf(`\n${HEALTH_AND_SAFETY}\n`), policyText.indexOf("\nDISPARATE IMPACTS"));
    for (const c of claims) expect(section, c.id).toContain(c.quote);
  });

  it("ship the policy copy byte for byte", () => {
    // SHA-256 of the policy's text as published, taken when the copy was made: an edit to the copy fails here.
    expect(createHash("sha256").update(readFileSync(POLICY)).digest("hex")).toBe("8acd9f59a15c98949264705ccad9fe41515cb7f9f618447e576867bfc089bfb1");
    expect(policyText).toContain(HEALTH_AND_SAFETY);
  });

  it("get these verdicts without field data", () => {
    expect(Object.fromEntries(claims.map((c) => [c.id, c.verdict]))).toEqual({
      "standards-named": "unsupported",
      "background-comparison": "inconsistent",
      "direct-scan-flight": "inconsistent",
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

  it("find 0.009 mrem = 9 µrem, not 3, and 0.3 µR an exposure ten times below 3 µrem", () => {
    expect(claim("units-5ft").numbers["0.009 mrem in urem"]).toBe(9);
    expect(claim("units-5ft").explanation).toMatch(/"16 urem" agrees.*"3 urem" does not/);
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
  });

  it("compare the 5 ft rate with natural background: 0.16 µSv per 10 s is 57.6 µSv/h, 138 to 173 times 8–10 µSv a day", () => {
    const c = claim("background-comparison");
    expect(c.numbers.rate_5ft_uSv_per_h).toBe(57.6);
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
    // If flying gave 0.2 µSv an hour, an hour's flight would be twice a 0.1 µSv scan: "similar".
    const slowSky: EverydayDose[] = everyday.map((d) => (d.id === "cosmic-at-cruise" ? {...d, value: 0.2, value_uSv: 0.2} : d));
    expect(claim("direct-scan-flight", checkPolicyClaims({everyday: slowSky})).verdict).toBe("consistent");
    // A well-sourced Rocky Mountains figure of 0.2 µSv a day would make that comparison checkable.
    const sourcedRockies = everyday.map((d) => (d.id === "day-in-rocky-mountains" ? {...d, grade: "A" as const, value_uSv: 0.2, value_high_uSv: 0.2} : d));
    expect(claim("direct-scan-rocky-mountains", checkPolicyClaims({everyday: sourcedRockies})).verdict).toBe("consistent");
  });
});

describe("the field-data checks", () => {
  // Stated at 5 ft: 0.09 to 0.16 µSv in 10 s; at 10 ft: 0.03 to 0.04 µSv.
  const fixed = (dose: number): Estimator => () => ({dose_uSv: dose, lower95_uSv: 0.9 * dose, upper95_uSv: 1.1 * dose, determinable: true});

  it("are consistent when the model's interval overlaps the stated range, and ask for 5 ft and 10 ft in metres", () => {
    const asked: number[] = [];
    const model: Estimator = (q) => {
      asked.push(q.distance_m, q.duration_s);
      return fixed(q.distance_m < 2 ? 0.12 : 0.035)(q);
    };
    const withData = checkPolicyClaims({everyday, estimate: model});
    expect(asked).toEqual([1.524, 10, 3.048, 10].map((v) => expect.closeTo(v, 10)));
    expect(claim("field-data-5ft", withData).verdict).toBe("consistent");
    expect(claim("field-data-10ft", withData).verdict).toBe("consistent");
  });

  it("are inconsistent when the whole interval lies above the stated range", () => {
    const c = claim("field-data-5ft", checkPolicyClaims({everyday, estimate: fixed(0.2)})); // 0.18 to 0.22 µSv
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toMatch(/above the stated range/);
  });

  it("are unsupported when the model cannot give a dose", () => {
    const c = claim("field-data-10ft", checkPolicyClaims({everyday, estimate: () => ({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "fit did not converge"})}));
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toMatch(/fit did not converge/);
  });
});
