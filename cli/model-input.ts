// What the model commands (fit, scenario, exclusion, time-to-limit) share: reading the readings or a reference
// figure, resolving the effective energy and μ of air, choosing and fitting a model, and formatting numbers.
import {UsageError} from "./command.js";
import {InputError, hasErrors, formatProblem, type Problem} from "../lib/io/problems.js";
import {clockFromEnv} from "../lib/io/clock.js";
import type {DoseConversion, ReadingsCheck, ReadingsScan} from "../lib/io/scan-readings.js";
import {convertValue} from "../lib/io/group-rows.js";
import {
  MODEL_NAMES, airContext, compareGroupedModels, fitGroups, fitGroupsBySector, isModelName, mergeSectors, referenceModel,
  readingsToPoints, sectorCentre, type FitPoint, type FitResult, type ModelComparison, type ModelContext, type ModelName, type ReadingGroup,
  type Sector
} from "../lib/models/index.js";
import {FLAG_SIGMA} from "../lib/models/fit.js";
import {PhysicsError, convertDose} from "../lib/physics/index.js";
import {fitDeviceGroups, usableModels, MIN_FITTED_READINGS} from "../lib/publish/device-models.js";
import type {BoundInterval, UncertaintyBudget} from "../lib/exposure/index.js";
import {convert, parseQuantity, toCanonical} from "../lib/units/index.js";
import {decimalOption, rangedQuantity} from "./options.js";
import {QUANTITY_UNIT, type Quantity, type Reading} from "../lib/readings/types.js";
import type {Io} from "./command.js";
import {applyReviews, parseReviews, reviewedIds, type Exclusion} from "../lib/reviews/index.js";
import {readFile} from "node:fs/promises";

/**
 * Effective photon energy when none is given: about 60 keV, the mean photon energy of a 125 kVp backscatter van
 * (P. Rez, Arizona State University [Rez-ASU], grade C). It sets μ of air and
 * the conversion of air-kerma and exposure readings to H*(10); every answer states it and whether it was given.
 */
export const DEFAULT_EFFECTIVE_ENERGY_keV = 60;

const MAX_WARNINGS = 10;

export const MODEL_SOURCE_OPTIONS = {
  readings: {type: "string", multiple: true},
  reviews: {type: "string"},
  reference: {type: "string"},
  model: {type: "string"},
  device: {type: "string"},
  "effective-energy": {type: "string"},
  angle: {type: "string"},
  sector: {type: "string"},
  interval: {type: "string"},
  json: {type: "boolean"}
} as const;

/** --interval: "prediction" (default: one occasion, the question these commands ask) or "confidence" (many occasions). */
export function intervalOption(values: {interval?: string}): BoundInterval {
  const v = values.interval ?? "prediction";
  if (v !== "prediction" && v !== "confidence") throw new UsageError(`--interval "${v}" must be prediction (one occasion) or confidence (the average over many occasions)`);
  return v;
}

/**
 * Exit codes of the model commands: 0 an answer (including "the limit is met at every distance" and "never
 * reached"); 1 bad input files; 2 a bad command line, or a distance the model cannot answer for (inside the offset
 * model's pole); 3 no answer within the model's range: the limit is still exceeded at the end of the distance search,
 * or the dose is infinite.
 */
export const EXIT_NO_ANSWER = 3;

export const EXIT_CODES_HELP = `Exit codes: 0 an answer; 1 bad input files; 2 bad command line; 3 no answer within the model's range
(a limit still exceeded at ${"10 km"}, an infinite dose).`;

export const MODEL_SOURCE_HELP = `Model source (one of):
  --readings FILE        readings CSV or Parquet, or a folder of them (repeat for several); the model is
                         fitted to them (large files are read with DuckDB, docs/scaling.md)
  --reviews FILE         with --readings: the RSO's reviews (reviews.csv, docs/data-formats.md): readings it
                         excludes are left out of the fit and listed; reviews of readings in other files are
                         left out (counted on stderr)
  --reference "D in T at R"
                         one published figure, e.g. "0.016 mrem in 10 s at 5 ft": the inverse square law
                         through that point, with unknown uncertainty (bounds equal the estimate)
Options:
  --model NAME           ${MODEL_NAMES.join(", ")}
                         (default: as the site does, the model best supported by the readings in each group
                         (all angles, each 45° sector with ${MIN_FITTED_READINGS}+ readings), and the answer is the
                         group with the highest 95% upper bound, named in the output)
  --device ID            the device whose readings to use (required when the files hold several)
  --effective-energy E   effective photon energy, e.g. "60 keV" (default 60 keV, a grade C estimate for the
                         device class); sets mu of air for inverse-square-air and converts air-kerma and
                         exposure readings to H*(10) (the output says how many)
  --angle DEG            direction of the person from the beam axis, in degrees: use the fit of the 45°
                         sector holding it (default: every sector with readings, and the answer is the
                         worst of them and the all-angles fit, named in the output)
  --sector DEG           the same, naming the sector by its centre (0, 45, ..., 315)
  --interval KIND        prediction (default): bounds for one occasion, with the variation between occasions
                         the readings show; confidence: bounds on the average over many occasions (a year)
All bounds are one-sided 95%: the true dose is above the upper bound with probability 5%. They carry the fit's
uncertainty and the instruments' calibration and energy response (10% k = 1 when the readings state none).
  --json                 print one JSON object`;

export interface ModelSourceValues {
  readings?: string[];
  /** The RSO's reviews (reviews.csv): the readings they exclude are left out of the fit. */
  reviews?: string;
  /** A groups file (docs/scaling.md) instead of readings. */
  groups?: string;
  reference?: string;
  model?: string;
  device?: string;
  "effective-energy"?: string;
}

export interface ResolvedModel {
  fit: FitResult;
  /** One line saying which model, on what basis, from what data. */
  description: string;
  /** Every model ranked on the same data; null for a reference figure or when --model was given to a non-fit command. */
  comparison: ModelComparison[] | null;
  /**
   * The device's fit-ready readings grouped by angle sector and distance, with their instruments
   * (lib/models/grouped.ts: the same fits as to every reading); none for a reference figure.
   */
  groups: ReadingGroup[];
  /** The device's readings against the fit (flagged residuals, readings below detection); null for a figure or groups file. */
  check: ReadingsCheck | null;
  /** The readings, still open for --residuals when resolveModel was asked to keep them; the caller closes them. */
  scan: ReadingsScan | null;
  /**
   * The device's fit points, one per reading, when the readings were read whole (the parser's engine: inputs under
   * DUCKDB_FROM_BYTES); null when they stay in DuckDB or came as groups. A single reading's influence needs them.
   */
  points: FitPoint[] | null;
  /** How each quantity's readings were converted to µSv of H*(10). */
  doseConversion: DoseConversion;
  device_id: string | null;
  effectiveEnergy_keV: number;
  energyStated: boolean;
  context: ModelContext;
  /** Air-kerma and exposure readings converted to H*(10) before fitting; null when there were none. */
  conversion: {readings: number; to: "H*(10)"; effectiveEnergy_keV: number; energyStated: boolean; sources: string[]} | null;
  /** The readings files with their SHA-256, for traceability. */
  files: {path: string; sha256: string}[];
  /** True when --model chose the model; otherwise each group's best-supported model is used, as the site does. */
  modelChosen?: boolean;
  /** The device's readings set aside by --reviews, left out of the fit (none without --reviews). */
  excluded: Exclusion[];
}

/** "0.016 mrem in 10 s at 5 ft" → dose (µSv), duration (s), distance (m). */
export function parseReference(text: string): {dose_uSv: number; duration_s: number; distance_m: number} {
  const match = /^\s*(.+?)\s+in\s+(.+?)\s+at\s+(.+?)\s*$/i.exec(text);
  if (!match) throw new UsageError(`--reference "${text}" should read DOSE in DURATION at DISTANCE, e.g. "0.016 mrem in 10 s at 5 ft"`);
  const dose_uSv = rangedQuantity("reference", match[1]!, "dose-equivalent");
  const duration_s = rangedQuantity("reference", match[2]!, "time");
  const distance_m = rangedQuantity("reference", match[3]!, "length");
  if (!(dose_uSv > 0) || !(duration_s > 0) || !(distance_m > 0)) {
    throw new UsageError(`--reference "${text}": the dose, duration and distance must all be positive`);
  }
  return {dose_uSv, duration_s, distance_m};
}

/** A positive quantity option in the canonical unit of its dimension; UsageError naming the option otherwise. */
export function quantityOption(
  values: Record<string, unknown>, name: string, dimension: Parameters<typeof toCanonical>[1], example: string
): number {
  const text = values[name];
  if (typeof text !== "string") throw new UsageError(`--${name} is required, e.g. --${name} "${example}"`);
  return rangedQuantity(name, text, dimension);
}

function energyContext(values: ModelSourceValues): {effectiveEnergy_keV: number; energyStated: boolean; context: ModelContext} {
  const stated = values["effective-energy"];
  const effectiveEnergy_keV = stated === undefined ? DEFAULT_EFFECTIVE_ENERGY_keV : rangedQuantity("effective-energy", stated, "energy");
  try {
    return {effectiveEnergy_keV, energyStated: stated !== undefined, context: airContext(effectiveEnergy_keV)};
  } catch (error) {
    if (error instanceof PhysicsError) throw new UsageError(`--effective-energy: ${error.message}`);
    throw error;
  }
}

function chooseModel(values: ModelSourceValues): ModelName | null {
  if (values.model === undefined) return null;
  if (!isModelName(values.model)) throw new UsageError(`--model "${values.model}" is not a model; choose one of ${MODEL_NAMES.join(", ")}`);
  return values.model;
}

/** Fit-ready readings in the groups: those in the sums and those below detection. */
export function groupedReadings(groups: readonly ReadingGroup[]): number {
  return groups.reduce((s, g) => s + g.n + g.censored, 0);
}

/**
 * Reads the readings (lib/io/scan-readings.ts: DuckDB for large files) or the reference figure and returns the model
 * to use, fitted from groups of readings (the same fit as to every reading). Throws UsageError or InputError.
 * With keepScan the readings stay open in the result (for --residuals) and the caller must close them.
 */
export async function resolveModel(values: ModelSourceValues, io: Io, options: {keepScan?: boolean} = {}): Promise<ResolvedModel> {
  const paths = values.readings ?? [];
  if (paths.length > 0 && values.reference !== undefined) throw new UsageError("give either --readings or --reference, not both");
  if (values.reviews !== undefined && values.reference !== undefined) throw new UsageError("--reviews sets readings aside: give it with --readings, not with --reference");
  const modelName = chooseModel(values);
  const energy = energyContext(values);
  if (values.reference !== undefined) {
    if (modelName !== null && modelName !== "inverse-square") {
      throw new UsageError(`a single reference figure determines only the inverse-square model, not ${modelName}`);
    }
    const figure = parseReference(values.reference);
    const fit = referenceModel(figure);
    return {
      fit, comparison: null, groups: [], check: null, scan: null, points: null, doseConversion: {}, device_id: null, files: [], conversion: null, ...energy, modelChosen: false, excluded: [],
      description: `inverse-square through the reference figure "${values.reference}" (S = ${fmt(fit.parameters.S!.value)} µSv·m²/h); not a fit: its uncertainty is unknown`
    };
  }
  if (paths.length === 0) throw new UsageError('give the readings with --readings FILE, or a published figure with --reference "0.016 mrem in 10 s at 5 ft"');

  // Imported here: DuckDB and the readers are needed only by commands given readings.
  const {scanReadings} = await import("../lib/io/scan-readings.js");
  const now = clockFromEnv();
  const scan = await scanReadings(paths, {now});
  try {
    const resolved = await fitSource(scan, values, io, modelName, energy, now);
    if (!options.keepScan) scan.close();
    return {...resolved, scan: options.keepScan ? scan : null};
  } catch (error) {
    scan.close();
    throw error;
  }
}

/** Where fits come from: readings (lib/io/scan-readings.ts), or a groups file, which cannot check single readings. */
type FitSource = Pick<ReadingsScan, "problems" | "devices" | "fitProblems" | "groups" | "held"> & {
  files: {path: string; sha256: string}[];
  check: ReadingsScan["check"] | null;
  /** Absent for a groups file: without single readings no review can be applied. */
  readingsWithIds?: ReadingsScan["readingsWithIds"];
  exclude?: ReadingsScan["exclude"];
};

/** The model from a groups file: the output of the grouping query run elsewhere (docs/scaling.md). */
export async function resolveModelFromGroups(path: string, values: ModelSourceValues, io: Io): Promise<ResolvedModel> {
  const [{readGroupsFile}, {convertGroupRows, quantityOf}] = await Promise.all([import("../lib/io/groups-file.js"), import("../lib/io/group-rows.js")]);
  const file = await readGroupsFile(path);
  const byDevice = new Map<string, Map<Quantity, number>>();
  for (const row of file.rows) {
    const quantities = byDevice.get(row.device_id) ?? new Map<Quantity, number>();
    quantities.set(quantityOf(row), (quantities.get(quantityOf(row)) ?? 0) + row.n + row.censored);
    byDevice.set(row.device_id, quantities);
  }
  const source: FitSource = {
    problems: file.problems,
    devices: [...byDevice.keys()].sort().map((device_id) => {
      const quantities = [...byDevice.get(device_id)!].map(([quantity, readings]) => ({quantity, readings}));
      return {device_id, readings: quantities.reduce((s, q) => s + q.readings, 0), censored: 0, first_ms: NaN, last_ms: NaN, quantities};
    }),
    fitProblems: async () => [],
    groups: async (device_id, conversion) => convertGroupRows(device_id, file.rows, conversion),
    held: null,
    check: null,
    files: [{path, sha256: file.sha256}]
  };
  return {...(await fitSource(source, values, io, chooseModel(values), energyContext(values), clockFromEnv())), scan: null};
}

async function fitSource(
  scan: FitSource, values: ModelSourceValues, io: Io, modelName: ModelName | null, energy: ReturnType<typeof energyContext>, now: Date
): Promise<Omit<ResolvedModel, "scan">> {
  if (hasErrors(scan.problems)) throw new InputError(scan.problems);
  const reviewed = values.reviews === undefined ? null : await applyReviewsFile(values.reviews, scan, now, io);
  const devices = scan.devices.map((d) => d.device_id);
  let device_id: string | null = values.device ?? null;
  if (device_id !== null && !devices.includes(device_id)) {
    throw new UsageError(`--device ${device_id}: no readings of that device; the files hold ${devices.join(", ") || "no readings"}`);
  }
  if (device_id === null) {
    if (devices.length > 1) throw new UsageError(`the readings cover ${devices.length} devices (${devices.join(", ")}); choose one with --device`);
    device_id = devices[0] ?? null;
  }
  // Air-kerma and exposure readings become H*(10) (what area monitors estimate) at the effective energy in force;
  // the answer says how many were converted, at what energy, and with which coefficients.
  const summary = scan.devices.find((d) => d.device_id === device_id);
  const excluded = (reviewed?.excluded ?? []).filter((e) => e.device_id === device_id);
  const excludedReadings = (reviewed?.readings ?? []).filter((r) => r.device_id === device_id);
  const doseConversion: DoseConversion = {};
  const sources: string[] = [];
  let converted = 0;
  for (const {quantity, readings} of summary?.quantities ?? []) {
    if (QUANTITY_UNIT[quantity] === "uSv") {
      doseConversion[quantity] = [];
      continue;
    }
    let steps;
    try {
      steps = convertDose(1, quantity, "H*(10)", {effectiveEnergy_keV: energy.effectiveEnergy_keV}).steps;
    } catch (error) {
      if (error instanceof PhysicsError) throw new UsageError(`--effective-energy: ${error.message}`);
      throw error;
    }
    doseConversion[quantity] = steps.map((s) => s.coefficient);
    for (const step of steps) if (!sources.includes(step.source)) sources.push(step.source);
    converted += readings - excludedReadings.filter((r) => r.quantity === quantity).length;
  }
  const all: Problem[] = [...scan.problems, ...(device_id === null ? [] : await scan.fitProblems(device_id))];
  if (hasErrors(all)) throw new InputError(all);
  // Warnings go to stderr, capped so that the answer is not buried; `xray-dose validate` lists them all.
  for (const warning of all.slice(0, MAX_WARNINGS)) io.stderr(formatProblem(warning));
  if (all.length > MAX_WARNINGS) io.stderr(`… and ${all.length - MAX_WARNINGS} more warnings about the readings.`);

  const groups = device_id === null ? [] : await scan.groups(device_id, doseConversion);
  const file = scan.files.map((f) => f.path).join(", ");
  const merged = mergeSectors(groups);
  const comparison = compareGroupedModels(merged, energy.context);
  const chosen = modelName === null ? comparison[0]!.fit : fitGroups(merged, modelName, energy.context);
  if (!chosen.converged) {
    throw new InputError([{severity: "error", file, message: `the ${chosen.model} model cannot be fitted to the ${groupedReadings(groups)} readings of ${device_id}: ${chosen.reason}`}]);
  }
  const check = scan.check ? await scan.check(device_id!, chosen, doseConversion) : null;
  const fit = {...chosen, notes: [...chosen.notes, ...(check ? checkNotes(check) : ["single readings are not known from groups: no reading could be checked against the fit"])]};
  const how = modelName === null ? `the model best supported by the readings (lowest ${comparison[0]!.criterion === "aicc" ? "AICc" : "AIC"}) over all angles` : "as chosen";
  const conversion = converted === 0 ? null : {
    readings: converted, to: "H*(10)" as const, effectiveEnergy_keV: energy.effectiveEnergy_keV, energyStated: energy.energyStated, sources
  };
  // Valid readings have distinct ids (a repeated id is an error, which stopped the command above).
  const setAside = new Set(excludedReadings.map((r) => r.reading_id));
  const points = scan.held === null || device_id === null ? null : readingsToPoints(scan.held.filter((r) => r.device_id === device_id && !setAside.has(r.reading_id)), {
    toDoseEquivalent: (v, r) => convertValue(v, r.quantity, doseConversion)
  }).points;
  return {
    fit, comparison, groups, check, points, doseConversion, device_id, files: scan.files.map(({path, sha256}) => ({path, sha256})), conversion, ...energy,
    modelChosen: modelName !== null, excluded,
    description: `${fit.model} fitted to ${fit.n} readings of ${device_id} from ${file}, ${how}${reviewed === null ? "" : `; ${excluded.length} reading${excluded.length === 1 ? "" : "s"} excluded by ${values.reviews}`}`
  };
}

/**
 * --reviews FILE: the reviews of the readings given, validated as in a data folder (errors stop the command; reviews of
 * readings in other files are left out and counted), and the readings they exclude set aside in the scan before any fit.
 * Only the readings the file names are looked up: the readings may stay in DuckDB.
 */
async function applyReviewsFile(path: string, scan: FitSource, now: Date, io: Io): Promise<{excluded: Exclusion[]; readings: Reading[]}> {
  if (!scan.readingsWithIds || !scan.exclude) throw new UsageError("--reviews needs the readings: a groups file holds no single readings to set aside");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--reviews ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read"}`);
  }
  const named = await scan.readingsWithIds(reviewedIds(text));
  const parsed = parseReviews(text, path, {now, readings: new Map(named.map((r) => [r.reading_id, r])), otherReadings: "skip"});
  if (hasErrors(parsed.problems)) throw new InputError(parsed.problems);
  for (const warning of parsed.problems) io.stderr(formatProblem(warning));
  if (parsed.skipped > 0) io.stderr(`${path}: ${parsed.skipped} review${parsed.skipped === 1 ? " names a reading" : "s name readings"} not in the readings given; not applied.`);
  const {excluded} = applyReviews(named, parsed.reviews);
  const ids = new Set(excluded.map((e) => e.reading_id));
  const readings = named.filter((r) => ids.has(r.reading_id));
  await scan.exclude(readings);
  return {excluded, readings};
}

/** The caveats fitModel adds about single readings, from a check against the fit. */
function checkNotes(check: ReadingsCheck): string[] {
  const notes: string[] = [];
  const flagged = check.flaggedCount;
  if (flagged > 0) notes.push(`${flagged} reading${flagged > 1 ? "s lie" : " lies"} more than ${FLAG_SIGMA} sigma from the fit`);
  const inconsistent = check.inconsistentCount;
  if (inconsistent > 0) notes.push(`${inconsistent} reading${inconsistent > 1 ? "s" : ""} below the detection limit where the fit predicts a clearly detectable dose`);
  return notes;
}

/** A number for people: 4 significant figures, no exponent for everyday magnitudes. */
export function fmt(value: number | null, digits = 4): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

/** A dose in µSv and mrem, as the policy and US rules use both. */
export function formatDose(dose_uSv: number): string {
  return `${fmt(dose_uSv)} µSv (${fmt(convert(dose_uSv, "uSv", "mrem"))} mrem)`;
}

export function formatDistance(distance_m: number): string {
  return `${fmt(distance_m)} m (${fmt(convert(distance_m, "m", "ft"))} ft)`;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "never (the dose rate is zero)";
  if (seconds < 120) return `${fmt(seconds)} s`;
  if (seconds < 7200) return `${fmt(seconds)} s (${fmt(seconds / 60)} min)`;
  return `${fmt(seconds)} s (${fmt(seconds / 3600)} h)`;
}

/** The lines every model command prints under its answer: model, basis, energy, caveats. */
export function modelLines(resolved: ResolvedModel, used: Candidate | null = null): string[] {
  const fit = used?.fit ?? resolved.fit;
  const lines = [`Model: ${resolved.description}.`];
  if (used && resolved.groups.length > 0) {
    const rule = resolved.modelChosen ? "the model chosen with --model" : "the best-supported model of that group (lowest AICc)";
    lines.push(`Answer computed with the ${fit.model} model fitted to the readings of ${used.label} (${fit.n} readings), ${rule}; the group giving the highest 95% upper bound among the usable ones, as the site does: ${fit.parameterNames.map((n) => `${n} = ${fmt(fit.parameters[n]!.value)} ± ${fmt(fit.parameters[n]!.stderr, 3)}`).join(", ")}.`);
  }
  if (fit.model === "inverse-square-air") {
    lines.push(`Air attenuation: mu = ${fmt(resolved.context.mu_per_m!)} /m at ${fmt(resolved.effectiveEnergy_keV)} keV${resolved.energyStated ? "" : " (default effective energy)"} (${resolved.context.mu_source}).`);
  }
  const c = resolved.conversion;
  if (c) {
    lines.push(`Converted ${c.readings} air-kerma or exposure readings to H*(10) at ${fmt(c.effectiveEnergy_keV)} keV${c.energyStated ? "" : " (default effective energy, a grade C estimate: state --effective-energy to change it)"}; coefficients: ${c.sources.join("; ")}.`);
  }
  for (const e of resolved.excluded) {
    lines.push(`Excluded: ${e.reading_id} (${e.reading.file}:${e.reading.line}): ${e.reason} (reviewed ${e.reviewed_on}, ${e.review.file}:${e.review.line}).`);
  }
  for (const note of fit.notes) lines.push(`Note: ${note}.`);
  return lines;
}

/** The part of a JSON answer that says where the model came from. */
export function modelJson(resolved: ResolvedModel, used: Candidate | null = null) {
  const fit = used?.fit ?? resolved.fit;
  return {
    model: fit.model,
    basis: fit.basis,
    device: resolved.device_id,
    sector: used?.sector ?? null,
    parameters: fit.parameters,
    covariance: fit.covariance,
    effectiveEnergy: {value: resolved.effectiveEnergy_keV, unit: "keV", stated: resolved.energyStated},
    mu: resolved.context.mu_per_m === undefined ? null : {value: resolved.context.mu_per_m, unit: "1/m", source: resolved.context.mu_source},
    description: resolved.description,
    files: resolved.files,
    conversion: resolved.conversion,
    // Who reviewed is left out: it names a person (docs/restricted-data.md).
    excluded: resolved.excluded.map((e) => ({reading_id: e.reading_id, reason: e.reason, reviewed_on: e.reviewed_on, review: e.review, reading: e.reading})),
    notes: fit.notes
  };
}

/** A fit an exposure answer can be computed on: all angles, or one angle sector. */
export interface Candidate {
  label: string;
  sector: Sector | null;
  fit: FitResult;
}

/**
 * The fits to answer on, as the site chooses them (lib/publish/device-models.ts): the all-angles group and each 45°
 * sector with at least MIN_FITTED_READINGS readings above the detection limit, each with its best-supported model
 * (or the --model one), and the answer is the worst of them. The dose of a backscatter van depends strongly on
 * direction, and a scenario rarely knows it; --angle or --sector picks the one sector holding that direction.
 */
export function candidates(resolved: ResolvedModel, angleText: string | undefined, sectorText?: string): Candidate[] {
  if (angleText !== undefined && sectorText !== undefined) throw new UsageError("give either --angle or --sector, not both");
  const label = (centre_deg: number) => `${centre_deg}° ± 22.5°`;
  let all: Candidate = {label: resolved.groups.length === 0 ? "reference figure" : "all angles", sector: null, fit: resolved.fit};
  let sectors: (Candidate & {sector: Sector})[] = [];
  if (resolved.groups.length > 0 && resolved.modelChosen) {
    sectors = fitGroupsBySector(resolved.groups, resolved.fit.model, resolved.context)
      .filter((g): g is typeof g & {sector: Sector} => g.sector !== null && g.sector !== "unstated" && g.fit.converged && g.fit.n >= MIN_FITTED_READINGS)
      .map((g) => ({label: label(g.sector.centre_deg), sector: g.sector, fit: g.fit}));
  } else if (resolved.groups.length > 0) {
    const groups = usableModels(fitDeviceGroups(resolved.device_id ?? "", resolved.groups, resolved.context));
    const pooled = groups.find((g) => g.sector === null);
    if (pooled) all = {...all, fit: pooled.fit};
    sectors = groups.filter((g) => g.sector !== null).map((g) => {
      const centre_deg = Number.parseFloat(g.sector!);
      return {label: label(centre_deg), sector: {centre_deg, width_deg: 45}, fit: g.fit};
    });
  }
  const asked = sectorText ?? angleText;
  if (asked === undefined) return [all, ...sectors];
  const option = sectorText !== undefined ? "--sector" : "--angle";
  const angle = decimalOption(option.slice(2), asked.replace(/°$/, ""), 0, 360, "a number of degrees");
  const centre = sectorCentre(angle);
  if (sectorText !== undefined && centre !== angle) throw new UsageError(`--sector ${asked}: sectors are centred on 0, 45, 90, ..., 315; use --angle for a direction`);
  const chosen = sectors.find((c) => c.sector.centre_deg === centre);
  if (!chosen) {
    throw new UsageError(`${option} ${asked}: no usable fit in the sector ${centre}° ± 22.5° (at least ${MIN_FITTED_READINGS} readings above the detection limit); sectors with a fit: ${sectors.map((c) => c.label).join(", ") || "none (the readings state no angles)"}`);
  }
  return [chosen];
}

/** True when the distance is closer than every reading the fit used: towards, perhaps into, the device's body. */
export function closerThanReadings(fit: {distanceRange_m: [number, number] | null; basis: string}, distance_m: number): boolean {
  return fit.basis === "fit" && fit.distanceRange_m !== null && distance_m < fit.distanceRange_m[0];
}

/** The budget as lines for people: each part with its size and share, and how the bound is formed. */
export function budgetLines(budget: UncertaintyBudget | null): string[] {
  if (budget === null) return ["Uncertainty: unknown (a single published figure): the bounds equal the estimate."];
  const pct = (x: number) => `${fmt(100 * x, 2)} %`;
  const lines = [`Uncertainty budget (${budget.interval === "prediction" ? "one occasion" : "the curve, many occasions"}), relative, k = 1:`];
  for (const c of budget.components) lines.push(`  ${`${c.label} (type ${c.type})`.padEnd(58)} ${pct(c.logSd).padStart(8)}  share ${pct(c.share)}`);
  lines.push(`  ${"combined".padEnd(58)} ${pct(budget.logSd).padStart(8)}`);
  lines.push(`  95% bounds (one-sided) = estimate x exp(±${fmt(budget.coverageFactor, 4)} x combined)${budget.effectiveDof === null ? "" : `, Student's t with ${fmt(budget.effectiveDof, 3)} effective degrees of freedom`}.`);
  const instruments = budget.instruments.instruments;
  if (instruments.every((i) => i.defaulted.length === 2)) {
    lines.push(`  Instruments: ${instruments.length === 1 ? "the readings state" : `none of the ${instruments.length} instruments states`} no calibration or energy-response uncertainty: the default ${pct(instruments[0]!.relative)} (k = 1) stands for ${instruments.length === 1 ? "it" : "each"}; state them in the readings (docs/data-formats.md).`);
  } else {
    const named = instruments.map((i) => `${i.id ?? "not named"} ${pct(i.relative)}${i.defaulted.length ? ` (${i.defaulted.join(" and ")} not stated: default)` : ""}, share ${pct(i.share)}`);
    lines.push(`  Instruments: ${named.join("; ")}.`);
  }
  return lines;
}

/** The budget for --json: each component with its value and share, and the instruments. */
export function budgetJson(budget: UncertaintyBudget | null) {
  if (budget === null) return null;
  return {
    interval: budget.interval, definition: "one-sided 95 %",
    components: budget.components.map((c) => ({id: c.id, label: c.label, type: c.type, relative: c.logSd, dof: c.dof, share: c.share})),
    combined: budget.logSd, effectiveDof: budget.effectiveDof, coverageFactor: budget.coverageFactor,
    instruments: budget.instruments
  };
}

/** Computes an answer on every candidate and returns the worst (highest score) with all of them. */
export function worstCase<T>(cands: Candidate[], answer: (fit: FitResult) => T, score: (a: T) => number) {
  const rows = cands.map((c) => ({candidate: c, answer: answer(c.fit)}));
  const worst = rows.reduce((w, r) => (score(r.answer) > score(w.answer) ? r : w));
  return {worst, rows};
}
