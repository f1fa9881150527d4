import { requirePositive } from "./validate.9d3a8803.js";
export const MANUFACTURER_DOSE_REFERENCE = Object.freeze({
  dose_uSv: 0.1,
  bound: "upper",
  speed_m_per_s: 5 / 3.6,
  standoff_m: 1.5,
  statedAs: "< 0.1 \xB5Sv per scan to cargo or an occupant at an average 5 km/h and a scan distance of 1.5 m",
  source: "Manufacturer's statement (AS&E Z Backscatter Van class), quoted second-hand in 2015; reference/standards.md, 'The device class'",
  grade: "C"
});
export function perScanDose_uSv(scan, reference = MANUFACTURER_DOSE_REFERENCE, options = {}) {
  requirePositive("speed_m_per_s", scan.speed_m_per_s);
  requirePositive("standoff_m", scan.standoff_m);
  requirePositive("reference.dose_uSv", reference.dose_uSv);
  requirePositive("reference.speed_m_per_s", reference.speed_m_per_s);
  requirePositive("reference.standoff_m", reference.standoff_m);
  const n = options.distanceExponent ?? 2;
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`distanceExponent must be a finite number \u2265 0, got ${n}`);
  return reference.dose_uSv * (reference.speed_m_per_s / scan.speed_m_per_s) * Math.pow(reference.standoff_m / scan.standoff_m, n);
}
