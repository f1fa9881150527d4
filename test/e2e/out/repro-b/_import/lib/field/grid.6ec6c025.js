import { angleOf, rateAt } from "./formulas.10c9d3d1.js";
export const POLICY_POINTS = [
  { label: "5 ft", distance_m: 1.524, source: "mobile-xray-impact-and-use-policy, health and safety section" },
  { label: "10 ft", distance_m: 3.048, source: "mobile-xray-impact-and-use-policy, health and safety section" }
];
export function fieldGrid(field, options) {
  const { extent_m, resolution } = options;
  if (!(extent_m > 0)) throw new Error(`extent_m must be > 0, got ${extent_m}`);
  if (!Number.isInteger(resolution) || resolution < 2) throw new Error(`resolution must be an integer \u2265 2, got ${resolution}`);
  const minDistance_m = options.minDistance_m ?? 0.5;
  const cell = 2 * extent_m / resolution;
  const axis = Float64Array.from({ length: resolution }, (_, i) => -extent_m + (i + 0.5) * cell);
  const values = new Float64Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      const x = axis[i];
      const y = axis[j];
      const r = Math.hypot(x, y);
      values[j * resolution + i] = r < minDistance_m ? NaN : rateAt(field, r, angleOf(x, y));
    }
  }
  return { x_m: axis, y_m: Float64Array.from(axis), rate_uSv_per_h: values, width: resolution, height: resolution };
}
export function rateForLimit(limit_uSv, period_s) {
  if (!(limit_uSv > 0) || !(period_s > 0)) throw new Error("limit and period must be > 0");
  return limit_uSv * 3600 / period_s;
}
export function contourLevels() {
  return [
    { rate_uSv_per_h: rateForLimit(20, 600), label: "20 \xB5Sv in 10 minutes", source: "10 CFR 20.1301(a)(2) (L7), reached in 10 min" },
    { rate_uSv_per_h: rateForLimit(20, 3600), label: "20 \xB5Sv in one hour", source: "10 CFR 20.1301(a)(2) (L7)" },
    { rate_uSv_per_h: rateForLimit(1e3, 2e3 * 3600), label: "1 mSv in 2000 h", source: "10 CFR 20.1301(a)(1) (L6) over a 2000 h year" }
  ];
}
