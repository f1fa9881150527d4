// What changed between two versions of a policy: the figures as written (each dose and dose-rate statement's
// figures and their restatements, keyed by where and over what they hold), the claims whose verdict changed, and
// the claims that are new or gone (a claim is known by its id, which names what it checks and where).
import type {ClaimResult, ClaimVerdict, PolicyCheck} from "./policy-claims.js";
import type {DoseStatement, RateStatement} from "./policy-statements.js";
import {byValue, metres, seconds, whereText} from "./policy-figures.js";

export interface FigureChange {
  /** What the figure is: "dose at 5 ft for 10 s, upper figure (restated)". */
  label: string;
  /** As written in each version; null where that version has no such figure. */
  old: string | null;
  new: string | null;
}

export interface ClaimRef {
  id: string;
  check: string;
  verdict: ClaimVerdict;
}

export interface PolicyDiff {
  figures: FigureChange[];
  verdicts: {id: string; check: string; old: ClaimVerdict; new: ClaimVerdict}[];
  added: ClaimRef[];
  removed: ClaimRef[];
}

type Figured = DoseStatement | RateStatement;

/** Each figure of a version by a key naming where, over what and which figure it is. */
function figuresOf(check: PolicyCheck): Map<string, {label: string; written: string}> {
  const out = new Map<string, {label: string; written: string}>();
  for (const s of check.statements.filter((x): x is Figured => x.kind === "dose" || x.kind === "rate")) {
    const basis = s.kind === "rate" ? "rate" : s.duration ? `${seconds(s.duration)} s` : s.perScan ? "scan" : "unstated";
    const where = `${s.kind}|${s.distance ? metres(s.distance) : "-"}|${basis}`;
    const sorted = byValue(s);
    const roles = s.relation === "between" && sorted.length === 2 ? ["upper", "lower"] : [s.relation === "at-most" ? "at most" : s.relation === "at-least" ? "at least" : ""];
    const what = `${s.kind === "rate" ? "dose rate" : "dose"}${whereText(s) ? ` ${s.distance ? "at " : ""}${whereText(s)}` : ""}`;
    sorted.forEach((f, i) => {
      const role = roles[i] ?? "";
      const label = `${what}${role === "upper" || role === "lower" ? `, ${role} figure` : role ? ` (${role})` : ""}`;
      out.set(`${where}|${role}`, {label, written: f.written});
      f.alternatives.forEach((a, j) => out.set(`${where}|${role}|alt${j}`, {label: `${label} (restated${f.alternatives.length > 1 ? ` ${j + 1}` : ""})`, written: a.written}));
    });
  }
  return out;
}

const ref = (c: ClaimResult): ClaimRef => ({id: c.id, check: c.check, verdict: c.verdict});

export function diffPolicies(old: PolicyCheck, current: PolicyCheck): PolicyDiff {
  const before = figuresOf(old);
  const after = figuresOf(current);
  const figures: FigureChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.written !== b?.written) figures.push({label: (b ?? a)!.label, old: a?.written ?? null, new: b?.written ?? null});
  }
  const oldById = new Map(old.claims.map((c) => [c.id, c]));
  const newIds = new Set(current.claims.map((c) => c.id));
  return {
    figures,
    verdicts: current.claims.filter((c) => oldById.has(c.id) && oldById.get(c.id)!.verdict !== c.verdict).map((c) => ({id: c.id, check: c.check, old: oldById.get(c.id)!.verdict, new: c.verdict})),
    added: current.claims.filter((c) => !oldById.has(c.id)).map(ref),
    removed: old.claims.filter((c) => !newIds.has(c.id)).map(ref)
  };
}
