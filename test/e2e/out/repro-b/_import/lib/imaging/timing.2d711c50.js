import { validateImagingParameters } from "./parameters.5e61c925.js";
import { requirePositive, requirePositiveInteger } from "./validate.9d3a8803.js";
export function scanTiming(input) {
  requirePositive("vehicleLength_m", input.vehicleLength_m);
  requirePositive("speed_m_per_s", input.speed_m_per_s);
  requirePositive("lineRate_Hz", input.lineRate_Hz);
  requirePositiveInteger("pixelsPerLine", input.pixelsPerLine);
  const scanTime_s = input.vehicleLength_m / input.speed_m_per_s;
  return {
    scanTime_s,
    lineSpacing_m: input.speed_m_per_s / input.lineRate_Hz,
    dwellPerPixel_s: 1 / (input.lineRate_Hz * input.pixelsPerLine),
    lines: scanTime_s * input.lineRate_Hz
  };
}
export function pixelExposure(p, speed_m_per_s) {
  validateImagingParameters(p);
  requirePositive("speed_m_per_s", speed_m_per_s);
  const dwellPerSweep_s = 1 / (p.lineRate_Hz * p.pixelsPerLine);
  const lineSpacing_m = speed_m_per_s / p.lineRate_Hz;
  const sweepsPerPixel = p.pixelSize_m / lineSpacing_m;
  return {
    dwellPerSweep_s,
    lineSpacing_m,
    sweepsPerPixel,
    beamTimePerPixel_s: p.pixelSize_m / (speed_m_per_s * p.pixelsPerLine),
    undersampled: lineSpacing_m > p.pixelSize_m
  };
}
