// Archives and the grouping query past one machine: `xray-dose pack` writes Parquet by device and year that reads back
// as the same readings; the grouping query of docs/scaling.md, run here in DuckDB over the archive, gives groups that
// `xray-dose fit --groups` fits to the fit of `xray-dose fit` on the readings.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {scanReadings, type DoseConversion} from "../../lib/io/scan-readings.js";
import {openDb, sqlText} from "../../lib/io/duckdb.js";
import {archiveGroupingSql} from "../../lib/io/readings-sql.js";
import {writeBenchReadings} from "../../bench/generate-readings.js";
import {packCommand} from "../../cli/commands/pack.js";
import {fitCommand} from "../../cli/commands/fit.js";
import type {Io} from "../../cli/command.js";
import {TEST_NOW} from "../clock.js";

let dir: string;
const IDENTITY: DoseConversion = {"H*(10)": [], "Hp(10)": [], effective: []};

async function run(command: {run(args: string[], io: Io): Promise<number>}, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)});
  return {code, stdout: out.join("\n"), stderr: err.join("\n")};
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-"));
  await writeBenchReadings(join(dir, "monitor.csv"), 25_000, 5);
  // Three instruments with the uncertainty budget's columns: stated in full, in part (one row stating more), and not.
  const [header, ...rows] = (await readFile(join(dir, "monitor.csv"), "utf8")).trimEnd().split("\n");
  const stated = ["EPD-1,0.03,0.12", "EPD-2,0.05,", "AM-3,,"];
  await writeFile(join(dir, "monitor.csv"), [`${header},instrument_id,calibration_uncertainty,energy_response_uncertainty`,
    ...rows.map((r, i) => `${r},${i === 77 ? "EPD-1,4%,0.12" : stated[i % 7 % 3]}`)].join("\n") + "\n");
  process.env.SOURCE_DATE_EPOCH = String(TEST_NOW.getTime() / 1000);
});
afterAll(async () => {
  delete process.env.SOURCE_DATE_EPOCH;
  await rm(dir, {recursive: true, force: true});
});

describe("xray-dose pack", () => {
  it("writes Parquet by device and year that reads back as the same readings, with the same warnings", async () => {
    const out = join(dir, "archive");
    const packed = await run(packCommand, [join(dir, "monitor.csv"), "data/readings", out]);
    expect(packed.code).toBe(0);
    expect(packed.stdout).toMatch(/^27554 readings of 2 devices written/);
    const files = (await readdir(out, {recursive: true})).filter((f) => f.endsWith(".parquet")).sort();
    expect(files).toEqual(expect.arrayContaining([join("device_id=ZBV-0417", "year=2024", "data_0.parquet"), join("device_id=ZBV-0522", "year=2026", "data_0.parquet")]));

    const [original, archive] = [await scanReadings([join(dir, "monitor.csv"), "data/readings"], {now: TEST_NOW}), await scanReadings([out], {now: TEST_NOW})];
    try {
      expect(archive.readings).toBe(original.readings);
      expect(archive.devices).toEqual(original.devices);
      // Lines differ (the archive is ordered by device and time); the warnings themselves do not.
      const words = (s: typeof original) => s.problems.map((p) => `${p.severity} ${p.column} ${p.message}`).sort();
      expect(words(archive)).toEqual(words(original));
      for (const device of original.devices.map((d) => d.device_id)) {
        const conversion = {...IDENTITY, exposure: [0.0087, 1.1]};
        const [a, b] = [await archive.groups(device, conversion), await original.groups(device, conversion)];
        expect(a.map((g) => [g.sector_deg, g.bin, g.n, g.censored])).toEqual(b.map((g) => [g.sector_deg, g.bin, g.n, g.censored]));
        a.forEach((g, i) => expect(Math.abs(g.sumWY - b[i]!.sumWY)).toBeLessThanOrEqual(1e-12 * Math.abs(b[i]!.sumWY)));
      }
    } finally {
      original.close();
      archive.close();
    }
  });

  it("refuses readings with an error, and a folder that is not empty", async () => {
    const bad = await run(packCommand, ["test/fixtures/readings/invalid", join(dir, "never")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2026-03\.csv:4: column dose_unit/);
    await expect(run(packCommand, ["data/readings", dir])).rejects.toThrow(/not empty/);
  });
});

describe("the grouping query past one machine", () => {
  it("is the SQL docs/scaling.md shows", async () => {
    const doc = await readFile("docs/scaling.md", "utf8");
    const block = /```sql\n([\s\S]*?)```/.exec(doc)![1]!;
    const squash = (s: string) => s.replace(/\s+/g, " ").trim();
    expect(squash(block)).toBe(squash(archiveGroupingSql("readings")));
  });

  it("run over the archive, gives groups that fit --groups fits exactly as fit on the readings", async () => {
    const out = join(dir, "archive2");
    expect((await run(packCommand, [join(dir, "monitor.csv"), out])).code).toBe(0);
    const groups = join(dir, "groups.csv");
    const db = await openDb();
    await db.run(`CREATE VIEW readings AS SELECT * FROM read_parquet(${sqlText(join(out, "**", "*.parquet"))}, hive_partitioning = false)`);
    await db.run(`COPY (${archiveGroupingSql("readings")}) TO ${sqlText(groups)} (FORMAT csv, HEADER true)`);
    db.close();
    for (const model of ["inverse-square-air", "power-law"]) {
      const fromGroups = JSON.parse((await run(fitCommand, ["--groups", groups, "--device", "ZBV-0522", "--model", model, "--json"])).stdout);
      const fromReadings = JSON.parse((await run(fitCommand, [join(dir, "monitor.csv"), "--device", "ZBV-0522", "--model", model, "--json"])).stdout);
      expect(fromGroups.n).toBe(fromReadings.n);
      expect(fromGroups.dof).toBe(fromReadings.dof);
      for (const name of Object.keys(fromReadings.parameters)) {
        expect(Math.abs(fromGroups.parameters[name].value / fromReadings.parameters[name].value - 1)).toBeLessThan(1e-9);
        expect(Math.abs(fromGroups.parameters[name].stderr / fromReadings.parameters[name].stderr - 1)).toBeLessThan(1e-9);
      }
      expect(Math.abs(fromGroups.chiSquare / fromReadings.chiSquare - 1)).toBeLessThan(1e-9);
      // The type B budget, instrument by instrument: the grouping query keeps each instrument's stated values.
      const [a, b] = [fromGroups.instrumentUncertainty, fromReadings.instrumentUncertainty];
      expect(b.instruments.map((i: {id: string}) => i.id).sort()).toEqual(["AM-3", "EPD-1", "EPD-2"]);
      expect(b.instruments.find((i: {id: string}) => i.id === "EPD-1").calibration).toBe(0.04);
      expect(Math.abs(a.relative / b.relative - 1)).toBeLessThan(1e-9);
      const strip = (list: {share: number}[]) => list.map(({share: _share, ...rest}) => rest);
      expect(strip(a.instruments)).toEqual(strip(b.instruments));
      expect(fromGroups.flagged).toBeNull();
      // A single reading's influence needs every reading as a fit point: neither DuckDB's volumes nor groups have them.
      for (const out of [fromGroups, fromReadings]) expect(out.influence).toMatchObject({checked: false, reason: expect.stringMatching(/^not checked here/)});
      expect(fromGroups.notes).toContain("single readings are not known from groups: no reading could be checked against the fit");
    }
  });

  it("reports a broken groups file by line and column", async () => {
    const file = join(dir, "broken-groups.csv");
    await writeFile(file, [
      "device_id,sector_deg,quantity,bin,n,sum_w,sum_wy,sum_wyy,sum_wr,min_r,max_r,min_y,max_y,censored,instrument_id,instrument_type,calibration_uncertainty,energy_response_uncertainty",
      "V,10,H*(10),5,2,1,1,1,1,1,1,1,1,0,EPD-1,integrating,0.05,",
      "V,,dose,5,-1,x,1,1,1,1,1,1,1,0,,gm,x,1"
    ].join("\n") + "\n");
    await expect(run(fitCommand, ["--groups", file])).rejects.toThrow(new RegExp([
      /broken-groups\.csv:2: column sector_deg: "10" is not the centre/, /broken-groups\.csv:3: column sum_w: "x" is not a finite number/,
      /broken-groups\.csv:3: column calibration_uncertainty: "x" is not a relative uncertainty/,
      /broken-groups\.csv:3: column energy_response_uncertainty: "1" is not a relative uncertainty/,
      /broken-groups\.csv:3: column instrument_type: "gm" is not an instrument type/
    ].map((r) => r.source).join("[\\s\\S]*")));
  });
});
