// The policy as the site publishes it, from policy texts given directly (no data set is published here): the newest
// version's claims and its own figures, and what changed since the version before it. The figures are the sample
// policy's own words: 0.016 mrem at five feet and 0.004 mrem at ten feet for 10 s (1 mrem = 10 µSv, 1 ft = 0.3048 m).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {publishPolicy} from "../../lib/publish/policy.js";

const read = (url: string) => readFileSync(new URL(url, import.meta.url), "utf8");
const input = {everyday: [], limits: []};

describe("the published policy", () => {
  it("is nothing without a policy text", () => {
    expect(publishPolicy([], input)).toEqual({claims: [], figures: [], policy: null});
  });

  it("is the one text's claims, each quoting it, and its figures, with no previous version", () => {
    const text = read("../../data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt");
    const {claims, figures, policy} = publishPolicy([{path: "policy/p.txt", text, version: "2021-04-11"}], input);
    expect(policy).toEqual({path: "policy/p.txt", version: "2021-04-11", previous: null, changes: null});
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) {
      expect(Object.keys(c).sort()).toEqual(["check", "explanation", "id", "quote", "section", "verdict"]);
      expect(text.replace(/\s+/g, " ")).toContain(c.quote.replace(/\s+/g, " "));
    }
    expect(claims.map((c) => c.id)).toContain("units-5ft");
    expect(figures.map((f) => ({...f, distance_m: Number(f.distance_m.toFixed(4)), dose_uSv: Number(f.dose_uSv.toFixed(6))}))).toEqual([
      {label: "5 ft for 10 s", quote: "0.016 mrem (or 16 urem/microrem)", distance_m: 1.524, duration_s: 10, dose_uSv: 0.16},
      {label: "10 ft for 10 s", quote: "0.004 mrem (or 4 urem)", distance_m: 3.048, duration_s: 10, dose_uSv: 0.04}
    ]);
  });

  it("checks the newest (last) version and says what changed since the one before it", () => {
    const sample = read("../../data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt");
    const bare = read("../fixtures/policy/no-figures.txt");
    const older = {path: "policy/2019.txt", text: bare, version: "2019"};
    const newer = {path: "policy/2021.txt", text: sample, version: "2021"};
    const ahead = publishPolicy([{path: "policy/2018.txt", text: sample, version: "2018"}, older, newer], input);
    expect(ahead.policy!.path).toBe("policy/2021.txt");
    expect(ahead.policy!.previous).toEqual({path: "policy/2019.txt", version: "2019"});
    // The older text states no figure and makes no claim: every claim and figure of the newer one is new.
    const changes = ahead.policy!.changes!;
    expect(changes.added.map((c) => c.id)).toEqual(ahead.claims.map((c) => c.id));
    expect(changes.removed).toEqual([]);
    expect(changes.verdicts).toEqual([]);
    expect(changes.figures.every((f) => f.old === null)).toBe(true);
    expect(changes.figures.map((f) => f.new)).toEqual(expect.arrayContaining(["0.016 mrem", "0.004 mrem"]));
    // The other way round: the newest text has nothing, and every claim of the one before is gone.
    const back = publishPolicy([newer, older], input);
    expect(back.claims).toEqual([]);
    expect(back.figures).toEqual([]);
    expect(back.policy!.changes!.removed.map((c) => c.id)).toEqual(ahead.claims.map((c) => c.id));
    expect(back.policy!.changes!.added).toEqual([]);
    // Two versions with the same text: nothing changed.
    expect(publishPolicy([{...newer, path: "policy/2020.txt", version: "2020"}, newer], input).policy!.changes).toEqual({figures: [], verdicts: [], added: [], removed: []});
  });
});
