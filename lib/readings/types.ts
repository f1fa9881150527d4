// The normalised field reading: what every part of the product downstream of parsing works with.
// Numbers are plain and in canonical units; the field name or `unit` says which.

/** What a dose number measures. Converting between these is physics (lib/physics), not a unit conversion. */
export type Quantity = "H*(10)" | "Hp(10)" | "effective" | "air-kerma" | "exposure";

export const QUANTITIES: readonly Quantity[] = ["H*(10)", "Hp(10)", "effective", "air-kerma", "exposure"];

/** The canonical unit of each quantity: dose-equivalent quantities in µSv, air kerma in µGy, exposure in µR. */
export type DoseUnit = "uSv" | "uGy" | "uR";

export const QUANTITY_UNIT: Record<Quantity, DoseUnit> = {
  "H*(10)": "uSv",
  "Hp(10)": "uSv",
  effective: "uSv",
  "air-kerma": "uGy",
  exposure: "uR"
};

export type InstrumentType = "integrating" | "rate-meter";

/**
 * What a reading's duration counts: `beam-on`, the time the beam was on while it integrated (the default), or
 * `elapsed`, the wall-clock time it was exposed, beam on or off (converted with the deployment's beam-on fraction).
 */
export type DurationBasis = "beam-on" | "elapsed";
export const DURATION_BASES: readonly DurationBasis[] = ["beam-on", "elapsed"];

export interface Reading {
  reading_id: string;
  device_id: string;
  dosimeter_id: string | null;
  /** ISO 8601 with offset, exactly as given in the file. */
  measured_at: string;
  /** The same instant as milliseconds since the Unix epoch (UTC). */
  measured_at_ms: number;
  distance_m: number;
  /** Direction from the beam axis, degrees in [0, 360); null when not stated. */
  angle_deg: number | null;
  duration_s: number;
  /** Whether duration_s is beam-on time (default) or elapsed time. */
  duration_basis: DurationBasis;
  quantity: Quantity;
  /** The unit of gross, background, uncertainty, mdl and net: QUANTITY_UNIT[quantity]. */
  unit: DoseUnit;
  gross: number;
  background: number | null;
  /** 1-sigma uncertainty of the gross dose; null when the file states none. */
  uncertainty: number | null;
  /** Minimum detectable dose; null when not stated. */
  mdl: number | null;
  /** gross − background (background 0 when not stated). */
  net: number;
  /** True when the gross reading is below the stated minimum detectable dose: kept, never treated as zero. */
  censored: boolean;
  instrument_type: InstrumentType | null;
  instrument_id: string | null;
  /** ISO date (YYYY-MM-DD) of the instrument's last calibration; null when not stated. */
  instrument_calibrated_on: string | null;
  /** Relative standard uncertainty (k = 1) of the instrument's calibration factor, as a fraction; null when not stated. */
  calibration_uncertainty: number | null;
  /** Relative standard uncertainty (k = 1) of the instrument's response at the beam's energy, as a fraction; null when not stated. */
  energy_response_uncertainty: number | null;
  notes: string | null;
  /** Where the reading came from, for traceability and messages. */
  source: {file: string; line: number};
  /** Columns the format does not define, kept verbatim. */
  extra: Record<string, string>;
}
