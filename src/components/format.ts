// Number formatting for pages: doses and rates with sensible significant figures and their unit always shown.
import {format} from "d3-format";
import type {UnitSystem} from "./units.js";

const sig2 = format(".2~r");
const sig3 = format(".3~r");

/** A number with 2 (default) or 3 significant figures, no exponent for everyday magnitudes. */
export function sig(value: number, digits: 2 | 3 = 2): string {
  if (!Number.isFinite(value)) return "–";
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return format(`.${digits}~e`)(value).replace("e", " × 10^");
  return (digits === 2 ? sig2 : sig3)(value);
}

/** A dose in µSv, shown in nSv, µSv or mSv so the number stays readable. */
export function formatDose(dose_uSv: number, digits: 2 | 3 = 2): string {
  if (!Number.isFinite(dose_uSv)) return "–";
  const a = Math.abs(dose_uSv);
  if (a !== 0 && a < 0.01) return `${sig(dose_uSv * 1000, digits)} nSv`;
  if (a >= 1000) return `${sig(dose_uSv / 1000, digits)} mSv`;
  return `${sig(dose_uSv, digits)} µSv`;
}

/** A dose in µSv also expressed in the policy's unit, mrem (1 mrem = 10 µSv, 10 CFR 20.1004 [10CFR20]). */
export function formatDoseWithMrem(dose_uSv: number): string {
  return `${formatDose(dose_uSv)} (${sig(dose_uSv / 10)} mrem)`;
}

export function formatRate(rate_uSv_per_h: number): string {
  return `${formatDose(rate_uSv_per_h)}/h`;
}

/** A dose given in µSv, written in mrem (1 mrem = 10 µSv [10CFR20]): µrem, mrem or rem, so the number stays readable. */
export function formatMrem(dose_uSv: number, digits: 2 | 3 = 2): string {
  if (!Number.isFinite(dose_uSv)) return "–";
  const mrem = dose_uSv / 10;
  const a = Math.abs(mrem);
  if (a !== 0 && a < 0.01) return `${sig(mrem * 1000, digits)} µrem`;
  if (a >= 1000) return `${sig(mrem / 1000, digits)} rem`;
  return `${sig(mrem, digits)} mrem`;
}

/** A dose in the reader's units (src/components/units.ts): µSv, mrem, or µSv with mrem in brackets. */
export function doseIn(units: UnitSystem, dose_uSv: number, digits: 2 | 3 = 2): string {
  if (!Number.isFinite(dose_uSv)) return "–";
  if (units === "us") return formatMrem(dose_uSv, digits);
  if (units === "both") return `${formatDose(dose_uSv, digits)} (${formatMrem(dose_uSv, digits)})`;
  return formatDose(dose_uSv, digits);
}

/** A dose rate (µSv/h) in the reader's units. */
export function rateIn(units: UnitSystem, rate_uSv_per_h: number, digits: 2 | 3 = 2): string {
  if (!Number.isFinite(rate_uSv_per_h)) return "–";
  if (units === "us") return `${formatMrem(rate_uSv_per_h, digits)}/h`;
  if (units === "both") return `${formatDose(rate_uSv_per_h, digits)}/h (${formatMrem(rate_uSv_per_h, digits)}/h)`;
  return `${formatDose(rate_uSv_per_h, digits)}/h`;
}

/**
 * How a chart draws doses in the reader's units: the factor from µSv to the axis unit and its name. A chart has one
 * axis: with "both" it is drawn in µSv and its label gives the conversion.
 */
export function doseAxis(units: UnitSystem): {factor: number; unit: "µSv" | "mrem"; note: string} {
  return units === "us"
    ? {factor: 0.1, unit: "mrem", note: "mrem (1 mrem = 10 µSv)"}
    : {factor: 1, unit: "µSv", note: units === "both" ? "µSv (1 mrem = 10 µSv)" : "µSv"};
}

export function formatDistance(distance_m: number): string {
  return `${sig(distance_m)} m (${sig(distance_m / 0.3048)} ft)`;
}

export function formatDuration(duration_s: number): string {
  if (duration_s < 120) return `${sig(duration_s)} s`;
  if (duration_s < 7200) return `${sig(duration_s / 60)} min`;
  if (duration_s < 2 * 86400) return `${sig(duration_s / 3600)} h`;
  return `${sig(duration_s / 86400)} days`;
}

/** The calendar date of an ISO 8601 timestamp as written (its own offset), e.g. "2026-10-14". */
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

/** An ISO 8601 timestamp as "2026-10-14 09:30 (−04:00)": the local time where it was recorded, with its offset. */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(iso);
  if (!m) return iso;
  const [, date, time, offset] = m;
  if (!time) return date!;
  return `${date} ${time} (${offset === "Z" ? "UTC" : offset!.replace("-", "−")})`;
}
