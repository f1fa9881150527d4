// "Now", for everything that depends on the day: a reading dated in the future, whether a certificate or an
// instrument's calibration is current on the day a page is built. Library code never reads the clock: it takes `now`
// as a parameter, so the same inputs give the same answer and tests pin the day. Commands and the build ask here.
//
// SOURCE_DATE_EPOCH (whole seconds since 1970-01-01 UTC) is the reproducible-builds convention
// (reproducible-builds.org/specs/source-date-epoch): when it is set, two builds of the same inputs on different days
// give the same bytes. Without it, the system clock.

export class ClockError extends Error {
  override name = "ClockError";
}

export function clockFromEnv(env: Record<string, string | undefined> = process.env, system: () => Date = () => new Date()): Date {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text.trim() === "") return system();
  if (!/^\d{1,11}$/.test(text.trim())) {
    throw new ClockError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, such as 1764460800 (2025-11-30); got "${text}"`);
  }
  return new Date(Number(text.trim()) * 1000);
}

/** The UTC calendar day of an instant, YYYY-MM-DD: what pages print as "status on DATE". */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
