import {airBuildup, airBuildupFactor} from "../../lib/physics/index.js";
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {certificatePoints, certificateStatus, latestCertificates, parseCertificate} from "../../lib/certificates/index.js";
import {parseDeploymentLog, summariseDeployments} from "../../lib/deployments/index.js";
import {fitModel} from "../../lib/models/index.js";
import {DEFAULT_SEED, generateSampleData, POLICY_SOURCE_uSv_m2_per_h} from "../../lib/sample/index.js";
import {parseReviews} from "../../lib/reviews/index.js";
import {TEST_NOW} from "../clock.js";
import {convert} from "../../lib/units/index.js";
import {modelWeightedFit, proportionalFit, readRows, type Row} from "./fit-helpers.js";

const sample = generateSampleData(DEFAULT_SEED);
const byPrefix = (prefix: string) => sample.files.filter((f) => f.path.startsWith(prefix));
const rows = byPrefix("data/readings/").flatMap((f) => readRows(f.content));
// Air attenuation coefficient at 60 keV from the NIST table [NIST-SRD-126]: μ/ρ · ρ, in 1/m.
const MU = 0.1875 * 1.205e-3 * 100;
const ANGLE_FACTORS = sample.truth.angle_factor;
const daysBetween = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;

describe("generateSampleData: reproducible", () => {
  it("gives byte-identical files for the same seed", () => {
    const again = generateSampleData(DEFAULT_SEED);
    expect(again.files.map((f) => f.path)).toEqual(sample.files.map((f) => f.path));
    again.files.forEach((f, k) => expect(f.content === sample.files[k]!.content).toBe(true));
  });

  it("gives different readings for another seed", () => {
    const other = generateSampleData(DEFAULT_SEED + 1);
    expect(other.files.find((f) => f.path === "data/readings/ZBV-0417-2024.csv")!.content).not.toBe(
      sample.files.find((f) => f.path === "data/readings/ZBV-0417-2024.csv")!.content
    );
  });

  it("matches the committed data/ files (run `npm run sample-data` after changing the generator)", () => {
    for (const file of sample.files) expect(readFileSync(file.path, "utf8") === file.content, file.path).toBe(true);
  });
});

describe("the stated model reproduces the published policy figures", () => {
  // 0.016 mrem in 10 s at 5 ft, 0.004 mrem at 10 ft (policy, Health & Safety Reporting).
  const rateAt = (r: number) => (POLICY_SOURCE_uSv_m2_per_h * Math.exp(-MU * r)) / r ** 2;
  it("0.016 mrem in 10 s at 5 ft", () => {
    expect(convert((rateAt(convert(5, "ft", "m")) * 10) / 3600, "uSv", "mrem")).toBeCloseTo(0.016, 12);
  });
  it("0.004 mrem in 10 s at 10 ft, to the policy's one significant figure", () => {
    const mrem = convert((rateAt(convert(10, "ft", "m")) * 10) / 3600, "uSv", "mrem");
    expect(Number(mrem.toPrecision(1))).toBe(0.004);
  });
});

describe("sample certificates", () => {
  const parsed = byPrefix("data/certificates/").map((f) => parseCertificate(f.content, f.path));
  const certs = parsed.map((p) => p.certificate!);

  it("all parse without problems and say they are synthetic", () => {
    expect(parsed.flatMap((p) => p.problems)).toEqual([]);
    expect(certs.every((c) => c.synthetic)).toBe(true);
  });

  it("three per device, one each in 2024, 2025 and 2026", () => {
    for (const device of ["ZBV-0417", "ZBV-0522"]) {
      expect(certs.filter((c) => c.device_id === device).map((c) => c.issued_on.slice(0, 4)).sort()).toEqual(["2024", "2025", "2026"]);
    }
  });

  it("the newest certificate of exactly one device has lapsed by 2026-11-01", () => {
    const lapsed = latestCertificates(certs).filter((c) => certificateStatus(c, new Date("2026-11-01T00:00:00Z")).status === "lapsed");
    expect(lapsed.map((c) => c.device_id)).toEqual(["ZBV-0522"]);
  });

  it("their on-axis points fit back to the device's source term within errors", () => {
    for (const cert of certs) {
      const truth = sample.truth.devices.find((d) => d.device_id === cert.device_id)!.source_uSv_m2_per_h;
      const points = certificatePoints(cert).filter((p) => p.angle_deg === 0);
      const fit = proportionalFit(points.map((p) => ({x: Math.exp(-MU * p.distance_m) / p.distance_m ** 2, y: p.rate_uSv_per_h, sigma: p.sigma_uSv_per_h})));
      expect(Math.abs(fit.S - truth)).toBeLessThan(3 * fit.sigma);
    }
  });
});

describe("sample deployment log", () => {
  const file = byPrefix("data/deployments/")[0]!;
  const {deployments, problems} = parseDeploymentLog(file.content, file.path);

  it("parses without problems: a few dozen deployments over 2024 to 2026", () => {
    expect(problems).toEqual([]);
    expect(deployments.length).toBeGreaterThanOrEqual(30);
    expect(deployments.length).toBeLessThanOrEqual(50);
    expect(new Set(deployments.map((d) => d.start.slice(0, 4)))).toEqual(new Set(["2024", "2025", "2026"]));
  });

  it("has the ranges the sample promises", () => {
    for (const d of deployments) {
      expect(d.vehicles_scanned).toBeGreaterThanOrEqual(20);
      expect(d.vehicles_scanned).toBeLessThanOrEqual(400);
      expect(d.cordon_m).toBeGreaterThanOrEqual(3);
      expect(d.cordon_m).toBeLessThanOrEqual(10);
      expect(d.operators.length).toBeGreaterThanOrEqual(2);
      expect(d.operators.length).toBeLessThanOrEqual(3);
      // Beam-on is the time to scan each vehicle at the scan speed: 9 m at 4–6 km/h is 5.4–8.1 s, plus up to 20 % repeats.
      const perVehicle = d.beam_on_s / d.vehicles_scanned;
      expect(perVehicle).toBeGreaterThan(5);
      expect(perVehicle).toBeLessThan(10);
    }
    expect(deployments.some((d) => d.location_restricted)).toBe(true);
    expect(deployments.some((d) => !d.location_restricted)).toBe(true);
    expect(summariseDeployments(deployments).by_device.map((d) => d.device_id)).toEqual(["ZBV-0417", "ZBV-0522"]);
  });

  it("writes New York offsets: -05:00 in winter, -04:00 in summer", () => {
    for (const d of deployments) {
      const month = Number(d.start.slice(5, 7));
      if (month === 1 || month === 12) expect(d.start.endsWith("-05:00")).toBe(true);
      if (month >= 6 && month <= 8) expect(d.start.endsWith("-04:00")).toBe(true);
    }
  });
});

describe("sample readings: what the issue asks for", () => {
  it("a few thousand readings, 0.5 to 10 m, 10 s to 1 h, January 2024 to October 2026", () => {
    expect(rows.length).toBeGreaterThan(2000);
    expect(rows.length).toBeLessThan(5000);
    expect(Math.min(...rows.map((r) => r.distance_m))).toBeCloseTo(0.5, 12);
    expect(Math.max(...rows.map((r) => r.distance_m))).toBe(10);
    expect(Math.min(...rows.map((r) => r.duration_s))).toBe(10);
    expect(Math.max(...rows.map((r) => r.duration_s))).toBe(3600);
    const dates = rows.map((r) => r.measured_at.slice(0, 7)).sort();
    expect([dates[0], dates[dates.length - 1]]).toEqual(["2024-01", "2026-10"]);
  });

  it("several angles, and some readings without one", () => {
    expect(new Set(rows.map((r) => r.angle_deg))).toEqual(new Set([0, 45, 90, 135, 180, null]));
  });

  it("several quantities and units", () => {
    const units = new Set(byPrefix("data/readings/").flatMap((f) => f.content.split("\n").slice(1).map((l) => l.split(",")[10])).filter(Boolean));
    expect(units).toEqual(new Set(["µSv", "µrem", "mrem", "uR"]));
    expect(new Set(rows.map((r) => r.quantity))).toEqual(new Set(["H*(10)", "Hp(10)", "exposure"]));
  });

  it("many long-range short readings below the minimum detectable dose", () => {
    const farShort = rows.filter((r) => r.distance_m >= 5 && r.duration_s <= 60);
    expect(farShort.filter((r) => r.gross < r.mdl).length / farShort.length).toBeGreaterThan(0.5);
  });

  it("a few rate-meter readings", () => {
    const n = rows.filter((r) => r.instrument_type === "rate-meter").length;
    expect(n).toBeGreaterThan(0);
    expect(n / rows.length).toBeLessThan(0.25);
  });

  it("exactly one instrument whose calibration is more than 12 months older than its readings", () => {
    const stale = new Set(rows.filter((r) => daysBetween(r.instrument_calibrated_on, r.measured_at) > 365).map((r) => r.instrument_id));
    expect([...stale]).toEqual([sample.truth.out_of_calibration_instrument]);
  });

  it("5 to 10 outliers, nothing in their notes, each far off the model", () => {
    const outliers = rows.filter((r) => sample.truth.outlier_ids.includes(r.reading_id));
    expect(outliers.length).toBeGreaterThanOrEqual(5);
    expect(outliers.length).toBeLessThanOrEqual(10);
    for (const r of outliers) {
      expect(r.notes).toBe("");
      const device = sample.truth.devices.find((d) => d.device_id === r.device_id)!;
      const expected = ((device.source_uSv_m2_per_h * ANGLE_FACTORS[r.angle_deg!]! * Math.exp(-MU * r.distance_m)) / r.distance_m ** 2) * (r.duration_s / 3600);
      expect(Math.abs(r.gross - r.background - expected) / r.sigma).toBeGreaterThan(5);
    }
  });
});

describe("sample readings fit back to the parameters they were generated from", () => {
  const outliers = new Set(sample.truth.outlier_ids);
  // What an RSO would fit: calibrated integrating H*(10) readings with a stated angle, above their MDL unless asked.
  const usable = (r: Row, {censoredToo = false} = {}) =>
    r.quantity === "H*(10)" && r.instrument_type === "integrating" && daysBetween(r.instrument_calibrated_on, r.measured_at) <= 365 &&
    r.angle_deg !== null && (censoredToo || r.gross >= r.mdl) && !outliers.has(r.reading_id);
  const asPoint = (r: Row) => ({
    x: Math.exp(-MU * r.distance_m) / r.distance_m ** 2,
    y: ((r.gross - r.background) / r.duration_s) * 3600,
    sigma: (r.sigma / r.duration_s) * 3600
  });

  const asDosePoint = (r: Row) => ({x: Math.exp(-MU * r.distance_m) / r.distance_m ** 2, duration_s: r.duration_s, gross: r.gross, background: r.background, sigma: r.sigma, mdl: r.mdl});

  for (const device of sample.truth.devices) {
    for (const angle of [0, 45, 90, 135, 180]) {
      it(`${device.device_id} at ${angle}°: S·A(θ) within 3σ of a closed-form weighted fit`, () => {
        // Censoring is decided by the fit here (see modelWeightedFit), so below-MDL readings are offered too.
        const readings = rows.filter((r) => r.device_id === device.device_id && r.angle_deg === angle && usable(r, {censoredToo: true}));
        const fit = modelWeightedFit(readings.map(asDosePoint));
        expect(fit.n).toBeGreaterThan(30);
        const truth = device.source_uSv_m2_per_h * ANGLE_FACTORS[angle]!;
        expect(Math.abs(fit.S - truth)).toBeLessThan(3 * fit.sigma);
      });
    }

    it(`${device.device_id}: lib/models' inverse-square-air fit agrees with the closed form`, () => {
      const readings = rows.filter((r) => r.device_id === device.device_id && r.angle_deg === 0 && usable(r));
      // The model's shape includes the build-up of air (lib/physics, tested on its own): g = B(μr)·e^(−μr)/r².
      const buildup = airBuildup(60);
      const withBuildup = (r: Row) => ({...asPoint(r), x: asPoint(r).x * airBuildupFactor(MU * r.distance_m, buildup)});
      const closed = proportionalFit(readings.map(withBuildup));
      const fit = fitModel(
        readings.map((r) => {
          const p = asPoint(r);
          return {reading_id: r.reading_id, device_id: r.device_id, distance_m: r.distance_m, angle_deg: 0, rate_uSv_per_h: p.y, sigma_uSv_per_h: p.sigma, censored: false, mdl_rate_uSv_per_h: null, source: null};
        }),
        "inverse-square-air",
        {mu_per_m: MU, buildup}
      );
      expect(fit.converged).toBe(true);
      expect(fit.parameters.S!.value).toBeCloseTo(closed.S, 6);
    });
  }

  it("the stale instrument reads about 20 % high, so an RSO comparing instruments can find it", () => {
    const stale = sample.truth.out_of_calibration_instrument;
    // With x = the true model rate (per µSv·m²/h of S), the fitted "S" is the instrument's response.
    const points = rows
      .filter((r) => r.instrument_id === stale && r.angle_deg !== null && !outliers.has(r.reading_id))
      .map((r) => {
        const device = sample.truth.devices.find((d) => d.device_id === r.device_id)!;
        const p = asDosePoint(r);
        return {...p, x: device.source_uSv_m2_per_h * ANGLE_FACTORS[r.angle_deg!]! * p.x};
      });
    const fit = modelWeightedFit(points);
    expect(fit.n).toBeGreaterThanOrEqual(10);
    expect(Math.abs(fit.S - 1.2)).toBeLessThan(3 * fit.sigma);
    // And it is distinguishable from a calibrated instrument.
    expect(Math.abs(fit.S - 1)).toBeGreaterThan(5 * fit.sigma);
  });
});

describe("sample reviews", () => {
  const file = sample.files.find((f) => f.path === "data/reviews.csv")!;
  const readings = new Map(rows.map((r) => [r.reading_id, {measured_at: r.measured_at}]));
  const parsed = parseReviews(file.content, file.path, {now: TEST_NOW, readings});
  const outlier = (factor: number) => sample.truth.outliers.find((o) => o.factor === factor)!;

  it("parse without problems", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.reviews).toHaveLength(4);
  });

  it("exclude the 10×, 0.1× and 6× outliers and note the 12× one, each a week after its reading", () => {
    const action = new Map(parsed.reviews.map((r) => [r.reading_id, r]));
    for (const [factor, kind] of [[10, "exclude"], [0.1, "exclude"], [6, "exclude"], [12, "note"]] as const) {
      const review = action.get(outlier(factor).reading_id)!;
      expect(review.action, `${factor}×`).toBe(kind);
      expect(daysBetween(outlier(factor).measured_at, review.reviewed_on)).toBe(7);
      expect(review.reason.length).toBeGreaterThan(0);
    }
  });

  it("exclude one reading after the previous briefing (2026-06-01), so the briefing has a change to report", () => {
    const excluded = parsed.reviews.filter((r) => r.action === "exclude");
    expect(excluded.filter((r) => r.reviewed_on > "2026-06-01").map((r) => r.reading_id)).toEqual([outlier(6).reading_id]);
  });
});
