import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {healthAndSafetySections, readPolicyText} from "../../lib/compliance/policy-text.js";

const shipped = readFileSync(new URL("../../data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt", import.meta.url), "utf8");
const other = readFileSync(new URL("../fixtures/policy/other-agency-policy.txt", import.meta.url), "utf8");

describe("a policy text as sections and sentences", () => {
  it("finds the shipped policy's all-capital headings, the health-and-safety one among them", () => {
    const doc = readPolicyText(shipped);
    expect(doc.sections.map((s) => s.heading)).toContain("HEALTH & SAFETY REPORTING");
    expect(doc.sections.map((s) => s.heading)).toContain("SUMMARY OF CHANGES BETWEEN DRAFT & FINAL POLICY");
    expect(healthAndSafetySections(doc).map((s) => s.heading)).toEqual(["HEALTH & SAFETY REPORTING"]);
  });

  it("cuts the health-and-safety section into its nine sentences, each the text's own characters", () => {
    const doc = readPolicyText(shipped);
    const [hs] = healthAndSafetySections(doc);
    expect(hs!.sentences).toHaveLength(9);
    expect(hs!.sentences[0]!.text).toMatch(/^The x-ray levels needed .* \(ICRP\)\.$/);
    expect(hs!.sentences[5]!.text).toBe("Total exposure at five (5) feet away from the device for ten (10) seconds is between 0.016 mrem (or 16 urem/microrem) and 0.009 mrem (or 3 urem).");
    for (const section of doc.sections) for (const s of section.sentences) expect(shipped.slice(s.start, s.end)).toBe(s.text);
  });

  it("reads Markdown tables cell by cell", () => {
    const summary = readPolicyText(shipped).sections.find((s) => s.heading.startsWith("SUMMARY OF CHANGES"))!;
    expect(summary.sentences.map((s) => s.text)).toContain("Added language detailing radiation exposure measurements recorded five (5) and ten (10) feet away from the center of the device.");
    expect(summary.sentences.map((s) => s.text)).not.toContain("---");
  });

  it("does not end a sentence at U.S., i.e., e.g. or a decimal point", () => {
    const text = "SAFETY\n\nThe U.S. Constitution applies (i.e., always). A dose of 0.016 mrem is small, e.g. Smaller than most. Next one.";
    const [hs] = healthAndSafetySections(readPolicyText(text));
    expect(hs!.sentences.map((s) => s.text)).toEqual(["The U.S. Constitution applies (i.e., always).", "A dose of 0.016 mrem is small, e.g. Smaller than most.", "Next one."]);
  });

  it("reads Markdown and title-case headings, hard-wrapped paragraphs and Windows line endings, quoting them exactly", () => {
    const doc = readPolicyText(other);
    expect(doc.sections.map((s) => s.heading)).toEqual(["Mobile Screening Van: Use Policy", "Purpose", "Radiation Safety", "Records"]);
    const [hs] = healthAndSafetySections(doc);
    expect(hs!.sentences[0]!.text).toBe("The dose to a person standing 2 m from the van during a\r\n30-second scan is about 0.05 µSv (5 µrem).");
    for (const s of hs!.sentences) expect(other.slice(s.start, s.end)).toBe(s.text);
  });

  it("takes one short line without a full stop as a heading, but not a line of a paragraph", () => {
    const doc = readPolicyText("Health and Safety\n\nThe dose at 5 ft is 0.016 mrem.\nIt is measured\nyearly.\n");
    expect(doc.sections.map((s) => s.heading)).toEqual(["Health and Safety"]);
    expect(doc.sections[0]!.sentences.map((s) => s.text)).toEqual(["The dose at 5 ft is 0.016 mrem.", "It is measured\nyearly."]);
  });

  it("finds no health-and-safety section in a text without one", () => {
    const text = readFileSync(new URL("../fixtures/policy/no-health-section.txt", import.meta.url), "utf8");
    expect(healthAndSafetySections(readPolicyText(text))).toEqual([]);
  });
});
