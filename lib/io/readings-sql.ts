// The readings format as SQL over all-text columns: for every row, whether it is *certainly clean* — every value
// one that the TypeScript parser (lib/readings/parse.ts) accepts without a word, and fit-ready — and, for clean rows,
// the normalised values in canonical units, computed in the same order of operations as the parser.
//
// SQL never writes a message. A row it cannot certify (any doubt: odd spacing, a unit or quantity spelled some other
// way, a value that would draw a warning, a double quote) is handed back by line number and re-read by the
// TypeScript parser, which says exactly what it always says. So the SQL may be conservative, never lenient: every
// rule below is a sufficient condition for "the parser reports nothing and keeps the reading".
//
// The units a file may use are not listed here: they are probed through the parser itself (probeUnits), so the SQL
// accepts exactly the unit texts and quantities the parser does, with the factors of lib/readings/units.ts.
import {parseReadingsCsv, CALIBRATION_VALID_MONTHS, REQUIRED_COLUMNS, OPTIONAL_COLUMNS} from "../readings/parse.js";
import {QUANTITIES, QUANTITY_UNIT, type Quantity, type Reading} from "../readings/types.js";
import {DECIMAL} from "../readings/values.js";
import {doseFactor, resolveUnit} from "../readings/units.js";
import {DEFAULT_RELATIVE_SIGMA} from "../models/points.js";
import {DEFAULT_SECTOR_WIDTH_DEG} from "../models/groups.js";
import {DISTANCE_BIN_RELATIVE_WIDTH} from "../models/grouped.js";
import {DATE_RANGE, DOSE_RANGE, PLAUSIBLE_RANGES, RATE_RANGE, READING_CHECKS, type RangeName} from "../plausibility.js";
import {sqlNumber, sqlText} from "./duckdb.js";

/** A number exactly as the parser's readNumber accepts it (its own pattern, without surrounding spaces). */
const NUMBER = DECIMAL.source.slice(1, -1);
const numberOf = (field: string) => `CASE WHEN regexp_full_match(${field}, ${sqlText(NUMBER)}) THEN TRY_CAST(${field} AS DOUBLE) END`;
/** The usual ISO 8601 form with seconds, at most millisecond fractions and an offset; other forms go to the parser. */
const INSTANT = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})`;
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
/** Code points JavaScript's String.prototype.trim removes beyond ASCII (ECMAScript WhiteSpace and LineTerminator). */
const UNICODE_SPACES = [0xa0, 0x1680, ...Array.from({length: 11}, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
/**
 * True when a text field is empty or may start or end with a character trim() would remove: anything but printable
 * ASCII at either end counts (a rare id beginning with "é" goes to the parser, which is exact about it).
 */
const edgeSpace = (field: string) => `(ord(${field}) <= 32 OR ord(${field}) >= 127 OR ord(${field}[-1]) <= 32 OR ord(${field}[-1]) >= 127)`;

export interface ProbedUnits {
  /** Unit text → factor to metres. */
  distance: Map<string, number>;
  /** Unit text → factor to seconds. */
  duration: Map<string, number>;
  /**
   * Unit text → factor to the canonical unit of its quantity (per hour for a rate: the dose is then the value times
   * factor × duration_s / 3600, lib/readings/units.ts doseFactor), and the quantities it may carry (default first).
   */
  dose: Map<string, {factor: number; rate: boolean; quantities: Quantity[]}>;
}

const PROBE_HEADER = "device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,quantity";
const PROBE_NOW = new Date("2100-01-01T00:00:00Z");

/**
 * One row through the parser: the reading, or null when the parser says anything about it. Values are chosen so that
 * the canonical ones are plausible (about 1 m, 60 s, and 1 µSv, µGy or µR in an hour: lib/plausibility.ts), so what
 * the probe hears is about the unit itself (not one the parser knows, ambiguous, or too large for the device class).
 */
function probeRow(over: {distance?: string; distance_unit?: string; duration?: string; duration_unit?: string; dose?: string; dose_unit?: string; quantity?: string}): Reading | null {
  const v = {distance: "1", distance_unit: "m", duration: "60", duration_unit: "s", dose: "0.01", dose_unit: "uSv", quantity: "", ...over};
  const quote = (t: string) => `"${t.replaceAll('"', '""')}"`;
  const text = `${PROBE_HEADER}\nP,2020-01-01T00:00:00Z,${v.distance},${quote(v.distance_unit)},${v.duration},${quote(v.duration_unit)},${v.dose},${quote(v.dose_unit)},${quote(v.quantity)}\n`;
  const parsed = parseReadingsCsv(text, "probe.csv", {now: PROBE_NOW});
  return parsed.problems.length > 0 ? null : (parsed.readings[0] ?? null);
}

/**
 * The unit texts found in a file: those the parser accepts silently (tried on a one-row file) become the SQL's unit
 * tables, with the factors the parser multiplies by (lib/readings/units.ts resolveUnit); the probe checks that the
 * parser's canonical value is the value times that factor.
 */
export function probeUnits(found: {distance: Iterable<string>; duration: Iterable<string>; dose: Iterable<string>}): ProbedUnits {
  const out: ProbedUnits = {distance: new Map(), duration: new Map(), dose: new Map()};
  for (const u of new Set(found.distance)) {
    const k = resolveUnit("distance_unit", u);
    if (!k.ok) continue;
    const value = 1 / k.value.factor;
    if (probeRow({distance: String(value), distance_unit: u})?.distance_m === value * k.value.factor) out.distance.set(u, k.value.factor);
  }
  for (const u of new Set(found.duration)) {
    const k = resolveUnit("duration_unit", u);
    if (!k.ok) continue;
    const value = 60 / k.value.factor;
    if (probeRow({duration: String(value), duration_unit: u})?.duration_s === value * k.value.factor) out.duration.set(u, k.value.factor);
  }
  for (const u of new Set(found.dose)) {
    const k = resolveUnit("dose_unit", u);
    if (!k.ok) continue;
    // 1 (µSv, µGy or µR) over an hour, as a dose or as a rate: the parser's dose must be value × doseFactor.
    const value = 1 / k.value.factor;
    const at = (quantity: string) => probeRow({dose: String(value), dose_unit: u, duration: "3600", quantity});
    const byDefault = at("");
    if (byDefault === null || byDefault.gross !== value * doseFactor(k.value, 3600)) continue;
    const quantities = QUANTITIES.filter((q) => q !== byDefault.quantity && at(q) !== null);
    out.dose.set(u, {factor: k.value.factor, rate: k.value.rate, quantities: [byDefault.quantity, ...quantities]});
  }
  return out;
}

/** The columns the format defines that the SQL reads; any other column is carried by the parser only. */
const READ = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
type Column = (typeof READ)[number];

export interface ValidationInput {
  /** A relation with one VARCHAR column per header column, c0, c1, …, rows in file order. */
  source: string;
  /** Header names as the parser reads them (trimmed), in file order. */
  header: string[];
  now: Date;
  units: ProbedUnits;
  /** True when the file holds a double quote anywhere: fields are then checked for quotes and line ends. */
  quoted: boolean;
  /**
   * Also the columns of an archive (lib/io/archive.ts): the source then has a `line` column, passed through, and the
   * output adds the reading in the format's canonical units with its text fields.
   */
  archive?: boolean;
}

const caseOf = (field: string, cases: [string, string][], otherwise = "NULL") =>
  cases.length === 0 ? otherwise : `CASE ${field} ${cases.map(([when, then]) => `WHEN ${sqlText(when)} THEN ${then}`).join(" ")} ELSE ${otherwise} END`;

/** A quantity's name as a small integer, its index in QUANTITIES (the tables store the integer). */
export function quantityCodeSql(name: string): string {
  return `CAST(CASE ${name} ${QUANTITIES.map((q, i) => `WHEN ${sqlText(q)} THEN ${i}`).join(" ")} END AS UTINYINT)`;
}

/**
 * A value within its plausible range (lib/plausibility.ts outsideRange: min ≤ v ≤ max, so NaN is outside), or NULL;
 * dose and rate ranges by the row's canonical unit. The plausible range lies inside the physical one.
 */
function plausibleSql(value: string, range: (typeof READING_CHECKS)[number]["range"], unit: string): string {
  const within = (name: RangeName) => {
    const r = PLAUSIBLE_RANGES[name].plausible;
    return `(${value} >= ${sqlNumber(r.min)} AND ${value} <= ${sqlNumber(r.max)})`;
  };
  if (range === "distance" || range === "duration") return `(${value} IS NULL OR ${within(range)})`;
  const names = range === "dose" ? DOSE_RANGE : RATE_RANGE;
  return `(${value} IS NULL OR CASE ${unit} ${Object.entries(names).map(([u, name]) => `WHEN ${sqlText(u)} THEN ${within(name)}`).join(" ")} ELSE false END)`;
}

/** The columns of the per-file table the validation query fills; a row's line is its rowid + 2 (header on line 1). */
export const FILE_TABLE_COLUMNS = [
  "clean", "multiline", "id_hash", "device_id", "quantity", "angle_deg", "distance_m", "net", "duration_s", "sigma", "mdl", "censored", "ms",
  "instrument", "instrument_type", "calibration_uncertainty", "energy_response_uncertainty"
] as const;

/**
 * SQL for one file, one row out per row in: `clean`, `multiline` (a field holding a line end, which makes line numbers
 * unknowable from row positions), `id_hash` (hash of the reading id as the parser trims it; NULL when the id is to be
 * derived from the line) and, for clean rows, the normalised reading in canonical units: quantity (index into
 * QUANTITIES), angle (degrees in [0, 360)), distance (m), net dose and its fit σ (the quantity's canonical unit),
 * duration (s), MDL, censored, the instant in ms, and the instrument (instrument_id; never the badge's dosimeter_id, restricted) with its stated
 * type and relative uncertainties. Rows come out in file order, so a table made from it holds row k
 * at rowid k.
 */
export function validationSql(input: ValidationInput): string {
  const {header, units} = input;
  const position = new Map<string, number>();
  header.forEach((name, k) => position.set(name, k));
  const has = (name: Column) => position.has(name);
  const f = (name: Column) => (has(name) ? `coalesce(c${position.get(name)}, '')` : "''");
  const allFields = header.map((_, k) => `coalesce(c${k}, '')`);
  const jsSpace = `[\\t\\n\\x{0B}\\f\\r ${UNICODE_SPACES.map((c) => `\\x{${c.toString(16)}}`).join("")}]`;

  const m = "f_measured_at";
  const doseUnits = [...units.dose];
  // The canonical unit of the row's quantity (µSv, µGy, µR), which picks its dose and rate ranges.
  const quantityName = `CASE WHEN f_quantity = '' THEN ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, sqlText(d.quantities[0]!)]))} ELSE f_quantity END`;
  const quantityUnit = `CASE ${quantityName} ${QUANTITIES.map((q) => `WHEN ${sqlText(q)} THEN ${sqlText(QUANTITY_UNIT[q])}`).join(" ")} END`;
  const checks = [
    ...(input.quoted ? ["NOT has_quote"] : []),
    `f_device_id <> '' AND NOT ${edgeSpace("f_device_id")}`,
    ...(has("reading_id") ? [`(f_reading_id = '' OR NOT ${edgeSpace("f_reading_id")})`] : []),
    ...(["dosimeter_id", "instrument_id"] as const).filter(has).map((c) => `(f_${c} = '' OR NOT ${edgeSpace(`f_${c}`)})`),
    `regexp_full_match(${m}, ${sqlText(INSTANT)}) AND instant IS NOT NULL AND substr(${m}, 12, 2) <> '24'`,
    `(right(${m}, 1) = 'Z' OR (substr(${m}, length(${m}) - 4, 2) <= '18' AND right(${m}, 2) <= '59' AND (substr(${m}, length(${m}) - 4, 2) <> '18' OR right(${m}, 2) = '00')))`,
    `epoch_ms(instant) <= ${input.now.getTime()}`,
    "isfinite(v_distance) AND v_distance > 0 AND isfinite(distance_m)",
    "isfinite(v_duration) AND v_duration > 0 AND isfinite(duration_s)",
    "isfinite(v_dose) AND v_dose >= 0 AND isfinite(gross)",
    `(f_quantity = '' OR ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, `f_quantity IN (${d.quantities.map(sqlText).join(", ")})`]), "false")})`,
    "(f_angle_deg = '' OR (isfinite(v_angle_deg) AND v_angle_deg >= 0 AND v_angle_deg <= 360))",
    "(f_uncertainty = '' OR ((isfinite(v_uncertainty) AND v_uncertainty >= 0 OR isfinite(v_uncertainty_pct) AND v_uncertainty_pct >= 0) AND isfinite(uncertainty)))",
    "(f_background = '' OR (isfinite(v_background) AND v_background >= 0 AND isfinite(background)))",
    "(f_mdl = '' OR (isfinite(v_mdl) AND v_mdl >= 0 AND isfinite(mdl)))",
    ...(has("instrument_type") ? ["f_instrument_type IN ('', 'integrating')"] : []),
    // Elapsed time needs the deployment's beam-on fraction: such rows go to the parser and to readingsToPoints.
    ...(has("duration_basis") ? ["f_duration_basis IN ('', 'beam-on')"] : []),
    ...(["calibration_uncertainty", "energy_response_uncertainty"] as const).filter(has).map((c) =>
      `(f_${c} = '' OR (NOT ${edgeSpace(`f_${c}`)} AND isfinite(r_${c}) AND r_${c} >= 0 AND r_${c} < 1))`),
    ...(has("instrument_calibrated_on") ? [`(f_instrument_calibrated_on = '' OR (regexp_full_match(f_instrument_calibrated_on, ${sqlText(DATE)})
      AND TRY_CAST(left(${m}, 10) AS DATE) BETWEEN TRY_CAST(f_instrument_calibrated_on AS DATE)
        AND CAST(TRY_CAST(f_instrument_calibrated_on AS DATE) + INTERVAL ${CALIBRATION_VALID_MONTHS} MONTH AS DATE)))`] : []),
    // The physical and plausible ranges of lib/plausibility.ts (READING_CHECKS, and the dates): a row inside every
    // plausible range has nothing to say; any other goes to the parser, which words the error or the warning.
    `left(${m}, 10) >= ${sqlText(DATE_RANGE.plausibleMin)}`,
    ...(has("instrument_calibrated_on") ? [`(f_instrument_calibrated_on = '' OR left(f_instrument_calibrated_on, 10) >= ${sqlText(DATE_RANGE.plausibleMin)})`] : []),
    ...READING_CHECKS.map((c) => plausibleSql(c.value === "rate_per_h" ? "((gross / duration_s) * 3600)" : c.value, c.range, quantityUnit)),
    // The parser warns when a background exceeds the reading by more than its uncertainty.
    "NOT (NOT censored AND background IS NOT NULL AND background - gross > coalesce(uncertainty, 0))",
    // readingsToPoints refuses a reading with no usable uncertainty.
    "sigma > 0"
  ];

  const archive = input.archive ? `,
  line, nullif(f_reading_id, '') AS reading_id, nullif(f_dosimeter_id, '') AS dosimeter_id, f_measured_at AS measured_at,
  gross, background, uncertainty, CASE WHEN f_quantity = '' THEN ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, sqlText(d.quantities[0]!)]))} ELSE f_quantity END AS quantity_name,
  nullif(f_instrument_id, '') AS instrument_id, nullif(f_instrument_calibrated_on, '') AS instrument_calibrated_on, nullif(f_notes, '') AS notes,
  'beam-on' AS duration_basis` : "";

  return `
WITH fields AS (
  SELECT ${input.archive ? "line, " : ""}${READ.map((name) => `${f(name)} AS f_${name}`).join(", ")},
    ${input.quoted ? `(${allFields.map((x) => `contains(${x}, '"')`).join(" OR ")}) AS has_quote,
    (${allFields.map((x) => `contains(${x}, chr(10)) OR contains(${x}, chr(13))`).join(" OR ")}) AS multiline` : "false AS multiline"}
  FROM (${input.source})
), parsed AS (
  SELECT *,
    ${(["distance", "duration", "dose", "background", "mdl", "angle_deg", "uncertainty"] as const).map((n) => `${numberOf(`f_${n}`)} AS v_${n}`).join(",\n    ")},
    CASE WHEN right(f_uncertainty, 1) = '%' THEN ${numberOf("substr(f_uncertainty, 1, length(f_uncertainty) - 1)")} END AS v_uncertainty_pct,
    ${(["calibration_uncertainty", "energy_response_uncertainty"] as const).map((c) => `CASE WHEN f_${c} = '' THEN NULL WHEN right(f_${c}, 1) = '%'
      THEN ${numberOf(`substr(f_${c}, 1, length(f_${c}) - 1)`)} / 100 ELSE ${numberOf(`f_${c}`)} END AS r_${c}`).join(",\n    ")},
    ${caseOf("f_distance_unit", [...units.distance].map(([u, k]) => [u, sqlNumber(k)]))} AS k_distance,
    ${caseOf("f_duration_unit", [...units.duration].map(([u, k]) => [u, sqlNumber(k)]))} AS k_duration,
    ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, sqlNumber(d.factor)]))} AS k_dose_unit,
    ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, d.rate ? "true" : "false"]))} AS dose_rate,
    TRY_CAST(${m} AS TIMESTAMPTZ) AS instant
  FROM fields
), timed AS (
  SELECT *,
    v_distance * k_distance AS distance_m,
    v_duration * k_duration AS duration_s
  FROM parsed
), converted AS (
  SELECT *,
    -- lib/readings/units.ts doseFactor: a rate is the mean over the duration, the dose the rate times the duration.
    v_dose * k_dose AS gross,
    CASE WHEN f_uncertainty = '' THEN NULL WHEN v_uncertainty_pct IS NOT NULL THEN ((v_uncertainty_pct / 100) * v_dose) * k_dose ELSE v_uncertainty * k_dose END AS uncertainty,
    v_background * k_dose AS background,
    v_mdl * k_dose AS mdl
  FROM (SELECT *, CASE WHEN dose_rate THEN (k_dose_unit * duration_s) / 3600 ELSE k_dose_unit END AS k_dose FROM timed)
), judged AS (
  SELECT *,
    mdl IS NOT NULL AND gross < mdl AS censored,
    CASE WHEN NOT (coalesce(uncertainty, ${sqlNumber(DEFAULT_RELATIVE_SIGMA)} * abs(gross)) > 0) AND mdl > 0 THEN mdl
      ELSE coalesce(uncertainty, ${sqlNumber(DEFAULT_RELATIVE_SIGMA)} * abs(gross)) END AS sigma
  FROM converted
)
SELECT
  coalesce(${checks.join("\n    AND ")}, false) AS clean,
  multiline,
  ${has("reading_id") ? `CASE WHEN f_reading_id = '' THEN NULL WHEN ${edgeSpace("f_reading_id")}
    THEN hash(nullif(regexp_replace(f_reading_id, ${sqlText(`^${jsSpace}+|${jsSpace}+$`)}, '', 'g'), '')) ELSE hash(f_reading_id) END` : "CAST(NULL AS UBIGINT)"} AS id_hash,
  f_device_id AS device_id,
  ${quantityCodeSql(`CASE WHEN f_quantity = '' THEN ${caseOf("f_dose_unit", doseUnits.map(([u, d]) => [u, sqlText(d.quantities[0]!)]))} ELSE f_quantity END`)} AS quantity,
  CASE WHEN f_angle_deg = '' THEN NULL ELSE v_angle_deg % 360 END AS angle_deg,
  distance_m, gross - coalesce(background, 0) AS net, duration_s, sigma, mdl, censored, epoch_ms(instant) AS ms,
  nullif(f_instrument_id, '') AS instrument, nullif(f_instrument_type, '') AS instrument_type,
  r_calibration_uncertainty AS calibration_uncertainty, r_energy_response_uncertainty AS energy_response_uncertainty${archive}
FROM judged`;
}

/** The 45° sector centre of an angle column, as lib/models/groups.ts sectorCentre computes it. */
export function sectorSql(angle: string): string {
  const count = 360 / DEFAULT_SECTOR_WIDTH_DEG;
  return `CASE WHEN ${angle} IS NULL THEN NULL ELSE ((CAST(floor(${angle} / ${DEFAULT_SECTOR_WIDTH_DEG} + 0.5) AS BIGINT) % ${count} + ${count}) % ${count}) * ${DEFAULT_SECTOR_WIDTH_DEG} END`;
}

/** The net rate (the quantity's canonical unit per hour) and its σ, as lib/models/points.ts computes them. */
export const RATE = "(net * (3600 / duration_s))";
export const RATE_SIGMA = "(sigma * (3600 / duration_s))";

/**
 * The grouping query (docs/scaling.md): over normalised readings (columns device_id, angle_deg, quantity, distance_m,
 * net, sigma, duration_s, censored, instrument, instrument_type, calibration_uncertainty, energy_response_uncertainty),
 * one row per device, 45° sector, quantity, distance bin and instrument with the sums a fit needs (lib/models/grouped.ts)
 * and the instrument's stated type and largest stated uncertainties (its type B, lib/models/instruments.ts). It is the
 * only per-reading work a fit needs; the same SQL runs on Spark SQL or Trino.
 */
export function groupingSql(readings: string): string {
  const w = `(1 / (${RATE_SIGMA} * ${RATE_SIGMA}))`;
  return `SELECT device_id, ${sectorSql("angle_deg")} AS sector_deg, quantity,
    CAST(floor(ln(distance_m) / ${sqlNumber(Math.log1p(DISTANCE_BIN_RELATIVE_WIDTH))} + 0.5) AS BIGINT) AS bin,
    instrument AS instrument_id,
    count(*) FILTER (WHERE NOT censored) AS n,
    coalesce(sum(${w}) FILTER (WHERE NOT censored), 0) AS sum_w,
    coalesce(sum(${w} * ${RATE}) FILTER (WHERE NOT censored), 0) AS sum_wy,
    coalesce(sum(${w} * ${RATE} * ${RATE}) FILTER (WHERE NOT censored), 0) AS sum_wyy,
    coalesce(sum(${w} * distance_m) FILTER (WHERE NOT censored), 0) AS sum_wr,
    min(distance_m) FILTER (WHERE NOT censored) AS min_r, max(distance_m) FILTER (WHERE NOT censored) AS max_r,
    min(${RATE}) FILTER (WHERE NOT censored) AS min_y, max(${RATE}) FILTER (WHERE NOT censored) AS max_y,
    count(*) FILTER (WHERE censored) AS censored,
    min(instrument_type) FILTER (WHERE NOT censored) AS instrument_type,
    max(calibration_uncertainty) FILTER (WHERE NOT censored) AS calibration_uncertainty,
    max(energy_response_uncertainty) FILTER (WHERE NOT censored) AS energy_response_uncertainty
  FROM (${readings}) r
  GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * The readings of an archive (xray-dose pack: canonical units, docs/data-formats.md) as the grouping query reads them:
 * net dose, the fit's σ (stated, else 20 % of the gross dose, else the detection limit), censored below the detection
 * limit. Readings with no usable σ are left out, and so are readings whose duration is elapsed time (their beam-on
 * time needs the deployment log; xray-dose fit on the readings reports both as errors).
 */
export function archiveReadingsSql(table: string): string {
  const sigma = `coalesce(uncertainty, ${sqlNumber(DEFAULT_RELATIVE_SIGMA)} * abs(dose))`;
  return `SELECT device_id, CAST(angle_deg AS DOUBLE) AS angle_deg, quantity, distance AS distance_m, dose - coalesce(background, 0) AS net,
    CASE WHEN NOT (${sigma} > 0) AND mdl > 0 THEN mdl ELSE ${sigma} END AS sigma, duration AS duration_s,
    mdl IS NOT NULL AND dose < mdl AS censored, instrument_id AS instrument, instrument_type,
    calibration_uncertainty, energy_response_uncertainty
  FROM ${table} WHERE coalesce(duration_basis, 'beam-on') = 'beam-on'`;
}

/**
 * The grouping query over an archive, in SQL that DuckDB, Spark SQL and Trino all run (docs/scaling.md quotes it;
 * test/io/archive.test.ts runs it and fits its output).
 */
export function archiveGroupingSql(table: string): string {
  return groupingSql(`SELECT * FROM (${archiveReadingsSql(table)}) a WHERE sigma > 0`);
}
