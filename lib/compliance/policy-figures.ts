// The numbers of a policy's dose and dose-rate statements as the checks use them: in µSv (or µSv/h), with the
// rounding their written digits allow, the distance in metres and the duration in seconds, and the physics that
// carries a figure from one distance to another (inverse square, air attenuation between 20 and 150 keV).
import {convert} from "../units/index.js";
import {formatMicrosievert} from "./verdict.js";
import {shortLabel, type Quantity} from "./policy-quantities.js";
import type {DoseStatement, RateStatement} from "./policy-statements.js";

export const r3 = (v: number) => Number(v.toPrecision(3));
export const uSvText = (v: number) => formatMicrosievert(v);
/** A figure is known to ± half a unit in its last written digit. */
export const halfUlp = (q: Quantity) => 0.5 * 10 ** -q.decimals;
export const isExposure = (q: Quantity) => q.dimension === "exposure" || q.dimension === "exposure-rate";
/** An absorbed dose or air kerma (Gy): not a dose equivalent without the beam's energy. */
export const isAbsorbed = (q: Quantity) => q.dimension === "absorbed-dose" || q.dimension === "absorbed-dose-rate";

/** The rem unit of the same size as an exposure unit: uR → urem, mR/h → mrem/h. */
export const remAnalogue = (unit: string) => unit.replace(/^(m|u|n)?R(?=\/|$)/, "$1rem");

/**
 * A figure in µSv, or µSv/h for a rate. An exposure (R) is taken as the same number of rem: the diagnostic-energy
 * rule of thumb, within about 10 % (the checks that use it say so).
 */
export function inMicrosievert(q: Quantity, value: number = q.value): number {
  if (value === q.value) return cached(microsieverts, q, () => convert(value, remAnalogue(q.unit), q.dimension.endsWith("rate") ? "uSv/h" : "uSv"));
  return convert(value, remAnalogue(q.unit), q.dimension.endsWith("rate") ? "uSv/h" : "uSv");
}

// Each quantity is converted once: the checks compare every statement with others, and a unit conversion costs far
// more than a lookup.
const microsieverts = new WeakMap<Quantity, number>();
const inMetres = new WeakMap<Quantity, number>();
const inSeconds = new WeakMap<Quantity, number>();
function cached(map: WeakMap<Quantity, number>, q: Quantity, compute: () => number): number {
  let v = map.get(q);
  if (v === undefined) map.set(q, (v = compute()));
  return v;
}

export const metres = (q: Quantity) => cached(inMetres, q, () => convert(q.value, q.unit, "m"));
export const seconds = (q: Quantity) => cached(inSeconds, q, () => convert(q.value, q.unit, "s"));
/** "5ft", "1.5m": a distance or duration as an id part. */
export const idLabel = (q: Quantity) => shortLabel(q).replace(/\s+/g, "");

const SINGULAR: Record<string, string> = {ms: "millisecond", s: "second", min: "minute", h: "hour", day: "day", week: "week", month: "month", year: "year"};
/** "10-second": a duration as an adjective. */
export const durationAdjective = (q: Quantity) => `${q.value}-${SINGULAR[q.unit] ?? q.unit}`;

/** The figures of a statement, highest first (in µSv or µSv/h). */
export const byValue = (s: DoseStatement | RateStatement) => [...s.figures].sort((a, b) => inMicrosievert(b) - inMicrosievert(a));

export interface StatedRange {
  /** Lowest and highest value the statement allows, in µSv (µSv/h for a rate); the high end may be Infinity. */
  low: number;
  high: number;
  /** The same with the rounding of the last written digit. */
  lowRounded: number;
  highRounded: number;
  /** As written, for an explanation: "0.009 mrem to 0.016 mrem", "at most 0.5 mrem/h". */
  text: string;
}

export function statedRange(s: DoseStatement | RateStatement): StatedRange {
  const sorted = byValue(s);
  const hi = sorted[0]!;
  const lo = sorted.at(-1)!;
  const high = inMicrosievert(hi);
  const low = inMicrosievert(lo);
  const highRounded = inMicrosievert(hi, hi.value + halfUlp(hi));
  const lowRounded = inMicrosievert(lo, Math.max(0, lo.value - halfUlp(lo)));
  switch (s.relation) {
    case "between":
      return {low, high, lowRounded, highRounded, text: `${lo.written} to ${hi.written}`};
    case "at-most":
      return {low: 0, high, lowRounded: 0, highRounded, text: `at most ${hi.written}`};
    case "at-least":
      return {low, high: Infinity, lowRounded, highRounded: Infinity, text: `at least ${lo.written}`};
    default:
      return {low, high, lowRounded, highRounded, text: `${s.relation === "about" ? "about " : ""}${hi.written}`};
  }
}

/**
 * Dry air, NIST mass attenuation μ/ρ at 20 keV and 150 keV (cm²/g), and its density ρ = 1.205e-3 g/cm³ near sea
 * level [NIST-SRD-126]. The ends of the plausible spectrum bound the attenuation whatever the effective energy (itself
 * only a grade C estimate, about 60 keV [Rez-ASU]).
 */
export const AIR = {mu_rho_20keV_cm2_per_g: 0.7779, mu_rho_150keV_cm2_per_g: 0.1356, rho_g_per_cm3: 1.205e-3, source: "NIST X-ray mass attenuation tables (dry air), grade A [NIST-SRD-126]"};

export interface DistanceFactor {
  /** Inverse square alone: (from ÷ to)². */
  geometric: number;
  /** Range of the factor that carries a dose from one distance to the other, air included. */
  low: number;
  high: number;
  attenuation20: number;
  attenuation150: number;
}

/**
 * The factor from a dose at `from_m` to the dose at `to_m` from a point source: (from ÷ to)² times the air
 * transmission over the difference (between its value at 20 keV and none at all, the bound the published check has
 * always used), or divided by it going closer.
 */
export function distanceFactor(from_m: number, to_m: number): DistanceFactor {
  const extra_cm = Math.abs(to_m - from_m) * 100;
  const attenuation20 = Math.exp(-AIR.mu_rho_20keV_cm2_per_g * AIR.rho_g_per_cm3 * extra_cm);
  const attenuation150 = Math.exp(-AIR.mu_rho_150keV_cm2_per_g * AIR.rho_g_per_cm3 * extra_cm);
  const geometric = (from_m / to_m) ** 2;
  return to_m >= from_m
    ? {geometric, low: geometric * attenuation20, high: geometric, attenuation20, attenuation150}
    : {geometric, low: geometric, high: geometric / attenuation20, attenuation20, attenuation150};
}

/** "5 ft", or "5 ft for 10 s", or "5 ft per scan": where and over what a dose statement holds. */
export function whereText(s: DoseStatement | RateStatement): string {
  const at = s.distance ? shortLabel(s.distance) : "";
  const over = s.kind === "rate" ? "" : s.duration ? `for ${shortLabel(s.duration)}` : s.perScan ? "per scan" : "";
  return [at, over].filter(Boolean).join(" ");
}

/** The figure and its restatements as one exact span of the text: "0.016 mrem (or 16 urem/microrem)". */
export function figureSpan(text: string, q: Quantity): string {
  const last = [...q.alternatives, ...q.unreadAlternatives].reduce((e, a) => Math.max(e, a.end), q.end);
  const close = last > q.end ? text.indexOf(")", last) : -1;
  return text.slice(q.start, close >= 0 ? close + 1 : q.end);
}
