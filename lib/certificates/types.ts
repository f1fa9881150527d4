// The normalised manufacturer calibration certificate: plain numbers in the units their field names state.
import type {DoseUnit, InstrumentType, Quantity} from "../readings/types.js";

export interface CertificateInstrument {
  id: string;
  type: InstrumentType;
  /** ISO date (YYYY-MM-DD) of the instrument's own calibration. */
  calibrated_on: string;
}

/** One measured reference point of the certificate. `unit` is QUANTITY_UNIT[quantity] (µSv, µGy or µR). */
export interface ReferencePoint {
  /** JSON path in the certificate file, for traceability (`$.reference_points[3]`). */
  path: string;
  /** Line of the file where the point starts. */
  line: number;
  distance_m: number;
  /** Direction from the beam axis, degrees in [0, 360); null when not stated. */
  angle_deg: number | null;
  quantity: Quantity;
  unit: DoseUnit;
  /** Integrated dose in `unit` over duration_s; null when the certificate gives a dose rate. */
  dose: number | null;
  /** Integration time; null when a dose rate was given without one. */
  duration_s: number | null;
  /** Dose rate in `unit` per hour: as given, or dose / duration. */
  rate_per_h: number;
  /** 1-sigma uncertainty of rate_per_h, same unit. */
  sigma_per_h: number;
  instrument: CertificateInstrument;
}

export interface LeakagePoint {
  path: string;
  /** Where on the device the leakage was measured (free text, e.g. "rear doors"). */
  location: string;
  distance_m: number;
  quantity: Quantity;
  unit: DoseUnit;
  /** Dose rate in `unit` per hour. */
  rate_per_h: number;
  sigma_per_h: number;
}

/** The dose one pass of the beam gives at the scan plane (what a person inside a scanned vehicle would get). */
export interface ScanPlaneDose {
  quantity: Quantity;
  unit: DoseUnit;
  /** Dose per scan in `unit`. */
  dose: number;
  sigma: number;
  distance_m: number;
  scan_speed_km_per_h: number;
}

export interface Certificate {
  certificate_id: string;
  device_model: string;
  /** The device serial: the `device_id` of readings and deployments. */
  device_id: string;
  /** ISO dates (YYYY-MM-DD). */
  issued_on: string;
  next_due_on: string;
  laboratory: {name: string; accreditation: string | null};
  source: {
    tube_voltage_kVp: number;
    tube_current_mA: number;
    /** Material and thickness as written, e.g. "2.5 mm Al": kept as text. */
    filtration: string;
    effective_energy_keV: number;
  };
  beam: {
    spot_size_mm: number;
    divergence_deg: number;
    scan_line_rate_Hz: number;
    nominal_scan_speed_km_per_h: number;
  };
  reference_points: ReferencePoint[];
  leakage: LeakagePoint[];
  scan_plane_dose: ScanPlaneDose;
  remarks: string | null;
  /** True when the file says it is synthetic sample data. */
  synthetic: boolean;
  source_file: string;
}
