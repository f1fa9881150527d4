// The rules behind the RSO's period totals, each against values worked out by hand: which days a period counts, what
// a reading below detection counts as, when an ALARA level may be stated at all, and what a device's empty period is.
import {describe, expect, it} from "vitest";
import {deviceTotals, dosimeterTotals, periodsAsOf, type DosimeterReading} from "../../lib/compliance/period-totals.js";
import type {AlaraConfig} from "../../lib/compliance/limits.js";
import type {DoseEstimate, Estimator} from "../../lib/compliance/index.js";

// Level I at 10 %, Level II at 30 % of the annual limit: for 1 mSv a year 100 and 300 µSv; a quarter 25 and 75 µSv.
const alara: AlaraConfig = {
  program_specific: true, note: "", source: "", sources: [], applies_to_periods: ["calendar-year"],
  levels: [{id: "Level II", fraction: 0.3, action: "investigate"}, {id: "Level I", fraction: 0.1, action: "review"}]
};
const NO_LEVEL = {level: null, status: null, threshold_uSv: null, action: null};
const NOW = "2026-11-30T12:00:00Z";

describe("the periods", () => {
  it("are labelled with the quarter, the year and the rolling 12 months a reader sees", () => {
    expect(periodsAsOf(new Date(NOW)).map((p) => p.label)).toEqual(["Q4 2026 to date", "2026 to date", "12 months to date"]);
    expect(periodsAsOf(new Date("2026-05-10T00:00:00Z")).map((p) => p.label)).toEqual(["Q2 2026 to date", "2026 to date", "12 months to date"]);
  });

  it("write every day as YYYY-MM-DD, with a four-digit year even before the year 1000", () => {
    expect(periodsAsOf(new Date("0999-05-10T00:00:00Z")).map(({from, to}) => [from, to])).toEqual([
      ["0999-04-01", "0999-05-10"], ["0999-01-01", "0999-05-10"], ["0998-05-11", "0999-05-10"]
    ]);
  });
});

describe("a dosimeter's totals", () => {
  const r = (dosimeter_id: string, day: string, net_uSv: number, extra: Partial<DosimeterReading> = {}): DosimeterReading =>
    ({dosimeter_id, device_id: "VAN-1", day, net_uSv, censored: false, mdl_uSv: null, ...extra});

  it("count a reading on the build's day and none after it", () => {
    const [b] = dosimeterTotals([r("B", "2026-11-30", 4), r("B", "2026-12-01", 1000)], periodsAsOf(new Date(NOW)), null);
    expect(b!.totals.map((t) => [t.period, t.readings, t.dose_uSv])).toEqual([
      ["quarter-to-date", 1, 4], ["year-to-date", 1, 4], ["rolling-12-months", 1, 4]
    ]);
  });

  it("leave out a dosimeter whose readings are all outside the periods, and sort the rest by id", () => {
    const totals = dosimeterTotals([
      r("D", "2026-11-01", 1), r("OLD", "2024-01-01", 7), r("B", "2026-11-02", 1), r("C", "2026-11-03", 1), r("A", "2026-11-04", 1), r("E", "2026-11-05", 1)
    ], periodsAsOf(new Date(NOW)), null);
    expect(totals.map((t) => t.dosimeter_id)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("name each device the dosimeter was read on once, in order", () => {
    const [b] = dosimeterTotals([
      r("B", "2026-11-02", 1, {device_id: "VAN-2"}), r("B", "2026-11-03", 1, {device_id: "VAN-1"}), r("B", "2026-11-04", 1, {device_id: "VAN-2"})
    ], periodsAsOf(new Date(NOW)), null);
    expect(b!.device_ids).toEqual(["VAN-1", "VAN-2"]);
  });

  it("count a detected reading at its net dose even when a detection limit is stated, and one below detection without a limit at its net dose", () => {
    // 20 (detected; its MDL of 1 does not matter) + 0.3 (below detection, no MDL stated) + 2 (below detection, at its MDL) = 22.3 µSv.
    const [b] = dosimeterTotals([
      r("B", "2026-11-02", 20, {mdl_uSv: 1}), r("B", "2026-11-03", 0.3, {censored: true}), r("B", "2026-11-04", 0.1, {censored: true, mdl_uSv: 2})
    ], periodsAsOf(new Date(NOW)), null);
    expect(b!.totals[0]).toEqual({period: "quarter-to-date", readings: 3, censored: 2, dose_uSv: 22.3, alara: NO_LEVEL});
  });
});

describe("a device's totals", () => {
  /** 1 µSv per hour of beam at any distance, bounds ×0.5 and ×2; every question is recorded. */
  function recording(shape: (dose: number) => DoseEstimate = (dose) => ({dose_uSv: dose, upper95_uSv: 2 * dose, lower95_uSv: dose / 2, determinable: true})) {
    const asked: Parameters<Estimator>[0][] = [];
    const estimate: Estimator = (q) => {
      asked.push(q);
      return shape(q.duration_s / 3600);
    };
    return {asked, estimate};
  }
  const d = (start: string, beam_on_s: number, operators: string[] = ["OP-1"]) => ({device_id: "VAN-1", start, beam_on_s, cordon_m: 10, operators});
  const options = {operator_distance_m: 3, operatorLimit_uSv: 1000, publicLimit_uSv: 1000, alara};

  it("count a deployment that starts on the build's day, in local time", () => {
    const t = deviceTotals("VAN-1", [d("2026-11-30T08:00:00-05:00", 3600)], periodsAsOf(new Date(NOW)), recording().estimate, options);
    expect(t.operator.map((x) => x.deployments)).toEqual([1, 1, 1]);
  });

  it("ask the model nothing for a period without deployments, and give it a determined zero dose", () => {
    // One deployment last December: in the rolling 12 months only.
    const source = recording();
    const t = deviceTotals("VAN-1", [d("2025-12-05T08:00:00-05:00", 7200)], periodsAsOf(new Date(NOW)), source.estimate, options);
    expect(source.asked).toEqual([
      {distance_m: 3, duration_s: 7200, interval: "confidence"},
      {distance_m: 10, duration_s: 7200, interval: "confidence"}
    ]);
    const zero = {dose_uSv: 0, upper95_uSv: 0, lower95_uSv: 0, determinable: true};
    expect(t.operator[0]).toEqual({period: "quarter-to-date", deployments: 0, beam_on_s: 0, dose: zero, alara: NO_LEVEL});
    expect(t.cordon[1]).toEqual({period: "year-to-date", deployments: 0, beam_on_s: 0, dose: zero, alara: NO_LEVEL});
  });

  it("state a level 'reached' when the lower bound reaches it", () => {
    // Quarter: 200 h → 200 µSv, bounds 100 and 400: the lower bound is above Level II's 75 µSv.
    const t = deviceTotals("VAN-1", [d("2026-10-05T08:00:00-04:00", 720_000)], periodsAsOf(new Date(NOW)), recording().estimate, options);
    expect(t.operator[0]!.alara).toEqual({level: "Level II", status: "reached", threshold_uSv: 75, action: "investigate"});
  });

  it("state no level when there is no limit for that person, when the dose cannot be determined, or when it has no upper bound", () => {
    const deployments = [d("2026-10-05T08:00:00-04:00", 720_000)]; // 200 µSv: far above every level of a 1 mSv limit
    const noPublicLimit = deviceTotals("VAN-1", deployments, periodsAsOf(new Date(NOW)), recording().estimate, {...options, publicLimit_uSv: null});
    expect(noPublicLimit.cordon.map((x) => x.alara)).toEqual([NO_LEVEL, NO_LEVEL, NO_LEVEL]);
    expect(noPublicLimit.operator[0]!.alara.level).toBe("Level II");

    const undetermined = recording((dose) => ({dose_uSv: null, upper95_uSv: 2 * dose, determinable: false, reason: "no certificate"}));
    const t = deviceTotals("VAN-1", deployments, periodsAsOf(new Date(NOW)), undetermined.estimate, options);
    expect(t.operator.map((x) => x.alara)).toEqual([NO_LEVEL, NO_LEVEL, NO_LEVEL]);

    // A model (a caller in plain JavaScript) that gives a dose but no upper bound: no level can be stated.
    const unbounded = recording((dose) => ({dose_uSv: dose, determinable: true}) as DoseEstimate);
    const u = deviceTotals("VAN-1", deployments, periodsAsOf(new Date(NOW)), unbounded.estimate, options);
    expect(u.operator.map((x) => x.alara)).toEqual([NO_LEVEL, NO_LEVEL, NO_LEVEL]);

    // A determined dose whose upper bound is missing states no level, even against a limit of zero (where any
    // number would reach every level).
    const noUpper = recording((dose) => ({dose_uSv: dose, upper95_uSv: null, lower95_uSv: dose / 2, determinable: true}));
    const z = deviceTotals("VAN-1", deployments, periodsAsOf(new Date(NOW)), noUpper.estimate, {...options, operatorLimit_uSv: 0});
    expect(z.operator.map((x) => x.alara)).toEqual([NO_LEVEL, NO_LEVEL, NO_LEVEL]);
  });
});
