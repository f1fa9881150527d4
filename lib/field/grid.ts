// The top-view map of the dose field: device reference point at the origin, beam axis along +y, x to its right.
import {angleOf, rateAt, type DoseFieldModel} from "./formulas.js";

/** The policy's measurement points, 5 ft and 10 ft from the centre of the device (1 ft = 0.3048 m exactly). */
export const POLICY_POINTS = [
  {label: "5 ft", distance_m: 1.524, source: "mobile-xray-impact-and-use-policy, health and safety section [NYPD-IUP]"},
  {label: "10 ft", distance_m: 3.048, source: "mobile-xray-impact-and-use-policy, health and safety section [NYPD-IUP]"}
] as const;

export interface FieldGrid {
  /** Cell centres along x and y (m), ascending. */
  x_m: Float64Array;
  y_m: Float64Array;
  /** Dose rate (µSv/h) row by row: values[j * x.length + i] at (x_m[i], y_m[j]), the layout d3-contour reads. */
  rate_uSv_per_h: Float64Array;
  width: number;
  height: number;
}

export interface GridOptions {
  /** Half-width of the square map (m): it spans [−extent, extent] in x and y. */
  extent_m: number;
  /** Cells along each side. */
  resolution: number;
  /**
   * Distance below which the model is not evaluated (m): the formulas have a pole at the reference point, and no fit
   * says anything inside the van. Cells closer are NaN, which d3-contour leaves out. Default 0.5 m.
   */
  minDistance_m?: number;
}

export function fieldGrid(field: DoseFieldModel, options: GridOptions): FieldGrid {
  const {extent_m, resolution} = options;
  if (!(extent_m > 0)) throw new Error(`extent_m must be > 0, got ${extent_m}`);
  if (!Number.isInteger(resolution) || resolution < 2) throw new Error(`resolution must be an integer ≥ 2, got ${resolution}`);
  const minDistance_m = options.minDistance_m ?? 0.5;
  const cell = (2 * extent_m) / resolution;
  const axis = Float64Array.from({length: resolution}, (_, i) => -extent_m + (i + 0.5) * cell);
  const values = new Float64Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      const x = axis[i]!;
      const y = axis[j]!;
      const r = Math.hypot(x, y);
      values[j * resolution + i] = r < minDistance_m ? NaN : rateAt(field, r, angleOf(x, y));
    }
  }
  return {x_m: axis, y_m: Float64Array.from(axis), rate_uSv_per_h: values, width: resolution, height: resolution};
}

/** The constant dose rate (µSv/h) at which `limit_uSv` is reached in `period_s`: the contour level for that limit. */
export function rateForLimit(limit_uSv: number, period_s: number): number {
  if (!(limit_uSv > 0) || !(period_s > 0)) throw new Error("limit and period must be > 0");
  return (limit_uSv * 3600) / period_s;
}

export interface ContourLevel {
  rate_uSv_per_h: number;
  /** The limit's dose and the time over which it would be reached (the page words them in the reader's units). */
  limit_uSv: number;
  period: string;
  source: string;
}

/**
 * Contour levels that matter on the map: the rate at which the one-hour public limit is reached in one hour and in ten
 * minutes, and the rate at which the annual public limit would be reached in a 2000-hour working year of presence.
 */
export function contourLevels(): ContourLevel[] {
  return [
    {rate_uSv_per_h: rateForLimit(20, 600), limit_uSv: 20, period: "10 minutes", source: "10 CFR 20.1301(a)(2) (L7) [10CFR20], reached in 10 min"},
    {rate_uSv_per_h: rateForLimit(20, 3600), limit_uSv: 20, period: "one hour", source: "10 CFR 20.1301(a)(2) (L7) [10CFR20]"},
    {rate_uSv_per_h: rateForLimit(1000, 2000 * 3600), limit_uSv: 1000, period: "2000 h", source: "10 CFR 20.1301(a)(1) (L6) [10CFR20] over a 2000 h year"}
  ];
}
