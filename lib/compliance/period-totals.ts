// Dose totals an RSO tracks over time, as of the build's day ("to date" is as of `now`): quarter-to-date,
// year-to-date and the rolling 12 months, per dosimeter (measured) and per device's deployments (the operators' and
// the cordon's doses, from the same models as the scenarios), with the ALARA investigation levels applied.
//
// Days are calendar days as written: a reading's or deployment's own local date, and the UTC day of `now` (the day
// pages say the status is "on"). The ALARA levels are fractions of an annual limit (data/limits.json `alara`); a
// quarter's total is held against a quarter of it (the levels "pro-rated per quarter"), a year's and the rolling 12
// months' against the whole.
import type {AlaraConfig} from "./limits.js";
import {sumEstimates, type Estimator} from "./scenarios.js";
import type {DoseEstimate} from "./verdict.js";

export type PeriodId = "quarter-to-date" | "year-to-date" | "rolling-12-months";

export interface TotalsPeriod {
  id: PeriodId;
  label: string;
  /** First and last day counted, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The share of an annual limit the ALARA levels are held against over this period. */
  annual_fraction: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;

/** The three periods ending on `now`'s UTC day. The rolling 12 months start the day after the same date a year before. */
export function periodsAsOf(now: Date): TotalsPeriod[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const d = now.getUTCDate();
  const to = day(y, m, d);
  const quarterStart = 3 * Math.floor((m - 1) / 3) + 1;
  // The same date a year before (29 February: the 28th), then the day after it.
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const start = new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastDay) + 1));
  return [
    {id: "quarter-to-date", label: `Q${(quarterStart + 2) / 3} ${y} to date`, from: day(y, quarterStart, 1), to, annual_fraction: 0.25},
    {id: "year-to-date", label: `${y} to date`, from: day(y, 1, 1), to, annual_fraction: 1},
    {id: "rolling-12-months", label: "12 months to date", from: start.toISOString().slice(0, 10), to, annual_fraction: 1}
  ];
}

export const inPeriod = (p: TotalsPeriod, isoDay: string) => isoDay >= p.from && isoDay <= p.to;

export interface LevelReached {
  /** The highest ALARA level reached, or null below every level. */
  level: string | null;
  /** "reached": the dose (or its lower bound) is at or above the level; "possibly reached": only its upper bound is. */
  status: "reached" | "possibly reached" | null;
  /** The dose at which that level starts over this period (µSv); null when no level is reached. */
  threshold_uSv: number | null;
  action: string | null;
}

const NONE: LevelReached = {level: null, status: null, threshold_uSv: null, action: null};

/**
 * The highest ALARA level a total reaches over a period, against an annual limit. `lower` is the total's lower bound
 * (the measured total itself when it has no bounds): the level is "reached" when it is at or above the level,
 * "possibly reached" when only `upper` is.
 */
export function alaraLevel(upper: number, lower: number, annualLimit_uSv: number, period: TotalsPeriod, alara: AlaraConfig): LevelReached {
  let found = NONE;
  for (const level of [...alara.levels].sort((a, b) => a.fraction - b.fraction)) {
    const threshold_uSv = level.fraction * annualLimit_uSv * period.annual_fraction;
    if (upper < threshold_uSv) continue;
    found = {level: level.id, status: lower >= threshold_uSv ? "reached" : "possibly reached", threshold_uSv, action: level.action};
  }
  return found;
}

/** One reading as the dosimeter totals count it. */
export interface DosimeterReading {
  dosimeter_id: string;
  device_id: string;
  /** The reading's local calendar day, YYYY-MM-DD. */
  day: string;
  /** Net dose (gross − background) as a dose equivalent, µSv. */
  net_uSv: number;
  /** Below the minimum detectable dose: counted at its detection limit (an upper limit, never zero). */
  censored: boolean;
  /** The detection limit as a dose equivalent (µSv); null when not stated. */
  mdl_uSv: number | null;
}

export interface PeriodTotal {
  period: PeriodId;
  readings: number;
  /** Of which below detection, counted at their detection limit. */
  censored: number;
  dose_uSv: number;
  alara: LevelReached;
}

export interface DosimeterTotals {
  dosimeter_id: string;
  device_ids: string[];
  totals: PeriodTotal[];
}

/**
 * Each dosimeter's total over each period: the net doses of its readings, a reading below detection at its detection
 * limit (or its net dose when it states none). Dosimeters with no reading in any of the periods are left out.
 */
export function dosimeterTotals(readings: readonly DosimeterReading[], periods: readonly TotalsPeriod[], limit: {annual_uSv: number; alara: AlaraConfig} | null): DosimeterTotals[] {
  const byDosimeter = new Map<string, DosimeterReading[]>();
  for (const r of readings) {
    if (!periods.some((p) => inPeriod(p, r.day))) continue;
    byDosimeter.set(r.dosimeter_id, [...(byDosimeter.get(r.dosimeter_id) ?? []), r]);
  }
  // The default sort compares ids by UTF-16 code units, as `<` does (the ids are a Map's keys: never two alike).
  return [...byDosimeter.keys()].sort().map((dosimeter_id) => {
    const rows = byDosimeter.get(dosimeter_id)!;
    return {
      dosimeter_id,
      device_ids: [...new Set(rows.map((r) => r.device_id))].sort(),
      totals: periods.map((p) => {
        const mine = rows.filter((r) => inPeriod(p, r.day));
        const dose_uSv = mine.reduce((s, r) => s + (r.censored && r.mdl_uSv !== null ? r.mdl_uSv : r.net_uSv), 0);
        return {
          period: p.id, readings: mine.length, censored: mine.filter((r) => r.censored).length, dose_uSv,
          alara: limit ? alaraLevel(dose_uSv, dose_uSv, limit.annual_uSv, p, limit.alara) : NONE
        };
      })
    };
  });
}

/** The fields of a deployment-log row the device totals use. */
export interface DeploymentOfPeriod {
  device_id: string;
  /** The deployment's start, as written (its local date decides the period). */
  start: string;
  beam_on_s: number;
  cordon_m: number;
  /** Restricted: used to sum each operator's beam-on time, never echoed. */
  operators: readonly string[];
}

export interface EstimateTotal {
  period: PeriodId;
  deployments: number;
  beam_on_s: number;
  dose: DoseEstimate;
  alara: LevelReached;
}

export interface DeviceTotals {
  device_id: string;
  /** The most-exposed operator: beam-on time summed over the deployments each operator worked (all of them when the log names none). */
  operator: EstimateTotal[];
  /** A person at the cordon of every deployment of the period for all its beam-on time. */
  cordon: EstimateTotal[];
}

/**
 * A device's deployments in each period: the most-exposed operator's dose at `operator_distance_m` and the dose at the
 * cordon of every deployment, each as a sum over many occasions (confidence bounds, as the annual scenarios), with
 * the ALARA level of its bounds against the annual limit for that person.
 */
export function deviceTotals(
  device_id: string, deployments: readonly DeploymentOfPeriod[], periods: readonly TotalsPeriod[], estimate: Estimator,
  options: {operator_distance_m: number; operatorLimit_uSv: number | null; publicLimit_uSv: number | null; alara: AlaraConfig}
): DeviceTotals {
  const mine = deployments.filter((d) => d.device_id === device_id);
  const level = (e: DoseEstimate, limit: number | null, p: TotalsPeriod) =>
    limit !== null && e.determinable && e.upper95_uSv !== null && e.upper95_uSv !== undefined
      ? alaraLevel(e.upper95_uSv, e.lower95_uSv ?? 0, limit, p, options.alara)
      : NONE;
  const operator: EstimateTotal[] = [];
  const cordon: EstimateTotal[] = [];
  for (const p of periods) {
    const rows = mine.filter((d) => inPeriod(p, d.start.slice(0, 10)));
    const beam_on_s = rows.reduce((s, d) => s + d.beam_on_s, 0);
    const perOperator = new Map<string, number>();
    for (const d of rows) for (const op of new Set(d.operators)) perOperator.set(op, (perOperator.get(op) ?? 0) + d.beam_on_s);
    const operator_s = perOperator.size > 0 ? Math.max(...perOperator.values()) : beam_on_s;
    // No deployment in the period is a zero dose; no deployment of the device in the whole log is not knowing.
    const zero: DoseEstimate = mine.length === 0
      ? {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: `the deployment log has no deployments of ${device_id}`}
      : {dose_uSv: 0, upper95_uSv: 0, lower95_uSv: 0, determinable: true};
    const op = rows.length === 0 ? zero : estimate({distance_m: options.operator_distance_m, duration_s: operator_s, interval: "confidence"});
    const at = rows.length === 0 ? zero : sumEstimates(rows.map((d) => estimate({distance_m: d.cordon_m, duration_s: d.beam_on_s, interval: "confidence"})));
    operator.push({period: p.id, deployments: rows.length, beam_on_s: operator_s, dose: op, alara: level(op, options.operatorLimit_uSv, p)});
    cordon.push({period: p.id, deployments: rows.length, beam_on_s, dose: at, alara: level(at, options.publicLimit_uSv, p)});
  }
  return {device_id, operator, cordon};
}
