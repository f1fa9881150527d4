// The imaging model's scaling laws and hand-computed values, scan timing, per-scan dose and the FIFO buffer.
import {describe, expect, it} from "vitest";
import {
  DEFAULT_IMAGING,
  MANUFACTURER_REFERENCE,
  bufferRetention,
  countsPerPixel,
  effectiveRange_m,
  perScanDose_uSv,
  scanTiming,
  snr,
  spotSize_m,
  tradeoff
} from "../../lib/imaging/index.js";

const geometry = {vehicleLength_m: 5, speed_m_per_s: 1.25, lineRate_hz: 150, pixelsPerLine: 500, pixelSize_m: 0.01};

describe("counts, SNR and spot", () => {
  it("halve the counts and divide SNR by √2 when the standoff grows by √2", () => {
    const c1 = countsPerPixel(DEFAULT_IMAGING, 2, 1e-5);
    const c2 = countsPerPixel(DEFAULT_IMAGING, 2 * Math.SQRT2, 1e-5);
    expect(c2 / c1).toBeCloseTo(0.5, 12);
    expect(snr(c1) / snr(c2)).toBeCloseTo(Math.SQRT2, 12);
  });

  it("give the hand-computed counts at 1.5 m", () => {
    // 1e10 photons/s × 1.6e-5 s × 0.01 × 1 m²/(2π × 2.25 m²) = 1600/14.137 = 113.18 counts, SNR √113.18 = 10.638.
    const c = countsPerPixel(DEFAULT_IMAGING, 1.5, 1.6e-5);
    expect(c).toBeCloseTo(113.18, 2);
    expect(snr(c)).toBeCloseTo(10.638, 3);
  });

  it("grow the spot linearly with the divergence", () => {
    // 3 mm + 2 m × 2 mrad = 7 mm.
    expect(spotSize_m(DEFAULT_IMAGING, 2)).toBeCloseTo(0.007, 12);
  });
});

describe("effective range", () => {
  it("is where SNR falls to the Rose k, or the spot reaches the pixel, whichever is nearer", () => {
    const dwell = 1.6e-5;
    const range = effectiveRange_m(DEFAULT_IMAGING, dwell);
    expect(snr(countsPerPixel(DEFAULT_IMAGING, range.snrLimited_m, dwell))).toBeCloseTo(5, 10);
    // (10 mm − 3 mm)/2 mrad = 3.5 m.
    expect(range.spotLimited_m).toBeCloseTo(3.5, 12);
    expect(range.range_m).toBe(Math.min(range.snrLimited_m, 3.5));
    // With ten times the dwell the SNR range grows by √10 and the spot limits instead.
    const slow = effectiveRange_m(DEFAULT_IMAGING, 10 * dwell);
    expect(slow.snrLimited_m / range.snrLimited_m).toBeCloseTo(Math.sqrt(10), 12);
    expect(slow.limitedBy).toBe("spot");
    expect(slow.range_m).toBeCloseTo(3.5, 12);
  });
});

describe("scan timing and per-scan dose", () => {
  it("times a 5 m vehicle at 1.25 m/s by hand", () => {
    const t = scanTiming(geometry);
    expect(t.scanTime_s).toBe(4);
    expect(t.lines).toBe(600);
    // 0.01 m / (1.25 m/s × 500 pixels) = 16 µs per pixel, summed over the 1.2 sweeps that cross a 1 cm square.
    expect(t.dwellPerPixel_s).toBeCloseTo(1.6e-5, 15);
    expect(t.undersampled).toBe(false);
  });

  it("doubles dwell and per-scan dose when the speed halves", () => {
    const fast = scanTiming(geometry);
    const slow = scanTiming({...geometry, speed_m_per_s: geometry.speed_m_per_s / 2});
    expect(slow.dwellPerPixel_s / fast.dwellPerPixel_s).toBeCloseTo(2, 12);
    expect(slow.scanTime_s / fast.scanTime_s).toBeCloseTo(2, 12);
    const d1 = perScanDose_uSv({speed_m_per_s: 1.25, standoff_m: 1.5});
    const d2 = perScanDose_uSv({speed_m_per_s: 0.625, standoff_m: 1.5});
    expect(d2 / d1).toBeCloseTo(2, 12);
  });

  it("scales the manufacturer's figure: 0.1 µSv at 5 km/h and 1.5 m, a quarter at 3 m", () => {
    expect(perScanDose_uSv({speed_m_per_s: 5 / 3.6, standoff_m: 1.5})).toBeCloseTo(0.1, 12);
    expect(perScanDose_uSv({speed_m_per_s: 5 / 3.6, standoff_m: 3})).toBeCloseTo(0.025, 12);
    expect(MANUFACTURER_REFERENCE.source).toMatch(/grade C/);
  });

  it("flags sweeps further apart than a pixel, where one sweep's dwell is all a pixel gets", () => {
    const t = scanTiming({...geometry, speed_m_per_s: 3});
    expect(t.undersampled).toBe(true);
    expect(t.dwellPerPixel_s).toBeCloseTo(1 / (150 * 500), 15);
  });

  it("refuses a zero speed", () => {
    expect(() => scanTiming({...geometry, speed_m_per_s: 0})).toThrow(/speed_m_per_s/);
  });
});

describe("trade-off", () => {
  it("trades dose for range and SNR as the speed falls", () => {
    const [slow, fast] = tradeoff([0.7, 1.4]);
    expect(slow!.perScanDose_uSv / fast!.perScanDose_uSv).toBeCloseTo(2, 12);
    expect(slow!.snrAtReference / fast!.snrAtReference).toBeCloseTo(Math.SQRT2, 12);
    expect(slow!.effectiveRange_m).toBeGreaterThanOrEqual(fast!.effectiveRange_m);
    expect(fast!.speed_km_per_h).toBeCloseTo(5.04, 12);
  });
});

describe("FIFO image buffer", () => {
  it("keeps an unsaved image for buffer size ÷ image rate", () => {
    // 1000 images, 30 scans/h × 2 images = 60 images/h: the oldest is overwritten after 1000/60 h = 60 000 s.
    const r = bufferRetention({bufferImages: 1000, scansPerHour: 30, imagesPerScan: 2});
    expect(r.retention_s).toBeCloseTo(60_000, 9);
    expect(r.scansHeld).toBe(500);
    expect(() => bufferRetention({bufferImages: 0, scansPerHour: 30, imagesPerScan: 1})).toThrow(/bufferImages/);
  });
});
