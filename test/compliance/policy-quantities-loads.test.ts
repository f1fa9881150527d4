// The policy reader's modules build their patterns (unit names, number words) when they are loaded. They are imported
// inside the test, so that a pattern that cannot be built fails this test rather than only the loading of a file.
import {describe, expect, it} from "vitest";

describe("the policy reader's modules", () => {
  it("load and read a figure with its unit, restatement, distance and duration", async () => {
    const {quantitiesIn} = await import("../../lib/compliance/policy-quantities.js");
    const {extractStatements} = await import("../../lib/compliance/policy-statements.js");
    const {span} = await import("../../lib/compliance/policy-text.js");
    const text = "At five (5) feet for 10 seconds the dose is 0.016 mrem (16 µrem).";
    expect(quantitiesIn(text, span(text, 0, text.length)).quantities.map((q) => `${q.value} ${q.unit}`)).toEqual(["5 ft", "10 s", "0.016 mrem"]);
    const [dose] = extractStatements(`Safety\n\n${text}\n`).statements;
    expect(dose?.kind === "dose" && [dose.distance?.text, dose.duration?.text, dose.figures[0]!.alternatives[0]!.text]).toEqual(["five (5) feet", "10 seconds", "16 µrem"]);
  });
});
