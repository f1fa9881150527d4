// Reading and validating a calibration certificate (JSON). Every mistake becomes a Problem naming the file, the
// line and the JSON path, and what to write instead; a certificate is returned only when there are no errors.
import type {Problem} from "../io/problems.js";
import {QUANTITIES, QUANTITY_UNIT, type Quantity} from "../readings/types.js";
import {dimensionOf, parseQuantity, toNumber, UnitError, type Dimension} from "../units/index.js";
import {dateProblem, DOSE_RANGE, rangeProblem, RATE_RANGE, type RangeName} from "../plausibility.js";
import {childPath, JsonSyntaxError, parseJsonWithPositions, type JsonPosition, type JsonValue} from "./json.js";
import type {Certificate, CertificateInstrument, LeakagePoint, ReferencePoint, ScanPlaneDose} from "./types.js";

type JsonObject = {[key: string]: JsonValue};

const DOSE_DIMENSION: Record<Quantity, Dimension> = {
  "H*(10)": "dose-equivalent",
  "Hp(10)": "dose-equivalent",
  effective: "dose-equivalent",
  "air-kerma": "absorbed-dose",
  exposure: "exposure"
};
const RATE_DIMENSION: Record<Quantity, Dimension> = {
  "H*(10)": "dose-equivalent-rate",
  "Hp(10)": "dose-equivalent-rate",
  effective: "dose-equivalent-rate",
  "air-kerma": "absorbed-dose-rate",
  exposure: "exposure-rate"
};

const TOP_LEVEL = [
  "certificate_id", "synthetic", "device", "issued_on", "next_due_on", "laboratory", "source", "beam",
  "reference_points", "leakage", "scan_plane_dose", "remarks"
];

/** Collects problems against one file, with the line of each JSON path. */
class Checker {
  private readonly found: Problem[] = [];
  constructor(
    readonly file: string,
    private readonly positions: Map<string, JsonPosition>
  ) {}

  report(path: string, message: string, severity: Problem["severity"] = "error", code?: string) {
    const at = this.positions.get(path) ?? this.nearest(path);
    this.found.push({severity, file: this.file, ...(at ? {line: at.line} : {}), column: path, message, ...(code !== undefined ? {code} : {})});
  }

  /** In file order, as a person reads them (a stable sort keeps the order of problems on one line). */
  get problems(): Problem[] {
    return [...this.found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  lineOf(path: string): number {
    return this.positions.get(path)?.line ?? 1;
  }

  /** A missing property has no position: use its parent object's. */
  private nearest(path: string): JsonPosition | undefined {
    for (let p = path; p.length > 1; ) {
      p = p.replace(/(\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\])$/, "");
      const at = this.positions.get(p);
      if (at) return at;
      if (p === "$") break;
    }
    return undefined;
  }

  object(value: JsonValue | undefined, path: string, what: string): JsonObject | null {
    if (value === undefined) {
      this.report(path, `missing ${what}: add an object here`);
      return null;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.report(path, `${what} must be a JSON object {...}`);
      return null;
    }
    return value;
  }

  unknownKeys(object: JsonObject, path: string, known: readonly string[]) {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        this.report(childPath(path, key), `unknown property "${key}" is ignored: check its spelling (expected one of ${known.join(", ")})`, "warning", "unknown-property");
      }
    }
  }

  string(object: JsonObject, key: string, path: string, optional = false): string | null {
    const p = childPath(path, key);
    const value = object[key];
    if (value === undefined || value === null) {
      if (!optional) this.report(p, `missing "${key}": add it as a text value`);
      return null;
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.report(p, `"${key}" must be a non-empty text value in double quotes`);
      return null;
    }
    return value.trim();
  }

  date(object: JsonObject, key: string, path: string): string | null {
    const text = this.string(object, key, path);
    if (text === null) return null;
    if (!isCalendarDate(text)) {
      this.report(childPath(path, key), `"${text}" is not a date: write it as YYYY-MM-DD, e.g. "2025-02-14"`);
      return null;
    }
    const implausible = dateProblem(text);
    if (implausible) this.report(childPath(path, key), implausible.message, implausible.severity);
    return implausible?.severity === "error" ? null : text;
  }

  /**
   * A canonical value against its range (lib/plausibility.ts): outside the physical range an error, outside the
   * plausible range a warning. `key` is the property the value was written in, quoted in the message.
   */
  plausible(object: JsonObject, key: string, path: string, value: number | null, range: RangeName): void {
    if (value === null) return;
    const p = rangeProblem(value, range, String(object[key] ?? value));
    if (p) this.report(childPath(path, key), p.message, p.severity);
  }

  /** A quantity written as a string with its unit ("1.5 m"), in `target` units, of one of the dimensions. */
  quantity(object: JsonObject, key: string, path: string, target: string, example: string, opts: {optional?: boolean; positive?: boolean} = {}): number | null {
    const p = childPath(path, key);
    const value = object[key];
    if (value === undefined || value === null) {
      if (!opts.optional) this.report(p, `missing "${key}": add it as a number with its unit, e.g. "${example}"`);
      return null;
    }
    if (typeof value !== "string") {
      this.report(p, `"${key}" must be a text value with a unit, e.g. "${example}" (a bare number does not say its unit)`);
      return null;
    }
    let number: number;
    try {
      number = toNumber(parseQuantity(value), target);
    } catch (error) {
      const why = error instanceof UnitError ? error.message : String(error);
      this.report(p, `${why}: write it like "${example}"`);
      return null;
    }
    if (opts.positive !== false && !(number > 0)) {
      this.report(p, `"${key}" must be greater than zero, got "${value}"`);
      return null;
    }
    if (number < 0) {
      this.report(p, `"${key}" must not be negative, got "${value}"`);
      return null;
    }
    return number;
  }

  /** A dose or dose rate of a given dimension, in its canonical unit. */
  dose(object: JsonObject, key: string, path: string, dimension: Dimension, unit: string, example: string): number | null {
    const p = childPath(path, key);
    const value = object[key];
    if (typeof value === "string") {
      try {
        const q = parseQuantity(value);
        const actual = dimensionOf(q);
        if (actual !== dimension) {
          this.report(p, `"${value}" is not in a unit of the stated quantity: use ${unit} or another unit of the same kind, e.g. "${example}" (changing quantity is a physics step, not a unit conversion)`);
          return null;
        }
      } catch {
        // reported by quantity() below with the unit error's own wording
      }
    }
    return this.quantity(object, key, path, unit, example, {positive: false});
  }

  quantityName(object: JsonObject, path: string): Quantity | null {
    const p = childPath(path, "quantity");
    const value = object.quantity;
    if (typeof value !== "string" || !(QUANTITIES as readonly string[]).includes(value)) {
      this.report(p, `${value === undefined ? "missing \"quantity\"" : `"${String(value)}" is not a quantity this product knows`}: use one of ${QUANTITIES.join(", ")}`);
      return null;
    }
    return value as Quantity;
  }

  /** "8%" of `value`, or an absolute amount of the same kind in `unit`. */
  uncertainty(object: JsonObject, path: string, value: number | null, dimension: Dimension, unit: string, example: string): number | null {
    const p = childPath(path, "uncertainty");
    const raw = object.uncertainty;
    if (typeof raw === "string") {
      const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw);
      if (percent) {
        const fraction = Number(percent[1]) / 100;
        if (!(fraction > 0)) {
          this.report(p, `an uncertainty of ${raw} cannot be right: give the certificate's 1-sigma uncertainty, e.g. "8%"`);
          return null;
        }
        return value === null ? null : fraction * value;
      }
    }
    if (raw === undefined) {
      this.report(p, `missing "uncertainty": give the 1-sigma uncertainty as a percentage ("8%") or with a unit ("${example}")`);
      return null;
    }
    return this.dose(object, "uncertainty", path, dimension, unit, example);
  }

  angle(object: JsonObject, path: string): number | null | undefined {
    const value = object.angle_deg;
    if (value === undefined || value === null) return null;
    if (typeof value !== "number" || !(value >= 0 && value < 360)) {
      this.report(childPath(path, "angle_deg"), `"angle_deg" must be a number of degrees from the beam axis, 0 to less than 360 (or null when not known)`);
      return undefined;
    }
    return value;
  }

  instrument(object: JsonObject, path: string, issuedOn: string | null): CertificateInstrument | null {
    const p = childPath(path, "instrument");
    const o = this.object(object.instrument, p, "instrument (id, type, calibrated_on)");
    if (!o) return null;
    this.unknownKeys(o, p, ["id", "type", "calibrated_on"]);
    const id = this.string(o, "id", p);
    const type = o.type;
    if (type !== "integrating" && type !== "rate-meter") {
      this.report(childPath(p, "type"), `instrument type must be "integrating" or "rate-meter"`);
    }
    const calibratedOn = this.date(o, "calibrated_on", p);
    if (calibratedOn && issuedOn && daysBetween(calibratedOn, issuedOn) > 365) {
      this.report(childPath(p, "calibrated_on"), `instrument ${id ?? ""} was calibrated on ${calibratedOn}, more than 12 months before this certificate (${issuedOn}): its readings may not be traceable`, "warning", "instrument-calibration-lapsed");
    }
    if (type === "rate-meter") {
      this.report(childPath(p, "type"), `a rate meter can misread the short pulses of a swept pencil beam: prefer an integrating instrument`, "warning", "rate-meter");
    }
    if (id === null || calibratedOn === null || (type !== "integrating" && type !== "rate-meter")) return null;
    return {id, type, calibrated_on: calibratedOn};
  }
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whole days from date a to date b (both YYYY-MM-DD), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface ParsedCertificate {
  certificate: Certificate | null;
  problems: Problem[];
}

/**
 * Parse one certificate file. Quantities are strings with their unit ("1.524 m", "10 s", "0.16 uSv",
 * "57.6 uSv/h"), parsed with lib/units; see docs/data-formats.md, "Calibration certificates".
 */
export function parseCertificate(text: string, file: string): ParsedCertificate {
  let json;
  try {
    json = parseJsonWithPositions(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        certificate: null,
        problems: [{severity: "error", file, line: error.position.line, message: `not valid JSON at character ${error.position.column}: ${error.message}`}]
      };
    }
    throw error;
  }
  const c = new Checker(file, json.positions);
  const root = c.object(json.value, "$", "certificate");
  if (!root) return {certificate: null, problems: c.problems};
  c.unknownKeys(root, "$", TOP_LEVEL);

  const certificateId = c.string(root, "certificate_id", "$");
  const synthetic = root.synthetic === true;
  if (root.synthetic !== undefined && typeof root.synthetic !== "boolean") c.report("$.synthetic", `"synthetic" must be true or false`);

  const device = c.object(root.device, "$.device", "device (model, serial)");
  if (device) c.unknownKeys(device, "$.device", ["model", "serial"]);
  const model = device ? c.string(device, "model", "$.device") : null;
  const serial = device ? c.string(device, "serial", "$.device") : null;

  const issuedOn = c.date(root, "issued_on", "$");
  const nextDueOn = c.date(root, "next_due_on", "$");
  if (issuedOn && nextDueOn && nextDueOn <= issuedOn) {
    c.report("$.next_due_on", `next due date ${nextDueOn} is not after the issue date ${issuedOn}: check both dates`);
  }

  const lab = c.object(root.laboratory, "$.laboratory", "laboratory (name, accreditation)");
  if (lab) c.unknownKeys(lab, "$.laboratory", ["name", "accreditation"]);
  const labName = lab ? c.string(lab, "name", "$.laboratory") : null;
  const accreditation = lab ? c.string(lab, "accreditation", "$.laboratory", true) : null;

  const src = c.object(root.source, "$.source", "source settings (tube_voltage, tube_current, filtration, effective_energy)");
  if (src) c.unknownKeys(src, "$.source", ["tube_voltage", "tube_current", "filtration", "effective_energy"]);
  const kVp = src ? c.quantity(src, "tube_voltage", "$.source", "kV", "125 kV") : null;
  const mA = src ? c.quantity(src, "tube_current", "$.source", "mA", "1.0 mA") : null;
  const filtration = src ? c.string(src, "filtration", "$.source") : null;
  const energy = src ? c.quantity(src, "effective_energy", "$.source", "keV", "60 keV") : null;
  if (src) {
    c.plausible(src, "tube_voltage", "$.source", kVp, "tube_voltage");
    c.plausible(src, "effective_energy", "$.source", energy, "photon_energy");
  }

  const beam = c.object(root.beam, "$.beam", "beam geometry (spot_size, divergence, scan_line_rate, nominal_scan_speed)");
  if (beam) c.unknownKeys(beam, "$.beam", ["spot_size", "divergence", "scan_line_rate", "nominal_scan_speed"]);
  const spot = beam ? c.quantity(beam, "spot_size", "$.beam", "mm", "6 mm") : null;
  const divergence = beam ? c.quantity(beam, "divergence", "$.beam", "deg", "0.5 deg") : null;
  const lineRate = beam ? c.quantity(beam, "scan_line_rate", "$.beam", "Hz", "25 Hz") : null;
  const speed = beam ? c.quantity(beam, "nominal_scan_speed", "$.beam", "km/h", "5 km/h") : null;
  if (beam) c.plausible(beam, "nominal_scan_speed", "$.beam", speed, "scan_speed");

  const points: ReferencePoint[] = [];
  let pointsOk = true;
  if (!Array.isArray(root.reference_points) || root.reference_points.length === 0) {
    c.report("$.reference_points", `"reference_points" must be a non-empty array of measured points`);
    pointsOk = false;
  } else {
    root.reference_points.forEach((value, k) => {
      const point = parseReferencePoint(c, value, `$.reference_points[${k}]`, issuedOn);
      if (point) points.push(point);
      else pointsOk = false;
    });
  }

  const leakage: LeakagePoint[] = [];
  if (root.leakage !== undefined && !Array.isArray(root.leakage)) {
    c.report("$.leakage", `"leakage" must be an array of measurements (or [] when the certificate has none)`);
  } else if (root.leakage === undefined) {
    c.report("$.leakage", `missing "leakage": list the leakage measurements, or [] when the certificate has none`);
  } else {
    root.leakage.forEach((value, k) => {
      const point = parseLeakage(c, value, `$.leakage[${k}]`);
      if (point) leakage.push(point);
    });
  }

  const scanPlane = parseScanPlane(c, root.scan_plane_dose, "$.scan_plane_dose");
  const remarks = c.string(root, "remarks", "$", true);

  const ok =
    !c.problems.some((p) => p.severity === "error") &&
    pointsOk && certificateId && model && serial && issuedOn && nextDueOn && labName && kVp !== null && mA !== null &&
    filtration && energy !== null && spot !== null && divergence !== null && lineRate !== null && speed !== null && scanPlane;
  if (!ok) return {certificate: null, problems: c.problems};
  return {
    certificate: {
      certificate_id: certificateId,
      device_model: model,
      device_id: serial,
      issued_on: issuedOn,
      next_due_on: nextDueOn,
      laboratory: {name: labName, accreditation},
      source: {tube_voltage_kVp: kVp, tube_current_mA: mA, filtration, effective_energy_keV: energy},
      beam: {spot_size_mm: spot, divergence_deg: divergence, scan_line_rate_Hz: lineRate, nominal_scan_speed_km_per_h: speed},
      reference_points: points,
      leakage,
      scan_plane_dose: scanPlane,
      remarks,
      synthetic,
      source_file: file
    },
    problems: c.problems
  };
}

const POINT_KEYS = ["distance", "angle_deg", "quantity", "dose", "duration", "dose_rate", "uncertainty", "instrument"];

function parseReferencePoint(c: Checker, value: JsonValue | undefined, path: string, issuedOn: string | null): ReferencePoint | null {
  const o = c.object(value, path, "reference point");
  if (!o) return null;
  c.unknownKeys(o, path, POINT_KEYS);
  const distance = c.quantity(o, "distance", path, "m", "1.524 m");
  const angle = c.angle(o, path);
  const quantity = c.quantityName(o, path);
  const instrument = c.instrument(o, path, issuedOn);
  if (!quantity) return null;
  const unit = QUANTITY_UNIT[quantity];
  const hasDose = o.dose !== undefined;
  const hasRate = o.dose_rate !== undefined;
  if (hasDose === hasRate) {
    c.report(path, hasDose
      ? `give either "dose" with "duration" or "dose_rate", not both: the rate would be stated twice`
      : `missing the measurement: add "dose" and "duration" (e.g. "0.16 uSv" in "10 s") or "dose_rate" (e.g. "57.6 uSv/h")`);
    return null;
  }
  let dose: number | null = null;
  let duration: number | null = null;
  let rate: number | null;
  let sigma: number | null;
  if (hasDose) {
    dose = c.dose(o, "dose", path, DOSE_DIMENSION[quantity], unit, `0.16 ${unit}`);
    duration = c.quantity(o, "duration", path, "s", "10 s");
    const sigmaDose = c.uncertainty(o, path, dose, DOSE_DIMENSION[quantity], unit, `0.013 ${unit}`);
    rate = dose !== null && duration !== null ? (dose / duration) * 3600 : null;
    sigma = sigmaDose !== null && duration !== null ? (sigmaDose / duration) * 3600 : null;
  } else {
    rate = c.dose(o, "dose_rate", path, RATE_DIMENSION[quantity], `${unit}/h`, `57.6 ${unit}/h`);
    duration = c.quantity(o, "duration", path, "s", "60 s", {optional: true});
    sigma = c.uncertainty(o, path, rate, RATE_DIMENSION[quantity], `${unit}/h`, `4.6 ${unit}/h`);
  }
  c.plausible(o, "distance", path, distance, "distance");
  c.plausible(o, "duration", path, duration, "duration");
  if (hasDose) c.plausible(o, "dose", path, dose, DOSE_RANGE[unit]);
  c.plausible(o, hasDose ? "dose" : "dose_rate", path, rate, RATE_RANGE[unit]);
  if (distance === null || angle === undefined || rate === null || sigma === null || !instrument) return null;
  return {path, line: c.lineOf(path), distance_m: distance, angle_deg: angle, quantity, unit, dose, duration_s: duration, rate_per_h: rate, sigma_per_h: sigma, instrument};
}

function parseLeakage(c: Checker, value: JsonValue | undefined, path: string): LeakagePoint | null {
  const o = c.object(value, path, "leakage measurement");
  if (!o) return null;
  c.unknownKeys(o, path, ["location", "distance", "quantity", "dose_rate", "uncertainty"]);
  const location = c.string(o, "location", path);
  const distance = c.quantity(o, "distance", path, "m", "1 m");
  const quantity = c.quantityName(o, path);
  if (!quantity) return null;
  const unit = QUANTITY_UNIT[quantity];
  const rate = c.dose(o, "dose_rate", path, RATE_DIMENSION[quantity], `${unit}/h`, `0.5 ${unit}/h`);
  const sigma = c.uncertainty(o, path, rate, RATE_DIMENSION[quantity], `${unit}/h`, `0.1 ${unit}/h`);
  c.plausible(o, "distance", path, distance, "distance");
  c.plausible(o, "dose_rate", path, rate, RATE_RANGE[unit]);
  if (location === null || distance === null || rate === null || sigma === null) return null;
  return {path, location, distance_m: distance, quantity, unit, rate_per_h: rate, sigma_per_h: sigma};
}

function parseScanPlane(c: Checker, value: JsonValue | undefined, path: string): ScanPlaneDose | null {
  const o = c.object(value, path, "scan_plane_dose (dose per scan at the scan plane)");
  if (!o) return null;
  c.unknownKeys(o, path, ["quantity", "dose", "uncertainty", "distance", "scan_speed"]);
  const quantity = c.quantityName(o, path);
  if (!quantity) return null;
  const unit = QUANTITY_UNIT[quantity];
  const dose = c.dose(o, "dose", path, DOSE_DIMENSION[quantity], unit, `0.05 ${unit}`);
  const sigma = c.uncertainty(o, path, dose, DOSE_DIMENSION[quantity], unit, `0.01 ${unit}`);
  const distance = c.quantity(o, "distance", path, "m", "1.5 m");
  const speed = c.quantity(o, "scan_speed", path, "km/h", "5 km/h");
  c.plausible(o, "dose", path, dose, DOSE_RANGE[unit]);
  c.plausible(o, "distance", path, distance, "distance");
  c.plausible(o, "scan_speed", path, speed, "scan_speed");
  if (dose === null || sigma === null || distance === null || speed === null) return null;
  return {quantity, unit, dose, sigma, distance_m: distance, scan_speed_km_per_h: speed};
}
