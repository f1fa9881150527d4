// The readings parser (lib/readings/parse.ts), column by column: the header's own errors, each optional column's
// reading and refusals word for word, the conversions that overflow, and the plausibility checks each canonical value
// goes through (which column, which line, error or warning, the value as written). Expected values worked by hand.
import {describe, expect, it} from "vitest";
import {ONCE_PER_FILE, parseReadingsCsv} from "../../lib/readings/parse.js";
import type {Problem} from "../../lib/io/index.js";

const NOW = {now: new Date("2026-06-01T00:00:00Z")};
const REQUIRED = {
  device_id: "VAN-1", measured_at: "2026-03-14T09:30:00Z", distance: "2", distance_unit: "m", duration: "60", duration_unit: "s",
  dose: "0.5", dose_unit: "uSv"
};

/** A file of one header and one row per record: the required columns (overridable) and any others, empty where a record has none. */
function parseRows(...rows: Record<string, string>[]) {
  const cells = rows.map((r) => ({...REQUIRED, ...r}));
  const header = [...new Set(cells.flatMap((c) => Object.keys(c)))];
  const text = [header.join(","), ...cells.map((c) => header.map((h) => (c as Record<string, string>)[h] ?? "").join(","))].join("\n") + "\n";
  return parseReadingsCsv(text, "readings/r.csv", NOW);
}
const said = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.line} ${p.column ?? "-"}${p.code ? ` [${p.code}]` : ""}: ${p.message}`);

describe("the header", () => {
  it("refuses a column without a name and a column named twice, and reads no rows from such a file only when a required column is missing", () => {
    const text = "device_id,measured_at,,distance,distance_unit,duration,duration_unit,dose,dose_unit,device_id\nVAN-1,2026-03-14T09:30:00Z,x,2,m,60,s,0.5,uSv,VAN-2\n";
    const {problems, readings} = parseReadingsCsv(text, "h.csv", NOW);
    // The row is still read (every problem of the file is reported), from the first column of a doubled name, and
    // neither the unnamed nor the doubled column becomes an extra column.
    expect(readings.map((r) => [r.device_id, r.extra])).toEqual([["VAN-1", {}]]);
    expect(said(problems)).toEqual([
      "error 1 -: column 3 of the header has no name; name it or remove the column",
      "error 1 device_id: the header names this column twice (columns 1 and 10); keep one"
    ]);
  });

  it("names a required column written in another case or with spaces or hyphens, and says how to write it", () => {
    const text = "Device_ID,measured at,distance,distance-unit,duration,duration  unit,dose,dose_unit\n";
    const {problems, readings} = parseReadingsCsv(text, "h.csv", NOW);
    expect(readings).toEqual([]);
    expect(said(problems)).toEqual([
      'error 1 device_id: the required column "device_id" is missing (the header has "Device_ID": names are lower case with underscores); add it to the header line',
      'error 1 measured_at: the required column "measured_at" is missing (the header has "measured at": names are lower case with underscores); add it to the header line',
      'error 1 distance_unit: the required column "distance_unit" is missing (the header has "distance-unit": names are lower case with underscores); add it to the header line',
      'error 1 duration_unit: the required column "duration_unit" is missing (the header has "duration  unit": names are lower case with underscores); add it to the header line',
      "error 1 -: the file has a header but no readings; add one line per reading below the header"
    ]);
  });

  it("says what an empty file needs, and where the NUL bytes of a binary file are", () => {
    // toStrictEqual: a problem without a column or code has no such key at all.
    expect(parseReadingsCsv("", "e.csv", NOW)).toStrictEqual({readings: [], problems: [{
      severity: "error", file: "e.csv", line: 1,
      message: "the file is empty; it needs a header line (device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit) and one line per reading"
    }]});
    const binary = "the file contains NUL bytes, so it is not a text file; export the readings as a UTF-8 CSV file";
    // LF, CRLF and a lone CR each end one line.
    expect(said(parseReadingsCsv("a\nb\r\nc\rd\u0000", "b.csv", NOW).problems)).toEqual([`error 4 -: ${binary}`]);
    expect(said(parseReadingsCsv("\u0000PK", "b.csv", NOW).problems)).toEqual([`error 1 -: ${binary}`]);
    expect(said(parseReadingsCsv("a\n\u0000\nb\nc", "b.csv", NOW).problems)).toEqual([`error 2 -: ${binary}`]);
  });

  it("reports a quoting mistake alone, not also as an empty file or a header without readings", () => {
    const unclosed = 'a quoted field opened on line 1 is never closed; add the closing double quote (write a quote inside a quoted field as "")';
    expect(said(parseReadingsCsv('"device_id', "q.csv", NOW).problems)).toEqual([`error 1 -: ${unclosed}`]);
    const header = "device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit";
    expect(said(parseReadingsCsv(`${header}\nVAN"1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv\n`, "q.csv", NOW).problems)).toEqual([
      'error 2 -: a double quote inside an unquoted field; wrap the field in double quotes and write each quote inside it as ""'
    ]);
  });

  it("says a required column is missing without a hint when no header name is like it", () => {
    const {problems} = parseReadingsCsv("device_id,measured_at,distance,distance_unit,duration,duration_unit,dose\n", "h.csv", NOW);
    expect(said(problems)).toEqual([
      'error 1 dose_unit: the required column "dose_unit" is missing; add it to the header line',
      "error 1 -: the file has a header but no readings; add one line per reading below the header"
    ]);
  });

  it("knows every column docs/data-formats.md lists: only a column of another name is kept as an extra column", () => {
    // The optional columns of docs/data-formats.md ("Field readings"), all present and empty, beside one of the user's own.
    const optional = [
      "reading_id", "dosimeter_id", "angle_deg", "quantity", "uncertainty", "background", "mdl", "instrument_type", "instrument_id",
      "instrument_calibrated_on", "notes", "duration_basis", "calibration_uncertainty", "energy_response_uncertainty"
    ];
    const {readings, problems} = parseRows({...Object.fromEntries(optional.map((name) => [name, ""])), crew: "B"});
    expect(problems).toEqual([]);
    expect(readings.map((r) => r.extra)).toEqual([{crew: "B"}]);
  });

  it("keeps the first of an extra column named twice", () => {
    const text = "device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,site,site\nVAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,gate,depot\n";
    expect(parseReadingsCsv(text, "h.csv", NOW).readings.map((r) => r.extra)).toEqual([{site: "gate"}]);
  });

  it("says how many fields a ragged line has against the header", () => {
    const {problems} = parseReadingsCsv("device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit\nVAN-1,2026-03-14T09:30:00Z,2,m\n", "r.csv", NOW);
    expect(said(problems)).toEqual([
      "error 2 -: this line has 4 fields but the header has 8; every line needs one value per column (leave optional values empty, and quote values that contain commas)"
    ]);
  });
});

describe("the required columns", () => {
  it("says what to write in each empty required cell", () => {
    const {problems, readings} = parseRows({measured_at: " ", distance: "", duration: "", dose: " "});
    expect(readings).toEqual([]);
    expect(said(problems)).toEqual([
      "error 2 measured_at: is empty; write the date-time of the reading with its UTC offset, such as 2026-03-14T09:30:00Z",
      "error 2 distance: is empty; write the distance from the device's reference point",
      "error 2 duration: is empty; write the integration time of the reading",
      "error 2 dose: is empty; write the gross integrated reading, or the mean rate over the duration with a rate unit (0 when the dosimeter read nothing)"
    ]);
  });

  it("quotes a number as written, without its spaces, in a range refusal, and passes on the number reader's words", () => {
    expect(said(parseRows({distance: " -3 ", duration: "0", dose: "-0.5"}).problems)).toEqual([
      "error 2 distance: -3 must be greater than zero",
      "error 2 duration: 0 must be greater than zero",
      "error 2 dose: -0.5 must not be negative"
    ]);
    expect(said(parseRows({dose: '"1,5"'}).problems)).toEqual(['error 2 dose: "1,5" uses a decimal comma; write a decimal point, such as 1.5']);
  });

  it("passes on the unit resolver's words for a refused unit", () => {
    expect(said(parseRows({distance_unit: "furlongs"}).problems)).toEqual([
      'error 2 distance_unit: "furlongs" is not a unit this product knows; write one of m, cm, mm, ft, in (units are case-sensitive)'
    ]);
  });

  it("takes an optional number cell of spaces as empty", () => {
    const {readings, problems} = parseRows({angle_deg: "  ", mdl: " ", background: " ", uncertainty: " "});
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({angle_deg: null, mdl: null, background: null, uncertainty: null});
  });

  it("takes zero for the dose, its uncertainty, background and MDL", () => {
    const {readings, problems} = parseRows({dose: "0", uncertainty: "0", background: "0", mdl: "0"});
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({gross: 0, net: 0, uncertainty: 0, background: 0, mdl: 0, censored: false});
  });
});

describe("the optional columns", () => {
  it("takes an angle from 0 to 360 inclusive, 360 as 0, and refuses one outside", () => {
    const {readings, problems} = parseRows({angle_deg: "0"}, {angle_deg: "360"}, {angle_deg: "359.5"}, {angle_deg: ""}, {angle_deg: "-1"}, {angle_deg: "360.5"});
    expect(readings.map((r) => r.angle_deg)).toEqual([0, 0, 359.5, null]);
    expect(said(problems)).toEqual([
      "error 6 angle_deg: -1 is not a direction in degrees; write an angle from 0 to 360",
      "error 7 angle_deg: 360.5 is not a direction in degrees; write an angle from 0 to 360"
    ]);
  });

  it("takes the quantity in any case, defaults it from the unit's dimension, and refuses one the unit cannot carry", () => {
    const {readings, problems} = parseRows(
      {quantity: "hp(10)"}, {quantity: "EFFECTIVE", dose_unit: "mrem"}, {quantity: "", dose_unit: "mGy"}, {quantity: "", dose_unit: "mR/h"},
      {quantity: "exposure", dose_unit: "mSv"}, {quantity: "h*(10)", dose_unit: "mrad"}, {quantity: "air-kerma", dose_unit: "µR"}, {quantity: "dose"}
    );
    expect(readings.map((r) => [r.quantity, r.unit])).toEqual([["Hp(10)", "uSv"], ["effective", "uSv"], ["air-kerma", "uGy"], ["exposure", "uR"]]);
    expect(said(problems)).toEqual([
      "error 6 quantity: exposure is not measured in mSv (Sv or rem); write H*(10) or Hp(10) or effective, or correct dose_unit",
      "error 7 quantity: H*(10) is not measured in mrad (Gy or rad); write air-kerma, or correct dose_unit",
      "error 8 quantity: air-kerma is not measured in µR (R); write exposure, or correct dose_unit",
      'error 9 quantity: "dose" is not a quantity this product knows; write one of H*(10), Hp(10), effective, air-kerma, exposure (or leave it empty to take it from the unit)'
    ]);
  });

  it("reads a percentage uncertainty of the dose, of a rate too, and refuses a negative or unreadable one", () => {
    // 10 % of 56 µSv/h over 30 min (28 µSv) = 2.8 µSv; 0 % is no uncertainty; 5 % of 2 mrem (20 µSv) = 1 µSv.
    const {readings, problems} = parseRows(
      {uncertainty: "10%", dose: "56", dose_unit: "µSv/h", duration: "30", duration_unit: "min"}, {uncertainty: "0%"}, {uncertainty: " 5% ", dose: "2", dose_unit: "mrem"},
      {uncertainty: "-5%"}, {uncertainty: "%"}, {uncertainty: "5%", dose: "x"}
    );
    expect(readings.map((r) => r.uncertainty)).toEqual([expect.closeTo(2.8, 12), 0, expect.closeTo(1, 12)]);
    expect(said(problems)).toEqual([
      "error 5 uncertainty: -5% must not be negative",
      'error 6 uncertainty: "%" is not a percentage; write a number followed by %, such as 8%',
      'error 7 dose: "x" is not a decimal number; write a number such as 1.5 or 2.4e-3 (no units, hex or separators)'
    ]);
  });

  it("reads the instrument type in any case, and warns about a rate meter on its line", () => {
    const {readings, problems} = parseRows({instrument_type: "INTEGRATING"}, {instrument_type: "Rate-Meter"}, {instrument_type: ""}, {instrument_type: "geiger"});
    expect(readings.map((r) => r.instrument_type)).toEqual(["integrating", "rate-meter", null]);
    expect(said(problems)).toEqual([
      "warning 3 instrument_type [rate-meter]: a rate meter can misread the short, intense exposure of a swept beam; confirm this reading with an integrating dosimeter (TLD, OSL or electronic) before relying on it",
      'error 5 instrument_type: "geiger" is not an instrument type; write integrating (TLD, OSL, electronic dosimeter) or rate-meter'
    ]);
  });

  it("warns about a calibration lapsed at the reading or made after it, in the reading's local date", () => {
    const {readings, problems} = parseRows(
      {instrument_calibrated_on: "2025-03-13"}, {instrument_calibrated_on: "2026-03-15"}, {instrument_calibrated_on: " 2026-03-14 "},
      {instrument_calibrated_on: "2026-03-15", measured_at: "2026-03-15T01:00:00+01:00"}
    );
    expect(readings.map((r) => r.instrument_calibrated_on)).toEqual(["2025-03-13", "2026-03-15", "2026-03-14", "2026-03-15"]);
    expect(said(problems)).toEqual([
      "warning 2 instrument_calibrated_on [instrument-calibration-lapsed]: the instrument was calibrated on 2025-03-13, more than 12 months before this reading (2026-03-14); its calibration had lapsed, so recalibrate it or record why the reading still holds",
      "warning 3 instrument_calibrated_on [instrument-calibrated-after]: the instrument was calibrated on 2026-03-15, after this reading (2026-03-14); record the calibration that was current when the reading was taken"
    ]);
  });

  it("reads the duration basis in any case, beam-on when empty, and says what each basis means when refusing one", () => {
    const {readings, problems} = parseRows({duration_basis: "Elapsed"}, {duration_basis: ""}, {duration_basis: "BEAM-ON"}, {duration_basis: "wall"});
    expect(readings.map((r) => r.duration_basis)).toEqual(["elapsed", "beam-on", "beam-on"]);
    expect(said(problems)).toEqual([
      'error 5 duration_basis: "wall" is not a duration basis; write beam-on (the duration is the time the beam was on) or elapsed (the wall-clock time, converted with the deployment\'s beam-on fraction)'
    ]);
  });

  it("reads a relative uncertainty as a percentage or a fraction, from 0 to below 100 %", () => {
    const {readings, problems} = parseRows(
      {calibration_uncertainty: "5%", energy_response_uncertainty: "0.05"}, {calibration_uncertainty: "0", energy_response_uncertainty: "99.5%"},
      {calibration_uncertainty: "", energy_response_uncertainty: " "},
      {calibration_uncertainty: "100%", energy_response_uncertainty: "1"}, {calibration_uncertainty: "-1%", energy_response_uncertainty: "abc"}
    );
    expect(readings.map((r) => [r.calibration_uncertainty, r.energy_response_uncertainty])).toEqual([[0.05, 0.05], [0, 0.995], [null, null]]);
    expect(said(problems)).toEqual([
      "error 5 calibration_uncertainty: 100% must be a relative standard uncertainty (k = 1) from 0 to below 100 %",
      "error 5 energy_response_uncertainty: 1 must be a relative standard uncertainty (k = 1) from 0 to below 100 %",
      "error 6 calibration_uncertainty: -1% must be a relative standard uncertainty (k = 1) from 0 to below 100 %",
      'error 6 energy_response_uncertainty: "abc" is not a relative uncertainty; write a percentage such as 5% or a fraction such as 0.05'
    ]);
  });

  it("makes a missing reading id from the file's base name, with either kind of path separator, and the line", () => {
    const text = "device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit\nVAN-1,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv\n";
    expect(parseReadingsCsv(text, "C:\\data\\readings\\march.csv", NOW).readings[0]!.reading_id).toBe("march.csv:2");
    expect(parseReadingsCsv(text, "data/readings/april.csv", NOW).readings[0]!.reading_id).toBe("april.csv:2");
  });

  it("censors a reading only below its MDL, and warns about a background only beyond the gross by more than the uncertainty", () => {
    const {readings, problems} = parseRows({dose: "1", mdl: "1", background: "1.5", uncertainty: "0.5"}, {dose: "1", mdl: "1.25", background: "", uncertainty: ""});
    expect(readings.map((r) => r.censored)).toEqual([false, true]);
    expect(problems).toEqual([]);
  });

  it("keeps notes as written, none when empty, and the extra columns by name", () => {
    const {readings} = parseRows({notes: "", site: "gate"}, {notes: " by the gate ", site: ""});
    expect(readings.map((r) => [r.notes, r.extra])).toEqual([[null, {site: "gate"}], [" by the gate ", {site: ""}]]);
  });
});

describe("conversion to canonical units", () => {
  it("refuses each value that overflows once converted, naming it as written", () => {
    const {problems, readings} = parseRows(
      {duration: "1e308", duration_unit: "h"},
      {dose: "1e308", dose_unit: "Sv", uncertainty: "1e308", background: "1e308", mdl: "1e308"}
    );
    expect(readings).toEqual([]);
    const tooLarge = (line: number, column: string) => `error ${line} ${column}: 1e308 is too large once converted to canonical units; check the value and its unit`;
    expect(said(problems).filter((p) => p.startsWith("error"))).toEqual([
      tooLarge(2, "duration"), tooLarge(3, "dose"), tooLarge(3, "uncertainty"), tooLarge(3, "background"), tooLarge(3, "mdl")
    ]);
  });

  it("makes a rate a dose over the duration in the duration's unit", () => {
    // 6 mrem/h = 60 µSv/h, for 0.5 h: 30 µSv; the MDL 0.6 mrem/h → 3 µSv, background 1.2 mrem/h → 6 µSv.
    const {readings, problems} = parseRows({dose: "6", dose_unit: "mrem/h", duration: "0.5", duration_unit: "h", mdl: "0.6", background: "1.2"});
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({gross: expect.closeTo(30, 12), mdl: expect.closeTo(3, 12), background: expect.closeTo(6, 12), net: expect.closeTo(24, 12), censored: false});
  });
});

describe("plausibility of the canonical values", () => {
  it("warns about a dose unit too large for a field reading once per file and unit, by the dose or the rate range", () => {
    const {problems} = parseRows({dose: "0.0000001", dose_unit: "Sv"}, {dose: "0.0000002", dose_unit: "Sv"}, {dose: "0.00001", dose_unit: "rem/h"}, {dose: "1e-9", dose_unit: "Sv/h"});
    expect(said(problems)).toEqual([
      `warning 2 dose_unit [dose-unit-too-large]: "Sv" is a unit too large for a dose of this device class (1 Sv = 1000000 µSv, beyond the plausible 0 to 1 mSv); check that it is the unit the instrument reports (a prefix such as m or µ may be missing or wrong)${ONCE_PER_FILE}`,
      // 1 rem/h = 10⁴ µSv/h, within the plausible dose rate (up to 100 mSv/h); 1 Sv/h = 10⁶ µSv/h is not.
      `warning 5 dose_unit [dose-unit-too-large]: "Sv/h" is a unit too large for a dose rate of this device class (1 Sv/h = 1000000 µSv/h, beyond the plausible 0 to 100 mSv/h); check that it is the unit the instrument reports (a prefix such as m or µ may be missing or wrong)${ONCE_PER_FILE}`
    ]);
  });

  it("warns about a value outside the plausible range, writing it as the file did and in the canonical unit", () => {
    const {readings, problems} = parseRows(
      {distance: "2", distance_unit: "cm", duration: "0.05", duration_unit: "s", dose: "0.001", dose_unit: "uSv"},
      {dose: "2", dose_unit: "mSv", background: "1.5", mdl: "1.2", uncertainty: "3", duration: "2", duration_unit: "h"},
      {dose: "800", dose_unit: "uSv", uncertainty: "200%", duration: "2", duration_unit: "h"}
    );
    expect(readings).toHaveLength(3);
    const plausibleDose = "0 to 1 mSv (the public's annual limit: an incident or a unit slip); check the value and its unit, or keep it if it was really measured";
    expect(said(problems)).toEqual([
      "warning 2 distance [implausible]: 2 cm (0.02 m) is outside the plausible range of a distance, 5 cm to 10 km (readings are taken from a few centimetres to a few hundred metres); check the value and its unit, or keep it if it was really measured",
      "warning 2 duration [implausible]: 0.05 s is outside the plausible range of a duration, 0.1 s to 1 year (a reading lasts from one pass of the beam to a badge's year); check the value and its unit, or keep it if it was really measured",
      `warning 3 dose [implausible]: 2 mSv (2000 µSv) is outside the plausible range of a dose, ${plausibleDose}`,
      `warning 3 background [implausible]: 1.5 mSv (1500 µSv) is outside the plausible range of a dose, ${plausibleDose}`,
      `warning 3 mdl [implausible]: 1.2 mSv (1200 µSv) is outside the plausible range of a dose, ${plausibleDose}`,
      `warning 3 uncertainty [implausible]: 3 mSv (3000 µSv) is outside the plausible range of a dose, ${plausibleDose}`,
      `warning 4 uncertainty [implausible]: 200% of 800 uSv (1600 µSv) is outside the plausible range of a dose, ${plausibleDose}`
    ]);
  });

  it("checks the mean rate, dose over duration, of a row whose values are each in range", () => {
    // 50 µSv in 1 s is 180 000 µSv/h: above the plausible 100 mSv/h. 300 µSv in 0.001 s is 1.08e9 µSv/h: beyond 1 kSv/h.
    const {readings, problems} = parseRows({dose: "50", duration: "1"}, {dose: "300", duration: "1", duration_unit: "ms"});
    expect(readings).toHaveLength(1);
    expect(said(problems)).toEqual([
      "warning 2 dose [implausible]: 50 uSv in 1 s (180000 µSv/h) is outside the plausible range of a dose rate, 0 to 100 mSv/h (a dosimeter in the beam port, or a unit slip); check the value and its unit, or keep it if it was really measured",
      "warning 3 duration [implausible]: 1 ms (0.001 s) is outside the plausible range of a duration, 0.1 s to 1 year (a reading lasts from one pass of the beam to a badge's year); check the value and its unit, or keep it if it was really measured",
      "error 3 dose: 300 uSv in 1 ms (1080000000 µSv/h) is outside the physical range of a dose rate, 0 to 1 kSv/h (beyond any X-ray tube of this class); check the value and its unit"
    ]);
  });

  it("refuses a value outside the physical range and keeps no reading of the row", () => {
    // 50 µSv in 1 s would also be an implausible rate: a row already refused is not checked further.
    const {readings, problems} = parseRows({distance: "0.5", distance_unit: "mm", dose: "50", duration: "1"});
    expect(readings).toEqual([]);
    expect(said(problems)).toEqual([
      "error 2 distance: 0.5 mm (0.0005 m) is outside the physical range of a distance, 1 mm to 100 km (no dosimeter is closer to the device or reads it from farther away); check the value and its unit"
    ]);
  });

  it("refuses a reading dated before X-rays were known and warns about one before 2000, and checks the calibration date the same way", () => {
    const {readings, problems} = parseRows(
      {measured_at: "1890-01-01T00:00:00Z"}, {measured_at: "1999-12-31T23:00:00-05:00"}, {instrument_calibrated_on: "1999-06-01", measured_at: "2000-01-02T00:00:00Z"}
    );
    expect(readings.map((r) => r.measured_at)).toEqual(["1999-12-31T23:00:00-05:00", "2000-01-02T00:00:00Z"]);
    const reason = "X-rays were discovered in November 1895, and mobile backscatter vans came into service in the 2000s";
    expect(said(problems)).toEqual([
      `error 2 measured_at: 1890-01-01 is before 1895-11-08: ${reason}, so nothing was measured then; check the year`,
      `warning 3 measured_at [implausible]: 1999-12-31 is before 2000-01-01: ${reason}; check the year`,
      // Calibrated 1999-06-01: still current on 2000-01-02, within its 12 months.
      `warning 4 instrument_calibrated_on [implausible]: 1999-06-01 is before 2000-01-01: ${reason}; check the year`
    ]);
  });
});

describe("cells as read", () => {
  it("takes a cell without the spaces around it: in the reading, and wherever a message quotes it", () => {
    const {readings, problems} = parseRows(
      {measured_at: " 2026-03-14T09:30:00Z "},
      {dose_unit: " mSv ", quantity: "air-kerma"},
      {duration: " 1e308 ", duration_unit: "h"},
      {dose: "0.0000001", dose_unit: " Sv "}
    );
    expect(readings.map((r) => r.measured_at)).toEqual(["2026-03-14T09:30:00Z", "2026-03-14T09:30:00Z"]);
    expect(said(problems)).toEqual([
      "error 3 quantity: air-kerma is not measured in mSv (Sv or rem); write H*(10) or Hp(10) or effective, or correct dose_unit",
      "error 4 duration: 1e308 is too large once converted to canonical units; check the value and its unit",
      'warning 5 dose_unit [dose-unit-too-large]: "Sv" is a unit too large for a dose of this device class (1 Sv = 1000000 µSv, beyond the plausible 0 to 1 mSv); check that it is the unit the instrument reports (a prefix such as m or µ may be missing or wrong) (said once for this file)'
    ]);
  });

  it("checks a row refused for one cell no further: no overflow beside the first error", () => {
    const {readings, problems} = parseRows({angle_deg: "400", duration: "1e308", duration_unit: "h"});
    expect(readings).toEqual([]);
    expect(said(problems)).toEqual(["error 2 angle_deg: 400 is not a direction in degrees; write an angle from 0 to 360"]);
  });

  it("says which background is above the gross reading, both as the file wrote them", () => {
    // 1.5 mrem − 1 mrem = 0.5 mrem, more than the 0.2 mrem uncertainty.
    const {readings, problems} = parseRows({dose: "1", dose_unit: "mrem", background: "1.5", uncertainty: "0.2"});
    expect(readings).toHaveLength(1);
    expect(said(problems)).toEqual([
      "warning 2 background [background-above-gross]: the background (1.5) is larger than the gross reading (1) by more than the reading's uncertainty; check that both are over the same duration and in the same unit, and that the dosimeters were not swapped"
    ]);
  });
});
