import {describe, expect, it} from "vitest";
import {diffPolicies} from "../../lib/compliance/policy-diff.js";
import type {PolicyCheck} from "../../lib/compliance/policy-claims.js";
import {extractStatements} from "../../lib/compliance/policy-statements.js";

// The figures of a small policy's health-and-safety section; the claims' diff is tested in policy-claims.test.ts.
const version = (body: string) => ({statements: extractStatements(`MOBILE X-RAY POLICY\n\nHEALTH & SAFETY REPORTING\n\n${body}\n`).statements, claims: []}) as unknown as PolicyCheck;

describe("the figures that changed between two versions of a policy", () => {
  it("labels each figure by where, over what and how it is bounded, and numbers the restatements", () => {
    const d = diffPolicies(
      version("The scanner is safe."),
      version([
        "Exposure at 5 feet from the device for 10 seconds is 0.016 mrem.",
        "The dose rate at 12 feet is no more than 0.5 mrem per hour.",
        "A person directly scanned receives at least 0.01 mrem per scan.",
        "The dose is about 0.02 mrem (or 20 urem or 0.2 uSv).",
        "Exposure for 10 seconds is 0.03 mrem."
      ].join(" "))
    );
    expect(d.figures).toEqual([
      {label: "dose at 5 ft for 10 s", old: null, new: "0.016 mrem"},
      {label: "dose rate at 12 ft (at most)", old: null, new: "0.5 mrem per hour"},
      {label: "dose per scan (at least)", old: null, new: "0.01 mrem"},
      {label: "dose", old: null, new: "0.02 mrem"},
      {label: "dose (restated 1)", old: null, new: "20 urem"},
      {label: "dose (restated 2)", old: null, new: "0.2 uSv"},
      {label: "dose for 10 s", old: null, new: "0.03 mrem"}
    ]);
  });

  it("keeps figures for different durations, per scan and unstated apart at the same distance", () => {
    const at5for10 = "Exposure at 5 feet from the device for 10 seconds is 0.016 mrem.";
    const d = diffPolicies(
      version(at5for10),
      version(`${at5for10} Exposure at 5 feet from the device for 60 seconds is 0.1 mrem. A person scanned at 5 feet receives 0.01 mrem per scan.`)
    );
    expect(d.figures).toEqual([
      {label: "dose at 5 ft for 60 s", old: null, new: "0.1 mrem"},
      {label: "dose at 5 ft per scan", old: null, new: "0.01 mrem"}
    ]);
    // A figure changed at the same place and duration is one change: old and new side by side.
    const same = diffPolicies(version(at5for10), version("Exposure at 5 feet from the device for 10 seconds is 0.02 mrem."));
    expect(same.figures).toEqual([{label: "dose at 5 ft for 10 s", old: "0.016 mrem", new: "0.02 mrem"}]);
  });

  it("a figure gone is listed with its old text and no new one", () => {
    const d = diffPolicies(version("The dose rate at 12 feet is at least 0.5 mrem per hour."), version("The scanner is safe."));
    expect(d.figures).toEqual([{label: "dose rate at 12 ft (at least)", old: "0.5 mrem per hour", new: null}]);
  });
});
