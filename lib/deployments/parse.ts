// Reading and validating the deployment log (CSV). Quantities take their unit from the header (`beam_on_s`,
// `cordon_m`, `scan_speed_km_per_h`; other units of the same kind such as `beam_on_min` or `cordon_ft` work too).
// Problems name file, line and column and say what to write instead; see docs/data-formats.md, "Deployment log".
import type {Problem} from "../io/problems.js";
import {isCalendarDate} from "../certificates/parse.js";
import {convert, parseUnit, UnitError} from "../units/index.js";
import {headerNames, parseCsv} from "../readings/csv.js";
import {readInstant, readNumber} from "../readings/values.js";
import {dateProblem, rangeProblem, type RangeName} from "../plausibility.js";
import type {Deployment} from "./types.js";

const PLAIN_COLUMNS = [
  "deployment_id", "device_id", "start", "end", "event", "location_type", "location", "location_restricted",
  "vehicles_scanned", "operators", "notes"
] as const;
const REQUIRED_PLAIN = ["deployment_id", "device_id", "start", "end", "event", "location_type", "location_restricted", "vehicles_scanned", "operators"];

/** Columns whose unit is written in the header after the prefix. */
const UNIT_COLUMNS = {
  beam_on: {canonical: "s", example: "beam_on_s", alternatives: "beam_on_s, beam_on_min or beam_on_h"},
  scan_speed: {canonical: "km/h", example: "scan_speed_km_per_h", alternatives: "scan_speed_km_per_h, scan_speed_mi_per_h or scan_speed_m_per_s"},
  cordon: {canonical: "m", example: "cordon_m", alternatives: "cordon_m or cordon_ft"}
} as const;
type UnitColumn = keyof typeof UNIT_COLUMNS;


export interface ParsedDeploymentLog {
  deployments: Deployment[];
  problems: Problem[];
}

export function parseDeploymentLog(text: string, file: string): ParsedDeploymentLog {
  const problems: Problem[] = [];
  const error = (line: number, column: string | undefined, message: string) =>
    problems.push({severity: "error", file, line, ...(column !== undefined ? {column} : {}), message});
  const warning = (line: number, column: string | undefined, message: string, code: string) =>
    problems.push({severity: "warning", code, file, line, ...(column !== undefined ? {column} : {}), message});

  // The same RFC 4180 reader as the field readings: physical line numbers, and quoting mistakes reported.
  const {rows, errors} = parseCsv(text);
  for (const e of errors) error(e.line, undefined, e.message);
  const headerRow = rows[0];
  if (!headerRow) {
    error(1, undefined, `the deployment log is empty: it needs a header line (${PLAIN_COLUMNS.slice(0, 4).join(",")},...) and one row per deployment`);
    return {deployments: [], problems};
  }
  const header = headerNames(headerRow.fields);

  // Work out which column is which, and the unit of each unit-bearing column.
  const index = new Map<string, number>();
  const unitOf = new Map<UnitColumn, {index: number; unit: string; name: string}>();
  const extras: {index: number; name: string}[] = [];
  header.forEach((name, k) => {
    if (index.has(name) || [...unitOf.values()].some((u) => u.name === name)) {
      error(headerRow.line, name, `column "${name}" appears twice in the header: remove one`);
      return;
    }
    if ((PLAIN_COLUMNS as readonly string[]).includes(name)) {
      index.set(name, k);
      return;
    }
    const prefix = (Object.keys(UNIT_COLUMNS) as UnitColumn[]).find((p) => name.startsWith(`${p}_`));
    if (prefix) {
      const spec = UNIT_COLUMNS[prefix];
      const unitText = name.slice(prefix.length + 1).replace(/_per_/g, "/");
      if (unitOf.has(prefix)) {
        error(headerRow.line, name, `a second ${prefix} column: keep one of "${unitOf.get(prefix)!.name}" and "${name}"`);
        return;
      }
      try {
        convert(1, parseUnit(unitText).formatUnits(), spec.canonical);
        unitOf.set(prefix, {index: k, unit: unitText, name});
      } catch (e) {
        const why = e instanceof UnitError ? `"${unitText}" is not a unit of the right kind` : String(e);
        error(headerRow.line, name, `unknown unit in column "${name}" (${why}): name the column ${spec.alternatives}`);
      }
      return;
    }
    extras.push({index: k, name});
  });
  for (const name of REQUIRED_PLAIN) {
    if (!index.has(name)) error(headerRow.line, name, `missing column "${name}": add it to the header (see docs/data-formats.md, "Deployment log")`);
  }
  for (const prefix of Object.keys(UNIT_COLUMNS) as UnitColumn[]) {
    const hasBadUnit = header.some((h) => h.startsWith(`${prefix}_`));
    if (!unitOf.has(prefix) && !hasBadUnit) {
      error(headerRow.line, UNIT_COLUMNS[prefix].example, `missing column "${UNIT_COLUMNS[prefix].example}": add it to the header (its unit goes in the name: ${UNIT_COLUMNS[prefix].alternatives})`);
    }
  }
  if (problems.some((p) => p.severity === "error")) return {deployments: [], problems};

  const deployments: Deployment[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    if (row.line <= headerRow.line) continue;
    const line = row.line;
    if (row.fields.length !== header.length) {
      error(line, undefined, `this row has ${row.fields.length} fields but the header has ${header.length}: check for a missing or extra comma, and quote fields that contain commas`);
      continue;
    }
    const before = problems.length;
    const cell = (name: string) => {
      const k = index.get(name);
      return k === undefined ? "" : row.fields[k]!.trim();
    };
    const required = (name: string, what: string) => {
      const value = cell(name);
      if (value === "") error(line, name, `empty ${name}: write ${what}`);
      return value;
    };

    const id = required("deployment_id", "an identifier unique in the log, e.g. DEP-2025-014");
    if (id !== "") {
      const first = firstLineOf.get(id);
      if (first !== undefined) error(line, "deployment_id", `deployment id "${id}" is already used on line ${first}: give each deployment its own id`);
      else firstLineOf.set(id, line);
    }
    const device = required("device_id", "the device serial, e.g. ZBV-0417");
    const event = required("event", "what the deployment was for, e.g. UN General Assembly week");
    const locationType = required("location_type", "the kind of site, e.g. street checkpoint");

    const instant = (name: "start" | "end") => {
      const value = cell(name);
      if (value === "") {
        error(line, name, `empty ${name}: write a date and time with its UTC offset, e.g. 2025-09-22T06:00:00-04:00`);
        return null;
      }
      // The same strict ISO 8601 reader as the field readings (calendar dates, offsets, times of day checked).
      const read = readInstant(value);
      if (!read.ok) {
        error(line, name, `${read.message} (New York is -05:00 in winter, -04:00 in summer)`);
        return null;
      }
      const implausible = dateProblem(value);
      if (implausible?.severity === "error") return error(line, name, implausible.message), null;
      if (implausible) warning(line, name, implausible.message, "implausible");
      return read.value.ms;
    };
    const startMs = instant("start");
    const endMs = instant("end");
    if (startMs !== null && endMs !== null && endMs <= startMs) {
      error(line, "end", `the deployment ends (${cell("end")}) before it starts (${cell("start")}): check the dates, times and offsets`);
    }

    const restrictedText = cell("location_restricted").toLowerCase();
    let restricted = false;
    if (["yes", "true", "1"].includes(restrictedText)) restricted = true;
    else if (!["no", "false", "0"].includes(restrictedText)) {
      error(line, "location_restricted", `"${cell("location_restricted")}" is not yes or no: write yes when the exact location must not be published, no otherwise`);
    }

    const vehiclesText = cell("vehicles_scanned");
    // The strict decimal reader of the field readings: Number() would take "0x10" as 16 and " " as 0.
    const vehiclesRead = readNumber(vehiclesText);
    const vehicles = vehiclesRead.ok ? vehiclesRead.value : Number.NaN;
    if (!Number.isSafeInteger(vehicles) || vehicles < 0) {
      error(line, "vehicles_scanned", `"${vehiclesText}" is not a count: write the number of vehicles or objects scanned as a whole number, 0 or more`);
    }

    const measure = (prefix: UnitColumn, positive: boolean, range: RangeName) => {
      const spec = unitOf.get(prefix)!;
      const text = row.fields[spec.index]!.trim();
      const read = readNumber(text);
      if (!read.ok) {
        error(line, spec.name, `"${text}" is not a number: write a plain number in ${spec.unit} (the unit is in the column name)`);
        return null;
      }
      const value = read.value;
      if (value < 0 || (positive && value === 0)) {
        error(line, spec.name, `${spec.name} must be ${positive ? "greater than zero" : "zero or more"}, got ${text}`);
        return null;
      }
      const canonical = convert(value, spec.unit, UNIT_COLUMNS[prefix].canonical);
      // A beam-on time of zero is a day without scans (warned about below), not a duration out of range.
      const implausible = canonical === 0 && !positive ? null : rangeProblem(canonical, range, `${text} ${spec.unit}`);
      if (implausible?.severity === "error") return error(line, spec.name, implausible.message), null;
      if (implausible) warning(line, spec.name, implausible.message, "implausible");
      return canonical;
    };
    const beamOn = measure("beam_on", false, "duration");
    const speed = measure("scan_speed", true, "scan_speed");
    const cordon = measure("cordon", true, "distance");
    if (beamOn !== null && startMs !== null && endMs !== null && endMs > startMs && beamOn * 1000 > endMs - startMs) {
      error(line, unitOf.get("beam_on")!.name, `beam-on time (${beamOn} s) is longer than the deployment itself (${(endMs - startMs) / 1000} s): check the beam-on time's unit and the start and end`);
    }
    if (beamOn === 0 && vehicles > 0) {
      warning(line, unitOf.get("beam_on")!.name, `${vehicles} vehicles scanned with no beam-on time: check the beam-on time`, "no-beam-on-time");
    }

    const operators = cell("operators").split(";").map((o) => o.trim()).filter((o) => o !== "");
    if (operators.length === 0) error(line, "operators", `no operators: list the badges of the operators on duty separated by semicolons, e.g. OP-117;OP-204`);

    if (problems.slice(before).some((p) => p.severity === "error")) continue;
    const extra: Record<string, string> = {};
    for (const e of extras) extra[e.name] = row.fields[e.index]!;
    deployments.push({
      deployment_id: id,
      device_id: device,
      start: cell("start"),
      start_ms: startMs!,
      end: cell("end"),
      end_ms: endMs!,
      event,
      location_type: locationType,
      location: cell("location") === "" ? null : cell("location"),
      location_restricted: restricted,
      vehicles_scanned: vehicles,
      beam_on_s: beamOn!,
      scan_speed_km_per_h: speed!,
      cordon_m: cordon!,
      operators,
      notes: cell("notes") === "" ? null : cell("notes"),
      source: {file, line},
      extra
    });
  }
  return {deployments, problems};
}
