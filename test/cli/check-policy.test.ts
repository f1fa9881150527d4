import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterEach, describe, expect, it} from "vitest";
import {checkPolicyCommand, runPolicyCheck} from "../../cli/commands/check-policy.js";
import {UsageError} from "../../cli/command.js";
import {main} from "../../cli/main.js";
import {InputError} from "../../lib/io/index.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkPolicyCommand.run(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t)});
  return {code, stdout: out.join("\n"), stderr: err.join("\n")};
}

/** Through the command's entry point, as a user runs it: errors become messages and exit codes. */
async function runMain(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["check-policy", ...args], {stdout: (t) => out.push(t), stderr: (t) => err.push(t)});
  return {code, stdout: out.join("\n"), stderr: err.join("\n")};
}

const SHIPPED = "data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt";
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/policy/${name}`, import.meta.url));
const REVISED = fixture("2026-04-01-revised-policy.txt");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A copy of the data folder's policy and registries, to change. */
function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "check-policy-"));
  temps.push(dir);
  cpSync(new URL("../../data/policy", import.meta.url), join(dir, "policy"), {recursive: true});
  for (const f of ["everyday-doses.json", "limits.json"]) cpSync(new URL(`../../data/${f}`, import.meta.url), join(dir, f));
  return dir;
}

type Parsed = {claims: {id: string; quote: string; section: string; verdict: string; explanation: string; numbers: Record<string, number>}[]};

describe("xray-dose check-policy", () => {
  it("--json gives {claims: [{quote, section, verdict, explanation}]} with quotes from the data folder's policy", async () => {
    const {code, stdout} = await run(["--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Parsed;
    expect(Object.keys(parsed)).toEqual(["claims"]);
    expect(parsed.claims.length).toBe(11);
    const policy = readFileSync(SHIPPED, "utf8");
    for (const c of parsed.claims) {
      expect(policy).toContain(c.quote);
      expect(c.section).toBe("HEALTH & SAFETY REPORTING");
      expect(["consistent", "inconsistent", "unsupported"]).toContain(c.verdict);
      expect(c.explanation.length).toBeGreaterThan(40);
    }
    expect(parsed.claims.find((c) => c.quote.includes("0.009 mrem (or 3 urem)"))!.verdict).toBe("inconsistent");
  });

  it("prints a readable report with counts by verdict", async () => {
    const {code, stdout} = await run([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Policy claims check: data\/policy\/2021-04-11-mobile-xray-impact-and-use-policy.txt\n11 checks: 1 consistent, 4 inconsistent, 6 unsupported\n/);
    expect(stdout).toContain("INCONSISTENT  Do the units inside the 5 ft statement agree?  [units-5ft]");
    expect(stdout).toContain('Quote: "Total exposure at five (5) feet away');
  });

  it("checks the policy file it is given, and counts sentences it could not read", async () => {
    const {code, stdout} = await run([REVISED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n17 checks: 6 consistent, 4 inconsistent, 6 unsupported, 1 not checked\n/);
    expect(stdout).toContain('NOT CHECKED  Could the numbers in this sentence be read?  [not-checked]\n  Section: HEALTH & SAFETY REPORTING\n  Quote: "Surveys at the cordon found less than 0.2 mrad."');
    const parsed = JSON.parse((await run([REVISED, "--json"])).stdout) as Parsed;
    const text = readFileSync(REVISED, "utf8");
    for (const c of parsed.claims) expect(text).toContain(c.quote);
  });

  it("refuses a text without a health-and-safety section, or without a figure in it, with exit 1 and the file named", async () => {
    const none = await runMain([fixture("no-health-section.txt")]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/no-health-section\.txt: has no health-and-safety section: no heading names health, safety or radiation/);
    expect(none.stderr).not.toMatch(/\n\s+at /);
    const empty = await runMain([fixture("no-figures.txt")]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no-figures\.txt: its health-and-safety section \("HEALTH & SAFETY REPORTING"\) states no dose/);
  });

  it("names a policy file that cannot be read", async () => {
    const r = await runMain(["/nonexistent/policy.txt"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/policy.txt: no such file or folder/);
  });

  it("refuses an unknown option and two policy files as usage errors", async () => {
    await expect(run(["--csv"])).rejects.toBeInstanceOf(UsageError);
    await expect(run([REVISED, SHIPPED])).rejects.toThrow(/give one policy file, not 2/);
  });

  describe("--since OLD", () => {
    it("says which figures changed, which checks changed verdict, and which are new or gone", async () => {
      const {code, stdout} = await run([REVISED, "--since", SHIPPED]);
      expect(code).toBe(0);
      const since = stdout.slice(stdout.indexOf("\nChanges since "));
      expect(since).toMatch(/^\nChanges since data\/policy\/2021-04-11-mobile-xray-impact-and-use-policy.txt:\n  Figures changed:\n/);
      expect(since).toContain("    dose at 5 ft for 10 s, upper figure: 0.016 mrem → (none)");
      expect(since).toContain("    dose at 6 ft for 10 s, upper figure: (none) → 0.012 mrem");
      expect(since).toContain("  Verdicts changed:\n    unsupported → inconsistent  Does a direct scan compare with a short plane flight?  [direct-scan-flight]\n    inconsistent → consistent  Do the lower figures at 6 ft and 12 ft follow the inverse square law?  [inverse-square-lower]");
      expect(since).toContain("  New checks:\n");
      expect(since).toContain("    not checked  Could the numbers in this sentence be read?  [not-checked]");
      expect(since).toContain("  Checks no longer made:\n");
    });

    it("gives the changes in JSON, and says so when nothing changed", async () => {
      const parsed = JSON.parse((await run([REVISED, "--since", SHIPPED, "--json"])).stdout) as {since: {file: string; figures: unknown[]; verdicts: {id: string}[]; added: {id: string}[]; removed: {id: string}[]}};
      expect(parsed.since.file).toBe(SHIPPED);
      expect(parsed.since.verdicts.map((v) => v.id)).toEqual(["direct-scan-flight", "inverse-square-lower"]);
      expect(parsed.since.added.map((c) => c.id)).toContain("rate-12ft-vs-dose-6ft");
      expect(parsed.since.removed.map((c) => c.id)).toContain("units-5ft");
      expect((await run([SHIPPED, "--since", SHIPPED])).stdout).toMatch(/\nChanges since .*:\n  No figure or verdict changed\.$/);
    });
  });

  describe("the data folder", () => {
    it("checks the newest version by the date in the file names", async () => {
      const dir = dataCopy();
      cpSync(REVISED, join(dir, "policy", "2026-04-01-revised-policy.txt"));
      const result = await runPolicyCheck({dataDir: dir});
      expect(result.file).toMatch(/2026-04-01-revised-policy\.txt$/);
      expect(result.claims.map((c) => c.id)).toContain("rate-12ft-vs-dose-6ft");
    });

    it("checks the folder named by --data, else by XRAY_DATA_DIR, from the command line", async () => {
      const dir = dataCopy();
      cpSync(REVISED, join(dir, "policy", "2026-04-01-revised-policy.txt"));
      const named = await run(["--data", dir, "--json"]);
      expect(named.code).toBe(0);
      expect(JSON.parse(named.stdout).claims.map((c: {id: string}) => c.id)).toContain("rate-12ft-vs-dose-6ft");
      const before = process.env.XRAY_DATA_DIR;
      process.env.XRAY_DATA_DIR = dir;
      try {
        const fromEnv = await run([]);
        expect(fromEnv.stdout).toMatch(/^Policy claims check: .*2026-04-01-revised-policy\.txt$/m);
      } finally {
        if (before === undefined) delete process.env.XRAY_DATA_DIR;
        else process.env.XRAY_DATA_DIR = before;
      }
      // Without either, the sample shipped with the tool (which has no revised text).
      expect((await run([])).stdout).toMatch(/^Policy claims check: .*2021-04-11-mobile-xray-impact-and-use-policy\.txt$/m);
    });

    it("refuses versions it cannot order, naming the file and the fix", async () => {
      const dir = dataCopy();
      cpSync(REVISED, join(dir, "policy", "revised-policy.txt"));
      const error = await runPolicyCheck({dataDir: dir}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems[0]!.file).toMatch(/revised-policy\.txt$/);
      expect((error as InputError).problems[0]!.message).toMatch(/has no date in its name.*"2021-04-11-revised-policy\.txt"/);
    });

    it("reports a broken everyday-doses file by its JSON path", async () => {
      const dir = dataCopy();
      writeFileSync(join(dir, "everyday-doses.json"), JSON.stringify({doses: [{id: "x", anchor: "a", value: 1, unit: "mGy", per: null, source: "s", sources: [], grade: "B", note: "n"}]}));
      const error = await runPolicyCheck({dataDir: dir}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => p.column)).toEqual(["$.doses[0].unit"]);
    });
  });

  describe("with --readings", () => {
    /** Readings of an exact inverse-square source of S µSv·m²/h, an hour each at 1, 1.5, 2, 3 and 4 m, ±5 % (5: the site's minimum). */
    function readingsFile(S: number, device = "ZBV-1"): string {
      const dir = mkdtempSync(join(tmpdir(), "check-policy-readings-"));
      temps.push(dir);
      const file = join(dir, "readings.csv");
      const rows = [1, 1.5, 2, 3, 4].map((d, i) => `${device},2025-06-01T1${i}:00:00+00:00,${d},m,3600,s,${S / d ** 2},uSv,H*(10),5%`);
      writeFileSync(file, ["device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,quantity,uncertainty", ...rows].join("\n") + "\n");
      return file;
    }
    const fieldClaims = async (args: string[]) => {
      const {code, stdout} = await run(["--json", ...args]);
      expect(code).toBe(0);
      return Object.fromEntries((JSON.parse(stdout) as Parsed).claims.filter((c) => c.id.startsWith("field-data")).map((c) => [c.id, c]));
    };

    it("fits the readings and supports the figures they agree with", async () => {
      // S = 110: 110 / 1.524² / 360 = 0.1316 µSv at 5 ft in 10 s; 110 / 3.048² / 360 = 0.0329 µSv at 10 ft.
      const claims = await fieldClaims(["--readings", readingsFile(110)]);
      expect(claims["field-data-5ft"]!.verdict).toBe("consistent");
      expect(claims["field-data-5ft"]!.numbers.model_dose_uSv).toBeCloseTo(110 / 1.524 ** 2 / 360, 6);
      expect(claims["field-data-10ft"]!.numbers.model_dose_uSv).toBeCloseTo(110 / 3.048 ** 2 / 360, 6);
      expect(claims["field-data-10ft"]!.verdict).toBe("consistent");
    });

    it("finds the figures inconsistent when the readings are three times higher", async () => {
      // S = 330: 0.395 µSv at 5 ft, far above 0.16 µSv.
      const claims = await fieldClaims(["--readings", readingsFile(330)]);
      expect(claims["field-data-5ft"]!.verdict).toBe("inconsistent");
      expect(claims["field-data-5ft"]!.explanation).toMatch(/above the stated range/);
    });

    it("checks a stated dose rate against the readings over one hour", async () => {
      // S = 110: at 12 ft (3.6576 m), 110 / 3.6576² = 8.22 µSv in an hour, above the stated 0.5 mrem/h (5 µSv/h).
      const claims = await fieldClaims([REVISED, "--readings", readingsFile(110)]);
      expect(claims["field-data-12ft-rate"]!.numbers.model_dose_uSv).toBeCloseTo(110 / 3.6576 ** 2, 4);
      expect(claims["field-data-12ft-rate"]!.verdict).toBe("inconsistent");
    });

    it("answers per angle sector like the site: a three-angle survey is judged on its beam side, not pooled", async () => {
      const dir = mkdtempSync(join(tmpdir(), "check-policy-angles-"));
      temps.push(dir);
      const file = join(dir, "angles.csv");
      // Beam side (0°) S = 110, side (90°) 30, back (180°) 10: pooled, one curve cannot describe them.
      const rows = ([[0, 110], [90, 30], [180, 10]] as const).flatMap(([angle, S], k) =>
        [1, 1.5, 2, 3, 4].map((d, i) => `ZBV-1,2025-06-0${k + 1}T1${i}:00:00+00:00,${d},m,${angle},3600,s,${S / d ** 2},uSv,H*(10),5%`));
      writeFileSync(file, ["device_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,quantity,uncertainty", ...rows].join("\n") + "\n");
      const claims = await fieldClaims(["--readings", file, "--effective-energy", "60 keV"]);
      expect(claims["field-data-5ft"]!.verdict).toBe("consistent");
      expect(claims["field-data-5ft"]!.numbers.model_dose_uSv).toBeCloseTo(110 / 1.524 ** 2 / 360, 6);
      await expect(run(["--readings", file, "--effective-energy", "500 keV"])).rejects.toThrow(/--effective-energy/);
    });

    it("refuses readings of two devices and a file that cannot be read, naming the files", async () => {
      const twoDevices = run(["--readings", readingsFile(110, "A"), "--readings", readingsFile(110, "B")]);
      await expect(twoDevices).rejects.toBeInstanceOf(InputError);
      await expect(twoDevices).rejects.toThrow(/2 devices \(A, B\)/);
      await expect(run(["--readings", "/nonexistent/readings.csv"])).rejects.toThrow(/nonexistent\/readings.csv: no such file or folder/);
    });
  });
});
