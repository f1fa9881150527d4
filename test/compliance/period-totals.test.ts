// Period totals and ALARA levels, against values worked out by hand.
import {describe, expect, it} from "vitest";
import {alaraLevel, deviceTotals, dosimeterTotals, periodsAsOf, type DosimeterReading} from "../../lib/compliance/period-totals.js";
import type {AlaraConfig} from "../../lib/compliance/limits.js";
import type {Estimator} from "../../lib/compliance/scenarios.js";

// The sample's levels: Level I at 10 %, Level II at 30 % of the annual limit.
const alara: AlaraConfig = {
  program_specific: true, note: "", source: "", sources: [], applies_to_periods: ["calendar-year"],
  levels: [{id: "Level II", fraction: 0.3, action: "investigate"}, {id: "Level I", fraction: 0.1, action: "review"}]
};

describe("periodsAsOf", () => {
  it("ends every period on the build's day: the quarter and year so far, and the 12 months from the day after a year before", () => {
    expect(periodsAsOf(new Date("2026-11-30T12:00:00Z")).map(({id, from, to, annual_fraction}) => [id, from, to, annual_fraction])).toEqual([
      ["quarter-to-date", "2026-10-01", "2026-11-30", 0.25],
      ["year-to-date", "2026-01-01", "2026-11-30", 1],
      ["rolling-12-months", "2025-12-01", "2026-11-30", 1]
    ]);
    expect(periodsAsOf(new Date("2026-03-31T23:59:59Z")).map((p) => p.from)).toEqual(["2026-01-01", "2026-01-01", "2025-04-01"]);
    // 29 February 2028: a year before is taken as 28 February 2027, so the 12 months start on 1 March 2027.
    expect(periodsAsOf(new Date("2028-02-29T00:00:00Z")).map((p) => p.from)).toEqual(["2028-01-01", "2028-01-01", "2027-03-01"]);
    // The UTC day of now: 23:30 on 31 December in New York is already 1 January in UTC.
    expect(periodsAsOf(new Date("2027-01-01T04:30:00Z"))[0]).toMatchObject({label: "Q1 2027 to date", from: "2027-01-01"});
  });
});

describe("alaraLevel", () => {
  // Built inside each test: a crash while vitest collects the file fails no test (and kills no mutant).
  const year = () => periodsAsOf(new Date("2026-11-30T12:00:00Z"))[1]!;
  const quarter = () => periodsAsOf(new Date("2026-11-30T12:00:00Z"))[0]!;
  it("gives the highest level reached against the annual limit, a quarter against a quarter of it", () => {
    // 1 mSv a year: Level I at 100 µSv, Level II at 300 µSv; for a quarter 25 µSv and 75 µSv.
    expect(alaraLevel(99.9, 99.9, 1000, year(), alara).level).toBeNull();
    expect(alaraLevel(100, 100, 1000, year(), alara)).toEqual({level: "Level I", status: "reached", threshold_uSv: 100, action: "review"});
    expect(alaraLevel(300, 300, 1000, year(), alara)).toMatchObject({level: "Level II", status: "reached", threshold_uSv: 300});
    expect(alaraLevel(80, 80, 1000, quarter(), alara)).toMatchObject({level: "Level II", threshold_uSv: 75});
  });
  it("says 'possibly reached' when only the upper bound reaches the level", () => {
    expect(alaraLevel(320, 250, 1000, year(), alara)).toMatchObject({level: "Level II", status: "possibly reached"});
  });
});

describe("dosimeterTotals", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const r = (dosimeter_id: string, day: string, net_uSv: number, censored = false, mdl_uSv: number | null = null): DosimeterReading =>
    ({dosimeter_id, device_id: "VAN-1", day, net_uSv, censored, mdl_uSv});
  it("adds each dosimeter's net doses per period, a reading below detection at its detection limit", () => {
    const totals = dosimeterTotals([
      r("B", "2026-11-02", 20), r("B", "2026-10-01", 10), r("B", "2026-09-30", 50), r("B", "2025-12-01", 5), r("B", "2025-11-30", 1000),
      r("B", "2026-11-15", 0.2, true, 1),
      r("A", "2026-02-01", 120), r("A", "2024-01-01", 7)
    ], periodsAsOf(now), {annual_uSv: 1000, alara});
    // A: only its 2026-02-01 reading counts (the 2024 one is outside every period).
    expect(totals.map((t) => t.dosimeter_id)).toEqual(["A", "B"]);
    expect(totals[0]!.totals.map((t) => [t.period, t.readings, t.dose_uSv, t.alara.level])).toEqual([
      ["quarter-to-date", 0, 0, null], ["year-to-date", 1, 120, "Level I"], ["rolling-12-months", 1, 120, "Level I"]
    ]);
    // B, quarter: 20 + 10 + 1 (below detection, at its MDL) = 31 µSv, over the quarter's Level I of 25 µSv.
    // Year: 31 + 50 = 81 µSv. Rolling 12 months (from 2025-12-01): 81 + 5 = 86 µSv; 2025-11-30 is a day too early.
    expect(totals[1]!.totals.map((t) => [t.period, t.readings, t.censored, t.dose_uSv, t.alara.level])).toEqual([
      ["quarter-to-date", 3, 1, 31, "Level I"], ["year-to-date", 4, 1, 81, null], ["rolling-12-months", 5, 1, 86, null]
    ]);
  });
});

describe("deviceTotals", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  // A stub model: 1 µSv/h at the operator's 3 m, 0.1 µSv/h at the cordon, bounds ×2 and ×0.5.
  const estimate: Estimator = ({distance_m, duration_s}) => {
    const dose = (distance_m === 3 ? 1 : 0.1) * duration_s / 3600;
    return {dose_uSv: dose, upper95_uSv: 2 * dose, lower95_uSv: dose / 2, determinable: true};
  };
  const d = (start: string, beam_on_s: number, operators: string[]) => ({device_id: "VAN-1", start, beam_on_s, cordon_m: 10, operators});
  const options = {operator_distance_m: 3, operatorLimit_uSv: 1000, publicLimit_uSv: 1000, alara};

  it("sums the most-exposed operator's beam-on time and the cordon of every deployment in each period", () => {
    const t = deviceTotals("VAN-1", [
      d("2026-10-05T08:00:00-04:00", 36_000, ["OP-1", "OP-2"]), // 10 h, both operators
      d("2026-11-20T08:00:00-05:00", 7_200, ["OP-2"]), //           2 h, OP-2
      d("2026-05-01T08:00:00-04:00", 360_000, ["OP-1"]), //         100 h, OP-1
      {...d("2026-10-06T08:00:00-04:00", 3_600, []), device_id: "VAN-2"}
    ], periodsAsOf(now), estimate, options);
    // Quarter: OP-2 worked 12 h, OP-1 10 h → 12 µSv (bounds 6 and 24); cordon 12 h × 0.1 = 1.2 µSv.
    expect(t.operator[0]).toMatchObject({period: "quarter-to-date", deployments: 2, beam_on_s: 43_200, dose: {dose_uSv: 12, upper95_uSv: 24, lower95_uSv: 6}});
    expect(t.cordon[0]!.dose.dose_uSv).toBeCloseTo(1.2, 12);
    // Quarter's Level I is 25 µSv: not reached by 24 µSv.
    expect(t.operator[0]!.alara.level).toBeNull();
    // Year: OP-1 worked 110 h → 110 µSv (bounds 55 and 220): Level I (100 µSv) possibly reached.
    expect(t.operator[1]).toMatchObject({deployments: 3, beam_on_s: 396_000, dose: {dose_uSv: 110}, alara: {level: "Level I", status: "possibly reached"}});
    expect(t.cordon[1]!.dose.upper95_uSv).toBeCloseTo(2 * 11.2, 10);
  });

  it("is a zero dose in a period without deployments, but cannot be determined for a device the log never names", () => {
    const t = deviceTotals("VAN-1", [d("2025-01-05T08:00:00-05:00", 3600, ["OP-1"])], periodsAsOf(now), estimate, options);
    expect(t.operator.map((x) => [x.deployments, x.dose.dose_uSv])).toEqual([[0, 0], [0, 0], [0, 0]]);
    const never = deviceTotals("VAN-9", [d("2026-10-05T08:00:00-04:00", 3600, [])], periodsAsOf(now), estimate, options);
    expect(never.cordon.every((x) => !x.dose.determinable && /no deployments of VAN-9/.test(x.dose.reason!))).toBe(true);
  });

  it("takes all of a period's beam-on time for the operator when the log names no operators", () => {
    const t = deviceTotals("VAN-1", [d("2026-10-05T08:00:00-04:00", 3600, []), d("2026-10-07T08:00:00-04:00", 1800, [])], periodsAsOf(now), estimate, options);
    expect(t.operator[0]!.dose.dose_uSv).toBeCloseTo(1.5, 12);
  });
});
