// The imaging model against hand-computed values: scaling laws of counts, SNR, dwell and dose, scan timing, the
// effective range and its criterion, the per-scan dose reference and the FIFO buffer. The expected numbers are worked
// out in the comments from the defaults, not taken from the code.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  DEFAULT_IMAGING_PARAMETERS,
  IMAGING_PARAMETER_BASIS,
  MANUFACTURER_DOSE_REFERENCE,
  bufferRetention,
  countsPerPixel,
  effectiveRange_m,
  perScanDose_uSv,
  perScanDoseBoth,
  pixelExposure,
  scanTiming,
  snr,
  snrAt,
  spotSize_m,
  tradeoff,
  validateImagingParameters,
  type ImagingParameters
} from "../../lib/imaging/index.js";

const P = DEFAULT_IMAGING_PARAMETERS;
const V5 = 5 / 3.6; // 5 km/h in m/s

/** Both criteria of the effective range, checked directly. */
function meets(p: ImagingParameters, standoff_m: number, speed_m_per_s: number): boolean {
  const sampled = speed_m_per_s / p.lineRate_Hz <= p.pixelSize_m;
  return sampled && snrAt(p, standoff_m, speed_m_per_s) >= p.roseK && spotSize_m(p, standoff_m) <= p.resolutionNeeded_m;
}

describe("parameters", () => {
  it("gives every default a basis and passes its own validation", () => {
    for (const key of Object.keys(P)) expect(IMAGING_PARAMETER_BASIS[key as keyof ImagingParameters]).toBeTruthy();
    expect(() => validateImagingParameters(P)).not.toThrow();
    expect(P.roseK).toBe(5);
  });

  it("refuses unusable parameters with a RangeError naming them", () => {
    expect(() => validateImagingParameters({...P, albedo: 1.2})).toThrow(RangeError);
    expect(() => validateImagingParameters({...P, beamOutput_photons_per_s: Number.NaN})).toThrow(/beamOutput_photons_per_s/);
    expect(() => validateImagingParameters({...P, pixelsPerLine: 2.5})).toThrow(/pixelsPerLine/);
    expect(() => validateImagingParameters({...P, divergence_rad: -0.001})).toThrow(/divergence_rad/);
    expect(() => countsPerPixel({...P, detectorArea_m2: 0}, 1.5, V5)).toThrow(/detectorArea_m2/);
  });
});

describe("counts, SNR and beam spot", () => {
  it("gives the hand-computed counts at 5 km/h and 1.5 m", () => {
    // beam time per pixel = 0.01 m / (1.3889 m/s × 300) = 24 µs;
    // counts = 1e10 × 24e-6 × 0.01 × 1 m² / (2π × 1.5²) = 2400 / 14.1372 = 169.765; SNR = 13.0294.
    const c = countsPerPixel(P, 1.5, V5);
    expect(pixelExposure(P, V5).beamTimePerPixel_s).toBeCloseTo(24e-6, 15);
    expect(c).toBeCloseTo(169.765, 3);
    expect(snr(c)).toBeCloseTo(13.0294, 4);
  });

  it("halves the counts and divides SNR by √2 when the standoff grows by √2", () => {
    const near = countsPerPixel(P, 2, V5);
    const far = countsPerPixel(P, 2 * Math.SQRT2, V5);
    expect(far / near).toBeCloseTo(0.5, 12);
    expect(snr(near) / snr(far)).toBeCloseTo(Math.SQRT2, 12);
  });

  it("doubles the beam time per pixel and the counts when the speed halves; one sweep's dwell stays", () => {
    const fast = pixelExposure(P, 2);
    const slow = pixelExposure(P, 1);
    expect(slow.beamTimePerPixel_s / fast.beamTimePerPixel_s).toBeCloseTo(2, 12);
    expect(slow.dwellPerSweep_s).toBe(fast.dwellPerSweep_s);
    expect(countsPerPixel(P, 1.5, 1) / countsPerPixel(P, 1.5, 2)).toBeCloseTo(2, 12);
    // 0.01 m of pixel / (1 m/s / 300 Hz) = 3 sweeps per pixel.
    expect(slow.sweepsPerPixel).toBeCloseTo(3, 12);
  });

  it("grows the spot as spot₀ + 2·d·tan(divergence/2)", () => {
    // 5 mm + 2 × 2 m × tan(2.5 mrad) = 5 mm + 4 m × 0.0025000052 = 15.00002 mm.
    expect(spotSize_m(P, 2)).toBeCloseTo(0.01500002, 8);
    expect(spotSize_m(P, 0)).toBe(0.005);
  });
});

describe("scan timing", () => {
  it("times a hand case", () => {
    // 4.5 m at 1.5 m/s = 3 s; 1.5 m/s / 250 Hz = 6 mm between sweeps; 1/(250 × 400) = 10 µs; 3 s × 250 Hz = 750 lines.
    const t = scanTiming({vehicleLength_m: 4.5, speed_m_per_s: 1.5, lineRate_Hz: 250, pixelsPerLine: 400});
    expect(t.scanTime_s).toBeCloseTo(3, 12);
    expect(t.lineSpacing_m).toBeCloseTo(0.006, 12);
    expect(t.dwellPerPixel_s).toBeCloseTo(1e-5, 15);
    expect(t.lines).toBeCloseTo(750, 9);
  });

  it("doubles scan time and halves line spacing when the speed halves", () => {
    const base = {vehicleLength_m: 5, lineRate_Hz: 300, pixelsPerLine: 300};
    const fast = scanTiming({...base, speed_m_per_s: 2});
    const slow = scanTiming({...base, speed_m_per_s: 1});
    expect(slow.scanTime_s / fast.scanTime_s).toBeCloseTo(2, 12);
    expect(fast.lineSpacing_m / slow.lineSpacing_m).toBeCloseTo(2, 12);
  });

  it("refuses zero, negative and non-finite inputs", () => {
    const ok = {vehicleLength_m: 5, speed_m_per_s: 1, lineRate_Hz: 300, pixelsPerLine: 300};
    expect(() => scanTiming({...ok, speed_m_per_s: 0})).toThrow(RangeError);
    expect(() => scanTiming({...ok, vehicleLength_m: -1})).toThrow(/vehicleLength_m/);
    expect(() => scanTiming({...ok, lineRate_Hz: Number.POSITIVE_INFINITY})).toThrow(/lineRate_Hz/);
    expect(() => scanTiming({...ok, pixelsPerLine: 0})).toThrow(/pixelsPerLine/);
  });
});

describe("effective range", () => {
  it("is spot-limited at 5 km/h with the defaults", () => {
    // spot limit: (0.02 − 0.005) / (2 tan 2.5 mrad) = 0.015 / 0.0050000104 = 2.999994 m;
    // SNR limit: √(1e10 × 24e-6 × 0.01 × 1 / 2π) / 5 = √381.972 / 5 = 3.90882 m.
    const r = effectiveRange_m(P, V5);
    expect(r.spotLimit_m).toBeCloseTo(2.999994, 5);
    expect(r.snrLimit_m).toBeCloseTo(3.90882, 4);
    expect(r.limitedBy).toBe("spot");
    expect(r.range_m).toBe(r.spotLimit_m);
  });

  it("is SNR-limited at 3 m/s", () => {
    // beam time 0.01/(3 × 300) = 11.11 µs; √(1e10 × 11.11e-6 × 0.01 / 2π) / 5 = √176.839 / 5 = 2.65962 m.
    const r = effectiveRange_m(P, 3);
    expect(r.limitedBy).toBe("snr");
    expect(r.range_m).toBeCloseTo(2.65962, 4);
  });

  it("is zero, limited by sampling, when sweeps fall further apart than a pixel", () => {
    // 3.5 m/s / 300 Hz = 11.7 mm > 10 mm.
    const r = effectiveRange_m(P, 3.5);
    expect(r.limitedBy).toBe("sampling");
    expect(r.range_m).toBe(0);
  });

  it("meets its criterion at the returned distance and fails just beyond", () => {
    for (const speed of [0.5, V5, 2.5, 3]) {
      const {range_m} = effectiveRange_m(P, speed);
      expect(meets(P, range_m * (1 - 1e-9), speed)).toBe(true);
      expect(meets(P, range_m * (1 + 1e-6), speed)).toBe(false);
    }
  });

  it("meets its criterion at the returned distance for any sampled parameters (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 1e8, max: 1e12, noNaN: true}),
        fc.double({min: 1e-3, max: 0.5, noNaN: true}),
        fc.double({min: 0, max: 0.02, noNaN: true}),
        fc.double({min: 0.1, max: 3, noNaN: true}),
        (beamOutput_photons_per_s, albedo, divergence_rad, speed) => {
          const p = {...P, beamOutput_photons_per_s, albedo, divergence_rad};
          const r = effectiveRange_m(p, speed);
          if (r.range_m === 0 || !Number.isFinite(r.range_m)) return;
          expect(meets(p, r.range_m * (1 - 1e-9), speed)).toBe(true);
          expect(meets(p, r.range_m * (1 + 1e-6), speed)).toBe(false);
        }
      )
    );
  });
});

describe("per-scan dose", () => {
  it("equals the reference at the reference speed and standoff, and says it is an upper, grade C figure", () => {
    expect(perScanDose_uSv({speed_m_per_s: V5, standoff_m: 1.5})).toBeCloseTo(0.1, 12);
    expect(MANUFACTURER_DOSE_REFERENCE.bound).toBe("upper");
    expect(MANUFACTURER_DOSE_REFERENCE.grade).toBe("C");
    expect(MANUFACTURER_DOSE_REFERENCE.statedAs).toMatch(/^< 0\.1 µSv/);
    expect(MANUFACTURER_DOSE_REFERENCE.source).toMatch(/\[ASE-2015\]/);
  });

  it("doubles when the speed halves", () => {
    const d1 = perScanDose_uSv({speed_m_per_s: 2, standoff_m: 2});
    const d2 = perScanDose_uSv({speed_m_per_s: 1, standoff_m: 2});
    expect(d2 / d1).toBeCloseTo(2, 12);
  });

  it("scales by hand: 1 km/h at 1 m is 0.1 × 5 × 1.5 = 0.75 µSv (n = 1); 3 m is a half (n = 1, the default) or a quarter (n = 2)", () => {
    expect(perScanDose_uSv({speed_m_per_s: 1 / 3.6, standoff_m: 1})).toBeCloseTo(0.75, 12);
    expect(perScanDose_uSv({speed_m_per_s: V5, standoff_m: 3})).toBeCloseTo(0.05, 12);
    expect(perScanDose_uSv({speed_m_per_s: V5, standoff_m: 3}, MANUFACTURER_DOSE_REFERENCE, {distanceExponent: 2})).toBeCloseTo(0.025, 12);
    // Both side by side, the default stated: 2× apart at 3 m, 6.7× at 10 m (10/1.5).
    const both = perScanDoseBoth({speed_m_per_s: V5, standoff_m: 10});
    expect(both.dose_uSv / both.inverseSquare_uSv).toBeCloseTo(10 / 1.5, 12);
    expect(both.exponent).toBe(1);
    expect(both.choice).toMatch(/swept/);
  });

  it("uses a supplied reference", () => {
    const ref = {...MANUFACTURER_DOSE_REFERENCE, dose_uSv: 0.3, speed_m_per_s: 1, standoff_m: 2, bound: "estimate" as const};
    // 0.3 × (1/0.5) × (2/1) = 1.2 (n = 1).
    expect(perScanDose_uSv({speed_m_per_s: 0.5, standoff_m: 1}, ref)).toBeCloseTo(1.2, 12);
  });

  it("refuses invalid inputs", () => {
    expect(() => perScanDose_uSv({speed_m_per_s: 0, standoff_m: 1.5})).toThrow(RangeError);
    expect(() => perScanDose_uSv({speed_m_per_s: 1, standoff_m: Number.NaN})).toThrow(/standoff_m/);
    expect(() => perScanDose_uSv({speed_m_per_s: 1, standoff_m: 1}, {...MANUFACTURER_DOSE_REFERENCE, dose_uSv: -1})).toThrow(/dose_uSv/);
    expect(() => perScanDose_uSv({speed_m_per_s: 1, standoff_m: 1}, MANUFACTURER_DOSE_REFERENCE, {distanceExponent: -1})).toThrow(RangeError);
  });
});

describe("trade-off", () => {
  it("trades dose for SNR and range as the speed falls", () => {
    const [slow, fast, faster, tooFast] = tradeoff(P, [V5 / 2, V5, 3, 3.5], 1.5);
    expect(slow!.perScanDose_uSv).toBeCloseTo(0.2, 12);
    expect(fast!.perScanDose_uSv).toBeCloseTo(0.1, 12);
    expect(fast!.doseBound).toBe("upper");
    expect(fast!.counts).toBeCloseTo(169.765, 3);
    expect(slow!.snr / fast!.snr).toBeCloseTo(Math.SQRT2, 12);
    expect(slow!.beamTimePerPixel_s / fast!.beamTimePerPixel_s).toBeCloseTo(2, 12);
    expect(fast!.limitedBy).toBe("spot");
    expect(faster!.limitedBy).toBe("snr");
    expect(faster!.effectiveRange_m).toBeCloseTo(2.65962, 4);
    expect(tooFast!.limitedBy).toBe("sampling");
  });

  it("refuses a bad standoff or speed", () => {
    expect(() => tradeoff(P, [1], 0)).toThrow(RangeError);
    expect(() => tradeoff(P, [-1], 1.5)).toThrow(/speed_m_per_s/);
  });
});

describe("FIFO image buffer", () => {
  it("keeps an unsaved image for buffer size ÷ image rate", () => {
    // 100 images at 60 scans/h × 1 image = 1 image/min: the oldest goes after 100 min = 6000 s.
    expect(bufferRetention({bufferImages: 100, scansPerHour: 60, imagesPerScan: 1}).retention_s).toBeCloseTo(6000, 9);
    // 1000 images at 30 scans/h × 2 images = 60 images/h: 1000/60 h = 60 000 s, 500 scans held.
    const r = bufferRetention({bufferImages: 1000, scansPerHour: 30, imagesPerScan: 2});
    expect(r.retention_s).toBeCloseTo(60_000, 9);
    expect(r.scansHeld).toBe(500);
  });

  it("refuses invalid inputs with a RangeError", () => {
    const ok = {bufferImages: 100, scansPerHour: 60, imagesPerScan: 1};
    expect(() => bufferRetention({...ok, bufferImages: 0})).toThrow(RangeError);
    expect(() => bufferRetention({...ok, bufferImages: 2.5})).toThrow(/bufferImages/);
    expect(() => bufferRetention({...ok, scansPerHour: -60})).toThrow(/scansPerHour/);
    expect(() => bufferRetention({...ok, imagesPerScan: Number.POSITIVE_INFINITY})).toThrow(/imagesPerScan/);
    expect(() => bufferRetention({...ok, scansPerHour: Number.NaN})).toThrow(RangeError);
  });
});
