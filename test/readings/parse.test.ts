// The readings parser against hand-made files: every error and warning of the format, with the exact line reported.
import {describe, expect, it} from "vitest";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import type {Problem} from "../../lib/io/index.js";

const NOW = {now: new Date("2026-06-01T00:00:00Z")};
const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit";
const ROW = "R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv";

function parse(lines: string[], file = "readings/2026-03.csv") {
  return parseReadingsCsv(lines.join("\n") + "\n", file, NOW);
}
const errors = (p: Problem[]) => p.filter((x) => x.severity === "error");
const warnings = (p: Problem[]) => p.filter((x) => x.severity === "warning");

/** The one error of a file whose row 2 has `value` in `column`. */
function errorFor(column: string, value: string): Problem {
  const header = HEADER.split(",");
  const row = ROW.split(",");
  const k = header.indexOf(column);
  if (k >= 0) row[k] = value;
  else {
    header.push(column);
    row.push(value);
  }
  const {problems} = parse([header.join(","), row.join(",")]);
  expect(errors(problems)).toHaveLength(1);
  return errors(problems)[0]!;
}

describe("parseReadingsCsv: valid input", () => {
  it("reads a reading into canonical units", () => {
    const {readings, problems} = parse([HEADER, "R1,VAN-1,2026-03-14T09:30:00+01:00,10,ft,2,min,0.016,mrem"]);
    expect(problems).toEqual([]);
    expect(readings).toHaveLength(1);
    const r = readings[0]!;
    expect(r.reading_id).toBe("R1");
    expect(r.distance_m).toBeCloseTo(3.048, 12); // 10 ft × 0.3048 m/ft
    expect(r.duration_s).toBe(120);
    expect(r.gross).toBeCloseTo(0.16, 12); // 1 mrem = 10 µSv
    expect(r.quantity).toBe("H*(10)");
    expect(r.unit).toBe("uSv");
    expect(r.measured_at).toBe("2026-03-14T09:30:00+01:00");
    expect(r.measured_at_ms).toBe(Date.UTC(2026, 2, 14, 8, 30));
    expect(r.source).toEqual({file: "readings/2026-03.csv", line: 2});
    expect(r.net).toBe(r.gross);
    expect(r.censored).toBe(false);
  });

  it.each([
    ["500", "nSv", "H*(10)", "uSv", 0.5],
    ["16", "µrem", "H*(10)", "uSv", 0.16],
    ["16", "μrem", "H*(10)", "uSv", 0.16],
    ["1", "rem", "H*(10)", "uSv", 1e4],
    ["2", "mGy", "air-kerma", "uGy", 2000],
    ["3", "µGy", "air-kerma", "uGy", 3],
    ["5", "uR", "exposure", "uR", 5],
    ["1.5", "mR", "exposure", "uR", 1500],
    // 1 rad = 0.01 Gy (10 CFR 20.1004): 1 mrad = 10 µGy, never a milliradian.
    ["1", "mrad", "air-kerma", "uGy", 10],
    ["2", "rad", "air-kerma", "uGy", 2e4]
  ])("takes %s %s as %s in %s", (dose, unit, quantity, canonical, value) => {
    const {readings, problems} = parse([HEADER, `R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,${dose},${unit}`]);
    // 1 rem and 2 mGy in a minute are implausible for this device class (warned about in test/plausibility.test.ts).
    expect(errors(problems)).toEqual([]);
    expect(readings[0]).toMatchObject({quantity, unit: canonical});
    expect(readings[0]!.gross).toBeCloseTo(value, 9);
  });

  // A rate is the mean over the duration: dose = rate × duration. Hand values for 60 s = 1/60 h.
  it.each([
    ["56", "µSv/h", "H*(10)", "uSv", 56 / 60],
    ["6", "mrem/h", "H*(10)", "uSv", 60 / 60],
    ["2", "mR/h", "exposure", "uR", 2000 / 60],
    ["30", "µGy/h", "air-kerma", "uGy", 30 / 60],
    ["1", "uSv/min", "H*(10)", "uSv", 1],
    ["0.5", "mrad/h", "air-kerma", "uGy", 5 / 60]
  ])("takes the rate %s %s over 60 s as a dose: %s in %s", (dose, unit, quantity, canonical, value) => {
    const {readings, problems} = parse([HEADER, `R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,${dose},${unit}`]);
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({quantity, unit: canonical, duration_s: 60});
    expect(readings[0]!.gross).toBeCloseTo(value, 12);
  });

  it("takes a rate's uncertainty, background and MDL in the rate's unit, over the same duration", () => {
    const header = `${HEADER},uncertainty,background,mdl`;
    const {readings, problems} = parse([header, "R1,VAN-1,2026-03-14T09:30:00Z,5,ft,30,min,56,µSv/h,4,0.12,0.05"]);
    expect(problems).toEqual([]);
    // 30 min = 0.5 h: 56 µSv/h → 28 µSv; 4 → 2; 0.12 → 0.06; 0.05 → 0.025.
    expect(readings[0]).toMatchObject({gross: 28, uncertainty: 2, background: 0.06, mdl: 0.025});
    expect(readings[0]!.net).toBeCloseTo(27.94, 12);
  });

  it("accepts a byte-order mark, CRLF line ends, columns in any order and extra columns", () => {
    const text = "\uFEFFdose_unit,dose,site,device_id,measured_at,distance,distance_unit,duration,duration_unit\r\nmSv,0.001,north gate,VAN-1,2026-03-14T09:30:00Z,1,m,1,h\r\n";
    const {readings, problems} = parseReadingsCsv(text, "a.csv", NOW);
    expect(problems).toEqual([]);
    expect(readings[0]!.gross).toBeCloseTo(1, 12);
    expect(readings[0]!.duration_s).toBe(3600);
    expect(readings[0]!.extra).toEqual({site: "north gate"});
    expect(readings[0]!.reading_id).toBe("a.csv:2");
  });

  it("derives a missing reading_id from the file name and line", () => {
    const {readings} = parse(["device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit", "VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv"], "data/readings/march.csv");
    expect(readings[0]!.reading_id).toBe("march.csv:2");
  });

  it("counts the physical lines of quoted fields that span lines", () => {
    const {readings, problems} = parse([
      `${HEADER},notes`,
      `R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,"first line`,
      `second line, with a comma`,
      `third ""quoted"" line"`,
      `R2,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,-1,uSv,`
    ]);
    expect(readings[0]!.notes).toBe('first line\nsecond line, with a comma\nthird "quoted" line');
    expect(errors(problems)).toMatchObject([{line: 5, column: "dose"}]);
  });

  it("reports a problem in a field after a multi-line field on the line where that field starts", () => {
    const {problems} = parse([`${HEADER},notes,mdl`, `${ROW},"one`, `two",xyz`]);
    expect(problems).toMatchObject([{severity: "error", line: 3, column: "mdl"}]);
  });

  it("computes net dose, percentage uncertainty and censoring below the MDL", () => {
    const header = `${HEADER},background,uncertainty,mdl`;
    const {readings, problems} = parse([
      header,
      "R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,2,mrem,0.5,8%,0.1",
      "R2,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.05,mrem,,0.01,0.1"
    ]);
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({gross: 20, background: 5, net: 15, censored: false, mdl: 1});
    expect(readings[0]!.uncertainty).toBeCloseTo(1.6, 12); // 8 % of 20 µSv
    expect(readings[1]).toMatchObject({censored: true, background: null, net: 0.5});
    expect(readings[1]!.uncertainty).toBeCloseTo(0.1, 12);
  });

  it("reads the optional columns", () => {
    const header = `${HEADER},dosimeter_id,angle_deg,quantity,instrument_type,instrument_id,instrument_calibrated_on`;
    const {readings, problems} = parse([header, `${ROW},TLD-7,360,Hp(10),integrating,OSL-3,2026-01-10`]);
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({
      dosimeter_id: "TLD-7", angle_deg: 0, quantity: "Hp(10)", instrument_type: "integrating", instrument_id: "OSL-3",
      instrument_calibrated_on: "2026-01-10"
    });
  });
});

describe("parseReadingsCsv: errors refuse the data set, each with its line and column", () => {
  it("names file, line and column, and says what is wrong and what would fix it", () => {
    expect(errorFor("dose_unit", "mREM")).toEqual({
      severity: "error", file: "readings/2026-03.csv", line: 2, column: "dose_unit",
      message: `"mREM" is not a unit this product knows: did you mean "mrem"? (units are case-sensitive)`
    });
  });

  it.each([
    ["dose_unit", "MSV", "mSv"],
    ["dose_unit", "µSV/H", "µSv/h"],
    ["dose_unit", "MR/h", "mR/h"],
    ["distance_unit", "FT", "ft"],
    ["duration_unit", "MIN", "min"]
  ])("suggests the right case: %s %j → %j", (column, written, meant) => {
    expect(errorFor(column, written).message).toContain(`did you mean "${meant}"?`);
  });

  it.each(["MSv", "kR", "Mrem"])("refuses the dose unit %j, which mathjs reads but nobody records", (unit) => {
    expect(errorFor("dose_unit", unit).message).toMatch(/is not a dose unit readings are written in/);
  });

  it("reports a missing required column on the header line", () => {
    const {problems, readings} = parse(["reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose", "R1,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5"]);
    expect(readings).toEqual([]);
    expect(problems).toMatchObject([{severity: "error", line: 1, column: "dose_unit", message: expect.stringMatching(/required column "dose_unit" is missing/)}]);
  });

  it("reports ragged rows", () => {
    const {problems, readings} = parse([HEADER, ROW, "R2,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5", "R3,VAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,extra"]);
    expect(readings.map((r) => r.reading_id)).toEqual(["R1"]);
    expect(problems).toMatchObject([
      {severity: "error", line: 3, message: expect.stringMatching(/8 fields but the header has 9/)},
      {severity: "error", line: 4, message: expect.stringMatching(/10 fields but the header has 9/)}
    ]);
  });

  it.each(["abc", "NaN", "Infinity", "-Infinity", "1e400", "0x10", '"1,000"', "1_000", " ", "", "1.2.3", "5 uSv"])(
    "refuses the number %j",
    (value) => {
      const e = errorFor("dose", value);
      expect(e).toMatchObject({line: 2, column: "dose"});
    }
  );

  it.each([
    ["distance", "0", /greater than zero/],
    ["distance", "-3", /greater than zero/],
    ["duration", "0", /greater than zero/],
    ["duration", "-60", /greater than zero/],
    ["dose", "-0.1", /must not be negative/],
    ["distance_unit", "s", /"s" is a duration; this column takes a length such as m/],
    ["distance_unit", "parsecs", /not a unit this product knows/],
    ["duration_unit", "m", /"m" is a length; this column takes a duration such as s/],
    ["dose_unit", "msv", /not a unit this product knows: did you mean "mSv"/],
    ["dose_unit", "mSv/m", /not a unit this product knows; write one of/],
    ["dose_unit", "s", /"s" is a duration; this column takes a dose or a dose rate such as mSv/],
    ["dose_unit", "m", /"m" is a length; this column takes a dose or a dose rate such as mSv/],
    ["measured_at", "2026-03-14T09:30:00", /no UTC offset/],
    ["measured_at", "2026-03-14 09:30:00Z", /not an ISO 8601 date-time/],
    ["measured_at", "2026-02-30T09:30:00Z", /February 2026 has 28 days/],
    ["measured_at", "2025-02-29T09:30:00Z", /February 2025 has 28 days/],
    ["measured_at", "2026-03-14T25:30:00Z", /impossible time of day/],
    ["measured_at", "2026-03-14", /date without a time/],
    ["measured_at", "2026-07-01T00:00:00Z", /in the future/],
    ["device_id", "", /is empty; write the id of the X-ray device/],
    ["angle_deg", "400", /from 0 to 360/],
    ["quantity", "dose", /not a quantity this product knows/],
    ["quantity", "air-kerma", /air-kerma is not measured in uSv \(Sv or rem\)/],
    ["uncertainty", "-1", /must not be negative/],
    ["uncertainty", "eight%", /not a percentage/],
    ["background", "-0.2", /must not be negative/],
    ["mdl", "n/a", /not a decimal number/],
    ["instrument_type", "geiger", /integrating .* or rate-meter/],
    ["instrument_calibrated_on", "2026-13-01", /months run from 01 to 12/]
  ])("refuses %s = %j", (column, value, message) => {
    const e = errorFor(column, value);
    expect(e).toMatchObject({line: 2, column});
    expect(e.message).toMatch(message);
  });

  it("refuses a number that overflows once converted to canonical units", () => {
    const {problems} = parse([HEADER, "R1,VAN-1,2026-03-14T09:30:00Z,1e308,km,60,s,0.5,uSv"]);
    expect(problems).toMatchObject([{severity: "error", line: 2, column: "distance", message: expect.stringMatching(/too large once converted/)}]);
  });

  it("accepts a leap day", () => {
    expect(parse([HEADER, "R1,VAN-1,2024-02-29T23:59:59.5-05:00,2,m,60,s,0.5,uSv"]).problems).toEqual([]);
  });

  it("refuses a duplicate reading_id, naming the first line", () => {
    const {problems} = parse([HEADER, ROW, ROW.replace("R1", "R2"), ROW]);
    expect(problems).toMatchObject([{severity: "error", line: 4, column: "reading_id", message: expect.stringMatching(/reading on line 2/)}]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(parseReadingsCsv("", "e.csv", NOW).problems).toMatchObject([{severity: "error", file: "e.csv", line: 1, message: expect.stringMatching(/empty/)}]);
    expect(parseReadingsCsv("\n\n", "e.csv", NOW).problems).toMatchObject([{severity: "error", line: 1}]);
    expect(parseReadingsCsv(HEADER + "\r\n", "h.csv", NOW).problems).toMatchObject([{severity: "error", line: 1, message: expect.stringMatching(/no readings/)}]);
  });

  it("refuses a file that is not text", () => {
    const {problems, readings} = parseReadingsCsv(`${HEADER}\n${ROW}\nPK\u0003\u0004\u0000\u0000`, "x.csv", NOW);
    expect(readings).toEqual([]);
    expect(problems).toMatchObject([{severity: "error", line: 3, message: expect.stringMatching(/not a text file/)}]);
  });

  it("reports broken quoting on its line", () => {
    const {problems} = parse([HEADER, ROW.replace("R1", 'R"1'), ROW.replace("R1", '"R2"x'), ROW.replace("R1", "R3")]);
    expect(errors(problems).map((p) => p.line)).toEqual([2, 3]);
  });

  it("reports every problem in the file, not only the first", () => {
    const {problems} = parse([
      HEADER,
      "R1,VAN-1,2026-03-14T09:30:00,0,m,60,s,-1,mSv/m",
      ROW.replace("R1", "R2"),
      "R3,,2026-02-30T09:30:00Z,2,furlongs,60,s,0.5,uSv"
    ]);
    expect(errors(problems).map((p) => [p.line, p.column])).toEqual([
      [2, "measured_at"], [2, "distance"], [2, "dose_unit"], [2, "dose"],
      [4, "device_id"], [4, "measured_at"], [4, "distance_unit"]
    ]);
  });
});

describe("parseReadingsCsv: warnings keep the data", () => {
  it("warns when background exceeds the gross reading beyond its uncertainty", () => {
    const header = `${HEADER},background,uncertainty`;
    const {readings, problems} = parse([
      header,
      `${ROW},0.7,0.1`, // 0.7 − 0.5 = 0.2 > 0.1: warning
      `${ROW.replace("R1", "R2")},0.55,0.1`, // 0.05 ≤ 0.1: within the uncertainty
      `${ROW.replace("R1", "R3")},0.6,` // no uncertainty stated: any excess
    ]);
    expect(readings).toHaveLength(3);
    // Below the MDL the gross reading is indistinguishable from zero: no warning.
    expect(parse([`${header},mdl`, `${ROW.replace(",0.5,uSv", ",0,uSv")},0.03,,1`]).problems).toEqual([]);
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map((p) => [p.line, p.column])).toEqual([[2, "background"], [4, "background"]]);
    expect(readings[0]!.net).toBeCloseTo(-0.2, 12); // kept negative, not clipped
  });

  it("warns when the instrument calibration is more than 12 calendar months old at the reading", () => {
    const header = `${HEADER},instrument_calibrated_on`;
    const {readings, problems} = parse([
      header,
      `${ROW},2025-03-14`, // reading 2026-03-14: exactly 12 months, still current
      `${ROW.replace("R1", "R2")},2025-03-13`, // 12 months and a day
      `${ROW.replace("R1", "R3").replace("2026-03-14T09:30:00Z", "2026-03-14T23:30:00-05:00")},2025-03-14` // local date 2026-03-14
    ]);
    expect(readings).toHaveLength(3);
    expect(problems).toMatchObject([{severity: "warning", line: 3, column: "instrument_calibrated_on", message: expect.stringMatching(/calibrated on 2025-03-13, more than 12 months before this reading \(2026-03-14\)/)}]);
  });

  it("clamps the calibration anniversary to the month's end", () => {
    const header = `${HEADER},instrument_calibrated_on`;
    const leap = (date: string) => parse([header, `${ROW.replace("2026-03-14T09:30:00Z", date)},2024-02-29`]).problems;
    expect(leap("2025-02-28T12:00:00Z")).toEqual([]);
    expect(leap("2025-03-01T12:00:00Z")).toMatchObject([{severity: "warning"}]);
  });

  it("warns about a rate-meter reading", () => {
    const {readings, problems} = parse([`${HEADER},instrument_type`, `${ROW},rate-meter`]);
    expect(readings).toHaveLength(1);
    expect(problems).toMatchObject([{severity: "warning", line: 2, column: "instrument_type", message: expect.stringMatching(/swept beam/)}]);
  });
});
