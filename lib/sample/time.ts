// New York local time with its UTC offset, computed from the US daylight-saving rule rather than the host's
// time-zone database, so that the generated files are the same on every machine.

/** The Sunday on or after a UTC calendar day, as a day of month. */
function sundayOnOrAfter(year: number, month0: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month0, day)).getUTCDay();
  return day + ((7 - weekday) % 7);
}

/**
 * UTC offset of New York in minutes at an instant: −240 (EDT) from the second Sunday of March at 2:00 EST
 * (07:00 UTC) to the first Sunday of November at 2:00 EDT (06:00 UTC), −300 (EST) otherwise (15 U.S.C. § 260a,
 * as amended by the Energy Policy Act of 2005).
 */
export function newYorkOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(year, 2, sundayOnOrAfter(year, 2, 8), 7);
  const end = Date.UTC(year, 10, sundayOnOrAfter(year, 10, 1), 6);
  return utcMs >= start && utcMs < end ? -240 : -300;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** ISO 8601 in New York local time with its offset, to the second: `2025-09-22T06:00:00-04:00`. */
export function formatNewYork(utcMs: number): string {
  const offset = newYorkOffsetMinutes(utcMs);
  const local = new Date(Math.round(utcMs / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The UTC instant of a New York wall-clock time (not meant for the skipped or repeated hour of a DST change). */
export function newYorkToUtc(year: number, month1: number, day: number, hour: number, minute = 0): number {
  const naive = Date.UTC(year, month1 - 1, day, hour, minute);
  // The offset at the naive instant is right except within hours of a change, which the sample never uses.
  return naive - newYorkOffsetMinutes(naive + 5 * 3_600_000) * 60_000;
}
