// The period totals as published, on a hand-made data set (no publish(): milliseconds per test). As of 2026-11-30
// (TEST_NOW) the periods are Q4 2026 (from 1 October, a quarter of the annual limit), 2026 to date and the 12 months
// from 1 December 2025. Doses are worked by hand: dosimeter readings are summed (a reading below detection at its
// detection limit), and a deployment's dose is 100 µSv/h at 1 m over r² (relative sd 0.05, one-sided 95 % factor
// e^{1.645 × 0.05}) times its beam-on hours.
import {describe, expect, it} from "vitest";
import {annualLimitOf, publishPeriodTotals} from "../../lib/publish/period-totals.js";
import type {Limit, LimitsRegistry} from "../../lib/compliance/limits.js";
import type {Dataset} from "../../lib/io/load-dataset.js";
import type {Deployment} from "../../lib/deployments/index.js";
import type {DeviceAnalysis} from "../../lib/publish/publication.js";
import type {DeviceModels} from "../../lib/publish/device-models.js";
import type {Reading} from "../../lib/readings/types.js";
import {TEST_NOW} from "../clock.js";
import {handFit} from "../exposure/hand-fit.js";
import {reading} from "../models/helpers.js";

const Z95 = 1.6448536269514722;
const UP = Math.exp(Z95 * 0.05);

function limit(id: string, value_uSv: number | null, extra: Partial<Limit> = {}): Limit {
  return {
    id, body: "test", document: "test", edition: null, clause: null, protects: [], quantity: "effective-dose", value: value_uSv, unit: "uSv",
    stated: "", period: "calendar-year", period_note: null, kind: "legal-limit", jurisdiction: "test", source: "", sources: [], grade: null, note: "",
    conversion: null, value_uSv, value_uR: null, ...extra
  } as Limit;
}

function registry(): LimitsRegistry {
  return {
    limits: [
      limit("W", 20000), limit("W-LARGE", 50000), limit("W-SAME", 20000), limit("REF", 100, {kind: "reference-level"}), limit("HOUR", 10, {period: "any-one-hour"}),
      limit("UNKNOWN", null), limit("OTHER", 5), limit("P", 1000)
    ],
    alara: {
      program_specific: true, note: "the programme's own levels", source: "", sources: [], applies_to_periods: ["calendar-year"],
      // Listed highest first: the summary ranks them by fraction.
      levels: [{id: "L2", fraction: 0.3, action: "investigate"}, {id: "L1", fraction: 0.1, action: "review"}]
    },
    scenario_limits: {"operator-year": ["W", "W-LARGE", "W-SAME", "REF", "HOUR", "UNKNOWN"], "public-annual": ["P"], "other": ["OTHER"]}
  };
}

const deployment = (device_id: string, start: string, beam_on_s: number, cordon_m: number, operators: string[]): Deployment => ({
  deployment_id: `${device_id}-${start}`, device_id, start, start_ms: Date.parse(start), end: start, end_ms: Date.parse(start), event: "", location_type: "street",
  location: null, location_restricted: false, vehicles_scanned: 0, beam_on_s, scan_speed_km_per_h: 0, cordon_m, operators, notes: null
} as Deployment);

function analysis(device_id: string, readings: Reading[], models: DeviceModels, toUSv: (v: number) => number, excluded: string[] = []): DeviceAnalysis {
  return {
    device_id, readings, excluded: excluded.map((reading_id) => ({reading_id, device_id, reason: "", reviewed_by: "", reviewed_on: "", review: {file: "", line: 0}, reading: {file: "", line: 0}})),
    points: [], excludedPoints: [], models, withoutExclusions: null, range: null, energy: {} as DeviceAnalysis["energy"], toUSv: (v) => toUSv(v)
  };
}

const dosimeterReading = (reading_id: string, dosimeter_id: string | null, day: string, net: number, extra: Partial<Reading> = {}) =>
  reading({reading_id, dosimeter_id, measured_at: `${day}T10:00:00-05:00`, gross: net, net, ...extra});

function fixture() {
  const fit = handFit({params: [100], covariance: [[9]], instruments: 0.04});
  const van1: DeviceModels = {device_id: "VAN-1", groups: [{device_id: "VAN-1", sector: null, fits: [fit], weights: [1], selected: fit, checks: null, readingGroups: [], reason: null}]};
  const van2: DeviceModels = {device_id: "VAN-2", groups: []};
  // VAN-1's readings are in mSv (1000 µSv each), VAN-2's in units of 500 µSv: each analysis converts its own.
  const analyses = [
    analysis("VAN-1", [
      dosimeterReading("r1", "D-1", "2026-11-02", 0.6),
      dosimeterReading("r2", "D-1", "2026-03-01", 1.6),
      dosimeterReading("r3", "D-2", "2026-11-10", 0, {censored: true, mdl: 1.6}),
      dosimeterReading("r4", null, "2026-11-10", 5),
      dosimeterReading("r5", "D-3", "2026-11-10", 50),
      dosimeterReading("r6", "D-4", "2025-12-15", 0.1),
      // On the build's day itself: counted.
      dosimeterReading("r8", "D-4", "2026-11-30", 0)
    ], van1, (v) => v * 1000, ["r5"]),
    analysis("VAN-2", [dosimeterReading("r7", "D-5", "2026-11-11", 0.2, {censored: true, mdl: null, device_id: "VAN-2"})], van2, (v) => v * 500)
  ];
  const dataset = {
    deployments: [
      deployment("VAN-1", "2026-11-05T09:00:00-05:00", 3600, 2, ["op-a"]),
      deployment("VAN-1", "2026-02-05T09:00:00-05:00", 1800, 5, ["op-b"]),
      deployment("VAN-3", "2026-11-05T09:00:00-05:00", 7200, 1, ["op-a"])
    ]
  } as unknown as Dataset;
  return {dataset, analyses};
}

describe("annualLimitOf", () => {
  it("takes the smallest calendar-year compliance limit of the scenario with a value (the first of equal ones)", () => {
    const r = registry();
    expect(annualLimitOf(r, "operator-year")).toEqual({limit_id: "W", value_uSv: 20000});
    expect(annualLimitOf(r, "public-annual")).toEqual({limit_id: "P", value_uSv: 1000});
    expect(annualLimitOf(r, "nobody")).toBeNull();
    expect(annualLimitOf({...r, scenario_limits: {"operator-year": ["REF", "HOUR", "UNKNOWN"]}}, "operator-year")).toBeNull();
  });
});

describe("publishPeriodTotals", () => {
  it("states the periods, the levels and the limits they are fractions of", () => {
    const {dataset, analyses} = fixture();
    const t = publishPeriodTotals(dataset, analyses, registry(), TEST_NOW, "public");
    expect(t.as_of).toBe("2026-11-30");
    expect(t.periods.map((p) => [p.id, p.from, p.to, p.annual_fraction])).toEqual([
      ["quarter-to-date", "2026-10-01", "2026-11-30", 0.25], ["year-to-date", "2026-01-01", "2026-11-30", 1], ["rolling-12-months", "2025-12-01", "2026-11-30", 1]
    ]);
    expect(t.levels).toEqual([{id: "L2", fraction: 0.3, action: "investigate"}, {id: "L1", fraction: 0.1, action: "review"}]);
    expect(t.levels_note).toBe("the programme's own levels");
    expect(t.worker_limit).toEqual({limit_id: "W", value_uSv: 20000});
    expect(t.public_limit).toEqual({limit_id: "P", value_uSv: 1000});
  });

  it("counts each dosimeter at the highest level it reaches and every level below, without ids in the public build", () => {
    const {dataset, analyses} = fixture();
    const t = publishPeriodTotals(dataset, analyses, registry(), TEST_NOW, "public");
    expect(t.dosimeters).toBeNull();
    // Q4 (levels at 500 and 1500 µSv): D-1 600 (L1), D-2 1600 at its detection limit (L2), D-5 100. 2026 and the
    // 12 months (2000 and 6000 µSv): D-1 2200 (L1), D-2 1600, D-5 100. D-4: a zero reading on the build's day in every
    // period, and 100 in December 2025 in the 12 months only.
    expect(t.dosimeter_summary).toEqual([
      {period: "quarter-to-date", dosimeters: 4, reached: [{level: "L1", dosimeters: 2}, {level: "L2", dosimeters: 1}]},
      {period: "year-to-date", dosimeters: 4, reached: [{level: "L1", dosimeters: 1}, {level: "L2", dosimeters: 0}]},
      {period: "rolling-12-months", dosimeters: 4, reached: [{level: "L1", dosimeters: 1}, {level: "L2", dosimeters: 0}]}
    ]);
    expect(t.not_counted).toEqual({excluded: 1, no_dosimeter: 1});
  });

  it("gives each dosimeter's totals in the internal build, converted by its device's analysis", () => {
    const {dataset, analyses} = fixture();
    const t = publishPeriodTotals(dataset, analyses, registry(), TEST_NOW, "internal");
    const byId = new Map(t.dosimeters!.map((d) => [d.dosimeter_id, d]));
    expect([...byId.keys()]).toEqual(["D-1", "D-2", "D-4", "D-5"]);
    expect(byId.get("D-1")!.device_ids).toEqual(["VAN-1"]);
    expect(byId.get("D-1")!.totals).toEqual([
      {period: "quarter-to-date", readings: 1, censored: 0, dose_uSv: expect.closeTo(600, 9), level: "L1", status: "reached", threshold_uSv: 500},
      {period: "year-to-date", readings: 2, censored: 0, dose_uSv: expect.closeTo(2200, 9), level: "L1", status: "reached", threshold_uSv: 2000},
      {period: "rolling-12-months", readings: 2, censored: 0, dose_uSv: expect.closeTo(2200, 9), level: "L1", status: "reached", threshold_uSv: 2000}
    ]);
    expect(byId.get("D-2")!.totals[0]).toEqual({period: "quarter-to-date", readings: 1, censored: 1, dose_uSv: expect.closeTo(1600, 9), level: "L2", status: "reached", threshold_uSv: 1500});
    // Below detection with no stated detection limit: its net dose, converted (0.2 × 500 µSv).
    expect(byId.get("D-5")!.device_ids).toEqual(["VAN-2"]);
    expect(byId.get("D-5")!.totals[0]).toMatchObject({readings: 1, censored: 1, dose_uSv: expect.closeTo(100, 9), level: null, status: null, threshold_uSv: null});
  });

  it("estimates each device's operator and cordon totals from its deployments with the conservative model", () => {
    const {dataset, analyses} = fixture();
    const t = publishPeriodTotals(dataset, analyses, registry(), TEST_NOW, "public");
    expect(t.devices.map((d) => d.device_id)).toEqual(["VAN-1", "VAN-2"]);
    const [van1, van2] = t.devices as [typeof t.devices[0], typeof t.devices[0]];
    // The operator at 3 m for the most-exposed operator's beam-on hours (op-a: 1 h in every period).
    const op = 100 / 9;
    expect(van1.operator.map((e) => [e.period, e.deployments, e.beam_on_h])).toEqual([["quarter-to-date", 1, 1], ["year-to-date", 2, 1], ["rolling-12-months", 2, 1]]);
    expect(van1.operator[0]).toEqual({
      period: "quarter-to-date", deployments: 1, beam_on_h: 1, dose_uSv: expect.closeTo(op, 9), lower95_uSv: expect.closeTo(op / UP, 9),
      upper95_uSv: expect.closeTo(op * UP, 9), reason: null, level: null, status: null, threshold_uSv: null
    });
    // The cordon: 1 h at 2 m (25 µSv) in Q4; with 0.5 h at 5 m (2 µSv) in 2026. Q4's L1 is 25 µSv (0.1 × 1000 / 4):
    // the upper bound reaches it, the estimate's lower bound does not.
    expect(van1.cordon[0]).toEqual({
      period: "quarter-to-date", deployments: 1, beam_on_h: 1, dose_uSv: expect.closeTo(25, 9), lower95_uSv: expect.closeTo(25 / UP, 9),
      upper95_uSv: expect.closeTo(25 * UP, 9), reason: null, level: "L1", status: "possibly reached", threshold_uSv: 25
    });
    expect(van1.cordon[1]).toMatchObject({deployments: 2, beam_on_h: 1.5, dose_uSv: expect.closeTo(27, 9), upper95_uSv: expect.closeTo(27 * UP, 9), level: null});
    // No deployment of VAN-2 in the whole log: not knowing, never zero.
    for (const e of [...van2.operator, ...van2.cordon]) {
      expect(e).toEqual({
        period: e.period, deployments: 0, beam_on_h: 0, dose_uSv: null, lower95_uSv: null, upper95_uSv: null,
        reason: "the deployment log has no deployments of VAN-2", level: null, status: null, threshold_uSv: null
      });
    }
  });

  it("cannot determine a device's totals without a usable model, and gives no level without a limit", () => {
    const {dataset, analyses} = fixture();
    const noModel = {...analyses[0]!, models: {device_id: "VAN-1", groups: []}};
    const r = registry();
    const t = publishPeriodTotals(dataset, [noModel], {...r, scenario_limits: {}}, TEST_NOW, "internal");
    expect(t.worker_limit).toBeNull();
    expect(t.public_limit).toBeNull();
    expect(t.devices[0]!.cordon[0]).toMatchObject({dose_uSv: null, upper95_uSv: null, lower95_uSv: null, reason: "no usable model for VAN-1: no readings", level: null});
    // Without a worker limit no dosimeter reaches a level.
    expect(t.dosimeters!.every((d) => d.totals.every((x) => x.level === null))).toBe(true);
    const withModel = publishPeriodTotals(dataset, [analyses[0]!], {...r, scenario_limits: {}}, TEST_NOW, "public");
    expect(withModel.devices[0]!.cordon[0]).toMatchObject({dose_uSv: expect.closeTo(25, 9), level: null, status: null});
  });

  it("holds the operator's total against the worker limit", () => {
    // A worker limit of 200 µSv: Q4's levels at 5 and 15 µSv; the operator's 100/9 µSv (bounds ×/÷ e^{1.645 × 0.05}) reaches L1.
    const {dataset, analyses} = fixture();
    const r = {...registry(), scenario_limits: {"operator-year": ["SMALL"]}};
    r.limits = [...r.limits, limit("SMALL", 200)];
    const t = publishPeriodTotals(dataset, [analyses[0]!], r, TEST_NOW, "public");
    expect(t.worker_limit).toEqual({limit_id: "SMALL", value_uSv: 200});
    expect(t.devices[0]!.operator[0]).toMatchObject({dose_uSv: expect.closeTo(100 / 9, 9), level: "L1", status: "reached", threshold_uSv: 5});
  });
});
