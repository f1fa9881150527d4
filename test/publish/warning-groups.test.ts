// Warnings grouped by kind: one group per code (or per message template when a warning has none), with its count,
// devices, files and line span, the largest first.
import {describe, expect, it} from "vitest";
import {groupWarnings, messageTemplate, problemKind} from "../../lib/publish/warning-groups.js";
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
