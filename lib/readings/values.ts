// Strict readers for the values in a readings file. Each returns the value or a message saying what is wrong and
// what to write instead; none throws. JavaScript's Number() and Date.parse accept too much (" ", "0x10", "1e400"
// as Infinity, "2026-02-30"), and a wrong number here becomes a wrong published dose.

export type Read<T> = {ok: true; value: T} | {ok: false; message: string};

const ok = <T>(value: T): Read<T> => ({ok: true, value});
const fail = <T>(message: string): Read<T> => ({ok: false, message});

/** The decimal numbers readNumber accepts (after trimming); lib/io/readings-sql.ts reuses the pattern. */
export const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A finite decimal number such as `12`, `-0.5`, `1.2e-3`; surrounding spaces are ignored. */
export function readNumber(text: string): Read<number> {
  const t = text.trim();
  if (t === "") return fail("is empty; write a number such as 1.5");
  if (!DECIMAL.test(t)) {
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t) || /\d[ '_]\d/.test(t)) {
      return fail(`"${t}" has a thousands separator; write the number without separators, such as 1500`);
    }
    if (/^[-+]?(nan|inf(inity)?)$/i.test(t)) return fail(`"${t}" is not a number; write a finite number such as 1.5`);
    if (/^\d+,\d+$/.test(t)) return fail(`"${t}" uses a decimal comma; write a decimal point, such as 1.5`);
    return fail(`"${t}" is not a decimal number; write a number such as 1.5 or 2.4e-3 (no units, hex or separators)`);
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return fail(`"${t}" is too large to be a finite number; check the value and its unit`);
  return ok(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Checks a calendar date's month and day; null when valid, else what is wrong. */
function calendarProblem(year: number, month: number, day: number, text: string): string | null {
  if (month < 1 || month > 12) return `"${text}" has month ${month}; months run from 01 to 12`;
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return `"${text}" is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${max} days`;
  return null;
}

/** A calendar date written YYYY-MM-DD. Returns [year, month, day]. */
export function readDate(text: string): Read<CalendarDate> {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return fail(`"${t}" is not a date written YYYY-MM-DD, such as 2026-03-14`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const problem = calendarProblem(y, mo, d, t);
  return problem ? fail(problem) : ok([y, mo, d]);
}

export interface Instant {
  /** Milliseconds since the Unix epoch, UTC. */
  ms: number;
  /** The local calendar date as written (before the offset is applied). */
  localDate: CalendarDate;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO 8601 date-time with a UTC offset: `2026-03-14T09:30:00Z`, `2026-03-14T09:30+01:00`, fractions of a second
 * allowed (kept to the millisecond). The date must exist; hours 00–23, minutes and seconds 00–59, offset up to ±18:00.
 */
export function readInstant(text: string): Read<Instant> {
  const t = text.trim();
  const m = ISO_DATE_TIME.exec(t);
  const example = "such as 2026-03-14T09:30:00Z or 2026-03-14T09:30:00-05:00";
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return fail(`"${t}" is a date without a time; write the date-time with its UTC offset, ${example}`);
    return fail(`"${t}" is not an ISO 8601 date-time; write it ${example}`);
  }
  if (m[8] === undefined) return fail(`"${t}" has no UTC offset, so the instant is ambiguous; add Z for UTC or the local offset, ${example}`);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [number, number, number, number, number, number];
  const problem = calendarProblem(y, mo, d, t);
  if (problem) return fail(problem);
  if (h > 23 || mi > 59 || s > 59) return fail(`"${t}" has an impossible time of day; hours run 00–23, minutes and seconds 00–59`);
  let offset_min = 0;
  if (m[8] !== "Z") {
    const sign = m[8].startsWith("-") ? -1 : 1;
    const [oh, om] = [Number(m[8].slice(1, 3)), Number(m[8].slice(4, 6))];
    if (om > 59 || oh * 60 + om > 18 * 60) return fail(`"${t}" has an impossible UTC offset ${m[8]}; offsets run from -18:00 to +18:00`);
    offset_min = sign * (oh * 60 + om);
  }
  // Digits beyond the millisecond are truncated (the text itself is kept verbatim in the reading).
  const ms_fraction = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3));
  const ms = daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi - offset_min) * 60 + s) * 1000 + ms_fraction;
  return ok({ms, localDate: [y, mo, d]});
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Written out because Date.UTC
 * maps years 0–99 to 1900–1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type CalendarDate = [number, number, number];

/** The same date `months` calendar months later, the day clamped to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addCalendarMonths([y, m, d]: CalendarDate, months: number): CalendarDate {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return [year, month, Math.min(d, daysInMonth(year, month))];
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatDate([y, m, d]: CalendarDate): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
