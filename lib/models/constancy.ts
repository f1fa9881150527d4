// Output constancy: is the device putting out the same dose rate from one period to the next? The shape of the fall-off
// with distance is taken from the pooled fit (every period's readings), and each period's readings give only the
// level: the weighted least-squares factor k by which the pooled curve m(r) must be scaled to fit them,
//
//   k = Σ wᵢ yᵢ m(rᵢ) / Σ wᵢ m(rᵢ)²,   se(k) = √(s / Σ wᵢ m(rᵢ)²),   wᵢ = 1/σᵢ²,
//
// with s = max(1, χ²/dof) of the pooled curve over the readings charted, so that scatter the stated uncertainties do
// not explain widens every period's limits alike. Readings flagged beyond 3σ of the pooled fit are left out (each is
// already listed for review): one outlier would otherwise move its period, and its χ² every period's limits.
//
// A period's output at the reference distance is k · m(r_ref). The centre line is the pooled estimate: the same factor
// over every reading charted, k̄ (the weighted mean of the periods' k), times m(r_ref), so the line is what the charted
// readings say and not where outliers pulled the fit. The limits are k̄·m(r_ref) ± 2 and ± 3 se(k)·m(r_ref): a Shewhart
// chart whose limits follow each period's own standard error, as periods hold different numbers of readings.
//
// Out of control (a warning): a point beyond ±3σ, or two of three consecutive points beyond ±2σ on the same side (the
// Western Electric rules 1 and 2, recorded without a traced source: docs/sources.md). A point beyond ±2σ alone is
// shown, not warned about: one in twenty does that by chance.
import {predictRate} from "../exposure/predict.js";
import {FLAG_SIGMA} from "./fit.js";
import type {FitPoint, FitResult} from "./types.js";

export interface ScaledObservation {
  /** Observed net rate and its 1σ (µSv/h). */
  y: number;
  sigma: number;
  /** The pooled model's rate at the observation's distance (µSv/h). */
  m: number;
}

/** The factor scaling the pooled curve to these observations, and its standard error (scaled by √s). */
export function amplitudeRatio(observations: readonly ScaledObservation[], scale = 1): {k: number; se: number} | null {
  let num = 0;
  let den = 0;
  for (const o of observations) {
    const w = 1 / (o.sigma * o.sigma);
    num += w * o.y * o.m;
    den += w * o.m * o.m;
  }
  if (!(den > 0) || !Number.isFinite(den)) return null;
  return {k: num / den, se: Math.sqrt(Math.max(1, scale) / den)};
}

export interface ConstancyPeriod {
  kind: "quarter" | "calibration";
  /** "2025-Q3", or "certificate C-123 (2025-02-11 to 2026-02-09)". */
  label: string;
  /** First and last day, YYYY-MM-DD (the last null for a period still open). */
  from: string;
  to: string | null;
}

export interface ConstancyPoint extends ConstancyPeriod {
  /** Readings above detection in the period (those below are not fitted). */
  n: number;
  /** The period's output at the reference distance, its standard uncertainty (µSv/h), and the pooled factor k. */
  output_uSv_per_h: number;
  sigma_uSv_per_h: number;
  ratio: number;
  /** (output − pooled) / sigma: (k − k̄) / se(k). */
  z: number;
  lower2_uSv_per_h: number;
  upper2_uSv_per_h: number;
  lower3_uSv_per_h: number;
  upper3_uSv_per_h: number;
  /** Beyond ±2σ or ±3σ (null: within ±2σ). */
  beyond: "2σ" | "3σ" | null;
  /** Out of control by rule 1 (beyond 3σ) or rule 2 (two of three consecutive beyond 2σ on one side). */
  out_of_control: boolean;
  /** Where the period's first reading is, for the warning. */
  first: {file: string; line: number} | null;
}

export interface ConstancyChart {
  reference_distance_m: number;
  /** The pooled output at the reference distance, k̄ · m(r_ref) (µSv/h): the centre line. */
  pooled_uSv_per_h: number;
  /** max(1, χ²/dof) of the pooled fit over the readings charted, applied to every period's standard error. */
  scale: number;
  /** Readings left out: flagged beyond 3σ of the pooled fit. */
  left_out: number;
  points: ConstancyPoint[];
}

/** A point with its day (the reading's local calendar day, YYYY-MM-DD) and where it was read. */
export interface DatedPoint {
  point: FitPoint;
  day: string;
}

/** Marks rule 1 and rule 2 of a sequence of points of one kind, in time order. */
function markOutOfControl(points: ConstancyPoint[]): void {
  points.forEach((p, i) => {
    if (p.beyond === "3σ") p.out_of_control = true;
    const window = points.slice(Math.max(0, i - 2), i + 1);
    for (const side of [1, -1]) {
      const far = window.filter((q) => q.beyond !== null && Math.sign(q.z) === side);
      if (far.length >= 2 && far.includes(p)) for (const q of far) q.out_of_control = true;
    }
  });
}

/**
 * The chart of one fit: each period's output at `reference_m` against the pooled estimate. `dated` are the fit's
 * points with their days; `periods` are listed in time order per kind (a day may fall in one of each kind).
 */
export function constancyChart(
  fit: FitResult, dated: readonly DatedPoint[], periods: readonly ConstancyPeriod[], reference_m = 1
): ConstancyChart | null {
  const atReference = predictRate(fit, reference_m).rate_uSv_per_h;
  const model = (p: FitPoint) => predictRate(fit, p.distance_m).rate_uSv_per_h;
  const fitted = dated.filter((d) => !d.point.censored);
  const charted = fitted.filter((d) => Math.abs(d.point.rate_uSv_per_h - model(d.point)) <= FLAG_SIGMA * d.point.sigma_uSv_per_h);
  const observations = (rows: readonly DatedPoint[]) => rows.map((d) => ({y: d.point.rate_uSv_per_h, sigma: d.point.sigma_uSv_per_h, m: model(d.point)}));
  const chi2 = charted.reduce((s, d) => s + ((d.point.rate_uSv_per_h - model(d.point)) / d.point.sigma_uSv_per_h) ** 2, 0);
  const dof = charted.length - fit.parameterNames.length;
  const scale = dof > 0 ? Math.max(1, chi2 / dof) : 1;
  const all = amplitudeRatio(observations(charted), scale);
  if (!all) return null;
  const centre = all.k * atReference;
  const points: ConstancyPoint[] = [];
  for (const period of periods) {
    const inside = charted.filter((d) => d.day >= period.from && (period.to === null || d.day <= period.to));
    const ratio = amplitudeRatio(observations(inside), scale);
    if (!ratio) continue;
    const sigma = ratio.se * atReference;
    const z = (ratio.k - all.k) / ratio.se;
    const first = inside.reduce((a, b) => (b.day < a.day ? b : a)).point.source;
    points.push({
      ...period, n: inside.length, output_uSv_per_h: ratio.k * atReference, sigma_uSv_per_h: sigma, ratio: ratio.k, z,
      lower2_uSv_per_h: centre - 2 * sigma, upper2_uSv_per_h: centre + 2 * sigma, lower3_uSv_per_h: centre - 3 * sigma, upper3_uSv_per_h: centre + 3 * sigma,
      beyond: Math.abs(z) > 3 ? "3σ" : Math.abs(z) > 2 ? "2σ" : null, out_of_control: false, first: first ?? null
    });
  }
  for (const kind of ["quarter", "calibration"] as const) markOutOfControl(points.filter((p) => p.kind === kind));
  return {reference_distance_m: reference_m, pooled_uSv_per_h: centre, scale, left_out: fitted.length - charted.length, points};
}

/** The calendar quarters from the first to the last day, "YYYY-Qn", in order. */
export function quartersBetween(first: string, last: string): ConstancyPeriod[] {
  const out: ConstancyPeriod[] = [];
  let y = Number(first.slice(0, 4));
  let q = Math.floor((Number(first.slice(5, 7)) - 1) / 3);
  const lastKey = `${last.slice(0, 4)}-Q${Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1}`;
  for (;;) {
    const label = `${y}-Q${q + 1}`;
    const endMonth = 3 * q + 3;
    const endDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    out.push({kind: "quarter", label, from: `${y}-${String(3 * q + 1).padStart(2, "0")}-01`, to: `${y}-${String(endMonth).padStart(2, "0")}-${endDay}`});
    if (label === lastKey) return out;
    if (++q === 4) {
      q = 0;
      y++;
    }
  }
}

/**
 * One period per certificate of the device, from its issue date to the day before the next certificate's (the newest
 * open-ended), and one before the first certificate for readings taken before it.
 */
export function calibrationPeriods(certificates: readonly {certificate_id: string; issued_on: string}[], firstDay: string | null): ConstancyPeriod[] {
  const sorted = [...certificates].sort((a, b) => (a.issued_on < b.issued_on ? -1 : a.issued_on > b.issued_on ? 1 : 0));
  const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const out: ConstancyPeriod[] = [];
  if (sorted.length > 0 && firstDay !== null && firstDay < sorted[0]!.issued_on) {
    out.push({kind: "calibration", label: `before certificate ${sorted[0]!.certificate_id}`, from: firstDay, to: dayBefore(sorted[0]!.issued_on)});
  }
  sorted.forEach((c, i) => {
    const next = sorted[i + 1];
    const to = next ? dayBefore(next.issued_on) : null;
    out.push({kind: "calibration", label: `certificate ${c.certificate_id} (from ${c.issued_on})`, from: c.issued_on, to});
  });
  return out;
}
