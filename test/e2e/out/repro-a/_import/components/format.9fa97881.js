import { format } from "../../_node/d3-format@3.1.3/index.ded23b25.js";
const sig2 = format(".2~r");
const sig3 = format(".3~r");
export function sig(value, digits = 2) {
  if (!Number.isFinite(value)) return "\u2013";
  const a = Math.abs(value);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return format(`.${digits}~e`)(value).replace("e", " \xD7 10^");
  return (digits === 2 ? sig2 : sig3)(value);
}
export function formatDose(dose_uSv, digits = 2) {
  if (!Number.isFinite(dose_uSv)) return "\u2013";
  const a = Math.abs(dose_uSv);
  if (a !== 0 && a < 0.01) return `${sig(dose_uSv * 1e3, digits)} nSv`;
  if (a >= 1e3) return `${sig(dose_uSv / 1e3, digits)} mSv`;
  return `${sig(dose_uSv, digits)} \xB5Sv`;
}
export function formatDoseWithMrem(dose_uSv) {
  return `${formatDose(dose_uSv)} (${sig(dose_uSv / 10)} mrem)`;
}
export function formatRate(rate_uSv_per_h) {
  return `${formatDose(rate_uSv_per_h)}/h`;
}
export function formatDistance(distance_m) {
  return `${sig(distance_m)} m (${sig(distance_m / 0.3048)} ft)`;
}
export function formatDuration(duration_s) {
  if (duration_s < 120) return `${sig(duration_s)} s`;
  if (duration_s < 7200) return `${sig(duration_s / 60)} min`;
  if (duration_s < 2 * 86400) return `${sig(duration_s / 3600)} h`;
  return `${sig(duration_s / 86400)} days`;
}
export function formatDate(iso) {
  return iso.slice(0, 10);
}
export function formatDateTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(iso);
  if (!m) return iso;
  const [, date, time, offset] = m;
  if (!time) return date;
  return `${date} ${time} (${offset === "Z" ? "UTC" : offset.replace("-", "\u2212")})`;
}
