// The command list and the real binary: `xray-dose` as a whole process (compiled, bin/xray-dose.js), answering as
// the commands do in-process, and listing its commands without loading them.
import {execFile} from "node:child_process";
import {describe, expect, it} from "vitest";
import {COMMANDS, main} from "../../cli/main.js";
import type {Io} from "../../cli/command.js";

function binary(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/xray-dose.js", ...args], {env: {...process.env, ...env}}, (error, stdout, stderr) => {
      resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr});
    });
  });
}

async function inProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)};
  const code = await main(args, io);
  return {code, stdout: out.join("\n") + "\n", stderr: err.join("\n")};
}

describe("the command list", () => {
  it("says of each command what the command itself says", async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(entry.summary).toBe(command.summary);
    }
  });
});

describe("the xray-dose binary, as a whole process", () => {
  it("--help lists every command and exits 0", async () => {
    const {code, stdout} = await binary(["--help"]);
    expect(code).toBe(0);
    for (const entry of COMMANDS) expect(stdout).toContain(`  ${entry.name}`);
  });

  it("answers a --reference scenario exactly as the command does in-process", async () => {
    const args = ["scenario", "--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "10 ft", "--duration", "1 h", "--json"];
    const whole = await binary(args);
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.stdout)).toEqual(JSON.parse((await inProcess(args)).stdout));
    // 14.4 µSv: 0.16 µSv in 10 s at 1.524 m, times 360 for an hour, divided by 4 for twice the distance.
    expect(JSON.parse(whole.stdout).dose.value).toBeCloseTo(14.4, 10);
  });

  it("fits readings and reports a user's mistake without a stack trace", async () => {
    const fit = await binary(["fit", "data/readings", "--device", "ZBV-0417", "--json"]);
    expect(fit.code).toBe(0);
    expect(JSON.parse(fit.stdout)).toEqual(JSON.parse((await inProcess(["fit", "data/readings", "--device", "ZBV-0417", "--json"])).stdout));
    const bad = await binary(["fit", "test/fixtures/readings/invalid"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2026-03\.csv:4: column dose_unit:/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = await binary(["fit", "--model", "quadratic", "data/readings"]);
    expect(usage.code).toBe(2);
  });
});
