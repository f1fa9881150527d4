// The command line's influence check (lib/publish/reading-influence.ts) on a few hand-made readings (no publish():
// milliseconds per test). The policy points' upper bounds of an inverse-square fit written by hand have a closed form:
// 100 µSv/h at 1 m over r² for 10 s, times e^{1.645 × 0.05} (relative sd √(0.03² + 0.04²)).
import {describe, expect, it} from "vitest";
import {deviceInfluence, influenceWarnings, policyPointFigures} from "../../lib/publish/reading-influence.js";
import type {DeviceModels} from "../../lib/publish/device-models.js";
import type {FitPoint} from "../../lib/models/index.js";
import type {Reading} from "../../lib/readings/types.js";
import {handFit} from "../exposure/hand-fit.js";
import {point, reading} from "../models/helpers.js";

const Z95 = 1.6448536269514722;
const FOOT_M = 0.3048;

/** Readings of one device on 100/r² µSv/h for an hour at 1…8 m (5 % uncertainty), lines 2…9, and one planted reading. */
function readings(device_id: string, planted: Partial<Reading> | null, prefix = device_id): Reading[] {
  const clean = Array.from({length: 8}, (_, i) => {
    const r = i + 1;
    const dose = 100 / r ** 2;
    return reading({reading_id: `${prefix}-${r}`, device_id, distance_m: r, gross: dose, net: dose, uncertainty: 0.05 * dose, source: {file: `${device_id}.csv`, line: i + 2}});
  });
  return planted ? [...clean, reading({reading_id: `${prefix}-planted`, device_id, source: {file: `${device_id}.csv`, line: 10}, ...planted})] : clean;
}

/** 0.1 nSv in a tenth of a second at 5 cm: far below the curve, where no other reading is. */
const PLANTED: Partial<Reading> = {distance_m: 0.05, duration_s: 0.1, gross: 0.0001, net: 0.0001, uncertainty: 0.00001};

const points = (rows: readonly Reading[]): FitPoint[] => rows.map((r) => point(r.distance_m, (r.net * 3600) / r.duration_s, (r.uncertainty! * 3600) / r.duration_s, {
  reading_id: r.reading_id, device_id: r.device_id, source: r.source
}));

describe("policyPointFigures", () => {
  it("gives the upper bound at 5 ft and 10 ft for 10 s, its margin over the estimate as its uncertainty", () => {
    const fit = handFit({params: [100], covariance: [[9]], instruments: 0.04});
    const models: DeviceModels = {device_id: "VAN-1", groups: [{device_id: "VAN-1", sector: null, fits: [fit], weights: [1], selected: fit, checks: null, readingGroups: [], reason: null}]};
    const dose = (ft: number) => (100 / (ft * FOOT_M) ** 2) * (10 / 3600);
    const up = Math.exp(Z95 * 0.05);
    expect(policyPointFigures(models)).toEqual([
      {id: "policy:5 ft for 10 s", label: "upper bound at 5 ft for 10 s", unit: "µSv", value: expect.closeTo(dose(5) * up, 12), uncertainty: expect.closeTo(dose(5) * (up - 1), 12), verdict: null},
      {id: "policy:10 ft for 10 s", label: "upper bound at 10 ft for 10 s", unit: "µSv", value: expect.closeTo(dose(10) * up, 12), uncertainty: expect.closeTo(dose(10) * (up - 1), 12), verdict: null}
    ]);
  });

  it("has no figures without a usable model", () => {
    const fit = handFit({params: [100], covariance: [[9]]});
    expect(policyPointFigures({device_id: "VAN-1", groups: [{device_id: "VAN-1", sector: null, fits: [fit], weights: [1], selected: null, checks: null, readingGroups: [], reason: "too few"}]})).toEqual([]);
  });
});

describe("deviceInfluence", () => {
  it("finds the one reading that alone decides a policy point, among all the device's readings screened", () => {
    const result = deviceInfluence("VAN-1", points(readings("VAN-1", PLANTED)), {});
    expect(result.screened).toBe(9);
    expect(result.not_checked).toBe(0);
    expect(result.influential.map((r) => r.reading_id)).toEqual(["VAN-1-planted"]);
    const [r] = result.influential as [typeof result.influential[0]];
    expect(r.device_id).toBe("VAN-1");
    expect(r.source).toBe("VAN-1.csv:10");
    expect(r.effects.map((e) => e.figure_id)).toContain("policy:5 ft for 10 s");
    for (const e of r.effects) expect(Math.abs(e.without! - e.value!)).toBeGreaterThan(e.uncertainty!);
    expect(deviceInfluence("VAN-1", points(readings("VAN-1", null)), {}).influential).toEqual([]);
  });
});

describe("influenceWarnings", () => {
  it("warns at the reading's file and line, device by device, and not of devices whose readings hold together", () => {
    const problems = influenceWarnings([...readings("VAN-2", PLANTED), ...readings("VAN-1", null)]);
    expect(problems).toHaveLength(1);
    const [p] = problems as [typeof problems[0]];
    expect(p).toMatchObject({severity: "warning", file: "VAN-2.csv", line: 10, column: "dose"});
    expect(p.message).toMatch(/^this reading alone decides a published figure of VAN-2; removing it moves upper bound at 5 ft for 10 s: [0-9.e-]+ µSv → [0-9.e-]+ µSv \(its uncertainty [0-9.e-]+ µSv\)(; .*)?: check it, and keep it only if it was really measured so$/);
    // Devices in id order, whatever the order of the readings.
    const both = influenceWarnings([...readings("VAN-2", PLANTED), ...readings("VAN-1", PLANTED)]);
    expect(both.map((x) => x.file)).toEqual(["VAN-1.csv", "VAN-2.csv"]);
  });

  it("converts air kerma at the effective energy (60 keV unless told)", () => {
    const kerma = (rows: Reading[]) => rows.map((r) => ({...r, quantity: "air-kerma" as Reading["quantity"], unit: "uGy" as Reading["unit"]}));
    const rows = kerma(readings("VAN-3", PLANTED));
    expect(influenceWarnings(rows).map((p) => p.line)).toEqual([10]);
    expect(influenceWarnings(rows, 60).map((p) => p.line)).toEqual([10]);
  });

  // The air attenuation and the dose conversion are tabulated over the same 20–200 keV: an energy outside them stops
  // the check, rather than leaving a device unscreened in silence.
  it.each([19.9, 200.1])("refuses an effective energy of %s keV, outside the tables", (energy_keV) => {
    const rows = readings("VAN-3", PLANTED).map((r) => ({...r, quantity: "air-kerma" as Reading["quantity"], unit: "uGy" as Reading["unit"]}));
    expect(() => influenceWarnings(rows, energy_keV)).toThrow(/tabulated from 20 to 200 keV only/);
  });
});
