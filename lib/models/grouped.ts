// Fitting from sufficient statistics. Every model predicts the rate from distance alone, so the weighted χ² of the
// readings at one distance r splits exactly into a part the model sees and a part it cannot change:
//
//   Σᵢ wᵢ (yᵢ − f(r))² = W (ȳ − f(r))² + Σᵢ wᵢ (yᵢ − ȳ)²,   W = Σ wᵢ,  ȳ = Σ wᵢ yᵢ / W,
//
// and Σ wᵢ (yᵢ − ȳ)² = Σ wᵢ yᵢ² − W ȳ². A fit to one point per distance (ȳ with weight W) therefore has the same
// minimum, the same JᵀWJ (the Jacobian depends on r only) and so the same parameters and covariance as the fit to
// every reading; χ² adds the within-group sum, and n, degrees of freedom and AIC count readings, not groups. Four sums
// per group are all a fit needs, and they are one GROUP BY in any SQL engine (lib/io/readings-sql.ts).
//
// Distances that never repeat (a monitor on a moving cordon) are grouped by a narrow bin of log-distance, each group
// placed at its readings' weighted mean distance. That moves the parameters at second order in the bin width, and χ²
// (so the standard errors, through the reduced χ²) at first order times the noise; with bins 1e-5 wide (relative) both
// move by less than 1e-6 of their value (test/models/grouped.test.ts). Equal distances always share a bin, exactly.
import {MODELS} from "./definitions.js";
import {fitPacked, FLAG_SIGMA, parameterVector, type FitOptions, type PackedPoints} from "./fit.js";
import {combineInstruments, type InstrumentTotals} from "./instruments.js";
import {DEFAULT_SECTOR_WIDTH_DEG, sectorCentre, type GroupFit} from "./groups.js";
import type {CensoredCheck, FitInstrument, FitPoint, FitResult, ModelContext, ModelName, Residual} from "./types.js";

/** Relative width of a distance bin: distances within 1 part in 10⁵ of each other share a group. */
export const DISTANCE_BIN_RELATIVE_WIDTH = 1e-5;

/** The bin of a distance (m): round(ln r / ln(1 + width)); equal distances always share a bin. */
export function distanceBin(distance_m: number, relativeWidth = DISTANCE_BIN_RELATIVE_WIDTH): number {
  // The same expression as groupPoints' inner loop.
  return Math.round(Math.log(distance_m) / Math.log1p(relativeWidth));
}

/**
 * The readings of one device in one angle sector within one distance bin, reduced to sums. y is the net dose rate
 * (µSv/h), r the distance (m), w = 1/σ² with σ the rate's 1-sigma uncertainty (µSv/h). Censored readings (below the
 * detection limit) are counted but take no part in the sums, as in the per-reading fit.
 */
export interface ReadingGroup {
  device_id: string;
  /** Centre of the 45° sector holding the readings' angle; null when they state none. */
  sector_deg: number | null;
  /** distanceBin() of the readings' distances. */
  bin: number;
  /** Readings in the sums (above the detection limit). */
  n: number;
  sumW: number;
  sumWY: number;
  sumWYY: number;
  sumWR: number;
  /** Smallest and largest distance of the readings in the sums (m). */
  minR: number;
  maxR: number;
  /** Smallest and largest rate of the readings in the sums (µSv/h), for drawing the spread. */
  minY: number;
  maxY: number;
  /** Readings below the detection limit at this distance: not in the sums. */
  censored: number;
  /**
   * The instruments of the readings in the sums, each with its readings' Σw: what the fit's type B uncertainty needs
   * (lib/models/instruments.ts weighs each instrument by Σ w·f², and f is the same for every reading at one distance).
   */
  instruments: InstrumentSum[];
}

/** One instrument's readings in a group. */
export interface InstrumentSum {
  /** instrument_id; null when the readings name none (a dosimeter id is a personal badge, restricted, never used). */
  id: string | null;
  type: FitInstrument["type"];
  /** The largest stated relative uncertainty (k = 1) among these readings; null when none states one. */
  calibration: number | null;
  energyResponse: number | null;
  readings: number;
  sumW: number;
}

/** Where a group sits: its one distance when the readings share it (exactly), else their weighted mean distance. */
export function groupDistance(g: ReadingGroup): number {
  return g.minR === g.maxR ? g.minR : g.sumWR / g.sumW;
}

/** The weighted mean rate of a group (µSv/h); NaN when it holds only censored readings. */
export function groupMean(g: ReadingGroup): number {
  return g.sumWY / g.sumW;
}

/** Σ w (y − ȳ)² of a group: its readings' scatter about their mean, in units of their uncertainties. */
export function groupChiSquareWithin(g: ReadingGroup): number {
  if (g.n === 0) return 0;
  // A difference of two large sums: a tiny negative value is rounding, not scatter.
  return Math.max(0, g.sumWYY - (g.sumWY * g.sumWY) / g.sumW);
}

/** Weighted standard deviation of a group's rates about their mean (µSv/h); 0 for a single reading. */
export function groupSpread(g: ReadingGroup): number {
  return g.n > 1 ? Math.sqrt(groupChiSquareWithin(g) / g.sumW) : 0;
}

export function emptyGroup(device_id: string, sector_deg: number | null, bin: number): ReadingGroup {
  return {device_id, sector_deg, bin, n: 0, sumW: 0, sumWY: 0, sumWYY: 0, sumWR: 0, minR: Infinity, maxR: -Infinity, minY: Infinity, maxY: -Infinity, censored: 0, instruments: []};
}

/** Adds readings of one instrument to a group's instruments, merged by id as instrumentUncertainty merges them. */
export function addInstrument(g: ReadingGroup, add: InstrumentSum): void {
  const own = g.instruments.find((i) => i.id === add.id);
  if (!own) {
    g.instruments.push({...add});
    return;
  }
  // The largest stated value of an instrument (the protective one), and its first stated type.
  if (add.calibration !== null) own.calibration = Math.max(own.calibration ?? 0, add.calibration);
  if (add.energyResponse !== null) own.energyResponse = Math.max(own.energyResponse ?? 0, add.energyResponse);
  own.type ??= add.type;
  own.readings += add.readings;
  own.sumW += add.sumW;
}

/** Groups fit points by device, 45° sector and distance bin (the same groups the SQL path makes). */
export function groupPoints(points: Iterable<FitPoint>, options: {relativeWidth?: number} = {}): ReadingGroup[] {
  // Keyed by number within a device and sector: no string is made per reading (millions of them).
  const byScope = new Map<string, Map<number, ReadingGroup>>();
  const all: ReadingGroup[] = [];
  const logWidth = Math.log1p(options.relativeWidth ?? DISTANCE_BIN_RELATIVE_WIDTH);
  let lastScope: Map<number, ReadingGroup> | undefined;
  let lastDevice: string | null = null;
  let lastSector: number | null | undefined;
  for (const p of points) {
    const sector = p.angle_deg === null ? null : sectorCentre(p.angle_deg, DEFAULT_SECTOR_WIDTH_DEG);
    if (p.device_id !== lastDevice || sector !== lastSector) {
      // "null" (no angle) cannot be mistaken for a sector centre, which is a number.
      const scopeKey = `${p.device_id}\u0000${sector}`;
      lastScope = byScope.get(scopeKey);
      if (!lastScope) byScope.set(scopeKey, (lastScope = new Map()));
      lastDevice = p.device_id;
      lastSector = sector;
    }
    const bin = Math.round(Math.log(p.distance_m) / logWidth);
    let g = lastScope!.get(bin);
    if (!g) {
      lastScope!.set(bin, (g = emptyGroup(p.device_id, sector, bin)));
      all.push(g);
    }
    if (p.censored) {
      g.censored++;
      continue;
    }
    const w = 1 / (p.sigma_uSv_per_h * p.sigma_uSv_per_h);
    const y = p.rate_uSv_per_h;
    const inst = p.instrument;
    addInstrument(g, {
      id: inst?.id ?? null, type: inst?.type ?? null, calibration: inst?.calibration ?? null, energyResponse: inst?.energyResponse ?? null, readings: 1, sumW: w
    });
    g.n++;
    g.sumW += w;
    g.sumWY += w * y;
    g.sumWYY += w * y * y;
    g.sumWR += w * p.distance_m;
    if (p.distance_m < g.minR) g.minR = p.distance_m;
    if (p.distance_m > g.maxR) g.maxR = p.distance_m;
    if (y < g.minY) g.minY = y;
    if (y > g.maxY) g.maxY = y;
  }
  return sortGroups(all);
}

/** Device, then sector (no angle first), then distance. */
export function sortGroups(groups: ReadingGroup[]): ReadingGroup[] {
  return groups.sort((a, b) =>
    (a.device_id < b.device_id ? -1 : a.device_id > b.device_id ? 1 : 0) ||
    (a.sector_deg ?? -1) - (b.sector_deg ?? -1) || a.bin - b.bin);
}

/** Adds b's readings to a (same device and bin). */
export function addGroup(a: ReadingGroup, b: ReadingGroup): void {
  a.n += b.n;
  a.sumW += b.sumW;
  a.sumWY += b.sumWY;
  a.sumWYY += b.sumWYY;
  a.sumWR += b.sumWR;
  a.minR = Math.min(a.minR, b.minR);
  a.maxR = Math.max(a.maxR, b.maxR);
  a.minY = Math.min(a.minY, b.minY);
  a.maxY = Math.max(a.maxY, b.maxY);
  a.censored += b.censored;
  for (const i of b.instruments) addInstrument(a, i);
}

/** One device's groups with the sectors merged: the groups of the all-angles fit (sector_deg null). */
export function mergeSectors(groups: readonly ReadingGroup[]): ReadingGroup[] {
  const merged = new Map<string, ReadingGroup>();
  for (const g of groups) {
    const key = `${g.device_id}\u0000${g.bin}`;
    let m = merged.get(key);
    if (!m) merged.set(key, (m = emptyGroup(g.device_id, null, g.bin)));
    addGroup(m, g);
  }
  return sortGroups([...merged.values()]);
}

/** The groups as fitter input: one entry per group holding readings above detection. */
export function packGroups(groups: readonly ReadingGroup[]): PackedPoints {
  const fitted = groups.filter((g) => g.n > 0);
  const n = fitted.length;
  const r = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  let minR = Infinity;
  let maxR = -Infinity;
  let readings = 0;
  let chiSquareWithin = 0;
  fitted.forEach((g, i) => {
    r[i] = groupDistance(g);
    y[i] = groupMean(g);
    w[i] = g.sumW;
    if (g.minR < minR) minR = g.minR;
    if (g.maxR > maxR) maxR = g.maxR;
    readings += g.n;
    chiSquareWithin += groupChiSquareWithin(g);
  });
  return {n, r, y, w, minR, maxR, grouped: {readings, chiSquareWithin}};
}

const describeGroup = (g: ReadingGroup) => `at ${groupDistance(g)} m (${g.n} readings)`;

/**
 * Fits a model to groups of readings: the parameters, covariance and χ² of the fit to every reading (see above), with
 * no per-reading output (residuals and censored checks come from checkAgainstFit or the SQL flag query).
 */
export function fitGroups(groups: readonly ReadingGroup[], modelName: ModelName, ctx: ModelContext = {}, options: FitOptions = {}): FitResult {
  const fitted = groups.filter((g) => g.n > 0);
  const fit = fitPacked(packGroups(fitted), modelName, ctx, options, (i) => describeGroup(fitted[i]!));
  if (!fit.converged || !fitted.some((g) => g.instruments.length > 0)) return fit;
  return {...fit, instrumentUncertainty: groupInstrumentUncertainty(fitted, fit)};
}

/** The fit's type B from the groups' instruments: Σ W·f(r)² per instrument over its groups (instrumentUncertainty). */
export function groupInstrumentUncertainty(groups: readonly ReadingGroup[], fit: FitResult) {
  const model = MODELS[fit.model];
  const params = parameterVector(fit);
  // Keyed by id; null (readings naming no instrument) is a key of its own, apart from every named instrument.
  const totals = new Map<string | null, InstrumentTotals>();
  for (const g of groups) {
    const f = model.rate(groupDistance(g), params, fit.context);
    for (const i of g.instruments) {
      let t = totals.get(i.id);
      if (!t) totals.set(i.id, (t = {id: i.id, type: i.type, calibration: null, energyResponse: null, readings: 0, information: 0}));
      if (i.calibration !== null) t.calibration = Math.max(t.calibration ?? 0, i.calibration);
      if (i.energyResponse !== null) t.energyResponse = Math.max(t.energyResponse ?? 0, i.energyResponse);
      t.type ??= i.type;
      t.readings += i.readings;
      const info = i.sumW * f * f;
      t.information += Number.isFinite(info) ? info : 0;
    }
  }
  return combineInstruments([...totals.values()]);
}

export interface FitCheck {
  /** Readings beyond FLAG_SIGMA of the fit (flagged residuals only). */
  flagged: Residual[];
  /** Readings below detection where the fit predicts a clearly detectable rate. */
  inconsistent: CensoredCheck[];
  /** Readings compared (above detection) and readings below detection checked. */
  compared: number;
  censored: number;
}

/**
 * Each reading against a fit without one object per reading: the flagged residuals and inconsistent censored
 * readings, with the same rules as fitModel (|normalised residual| > FLAG_SIGMA; censored consistent when the
 * prediction is at most the MDL rate + FLAG_SIGMA σ).
 */
export function checkAgainstFit(points: Iterable<FitPoint>, fit: FitResult): FitCheck {
  const out: FitCheck = {flagged: [], inconsistent: [], compared: 0, censored: 0};
  // As fitModel: a fit refused before any iteration has no parameters to check against.
  if (!fit.converged && fit.iterations === 0) return out;
  const model = MODELS[fit.model];
  const params = parameterVector(fit);
  for (const pt of points) {
    const predicted = model.rate(pt.distance_m, params, fit.context);
    if (pt.censored) {
      out.censored++;
      const limit = pt.mdl_rate_uSv_per_h;
      if (limit !== null && !(predicted <= limit + FLAG_SIGMA * pt.sigma_uSv_per_h)) {
        out.inconsistent.push({reading_id: pt.reading_id, distance_m: pt.distance_m, mdl_rate_uSv_per_h: limit, predicted, consistent: false});
      }
      continue;
    }
    out.compared++;
    const normalised = (pt.rate_uSv_per_h - predicted) / pt.sigma_uSv_per_h;
    if (Math.abs(normalised) > FLAG_SIGMA) {
      out.flagged.push({reading_id: pt.reading_id, distance_m: pt.distance_m, observed: pt.rate_uSv_per_h, predicted, normalised, flagged: true});
    }
  }
  return out;
}

/**
 * fitByGroup (lib/models/groups.ts) on groups: the device's all-angles fit, then one fit per 45° sector and one for
 * readings without an angle when others have one, with the same labels.
 */
export function fitGroupsBySector(groups: readonly ReadingGroup[], modelName: ModelName, ctx: ModelContext = {}): GroupFit[] {
  const out: GroupFit[] = [];
  const devices = [...new Set(groups.map((g) => g.device_id))].sort();
  for (const device_id of devices) {
    const own = groups.filter((g) => g.device_id === device_id);
    out.push({device_id, sector: null, label: `${device_id}, all angles`, fit: fitGroups(mergeSectors(own), modelName, ctx)});
    if (!own.some((g) => g.sector_deg !== null)) continue;
    const sectors = [...new Set(own.map((g) => g.sector_deg).filter((s): s is number => s !== null))].sort((a, b) => a - b);
    for (const centre_deg of sectors) {
      out.push({
        device_id, sector: {centre_deg, width_deg: DEFAULT_SECTOR_WIDTH_DEG}, label: `${device_id}, ${centre_deg}° ± ${DEFAULT_SECTOR_WIDTH_DEG / 2}°`,
        fit: fitGroups(own.filter((g) => g.sector_deg === centre_deg), modelName, ctx)
      });
    }
    const unstated = own.filter((g) => g.sector_deg === null);
    if (unstated.length > 0) out.push({device_id, sector: "unstated", label: `${device_id}, angle not stated`, fit: fitGroups(unstated, modelName, ctx)});
  }
  return out;
}
