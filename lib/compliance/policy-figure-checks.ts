// Checks of a policy's dose and dose-rate statements: the units inside each statement, every pair of statements
// at two distances under the inverse square law (doses for the same duration, rates, and doses against rates),
// per-scan figures against the per-screening limits, and the field data at each stated distance.
import {convert} from "../units/index.js";
import {describeDimensionName} from "../units/index.js";
import {citeIds} from "../sources.js";
import type {Limit} from "./limits.js";
import type {Estimator} from "./scenarios.js";
import type {ClaimResult} from "./policy-claims.js";
import {shortLabel, type Quantity} from "./policy-quantities.js";
import type {DoseStatement, RateStatement} from "./policy-statements.js";
import type {TextSpan} from "./policy-text.js";
import {
  AIR, byValue, distanceFactor, halfUlp, idLabel, inMicrosievert, isAbsorbed, isExposure, metres, r3, remAnalogue, seconds, statedRange,
  uSvText, whereText
} from "./policy-figures.js";

type Figured = DoseStatement | RateStatement;
/** A claim before its id is made unique and its quote placed: `at` orders claims by where they are in the text. */
export type DraftClaim = Omit<ClaimResult, "section"> & {section: string; at: number};

const prettyUnit = (unit: string) => unit.replace(/^u/, "µ");
const clean12 = (v: number) => Number(v.toPrecision(12));

function where(s: Figured): string {
  const w = s.distance ? shortLabel(s.distance) : s.kind === "dose" && s.perScan ? "per-scan" : "";
  return `${w}${w ? " " : ""}${s.kind === "rate" ? "dose-rate " : ""}statement`;
}

/**
 * One figure against one restatement: equal within the rounding of the restatement's last digit. `ok` is null when
 * the two cannot be compared (an absorbed dose or air kerma in Gy: turning it into a dose equivalent needs the beam's
 * energy, as for a statement's own figures in lib/compliance/policy-statements.ts).
 */
function restatementFinding(main: Quantity, alt: Quantity, numbers: ClaimResult["numbers"]): {ok: boolean | null; text: string} {
  if (alt.dimension.endsWith("rate") !== main.dimension.endsWith("rate")) {
    return {ok: false, text: `"${alt.text}" is ${describeDimensionName(alt.dimension)} and ${main.written} ${describeDimensionName(main.dimension)}: one cannot restate the other.`};
  }
  if (isAbsorbed(alt) !== isAbsorbed(main)) {
    const absorbed = isAbsorbed(alt) ? alt : main;
    return {ok: null, text: `"${absorbed.text}" is ${describeDimensionName(absorbed.dimension)}: turning it into a dose equivalent needs the beam's energy, so it is not compared.`};
  }
  if (isExposure(alt) !== isExposure(main)) {
    // Exposure is not dose: diagnostic-energy rule of thumb, 1 R ≈ 1 rem within about 10 % (a textbook rule whose source
    // is not yet recorded: docs/sources.md, "Facts used without a traced source").
    const [dose, exposure] = isExposure(alt) ? [main, alt] : [alt, main];
    const unit = remAnalogue(exposure.unit);
    const doseIn = clean12(convert(dose.value, dose.unit, unit));
    numbers[`${dose.written} in ${unit}`] = doseIn;
    const tolerance = Math.max(halfUlp(exposure), 0.1 * doseIn);
    const ok = Math.abs(exposure.value - doseIn) <= tolerance;
    const ratio = r3(Math.max(doseIn, exposure.value) / Math.min(doseIn, exposure.value));
    return {
      ok,
      text:
        `${dose.written} is ${doseIn} ${prettyUnit(unit)}; "${exposure.text}" is an exposure, not a dose, and mixes roentgen with rem. Even taking 1 ${prettyUnit(exposure.unit)} ≈ 1 ${prettyUnit(unit)} (about 10 %, diagnostic-energy X-rays), ` +
        `${exposure.written} ≈ ${exposure.value} ${prettyUnit(unit)}, ${ok ? "which agrees" : `${ratio} times ${exposure.value < doseIn ? "less" : "more"} than ${doseIn} ${prettyUnit(unit)}`}.`
    };
  }
  const mainIn = clean12(convert(main.value, remAnalogue(main.unit), remAnalogue(alt.unit)));
  numbers[`${main.written} in ${alt.unit}`] = mainIn;
  const ok = Math.abs(alt.value - mainIn) <= halfUlp(alt);
  const u = prettyUnit(alt.unit);
  return {ok, text: `${main.written} is ${mainIn} ${u}: "${alt.text}" ${ok ? "agrees" : `does not (${mainIn} ${u} is ${r3(mainIn / alt.value)} times ${alt.value} ${u})`}.`};
}

/** Each figure against its restatements, and numbers written twice ("five (5)") against themselves. */
export function unitsClaim(s: Figured): DraftClaim | null {
  const numbers: ClaimResult["numbers"] = {};
  const findings: string[] = [];
  let ok = true;
  // Consistent only when something was compared: a restatement that is not read or not compared says nothing.
  let compared = false;
  for (const q of [s.distance, s.kind === "dose" ? s.duration : null].filter((x): x is Quantity => x !== null && x.mismatch !== null)) {
    ok = false;
    findings.push(`${q.mismatch}.`);
  }
  for (const main of s.figures) {
    if (main.mismatch) {
      ok = false;
      findings.push(`${main.mismatch}.`);
    }
    for (const alt of main.alternatives) {
      const f = restatementFinding(main, alt, numbers);
      if (f.ok !== null) {
        compared = true;
        ok &&= f.ok;
      }
      findings.push(f.text);
    }
    for (const u of main.unreadAlternatives) findings.push(`"${u.text}" is not read: ${u.reason}.`);
  }
  if (findings.length === 0) return null;
  const w = where(s);
  return {
    id: `units${s.distance ? `-${idLabel(s.distance)}` : s.kind === "dose" && s.perScan ? "-per-scan" : ""}${s.kind === "rate" ? "-rate" : ""}`,
    quote: s.sentence.text, section: s.sentence.section, at: s.sentence.start,
    check: `Do the units inside the ${w.replace(/ statement$/, "")} statement agree?`,
    verdict: !ok ? "inconsistent" : compared ? "consistent" : "unsupported",
    explanation: `1 mrem = 1000 µrem = 10 µSv (10 CFR 20.1004) [10CFR20]. ${findings.join(" ")}`,
    numbers
  };
}

export interface PairContext {
  text: string;
  /** Where the policy says its distances are measured from, if it does. */
  centre: TextSpan | null;
  /** Several pairs of the same kind: ids name the distances. */
  qualify: boolean;
}

/**
 * Two adjacent sentences as one exact quote; otherwise `b`'s sentence (the farther distance, or the rate statement)
 * is the quote and the explanation quotes `a`'s.
 */
function pairQuote(text: string, a: Figured, b: Figured): {quote: string; other: string | null; at: number} {
  const [first, second] = a.sentence.start <= b.sentence.start ? [a.sentence, b.sentence] : [b.sentence, a.sentence];
  if (first === second) return {quote: first.text, other: null, at: first.start};
  if (second.start - first.end < 200 && text.slice(first.end, second.start).trim() === "") return {quote: text.slice(first.start, second.end), other: null, at: first.start};
  return {quote: b.sentence.text, other: a.sentence.text, at: b.sentence.start};
}

function lawIntro(near: Quantity, far: Quantity, centre: TextSpan | null, k: ReturnType<typeof distanceFactor>): string {
  const from = centre ? `the policy places its measurements "${centre.text}"` : "the policy does not say where its distances are measured from, so they are taken from the source";
  const extra = r3(far.value - near.value);
  const sameUnit = near.unit === far.unit;
  const factor = Math.abs(k.geometric - 0.25) < 1e-12
    ? `Doubling the distance from a point source (${from}) quarters the dose: the ratio ${shortLabel(far)} ÷ ${shortLabel(near)} should be 0.25`
    : `Going from ${shortLabel(near)} to ${shortLabel(far)} from a point source (${from}) multiplies the dose by (${r3(metres(near))} m ÷ ${r3(metres(far))} m)² = ${r3(k.geometric)}: the ratio should be ${r3(k.geometric)}`;
  return `${factor}, or ${r3(k.low)} to ${r3(k.high)} with air attenuating over the extra ${sameUnit ? `${extra} ${far.unit}` : `${r3(metres(far) - metres(near))} m`} (${r3(k.attenuation20)} at 20 keV, ${r3(k.attenuation150)} at 150 keV; ${AIR.source}). `;
}

/** Upper with upper and lower with lower: two statements each giving a pair of figures at two distances. */
function endsClaims(ctx: PairContext, near: Figured, far: Figured): DraftClaim[] {
  const k = distanceFactor(metres(near.distance!), metres(far.distance!));
  const q = pairQuote(ctx.text, near, far);
  const ids = ctx.qualify ? `-${idLabel(near.distance!)}-${idLabel(far.distance!)}` : "";
  const ends = (["upper", "lower"] as const).map((which) => {
    const n = which === "upper" ? byValue(near)[0]! : byValue(near)[1]!;
    const f = which === "upper" ? byValue(far)[0]! : byValue(far)[1]!;
    const stated = inMicrosievert(f) / inMicrosievert(n);
    const statedLow = inMicrosievert(f, f.value - halfUlp(f)) / inMicrosievert(n, n.value + halfUlp(n));
    const statedHigh = inMicrosievert(f, f.value + halfUlp(f)) / inMicrosievert(n, Math.max(n.value - halfUlp(n), 1e-300));
    return {which, n, f, stated, statedLow, statedHigh, consistent: statedLow <= k.high && statedHigh >= k.low};
  });
  return ends.map((e) => {
    const sibling = ends.find((x) => x !== e)!;
    const fraction = Math.abs(k.geometric - 0.25) < 1e-12 ? "1/4" : String(r3(k.geometric));
    const why = e.statedLow > k.high
      ? `This does not agree: a ratio above ${fraction} would need a source extended over a size comparable to the distances, or a different measurement geometry, which the policy does not state`
      : `This does not agree: a ratio below ${r3(k.low)} means the dose falls faster than the inverse square law and air allow, which would need shielding or a different direction at the farther point, which the policy does not state`;
    const siblingNote = sibling.consistent ? `; its ${sibling.which} figures follow ${Math.abs(sibling.stated - k.geometric) < 1e-9 ? `${fraction} exactly` : "the law"}` : "";
    return {
      id: `inverse-square${ids}-${e.which}`, quote: q.quote, section: near.sentence.section, at: q.at,
      check: `Do the ${e.which} figures at ${shortLabel(near.distance!)} and ${shortLabel(far.distance!)} follow the inverse square law?`,
      verdict: e.consistent ? "consistent" : "inconsistent",
      explanation:
        (q.other ? `Against "${q.other}": ` : "") + lawIntro(near.distance!, far.distance!, ctx.centre, k) +
        `The ${e.which} figures give ${e.f.written} ÷ ${e.n.written} = ${r3(e.stated)}, or ${r3(e.statedLow)} to ${r3(e.statedHigh)} allowing for rounding of the last digit. ` +
        (e.consistent ? "This agrees with the inverse square law." : `${why}${siblingNote}.`),
      numbers: {stated_ratio: r3(e.stated), stated_ratio_low: r3(e.statedLow), stated_ratio_high: r3(e.statedHigh), physical_ratio_low: r3(k.low), physical_ratio_high: r3(k.high)}
    };
  });
}

/** A statement as a range of rates at its distance (µSv/h): doses over their duration, rates as stated. */
function asRate(s: Figured) {
  const r = statedRange(s);
  const per_h = s.kind === "dose" ? 3600 / seconds(s.duration!) : 1;
  return {low: r.lowRounded * per_h, high: r.highRounded * per_h, text: r.text};
}

/**
 * Two statements at two distances, any relation: does `from`, carried to `to`'s distance, meet it? `from` is the dose
 * statement of a dose and a rate, or the nearer of two statements of one kind (pairClaims passes them in that order).
 */
function rangeClaim(ctx: PairContext, from: Figured, to: Figured): DraftClaim {
  const crossed = from.kind !== to.kind;
  const fromDistance = from.distance!;
  const toDistance = to.distance ?? fromDistance;
  const k = distanceFactor(metres(fromDistance), metres(toDistance));
  const useRates = crossed || from.kind === "rate";
  const A = useRates ? asRate(from) : {...statedRange(from), low: statedRange(from).lowRounded, high: statedRange(from).highRounded};
  const B = useRates ? asRate(to) : {...statedRange(to), low: statedRange(to).lowRounded, high: statedRange(to).highRounded};
  const carriedLow = A.low * k.low;
  const carriedHigh = A.high * k.high;
  const consistent = carriedLow <= B.high && carriedHigh >= B.low;
  const unit = useRates ? "µSv/h" : "µSv";
  const q = pairQuote(ctx.text, from, to);
  const sameDistance = to.distance === null;
  const together = !crossed && metres(fromDistance) === metres(toDistance);
  const id = crossed
    ? `rate${to.distance ? `-${idLabel(to.distance)}` : ""}-vs-dose-${idLabel(fromDistance)}`
    : together
      ? `same-distance-${idLabel(fromDistance)}${from.kind === "rate" ? "-rate" : ""}`
      : `inverse-square${ctx.qualify ? `-${idLabel(from.distance!)}-${idLabel(to.distance!)}` : ""}${from.kind === "rate" ? "-rate" : ""}`;
  const check = crossed
    ? `Does the ${to.distance ? `${shortLabel(to.distance)} ` : ""}dose rate agree with the ${whereText(from)} dose figures?`
    : together
      ? `Do the two ${whereText(from)} ${from.kind === "rate" ? "dose rates" : "statements"} agree?`
      : `Do the ${from.kind === "rate" ? "dose rates" : "figures"} at ${shortLabel(fromDistance)} and ${shortLabel(toDistance)} follow the inverse square law?`;
  const fromText = from.kind === "dose"
    ? `The policy gives ${A.text} at ${whereText(from)}${useRates ? `, an average of ${r3(A.low)} to ${r3(A.high)} µSv/h there allowing for rounding` : ` (${r3(A.low)} to ${r3(A.high)} µSv allowing for rounding)`}`
    : `The policy gives ${A.text} at ${shortLabel(fromDistance)} (${r3(A.low)} to ${A.high === Infinity ? "no upper end" : `${r3(A.high)} µSv/h`})`;
  const carried = sameDistance
    ? `. The rate statement gives no distance; read as holding wherever people may stand, it must hold at ${shortLabel(fromDistance)} too`
    : metres(toDistance) === metres(fromDistance)
      ? ""
      : `; carried to ${shortLabel(toDistance)} by the inverse square law with air attenuation (a factor of ${r3(k.low)} to ${r3(k.high)}; ${AIR.source}) that is ${r3(carriedLow)} to ${r3(carriedHigh)} ${unit}`;
  return {
    id, quote: q.quote, section: to.sentence.section, at: q.at, check,
    verdict: consistent ? "consistent" : "inconsistent",
    explanation:
      (q.other ? `Against "${q.other}": ` : "") + fromText + carried + `. The ${to.kind === "rate" ? "rate statement" : "other statement"} says ${B.text}${to.distance ? ` at ${shortLabel(to.distance)}` : ""} ` +
      `(${r3(B.low)} to ${B.high === Infinity ? "no upper end" : `${r3(B.high)} ${unit}`}). ` +
      (consistent ? "The two agree." : `The two contradict each other: ${carriedLow > B.high ? `the first implies at least ${r3(carriedLow)} ${unit}, more than the second allows` : `the first implies at most ${r3(carriedHigh)} ${unit}, less than the second states`}.`),
    numbers: {carried_low: r3(carriedLow), carried_high: r3(carriedHigh), stated_low: r3(B.low), stated_high: B.high === Infinity ? null : r3(B.high), factor_low: r3(k.low), factor_high: r3(k.high), unit}
  };
}

/**
 * Statements of one kind are compared pair by pair: every pair up to this many statements, beyond it each with its
 * neighbour in distance (a policy states a handful; hundreds would give tens of thousands of checks nobody reads).
 */
export const ALL_PAIRS_UP_TO = 12;

function pairsOf<T extends Figured>(items: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  if (items.length <= ALL_PAIRS_UP_TO) {
    items.forEach((a, i) => items.slice(i + 1).forEach((b) => out.push([a, b])));
    return out;
  }
  const sorted = [...items].sort((a, b) => metres(a.distance!) - metres(b.distance!));
  for (let i = 1; i < sorted.length; i++) out.push([sorted[i - 1]!, sorted[i]!]);
  return out;
}

/** Every pair of statements that can be compared: doses for the same duration (or per scan), rates, doses and rates. */
export function pairClaims(ctx: Omit<PairContext, "qualify">, statements: readonly Figured[]): DraftClaim[] {
  const doses = statements.filter((s): s is DoseStatement => s.kind === "dose" && s.distance !== null && (s.duration !== null || s.perScan));
  const rates = statements.filter((s): s is RateStatement => s.kind === "rate");
  const byBasis = new Map<string, DoseStatement[]>();
  for (const d of doses) {
    const basis = d.duration ? `${seconds(d.duration)} s` : "per scan";
    byBasis.set(basis, [...(byBasis.get(basis) ?? []), d]);
  }
  const pairs: [Figured, Figured][] = [...byBasis.values()].flatMap((group) => pairsOf(group));
  for (const p of pairsOf(rates.filter((r) => r.distance !== null))) pairs.push(p);
  const timed = doses.filter((d) => d.duration !== null);
  const crossed: [Figured, Figured][] = [];
  for (const r of rates) {
    if (rates.length * timed.length <= ALL_PAIRS_UP_TO ** 2) {
      for (const d of timed) crossed.push([d, r]);
    } else {
      // Beyond the limit: each rate against the nearest dose statement of each duration.
      const near = new Map<number, DoseStatement>();
      const gap = (d: DoseStatement) => (r.distance ? Math.abs(metres(d.distance!) - metres(r.distance)) : 0);
      for (const d of timed) {
        const key = seconds(d.duration!);
        if (!near.has(key) || gap(d) < gap(near.get(key)!)) near.set(key, d);
      }
      for (const d of near.values()) crossed.push([d, r]);
    }
  }
  const qualify = pairs.length > 1;
  const claims: DraftClaim[] = [];
  // Pairs are of one kind (doses of one basis, or rates): doses against rates are the crossed pairs below.
  const ranged = (s: Figured) => s.relation === "between" && s.figures.length === 2;
  for (const [a, b] of pairs) {
    const [near, far] = metres(a.distance!) <= metres(b.distance!) ? [a, b] : [b, a];
    const apart = metres(near.distance!) !== metres(far.distance!);
    for (const c of apart && ranged(near) && ranged(far) ? endsClaims({...ctx, qualify}, near, far) : [rangeClaim({...ctx, qualify}, near, far)]) claims.push(c);
  }
  for (const [d, r] of crossed) claims.push(rangeClaim({...ctx, qualify}, d, r));
  return claims;
}

/** The manufacturer's figure for the dose to a person scanned [ASE-2015], used when the policy gives none. */
export const MANUFACTURER_PER_SCAN = {
  value_uSv: 0.1,
  stated: "< 0.1 µSv per scan at an average 5 km/h and a scan distance of 1.5 m, likened to about two minutes of flying",
  source: "manufacturer's statement, quoted second-hand (2015) [ASE-2015]",
  grade: "C"
} as const;

/** A per-scan figure against the per-screening limits of the registry (ANSI/HPS N43.17 and the like). */
export function perScanClaim(s: DoseStatement, limits: readonly Limit[]): DraftClaim {
  const r = statedRange(s);
  const perScreening = limits.filter((l) => l.period === "per-screening");
  const base = {id: "per-scan-limits", quote: s.sentence.text, section: s.sentence.section, at: s.sentence.start, check: "Is the stated per-scan dose within the per-screening limits?"};
  const stated = `${r.text} per scan${s.distance ? ` at ${shortLabel(s.distance)}` : ""}`;
  if (r.high === Infinity || perScreening.length === 0) {
    return {...base, verdict: "unsupported", explanation: r.high === Infinity ? `The policy states ${stated}: a lower bound only, which no limit can be compared with.` : `The limits registry has no per-screening limit, so ${stated} cannot be compared.`, numbers: {}};
  }
  const compliance = perScreening.filter((l) => l.value_uSv !== null && l.kind !== "reference-level");
  const strictest = compliance.reduce<Limit | null>((a, l) => (a === null || l.value_uSv! < a.value_uSv! ? l : a), null);
  const cite = (l: Limit) => `${l.id}, ${l.stated} (${l.source}${citeIds(l.sources)}, grade ${l.grade ?? "none"})`;
  const lines = perScreening.map((l) =>
    l.value_uSv === null
      ? `${l.id} (${l.document}): its number is not publicly available, so it cannot be compared.`
      : `${r.high <= l.value_uSv ? (l.kind === "reference-level" ? "Below the reference level" : "Within") : r.low > l.value_uSv ? (l.kind === "reference-level" ? "Above the reference level" : "Above") : l.kind === "reference-level" ? "Possibly above the reference level" : "Possibly above"} ${cite(l)}.`
  );
  // Within only if every dose the statement allows is; above only if every one is ("at most 0.5 µSv" is neither).
  const limit = strictest?.value_uSv ?? null;
  const within = limit !== null && r.high <= limit;
  const above = limit !== null && r.low > limit;
  const summary = strictest === null ? "" : within
    ? ` It is within the strictest per-screening limit (${strictest.id}).`
    : above
      ? ` It is above the strictest per-screening limit (${strictest.id}, ${uSvText(limit!)}).`
      : ` The stated figure allows doses both within and above the strictest per-screening limit (${strictest.id}, ${uSvText(limit!)}), so it cannot be judged.`;
  return {
    ...base,
    verdict: within ? "consistent" : above ? "inconsistent" : "unsupported",
    explanation:
      `The policy states ${stated}${s.figures.every((f) => f.unit === "uSv") ? "" : ` (${s.relation === "at-most" ? "at most " : ""}${uSvText(r.high)})`}${s.distance ? " (a dose away from the scan plane: the per-screening limits are for the person screened, so the comparison is generous)" : ""}. ` +
      lines.join(" ") + summary,
    numbers: {stated_high_uSv: r3(r.high), ...Object.fromEntries(perScreening.map((l) => [`${l.id}_uSv`, l.value_uSv]))}
  };
}

/**
 * A stated figure against the model's 95 % interval [lower, upper]. A figure given as a value or a range is a claim
 * about what the dose is: the data support it when the interval overlaps it. A bound ("at most", "at least") is a
 * claim that the dose cannot lie beyond it: the data support that only when the whole interval lies on the stated
 * side, contradict it when the whole interval lies beyond, and otherwise cannot decide, which is "unsupported", never
 * "consistent" on the point estimate or on part of the interval.
 */
function judgeInterval(relation: Figured["relation"], r: {low: number; high: number}, lower: number, upper: number): {verdict: "consistent" | "inconsistent" | "unsupported"; why: string} {
  if (relation === "at-most") {
    if (upper <= r.high) return {verdict: "consistent", why: "the whole interval lies at or below the stated maximum, so the data support it"};
    if (lower > r.high) return {verdict: "inconsistent", why: "the whole interval lies above the stated maximum, so the data contradict it"};
    return {verdict: "unsupported", why: "the interval reaches above the stated maximum, so the data can neither confirm nor contradict it"};
  }
  if (relation === "at-least") {
    if (lower >= r.low) return {verdict: "consistent", why: "the whole interval lies at or above the stated minimum, so the data support it"};
    if (upper < r.low) return {verdict: "inconsistent", why: "the whole interval lies below the stated minimum, so the data contradict it"};
    return {verdict: "unsupported", why: "the interval reaches below the stated minimum, so the data can neither confirm nor contradict it"};
  }
  if (lower > r.high) return {verdict: "inconsistent", why: "the whole interval lies above the stated range, so the data contradict it"};
  if (upper < r.low) return {verdict: "inconsistent", why: "the whole interval lies below the stated range, so the data contradict it"};
  return {verdict: "consistent", why: "the interval overlaps the stated range, so the data support it"};
}

/** The stated figures at a distance against the field data's 95 % interval there. */
export function fieldClaim(s: Figured, estimate: Estimator | undefined, unitsDisagree: boolean): DraftClaim {
  const r = statedRange(s);
  const label = s.distance ? shortLabel(s.distance) : null;
  const id = `field-data${s.distance ? `-${idLabel(s.distance)}` : ""}${s.kind === "rate" ? "-rate" : ""}`;
  const base = {id, quote: s.sentence.text, section: s.sentence.section, at: s.sentence.start, check: `Do the field data support the ${label ? `${label} ` : ""}${s.kind === "rate" ? "dose rate" : "figures"}?`};
  const duration_s = s.kind === "rate" ? 3600 : s.duration ? seconds(s.duration) : null;
  if (!s.distance || duration_s === null) {
    const missing = [!s.distance && "a distance", duration_s === null && (s.kind === "dose" && s.perScan ? "a duration (it is per scan, which field dosimeters at fixed points do not measure)" : "a duration")].filter(Boolean).join(" or ");
    return {...base, verdict: "unsupported", explanation: `The statement gives ${r.text} without ${missing}, so it cannot be compared with field data.`, numbers: {}};
  }
  const distance_m = metres(s.distance);
  const over = s.kind === "rate" ? "in one hour" : `for ${shortLabel(s.duration!)}`;
  const unit = s.kind === "rate" ? "µSv/h" : "µSv";
  const inMicro = s.figures.every((f) => f.unit === (s.kind === "rate" ? "uSv/h" : "uSv"));
  const perHour = s.kind === "rate" ? " per hour" : "";
  const micro = s.relation === "at-most" ? `at most ${uSvText(r.high)}` : s.relation === "at-least" ? `at least ${uSvText(r.low)}` : r.high === r.low ? uSvText(r.low) : `${uSvText(r.low)} to ${uSvText(r.high)}`;
  const range = inMicro ? r.text : `${r.text} (${micro}${perHour})`;
  const numbers = {distance_m: r3(distance_m), duration_s, stated_low_uSv: r.low, stated_high_uSv: r.high === Infinity ? null : r.high};
  const at = `at ${label}${s.distance.unit === "m" ? "" : ` (${r3(distance_m)} m)`} ${over}`;
  if (!estimate) {
    return {...base, verdict: "unsupported", explanation: `No field readings were given, so the stated ${range} ${at} cannot be compared with data; run with a fitted model of the readings.`, numbers};
  }
  const e = estimate({distance_m, duration_s});
  if (!e.determinable || e.upper95_uSv === null) {
    return {...base, verdict: "unsupported", explanation: `The field data could not give a dose at ${r3(distance_m)} m ${over} (${e.reason ?? "no upper bound"}), so the stated ${range} cannot be checked.`, numbers};
  }
  // Without a lower bound the data cannot rule out lower doses: only a model interval that misses the range counts.
  const lower = e.lower95_uSv ?? 0;
  const judged = judgeInterval(s.relation, r, lower, e.upper95_uSv);
  const modelText = `${e.dose_uSv === null ? "no point estimate" : uSvText(e.dose_uSv)}, 95 % interval ${uSvText(lower)} to ${uSvText(e.upper95_uSv)}`;
  const main = s.figures[0]!;
  const taking = s.figures.some((f) => f.alternatives.length > 0) ? `, taking its ${prettyUnit(main.unit)} figures${unitsDisagree ? " (its parenthetical figures disagree with them)" : ""}` : "";
  return {
    ...base,
    verdict: judged.verdict,
    explanation:
      `The policy states ${range} ${at}${taking}. ` +
      `The field data give ${modelText}${s.kind === "rate" ? ` in one hour` : ""}${e.reason ? ` (${e.reason})` : ""}: ${judged.why}.`,
    numbers: {...numbers, model_dose_uSv: e.dose_uSv, model_lower95_uSv: e.lower95_uSv ?? null, model_upper95_uSv: e.upper95_uSv, unit}
  };
}

/** A dose or rate statement no other check could use: listed, so that no figure goes unreported. */
export function uncheckableClaim(s: Figured): DraftClaim {
  const r = statedRange(s);
  return {
    id: `figure-${s.kind}`, quote: s.sentence.text, section: s.sentence.section, at: s.sentence.start,
    check: `Can the ${s.kind === "rate" ? "dose rate" : "dose"} figure be checked?`, verdict: "unsupported",
    explanation: `The statement gives ${r.text} without a distance it holds at, so it cannot be compared with the other figures${s.kind === "dose" && s.perScan ? "" : ", the limits"} or the field data.`,
    numbers: {stated_high_uSv: r.high === Infinity ? null : r3(r.high)}
  };
}
