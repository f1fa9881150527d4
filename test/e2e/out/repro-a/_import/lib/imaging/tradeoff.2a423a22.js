import { MANUFACTURER_DOSE_REFERENCE, perScanDose_uSv } from "./dose.808d8b47.js";
import { countsPerPixel, effectiveRange_m, snr } from "./model.b885a95e.js";
import { pixelExposure } from "./timing.2d711c50.js";
import { requirePositive } from "./validate.9d3a8803.js";
export function tradeoff(p, speeds_m_per_s, standoff_m, reference = MANUFACTURER_DOSE_REFERENCE) {
  requirePositive("standoff_m", standoff_m);
  return speeds_m_per_s.map((speed_m_per_s) => {
    const exposure = pixelExposure(p, speed_m_per_s);
    const counts = countsPerPixel(p, standoff_m, speed_m_per_s);
    const range = effectiveRange_m(p, speed_m_per_s);
    return {
      speed_m_per_s,
      dwellPerSweep_s: exposure.dwellPerSweep_s,
      beamTimePerPixel_s: exposure.beamTimePerPixel_s,
      lineSpacing_m: exposure.lineSpacing_m,
      perScanDose_uSv: perScanDose_uSv({ speed_m_per_s, standoff_m }, reference),
      doseBound: reference.bound,
      counts,
      snr: snr(counts),
      effectiveRange_m: range.range_m,
      limitedBy: range.limitedBy
    };
  });
}
