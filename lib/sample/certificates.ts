// Synthetic calibration certificates: three per device (2024, 2025, 2026), the newest of ZBV-0522 a six-month
// conditional certificate that lapses in September 2026.
import {ANGLES, DEVICES, EFFECTIVE_ENERGY_KEV, rate_uSv_per_h, TUBE_VOLTAGE_KVP, type Angle, type SampleDevice} from "./model.js";
import {formatSignificant, type Random} from "./random.js";

interface CertificatePlan {
  device_id: string;
  issued_on: string;
  next_due_on: string;
  remarks: string | null;
}

export const CERTIFICATE_PLAN: readonly CertificatePlan[] = [
  {device_id: "ZBV-0417", issued_on: "2024-02-14", next_due_on: "2025-02-14", remarks: null},
  {device_id: "ZBV-0417", issued_on: "2025-02-11", next_due_on: "2026-02-11", remarks: null},
  {device_id: "ZBV-0417", issued_on: "2026-02-10", next_due_on: "2027-02-10", remarks: null},
  {device_id: "ZBV-0522", issued_on: "2024-03-11", next_due_on: "2025-03-11", remarks: null},
  {device_id: "ZBV-0522", issued_on: "2025-03-17", next_due_on: "2026-03-17", remarks: null},
  {
    device_id: "ZBV-0522",
    issued_on: "2026-03-23",
    next_due_on: "2026-09-23",
    remarks: "Conditional certificate after X-ray tube replacement: re-verification due within six months."
  }
];

/** Relative 1-sigma uncertainty the synthetic laboratory states for its reference points (and draws noise from). */
export const CERTIFICATE_POINT_SIGMA = 0.06;

const REFERENCE_GEOMETRY: readonly (readonly [number, Angle])[] = [
  ...[0.5, 1, 1.524, 2, 3.048, 5, 10].map((d) => [d, 0] as const),
  ...ANGLES.filter((a) => a !== 0).flatMap((a) => [[1, a] as const, [3, a] as const])
];

export interface GeneratedCertificate {
  path: string;
  content: string;
}

function certificate(plan: CertificatePlan, device: SampleDevice, random: Random): GeneratedCertificate {
  const instrument = {id: "PIC-CAL-12", type: "integrating", calibrated_on: `${Number(plan.issued_on.slice(0, 4)) - 1}-11-20`};
  const reference_points = REFERENCE_GEOMETRY.map(([distance, angle], k) => {
    const truth = rate_uSv_per_h(device, distance, angle);
    const measured = truth * (1 + random.normal(0, CERTIFICATE_POINT_SIGMA));
    // Two points are given as rates (as a rate-integrating survey meter displays them), the rest as doses in 60 s.
    if (k % 6 === 5) {
      return {distance: `${distance} m`, angle_deg: angle, quantity: "H*(10)", dose_rate: `${formatSignificant(measured, 3)} uSv/h`, uncertainty: `${CERTIFICATE_POINT_SIGMA * 100}%`, instrument};
    }
    return {
      distance: `${distance} m`,
      angle_deg: angle,
      quantity: "H*(10)",
      dose: `${formatSignificant((measured * 60) / 3600, 3)} uSv`,
      duration: "60 s",
      uncertainty: `${CERTIFICATE_POINT_SIGMA * 100}%`,
      instrument
    };
  });
  const leakage = ["driver cab", "rear doors", "roof"].map((location) => ({
    location,
    distance: "1 m",
    quantity: "H*(10)",
    dose_rate: `${formatSignificant(random.uniform(0.15, 0.9), 2)} uSv/h`,
    uncertainty: "20%"
  }));
  const json = {
    certificate_id: `CAL-${plan.device_id}-${plan.issued_on.slice(0, 4)}`,
    synthetic: true,
    device: {model: device.model, serial: device.device_id},
    issued_on: plan.issued_on,
    next_due_on: plan.next_due_on,
    laboratory: {name: "Example Dosimetry Laboratory (synthetic)", accreditation: "none: synthetic sample data"},
    source: {
      tube_voltage: `${TUBE_VOLTAGE_KVP} kV`,
      tube_current: "1 mA",
      filtration: "2.5 mm Al",
      effective_energy: `${EFFECTIVE_ENERGY_KEV} keV`
    },
    beam: {spot_size: "6 mm", divergence: "0.6 deg", scan_line_rate: "30 Hz", nominal_scan_speed: "5 km/h"},
    reference_points,
    leakage,
    // Below the manufacturer's "< 0.1 µSv per scan at 5 km/h and 1.5 m" [ASE-2015] (grade C).
    scan_plane_dose: {quantity: "H*(10)", dose: `${formatSignificant(device.output_factor * random.uniform(0.045, 0.06), 2)} uSv`, uncertainty: "15%", distance: "1.5 m", scan_speed: "5 km/h"},
    ...(plan.remarks ? {remarks: plan.remarks} : {})
  };
  return {path: `data/certificates/${plan.device_id}-${plan.issued_on}.json`, content: `${JSON.stringify(json, null, 2)}\n`};
}

export function generateCertificates(random: Random): GeneratedCertificate[] {
  return CERTIFICATE_PLAN.map((plan) => certificate(plan, DEVICES.find((d) => d.device_id === plan.device_id)!, random));
}
