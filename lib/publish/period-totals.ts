// The period totals as published (lib/compliance/period-totals.ts): per dosimeter in the internal build only (a
// dosimeter identifies its wearer; the public build gets counts, no ids), per device's deployments in both.
import {
  deviceTotals, dosimeterTotals, periodsAsOf, type DosimeterReading, type EstimateTotal, type LevelReached
} from "../compliance/period-totals.js";
import type {LimitsRegistry} from "../compliance/limits.js";
import type {Dataset} from "../io/load-dataset.js";
import {OPERATOR_DISTANCE_M} from "../programme/assumptions.js";
import {isoDay} from "../io/clock.js";
import type {Audience} from "./audience.js";
import {conservativeEstimator} from "./device-models.js";
import type {DeviceAnalysis} from "./publication.js";
import type {PublishedEstimateTotal, PublishedLevel, PublishedPeriodTotals} from "./types.js";

/**
 * The smallest annual limit (in µSv, compliance limits only: not a reference level) that applies to a scenario: the
 * one an ALARA level is a fraction of.
 */
export function annualLimitOf(registry: LimitsRegistry, scenario: string): {limit_id: string; value_uSv: number} | null {
  const ids = new Set(registry.scenario_limits[scenario] ?? []);
  const candidates = registry.limits.filter((l) => ids.has(l.id) && l.period === "calendar-year" && l.kind !== "reference-level" && l.value_uSv !== null);
  if (candidates.length === 0) return null;
  const least = candidates.reduce((a, b) => (b.value_uSv! < a.value_uSv! ? b : a));
  return {limit_id: least.id, value_uSv: least.value_uSv!};
}

const level = (l: LevelReached): PublishedLevel => ({level: l.level, status: l.status, threshold_uSv: l.threshold_uSv});

function estimateTotal(t: EstimateTotal): PublishedEstimateTotal {
  const d = t.dose;
  return {
    period: t.period, deployments: t.deployments, beam_on_h: t.beam_on_s / 3600,
    dose_uSv: d.determinable ? d.dose_uSv : null, lower95_uSv: d.determinable ? (d.lower95_uSv ?? null) : null, upper95_uSv: d.determinable ? d.upper95_uSv : null,
    reason: d.determinable ? null : (d.reason ?? "cannot be determined"), ...level(t.alara)
  };
}

export function publishPeriodTotals(dataset: Dataset, analyses: readonly DeviceAnalysis[], registry: LimitsRegistry, now: Date, audience: Audience): PublishedPeriodTotals {
  const periods = periodsAsOf(now);
  const worker = annualLimitOf(registry, "operator-year");
  const publicLimit = annualLimitOf(registry, "public-annual");
  const alara = registry.alara;

  // Dosimeter totals count the readings the fits count: not those a review excludes.
  const counted: DosimeterReading[] = [];
  let noDosimeter = 0;
  for (const a of analyses) {
    const excluded = new Set(a.excluded.map((e) => e.reading_id));
    for (const r of a.readings) {
      if (excluded.has(r.reading_id)) continue;
      if (r.dosimeter_id === null) {
        noDosimeter++;
        continue;
      }
      counted.push({
        dosimeter_id: r.dosimeter_id, device_id: r.device_id, day: r.measured_at.slice(0, 10), net_uSv: a.toUSv(r.net, r),
        censored: r.censored, mdl_uSv: r.mdl === null ? null : a.toUSv(r.mdl, r)
      });
    }
  }
  const dosimeters = dosimeterTotals(counted, periods, worker ? {annual_uSv: worker.value_uSv, alara} : null);
  const levelIds = [...alara.levels].sort((x, y) => x.fraction - y.fraction).map((l) => l.id);

  return {
    as_of: isoDay(now),
    periods: periods.map((p) => ({...p})),
    levels: alara.levels.map((l) => ({id: l.id, fraction: l.fraction, action: l.action})),
    levels_note: alara.note,
    worker_limit: worker,
    public_limit: publicLimit,
    dosimeters: audience === "internal"
      ? dosimeters.map((d) => ({dosimeter_id: d.dosimeter_id, device_ids: d.device_ids, totals: d.totals.map((t) => ({period: t.period, readings: t.readings, censored: t.censored, dose_uSv: t.dose_uSv, ...level(t.alara)}))}))
      : null,
    dosimeter_summary: periods.map((p) => {
      const totals = dosimeters.map((d) => d.totals.find((t) => t.period === p.id)!).filter((t) => t.readings > 0);
      // A dosimeter is counted at the highest level it reaches, and at every level below it too.
      const rank = (l: string | null) => (l === null ? -1 : levelIds.indexOf(l));
      return {period: p.id, dosimeters: totals.length, reached: levelIds.map((id, i) => ({level: id, dosimeters: totals.filter((t) => rank(t.alara.level) >= i).length}))};
    }),
    not_counted: {excluded: analyses.reduce((n, a) => n + a.excluded.length, 0), no_dosimeter: noDosimeter},
    devices: analyses.map((a) => {
      const t = deviceTotals(a.device_id, dataset.deployments, periods, conservativeEstimator(a.models), {
        operator_distance_m: OPERATOR_DISTANCE_M, operatorLimit_uSv: worker?.value_uSv ?? null, publicLimit_uSv: publicLimit?.value_uSv ?? null, alara
      });
      return {device_id: a.device_id, operator: t.operator.map(estimateTotal), cordon: t.cordon.map(estimateTotal)};
    })
  };
}
