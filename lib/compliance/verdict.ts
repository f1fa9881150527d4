// Verdicts of a dose estimate against one limit, decided on the 95 % bounds, never on the point estimate alone.
// Rules (docs/compliance.md):
//   within                iff upper95 ≤ limit
//   exceeds               iff lower95 > limit; with no lower bound, iff the point estimate > limit (protective
//                         reading: the verdict then says the true dose may be lower)
//   cannot-be-determined  otherwise: the interval straddles the limit, the estimate is not determinable, or the
//                         limit's number is not publicly available.
// Reference levels (negligible dose, a recommendation for scale) get "below-reference"/"above-reference" instead:
// they are not limits, and being above one is not a breach.
import type {AlaraConfig, Limit} from "./limits.js";
import {citeIds} from "../sources.js";

/** A dose estimate as any model produces it; lib/compliance does not care how it was made. */
export interface DoseEstimate {
  dose_uSv: number | null;
  upper95_uSv: number | null;
  lower95_uSv?: number | null;
  determinable: boolean;
  /** Why the estimate is not determinable (too little data, no convergence...), or how it was made. */
  reason?: string;
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

export function judge(estimate: DoseEstimate, limit: Limit, alara?: AlaraConfig): LimitVerdict {
  const role = limit.kind === "reference-level" ? "reference" : "compliance";
  const base = {limit_id: limit.id, role, limit_uSv: limit.value_uSv} as const;
  const cannot = (explanation: string): LimitVerdict => ({...base, verdict: "cannot-be-determined", margin: null, alara: [], explanation});

  if (limit.value_uSv === null) {
    return cannot(`Cannot be determined: the limit of ${limit.document} is not publicly available, so no comparison is possible.`);
  }
  if (!estimate.determinable) {
    return cannot(`Cannot be determined: the dose could not be estimated (${estimate.reason ?? "no reason given"}).`);
  }
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

  const L = limit.value_uSv;
  const margin = upper > 0 ? L / upper : null;
  const what = role === "reference" ? "reference level" : "limit";
  const limitText = `the ${what} ${limit.id} of ${formatMicrosievert(L)} (${limit.stated}; ${limit.source}${citeIds(limit.sources)}, grade ${limit.grade ?? "none"})`;
  const flags = role === "compliance" ? alaraFlags(upper, lower ?? point, limit, alara) : [];
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
    explanation: `Cannot be determined: the 95 % interval ${interval} straddles ${limitText}; more or better data would narrow it.${alaraText}`
  };
}

/** Flags for the ALARA investigation levels a dose may have reached; only for the periods the program applies them to. */
function alaraFlags(upper: number, floor: number | null, limit: Limit, alara: AlaraConfig | undefined): AlaraFlag[] {
  if (!alara || !alara.applies_to_periods.includes(limit.period) || limit.value_uSv === null) return [];
  const flags: AlaraFlag[] = [];
  for (const level of alara.levels) {
    const threshold_uSv = level.fraction * limit.value_uSv;
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
