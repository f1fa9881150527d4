// Warnings grouped by kind: one group per code (or per message template when a warning has none), with its count,
// devices, files and line span, the largest first.
import {describe, expect, it} from "vitest";
import {groupWarnings, kindTitle, messageTemplate, problemKind} from "../../lib/publish/warning-groups.js";
import type {PublishedProblem} from "../../lib/publish/types.js";

const w = (file: string, line: number | null, message: string, code?: string): PublishedProblem =>
  ({severity: "warning", file, line, column: null, message, kind: problemKind({code, message})});

describe("warning groups", () => {
  it("takes the numbers, dates and quoted values out of a message without a code", () => {
    expect(messageTemplate(`instrument "EPD-2231" was calibrated on 2024-01-05, 14 months before this 0.5 µSv reading`))
      .toBe(`instrument "…" was calibrated on DATE, N months before this N µSv reading`);
    expect(problemKind({message: "x", code: "rate-meter"})).toBe("rate-meter");
  });

  it("groups by kind with count, devices, files with their first and last line, and an example", () => {
    const device = new Map([["a.csv:2", "VAN-1"], ["a.csv:9", "VAN-1"], ["b.csv:4", "VAN-2"]]);
    const groups = groupWarnings([
      w("a.csv", 9, "a rate meter can misread", "rate-meter"),
      w("a.csv", 2, "a rate meter can misread", "rate-meter"),
      w("b.csv", 4, "a rate meter can misread", "rate-meter"),
      w("deployments.csv", null, "device VAN-3 has no deployments in the log", "device-without-deployments"),
      {...w("a.csv", 3, "error"), severity: "error"}
    ], (file, line) => device.get(`${file}:${line}`) ?? null, ["VAN-1", "VAN-2", "VAN-3"]);
    expect(groups).toEqual([
      {
        kind: "rate-meter", title: "Taken with a rate meter", count: 3, devices: ["VAN-1", "VAN-2"], example: "a rate meter can misread",
        files: [{file: "a.csv", count: 2, first_line: 2, last_line: 9}, {file: "b.csv", count: 1, first_line: 4, last_line: 4}]
      },
      {
        kind: "device-without-deployments", title: "Device without deployments", count: 1, devices: ["VAN-3"], example: "device VAN-3 has no deployments in the log",
        files: [{file: "deployments.csv", count: 1, first_line: null, last_line: null}]
      }
    ]);
  });
});

describe("a warning's kind and its title", () => {
  it("is the message with its dates, date-times, numbers and ids taken out, so warnings differing only in values fall together", () => {
    expect(messageTemplate("read at 2024-01-05T10:20:30Z, 2024-01-05T10:20:30.5+02:00, 2024-01-05T10:20:30-05:00 and 2024-01-05T10:20:30 (local)"))
      .toBe("read at DATE, DATE, DATE and DATE (local)");
    expect(messageTemplate("values 1.25, 3e5, 1e10, 2.5e-3, 4E+2 and -7")).toBe("values N, N, N, N, N and N");
    expect(messageTemplate("device VAN-3 has no deployments")).toBe(messageTemplate("device ZBV-12 has no deployments"));
    expect(messageTemplate("device VAN-3 and AB-7 and EPD-2231-4 and VAN2-9")).toBe("device ID and ID and ID and ID");
    // One capital before the hyphen is not an id; a quoted value is replaced whole.
    expect(messageTemplate(`row X-7 of "VAN 3"`)).toBe(`row XN of "…"`);
  });

  it("has a title for every kind a validator sets, and is its own title otherwise", () => {
    const kinds = [
      "rate-meter", "instrument-calibration-lapsed", "instrument-calibrated-after", "background-above-gross", "far-off", "device-without-certificate",
      "readings-uncovered-by-certificate", "device-without-deployments", "deployed-device-unknown", "certificate-without-readings", "instrument-back",
      "instrument-day", "instrument-type", "certificate-lapsed", "mixed-quantities", "no-beam-on-time", "unknown-property", "no-policy-text",
      "review-include-without-exclude", "output-constancy", "implausible", "dose-unit-too-large"
    ];
    for (const kind of kinds) {
      const title = kindTitle(kind);
      expect(title, kind).toMatch(/^[A-Z][a-z]/);
      expect(title.length, kind).toBeGreaterThan(8);
    }
    expect(new Set(kinds.map(kindTitle)).size).toBe(kinds.length);
    expect(kindTitle("device N has no ID")).toBe("device N has no ID");
  });
});

describe("the groups' order", () => {
  it("is the largest group first, equal counts by kind; each group's devices and files sorted, lines their first and last", () => {
    const groups = groupWarnings([
      w("z.csv", 5, "m", "far-off"),
      w("c.csv", 2, "m", "rate-meter"), w("c.csv", null, "whole file", "rate-meter"), w("c.csv", 9, "m", "rate-meter"), w("c.csv", 4, "m", "rate-meter"),
      w("b.csv", 3, "m", "rate-meter"), w("a.csv", 8, "m", "rate-meter"),
      w("y.csv", 1, "m", "implausible")
    ], (file, line) => (line === null ? null : file === "a.csv" ? "VAN-9" : file === "b.csv" ? "VAN-1" : "VAN-5"), []);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([["rate-meter", 6], ["far-off", 1], ["implausible", 1]]);
    expect(groups[0]!.devices).toEqual(["VAN-1", "VAN-5", "VAN-9"]);
    expect(groups[0]!.files).toEqual([
      {file: "a.csv", count: 1, first_line: 8, last_line: 8}, {file: "b.csv", count: 1, first_line: 3, last_line: 3},
      {file: "c.csv", count: 4, first_line: 2, last_line: 9}
    ]);
    expect(groups[0]!.example).toBe("m");
    const reversed = groupWarnings([w("y.csv", 1, "m", "implausible"), w("z.csv", 5, "m", "far-off")], () => null, []);
    expect(reversed.map((g) => g.kind)).toEqual(["far-off", "implausible"]);
  });
});
