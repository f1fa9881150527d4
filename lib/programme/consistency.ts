// Whether the files of a data folder agree with each other: each file can be valid on its own and the folder still
// describe two different programmes (a new device's readings beside the sample's certificates and deployments).
// Every problem names the file (and line, where there is one), the device, and what follows for the published
// figures. All are warnings: the data is kept, and what cannot be worked out is "cannot be determined" on the site.
import type {Certificate} from "../certificates/types.js";
import type {Deployment} from "../deployments/types.js";
import type {Problem} from "../io/problems.js";
import type {Reading} from "../readings/types.js";
import {ASSUMED_EFFECTIVE_ENERGY_KEV} from "./assumptions.js";

export interface FolderContents {
  readings: readonly Reading[];
  certificates: readonly Certificate[];
  deployments: readonly Deployment[];
  /** Where a missing deployment log would be (the deployments/ folder as the user names it). */
  deploymentsPlace: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
/** The local calendar day of an ISO 8601 instant as written (the day the person recording it saw). */
const dayOf = (iso: string) => iso.slice(0, 10);

interface DeviceReadings {
  first: Reading;
  count: number;
  /** Readings on days no certificate of the device covers: count, first and last day, the first such reading. */
  uncovered: {count: number; from: string; to: string; first: Reading} | null;
}

export function crossFileProblems(c: FolderContents): Problem[] {
  const problems: Problem[] = [];
  const certificatesOf = new Map<string, Certificate[]>();
  for (const cert of c.certificates) certificatesOf.set(cert.device_id, [...(certificatesOf.get(cert.device_id) ?? []), cert]);
  const deploymentsOf = new Map<string, Deployment[]>();
  for (const d of c.deployments) deploymentsOf.set(d.device_id, [...(deploymentsOf.get(d.device_id) ?? []), d]);

  const byDevice = new Map<string, DeviceReadings>();
  for (const r of c.readings) {
    let seen = byDevice.get(r.device_id);
    if (!seen) byDevice.set(r.device_id, (seen = {first: r, count: 0, uncovered: null}));
    seen.count++;
    const certs = certificatesOf.get(r.device_id);
    const day = dayOf(r.measured_at);
    if (certs && !certs.some((cert) => cert.issued_on <= day && day <= cert.next_due_on)) {
      const u = seen.uncovered;
      if (!u) seen.uncovered = {count: 1, from: day, to: day, first: r};
      else {
        u.count++;
        if (day < u.from) u.from = day;
        if (day > u.to) u.to = day;
      }
    }
  }

  for (const [device, seen] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const at = {file: seen.first.source.file, line: seen.first.source.line, column: "device_id"};
    if (!certificatesOf.has(device)) {
      problems.push({
        severity: "warning", code: "device-without-certificate", ...at,
        message: `device ${device} has ${plural(seen.count, "reading")} but no calibration certificate in certificates/: its effective energy is taken as ${ASSUMED_EFFECTIVE_ENERGY_KEV} keV (an assumption printed beside its verdicts), and the dose to a person inside a scanned vehicle cannot be determined; add the device's certificate`
      });
    } else if (seen.uncovered) {
      const u = seen.uncovered;
      problems.push({
        severity: "warning", code: "readings-uncovered-by-certificate", file: u.first.source.file, line: u.first.source.line, column: "measured_at",
        message: `${plural(u.count, "reading")} of device ${device} (${u.from === u.to ? u.from : `${u.from} to ${u.to}`}) were taken on days no certificate of the device covers (from its issue date to its next-due date): the device's calibration then is not on record, so these readings may not describe it as certified; add the certificate that was in force, or check the dates`
      });
    }
    if (!deploymentsOf.has(device)) {
      problems.push({
        severity: "warning", code: "device-without-deployments", file: c.deploymentsPlace,
        message: `device ${device} has no deployments in the log: how long and how close people were exposed is not known, so a bystander's worst hour, the cordon, the operators' doses and the public's annual dose cannot be determined for it; add its deployments`
      });
    }
  }

  for (const [device, rows] of [...deploymentsOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (byDevice.has(device) || certificatesOf.has(device)) continue;
    const first = rows[0]!;
    problems.push({
      severity: "warning", code: "deployed-device-unknown", file: first.source.file, line: first.source.line, column: "device_id",
      message: `device ${device} has ${plural(rows.length, "deployment")} but no readings and no certificate: its doses cannot be determined. If "${device}" is a typo for another device's id, that device's use is undercounted; correct it`
    });
  }

  for (const [device, certs] of [...certificatesOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (byDevice.has(device)) continue;
    const first = [...certs].sort((a, b) => (a.source_file < b.source_file ? -1 : 1))[0]!;
    problems.push({
      severity: "warning", code: "certificate-without-readings", file: first.source_file, column: "$.device.serial",
      message: `certificate ${first.certificate_id} is for device ${device}, which has no field readings: its doses cannot be determined until readings are added${deploymentsOf.has(device) ? "" : " (nor does the deployment log name it: check the serial)"}`
    });
  }

  problems.push(...instrumentProblems(c));
  return problems;
}

interface InstrumentRecord {
  id: string;
  type: string | null;
  calibrated_on: string;
  /** The day of the measurement the record belongs to. */
  day: string;
  file: string;
  line: number | undefined;
  column: string;
  typeColumn: string;
}

function* instrumentRecords(c: FolderContents): Generator<InstrumentRecord> {
  for (const r of c.readings) {
    if (r.instrument_id === null || r.instrument_calibrated_on === null) continue;
    yield {id: r.instrument_id, type: r.instrument_type, calibrated_on: r.instrument_calibrated_on, day: dayOf(r.measured_at), file: r.source.file, line: r.source.line, column: "instrument_calibrated_on", typeColumn: "instrument_type"};
  }
  for (const cert of c.certificates) {
    for (const p of cert.reference_points) {
      yield {id: p.instrument.id, type: p.instrument.type, calibrated_on: p.instrument.calibrated_on, day: cert.issued_on, file: cert.source_file, line: p.line, column: `${p.path}.instrument.calibrated_on`, typeColumn: `${p.path}.instrument.type`};
    }
  }
}

const where = (r: InstrumentRecord) => (r.line === undefined ? r.file : `${r.file}:${r.line}`);

/**
 * One instrument's calibration dates, across every file that names it: a later measurement cannot state an older
 * calibration than an earlier one, two measurements on one day cannot state two calibrations, and an instrument is
 * one type. Each inconsistency is reported once, where it is first seen.
 */
function instrumentProblems(c: FolderContents): Problem[] {
  const byId = new Map<string, InstrumentRecord[]>();
  for (const rec of instrumentRecords(c)) {
    const list = byId.get(rec.id);
    if (list) list.push(rec);
    else byId.set(rec.id, [rec]);
  }
  const problems: Problem[] = [];
  for (const [id, records] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    records.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.calibrated_on < b.calibrated_on ? -1 : a.calibrated_on > b.calibrated_on ? 1 : 0));
    const reported = new Set<string>();
    let latest = records[0]!;
    let previous = records[0]!;
    const typed = records.find((r) => r.type !== null);
    for (const rec of records) {
      const report = (key: string, message: string, column = rec.column) => {
        if (reported.has(key)) return;
        reported.add(key);
        problems.push({severity: "warning", code: `instrument-${key.split(" ")[0]}`, file: rec.file, ...(rec.line !== undefined ? {line: rec.line} : {}), column, message});
      };
      if (rec.calibrated_on < latest.calibrated_on) {
        report(`back ${rec.calibrated_on} ${latest.calibrated_on}`, `instrument ${id} is recorded here (${rec.day}) as calibrated on ${rec.calibrated_on}, but ${where(latest)} (${latest.day}, earlier) says it was calibrated on ${latest.calibrated_on}: a later record cannot name an older calibration; correct one of the two`);
      } else if (rec.day === previous.day && rec.calibrated_on !== previous.calibrated_on) {
        report(`day ${rec.day}`, `instrument ${id} is recorded on ${rec.day} as calibrated on ${rec.calibrated_on} here and on ${previous.calibrated_on} at ${where(previous)}: one instrument has one calibration on a given day; correct one of the two`);
      }
      if (typed && rec.type !== null && rec.type !== typed.type) {
        report(`type ${rec.type}`, `instrument ${id} is recorded here as ${rec.type} but as ${typed.type} at ${where(typed)}: one instrument is one type; correct one of the two`, rec.typeColumn);
      }
      if (rec.calibrated_on > latest.calibrated_on) latest = rec;
      previous = rec;
    }
  }
  return problems;
}
