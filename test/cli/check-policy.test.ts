import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterEach, describe, expect, it} from "vitest";
import {checkPolicyCommand, runPolicyCheck} from "../../cli/commands/check-policy.js";
import {UsageError} from "../../cli/command.js";
import {InputError} from "../../lib/io/index.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await checkPolicyCommand.run(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t)});
  return {code, stdout: out.join("\n"), stderr: err.join("\n")};
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A copy of data/ to damage, as a directory URL. */
function dataCopy(): {dir: string; url: URL} {
  const dir = mkdtempSync(join(tmpdir(), "check-policy-"));
  temps.push(dir);
  cpSync(new URL("../../data/policy", import.meta.url), join(dir, "policy"), {recursive: true});
  cpSync(new URL("../../data/everyday-doses.json", import.meta.url), join(dir, "everyday-doses.json"));
  return {dir, url: pathToFileURL(dir + "/")};
}

describe("xray-dose check-policy", () => {
  it("--json gives {claims: [{quote, section, verdict, explanation}]} with quotes from the policy", async () => {
    const {code, stdout} = await run(["--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {claims: {quote: string; section: string; verdict: string; explanation: string}[]};
    expect(Object.keys(parsed)).toEqual(["claims"]);
    expect(parsed.claims.length).toBe(11);
    const policy = readFileSync(new URL("../../data/policy/mobile-xray-impact-and-use-policy.txt", import.meta.url), "utf8");
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
    expect(stdout).toMatch(/^Policy claims check: data\/policy\/mobile-xray-impact-and-use-policy.txt\n11 checks: 1 consistent, 5 inconsistent, 5 unsupported/);
    expect(stdout).toContain("INCONSISTENT  Do the units inside the 5 ft statement agree?  [units-5ft]");
    expect(stdout).toContain('Quote: "Total exposure at five (5) feet away');
  });

  it("refuses an unknown option as a usage error", async () => {
    await expect(run(["--csv"])).rejects.toBeInstanceOf(UsageError);
  });

  it("names the policy file and the missing quote when the shipped policy no longer says it", async () => {
    const {dir, url} = dataCopy();
    const file = join(dir, "policy", "mobile-xray-impact-and-use-policy.txt");
    writeFileSync(file, readFileSync(file, "utf8").replace("0.009 mrem (or 3 urem)", "0.009 mrem (or 9 urem)"));
    const error = await runPolicyCheck(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    // Two distinct quotes contain it: the 5 ft sentence (units, field data) and the 5 ft + 10 ft pair (inverse square).
    expect(problems).toHaveLength(2);
    expect(problems[0]!.file).toMatch(/mobile-xray-impact-and-use-policy.txt$/);
    expect(problems[0]!.message).toMatch(/does not contain the quote "Total exposure at five/);
  });

  it("reports a broken everyday-doses file by its JSON path", async () => {
    const {dir, url} = dataCopy();
    writeFileSync(join(dir, "everyday-doses.json"), JSON.stringify({doses: []}));
    const error = await runPolicyCheck(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.column)).toEqual(["$.doses", "$.doses", "$.doses", "$.doses"]);
  });

  describe("with --readings", () => {
    /** Readings of an exact inverse-square source of S µSv·m²/h, an hour each at 1, 2 and 4 m, ±5 %. */
    function readingsFile(S: number, device = "ZBV-1"): string {
      const dir = mkdtempSync(join(tmpdir(), "check-policy-readings-"));
      temps.push(dir);
      const file = join(dir, "readings.csv");
      const rows = [1, 2, 4].map((d, i) => `${device},2025-06-01T1${i}:00:00+00:00,${d},m,3600,s,${S / d ** 2},uSv,H*(10),5%`);
      writeFileSync(file, ["device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,quantity,uncertainty", ...rows].join("\n") + "\n");
      return file;
    }
    type Parsed = {claims: {id: string; verdict: string; explanation: string; numbers: Record<string, number>}[]};
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

    it("refuses readings of two devices and a file that cannot be read, naming the files", async () => {
      const twoDevices = run(["--readings", readingsFile(110, "A"), "--readings", readingsFile(110, "B")]);
      await expect(twoDevices).rejects.toBeInstanceOf(InputError);
      await expect(twoDevices).rejects.toThrow(/2 devices \(A, B\)/);
      await expect(run(["--readings", "/nonexistent/readings.csv"])).rejects.toThrow(/nonexistent\/readings.csv: cannot be read/);
    });
  });
});
