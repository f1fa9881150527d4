// `xray-dose convert`: unit conversions against hand-computed values, and changes of quantity only with a stated
// assumption, printing each coefficient.
import {describe, expect, it} from "vitest";
import {UsageError, type Io} from "../../cli/command.js";
import {convertCommand} from "../../cli/commands/convert.js";
import {UnitError} from "../../lib/units/index.js";

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: () => undefined};
  expect(await convertCommand.run(args, io)).toBe(0);
  return out.join("\n");
}

describe("xray-dose convert: units", () => {
  it.each([
    ["0.016 mrem", "uSv", "0.16 uSv"], // 1 mrem = 10 µSv (10 CFR 20.1004)
    ["1 µrem", "nSv", "10 nSv"],
    ["2 mSv", "mrem", "200 mrem"],
    ["1 R", "C/kg", "0.000258 C/kg"], // definition of the roentgen
    ["25 urem", "uSv", "0.25 uSv"], // ANSI N43.17 per-screening limit, both ways
    ["2 mrem/h", "uSv/h", "20 uSv/h"],
    ["10 ft", "m", "3.048 m"],
    ["90 min", "h", "1.5 h"],
    ["1 rad", "Gy", "0.01 Gy"], // 1 rad = 0.01 Gy (10 CFR 20.1004), never the radian
    ["50 mrad", "uGy", "500 uGy"]
  ])("%s in %s is %s", async (value, to, expected) => {
    expect(await run(value, "--to", to)).toBe(expected);
  });

  it("refuses a unit of another kind, and a quantity of another kind without an assumption", async () => {
    const io: Io = {stdout: () => undefined, stderr: () => undefined};
    await expect(convertCommand.run(["10 ft", "--to", "s"], io)).rejects.toThrow(/a length is not a duration/);
    await expect(convertCommand.run(["1 uGy", "--to", "uSv"], io)).rejects.toThrow(/change of quantity, not of unit/);
    await expect(convertCommand.run(["1 uSv", "--to", "uSv/h"], io)).rejects.toThrow(/dose and the other a dose rate/);
    await expect(convertCommand.run(["1 parsnip", "--to", "uSv"], io)).rejects.toThrow(UnitError);
    await expect(convertCommand.run(["1 uSv"], io)).rejects.toThrow(/--to/);
    await expect(convertCommand.run(["1 uSv", "--to", "uSv", "--quantity", "dose"], io)).rejects.toThrow(UsageError);
  });
});

describe("xray-dose convert: between quantities", () => {
  it("converts exposure to air kerma in dry air, printing the coefficient", async () => {
    // 5 mR = 5000 µR × 8.76426e-3 µGy/µR = 43.8213 µGy.
    const text = await run("5 mR", "--to", "uGy", "--dry-air");
    expect(text.split("\n")[0]).toBe("43.8213 uGy (air-kerma, from 5 mR of exposure)");
    expect(text).toMatch(/step 1: exposure -> air-kerma: × 0.00876426 uGy\/uR \(1 R = 2.58e-4 C\/kg/);
  });

  it("converts H*(10) to effective dose at a stated energy, via air kerma", async () => {
    // H*(10)/Ka at 60 keV = 0.51 pSv·cm² ÷ (60 keV × 1.602177e-16 J/keV × 0.03041 cm²/g × 1000 g/kg = 0.2923331 pGy·cm²)
    // = 1.744585 Sv/Gy; 0.5 µSv ÷ 1.744585 × 1.33 Sv/Gy (ICRP 116 AP) = 0.381179 µSv.
    const text = await run("0.5 uSv", "--to", "uSv", "--to-quantity", "effective", "--effective-energy", "60keV");
    const value = Number(text.split(" ")[0]);
    expect(value).toBeCloseTo(0.381179, 5);
    expect(text).toMatch(/step 1: H\*\(10\) -> air-kerma/);
    expect(text).toMatch(/step 2: air-kerma -> effective: × 1.33 Sv\/Gy \(at 60 keV, AP geometry: ICRP Publication 116/);
  });

  it("refuses an energy-dependent step without the energy", async () => {
    const io: Io = {stdout: () => undefined, stderr: () => undefined};
    await expect(convertCommand.run(["10 uR", "--to", "nSv", "--dry-air"], io)).rejects.toThrow(/effective photon energy/);
    await expect(convertCommand.run(["10 uGy", "--to", "uSv", "--effective-energy", "300keV"], io)).rejects.toThrow(/20 to 200 keV/);
  });
});
