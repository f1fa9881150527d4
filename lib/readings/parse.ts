// Reading and validating a field-readings CSV file (format: docs/data-formats.md, "Field readings"). Every problem
// in the file is reported with its line and column; a file with any error is refused by callers, warnings travel
// with the data. Never throws on any input: a user's mistake is a Problem, not an exception.
import type {Problem} from "../io/problems.js";
import {fieldLine, headerNames, parseCsv, type CsvRow} from "./csv.js";
import {DURATION_BASES, QUANTITIES, QUANTITY_UNIT, type DurationBasis, type InstrumentType, type Quantity, type Reading} from "./types.js";
import {doseFactor, resolveUnit, type ResolvedUnit, type UnitColumn} from "./units.js";
import {absurdUnitProblem, dateProblem, DOSE_RANGE, rangeProblem, RATE_RANGE, type RangeName} from "../plausibility.js";
import {addCalendarMonths, compareDates, formatDate, readDate, readInstant, readNumber, type CalendarDate} from "./values.js";

export interface ParseReadingsOptions {
  /** The current time (lib/io/clock.ts): a reading dated after it is an error. Never read from the clock here. */
  now: Date;
}

/** The end of a warning given once per file, not per row (a streaming reader dedupes it across its batches). */
export const ONCE_PER_FILE = " (said once for this file)";

export interface ParsedReadings {
  readings: Reading[];
  problems: Problem[];
}

export const REQUIRED_COLUMNS = ["device_id", "measured_at", "distance", "distance_unit", "duration", "duration_unit", "dose", "dose_unit"] as const;
export const OPTIONAL_COLUMNS = [
  "reading_id", "dosimeter_id", "angle_deg", "quantity", "uncertainty", "background", "mdl", "instrument_type",
  "instrument_id", "instrument_calibrated_on", "notes", "duration_basis", "calibration_uncertainty", "energy_response_uncertainty"
] as const;
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** Months after its calibration date that an instrument's calibration is taken as current (see docs). */
export const CALIBRATION_VALID_MONTHS = 12;

/** The quantities a dose unit can carry, the first being the default when the `quantity` column is empty. */
const QUANTITIES_OF: Record<string, readonly Quantity[]> = {
  "dose-equivalent": ["H*(10)", "Hp(10)", "effective"],
  "absorbed-dose": ["air-kerma"],
  exposure: ["exposure"]
};
const UNIT_WORD: Record<string, string> = {"dose-equivalent": "Sv or rem", "absorbed-dose": "Gy or rad", exposure: "R"};

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function parseReadingsCsv(text: string, file: string, options: ParseReadingsOptions): ParsedReadings {
  const now_ms = options.now.getTime();
  const problems: Problem[] = [];
  const report = (severity: Problem["severity"], line: number, column: string | undefined, message: string, code?: string) =>
    problems.push({severity, file, line, ...(column !== undefined ? {column} : {}), message, ...(code !== undefined ? {code} : {})});

  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    report("error", line, undefined, "the file contains NUL bytes, so it is not a text file; export the readings as a UTF-8 CSV file");
    return {readings: [], problems};
  }

  const csv = parseCsv(text);
  for (const e of csv.errors) report("error", e.line, undefined, e.message);
  const [headerRow, ...dataRows] = csv.rows;
  if (!headerRow) {
    if (csv.errors.length === 0) {
      report("error", 1, undefined, `the file is empty; it needs a header line (${REQUIRED_COLUMNS.join(",")}) and one line per reading`);
    }
    return {readings: [], problems};
  }

  // The header: which column is which.
  const header = headerNames(headerRow.fields);
  const index = new Map<string, number>();
  header.forEach((name, k) => {
    if (name === "") report("error", headerRow.line, undefined, `column ${k + 1} of the header has no name; name it or remove the column`);
    else if (index.has(name)) report("error", headerRow.line, name, `the header names this column twice (columns ${index.get(name)! + 1} and ${k + 1}); keep one`);
    else index.set(name, k);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!index.has(name)) {
      const near = header.find((h) => h.toLowerCase() === name || h.toLowerCase().replace(/[\s-]+/g, "_") === name);
      const hint = near ? ` (the header has "${near}": names are lower case with underscores)` : "";
      report("error", headerRow.line, name, `the required column "${name}" is missing${hint}; add it to the header line`);
    }
  }
  if (dataRows.length === 0 && csv.errors.length === 0) {
    report("error", headerRow.line, undefined, "the file has a header but no readings; add one line per reading below the header");
  }
  if (REQUIRED_COLUMNS.some((name) => !index.has(name))) return {readings: [], problems};
  const extraColumns = header.map((name, k) => ({name, k})).filter(({name, k}) => name !== "" && !KNOWN.has(name) && index.get(name) === k);

  const readings: Reading[] = [];
  const firstLineOfId = new Map<string, number>();
  const base = baseName(file);

  // Per-row state and helpers, created once: closures made per row would cost millions of allocations.
  let row: CsvRow = headerRow;
  let rowOk = true;
  const columnLine = (name: string): number => {
    const k = index.get(name);
    return k === undefined ? row.line : fieldLine(row, k);
  };
  /** The cell of a column as written, or null when the file has no such column. */
  const cell = (name: string): string | null => {
    const k = index.get(name);
    return k === undefined ? null : row.fields[k]!;
  };
  const fail = (column: string, message: string) => {
    report("error", columnLine(column), column, message);
    rowOk = false;
  };
  const warn = (code: string, column: string, message: string) => report("warning", columnLine(column), column, message, code);
  const trimmed = (name: string): string | null => {
    const t = cell(name)?.trim() ?? "";
    return t === "" ? null : t;
  };
  const number = (name: string, rule: (v: number) => string | null): number | null => {
    const raw = cell(name);
    if (raw === null || raw.trim() === "") return null;
    const r = readNumber(raw);
    if (!r.ok) return fail(name, r.message), null;
    const wrong = rule(r.value);
    if (wrong) return fail(name, `${raw.trim()} ${wrong}`), null;
    return r.value;
  };
  const required = (name: string, message: string): boolean => {
    if (cell(name)!.trim() !== "") return true;
    fail(name, `is empty; ${message}`);
    return false;
  };
  const unit = (name: UnitColumn): ResolvedUnit | null => {
    const r = resolveUnit(name, cell(name)!);
    if (!r.ok) return fail(name, r.message), null;
    return r.value;
  };
  /** A relative standard uncertainty: "4%" or a fraction such as 0.04; below 100 %. */
  const relativeUncertainty = (name: string): number | null => {
    const text = trimmed(name);
    if (text === null) return null;
    const percent = text.endsWith("%");
    const r = readNumber(percent ? text.slice(0, -1) : text);
    if (!r.ok) return fail(name, `"${text}" is not a relative uncertainty; write a percentage such as 5% or a fraction such as 0.05`), null;
    const value = percent ? r.value / 100 : r.value;
    if (!(value >= 0 && value < 1)) return fail(name, `${text} must be a relative standard uncertainty (k = 1) from 0 to below 100 %`), null;
    return value;
  };
  /** A canonical value against its range in lib/plausibility.ts: an error outside the physical range, else a warning. */
  const plausible = (column: string, value: number | null, range: RangeName, written: () => string) => {
    const p = value === null ? null : rangeProblem(value, range, written());
    if (p?.severity === "error") fail(column, p.message);
    else if (p) warn("implausible", column, p.message);
  };
  const written = (column: string, unitColumn: string) => `${cell(column)!.trim()} ${cell(unitColumn)!.trim()}`;
  const dated = (column: string, isoDate: string) => {
    const p = dateProblem(isoDate);
    if (p?.severity === "error") fail(column, p.message);
    else if (p) warn("implausible", column, p.message);
  };
  /** Dose units too large for a field reading (Sv, Gy, rem, R, MSv) are warned about once per file and unit. */
  const absurdUnitsWarned = new Set<string>();
  const positive = (v: number) => (v > 0 ? null : "must be greater than zero");
  const nonNegative = (v: number) => (v >= 0 ? null : "must not be negative");

  for (row of dataRows) {
    if (row.fields.length !== header.length) {
      report("error", row.line, undefined, `this line has ${row.fields.length} fields but the header has ${header.length}; every line needs one value per column (leave optional values empty, and quote values that contain commas)`);
      continue;
    }
    rowOk = true;

    // Identity.
    const device_id = trimmed("device_id");
    if (device_id === null) required("device_id", "write the id of the X-ray device the reading is about");
    const reading_id = trimmed("reading_id") ?? `${base}:${row.line}`;
    const earlier = firstLineOfId.get(reading_id);
    if (earlier !== undefined) fail("reading_id", `"${reading_id}" is also the id of the reading on line ${earlier}; give every reading its own id`);
    else firstLineOfId.set(reading_id, row.line);

    // When.
    let measured: {ms: number; localDate: CalendarDate} | null = null;
    const measured_at = cell("measured_at")!.trim();
    if (required("measured_at", "write the date-time of the reading with its UTC offset, such as 2026-03-14T09:30:00Z")) {
      const r = readInstant(measured_at);
      if (!r.ok) fail("measured_at", r.message);
      else if (r.value.ms > now_ms) fail("measured_at", `"${measured_at}" is in the future; check the date and the UTC offset`);
      else {
        measured = r.value;
        dated("measured_at", measured_at);
      }
    }

    // Where and for how long.
    const distanceUnit = unit("distance_unit");
    const distance = required("distance", "write the distance from the device's reference point") ? number("distance", positive) : null;
    const angle = number("angle_deg", (v) => (v >= 0 && v <= 360 ? null : "is not a direction in degrees; write an angle from 0 to 360"));
    const durationUnit = unit("duration_unit");
    const duration = required("duration", "write the integration time of the reading") ? number("duration", positive) : null;

    // What was measured.
    // A dose rate unit (µSv/h) makes `dose` the mean rate over the duration: the dose is rate × duration.
    const doseUnit = unit("dose_unit");
    const gross = required("dose", "write the gross integrated reading, or the mean rate over the duration with a rate unit (0 when the dosimeter read nothing)") ? number("dose", nonNegative) : null;
    let quantity: Quantity | null = null;
    if (doseUnit) {
      const allowed = QUANTITIES_OF[doseUnit.dimension]!;
      const given = trimmed("quantity");
      if (given === null) quantity = allowed[0]!;
      else {
        const match = QUANTITIES.find((q) => q.toLowerCase() === given.toLowerCase());
        if (!match) fail("quantity", `"${given}" is not a quantity this product knows; write one of ${QUANTITIES.join(", ")} (or leave it empty to take it from the unit)`);
        else if (!allowed.includes(match)) {
          fail("quantity", `${match} is not measured in ${cell("dose_unit")!.trim()} (${UNIT_WORD[doseUnit.dimension]}); write ${allowed.join(" or ")}, or correct dose_unit`);
        } else quantity = match;
      }
    }
    // Without a usable duration a rate cannot become a dose; the row is refused below anyway.
    const factor = doseUnit ? doseFactor(doseUnit, duration !== null && durationUnit !== null ? duration * durationUnit.factor : 0) : 1;
    let uncertainty: number | null = null;
    const uncertaintyText = trimmed("uncertainty");
    if (uncertaintyText !== null && uncertaintyText.endsWith("%")) {
      const r = readNumber(uncertaintyText.slice(0, -1));
      if (!r.ok) fail("uncertainty", `"${uncertaintyText}" is not a percentage; write a number followed by %, such as 8%`);
      else if (r.value < 0) fail("uncertainty", `${uncertaintyText} must not be negative`);
      else if (gross !== null) uncertainty = (r.value / 100) * gross * factor;
    } else {
      const u = number("uncertainty", nonNegative);
      uncertainty = u === null ? null : u * factor;
    }
    const backgroundRaw = number("background", nonNegative);
    const mdlRaw = number("mdl", nonNegative);

    // Instrument.
    let instrument_type: InstrumentType | null = null;
    const typeText = trimmed("instrument_type");
    if (typeText !== null) {
      const t = typeText.toLowerCase();
      if (t === "integrating" || t === "rate-meter") instrument_type = t;
      else fail("instrument_type", `"${typeText}" is not an instrument type; write integrating (TLD, OSL, electronic dosimeter) or rate-meter`);
    }
    if (instrument_type === "rate-meter") {
      warn("rate-meter", "instrument_type", "a rate meter can misread the short, intense exposure of a swept beam; confirm this reading with an integrating dosimeter (TLD, OSL or electronic) before relying on it");
    }
    let calibrated: CalendarDate | null = null;
    const calibratedText = trimmed("instrument_calibrated_on");
    if (calibratedText !== null) {
      const r = readDate(calibratedText);
      if (!r.ok) fail("instrument_calibrated_on", r.message);
      else {
        calibrated = r.value;
        dated("instrument_calibrated_on", calibratedText);
      }
    }
    if (calibrated && measured) {
      const until = addCalendarMonths(calibrated, CALIBRATION_VALID_MONTHS);
      if (compareDates(measured.localDate, until) > 0) {
        warn("instrument-calibration-lapsed", "instrument_calibrated_on", `the instrument was calibrated on ${formatDate(calibrated)}, more than ${CALIBRATION_VALID_MONTHS} months before this reading (${formatDate(measured.localDate)}); its calibration had lapsed, so recalibrate it or record why the reading still holds`);
      } else if (compareDates(measured.localDate, calibrated) < 0) {
        warn("instrument-calibrated-after", "instrument_calibrated_on", `the instrument was calibrated on ${formatDate(calibrated)}, after this reading (${formatDate(measured.localDate)}); record the calibration that was current when the reading was taken`);
      }
    }

    const basisText = trimmed("duration_basis");
    let duration_basis: DurationBasis = "beam-on";
    if (basisText !== null) {
      const b = DURATION_BASES.find((d) => d === basisText.toLowerCase());
      if (b) duration_basis = b;
      else fail("duration_basis", `"${basisText}" is not a duration basis; write beam-on (the duration is the time the beam was on) or elapsed (the wall-clock time, converted with the deployment's beam-on fraction)`);
    }
    const calibration_uncertainty = relativeUncertainty("calibration_uncertainty");
    const energy_response_uncertainty = relativeUncertainty("energy_response_uncertainty");

    if (!rowOk || device_id === null || measured === null || distance === null || distanceUnit === null || duration === null
      || durationUnit === null || gross === null || doseUnit === null || quantity === null) continue;

    const distance_m = distance * distanceUnit.factor;
    const duration_s = duration * durationUnit.factor;
    const gross_c = gross * factor;
    const background = backgroundRaw === null ? null : backgroundRaw * factor;
    const mdl = mdlRaw === null ? null : mdlRaw * factor;
    // A finite number in a large unit can still overflow once converted (1e308 km).
    const converted: [string, number | null][] = [["distance", distance_m], ["duration", duration_s], ["dose", gross_c], ["uncertainty", uncertainty], ["background", background], ["mdl", mdl]];
    for (const [column, value] of converted) {
      if (value !== null && !Number.isFinite(value)) fail(column, `${cell(column)!.trim()} is too large once converted to canonical units; check the value and its unit`);
    }
    if (!rowOk) continue;
    // Physical and plausible ranges (lib/plausibility.ts): a value no instrument of this device class can read is an
    // error, one that is only unusual a warning. READING_CHECKS there lists the same checks for a database fast path.
    const doseUnitText = cell("dose_unit")!.trim();
    const doseRange = DOSE_RANGE[QUANTITY_UNIT[quantity]];
    if (!absurdUnitsWarned.has(doseUnitText)) {
      absurdUnitsWarned.add(doseUnitText);
      // One of the unit: a dose in the canonical unit, or for a rate unit (µSv/h) a rate per hour.
      const absurd = absurdUnitProblem(doseUnitText, doseUnit.factor, doseUnit.rate ? RATE_RANGE[QUANTITY_UNIT[quantity]] : doseRange);
      if (absurd) warn("dose-unit-too-large", "dose_unit", `${absurd}${ONCE_PER_FILE}`);
    }
    plausible("distance", distance_m, "distance", () => written("distance", "distance_unit"));
    plausible("duration", duration_s, "duration", () => written("duration", "duration_unit"));
    plausible("dose", gross_c, doseRange, () => written("dose", "dose_unit"));
    plausible("background", background, doseRange, () => written("background", "dose_unit"));
    plausible("mdl", mdl, doseRange, () => written("mdl", "dose_unit"));
    plausible("uncertainty", uncertainty, doseRange, () => (uncertaintyText!.endsWith("%") ? `${uncertaintyText} of ${written("dose", "dose_unit")}` : written("uncertainty", "dose_unit")));
    if (rowOk) plausible("dose", (gross_c / duration_s) * 3600, RATE_RANGE[QUANTITY_UNIT[quantity]], () => `${written("dose", "dose_unit")} in ${written("duration", "duration_unit")}`);
    if (!rowOk) continue;
    const censored = mdl !== null && gross_c < mdl;
    // Below the MDL the gross reading cannot be told from zero, so a background above it says nothing.
    if (!censored && background !== null && background - gross_c > (uncertainty ?? 0)) {
      warn("background-above-gross", "background", `the background (${backgroundRaw}) is larger than the gross reading (${gross}) by more than the reading's uncertainty; check that both are over the same duration and in the same unit, and that the dosimeters were not swapped`);
    }
    const extra: Record<string, string> = {};
    for (const {name, k} of extraColumns) extra[name] = row.fields[k]!;
    readings.push({
      reading_id,
      device_id,
      dosimeter_id: trimmed("dosimeter_id"),
      measured_at,
      measured_at_ms: measured.ms,
      distance_m,
      angle_deg: angle === null ? null : angle % 360,
      duration_s,
      duration_basis,
      quantity,
      unit: QUANTITY_UNIT[quantity],
      gross: gross_c,
      background,
      uncertainty,
      mdl,
      net: gross_c - (background ?? 0),
      censored,
      instrument_type,
      instrument_id: trimmed("instrument_id"),
      instrument_calibrated_on: calibrated ? formatDate(calibrated) : null,
      calibration_uncertainty,
      energy_response_uncertainty,
      notes: cell("notes") || null,
      source: {file, line: row.line},
      extra
    });
  }
  return {readings, problems};
}
