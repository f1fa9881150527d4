// Writing readings in the documented CSV format (docs/data-formats.md, "Field readings"), in canonical units
// (m, s and the quantity's unit) so that parsing the output gives back the same readings.
import {csvFormatRows} from "d3-dsv";
import type {Reading} from "./types.js";

const COLUMNS = [
  "reading_id", "device_id", "dosimeter_id", "measured_at", "distance", "distance_unit", "angle_deg", "duration",
  "duration_unit", "dose", "dose_unit", "quantity", "uncertainty", "background", "mdl", "instrument_type",
  "instrument_id", "instrument_calibrated_on", "notes", "duration_basis", "calibration_uncertainty", "energy_response_uncertainty"
] as const;

// String(n) is the shortest text that reads back as exactly the same double, which the round trip relies on.
const num = (n: number | null): string => (n === null ? "" : String(n));
const txt = (s: string | null): string => s ?? "";

/** CSV text (LF line ends, a final line end) with one row per reading; extra columns follow, sorted by name. */
export function formatReadingsCsv(readings: readonly Reading[]): string {
  const extras = [...new Set(readings.flatMap((r) => Object.keys(r.extra)))].sort();
  const rows: string[][] = [[...COLUMNS, ...extras]];
  for (const r of readings) {
    rows.push([
      r.reading_id, r.device_id, txt(r.dosimeter_id), r.measured_at, num(r.distance_m), "m", num(r.angle_deg),
      num(r.duration_s), "s", num(r.gross), r.unit, r.quantity, num(r.uncertainty), num(r.background), num(r.mdl),
      txt(r.instrument_type), txt(r.instrument_id), txt(r.instrument_calibrated_on), txt(r.notes), r.duration_basis,
      num(r.calibration_uncertainty), num(r.energy_response_uncertainty),
      ...extras.map((name) => r.extra[name] ?? "")
    ]);
  }
  return csvFormatRows(rows) + "\n";
}
