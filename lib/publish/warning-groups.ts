// Validation warnings grouped by kind, so an RSO reads one line per kind ("184 readings taken with a rate meter") instead
// of one row per warning. A warning's kind is its Problem.code where the validator set one; otherwise its message with
// the numbers, dates and quoted values taken out (the message's template), so two warnings that differ only in their
// values fall together.
import type {PublishedProblem, WarningGroup} from "./types.js";

/** Short names of the kinds the validators set (lib/readings, lib/programme, lib/certificates, lib/reviews...). */
const TITLES: Record<string, string> = {
  "rate-meter": "Taken with a rate meter",
  "instrument-calibration-lapsed": "Instrument used more than 12 months after its calibration",
  "instrument-calibrated-after": "Instrument calibration dated after the reading",
  "background-above-gross": "Background larger than the gross reading",
  "far-off": "Far off the device's other readings",
  "device-without-certificate": "Device without a calibration certificate",
  "readings-uncovered-by-certificate": "Readings on days no certificate covers",
  "device-without-deployments": "Device without deployments",
  "deployed-device-unknown": "Deployments of a device with no readings or certificate",
  "certificate-without-readings": "Certificate of a device without readings",
  "instrument-back": "Instrument calibration dates go backwards",
  "instrument-day": "Two calibrations of one instrument on one day",
  "instrument-type": "One instrument recorded as two types",
  "certificate-lapsed": "Certificate overdue",
  "mixed-quantities": "Readings of several dose quantities fitted together",
  "no-beam-on-time": "Vehicles scanned without beam-on time",
  "unknown-property": "Unknown field ignored",
  "no-policy-text": "No policy text",
  "review-include-without-exclude": "Review puts back a reading never excluded",
  "output-constancy": "Device output out of control",
  implausible: "Outside the plausible range",
  "dose-unit-too-large": "Dose unit too large for a field reading"
};

/** The message with its values taken out: what stays the same between two warnings of one kind. */
export function messageTemplate(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?\b/g, "DATE")
    // Ids before numbers: the numbers' pattern takes "-3" for a signed number, so VAN-3 would be left as "VANN".
    .replace(/\b[A-Z]{2,}[A-Z0-9]*(-\d+)+\b/g, "ID")
    .replace(/[-+]?\d+(\.\d+)?([eE][-+]?\d+)?/g, "N");
}

export function problemKind(p: {code?: string | null; message: string}): string {
  return p.code ?? messageTemplate(p.message);
}

export function kindTitle(kind: string): string {
  return TITLES[kind] ?? kind;
}

/**
 * One group per kind, the largest first. `deviceAt` names the device of the reading at a file and line (null when no
 * reading is there); `devices` are the known device ids, looked for in messages without a reading.
 */
export function groupWarnings(problems: readonly PublishedProblem[], deviceAt: (file: string, line: number | null) => string | null, devices: readonly string[]): WarningGroup[] {
  const groups = new Map<string, {rows: PublishedProblem[]; devices: Set<string>; files: Map<string, {count: number; first: number | null; last: number | null}>}>();
  for (const p of problems) {
    if (p.severity !== "warning") continue;
    let g = groups.get(p.kind);
    if (!g) groups.set(p.kind, (g = {rows: [], devices: new Set(), files: new Map()}));
    g.rows.push(p);
    const at = deviceAt(p.file, p.line);
    if (at !== null) g.devices.add(at);
    else for (const d of devices) if (p.message.includes(d)) g.devices.add(d);
    const f = g.files.get(p.file) ?? {count: 0, first: null, last: null};
    f.count++;
    if (p.line !== null) {
      f.first = f.first === null ? p.line : Math.min(f.first, p.line);
      f.last = f.last === null ? p.line : Math.max(f.last, p.line);
    }
    g.files.set(p.file, f);
  }
  return [...groups]
    .map(([kind, g]) => ({
      kind, title: kindTitle(kind), count: g.rows.length, devices: [...g.devices].sort(),
      files: [...g.files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, f]) => ({file, count: f.count, first_line: f.first, last_line: f.last})),
      example: g.rows[0]!.message
    }))
    .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
}
