// Checks across a whole set of readings (possibly from many files): ids that repeat across files, and readings far
// off the other readings of the same device. Per-file checks are in parse.ts.
import type {Problem} from "../io/problems.js";
import type {Reading} from "./types.js";
import {median} from "d3-array";

/**
 * A reading is "far off" when its modified z-score exceeds this (Iglewicz & Hoaglin, 1993, "How to Detect and
 * Handle Outliers": |0.6745 (x − median) / MAD| > 3.5).
 */
export const FAR_OFF_MODIFIED_Z = 3.5;
/** Below this many comparable readings the spread is not known well enough to call one reading far off. */
export const FAR_OFF_MIN_READINGS = 5;
/**
 * Never call a reading far off when it is within this factor of the median (log10 of 3): identical readings give a
 * MAD of zero, and a factor under 3 is within what dosimeter placement and beam sweep alone can cause.
 */
export const FAR_OFF_MIN_LOG10 = Math.log10(3);

/** Lines listed by the traceability warning before "and N more". */
export const UNTRACEABLE_LINES_LISTED = 10;

/**
 * One warning per file for the readings that name no instrument (instrument_id empty or absent): their calibration
 * cannot be traced, and the instruments table lists them as "not stated" (never under the dosimeter's id, which may
 * be a personal badge).
 */
export function untraceableReadings(readings: readonly Reading[]): Problem[] {
  const byFile = new Map<string, number[]>();
  for (const r of readings) {
    if (r.instrument_id !== null) continue;
    const lines = byFile.get(r.source.file);
    if (lines) lines.push(r.source.line);
    else byFile.set(r.source.file, [r.source.line]);
  }
  return [...byFile].map(([file, lines]) => untraceableProblem(file, lines.slice(0, UNTRACEABLE_LINES_LISTED), lines.length));
}

/** The warning for `count` readings of a file that name no instrument, the first of them on `firstLines`. */
export function untraceableProblem(file: string, firstLines: readonly number[], count: number): Problem {
  const listed = firstLines.slice(0, UNTRACEABLE_LINES_LISTED).join(", ") + (count > UNTRACEABLE_LINES_LISTED ? ` and ${count - UNTRACEABLE_LINES_LISTED} more` : "");
  return {
    severity: "warning", file, line: firstLines[0]!, column: "instrument_id",
    message: `${count === 1 ? "this reading names" : `${count} readings (lines ${listed}) name`} no instrument, so ${count === 1 ? "its" : "their"} calibration traceability is lost: fill in instrument_id with the serial of the calibrated instrument (the dosimeter id is not published in its place; the instruments table says "not stated")`
  };
}

/** The error for a reading whose id an earlier reading in another file already has. */
export function duplicateAcrossFiles(r: {reading_id: string; source: {file: string; line: number}}, first: {source: {file: string; line: number}}): Problem {
  return {
    severity: "error", file: r.source.file, line: r.source.line, column: "reading_id",
    message: `"${r.reading_id}" is also the id of the reading at ${first.source.file}:${first.source.line}; reading ids must be unique across the data set`
  };
}

/** What a reading takes part in the far-off check with: its fall-off-free log rate x, or null when it takes no part. */
export function farOffValue(r: Pick<Reading, "censored" | "net" | "duration_s" | "distance_m">): number | null {
  if (r.censored || !(r.net > 0)) return null;
  const x = Math.log10((r.net / r.duration_s) * 3600 * r.distance_m * r.distance_m);
  return Number.isFinite(x) ? x : null;
}

/** The group a reading is compared within: device, quantity and angle. */
export function farOffGroupKey(r: Pick<Reading, "device_id" | "quantity" | "angle_deg">): string {
  return JSON.stringify([r.device_id, r.quantity, r.angle_deg]);
}

/** The warning for a reading whose x lies far off its group's median m (MAD mad), or null when it does not. */
export function farOffProblem(
  r: Pick<Reading, "device_id" | "quantity" | "angle_deg" | "source">, x: number, m: number, mad: number
): Problem | null {
  const deviation = Math.abs(x - m);
  if (deviation <= FAR_OFF_MIN_LOG10) return null;
  if (mad > 0 && (0.6745 * deviation) / mad <= FAR_OFF_MODIFIED_Z) return null;
  const factor = 10 ** deviation;
  return {
    severity: "warning", code: "far-off", file: r.source.file, line: r.source.line, column: "dose",
    message: `this reading is ${factor.toPrecision(2)} times ${x > m ? "higher" : "lower"} than device ${r.device_id}'s other ${r.quantity} readings${r.angle_deg === null ? "" : ` at ${r.angle_deg}°`} once distance and duration are allowed for (inverse square); check the dose, its unit, the distance and the duration`
  };
}

/**
 * Problems of the set as a whole:
 * - error: a reading_id used in more than one file (repeats inside one file are reported by parseReadingsCsv);
 * - warning: a reading far off its device's others. Readings are compared as x = log10(net dose rate × r²), which
 *   removes the inverse-square fall-off, grouped by device, quantity and angle (beam direction changes the dose
 *   more than anything). Censored readings and those with net ≤ 0 take no part.
 */
export function checkReadingSet(readings: readonly Reading[]): Problem[] {
  const problems: Problem[] = [];
  const firstById = new Map<string, Reading>();
  for (const r of readings) {
    const first = firstById.get(r.reading_id);
    if (first === undefined) firstById.set(r.reading_id, r);
    else if (first.source.file !== r.source.file) problems.push(duplicateAcrossFiles(r, first));
  }

  const groups = new Map<string, {reading: Reading; x: number}[]>();
  for (const r of readings) {
    const x = farOffValue(r);
    if (x === null) continue;
    const key = farOffGroupKey(r);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({reading: r, x});
  }
  for (const group of groups.values()) {
    if (group.length < FAR_OFF_MIN_READINGS) continue;
    const m = median(group, (g) => g.x)!;
    const mad = median(group, (g) => Math.abs(g.x - m))!;
    for (const {reading: r, x} of group) {
      const problem = farOffProblem(r, x, m, mad);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
