// Writing readings as CSV (lib/readings/format.ts), checked against the text written out by hand: the documented
// columns in order, canonical units, empty cells for what is not known, extra columns sorted by name after them.
import {describe, expect, it} from "vitest";
import {formatReadingsCsv, type Reading} from "../../lib/readings/index.js";

const COLUMNS = "reading_id,device_id,dosimeter_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,quantity,uncertainty,background,mdl,instrument_type,instrument_id,instrument_calibrated_on,notes,duration_basis,calibration_uncertainty,energy_response_uncertainty";

function reading(reading_id: string, extra: Record<string, string>): Reading {
  return {
    reading_id, device_id: "VAN-1", dosimeter_id: null, measured_at: "2026-03-14T09:30:00Z", measured_at_ms: Date.UTC(2026, 2, 14, 9, 30),
    distance_m: 2.5, angle_deg: null, duration_s: 60, duration_basis: "beam-on", quantity: "H*(10)", unit: "uSv", gross: 0.5,
    background: null, uncertainty: null, mdl: null, net: 0.5, censored: false, instrument_type: null, instrument_id: null,
    instrument_calibrated_on: null, calibration_uncertainty: null, energy_response_uncertainty: null, notes: null,
    source: {file: "x.csv", line: 2}, extra
  };
}

describe("formatReadingsCsv", () => {
  it("writes the extra columns of all readings after the documented ones, sorted by name, empty where a reading has none", () => {
    const text = formatReadingsCsv([reading("R1", {zone: "north", batch: "7"}), reading("R2", {site: "depot"})]);
    const row = "VAN-1,,2026-03-14T09:30:00Z,2.5,m,,60,s,0.5,uSv,H*(10),,,,,,,,beam-on,,";
    expect(text).toBe(`${COLUMNS},batch,site,zone\nR1,${row},7,,north\nR2,${row},,depot,\n`);
  });

  it("ends the last line with a line end, and writes only the header for no readings", () => {
    expect(formatReadingsCsv([reading("R1", {})])).toBe(`${COLUMNS}\nR1,VAN-1,,2026-03-14T09:30:00Z,2.5,m,,60,s,0.5,uSv,H*(10),,,,,,,,beam-on,,\n`);
    expect(formatReadingsCsv([])).toBe(`${COLUMNS}\n`);
  });
});
