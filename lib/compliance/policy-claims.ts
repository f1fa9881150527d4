// The policy claims check on any plain-text policy: the quantitative statements of its health-and-safety
// section(s) are found in the text (lib/compliance/policy-statements.ts) and each is checked: the units inside it,
// every other statement it can be compared with under the inverse square law, per-scan figures against the
// per-screening limits, comparisons in words against the everyday-dose table, recognised phrases (standards named, a
// risk called trivial) against what those bodies publish, and the field data. Each check is consistent, inconsistent
// or unsupported with its numbers; a number the check cannot read is listed as not checked, never dropped. Every
// quote is an exact substring of the text.
import type {Problem} from "../io/index.js";
import type {EverydayDose} from "./everyday.js";
import type {Limit} from "./limits.js";
import type {Estimator} from "./scenarios.js";
import {extractStatements, isQuantitative, type DoseStatement, type PhraseStatement, type PolicyStatement, type RateStatement, type UnreadStatement} from "./policy-statements.js";
import {byValue, figureSpan, inMicrosievert, metres, r3, seconds, uSvText} from "./policy-figures.js";
import {fieldClaim, pairClaims, perScanClaim, uncheckableClaim, unitsClaim, type DraftClaim} from "./policy-figure-checks.js";
import {comparisonClaim} from "./policy-comparisons.js";
import {shortLabel} from "./policy-quantities.js";
import {append} from "./policy-text.js";

export const CLAIM_VERDICTS = ["consistent", "inconsistent", "unsupported", "not-checked"] as const;
/** "not-checked": the sentence has a number with a unit the check could not read; it is listed with the sentence. */
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export interface ClaimResult {
  id: string;
  /** Exactly as in the policy text. */
  quote: string;
  section: string;
  /** What was checked about the quote (one quote can be checked several ways). */
  check: string;
  verdict: ClaimVerdict;
  explanation: string;
  /** The numbers the explanation rests on, in the units their names state. */
  numbers: Record<string, number | string | null>;
}

export interface PolicyCheckInput {
  everyday: readonly EverydayDose[];
  /** The limits registry (data/limits.json): per-scan figures are compared with its per-screening limits. */
  limits: readonly Limit[];
  /** A fitted model's dose estimator; without it the field-data checks are unsupported. */
  estimate?: Estimator;
}

export interface PolicyCheck {
  /** Headings of the sections read as health and safety (none: nothing to check). */
  sections: string[];
  statements: PolicyStatement[];
  claims: ClaimResult[];
}

type Figured = DoseStatement | RateStatement;

/** The dose statement a per-time comparison starts from: the highest figure of the nearest statement with a duration. */
function nearestDose(statements: readonly PolicyStatement[]) {
  if (nearest.has(statements)) return nearest.get(statements)!;
  const found = findNearestDose(statements);
  nearest.set(statements, found);
  return found;
}
const nearest = new WeakMap<readonly PolicyStatement[], ReturnType<typeof findNearestDose>>();

function findNearestDose(statements: readonly PolicyStatement[]) {
  const withDuration = statements.filter((s): s is DoseStatement => s.kind === "dose" && s.distance !== null && s.duration !== null);
  const s = withDuration.sort((a, b) => metres(a.distance!) - metres(b.distance!))[0];
  if (!s) return null;
  return {statement: s, uSv: inMicrosievert(byValue(s)[0]!), duration_s: seconds(s.duration!)};
}

function standardsClaim(p: PhraseStatement): DraftClaim {
  const notes: string[] = [];
  if (p.bodies.includes("ANSI")) {
    notes.push("The ANSI standard for a vehicle backscatter van is ANSI/HPS N43.16-2021 [ANSI-N43.16], whose numeric limits are not publicly available; ANSI/HPS N43.17-2009 [ANSI-N43.17] sets 0.25 µSv per screening for people screened (grade B summary).");
  }
  const protection = [p.bodies.includes("Euratom") && "Euratom (2013/59, Art. 22) [Euratom-2013-59]", p.bodies.includes("ICRP") && "ICRP (103, 125) [ICRP-103] [ICRP-125]"].filter((x): x is string => typeof x === "string");
  if (protection.length > 0) notes.push(`${protection.join(" and ")} set${protection.length === 1 ? "s" : ""} justification, optimisation and dose limits (1 mSv a year for the public), not measurement procedures.`);
  const others = p.bodies.filter((b) => !["ANSI", "HPS", "Euratom", "ICRP"].includes(b));
  if (others.length > 0) notes.push(`${others.join(", ")} ${others.length === 1 ? "is" : "are"} named without a document.`);
  return {
    id: "standards-named", quote: p.sentence.text, section: p.sentence.section, at: p.sentence.start,
    check: "Are the standards and the measurement identified?", verdict: "unsupported",
    explanation:
      (p.documents.length === 0
        ? "The statement names bodies, not documents, editions, clauses or a measurement report, so it cannot be checked. "
        : `The statement names ${p.documents.join(", ")} but no measurement report or result, so compliance cannot be checked from the text. `) +
      `${notes.join(" ")}${notes.length ? " " : ""}No third-party measurement is cited.`,
    numbers: {N43_17_per_screening_uSv: 0.25, public_annual_limit_uSv: 1000}
  };
}

function trivialClaim(p: PhraseStatement, statements: readonly PolicyStatement[], limits: readonly Limit[]): DraftClaim {
  const body = p.bodies[0]!;
  const word = p.word ?? "trivial";
  // L13 of data/limits.json: NCRP negligible individual dose, 10 µSv a year per source or practice.
  const negligible = limits.find((l) => l.id === "L13" && l.value_uSv !== null);
  const near = nearestDose(statements);
  const opening = body === "ICRP"
    ? `Neither per-scan numbers nor the word "${word}" were found in ICRP Publication 125 (security screening) [ICRP-125] or ICRP 103 [ICRP-103]; the ICRP treats security screening as a planned exposure that must be justified and optimised, with the public limit of 1 mSv a year.`
    : `The policy cites no ${body} publication that calls this exposure "${word}", so the statement cannot be checked from the text.`;
  const ncrp = !negligible
    ? ""
    : body === "NCRP"
      ? ` The NCRP's negligible individual dose is ${negligible.value_uSv} µSv a year per source (${negligible.id}, grade ${negligible.grade ?? "none"}) [NCRP-116].`
      : ` The nearest published idea is the NCRP's negligible individual dose of ${negligible.value_uSv} µSv a year per source (${negligible.id}, grade ${negligible.grade ?? "none"}) [NCRP-116], which is not the ${body}'s.`;
  const reach = negligible && near
    ? ` At the policy's ${shortLabel(near.statement.distance!)} figure (${uSvText(near.uSv)} per ${shortLabel(near.statement.duration!)}) that level is reached after ${r3(negligible.value_uSv! / near.uSv)} such exposures, ${r3(((negligible.value_uSv! / near.uSv) * near.duration_s) / 60)} minutes of beam-on time.`
    : "";
  return {
    id: `trivial-by-${body.toLowerCase()}`, quote: p.sentence.text, section: p.sentence.section, at: p.sentence.start,
    check: `Does the ${body} call this risk ${word}?`, verdict: "unsupported",
    explanation: `${opening}${ncrp}${reach}`,
    numbers: {negligible_dose_uSv_per_year: negligible?.value_uSv ?? null, ...(near ? {[`${shortLabel(near.statement.distance!).replace(/\s+/g, "")}_${near.duration_s}s_uSv`]: near.uSv} : {})}
  };
}

function notCheckedClaim(s: UnreadStatement): DraftClaim {
  return {
    id: "not-checked", quote: s.sentence.text, section: s.sentence.section, at: s.sentence.start,
    check: "Could the numbers in this sentence be read?", verdict: "not-checked",
    explanation: `${s.items.map((i) => `"${i.text}": ${i.reason}.`).join(" ")} The sentence is listed so that no figure in the policy goes unreported; the check says nothing about whether it is right.`,
    numbers: {}
  };
}

/** Order within one sentence: phrases, comparisons, units, per-scan, pairs, field data, figures that cannot be used, not checked. */
const RANK: [RegExp, number][] = [[/^(standards|trivial)/, 0], [/^units/, 2], [/^per-scan/, 3], [/^(inverse-square|rate-|same-distance)/, 4], [/^field-data/, 5], [/^figure-/, 6], [/^not-checked/, 7]];
const rank = (id: string) => RANK.find(([re]) => re.test(id))?.[1] ?? 1;

function finish(drafts: DraftClaim[]): ClaimResult[] {
  const seen = new Map<string, number>();
  return drafts
    .map((d, i) => ({d, i}))
    .sort((a, b) => a.d.at - b.d.at || rank(a.d.id) - rank(b.d.id) || a.i - b.i)
    .map(({d}) => {
      const n = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, n);
      const {at: _at, ...claim} = d;
      return {...claim, id: n === 1 ? d.id : `${d.id}-${n}`};
    });
}

export function checkPolicy(text: string, input: PolicyCheckInput): PolicyCheck {
  const found = extractStatements(text);
  const statements = found.statements;
  const figured = statements.filter((s): s is Figured => s.kind === "dose" || s.kind === "rate");
  const drafts: DraftClaim[] = [];
  const units = new Map<Figured, DraftClaim | null>(figured.map((s) => [s, unitsClaim(s)]));
  const pairs = pairClaims({text, centre: found.centre}, figured);
  for (const s of statements) {
    if (s.kind === "phrase") drafts.push(s.phrase === "trivial" ? trivialClaim(s, statements, input.limits) : standardsClaim(s));
    else if (s.kind === "comparison") drafts.push(comparisonClaim(s, statements, input.everyday));
    else if (s.kind === "unread") drafts.push(notCheckedClaim(s));
    else {
      const own: DraftClaim[] = [];
      const u = units.get(s) ?? null;
      if (u) own.push(u);
      if (s.kind === "dose" && s.perScan) own.push(perScanClaim(s, input.limits));
      if (s.distance !== null && !(s.kind === "dose" && s.perScan)) own.push(fieldClaim(s, input.estimate, u?.verdict === "inconsistent"));
      const paired = pairs.some((p) => p.quote.includes(s.sentence.text));
      if (own.length === 0 && !paired) own.push(uncheckableClaim(s));
      append(drafts, own);
    }
  }
  append(drafts, pairs);
  return {sections: found.sections, statements, claims: finish(drafts)};
}

/** The claims alone (the shape `xray-dose check-policy --json` prints). */
export function checkPolicyClaims(text: string, input: PolicyCheckInput): ClaimResult[] {
  return checkPolicy(text, input).claims;
}

/** Why a text cannot be checked at all: no health-and-safety section, or no quantitative statement in it. */
export function policyTextProblems(check: Pick<PolicyCheck, "sections" | "statements">, file: string): Problem[] {
  if (check.sections.length === 0) {
    return [{
      severity: "error", file,
      message: 'has no health-and-safety section: no heading names health, safety or radiation (such as "HEALTH & SAFETY REPORTING" on a line of its own), so there is nothing to check; give the policy\'s full text with its headings'
    }];
  }
  if (!check.statements.some(isQuantitative)) {
    return [{
      severity: "error", file,
      message: `its health-and-safety section (${check.sections.map((s) => `"${s}"`).join(", ")}) states no dose, dose rate or comparison with an everyday dose, so there is nothing to check`
    }];
  }
  return [];
}

/** A stated dose at a distance for a duration: the policy's own figures, for side-by-side comparison with the data. */
export interface StatedFigure {
  /** "5 ft for 10 s". */
  label: string;
  /** The figure with its restatements, exactly as written: "0.016 mrem (or 16 urem/microrem)". */
  quote: string;
  distance_m: number;
  duration_s: number;
  /** The highest figure of the statement. */
  dose_uSv: number;
}

/** Each dose statement at a distance for a duration, by its highest figure, nearest first. */
export function statedFigures(text: string, statements: readonly PolicyStatement[]): StatedFigure[] {
  return statements
    .filter((s): s is DoseStatement => s.kind === "dose" && s.distance !== null && s.duration !== null && s.relation !== "at-least")
    .map((s) => {
      const top = byValue(s)[0]!;
      return {
        label: `${shortLabel(s.distance!)} for ${shortLabel(s.duration!)}`, quote: figureSpan(text, top),
        distance_m: metres(s.distance!), duration_s: seconds(s.duration!), dose_uSv: inMicrosievert(top)
      };
    })
    .sort((a, b) => a.distance_m - b.distance_m);
}
