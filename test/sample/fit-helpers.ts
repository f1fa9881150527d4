// Reading the generated readings back independently of the generator: d3-dsv for the CSV, lib/units for units.
import {csvParse} from "d3-dsv";
import {convert} from "../../lib/units/index.js";

export interface Row {
  reading_id: string;
  device_id: string;
  instrument_id: string;
  instrument_type: string;
  instrument_calibrated_on: string;
  measured_at: string;
  quantity: string;
  distance_m: number;
  angle_deg: number | null;
  duration_s: number;
  /** In µSv (H*(10), Hp(10)) or µR (exposure). */
  gross: number;
  background: number;
  mdl: number;
  sigma: number;
  notes: string;
}

export function readRows(csv: string): Row[] {
  return csvParse(csv).map((r) => {
    const unit = r.dose_unit!;
    const canonical = r.quantity === "exposure" ? "uR" : "uSv";
    const inCanonical = (v: string) => convert(Number(v), unit, canonical);
    const gross = inCanonical(r.dose!);
    const sigma = r.uncertainty!.endsWith("%") ? (Number(r.uncertainty!.slice(0, -1)) / 100) * gross : inCanonical(r.uncertainty!);
    return {
      reading_id: r.reading_id!,
      device_id: r.device_id!,
      instrument_id: r.instrument_id!,
      instrument_type: r.instrument_type!,
      instrument_calibrated_on: r.instrument_calibrated_on!,
      measured_at: r.measured_at!,
      quantity: r.quantity!,
      distance_m: convert(Number(r.distance), r.distance_unit!, "m"),
      angle_deg: r.angle_deg === "" ? null : Number(r.angle_deg),
      duration_s: convert(Number(r.duration), r.duration_unit!, "s"),
      gross,
      background: inCanonical(r.background!),
      mdl: inCanonical(r.mdl!),
      sigma,
      notes: r.notes ?? ""
    };
  });
}

/**
 * Weighted least squares for y = S·x with one parameter, in closed form: S = Σ(w·x·y) / Σ(w·x²),
 * var(S) = 1 / Σ(w·x²), with w = 1/σ². Independent of lib/models' iterative fitter.
 */
export function proportionalFit(points: readonly {x: number; y: number; sigma: number}[]): {S: number; sigma: number} {
  let sxy = 0;
  let sxx = 0;
  for (const {x, y, sigma} of points) {
    const w = 1 / (sigma * sigma);
    sxy += w * x * y;
    sxx += w * x * x;
  }
  return {S: sxy / sxx, sigma: 1 / Math.sqrt(sxx)};
}

export interface DosePoint {
  /** exp(−μr)/r², 1/m². */
  x: number;
  duration_s: number;
  /** Gross dose, background, stated 1-sigma and MDL, µSv. */
  gross: number;
  background: number;
  sigma: number;
  mdl: number;
}

/**
 * S in gross = S·x·t/3600 + background, fitted so that neither the weights nor the choice of points depend on a
 * point's own noise: weighting by the stated σ of the observed dose pulls the estimate down (low readings state small
 * σ), and keeping only readings above the MDL pushes it up (near the MDL only upward fluctuations survive). So:
 * start from the readings above their MDL, then repeatedly keep the readings the current fit predicts at 3 × MDL or
 * more, with σ scaled to the predicted dose (the stated σ is mostly proportional to the dose).
 */
export function modelWeightedFit(points: readonly DosePoint[]): {S: number; sigma: number; n: number} {
  const rate = (p: DosePoint) => (((p.gross - p.background) / p.duration_s) * 3600);
  const rateSigma = (p: DosePoint, scale: number) => ((p.sigma * scale) / p.duration_s) * 3600;
  let fit = proportionalFit(points.filter((p) => p.gross >= p.mdl && p.gross > 0).map((p) => ({x: p.x, y: rate(p), sigma: rateSigma(p, 1)})));
  let n = 0;
  for (let iteration = 0; iteration < 4; iteration++) {
    const predicted = (p: DosePoint) => (fit.S * p.x * p.duration_s) / 3600 + p.background;
    const used = points.filter((p) => predicted(p) >= 3 * p.mdl && p.gross > 0);
    n = used.length;
    fit = proportionalFit(used.map((p) => ({x: p.x, y: rate(p), sigma: rateSigma(p, predicted(p) / p.gross)})));
  }
  return {...fit, n};
}
