// Property-based fuzzing of every parser of user files: whatever the bytes, a parser returns its result and its
// problems and never throws. Inputs are random text, random JSON, and valid files with random edits (the edits reach
// deeper into the parsers than random text does). Counterexamples fast-check finds are added to
// test/fixtures/malformed/ as regression cases.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {readFileSync} from "node:fs";
import {parseCertificate} from "../../lib/certificates/index.js";
import {parseDeploymentLog} from "../../lib/deployments/index.js";
import {loadEverydayDoses} from "../../lib/compliance/everyday.js";
import {loadLimits} from "../../lib/compliance/limits.js";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {neutraliseFormula} from "../../lib/publish/table-files.js";
import type {Problem} from "../../lib/io/problems.js";

const fixtures = {
  certificate: readFileSync("test/fixtures/certificates/valid.json", "utf8"),
  deployments: readFileSync("test/fixtures/deployments/valid.csv", "utf8"),
  limits: readFileSync("data/limits.json", "utf8"),
  everyday: readFileSync("data/everyday-doses.json", "utf8"),
  readings: readFileSync("data/readings/ZBV-0417-2026.csv", "utf8").split("\n").slice(0, 30).join("\n")
};

/** A valid file with a few random edits: a character deleted, replaced or inserted at random places. */
function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat({max: text.length}), fc.constantFrom("delete", "replace", "insert"), fc.string({unit: "binary", maxLength: 4}));
  return fc.array(edit, {minLength: 1, maxLength: 6}).map((edits) => {
    let t = text;
    for (const [at, kind, s] of edits) {
      const i = at % (t.length + 1);
      t = kind === "delete" ? t.slice(0, i) + t.slice(i + 1) : kind === "replace" ? t.slice(0, i) + s + t.slice(i + 1) : t.slice(0, i) + s + t.slice(i);
    }
    return t;
  });
}

const anyText = (valid: string) => fc.oneof(fc.string({unit: "binary", maxLength: 300}), fc.json(), mutated(valid));

function wellFormed(problems: readonly Problem[], file: string): void {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(["error", "warning"]).toContain(p.severity);
    expect(typeof p.message).toBe("string");
    expect(p.message.length).toBeGreaterThan(0);
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
  }
}

const runs = {numRuns: 400};

describe("no input makes a parser throw", () => {
  it("calibration certificates", () => {
    fc.assert(fc.property(anyText(fixtures.certificate), (text) => {
      const r = parseCertificate(text, "c.json");
      wellFormed(r.problems, "c.json");
      // A certificate is returned only when there is no error.
      if (r.certificate) expect(r.problems.some((p) => p.severity === "error")).toBe(false);
    }), runs);
  });

  it("deployment logs", () => {
    fc.assert(fc.property(anyText(fixtures.deployments), (text) => {
      const r = parseDeploymentLog(text, "d.csv");
      wellFormed(r.problems, "d.csv");
    }), runs);
  });

  it("the limits registry", () => {
    fc.assert(fc.property(anyText(fixtures.limits), (text) => {
      const r = loadLimits(text, "limits.json");
      wellFormed(r.problems, "limits.json");
    }), runs);
  });

  it("the everyday doses", () => {
    fc.assert(fc.property(anyText(fixtures.everyday), (text) => {
      const r = loadEverydayDoses(text, "everyday.json");
      wellFormed(r.problems, "everyday.json");
    }), runs);
  });

  it("field readings, from edits of a real file", () => {
    fc.assert(fc.property(mutated(fixtures.readings), (text) => {
      const r = parseReadingsCsv(text, "r.csv", {now: new Date("2026-11-24T00:00:00Z")});
      wellFormed(r.problems, "r.csv");
    }), runs);
  });
});

describe("CSV downloads", () => {
  it("never start a text cell with a character a spreadsheet runs as a formula", () => {
    fc.assert(fc.property(fc.string({unit: "binary"}), (s) => {
      expect(/^[=+\-@\t\r]/.test(neutraliseFormula(s))).toBe(false);
    }), {numRuns: 2000});
  });
});
