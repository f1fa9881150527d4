// Scan timing, per-scan dose and the speed trade-off between dose, image quality and range.
import {countsPerPixel, effectiveRange_m, snr} from "./model.js";
import {DEFAULT_IMAGING, MANUFACTURER_REFERENCE, type DoseReference, type ImagingParameters} from "./parameters.js";

export interface ScanGeometry {
  vehicleLength_m: number;
  speed_m_per_s: number;
  lineRate_hz: number;
  pixelsPerLine: number;
  /** Needed resolution along the vehicle (m); default DEFAULT_IMAGING.pixelSize_m. */
  pixelSize_m?: number;
}

export interface ScanTiming {
  /** Time for the whole vehicle to pass the beam (s). */
  scanTime_s: number;
  lines: number;
  /** Distance the vehicle moves between sweeps (m). */
  lineSpacing_m: number;
  /**
   * Beam time on one pixel-sized square of the vehicle (s), summed over the sweeps that cross it:
   * pixel/(speed · pixelsPerLine). When sweeps are further apart than a pixel, one sweep's 1/(lineRate · pixelsPerLine).
   */
  dwellPerPixel_s: number;
  /** Sweeps further apart than a pixel: the image is coarser than the needed resolution along the vehicle. */
  undersampled: boolean;
}

export function scanTiming(g: ScanGeometry): ScanTiming {
  for (const key of ["vehicleLength_m", "speed_m_per_s", "lineRate_hz", "pixelsPerLine"] as const) {
    if (!(g[key] > 0) || !Number.isFinite(g[key])) throw new Error(`${key} must be a finite number > 0, got ${g[key]}`);
  }
  const pixel_m = g.pixelSize_m ?? DEFAULT_IMAGING.pixelSize_m;
  const scanTime_s = g.vehicleLength_m / g.speed_m_per_s;
  const lineSpacing_m = g.speed_m_per_s / g.lineRate_hz;
  const perSweep_s = 1 / (g.lineRate_hz * g.pixelsPerLine);
  return {
    scanTime_s,
    lines: Math.floor(scanTime_s * g.lineRate_hz),
    lineSpacing_m,
    dwellPerPixel_s: Math.max(pixel_m / (g.speed_m_per_s * g.pixelsPerLine), perSweep_s),
    undersampled: lineSpacing_m > pixel_m
  };
}

/**
 * Dose to a person inside the beam for one scan (µSv), scaled from a reference figure: the exposure time of any point
 * is proportional to 1/speed and the beam's fluence falls as 1/standoff².
 */
export function perScanDose_uSv(
  scan: {speed_m_per_s: number; standoff_m: number},
  reference: DoseReference = MANUFACTURER_REFERENCE
): number {
  if (!(scan.speed_m_per_s > 0) || !(scan.standoff_m > 0)) throw new Error("speed and standoff must be > 0");
  const referenceSpeed_m_per_s = reference.speed_km_per_h / 3.6;
  const ratio = reference.standoff_m / scan.standoff_m;
  return reference.dose_uSv * (referenceSpeed_m_per_s / scan.speed_m_per_s) * ratio * ratio;
}

export interface TradeoffRow {
  speed_m_per_s: number;
  speed_km_per_h: number;
  scanTime_s: number;
  dwellPerPixel_s: number;
  /** Per-scan dose at the reference standoff (µSv). */
  perScanDose_uSv: number;
  /** SNR of a pixel at the reference standoff. */
  snrAtReference: number;
  effectiveRange_m: number;
  limitedBy: "snr" | "spot";
  undersampled: boolean;
}

/** The three-way trade-off as the scan speed changes: dose per scan, image quality and range. */
export function tradeoff(
  speeds_m_per_s: readonly number[],
  params: ImagingParameters = DEFAULT_IMAGING,
  vehicleLength_m = 5,
  reference: DoseReference = MANUFACTURER_REFERENCE
): TradeoffRow[] {
  return speeds_m_per_s.map((speed_m_per_s) => {
    const timing = scanTiming({
      vehicleLength_m,
      speed_m_per_s,
      lineRate_hz: params.lineRate_hz,
      pixelsPerLine: params.pixelsPerLine,
      pixelSize_m: params.pixelSize_m
    });
    const range = effectiveRange_m(params, timing.dwellPerPixel_s);
    return {
      speed_m_per_s,
      speed_km_per_h: speed_m_per_s * 3.6,
      scanTime_s: timing.scanTime_s,
      dwellPerPixel_s: timing.dwellPerPixel_s,
      perScanDose_uSv: perScanDose_uSv({speed_m_per_s, standoff_m: reference.standoff_m}, reference),
      snrAtReference: snr(countsPerPixel(params, reference.standoff_m, timing.dwellPerPixel_s)),
      effectiveRange_m: range.range_m,
      limitedBy: range.limitedBy,
      undersampled: timing.undersampled
    };
  });
}
