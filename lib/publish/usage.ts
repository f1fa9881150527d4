// How the devices were used, what state the instruments and certificates were in: the tables behind the data-quality
// page and the "how often is it used?" question.
import {ascending, groups} from "d3-array";
import {certificateStatus, latestCertificates, type Certificate} from "../certificates/index.js";
import type {Deployment} from "../deployments/index.js";
import type {Reading} from "../readings/types.js";
import {CALIBRATION_VALID_MONTHS} from "../readings/parse.js";
import {addCalendarMonths, formatDate} from "../readings/values.js";
import {isoDay} from "../io/clock.js";
import type {DeploymentTotals, PublishedCertificate, PublishedDeployments, PublishedInstrument} from "./types.js";

const HOURS = (s: number) => s / 3600;

function totals(rows: readonly Deployment[]): DeploymentTotals {
  return {
    deployments: rows.length,
    vehicles: rows.reduce((n, d) => n + d.vehicles_scanned, 0),
    beam_on_h: HOURS(rows.reduce((n, d) => n + d.beam_on_s, 0))
  };
}

/** The deployments grouped by `key`, keys in ascending order, each group in the order of `rows`. */
function groupBy<K extends string | number>(rows: readonly Deployment[], key: (d: Deployment) => K): [K, Deployment[]][] {
  return groups(rows, key).sort(([a], [b]) => ascending(a, b));
}

/** The calendar year a deployment starts in, in its own local time (the year written in `start`). */
export const deploymentYear = (d: Deployment) => Number(d.start.slice(0, 4));

export function summariseUse(deployments: readonly Deployment[]): PublishedDeployments {
  const sorted = [...deployments].sort((a, b) => a.start_ms - b.start_ms);
  return {
    ...totals(sorted),
    first: sorted[0]?.start ?? null,
    last: sorted.at(-1)?.end ?? null,
    by_year: groupBy(sorted, deploymentYear).map(([year, rows]) => ({year, ...totals(rows)})),
    by_device: groupBy(sorted, (d) => d.device_id).map(([device_id, rows]) => ({device_id, ...totals(rows)})),
    by_event_type: groupBy(sorted, (d) => d.location_type).map(([location_type, rows]) => ({location_type, ...totals(rows)})),
    min_cordon_m: sorted.length > 0 ? Math.min(...sorted.map((d) => d.cordon_m)) : null
  };
}

/** The deployments of the device's busiest calendar year (most beam-on time): the year annual doses are judged on. */
export function busiestYear(deployments: readonly Deployment[]): {year: number; deployments: Deployment[]} | null {
  const years = groupBy(deployments, deploymentYear);
  if (years.length === 0) return null;
  const beam = (rows: Deployment[]) => rows.reduce((n, d) => n + d.beam_on_s, 0);
  const [year, rows] = years.reduce((a, b) => (beam(b[1]) > beam(a[1]) ? b : a));
  return {year, deployments: rows};
}

export function publishCertificates(certificates: readonly Certificate[], now: Date): PublishedCertificate[] {
  const latest = new Set(latestCertificates(certificates));
  return [...certificates]
    .sort((a, b) => a.device_id.localeCompare(b.device_id) || a.issued_on.localeCompare(b.issued_on))
    .map((c) => ({
      device_id: c.device_id,
      serial: c.device_id,
      device_model: c.device_model,
      certificate_date: c.issued_on,
      next_due: c.next_due_on,
      laboratory: c.laboratory.name,
      status: latest.has(c) ? certificateStatus(c, now).status : "superseded",
      effective_energy_keV: c.source.effective_energy_keV,
      source: c.source_file
    }));
}

/** The last day a calibration of `calibrated_on` (YYYY-MM-DD) is current: 12 calendar months on, clamped to the month's end. */
function calibrationExpires(calibrated_on: string): string {
  return formatDate(addCalendarMonths(calibrated_on.split("-").map(Number) as [number, number, number], CALIBRATION_VALID_MONTHS));
}

/** Whether a reading was taken more than 12 calendar months after the instrument's calibration date (its own local date). */
export function outOfCalibration(reading: Reading): boolean {
  if (!reading.instrument_calibrated_on) return false;
  return reading.measured_at.slice(0, 10) > calibrationExpires(reading.instrument_calibrated_on);
}

/** The instruments table's id for readings that name no instrument. */
export const NOT_STATED = "not stated";

/** The instruments of the readings, and the status of each one's newest calibration on the build's day. */
export function publishInstruments(readings: readonly Reading[], now: Date): PublishedInstrument[] {
  const byId = new Map<string, PublishedInstrument>();
  for (const r of readings) {
    // Never the dosimeter id in its place: a badge identifies its wearer (docs/restricted-data.md). Validation warns
    // that such readings have lost their calibration traceability (lib/readings/check.ts).
    const id = r.instrument_id ?? NOT_STATED;
    let row = byId.get(id);
    if (!row) byId.set(id, (row = {instrument_id: id, instrument_type: r.instrument_type, calibrated_on: r.instrument_calibrated_on, readings: 0, readings_out_of_calibration: 0, status: "not stated"}));
    row.readings++;
    if (outOfCalibration(r)) row.readings_out_of_calibration++;
    if (r.instrument_calibrated_on && (!row.calibrated_on || r.instrument_calibrated_on > row.calibrated_on)) row.calibrated_on = r.instrument_calibrated_on;
  }
  const today = isoDay(now);
  for (const row of byId.values()) row.status = row.calibrated_on === null ? "not stated" : today > calibrationExpires(row.calibrated_on) ? "lapsed" : "current";
  return [...byId.values()].sort((a, b) => a.instrument_id.localeCompare(b.instrument_id));
}
