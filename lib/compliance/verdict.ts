// Verdicts of a dose estimate against one limit, decided on the one-sided 95 % bounds (docs/methodology.md, "What
// 95 % means"), never on the point estimate alone. Rules (docs/compliance.md):
//   within                iff upper95 ≤ limit (the one-sided 95 % upper bound)
//   exceeds               iff lower95 > limit (the one-sided 95 % lower bound); with no lower bound, iff the point
//                         estimate > limit (protective reading: the verdict then says the true dose may be lower)
//   cannot-be-determined  otherwise: the interval straddles the limit, the estimate is not determinable, or the
//                         limit's number is not publicly available.
// Reference levels (negligible dose, a recommendation for scale) get "below-reference"/"above-reference" instead:
// they are not limits, and being above one is not a breach.
import type {AlaraConfig, Limit} from "./limits.js";
import {citeIds} from "../sources.js";
import {convertDose} from "../physics/convert-dose.js";

/** A dose estimate as any model produces it; lib/compliance does not care how it was made. */
export interface DoseEstimate {
  dose_uSv: number | null;
  upper95_uSv: number | null;
  lower95_uSv?: number | null;
  determinable: boolean;
  /** Why the estimate is not determinable (too little data, no convergence...), or how it was made. */
  reason?: string;
  /**
   * The effective photon energy of the beam the dose is from (keV): needed to compare with a limit stated as exposure
   * (L15, in roentgen), which is converted through air kerma to H*(10) at this energy.
   */
  effectiveEnergy_keV?: number;
  /** What the bounds are made of, largest share first or in any order; explanations name the largest. */
  budget?: {components: readonly {label: string; share: number}[]} | null;
}

export type ComplianceVerdict = "within" | "exceeds" | "cannot-be-determined";
export type ReferenceVerdict = "below-reference" | "above-reference" | "cannot-be-determined";

export interface AlaraFlag {
  level: string;
  fraction: number;
  threshold_uSv: number;
  /** reached: even the lower bound (or the point estimate) is at or above the level; possibly-reached: only the upper bound is. */
  status: "reached" | "possibly-reached";
  action: string;
}

export interface LimitVerdict {
  limit_id: string;
  /** compliance for limits and criteria; reference for reference levels. */
  role: "compliance" | "reference";
  verdict: ComplianceVerdict | ReferenceVerdict;
  limit_uSv: number | null;
  /** limit ÷ upper95: how many times the upper bound fits under the limit; null when either is unknown or the bound is 0. */
  margin: number | null;
  alara: AlaraFlag[];
  explanation: string;
}

/** Three significant figures, in µSv: the form every explanation uses. */
export function formatMicrosievert(value_uSv: number): string {
  return `${Number(value_uSv.toPrecision(3))} µSv`;
}

/** A limit stated as exposure, in µSv of H*(10) at the estimate's effective energy, with how it was converted. */
function exposureLimit(limit: Limit, estimate: DoseEstimate): {uSv: number; text: string} | string {
  const energy = estimate.effectiveEnergy_keV;
  if (energy === undefined) return `the limit ${limit.id} is stated as exposure (${limit.value} ${limit.unit}), and converting it to a dose needs the beam's effective photon energy, which the estimate does not state`;
  try {
    const c = convertDose(limit.value_uR!, "exposure", "H*(10)", {effectiveEnergy_keV: energy});
    return {uSv: c.value, text: `${limit.value} ${limit.unit} converted at ${energy} keV through air kerma to ${formatMicrosievert(c.value)} H*(10)`};
  } catch (error) {
    return `the limit ${limit.id} is stated as exposure and cannot be converted at ${energy} keV: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The budget component with the largest share, in words, for explanations; "" when none is given. */
function dominant(estimate: DoseEstimate): string {
  const parts = estimate.budget?.components ?? [];
  if (parts.length === 0) return "";
  const top = parts.reduce((a, b) => (b.share > a.share ? b : a));
  return ` The largest part of the uncertainty is ${top.label} (${Math.round(top.share * 100)} % of the variance).`;
}

export function judge(estimate: DoseEstimate, limit: Limit, alara?: AlaraConfig): LimitVerdict {
  const role = limit.kind === "reference-level" ? "reference" : "compliance";
  let converted: {uSv: number; text: string} | null = null;
  if (limit.value_uR !== null && estimate.determinable) {
    const c = exposureLimit(limit, estimate);
    if (typeof c === "string") return {limit_id: limit.id, role, limit_uSv: null, verdict: "cannot-be-determined", margin: null, alara: [], explanation: `Cannot be determined: ${c}.`};
    converted = c;
  }
  const limitValue = converted?.uSv ?? limit.value_uSv;
  const base = {limit_id: limit.id, role, limit_uSv: limitValue} as const;
  const cannot = (explanation: string): LimitVerdict => ({...base, verdict: "cannot-be-determined", margin: null, alara: [], explanation});

  if (limit.value === null) {
    return cannot(`Cannot be determined: the limit of ${limit.document} is not publicly available, so no comparison is possible.`);
  }
  if (!estimate.determinable) {
    return cannot(`Cannot be determined: the dose could not be estimated (${estimate.reason ?? "no reason given"}).`);
  }
  if (limitValue === null) return cannot(`Cannot be determined: the limit ${limit.id} has no value in µSv.`);
  const {dose_uSv: point, upper95_uSv: upper} = estimate;
  const lower = estimate.lower95_uSv ?? null;
  if (upper === null || !Number.isFinite(upper)) {
    return cannot("Cannot be determined: the estimate has no 95 % upper bound, and a verdict needs one.");
  }
  if ((lower !== null && lower > upper) || (point !== null && (point > upper || (lower !== null && point < lower)))) {
    return cannot(
      `Cannot be determined: the estimate is inconsistent (point ${show(point)}, 95 % interval ${show(lower)} to ${show(upper)}).`
    );
  }

  const L = limitValue;
  const margin = upper > 0 ? L / upper : null;
  const what = role === "reference" ? "reference level" : "limit";
  const limitText = `the ${what} ${limit.id} of ${formatMicrosievert(L)} (${limit.stated}${converted ? `, ${converted.text}` : ""}; ${limit.source}${citeIds(limit.sources)}, grade ${limit.grade ?? "none"})`;
  const flags = role === "compliance" ? alaraFlags(upper, lower ?? point, L, limit, alara) : [];
  const alaraText = flags.length ? ` ALARA: ${flags.map((f) => `${f.level} (${pct(f.fraction)} of the limit, ${formatMicrosievert(f.threshold_uSv)}) ${f.status}`).join("; ")}.` : "";

  if (upper <= L) {
    const verdict = role === "reference" ? "below-reference" : "within";
    const margintext = margin === null ? "the upper bound is zero" : `margin ${margin.toPrecision(3)} (limit ÷ upper bound)`;
    const head = role === "reference" ? "Below the reference level" : "Within";
    return {...base, verdict, margin, alara: flags, explanation: `${head}: the 95 % upper bound ${formatMicrosievert(upper)} is at or below ${limitText}; ${margintext}.${alaraText}`};
  }

  // Above the upper bound test: exceeds only if the data exclude the limit from below as well.
  const floor = lower ?? point;
  if (floor !== null && floor > L) {
    const verdict = role === "reference" ? "above-reference" : "exceeds";
    const head = role === "reference" ? "Above the reference level (not a breach: a reference level is not a limit)" : "Exceeds";
    const basis =
      lower !== null
        ? `the 95 % lower bound ${formatMicrosievert(lower)} is above ${limitText}`
        : `no lower bound is known, and the point estimate ${formatMicrosievert(floor)} is above ${limitText}; read protectively as exceeding, although the true dose may be lower`;
    return {...base, verdict, margin, alara: flags, explanation: `${head}: ${basis}; margin ${margin!.toPrecision(3)}.${alaraText}`};
  }

  const interval = lower !== null ? `${formatMicrosievert(lower)} to ${formatMicrosievert(upper)}` : `up to ${formatMicrosievert(upper)} (no lower bound known)`;
  return {
    ...base,
    verdict: "cannot-be-determined",
    margin,
    alara: flags,
    explanation: `Cannot be determined: the 95 % interval ${interval} straddles ${limitText}; more or better data would narrow it.${dominant(estimate)}${alaraText}`
  };
}

/** Flags for the ALARA investigation levels a dose may have reached; only for the periods the program applies them to. */
function alaraFlags(upper: number, floor: number | null, limit_uSv: number, limit: Limit, alara: AlaraConfig | undefined): AlaraFlag[] {
  if (!alara || !alara.applies_to_periods.includes(limit.period)) return [];
  const flags: AlaraFlag[] = [];
  for (const level of alara.levels) {
    const threshold_uSv = level.fraction * limit_uSv;
    if (upper < threshold_uSv) continue;
    const status = floor !== null && floor >= threshold_uSv ? "reached" : "possibly-reached";
    flags.push({level: level.id, fraction: level.fraction, threshold_uSv, status, action: level.action});
  }
  return flags;
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))} %`;
}

function show(value: number | null): string {
  return value === null ? "unknown" : formatMicrosievert(value);
}
