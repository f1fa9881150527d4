// The registry of limits (data/limits.json): types and the loader that validates it and derives each value in µSv.
// Values are stored as their source states them (2 mR stays 2 mR); the canonical µSv value is derived here, with
// lib/units, so the file never carries a number nobody published.
import type {Problem} from "../io/index.js";
import {convert, dimensionOf, parseUnit, toCanonical, math, UnitError} from "../units/index.js";
import {FieldReader} from "./json-fields.js";
import type {SourceId} from "../sources.js";

export const PROTECTED = ["member-of-the-public", "person-screened", "worker", "anyone-outside-screening-zone"] as const;
export type Protected = (typeof PROTECTED)[number];

/** What the limit is stated in. `not-stated`: the source read does not name the quantity. */
export const LIMIT_QUANTITIES = ["effective-dose", "TEDE", "dose-equivalent", "exposure", "not-stated"] as const;
export type LimitQuantity = (typeof LIMIT_QUANTITIES)[number];

export const PERIODS = ["per-screening", "any-one-hour", "calendar-year"] as const;
export type Period = (typeof PERIODS)[number];

/**
 * legal-limit: binding law; design-criterion: a standard's criterion (binding where adopted);
 * recommended-limit: a limit recommended by an advisory body (ICRP); constraint: a planning value below a limit;
 * reference-level: a level for comparison (negligible dose, a recommendation for scale), never a compliance test.
 */
export const LIMIT_KINDS = ["legal-limit", "design-criterion", "recommended-limit", "constraint", "reference-level"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export const GRADES = ["A", "B", "C"] as const;
export type Grade = (typeof GRADES)[number];

export interface Limit {
  id: string;
  body: string;
  document: string;
  edition: string | null;
  clause: string | null;
  protects: Protected[];
  quantity: LimitQuantity;
  /** As the source states it; null when the number is not publicly available. */
  value: number | null;
  unit: string | null;
  /** The source's wording of the value (with organ limits and alternative units), for display. */
  stated: string;
  period: Period;
  period_note: string | null;
  kind: LimitKind;
  jurisdiction: string;
  /** Where the value was read, in words. */
  source: string;
  /** The ids of those documents in the bibliography (docs/sources.md). */
  sources: SourceId[];
  grade: Grade | null;
  note: string;
  /**
   * For a limit stated as exposure (R): how it is compared with a dose, through air kerma to H*(10) at the effective
   * photon energy of the device whose dose it is held against (lib/physics convertDose).
   */
  conversion: ExposureConversion | null;
  /**
   * Derived on loading: the value in µSv (dose equivalent); null when the value is null, and for a limit stated as
   * exposure, whose value in µSv depends on the photon energy (see value_uR).
   */
  value_uSv: number | null;
  /** Derived on loading for a limit stated as exposure: the value in µR; null otherwise. */
  value_uR: number | null;
}

export interface ExposureConversion {
  via: "air-kerma";
  to: "H*(10)";
  basis: string;
}

export interface AlaraLevel {
  id: string;
  /** Fraction of the limit at which the level is reached. */
  fraction: number;
  action: string;
}

export interface AlaraConfig {
  program_specific: boolean;
  note: string;
  source: string;
  /** The ids of the bibliography the levels rest on; [] when their source was not recorded. */
  sources: SourceId[];
  /** The periods of the limits the levels apply to (the common model: annual limits). */
  applies_to_periods: Period[];
  levels: AlaraLevel[];
}

export interface LimitsRegistry {
  limits: Limit[];
  alara: AlaraConfig;
  /** Scenario id → the ids of the limits that apply to it. */
  scenario_limits: Record<string, string[]>;
}

export interface LoadedLimits extends LimitsRegistry {
  problems: Problem[];
}

/** Parse and validate data/limits.json. `file` names the file in problems. Never throws for bad content. */
export function loadLimits(text: string, file: string): LoadedLimits {
  const r = new FieldReader(file);
  const empty: LoadedLimits = {limits: [], alara: emptyAlara(), scenario_limits: {}, problems: r.problems};
  const root = r.parse(text);
  if (root === undefined) return empty;
  const top = r.object(root, "$");
  if (!top) return empty;

  const limits: Limit[] = [];
  const entries = r.array(top.limits, "$.limits") ?? [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const limit = readLimit(r, entry, `$.limits[${i}]`);
    if (!limit) return;
    if (seen.has(limit.id)) {
      r.error(`$.limits[${i}].id`, `"${limit.id}" is used by an earlier entry; give each limit its own id`);
      return;
    }
    seen.add(limit.id);
    limits.push(limit);
  });

  const alara = readAlara(r, top.alara, "$.alara") ?? emptyAlara();
  // Ids of entries refused above still count as declared, so one mistake is not reported twice.
  const declared = new Set(entries.flatMap((e) => (typeof (e as {id?: unknown})?.id === "string" ? [(e as {id: string}).id] : [])));
  const scenario_limits = readScenarioLimits(r, top.scenario_limits, "$.scenario_limits", declared);
  return {limits, alara, scenario_limits, problems: r.problems};
}

function emptyAlara(): AlaraConfig {
  return {program_specific: true, note: "", source: "", sources: [], applies_to_periods: [], levels: []};
}

function readLimit(r: FieldReader, raw: unknown, path: string): Limit | undefined {
  const o = r.object(raw, path);
  if (!o) return undefined;
  const before = r.problems.length;
  const id = r.string(o.id, `${path}.id`);
  const body = r.string(o.body, `${path}.body`);
  const document = r.string(o.document, `${path}.document`);
  const edition = r.stringOrNull(o.edition, `${path}.edition`);
  const clause = r.stringOrNull(o.clause, `${path}.clause`);
  const protectsRaw = r.array(o.protects, `${path}.protects`);
  const protects = (protectsRaw ?? []).map((p, j) => r.oneOf(p, `${path}.protects[${j}]`, PROTECTED));
  if (protectsRaw && protectsRaw.length === 0) r.error(`${path}.protects`, `must name at least one of ${PROTECTED.join(", ")}`);
  const quantity = r.oneOf(o.quantity, `${path}.quantity`, LIMIT_QUANTITIES);
  const stated = r.string(o.stated, `${path}.stated`);
  const period = r.oneOf(o.period, `${path}.period`, PERIODS);
  const period_note = o.period_note === undefined ? null : r.stringOrNull(o.period_note, `${path}.period_note`);
  const kind = r.oneOf(o.kind, `${path}.kind`, LIMIT_KINDS);
  const jurisdiction = r.string(o.jurisdiction, `${path}.jurisdiction`);
  const source = r.string(o.source, `${path}.source`);
  const sources = r.sourceIds(o.sources, `${path}.sources`);
  const note = r.string(o.note, `${path}.note`);

  let value: number | null | undefined;
  let unit: string | null | undefined;
  let grade: Grade | null | undefined;
  let conversion: Limit["conversion"] | undefined = null;
  let value_uSv: number | null | undefined = null;
  let value_uR: number | null = null;
  if (o.value === null) {
    // A number that is not publicly available: the entry exists to show the gap, so it must say so.
    value = null;
    unit = o.unit === null || o.unit === undefined ? null : r.error(`${path}.unit`, "must be null when value is null");
    grade = o.grade === null || o.grade === undefined ? null : r.oneOf(o.grade, `${path}.grade`, GRADES);
  } else {
    value = r.positiveNumber(o.value, `${path}.value`);
    unit = r.string(o.unit, `${path}.unit`);
    grade = r.oneOf(o.grade, `${path}.grade`, GRADES);
    if (o.conversion !== undefined && o.conversion !== null) conversion = readConversion(r, o.conversion, `${path}.conversion`);
    if (value !== undefined && unit !== undefined && conversion !== undefined) {
      if (conversion !== null) {
        // Exposure: kept in µR; the comparison converts it at the device's effective energy (lib/compliance/verdict.ts).
        value_uR = toMicroroentgen(r, value, unit, path) ?? null;
        value_uSv = null;
      } else {
        value_uSv = toMicrosievert(r, value, unit, path);
      }
    }
  }

  if (r.problems.length > before) return undefined;
  return {
    id: id!, body: body!, document: document!, edition: edition!, clause: clause!, protects: protects as Protected[],
    quantity: quantity!, value: value!, unit: unit!, stated: stated!, period: period!, period_note: period_note!,
    kind: kind!, jurisdiction: jurisdiction!, source: source!, sources: sources!, grade: grade!, note: note!, conversion: conversion!,
    value_uSv: value_uSv!, value_uR
  };
}

function readConversion(r: FieldReader, raw: unknown, path: string): Limit["conversion"] | undefined {
  const o = r.object(raw, path);
  if (!o) return undefined;
  const via = o.via === "air-kerma" ? "air-kerma" : r.error(`${path}.via`, `must be "air-kerma": an exposure is compared as air kerma converted to H*(10) at the device's effective energy`);
  const to = o.to === "H*(10)" ? "H*(10)" : r.error(`${path}.to`, `must be "H*(10)", the quantity the models fit`);
  const basis = r.string(o.basis, `${path}.basis`);
  if (via === undefined || to === undefined || basis === undefined) return undefined;
  return {via, to, basis};
}

function unitDimension(r: FieldReader, unit: string, path: string) {
  try {
    return dimensionOf(parseUnit(unit));
  } catch (error) {
    const why = error instanceof UnitError ? error.message : String(error);
    r.error(`${path}.unit`, `${why}; write a dose unit such as "µSv", "mSv", "mrem" or "mR"`);
    return undefined;
  }
}

/** A dose-equivalent value converts directly; an exposure (R) needs a stated conversion (readConversion). */
function toMicrosievert(r: FieldReader, value: number, unit: string, path: string): number | undefined {
  const dimension = unitDimension(r, unit, path);
  if (dimension === undefined) return undefined;
  if (dimension === "dose-equivalent") return roundOffNoise(toCanonical(math.unit(value, parseUnit(unit).formatUnits()), "dose-equivalent"));
  if (dimension === "exposure") {
    return r.error(
      `${path}.conversion`,
      `is missing: "${unit}" is an exposure, not a dose; state {"via": "air-kerma", "to": "H*(10)", "basis": "..."} so that it is converted at each device's effective energy, or give the value in Sv or rem`
    );
  }
  return r.error(`${path}.unit`, `"${unit}" is not a dose; use Sv or rem (e.g. "µSv", "mrem"), or R with a stated conversion`);
}

/** An exposure value in µR; a conversion on a value that is not an exposure is refused. */
function toMicroroentgen(r: FieldReader, value: number, unit: string, path: string): number | undefined {
  const dimension = unitDimension(r, unit, path);
  if (dimension === undefined) return undefined;
  if (dimension !== "exposure") return r.error(`${path}.conversion`, "is only for limits stated in roentgen; remove it for a Sv or rem value");
  return roundOffNoise(convert(value, unit, "uR"));
}

/** Drop binary floating-point noise from unit conversion (250.00000000000003 → 250): 12 digits exceed any source's. */
export function roundOffNoise(value: number): number {
  return Number(value.toPrecision(12));
}

function readAlara(r: FieldReader, raw: unknown, path: string): AlaraConfig | undefined {
  const o = r.object(raw, path);
  if (!o) return undefined;
  const before = r.problems.length;
  if (o.program_specific !== true) {
    r.error(`${path}.program_specific`, "must be true: investigation levels are set by each program, and the data must say so");
  }
  const note = r.string(o.note, `${path}.note`);
  const source = r.string(o.source, `${path}.source`);
  const sources = r.sourceIds(o.sources, `${path}.sources`);
  const periods = (r.array(o.applies_to_periods, `${path}.applies_to_periods`) ?? []).map((p, i) =>
    r.oneOf(p, `${path}.applies_to_periods[${i}]`, PERIODS)
  );
  const levels = (r.array(o.levels, `${path}.levels`) ?? []).map((raw, i) => {
    const l = r.object(raw, `${path}.levels[${i}]`);
    if (!l) return undefined;
    const id = r.string(l.id, `${path}.levels[${i}].id`);
    const fraction = r.positiveNumber(l.fraction, `${path}.levels[${i}].fraction`);
    if (fraction !== undefined && fraction >= 1) {
      r.error(`${path}.levels[${i}].fraction`, `must be a fraction of the limit below 1 (e.g. 0.1 for 10 %), found ${fraction}`);
    }
    const action = r.string(l.action, `${path}.levels[${i}].action`);
    return {id: id!, fraction: fraction!, action: action!};
  });
  if (r.problems.length > before) return undefined;
  return {program_specific: true, note: note!, source: source!, sources: sources!, applies_to_periods: periods as Period[], levels: levels as AlaraLevel[]};
}

function readScenarioLimits(r: FieldReader, raw: unknown, path: string, ids: Set<string>): Record<string, string[]> {
  const o = r.object(raw, path);
  if (!o) return {};
  const entries: [string, string[]][] = [];
  for (const [scenario, list] of Object.entries(o)) {
    const items = r.array(list, `${path}.${scenario}`);
    if (!items) continue;
    const limitIds: string[] = [];
    items.forEach((item, i) => {
      const id = r.string(item, `${path}.${scenario}[${i}]`);
      if (id === undefined) return;
      if (!ids.has(id)) {
        r.error(`${path}.${scenario}[${i}]`, `"${id}" is not the id of any entry in $.limits; use one of ${[...ids].join(", ")}`);
        return;
      }
      limitIds.push(id);
    });
    entries.push([scenario, limitIds]);
  }
  // fromEntries defines each key: `out["__proto__"] = [...]` would replace the object's prototype instead.
  return Object.fromEntries(entries);
}

/** The limit with this id; throws when absent, which is a programming error once the registry has loaded. */
export function limitById(registry: Pick<LimitsRegistry, "limits">, id: string): Limit {
  const limit = registry.limits.find((l) => l.id === id);
  if (!limit) throw new Error(`no limit "${id}" in the registry`);
  return limit;
}
