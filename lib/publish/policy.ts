// The policy as the site publishes it: the newest version's claims checked and its own figures, and, when the data
// folder holds an older version too, what changed since (lib/compliance/policy-diff.ts) for the council briefing.
import {checkPolicy, statedFigures, type PolicyCheckInput} from "../compliance/policy-claims.js";
import {diffPolicies} from "../compliance/policy-diff.js";
import type {PolicyText} from "../io/load-dataset.js";
import type {PolicyFigure, PublishedClaim, PublishedPolicy} from "./types.js";

export function publishPolicy(policies: readonly PolicyText[], input: PolicyCheckInput): {claims: PublishedClaim[]; figures: PolicyFigure[]; policy: PublishedPolicy | null} {
  const newest = policies.at(-1);
  if (!newest) return {claims: [], figures: [], policy: null};
  const check = checkPolicy(newest.text, input);
  const previous = policies.at(-2) ?? null;
  return {
    claims: check.claims.map((c) => ({id: c.id, quote: c.quote, section: c.section, check: c.check, verdict: c.verdict, explanation: c.explanation})),
    figures: statedFigures(newest.text, check.statements),
    policy: {
      path: newest.path, version: newest.version,
      previous: previous ? {path: previous.path, version: previous.version} : null,
      changes: previous ? diffPolicies(checkPolicy(previous.text, input), check) : null
    }
  };
}
