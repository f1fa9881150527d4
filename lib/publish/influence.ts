// No published figure decided by one reading: for every device, each reading that could move a published figure (the
// policy points' upper bounds, the exclusion distances, the verdicts) is removed, the device's models refitted without
// it, and the figures computed again exactly as published. A reading whose removal moves a figure by more than the
// figure's own uncertainty (the margin its 95 % bound adds to the estimate, with or without the reading, whichever is
// smaller), or changes a verdict, is reported with the
// size of its effect. Which readings are tried: those the screen of lib/models/influence.ts cannot clear, the largest
// bounds first, at most `maxChecked` per device (the count of the rest is reported, never hidden).
import {fitWithout, influenceDiagnostics, packPoints, SCREEN_BOUND, type FitPoint} from "../models/index.js";
import {MIN_FITTED_READINGS, sectorLabel, type DeviceModels, type GroupModels} from "./device-models.js";

/** One published figure as the influence check compares it. */
export interface Figure {
  /** Stable id: "policy:5 ft for 10 s", "exclusion:L5", "verdict:<scenario>:<limit>". */
  id: string;
  /** What the figure is, in words. */
  label: string;
  unit: string;
  value: number | null;
  /** The figure's own uncertainty; null when it has none (then only a verdict change or a figure lost counts). */
  uncertainty: number | null;
  verdict: string | null;
}

export interface InfluenceEffect {
  figure_id: string;
  figure: string;
  unit: string;
  value: number | null;
  /** The figure without the reading; null when it cannot be determined without it. */
  without: number | null;
  /** The yardstick: the smaller of the figure's uncertainties with and without the reading. */
  uncertainty: number | null;
  verdict: string | null;
  verdict_without: string | null;
}

export interface InfluentialReading {
  device_id: string;
  reading_id: string;
  /** file:line of the reading. */
  source: string;
  /** The highest leverage and Cook's distance of the reading among the device's fits that contain it. */
  leverage: number;
  cooks_distance: number;
  effects: InfluenceEffect[];
}

export interface DeviceInfluence {
  influential: InfluentialReading[];
  /** Readings in the device's fits, all screened. */
  screened: number;
  /** Readings refitted without them and compared figure by figure. */
  checked: number;
  /** Readings the screen could not clear but that were not refitted (beyond maxChecked). */
  not_checked: number;
}

/** Readings refitted per device at most; the screen passes very few on data that hold together. */
export const MAX_CHECKED_PER_DEVICE = 100;

function groupPoints(g: GroupModels, points: readonly FitPoint[]): FitPoint[] {
  return points.filter((p) => !p.censored && (g.sector === null || sectorLabel(p.angle_deg) === g.sector));
}

/**
 * Whether removing the reading moves the figure beyond its uncertainty, changes its verdict, or loses it. The smaller
 * of the two uncertainties (with and without the reading) is the yardstick: a bad reading can inflate the uncertainty
 * of the figure it spoils until the move hides inside it.
 */
function moved(a: Figure, b: Figure | undefined): boolean {
  const without = b?.value ?? null;
  if ((b?.verdict ?? null) !== a.verdict) return true;
  if (a.value === null || without === null) return (a.value === null) !== (without === null);
  const u = yardstick(a, b);
  return u !== null && Math.abs(without - a.value) > u;
}

function yardstick(a: Figure, b: Figure | undefined): number | null {
  const u = Math.min(a.uncertainty ?? Infinity, b?.uncertainty ?? Infinity);
  return Number.isFinite(u) ? u : null;
}

export function readingInfluence(
  models: DeviceModels, points: readonly FitPoint[], figures: (models: DeviceModels) => Figure[],
  options: {maxChecked?: number} = {}
): DeviceInfluence {
  const base = figures(models);
  const perGroup = models.groups.map((g) => {
    if (!g.selected) return null;
    const members = groupPoints(g, points);
    const packed = packPoints(members);
    return {g, members, packed, diagnostics: influenceDiagnostics(g.selected, packed), index: new Map(members.map((p, i) => [p.reading_id, i]))};
  });
  const screen = new Map<string, {bound: number; leverage: number; cooks: number}>();
  for (const entry of perGroup) {
    if (!entry) continue;
    for (const d of entry.diagnostics) {
      const id = entry.members[d.index]!.reading_id;
      const known = screen.get(id) ?? {bound: 0, leverage: 0, cooks: 0};
      screen.set(id, {bound: Math.max(known.bound, d.bound), leverage: Math.max(known.leverage, d.leverage), cooks: Math.max(known.cooks, d.cooksDistance)});
    }
  }
  const candidates = [...screen].filter(([, s]) => s.bound > SCREEN_BOUND).sort((a, b) => b[1].bound - a[1].bound || (a[0] < b[0] ? -1 : 1));
  const limit = options.maxChecked ?? MAX_CHECKED_PER_DEVICE;
  const byId = new Map(points.map((p) => [p.reading_id, p]));
  const influential: InfluentialReading[] = [];
  for (const [reading_id, s] of candidates.slice(0, limit)) {
    const groups = models.groups.map((g, k): GroupModels => {
      const entry = perGroup[k];
      const i = entry?.index.get(reading_id);
      if (!entry || i === undefined) return g;
      if (entry.members.length - 1 < MIN_FITTED_READINGS) {
        return {...g, selected: null, reason: `only ${entry.members.length - 1} readings above the detection limit without ${reading_id}; at least ${MIN_FITTED_READINGS} are needed`};
      }
      const fit = fitWithout(g.selected!, entry.packed, i);
      return fit.converged ? {...g, selected: fit} : {...g, selected: null, reason: `the ${fit.model} fit without ${reading_id} does not converge: ${fit.reason}`};
    });
    const after = new Map(figures({...models, groups}).map((f) => [f.id, f]));
    const effects = base.filter((f) => moved(f, after.get(f.id))).map((f) => {
      const b = after.get(f.id);
      return {figure_id: f.id, figure: f.label, unit: f.unit, value: f.value, without: b?.value ?? null, uncertainty: yardstick(f, b), verdict: f.verdict, verdict_without: b?.verdict ?? null};
    });
    if (effects.length === 0) continue;
    const p = byId.get(reading_id)!;
    influential.push({
      device_id: models.device_id, reading_id, source: p.source ? `${p.source.file}:${p.source.line}` : reading_id,
      leverage: s.leverage, cooks_distance: s.cooks, effects
    });
  }
  return {influential, screened: screen.size, checked: Math.min(limit, candidates.length), not_checked: Math.max(0, candidates.length - limit)};
}

/** A figure's effect in words: "upper bound at 5 ft for 10 s: 0.159 → 0.089 µSv (its uncertainty 0.031 µSv)". */
export function describeEffect(e: InfluenceEffect): string {
  if (e.verdict !== null) return `${e.figure}: ${e.verdict} → ${e.verdict_without ?? "cannot be determined"}`;
  const n = (v: number | null) => (v === null ? "cannot be determined" : `${Number(v.toPrecision(3))} ${e.unit}`);
  const own = e.uncertainty === null ? "" : ` (its uncertainty ${Number(e.uncertainty.toPrecision(2))} ${e.unit})`;
  return `${e.figure}: ${n(e.value)} → ${n(e.without)}${own}`;
}
