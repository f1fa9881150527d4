// Numbers at the command line (cli/options.ts): overflow, underflow, infinities and non-decimal forms in any option are
// usage errors (exit 2) naming the option and the allowed range; nothing prints Infinity or n/a with exit 0.
import {describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import type {Io} from "../../cli/command.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)};
  const code = await main(args, io);
  return {code, out: out.join("\n"), err: err.join("\n")};
}

const REF = ["--reference", "0.016 mrem in 10 s at 5 ft"];

describe("the issue's inputs", () => {
  it.each([
    [["scenario", ...REF, "--distance", "10 ft", "--duration", "1e308 h"], /--duration "1e308 h" is outside the range a duration may take, 1 ms to 10 years/],
    [["convert", "1e308 Sv", "--to", "nSv"], /convert "1e308 Sv": the result overflows/],
    [["exclusion", ...REF, "--limit", "1e308 Sv", "--per", "1 h"], /--limit "1e308 Sv" is outside the range a dose may take, above 0 to 10 Sv/],
    [["scenario", ...REF, "--distance", "10 ft", "--scans", "0x10", "--dwell", "1 s"], /--scans "0x10" must be a whole number written in decimal digits/],
    [["scenario", ...REF, "--distance", "5e-324 m", "--duration", "1 h"], /--distance "5e-324 m" is outside the range a distance may take, 1 mm to 100 km/],
    [["scenario", ...REF, "--distance", "10 ft", "--scans", "1e3", "--dwell", "1 s"], /--scans "1e3" must be a whole number written in decimal digits/],
    [["scenario", ...REF, "--distance", "10 ft", "--duration", "Infinity h"], /not a number followed by a unit/],
    [["scenario", "--reference", "1e308 Sv in 10 s at 5 ft", "--distance", "10 ft", "--duration", "1 h"], /--reference "1e308 Sv" is outside the range a dose/],
    [["scenario", ...REF, "--distance", "10 ft", "--duration", "1 h", "--effective-energy", "1e9 keV"], /--effective-energy "1e9 keV" is outside the range a photon energy may take, 1 keV to 20 MeV/],
    [["scenario", ...REF, "--distance", "10 ft", "--duration", "1 h", "--angle", "0x10"], /--angle "0x10" must be a number of degrees/]
  ])("%j exits 2 naming the option and its range", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).not.toMatch(/Infinity|n\/a/);
  });

  it("within range the same commands answer with exit 0 and finite numbers", async () => {
    const r = await run(["scenario", ...REF, "--distance", "10 ft", "--scans", "16", "--dwell", "1 s"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Infinity|NaN|n\/a/);
    expect((await run(["convert", "1 Sv", "--to", "nSv"])).out).toBe("1000000000 nSv");
  });
});
