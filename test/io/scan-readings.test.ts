// The DuckDB reader against the second method, the TypeScript reader (readReadingsPaths): the same problems, in the
// same order and words, on the hostile-input corpus, every fixture, the sample data and files built to hit every
// rule; the same groups and the same flagged readings; Parquet read as its CSV export would be.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readReadingsPaths} from "../../lib/io/read-readings.js";
import {scanReadings, type DoseConversion, type ReadingsScan} from "../../lib/io/scan-readings.js";
import {openDb, sqlText} from "../../lib/io/duckdb.js";
import {convertValue} from "../../lib/io/group-rows.js";
import {checkAgainstFit, fitGroups, fitModel, groupPoints, readingsToPoints, type ReadingGroup} from "../../lib/models/index.js";
import {airContext} from "../../lib/models/context.js";
import {writeBenchReadings} from "../../bench/generate-readings.js";
import {TEST_NOW} from "../clock.js";

const now = TEST_NOW;
const IDENTITY: DoseConversion = {"H*(10)": [], "Hp(10)": [], effective: [], "air-kerma": [1.2], exposure: [0.00876, 1.2]};
let dir: string;
const scans: ReadingsScan[] = [];
const duck = async (paths: string[]) => {
  const scan = await scanReadings(paths, {now, duckdbFromBytes: 0});
  scans.push(scan);
  return scan;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "scan-"));
});
afterAll(async () => {
  for (const s of scans) s.close();
  await rm(dir, {recursive: true, force: true});
});

async function expectSameProblems(paths: string[]) {
  const [a, b] = [await duck(paths), await readReadingsPaths(paths, {now})];
  expect(a.problems).toEqual(b.problems);
  expect(a.readings).toBe(b.readings.length);
  expect(a.files.map((f) => [f.path, f.sha256, f.rows])).toEqual(b.files.map((f) => [f.path, f.sha256, f.rows]));
  return {duck: a, ts: b};
}

describe("the same problems as the TypeScript reader", () => {
  const corpus = ["binary", "dotdot", "empty", "formula", "header-only", "html", "huge-values", "latin1", "truncated", "utf16"];
  for (const name of corpus) {
    it(`hostile input: ${name}.csv`, async () => {
      await expectSameProblems([`test/fixtures/malformed/${name}.csv`]);
    });
  }
  for (const folder of ["valid", "invalid", "not-text"]) {
    it(`fixtures: readings/${folder}`, async () => {
      await expectSameProblems([`test/fixtures/readings/${folder}`]);
    });
  }
  it("the sample data, every file together (ids across files, readings far off)", async () => {
    const {duck} = await expectSameProblems(["data/readings"]);
    expect(duck.files.every((f) => f.engine === "duckdb")).toBe(true);
  });
  it("a device among the paths: refused before a byte is read, as the parser's reader refuses it", async () => {
    const {duck} = await expectSameProblems(["/dev/zero", "test/fixtures/readings/valid"]);
    expect(duck.problems[0]).toMatchObject({file: "/dev/zero", severity: "error"});
  });
  it("everything at once", async () => {
    await expectSameProblems(["test/fixtures/malformed", "test/fixtures/readings", "data/readings"]);
  });

  const HEADER = "reading_id,device_id,dosimeter_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,quantity,uncertainty,background,mdl,instrument_type,instrument_id,instrument_calibrated_on,notes";
  const ok = (id: string, over: Partial<Record<string, string>> = {}) => {
    const v: Record<string, string> = {
      reading_id: id, device_id: "VAN-1", dosimeter_id: "EPD-1", measured_at: "2026-03-01T10:00:00Z", distance: "2", distance_unit: "m",
      angle_deg: "0", duration: "60", duration_unit: "s", dose: "0.5", dose_unit: "uSv", quantity: "", uncertainty: "0.05",
      background: "0.001", mdl: "0.01", instrument_type: "integrating", instrument_id: "EPD-1", instrument_calibrated_on: "2026-01-01", notes: "", ...over
    };
    return HEADER.split(",").map((c) => v[c]).join(",");
  };
  // One rule per line: each either passes SQL (clean) or must come back from the parser with its exact message.
  const rules: string[] = [
    ok("A1"), ok("A2", {measured_at: "2026-03-01T10:00:00.5+05:30"}), ok("A3", {measured_at: "2026-03-01T10:00:00.123456Z"}),
    ok("A4", {measured_at: "2026-03-01T24:00:00Z"}), ok("A5", {measured_at: "2026-03-01T10:00:00+19:00"}), ok("A6", {measured_at: "2026-03-01T10:00:00+18:01"}),
    ok("A7", {measured_at: "2026-02-30T10:00:00Z"}), ok("A8", {measured_at: "2026-03-01T10:00Z"}), ok("A9", {measured_at: "2026-03-01"}),
    ok("A10", {measured_at: "2099-03-01T10:00:00Z"}), ok("A11", {measured_at: "2026-03-01 10:00:00Z"}), ok("A12", {measured_at: "2026-03-01T10:00:00"}),
    ok("B1", {distance: "1_000"}), ok("B2", {distance: " 2"}), ok("B3", {distance: "inf"}), ok("B4", {distance: "+-2"}), ok("B5", {distance: "\"1,5\""}),
    ok("B6", {distance: "1e400"}), ok("B7", {distance: "-2"}), ok("B8", {distance: "0"}), ok("B9", {distance: "1e308", distance_unit: "km"}),
    ok("B10", {distance: ".5"}), ok("B11", {distance: "5."}), ok("B12", {distance: "2E1", distance_unit: "cm"}), ok("B13", {distance: "0x10"}),
    ok("C1", {distance_unit: "ft"}), ok("C2", {distance_unit: "feet"}), ok("C3", {distance_unit: "M"}), ok("C4", {duration_unit: "min"}),
    ok("C5", {duration_unit: "h"}), ok("C6", {dose_unit: "mrem"}), ok("C7", {dose_unit: "µSv"}), ok("C8", {dose_unit: "μSv"}),
    ok("C9", {dose_unit: "uGy"}), ok("C10", {dose_unit: "mR"}), ok("C11", {dose_unit: "uSv/h"}), ok("C12", {dose_unit: "m"}),
    ok("D1", {quantity: "Hp(10)"}), ok("D2", {quantity: "h*(10)"}), ok("D3", {quantity: "air-kerma"}), ok("D4", {quantity: "air-kerma", dose_unit: "uGy"}),
    ok("D5", {quantity: "dose"}), ok("D6", {quantity: "exposure", dose_unit: "uR"}),
    ok("E1", {uncertainty: "8%"}), ok("E2", {uncertainty: "8 %"}), ok("E3", {uncertainty: "-1"}), ok("E4", {uncertainty: "x%"}), ok("E5", {uncertainty: ""}),
    ok("E6", {uncertainty: "", dose: "0", mdl: ""}), ok("E7", {uncertainty: "0", dose: "0", mdl: "0.01"}), ok("E8", {uncertainty: "0", dose: "0", mdl: ""}),
    ok("F1", {background: "0.9"}), ok("F2", {background: "0.9", mdl: "1"}), ok("F3", {background: "-0.1"}), ok("F4", {mdl: "-1"}), ok("F5", {dose: "0.001", mdl: "0.01"}),
    ok("G1", {instrument_type: "rate-meter"}), ok("G2", {instrument_type: "Integrating"}), ok("G3", {instrument_type: "gm"}),
    ok("G4", {instrument_calibrated_on: "2024-01-01"}), ok("G5", {instrument_calibrated_on: "2026-03-02"}), ok("G6", {instrument_calibrated_on: "2025-03-01"}),
    ok("G7", {instrument_calibrated_on: "2025-02-28"}), ok("G8", {instrument_calibrated_on: "2026-13-01"}), ok("G9", {instrument_calibrated_on: ""}),
    ok("H1", {angle_deg: "360"}), ok("H2", {angle_deg: "361"}), ok("H3", {angle_deg: "22.5"}), ok("H4", {angle_deg: ""}), ok("H5", {angle_deg: "-0"}),
    ok(" I1"), ok("I2 "), ok("\u00a0I3"), ok("I4", {device_id: " VAN-1"}), ok("I5", {device_id: ""}), ok("I6", {device_id: "Gerät"}),
    ok("I7", {dosimeter_id: "\u2003EPD"}), ok("", {}), ok("readings.csv:3"), ok("A1"), ok("J1", {notes: '"he said ""hi"", then left"'}),
    ok("J2", {notes: "a\"b"}), ok("J3", {notes: "\"plain, with a comma\""}), ok("J4", {dose: ""}), ok("J5", {distance: ""}), ok("J6", {duration: "0"})
  ];

  it("a file of every rule, line by line", async () => {
    const file = join(dir, "readings.csv");
    await writeFile(file, [HEADER, ...rules].join("\n") + "\n");
    const {duck} = await expectSameProblems([file]);
    // SQL certified the plain rows; the parser re-read the rest (and both rows of the repeated id A1).
    expect(duck.files[0]!.engine).toBe("duckdb");
    expect(duck.files[0]!.reread).toBeGreaterThan(40);
    expect(duck.files[0]!.reread).toBeLessThan(rules.length - 10);
  });

  // The columns added with the uncertainty budget and dose rates: SQL certifies the plain forms, with the parser's
  // numbers (the groups, instruments included, are the per-reading path's), and hands the rest to the parser.
  const NEWER = `${HEADER},duration_basis,calibration_uncertainty,energy_response_uncertainty`;
  const newer = (id: string, over: Partial<Record<string, string>> = {}) => {
    const {duration_basis = "", calibration_uncertainty = "", energy_response_uncertainty = "", ...rest} = over;
    return `${ok(id, rest)},${duration_basis},${calibration_uncertainty},${energy_response_uncertainty}`;
  };
  const newerRules: string[] = [
    newer("N1"), newer("N2", {duration_basis: "beam-on"}), newer("N3", {duration_basis: "elapsed"}), newer("N4", {duration_basis: "Beam-On"}),
    newer("N5", {duration_basis: "wall"}), newer("N6", {calibration_uncertainty: "4%"}), newer("N7", {calibration_uncertainty: "0.04"}),
    newer("N8", {calibration_uncertainty: "100%"}), newer("N9", {calibration_uncertainty: "1"}), newer("N10", {calibration_uncertainty: "x"}),
    newer("N11", {energy_response_uncertainty: "0.3", instrument_id: "EPD-2"}), newer("N12", {energy_response_uncertainty: " 5%"}),
    newer("N13", {energy_response_uncertainty: "%"}), newer("N14", {calibration_uncertainty: "-0.01"}),
    newer("R1", {dose_unit: "uSv/h", dose: "30"}), newer("R2", {dose_unit: "mrem/h", dose: "3", duration: "2", duration_unit: "min"}),
    newer("R3", {dose_unit: "uGy/h", dose: "25", uncertainty: "10%", background: "0.1", mdl: "0.5"}), newer("R4", {dose_unit: "uSv/h", dose: "30", duration: "0"}),
    newer("R5", {dose_unit: "µSv/h", dose: "30", instrument_id: "", dosimeter_id: "EPD-9", calibration_uncertainty: "0.02"}),
    newer("R6", {dose_unit: "mrad", dose: "0.05"}), newer("R7", {dose_unit: "mR/h", dose: "1", uncertainty: ""}),
    // lib/plausibility.ts: outside a plausible range a warning, outside the physical range an error, each the parser's.
    newer("P1", {distance: "0.04"}), newer("P2", {distance: "0.05"}), newer("P3", {distance: "20", distance_unit: "km"}), newer("P4", {distance: "200", distance_unit: "km"}),
    newer("P5", {duration: "0.05"}), newer("P6", {duration: "0.1"}), newer("P7", {dose: "1.5", dose_unit: "mSv"}), newer("P8", {dose: "1", dose_unit: "mSv"}),
    newer("P9", {dose: "2000", dose_unit: "uSv", duration: "60", uncertainty: "100"}), newer("P10", {dose: "0.02", dose_unit: "Sv"}),
    newer("P11", {measured_at: "1999-12-31T23:59:59Z"}), newer("P12", {measured_at: "2000-01-01T00:00:00Z", instrument_calibrated_on: "1999-12-31"}),
    newer("P13", {measured_at: "1890-01-01T00:00:00Z"}), newer("P14", {dose: "200", dose_unit: "mSv/h", duration: "1"}), newer("P15", {mdl: "2000"}),
    ...Array.from({length: 40}, (_, i) => newer(`S${i}`, {
      distance: String(1 + (i % 5)), dose: String(0.5 / (1 + (i % 5)) ** 2 + i * 1e-4), angle_deg: String((i * 37) % 360),
      instrument_id: `EPD-${i % 3}`, calibration_uncertainty: i % 3 === 0 ? "" : `${i % 7}%`, energy_response_uncertainty: i % 2 === 0 ? "0.05" : "",
      dose_unit: i % 4 === 0 ? "uSv/h" : "uSv"
    }))
  ];

  it("the newer columns: dose rates, duration basis, instrument uncertainties", async () => {
    const file = join(dir, "newer.csv");
    await writeFile(file, [NEWER, ...newerRules].join("\n") + "\n");
    const {duck, ts} = await expectSameProblems([file]);
    expect(duck.files[0]!.engine).toBe("duckdb");
    // The 40 plain rows and the plain forms above are SQL's; the parser re-reads the ten SQL does not certify:
    // N3 (elapsed), N4 and N5 (not beam-on as written), N8, N9, N10, N12, N13, N14 (not a plain fraction or
    // percentage below 1), R4 (a rate over no time), and the P rows outside a plausible range (all but P2, P6, P8).
    expect(duck.files[0]!.reread).toBe(10 + 12);
    expect(await duck.fitProblems("VAN-1")).toEqual(readingsToPoints(ts.readings, {toDoseEquivalent: (v) => v}).problems);
    // Air kerma and exposure rows are here too: both sides convert them with IDENTITY's factors.
    const {points} = readingsToPoints(ts.readings, {toDoseEquivalent: (v, r) => convertValue(v, r.quantity, IDENTITY)});
    const shape = (groups: ReadingGroup[]) => groups.map((g) => ({
      key: [g.sector_deg, g.bin, g.n, g.censored, g.minR, g.maxR],
      // SQL takes the rate and then converts, the parser converts and then takes the rate: equal to rounding.
      sums: [g.sumW, g.sumWY, g.sumWYY, g.sumWR, g.minY, g.maxY],
      instruments: [...g.instruments].sort((a, b) => String(a.id).localeCompare(String(b.id))).map((i) => [i.id, i.type, i.calibration, i.energyResponse, i.readings, i.sumW])
    }));
    const [got, expected] = [shape(await duck.groups("VAN-1", IDENTITY)), shape(groupPoints(points))];
    expect(got.map((g) => g.key)).toEqual(expected.map((g) => g.key));
    got.forEach((g, i) => {
      const e = expected[i]!;
      g.sums.forEach((v, k) => expect(Math.abs(v - e.sums[k]!)).toBeLessThanOrEqual(1e-12 * Math.abs(e.sums[k]!)));
      expect(g.instruments.map((x) => x.slice(0, 5))).toEqual(e.instruments.map((x) => x.slice(0, 5)));
      g.instruments.forEach((x, k) => expect(Math.abs((x[5] as number) / (e.instruments[k]![5] as number) - 1)).toBeLessThan(1e-12));
    });
  });

  it("the same with CRLF and with CR line ends", async () => {
    const crlf = join(dir, "crlf.csv");
    await writeFile(crlf, [HEADER, ...rules].join("\r\n") + "\r\n");
    expect((await expectSameProblems([crlf])).duck.files[0]!.engine).toBe("duckdb");
    const cr = join(dir, "cr.csv");
    await writeFile(cr, [HEADER, ...rules].join("\r") + "\r");
    expect((await expectSameProblems([cr])).duck.files[0]!.engine).toBe("duckdb");
  });

  it("files DuckDB cannot map row to line, or read at all: the parser reads them whole", async () => {
    const cases: [string, string, "duckdb" | "typescript"][] = [
      ["blank-line.csv", [HEADER, ok("K1"), "", ok("K2")].join("\n") + "\n", "typescript"],
      ["trailing-blank.csv", [HEADER, ok("K1"), ok("K2"), "", ""].join("\n") + "\n", "duckdb"],
      ["multiline.csv", [HEADER, ok("K1", {notes: '"two\nlines"'}), ok("K2")].join("\n") + "\n", "typescript"],
      ["short-row.csv", [HEADER, ok("K1"), "K2,VAN-1", ok("K3")].join("\n") + "\n", "typescript"],
      ["quote-after.csv", [HEADER, ok("K1", {notes: '"x"y'}), ok("K2")].join("\n") + "\n", "typescript"],
      ["bom.csv", "\ufeff" + [HEADER, ok("K1"), ok("K2")].join("\n") + "\n", "duckdb"],
      ["bad-header.csv", [HEADER.replace("device_id", "Device ID"), ok("K1")].join("\n") + "\n", "typescript"],
      ["twice.csv", [HEADER + ",notes", ok("K1") + ","].join("\n") + "\n", "typescript"],
      ["no-eol.csv", [HEADER, ok("K1"), ok("K2")].join("\n"), "duckdb"],
      ["nul.csv", [HEADER, ok("K1", {notes: "a\u0000b"})].join("\n") + "\n", "typescript"],
      ["no-ids.csv", [HEADER.replace("reading_id,", ""), ok("X").replace(/^X,/, ""), ok("X").replace(/^X,/, "")].join("\n") + "\n", "duckdb"]
    ];
    for (const [name, text, engine] of cases) {
      const file = join(dir, name);
      await writeFile(file, text);
      expect((await expectSameProblems([file])).duck.files[0]!.engine, name).toBe(engine);
    }
  });

  it("ids repeated across files, derived ids included", async () => {
    const a = join(dir, "a", "readings.csv");
    const b = join(dir, "b", "readings.csv");
    await (await import("node:fs/promises")).mkdir(join(dir, "a"), {recursive: true});
    await (await import("node:fs/promises")).mkdir(join(dir, "b"), {recursive: true});
    await writeFile(a, [HEADER, ok("Z1"), ok(""), ok("Z2")].join("\n") + "\n");
    await writeFile(b, [HEADER, ok("Z2"), ok(""), ok("Z1"), ok("Z3")].join("\n") + "\n");
    await expectSameProblems([a, b]);
  });

  it("readings looked up by id, derived ids included, and set aside from the groups", async () => {
    const file = join(dir, "derived.csv");
    await writeFile(file, [HEADER, ok("K1"), ok(""), ok("K3", {distance: "3"})].join("\n") + "\n");
    for (const duckdbFromBytes of [0, Infinity]) {
      const scan = await scanReadings([file], {now, duckdbFromBytes});
      scans.push(scan);
      expect(scan.files[0]!.engine).toBe(duckdbFromBytes === 0 ? "duckdb" : "typescript");
      const found = await scan.readingsWithIds(["K3", "derived.csv:3", "derived.csv:2", "NO-SUCH"]);
      expect(found.map((r) => [r.reading_id, r.source.line, r.distance_m])).toEqual([["derived.csv:3", 3, 2], ["K3", 4, 3]]);
      expect(await scan.readingsWithIds([])).toEqual([]);
      await scan.exclude(found);
      const groups = await scan.groups("VAN-1", IDENTITY);
      expect(groups.map((g) => [g.n, g.minR])).toEqual([[1, 2]]);
      expect(scan.readings).toBe(3);
    }
  });
});

describe("monitor-sized data: groups, flags and warnings agree", () => {
  let file: string;
  let scan: ReadingsScan;
  beforeAll(async () => {
    file = join(dir, "monitor.csv");
    await writeBenchReadings(file, 30_000, 3);
    // Three bad rows and two warnings, far apart.
    const text = (await (await import("node:fs/promises")).readFile(file, "utf8")).split("\n");
    text[1001] = text[1001]!.replace(/,m,/, ",furlong,");
    text[15000] = text[15000]!.replace(/2026-/, "2099-");
    text[29000] = text[29000]!.replace(/,uSv,/, ",uSV,");
    text[20000] = text[20000]!.replace(/integrating$/, "rate-meter");
    await writeFile(file, text.join("\n"));
    scan = await duck([file]);
  });

  it("the same problems, and exactly the bad lines", async () => {
    const ts = await readReadingsPaths([file], {now});
    expect(scan.problems).toEqual(ts.problems);
    const errors = scan.problems.filter((p) => p.severity === "error").map((p) => p.line);
    expect(errors).toEqual([1002, 15001, 29001]);
    expect(scan.files[0]!.engine).toBe("duckdb");
    expect(scan.files[0]!.reread).toBe(4);
  });

  it("the same groups and fit as the per-reading path", async () => {
    const ts = await readReadingsPaths([file], {now});
    for (const device of scan.devices) {
      const {points} = readingsToPoints(ts.readings.filter((r) => r.device_id === device.device_id), {toDoseEquivalent: (v) => v});
      const expected = groupPoints(points);
      const got = await scan.groups(device.device_id, IDENTITY);
      expect(got.map((g) => [g.sector_deg, g.bin, g.n, g.censored, g.minR, g.maxR])).toEqual(expected.map((g) => [g.sector_deg, g.bin, g.n, g.censored, g.minR, g.maxR]));
      got.forEach((g, i) => {
        const e = expected[i]!;
        for (const key of ["sumW", "sumWY", "sumWYY", "sumWR"] as const) expect(Math.abs(g[key] - e[key])).toBeLessThanOrEqual(1e-12 * Math.abs(e[key]));
      });
      const ctx = airContext(60);
      const each = fitModel(points, "inverse-square-air", ctx);
      const grouped = fitGroups(got, "inverse-square-air", ctx);
      expect(Math.abs(grouped.parameters.S!.value / each.parameters.S!.value - 1)).toBeLessThan(1e-12);
      expect(Math.abs(grouped.chiSquare / each.chiSquare - 1)).toBeLessThan(1e-9);
      expect(grouped.n).toBe(each.n);
      // The readings flagged against the fit, and the readings below detection it disagrees with.
      const check = await scan.check(device.device_id, each, IDENTITY);
      const expectedCheck = checkAgainstFit(points, each);
      expect(check.flaggedCount).toBe(expectedCheck.flagged.length);
      expect(check.flagged.map((f) => [f.reading.reading_id, f.reading.source.line])).toEqual(
        expectedCheck.flagged.slice(0, check.flagged.length).map((f) => [f.reading_id, ts.readings.find((r) => r.reading_id === f.reading_id)!.source.line]));
      check.flagged.forEach((f, i) => expect(f.normalised).toBeCloseTo(expectedCheck.flagged[i]!.normalised, 9));
      expect(check.compared).toBe(expectedCheck.compared);
      expect(check.censored).toBe(expectedCheck.censored);
      expect(check.inconsistentCount).toBe(expectedCheck.inconsistent.length);
    }
  });

  it("every residual written to Parquet and CSV, the flagged ones marked", async () => {
    const device = scan.devices[0]!.device_id;
    const groups = await scan.groups(device, IDENTITY);
    const fit = fitGroups(groups, "inverse-square-air", airContext(60));
    const check = await scan.check(device, fit, IDENTITY);
    for (const name of ["residuals.parquet", "residuals.csv"]) {
      const out = join(dir, name);
      const n = await scan.writeResiduals(out, device, fit, IDENTITY);
      expect(n).toBe(check.compared + check.censored);
      const db = await openDb();
      const reader = name.endsWith(".parquet") ? "read_parquet" : "read_csv";
      const [row] = await db.all<{n: number; flagged: number; ids: number}>(`SELECT count(*) AS n, count(*) FILTER (WHERE flagged) AS flagged, count(DISTINCT reading_id) AS ids FROM ${reader}(${sqlText(out)})`);
      db.close();
      expect(row).toEqual({n, flagged: check.flaggedCount, ids: n});
    }
  });

  it("readings set aside (an RSO's exclusions) leave the groups, the fit and the check, in both engines alike", async () => {
    const ts = await readReadingsPaths([file], {now});
    // The device of the row re-read for its warning (line 20001): the parser holds that reading, SQL the others.
    const warned = ts.readings.find((r) => r.source.line === 20001)!;
    const device = warned.device_id;
    const ofDevice = ts.readings.filter((r) => r.device_id === device);
    const ctx = airContext(60);
    const allPoints = readingsToPoints(ofDevice, {toDoseEquivalent: (v) => v}).points;
    const flagged = checkAgainstFit(allPoints, fitModel(allPoints, "inverse-square-air", ctx)).flagged;
    expect(flagged.length).toBeGreaterThan(0);
    // A flagged reading, the first and last of the device (rows SQL certified), the re-read one, and an id no reading has.
    const ids = [...new Set([flagged[0]!.reading_id, ofDevice[0]!.reading_id, ofDevice.at(-1)!.reading_id, warned.reading_id, "NO-SUCH"])];
    const expectedFound = ts.readings.filter((r) => ids.includes(r.reading_id));
    expect(expectedFound).toHaveLength(ids.length - 1);
    expect(expectedFound.length).toBeGreaterThanOrEqual(3);
    const kept = ofDevice.filter((r) => !ids.includes(r.reading_id));
    const {points} = readingsToPoints(kept, {toDoseEquivalent: (v) => v});
    const each = fitModel(points, "inverse-square-air", ctx);
    const expectedCheck = checkAgainstFit(points, each);
    const results = [];
    for (const duckdbFromBytes of [0, Infinity]) {
      const reviewed = await scanReadings([file], {now, duckdbFromBytes});
      scans.push(reviewed);
      expect(reviewed.files[0]!.engine).toBe(duckdbFromBytes === 0 ? "duckdb" : "typescript");
      const found = await reviewed.readingsWithIds(ids);
      expect(found.map((r) => [r.reading_id, r.source.line, r.measured_at, r.device_id])).toEqual(expectedFound.map((r) => [r.reading_id, r.source.line, r.measured_at, r.device_id]));
      await reviewed.exclude(found);
      const groups = await reviewed.groups(device, IDENTITY);
      const grouped = fitGroups(groups, "inverse-square-air", ctx);
      expect(grouped.n).toBe(each.n);
      expect(Math.abs(grouped.parameters.S!.value / each.parameters.S!.value - 1)).toBeLessThan(1e-12);
      expect(Math.abs(grouped.chiSquare / each.chiSquare - 1)).toBeLessThan(1e-9);
      const check = await reviewed.check(device, each, IDENTITY);
      expect(check.flaggedCount).toBe(expectedCheck.flagged.length);
      expect(check.flagged.map((f) => f.reading.reading_id)).not.toContain(flagged[0]!.reading_id);
      expect(check.compared + check.censored).toBe(points.length);
      expect(reviewed.readings).toBe(ts.readings.length);
      // --residuals: every fitted reading, none set aside.
      const out = join(dir, `reviewed-${duckdbFromBytes}.csv`);
      expect(await reviewed.writeResiduals(out, device, each, IDENTITY)).toBe(points.length);
      const db = await openDb();
      const [written] = await db.all<{n: number}>(`SELECT count(*) AS n FROM read_csv(${sqlText(out)}) WHERE reading_id IN (${ids.map(sqlText).join(", ")})`);
      db.close();
      expect(written!.n).toBe(0);
      results.push({groups: groups.map((g) => [g.sector_deg, g.bin, g.n, g.censored]), S: grouped.parameters.S!.value, flagged: check.flagged.map((f) => f.reading.reading_id)});
    }
    expect(results[0]!.groups).toEqual(results[1]!.groups);
    expect(Math.abs(results[0]!.S / results[1]!.S - 1)).toBeLessThan(1e-12);
    expect(results[0]!.flagged).toEqual(results[1]!.flagged);
  });

  it("Parquet with the same columns gives the same problems, as lines of its CSV export", async () => {
    const parquet = join(dir, "monitor.parquet");
    const db = await openDb();
    await db.run(`COPY (SELECT * FROM read_csv(${sqlText(file)}, all_varchar = true)) TO ${sqlText(parquet)} (FORMAT parquet)`);
    db.close();
    const fromParquet = await duck([parquet]);
    expect(fromParquet.problems.map((p) => ({...p, file: "x"}))).toEqual(scan.problems.map((p) => ({...p, file: "x"})));
    expect(fromParquet.files[0]!.engine).toBe("duckdb");
    const a = await fromParquet.groups(fromParquet.devices[0]!.device_id, IDENTITY);
    const b = await scan.groups(scan.devices[0]!.device_id, IDENTITY);
    expect(a).toEqual(b);
    // The whole-file reader reads the same Parquet file as CSV text.
    expect((await readReadingsPaths([parquet], {now})).problems).toEqual(fromParquet.problems);
  });
});

describe("several threads' worth of readings: the same fit to the bit", () => {
  it("from the same file twice and from its Parquet copy (DuckDB's threads would add in any order)", async () => {
    // Three of DuckDB's 122,880-row groups, so its threads share the grouping.
    const file = join(dir, "threads.csv");
    const parquet = join(dir, "threads.parquet");
    await writeBenchReadings(file, 300_000, 11);
    const db = await openDb();
    await db.run(`COPY (SELECT * FROM read_csv(${sqlText(file)}, all_varchar = true)) TO ${sqlText(parquet)} (FORMAT parquet)`);
    db.close();
    const groupsOf = async (path: string) => {
      const scan = await duck([path]);
      try {
        return await Promise.all(scan.devices.map((d) => scan.groups(d.device_id, IDENTITY)));
      } finally {
        scan.close();
      }
    };
    const first = await groupsOf(file);
    expect(first.flat().reduce((n, g) => n + g.n, 0)).toBeGreaterThan(250_000);
    expect(await groupsOf(file)).toEqual(first);
    expect(await groupsOf(parquet)).toEqual(first);
  });
});
