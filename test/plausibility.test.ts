// Physical plausibility (lib/plausibility.ts) in every reader: a value outside the physical range is an error naming the
// file, line, column and the range; outside the plausible range a warning; units too large for the field a warning.
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {parseCertificate} from "../lib/certificates/index.js";
import {parseDeploymentLog} from "../lib/deployments/index.js";
import {parseReadingsCsv} from "../lib/readings/index.js";
import {DATE_RANGE, outsideRange, PLAUSIBLE_RANGES, READING_CHECKS, type QuantityRange} from "../lib/plausibility.js";
import {isSourceId} from "../lib/sources.js";
import type {Problem} from "../lib/io/index.js";
import {TEST_NOW} from "./clock.js";

const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit";
const parse = (row: string, header = HEADER) => parseReadingsCsv(`${header}\n${row}\n`, "r.csv", {now: TEST_NOW});
const only = (problems: Problem[], severity: Problem["severity"]) => problems.filter((p) => p.severity === severity);

describe("the table", () => {
  it("every range is ordered, the plausible range lies inside the physical one, and its sources are bibliography ids", () => {
    for (const [name, r] of Object.entries(PLAUSIBLE_RANGES) as [string, QuantityRange][]) {
      expect(r.physical.min, name).toBeLessThanOrEqual(r.plausible.min);
      expect(r.plausible.min, name).toBeLessThan(r.plausible.max);
      expect(r.plausible.max, name).toBeLessThanOrEqual(r.physical.max);
      for (const id of r.sources) expect(isSourceId(id), `${name}: ${id}`).toBe(true);
      expect(r.reason.length, name).toBeGreaterThan(20);
    }
  });

  it("bounds are inclusive; NaN is outside", () => {
    const d = PLAUSIBLE_RANGES.distance;
    expect(outsideRange(d.physical.min, d)).toBe("plausible");
    expect(outsideRange(d.plausible.min, d)).toBeNull();
    expect(outsideRange(d.plausible.max, d)).toBeNull();
    expect(outsideRange(d.physical.max, d)).toBe("plausible");
    expect(outsideRange(d.physical.max * (1 + 2 ** -52), d)).toBe("physical");
    expect(outsideRange(Number.NaN, d)).toBe("physical");
  });

  it("names a range for every check a fast path must reproduce", () => {
    expect(READING_CHECKS.map((c) => c.column)).toEqual(["distance", "duration", "dose", "background", "mdl", "uncertainty", "dose"]);
  });
});

describe("field readings (the issue's inputs)", () => {
  it("a reading at 5e-324 m is an error naming the line, the column and the physical range", () => {
    const {readings, problems} = parse("R1,ZBV-0522,2026-03-14T09:30:00Z,5e-324,m,60,s,0.5,uSv");
    expect(readings).toEqual([]);
    expect(only(problems, "error")).toEqual([
      expect.objectContaining({file: "r.csv", line: 2, column: "distance", message: expect.stringContaining("outside the physical range of a distance, 1 mm to 100 km")})
    ]);
  });

  it("a duration of 1e-300 s is an error (it was only a 'far off' warning)", () => {
    const {readings, problems} = parse("R1,ZBV-0417,2026-03-14T09:30:00Z,2,m,1e-300,s,0.5,uSv");
    expect(readings).toEqual([]);
    expect(only(problems, "error")).toEqual([
      expect.objectContaining({line: 2, column: "duration", message: expect.stringContaining("1 ms to 10 years")})
    ]);
  });

  it("plausible but unusual: a warning, and the reading is kept", () => {
    const {readings, problems} = parse("R1,V,2026-03-14T09:30:00Z,0.01,m,0.01,s,0.5,uSv");
    expect(readings).toHaveLength(1);
    expect(only(problems, "error")).toEqual([]);
    expect(only(problems, "warning").map((p) => p.column)).toEqual(["distance", "duration", "dose"]); // the last: the rate
    expect(only(problems, "warning")[0]!.message).toContain("5 cm to 10 km");
    expect(only(problems, "warning")[2]!.message).toContain("0.5 uSv in 0.01 s");
  });

  it("a dose beyond 10 Sv, in any column of dose, is an error", () => {
    const header = `${HEADER},background,mdl,uncertainty`;
    const {problems} = parse("R1,V,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,2e7,3e7,4e7", header);
    expect(only(problems, "error").map((p) => p.column)).toEqual(["background", "mdl", "uncertainty"]);
  });

  it.each(["Sv", "Gy", "rem", "R"])("a dose unit too large for the field (%s) is a warning, said once per file", (unit) => {
    const rows = [1, 2, 3].map((k) => `R${k},V,2026-03-14T09:30:00Z,2,m,60,s,0.0000001,${unit}`).join("\n");
    const {readings, problems} = parseReadingsCsv(`${HEADER}\n${rows}\n`, "r.csv", {now: TEST_NOW});
    expect(readings).toHaveLength(3);
    const unitWarnings = problems.filter((p) => p.column === "dose_unit");
    expect(unitWarnings).toEqual([expect.objectContaining({severity: "warning", line: 2, message: expect.stringContaining(`"${unit}" is a unit too large`)})]);
  });

  it.each(["MSv", "kSv"])("%s is never taken silently", (unit) => {
    const {problems} = parse(`R1,V,2026-03-14T09:30:00Z,2,m,60,s,0.000000000001,${unit}`);
    expect(problems.some((p) => p.column === "dose_unit")).toBe(true);
  });

  it("mSv, µSv, mrem, µGy and mR are not warned about", () => {
    for (const unit of ["mSv", "µSv", "mrem", "µGy", "mR"]) {
      expect(parse(`R1,V,2026-03-14T09:30:00Z,2,m,60,s,0.001,${unit}`).problems, unit).toEqual([]);
    }
  });

  it("dates: before X-rays were discovered an error, before 2000 a warning, for the reading and the calibration", () => {
    const header = `${HEADER},instrument_calibrated_on`;
    const early = parse("R1,V,1890-03-14T09:30:00Z,2,m,60,s,0.5,uSv,1894-01-01", header);
    expect(only(early.problems, "error").map((p) => p.column)).toEqual(["measured_at", "instrument_calibrated_on"]);
    expect(only(early.problems, "error")[0]!.message).toContain(DATE_RANGE.physicalMin);
    const old = parse("R1,V,1999-12-31T23:59:00Z,2,m,60,s,0.5,uSv,1999-06-01", header);
    expect(only(old.problems, "error")).toEqual([]);
    expect(old.problems.filter((p) => /before 2000-01-01/.test(p.message)).map((p) => p.column)).toEqual(["measured_at", "instrument_calibrated_on"]);
    expect(parse(`R1,V,${DATE_RANGE.plausibleMin}T00:00:00Z,2,m,60,s,0.5,uSv`).problems).toEqual([]);
  });
});

describe("certificates", () => {
  const cert = () => JSON.parse(readFileSync("test/fixtures/certificates/valid.json", "utf8")) as Record<string, any>;
  const parse = (json: unknown) => parseCertificate(JSON.stringify(json, null, 2), "cert.json");

  it("a reference point at 5e-324 m is an error at its JSON path and line, and the certificate is refused", () => {
    const json = cert();
    json.reference_points[0].distance = "5e-324 m";
    const {certificate, problems} = parse(json);
    expect(certificate).toBeNull();
    expect(only(problems, "error")).toEqual([
      expect.objectContaining({file: "cert.json", column: "$.reference_points[0].distance", line: expect.any(Number), message: expect.stringContaining("1 mm to 100 km")})
    ]);
  });

  it("an effective energy of 5 MeV is a warning naming the plausible range; 50 MeV is an error", () => {
    const json = cert();
    json.source.effective_energy = "5 MeV";
    const warned = parse(json);
    expect(warned.certificate).not.toBeNull();
    expect(only(warned.problems, "warning")).toEqual([expect.objectContaining({column: "$.source.effective_energy", message: expect.stringContaining("10 to 500 keV")})]);
    json.source.effective_energy = "50 MeV";
    expect(only(parse(json).problems, "error")).toEqual([expect.objectContaining({column: "$.source.effective_energy"})]);
  });

  it("an issue date before X-rays were discovered is an error", () => {
    const json = cert();
    json.issued_on = "1890-02-14";
    expect(only(parse(json).problems, "error").map((p) => p.column)).toContain("$.issued_on");
  });
});

describe("deployment logs", () => {
  const [header, row] = readFileSync("test/fixtures/deployments/valid.csv", "utf8").split(/\r?\n/);
  const withCell = (column: string, value: string) => {
    const names = header!.split(",");
    const cells = csvParseRows(row!)[0]!;
    cells[names.indexOf(column)] = value;
    return parseDeploymentLog(`${header}\n${cells.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")}\n`, "log.csv");
  };

  it("a cordon at 5e-324 m is an error naming the line, the column and the range", () => {
    const {deployments, problems} = withCell("cordon_m", "5e-324");
    expect(deployments).toEqual([]);
    expect(only(problems, "error")).toEqual([expect.objectContaining({line: 2, column: "cordon_m", message: expect.stringContaining("1 mm to 100 km")})]);
  });

  it("a scan speed of 1000 km/h is an error, 100 km/h a warning", () => {
    expect(only(withCell("scan_speed_km_per_h", "1000").problems, "error").map((p) => p.column)).toEqual(["scan_speed_km_per_h"]);
    const fast = withCell("scan_speed_km_per_h", "100");
    expect(fast.deployments).toHaveLength(1);
    expect(only(fast.problems, "warning")).toEqual([expect.objectContaining({column: "scan_speed_km_per_h", message: expect.stringContaining("0.5 to 50 km/h")})]);
  });

  it("hexadecimal numbers are refused, as in the readings: 0x10 vehicles, 0x10 s of beam", () => {
    expect(only(withCell("vehicles_scanned", "0x10").problems, "error").map((p) => p.column)).toEqual(["vehicles_scanned"]);
    expect(only(withCell("beam_on_s", "0x10").problems, "error").map((p) => p.column)).toEqual(["beam_on_s"]);
  });
});

describe("the streaming reader", () => {
  it("says a too-large dose unit once per file, across its batches, and refuses 5e-324 m as the parser does", async () => {
    const {mkdtemp, writeFile, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {join} = await import("node:path");
    const {streamReadingsFile} = await import("../lib/io/stream-readings.js");
    const dir = await mkdtemp(join(tmpdir(), "plausible-"));
    const file = join(dir, "r.csv");
    const rows = [1, 2, 3].map((k) => `R${k},V,2026-03-14T09:30:00Z,${k},m,60,s,0.0000001,Sv`);
    await writeFile(file, [HEADER, ...rows, "R4,V,2026-03-14T09:30:00Z,5e-324,m,60,s,0.5,uSv"].join("\n") + "\n");
    const streamed = await streamReadingsFile(file, {now: TEST_NOW, batchLines: 1});
    expect(streamed.problems.filter((p) => p.column === "dose_unit")).toHaveLength(1);
    expect(streamed.problems.filter((p) => p.severity === "error")).toEqual([expect.objectContaining({line: 5, column: "distance"})]);
    await rm(dir, {recursive: true, force: true});
  });
});
