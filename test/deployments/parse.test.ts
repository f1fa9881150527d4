import {readFileSync} from "node:fs";
import {csvFormatRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {parseDeploymentLog} from "../../lib/deployments/index.js";
import type {Problem} from "../../lib/io/index.js";

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === "error");

describe("parseDeploymentLog: a valid log", () => {
  const file = "test/fixtures/deployments/valid.csv";
  const {deployments, problems} = parseDeploymentLog(readFileSync(file, "utf8"), file);

  it("reads every row without problems", () => {
    expect(problems).toEqual([]);
    expect(deployments.map((d) => d.deployment_id)).toEqual(["DEP-1", "DEP-2", "DEP-3"]);
  });

  it("normalises a row", () => {
    expect(deployments[0]).toEqual({
      deployment_id: "DEP-1",
      device_id: "ZBV-0417",
      start: "2025-09-22T06:00:00-04:00",
      start_ms: Date.UTC(2025, 8, 22, 10, 0),
      end: "2025-09-22T20:00:00-04:00",
      end_ms: Date.UTC(2025, 8, 23, 0, 0),
      event: "UN General Assembly week",
      location_type: "street checkpoint",
      location: "E 42nd St & 1st Ave",
      location_restricted: true,
      vehicles_scanned: 200,
      beam_on_s: 1300,
      scan_speed_km_per_h: 5,
      cordon_m: 5,
      operators: ["OP-117", "OP-204"],
      notes: null,
      source: {file, line: 2},
      extra: {}
    });
  });

  it("counts lines through a quoted field that spans two", () => {
    expect(deployments[1]!.notes).toBe("crowd,\nlate finish");
    expect(deployments[1]!.operators).toEqual(["OP-117", "OP-309", "OP-415"]);
    expect(deployments[2]!.source.line).toBe(5);
    expect(deployments[2]!.location).toBeNull();
  });
});

describe("parseDeploymentLog: units in the header", () => {
  const file = "test/fixtures/deployments/other-units.csv";
  const {deployments, problems} = parseDeploymentLog(readFileSync(file, "utf8"), file);

  it("converts minutes, miles per hour and feet, and keeps unknown columns", () => {
    expect(problems).toEqual([]);
    const d = deployments[0]!;
    expect(d.beam_on_s).toBeCloseTo(600, 9); // 10 min
    expect(d.scan_speed_km_per_h).toBeCloseTo(3 * 1.609344, 9); // 3 mi/h, 1 mi = 1.609344 km
    expect(d.cordon_m).toBeCloseTo(3.048, 9); // 10 ft
    expect(d.location).toBeNull();
    expect(d.notes).toBeNull();
    expect(d.extra).toEqual({shift: "day"});
  });
});

const HEADER = ["deployment_id", "device_id", "start", "end", "event", "location_type", "location", "location_restricted", "vehicles_scanned", "beam_on_s", "scan_speed_km_per_h", "cordon_m", "operators", "notes"];
const GOOD: Record<string, string> = {
  deployment_id: "DEP-1", device_id: "ZBV-0417", start: "2025-09-22T06:00:00-04:00", end: "2025-09-22T08:00:00-04:00",
  event: "UNGA", location_type: "street checkpoint", location: "", location_restricted: "no", vehicles_scanned: "20",
  beam_on_s: "150", scan_speed_km_per_h: "5", cordon_m: "5", operators: "OP-1;OP-2", notes: ""
};
const log = (rows: Record<string, string>[], header = HEADER) => csvFormatRows([header, ...rows.map((r) => header.map((h) => r[h] ?? ""))]);

interface Case {
  name: string;
  row: Record<string, string>;
  column: string;
  message: RegExp;
}

const CASES: Case[] = [
  {name: "empty id", row: {deployment_id: ""}, column: "deployment_id", message: /empty deployment_id: write an identifier/},
  {name: "empty device", row: {device_id: ""}, column: "device_id", message: /device serial/},
  {name: "date without offset", row: {start: "2025-09-22T06:00:00"}, column: "start", message: /has no UTC offset, so the instant is ambiguous; add Z for UTC or the local offset/},
  {name: "impossible date", row: {start: "2025-02-30T06:00:00-05:00"}, column: "start", message: /is not a date: February 2025 has 28 days/},
  {name: "hour 25", row: {end: "2025-09-22T25:00:00-04:00"}, column: "end", message: /impossible time of day/},
  {name: "empty end", row: {end: ""}, column: "end", message: /empty end/},
  {name: "end before start", row: {end: "2025-09-22T05:00:00-04:00"}, column: "end", message: /ends .* before it starts/},
  {name: "end before start through the offsets", row: {start: "2025-09-22T07:00:00-05:00", end: "2025-09-22T07:30:00-04:00", beam_on_s: "0"}, column: "end", message: /before it starts/},
  {name: "beam-on longer than the deployment", row: {beam_on_s: "7201"}, column: "beam_on_s", message: /beam-on time \(7201 s\) is longer than the deployment itself \(7200 s\)/},
  {name: "negative count", row: {vehicles_scanned: "-3"}, column: "vehicles_scanned", message: /whole number, 0 or more/},
  {name: "fractional count", row: {vehicles_scanned: "2.5"}, column: "vehicles_scanned", message: /whole number/},
  {name: "negative beam-on", row: {beam_on_s: "-1"}, column: "beam_on_s", message: /zero or more/},
  {name: "beam-on not a number", row: {beam_on_s: "ten"}, column: "beam_on_s", message: /"ten" is not a number: write a plain number in s/},
  {name: "zero cordon", row: {cordon_m: "0"}, column: "cordon_m", message: /greater than zero/},
  {name: "restricted neither yes nor no", row: {location_restricted: "maybe"}, column: "location_restricted", message: /write yes when the exact location must not be published/},
  {name: "no operators", row: {operators: " ; "}, column: "operators", message: /separated by semicolons/}
];

describe("parseDeploymentLog: each row error names line, column and the fix", () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const {deployments, problems} = parseDeploymentLog(log([{...GOOD, ...testCase.row}]), "log.csv");
      expect(deployments).toEqual([]);
      const errs = errors(problems);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatchObject({file: "log.csv", line: 2, column: testCase.column});
      expect(errs[0]!.message).toMatch(testCase.message);
    });
  }

  it("refuses a second use of an id, naming the first line", () => {
    const {deployments, problems} = parseDeploymentLog(log([GOOD, {...GOOD, deployment_id: "DEP-2"}, GOOD]), "log.csv");
    expect(deployments.map((d) => d.deployment_id)).toEqual(["DEP-1", "DEP-2"]);
    expect(errors(problems)).toEqual([expect.objectContaining({line: 4, column: "deployment_id", message: expect.stringMatching(/already used on line 2/)})]);
  });

  it("refuses a row with the wrong number of fields and keeps the others", () => {
    const text = `${log([GOOD])}\nDEP-2,ZBV-0417\n${log([{...GOOD, deployment_id: "DEP-3"}]).split("\n")[1]}\n`;
    const {deployments, problems} = parseDeploymentLog(text, "log.csv");
    expect(deployments.map((d) => d.deployment_id)).toEqual(["DEP-1", "DEP-3"]);
    expect(errors(problems)).toEqual([expect.objectContaining({line: 3, message: expect.stringMatching(/has 2 fields but the header has 14/)})]);
  });

  it("skips blank lines but keeps counting them", () => {
    const text = `${log([GOOD])}\n\n${log([{...GOOD, deployment_id: "DEP-2", cordon_m: "-1"}]).split("\n")[1]}\n`;
    const {problems} = parseDeploymentLog(text, "log.csv");
    expect(errors(problems)).toEqual([expect.objectContaining({line: 4, column: "cordon_m"})]);
  });

  it("warns about vehicles scanned with no beam-on time", () => {
    const {deployments, problems} = parseDeploymentLog(log([{...GOOD, beam_on_s: "0"}]), "log.csv");
    expect(deployments).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({severity: "warning", line: 2, column: "beam_on_s"})]);
  });
});

describe("parseDeploymentLog: header errors", () => {
  it("an empty file", () => {
    expect(parseDeploymentLog("", "log.csv").problems).toEqual([expect.objectContaining({severity: "error", line: 1, message: expect.stringMatching(/empty: it needs a header line/)})]);
  });

  it("a missing column", () => {
    const header = HEADER.filter((h) => h !== "operators");
    const {deployments, problems} = parseDeploymentLog(log([GOOD], header), "log.csv");
    expect(deployments).toEqual([]);
    expect(errors(problems)).toEqual([expect.objectContaining({line: 1, column: "operators", message: expect.stringMatching(/missing column "operators": add it/)})]);
  });

  it("a missing unit column", () => {
    const header = HEADER.filter((h) => h !== "cordon_m");
    expect(errors(parseDeploymentLog(log([GOOD], header), "log.csv").problems)).toEqual([
      expect.objectContaining({line: 1, column: "cordon_m", message: expect.stringMatching(/its unit goes in the name: cordon_m or cordon_ft/)})
    ]);
  });

  it("an unknown unit in a header", () => {
    const header = HEADER.map((h) => (h === "beam_on_s" ? "beam_on_fortnightz" : h));
    expect(errors(parseDeploymentLog(log([GOOD], header), "log.csv").problems)).toEqual([
      expect.objectContaining({line: 1, column: "beam_on_fortnightz", message: expect.stringMatching(/unknown unit .* name the column beam_on_s, beam_on_min or beam_on_h/)})
    ]);
  });

  it("a unit of the wrong kind", () => {
    const header = HEADER.map((h) => (h === "cordon_m" ? "cordon_s" : h));
    expect(errors(parseDeploymentLog(log([GOOD], header), "log.csv").problems)[0]!.message).toMatch(/name the column cordon_m or cordon_ft/);
  });

  it("a duplicated column", () => {
    const header = [...HEADER, "event"];
    expect(errors(parseDeploymentLog(log([GOOD], header), "log.csv").problems)).toEqual([
      expect.objectContaining({line: 1, column: "event", message: expect.stringMatching(/appears twice/)})
    ]);
  });
});

describe("parseDeploymentLog: the bad fixture (also used by loader tests)", () => {
  it("test/fixtures/deployments/end-before-start.csv is refused at line 3", () => {
    const file = "test/fixtures/deployments/end-before-start.csv";
    const {deployments, problems} = parseDeploymentLog(readFileSync(file, "utf8"), file);
    expect(deployments.map((d) => d.deployment_id)).toEqual(["DEP-1"]);
    expect(problems).toEqual([{severity: "error", file, line: 3, column: "end", message: expect.stringMatching(/before it starts/)}]);
  });
});
