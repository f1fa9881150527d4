// `xray-dose validate`: summary on stdout, one FILE:LINE: column C: line per problem on stderr, exit codes 0/1/2.
import {execFile} from "node:child_process";
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {UsageError, type Io} from "../../cli/command.js";
import {validateCommand} from "../../cli/commands/validate.js";

const FIXTURES = "test/fixtures/readings";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)};
  return {io, out, err};
}

describe("xray-dose validate", () => {
  it("exits 0 on valid readings, printing warnings and a summary", async () => {
    const {io, out, err} = capture();
    expect(await validateCommand.run([`${FIXTURES}/valid`], io)).toBe(0);
    expect(err).toEqual([
      `${FIXTURES}/valid/2026-03.csv:5: warning: column instrument_type: a rate meter can misread the short, intense exposure of a swept beam; confirm this reading with an integrating dosimeter (TLD, OSL or electronic) before relying on it`,
      // The April file's two readings name a dosimeter but no instrument.
      expect.stringMatching(/^test\/fixtures\/readings\/valid\/april\/2026-04\.csv:2: warning: column instrument_id: 2 readings \(lines 2, 3\) name no instrument, so their calibration traceability is lost/)
    ]);
    const summary = out.join("\n");
    expect(summary).toMatch(/^2 files, 6 readings from 2 devices \(VAN-1, VAN-2\), 2026-03-14 to 2026-04-02 \(UTC\)/);
    expect(summary).toMatch(/0 errors, 2 warnings\nvalid$/);
  });

  it("exits 1 with one line per problem, each naming file and line", async () => {
    const {io, out, err} = capture();
    const file = `${FIXTURES}/invalid/2026-03.csv`;
    expect(await validateCommand.run([file], io)).toBe(1);
    expect(err).toHaveLength(6);
    expect(err[0]).toBe(`${file}:3: column measured_at: "2026-03-02T10:00:00" has no UTC offset, so the instant is ambiguous; add Z for UTC or the local offset, such as 2026-03-14T09:30:00Z or 2026-03-14T09:30:00-05:00`);
    expect(err[1]).toBe(`${file}:4: column dose_unit: "mREM" is not a unit this product knows: did you mean "mrem"? (units are case-sensitive)`);
    expect(err[2]).toMatch(new RegExp(`^${file}:5: column measured_at: .*February 2026 has 28 days`));
    expect(err[3]).toBe(`${file}:5: column distance: 0 must be greater than zero`);
    expect(err[4]).toMatch(new RegExp(`^${file}:6: column reading_id: "B-1" is also the id of the reading on line 2`));
    expect(err[5]).toMatch(new RegExp(`^${file}:2: warning: column instrument_id: this reading names no instrument`));
    expect(out.join("\n")).toMatch(/5 errors, 1 warning\nINVALID/);
  });

  it("exits 1 for a file that is not text", async () => {
    const {io, err} = capture();
    expect(await validateCommand.run([`${FIXTURES}/not-text/readings.csv`], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^test\/fixtures\/readings\/not-text\/readings\.csv: the file is not UTF-8 text/)]);
  });

  it("is a usage error (exit 2 in main) with an unknown option", async () => {
    const {io} = capture();
    await expect(validateCommand.run(["--strict"], io)).rejects.toThrow(UsageError);
  });

  it("has help naming the exit codes", () => {
    expect(validateCommand.help).toMatch(/Exit status: 0 valid \(warnings allowed\), 1 any error, 2 a usage error/);
  });
});

describe("xray-dose validate DIR: a whole data folder", () => {
  it("validates the sample folder, the default without a path, with a summary of what it holds", async () => {
    const {io, out, err} = capture();
    expect(await validateCommand.run([], io)).toBe(0);
    const summary = out.join("\n");
    expect(summary).toMatch(/^data: Mobile X-ray van, .*synthetic sample data\n {2}readings: 6 files, [\d,]+ readings from 2 devices \(ZBV-0417, ZBV-0522\)/);
    expect(summary).toMatch(/certificates: 6 certificates; deployment log: \d+ deployments; policy: 1 text/);
    expect(summary).toMatch(/0 errors, [\d,]+ warnings\nvalid$/);
    // The folder's files against each other: the sample has readings outside its certificates' periods.
    expect(err.some((line) => /readings of device ZBV-0522 \(.*\) were taken on days no certificate of the device covers/.test(line))).toBe(true);
  });

  it("refuses a folder without dataset.json, saying what it is and how to make one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "no-manifest-"));
    try {
      await cp("data", dir, {recursive: true});
      await rm(join(dir, "dataset.json"));
      const {io, out, err} = capture();
      expect(await validateCommand.run([dir], io)).toBe(1);
      expect(err.at(-1)).toMatch(new RegExp(`^${dir}/dataset.json: is missing: every data folder needs a dataset.json saying which programme the data is from.*Make a new folder with "xray-dose init DIR"`));
      expect(out.join("\n")).toMatch(/1 error, [\d,]+ warnings\nINVALID/);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("lists the errors last, after the warnings", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bad-manifest-"));
    try {
      await cp("data", dir, {recursive: true});
      await writeFile(join(dir, "dataset.json"), JSON.stringify({programme: "P", agency: "A", jurisdiction: "J", limits: ["L5", "L99"], synthetic: false, description: "D", site_url: null}));
      const {io, err} = capture();
      expect(await validateCommand.run([dir], io)).toBe(1);
      expect(err.at(-1)).toBe(`${dir}/dataset.json: column $.limits[1]: "L99" is not a limit in limits.json; the limits there are L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15, N43.16`);
      expect(err.slice(0, -1).every((line) => / warning: /.test(line))).toBe(true);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe("xray-dose validate DIR: output constancy", () => {
  it("warns when a device's output on the beam side in one quarter is out of control, and not for the sample as it is", async () => {
    const dir = await mkdtemp(join(tmpdir(), "constancy-"));
    try {
      await cp("data", dir, {recursive: true});
      const clean = capture();
      process.env.SOURCE_DATE_EPOCH = "1796040000"; // 2026-11-30, after the sample's newest reading
      expect(await validateCommand.run([dir], clean.io)).toBe(0);
      expect(clean.err.filter((l) => /output at 1 m/.test(l))).toEqual([]);

      // ZBV-0417's beam-side readings of 2025-Q3 made 30 % higher: a change of output that quarter.
      const file = join(dir, "readings", "ZBV-0417-2025.csv");
      const lines = (await readFile(file, "utf8")).split("\n");
      const header = lines[0]!.split(",");
      const [at, angle, dose] = ["measured_at", "angle_deg", "dose"].map((c) => header.indexOf(c));
      const changed = lines.map((line, i) => {
        const f = line.split(",");
        if (i === 0 || f.length < header.length || f[angle!] !== "0" || !/^2025-0[789]/.test(f[at!]!)) return line;
        f[dose!] = String(Number(f[dose!]) * 1.3);
        return f.join(",");
      });
      await writeFile(file, changed.join("\n"));
      const shifted = capture();
      expect(await validateCommand.run([dir], shifted.io)).toBe(0);
      const warnings = shifted.err.filter((l) => /output at 1 m/.test(l));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/: warning: device ZBV-0417's output at 1 m on the beam side in 2025-Q3 \(\d+ readings\) is [\d.]+ µSv\/h, [\d.]+σ above the pooled/);
      expect(warnings[0]).toMatch(/^.*readings\/ZBV-0417-2025\.csv:\d+: /);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe("the xray-dose binary", () => {
  // Runs the real package binary (bin/xray-dose.js through cli/main.ts), as `npx xray-dose` would.
  function binary(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
    return new Promise((resolve) => {
      execFile(process.execPath, ["bin/xray-dose.js", ...args], (error, stdout, stderr) => {
        resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr});
      });
    });
  }

  it("validates end to end: exit 1 and FILE:LINE lines on bad readings, never a stack trace", async () => {
    const bad = await binary(["validate", `${FIXTURES}/invalid`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${FIXTURES}/invalid/2026-03.csv:4: column dose_unit: "mREM" is not a unit this product knows: did you mean "mrem"? (units are case-sensitive)`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const good = await binary(["validate", `${FIXTURES}/valid`]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/valid\n$/);
  });
});

describe("xray-dose validate and fit: a reading that alone decides a figure", () => {
  it("is warned about at its line by validate, and listed with its effect by fit", async () => {
    const {mkdtemp, cp, writeFile, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {join} = await import("node:path");
    const {fitCommand} = await import("../../cli/commands/fit.js");
    const dir = await mkdtemp(join(tmpdir(), "influence-"));
    for (const year of [2024, 2025, 2026]) await cp(`data/readings/ZBV-0417-${year}.csv`, join(dir, `ZBV-0417-${year}.csv`));
    const planted = join(dir, "planted.csv");
    await writeFile(planted, "reading_id,device_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,uncertainty,instrument_id\nPLANTED-1,ZBV-0417,2026-03-14T09:30:00Z,0.05,m,0,0.1,s,0.0001,uSv,0.00001,PIC-0782\n");
    const v = capture();
    expect(await validateCommand.run([dir], v.io)).toBe(0);
    expect(v.err.filter((e) => e.includes("alone decides"))).toEqual([
      expect.stringMatching(new RegExp(`^${planted}:2: warning: column dose: this reading alone decides a published figure of ZBV-0417; removing it moves upper bound at 5 ft for 10 s: .* µSv → .* µSv`))
    ]);
    const f = capture();
    expect(await fitCommand.run([join(dir, "ZBV-0417-2024.csv"), join(dir, "ZBV-0417-2025.csv"), join(dir, "ZBV-0417-2026.csv"), planted, "--json"], f.io)).toBe(0);
    const json = JSON.parse(f.out.join("\n"));
    expect(json.influence.influential.map((r: {reading_id: string}) => r.reading_id)).toEqual(["PLANTED-1"]);
    await rm(dir, {recursive: true, force: true});
  }, 120_000);
});
