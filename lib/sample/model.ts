// The stated physical model behind the synthetic sample data (docs/sample-data.md). Every number here either
// carries its source (an id of docs/sources.md) or is marked as a choice made for the sample.
import {convert} from "../units/index.js";

/**
 * Published policy figure: "Total exposure at five (5) feet away from the device for ten (10) seconds is ...
 * 0.016 mrem" (NYPD mobile x-ray impact and use policy, Health & Safety Reporting [NYPD-IUP]). 0.016 mrem = 0.16 µSv
 * (10 CFR 20.1004: 1 rem = 0.01 Sv [10CFR20]).
 */
export const POLICY_5FT = {distance_m: convert(5, "ft", "m"), duration_s: 10, dose_uSv: convert(0.016, "mrem", "uSv")};
/** Same policy section: "at ten (10) feet away from the device for ten (10) seconds ... 0.004 mrem". */
export const POLICY_10FT = {distance_m: convert(10, "ft", "m"), duration_s: 10, dose_uSv: convert(0.004, "mrem", "uSv")};

/**
 * Linear attenuation coefficient of dry air at the effective energy, 1/m: μ/ρ = 0.1875 cm²/g at 60 keV times
 * ρ = 1.205e-3 g/cm³ (NIST X-ray mass attenuation tables, dry air near sea level [NIST-SRD-126]).
 * The effective energy of 60 keV is P. Rez's estimate for this device class [Rez-ASU] (grade C). Narrow-beam attenuation: scatter build-up is ignored, a simplification of the sample.
 */
export const MU_AIR_PER_M = 0.1875 * 1.205e-3 * 100;
export const EFFECTIVE_ENERGY_KEV = 60; // P. Rez [Rez-ASU], grade C
export const TUBE_VOLTAGE_KVP = 125; // P. Rez [Rez-ASU], grade C

/** On-axis H*(10) rate from the beam: S · exp(−μ r) / r², µSv/h, with S in µSv·m²/h. */
export function onAxisRate_uSv_per_h(source_uSv_m2_per_h: number, distance_m: number): number {
  return (source_uSv_m2_per_h * Math.exp(-MU_AIR_PER_M * distance_m)) / (distance_m * distance_m);
}

/**
 * Source term that reproduces the 5 ft policy figure exactly: 0.16 µSv in 10 s = 57.6 µSv/h at 1.524 m, so
 * S = 57.6 · 1.524² · exp(μ · 1.524) ≈ 138.4 µSv·m²/h (133.8 without air attenuation).
 */
export const POLICY_SOURCE_uSv_m2_per_h =
  ((POLICY_5FT.dose_uSv / POLICY_5FT.duration_s) * 3600 * POLICY_5FT.distance_m ** 2) * Math.exp(MU_AIR_PER_M * POLICY_5FT.distance_m);

/**
 * Relative output by direction from the beam axis (0° = the side the beam points to, 180° = behind the van).
 * A choice made for the sample, not a measurement: backscatter vans scan sideways, so the far side of the
 * scanned vehicle sees the primary beam and scatter, and the van's own body shields the rear.
 */
export const ANGLE_FACTOR: Readonly<Record<0 | 45 | 90 | 135 | 180, number>> = {0: 1, 45: 0.55, 90: 0.3, 135: 0.12, 180: 0.05};
export const ANGLES = [0, 45, 90, 135, 180] as const;
export type Angle = (typeof ANGLES)[number];

export interface SampleDevice {
  device_id: string;
  model: string;
  /** Output relative to the policy source term: the two devices differ a little, as real units do. */
  output_factor: number;
  source_uSv_m2_per_h: number;
}

export const DEVICES: readonly SampleDevice[] = [
  {device_id: "ZBV-0417", model: "Backscatter van, synthetic sample", output_factor: 1, source_uSv_m2_per_h: POLICY_SOURCE_uSv_m2_per_h},
  {device_id: "ZBV-0522", model: "Backscatter van, synthetic sample", output_factor: 0.9, source_uSv_m2_per_h: 0.9 * POLICY_SOURCE_uSv_m2_per_h}
];

/** H*(10) rate of a device at a distance and angle, µSv/h (beam on). */
export function rate_uSv_per_h(device: SampleDevice, distance_m: number, angle: Angle): number {
  return ANGLE_FACTOR[angle] * onAxisRate_uSv_per_h(device.source_uSv_m2_per_h, distance_m);
}

/**
 * Natural external background, µSv/h: a choice for the sample (a typical outdoor ambient dose-equivalent rate).
 * All natural sources give about 8 µSv (ACR) [RSNA-2014] to 10 µSv (NIST) [NIST-2014] per day (0.33–0.42
 * µSv/h), but that includes inhaled radon, which a dosimeter on a stand does not register; the external part is
 * a fraction of it.
 */
export const BACKGROUND_uSv_per_h = 0.1;

/**
 * µR per µSv for the rate meter that reads exposure: the rule of thumb for diagnostic-energy X-rays, "µR ≈ µrem
 * within about 10 %" (source not yet recorded: docs/sources.md), with 1 µSv = 100 µrem (10 CFR 20.1004) [10CFR20]. Used only to synthesise
 * readings; the product itself never converts exposure to dose equivalent this way.
 */
export const UR_PER_USV = 100;
