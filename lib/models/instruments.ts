// Type B uncertainty of a fit (GUM, JCGM 100:2008 [JCGM-100]): every reading of one instrument shares its calibration
// factor and its response at the beam's energy, so their errors are the same on every reading and do not shrink as
// readings accumulate. The fit's type B is formed here from each instrument's stated uncertainties and its share of
// the readings' information, and combined with the covariance (type A) by lib/exposure.
import type {FitInstrument, FitPoint, InstrumentContribution, InstrumentUncertainty} from "./types.js";

/**
 * Relative standard uncertainty (k = 1) of an instrument whose calibration and energy response the data do not state:
 * 10 %, covering both. A documented assumption of this product (docs/methodology.md, "Uncertainty budget"), not a
 * standard's figure: state each instrument's values in the readings to replace it.
 */
export const DEFAULT_INSTRUMENT_UNCERTAINTY = 0.1;

export const INSTRUMENT_METHOD =
  "u_B = sum over instruments of (share x u_k), u_k = sqrt(calibration^2 + energy response^2): the instruments' errors are taken as fully correlated (same calibration chain, same beam energy), so their uncertainties add in proportion to each instrument's share of the fit's information (sum of w*f^2 over its readings), and many instruments never shrink the total";

/** An instrument's relative uncertainty (k = 1) and which components took the default. */
export function instrumentRelative(instrument: Pick<FitInstrument, "calibration" | "energyResponse">): {
  calibration: number | null; energyResponse: number | null; relative: number; defaulted: ("calibration" | "energy response")[];
} {
  const {calibration, energyResponse} = instrument;
  if (calibration === null && energyResponse === null) {
    return {calibration: null, energyResponse: null, relative: DEFAULT_INSTRUMENT_UNCERTAINTY, defaulted: ["calibration", "energy response"]};
  }
  // A stated calibration says nothing about the energy response, nor the reverse: the missing one takes the default.
  const cal = calibration ?? DEFAULT_INSTRUMENT_UNCERTAINTY;
  const energy = energyResponse ?? DEFAULT_INSTRUMENT_UNCERTAINTY;
  const defaulted: ("calibration" | "energy response")[] = [];
  if (calibration === null) defaulted.push("calibration");
  if (energyResponse === null) defaulted.push("energy response");
  return {calibration: cal, energyResponse: energy, relative: Math.hypot(cal, energy), defaulted};
}

const UNIDENTIFIED = "\u0000unidentified";

/** What one instrument contributes, summed over its fitted readings. */
export interface InstrumentTotals {
  id: string | null;
  type: FitInstrument["type"];
  /** The largest stated value over its readings (null when none states one). */
  calibration: number | null;
  energyResponse: number | null;
  readings: number;
  /** Σ w·f² over its readings: its share of the fit's information about the dose scale. */
  information: number;
}

/**
 * The fit's type B from the instruments of its fitted (uncensored) points; `rate` is the fitted model, whose value at
 * each point weighs its reading's information about the dose scale. With no instrument information at all (points
 * without `instrument`) the result is the default for one unidentified instrument.
 */
export function instrumentUncertainty(points: readonly FitPoint[], rate: (r_m: number) => number): InstrumentUncertainty {
  const byId = new Map<string, InstrumentTotals>();
  for (const p of points) {
    if (p.censored) continue;
    const inst = p.instrument;
    const key = inst?.id ?? UNIDENTIFIED;
    let acc = byId.get(key);
    if (!acc) byId.set(key, (acc = {id: inst?.id ?? null, type: inst?.type ?? null, calibration: null, energyResponse: null, readings: 0, information: 0}));
    // An instrument that states different values on different rows is taken at the largest: the protective reading.
    if (inst?.calibration != null) acc.calibration = Math.max(acc.calibration ?? 0, inst.calibration);
    if (inst?.energyResponse != null) acc.energyResponse = Math.max(acc.energyResponse ?? 0, inst.energyResponse);
    acc.type ??= inst?.type ?? null;
    const f = rate(p.distance_m);
    const info = (f * f) / (p.sigma_uSv_per_h * p.sigma_uSv_per_h);
    acc.readings++;
    acc.information += Number.isFinite(info) ? info : 0;
  }
  return combineInstruments([...byId.values()]);
}

/** The fit's type B from each instrument's totals (instrumentUncertainty, or sums per distance: lib/models/grouped.ts). */
export function combineInstruments(totals: readonly InstrumentTotals[]): InstrumentUncertainty {
  const total = totals.reduce((s, a) => s + a.information, 0);
  const instruments: InstrumentContribution[] = [...totals]
    .sort((a, b) => b.information - a.information || String(a.id).localeCompare(String(b.id)))
    .map((a) => {
      const r = instrumentRelative(a);
      return {id: a.id, type: a.type, readings: a.readings, ...r, share: total > 0 ? a.information / total : 1 / totals.length};
    });
  if (instruments.length === 0) return defaultInstrumentUncertainty(0);
  const relative = instruments.reduce((sum, i) => sum + i.share * i.relative, 0);
  return {relative, method: INSTRUMENT_METHOD, instruments, defaulted: instruments.some((i) => i.defaulted.length > 0)};
}

/** The budget of a fit made without instrument information (e.g. from streamed arrays): the default, said so. */
export function defaultInstrumentUncertainty(readings: number): InstrumentUncertainty {
  return {
    relative: DEFAULT_INSTRUMENT_UNCERTAINTY,
    method: `no instrument information reached the fit: the default ${DEFAULT_INSTRUMENT_UNCERTAINTY * 100} % (k = 1) for calibration and energy response together`,
    instruments: [{id: null, type: null, readings, calibration: null, energyResponse: null, defaulted: ["calibration", "energy response"], relative: DEFAULT_INSTRUMENT_UNCERTAINTY, share: 1}],
    defaulted: true
  };
}
