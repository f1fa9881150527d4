// Comparisons in words ("similar to … a short plane flight", "no more than the background radiation", "less than a
// dental x-ray") checked against the everyday-dose table (data/everyday-doses.json), each side with its source and
// grade. A referent is recognised by REFERENTS below or by an entry's own `phrases`; one with no entry in the table
// is "unsupported", naming what is missing. A comparison whose everyday figure is grade C is never called
// consistent or inconsistent: it can be neither confirmed nor refuted.
import type {EverydayDose, Per} from "./everyday.js";
import {citeIds} from "../sources.js";
import type {ComparisonStatement, DoseStatement, PolicyStatement} from "./policy-statements.js";
import {shortLabel} from "./policy-quantities.js";
import {byValue, durationAdjective, idLabel, inMicrosievert, metres, r3, seconds, statedRange, uSvText, whereText} from "./policy-figures.js";
import {MANUFACTURER_PER_SCAN, type DraftClaim} from "./policy-figure-checks.js";

/** "Similar" in a comparison in words: within this factor either way. */
export const SIMILAR = 3;

/**
 * A comparison's outcome. The policy's side is a range (its figures allow any value in it) and must hold throughout;
 * the everyday side is read generously (any value of its range will do). "open": the policy's figures allow both.
 */
export function compare(relation: "similar" | "at-most", low: number, high: number, refLow: number, refHigh: number): "holds" | "fails" | "open" {
  if (relation === "at-most") return high <= refHigh ? "holds" : low > refHigh ? "fails" : "open";
  if (Math.max(refLow, high / SIMILAR) <= Math.min(refHigh, low * SIMILAR)) return "holds";
  return low > refHigh * SIMILAR || high < refLow / SIMILAR ? "fails" : "open";
}
const VERDICT = {holds: "consistent", fails: "inconsistent", open: "unsupported"} as const;

export interface Referent {
  /** Part of the claim id: direct-scan-flight, background-comparison. */
  slug: string;
  /** The data/everyday-doses.json entry it is compared with. */
  anchor: string;
  /** How the check names it: "a short plane flight". */
  name: string;
  pattern: RegExp;
  /** For a rate entry: how many hours of it the words mean, and why. */
  over?: {hours: number; activity: string; note: string};
  /** Other entries quoted for scale. */
  context?: string[];
}

/** The everyday referents recognised by their wording. An entry's `phrases` in data/everyday-doses.json add more. */
export const REFERENTS: Referent[] = [
  {slug: "background", anchor: "natural-background-day", name: "natural background", pattern: /\bbackground\b/i},
  {
    slug: "flight", anchor: "cosmic-at-cruise", name: "a short plane flight", pattern: /\bshort\s+(?:\w+\s+)?flights?\b|\ban?\s+hour\s+of\s+(?:flying|flight)\b/i,
    over: {hours: 1, activity: "flying", note: "a \"short\" flight is taken as one hour at cruise: the shortest trip with time at altitude"}, context: ["flight-new-york-los-angeles"]
  },
  {slug: "cross-country-flight", anchor: "flight-new-york-los-angeles", name: "a cross-country flight", pattern: /\bcross[- ]country\s+flight|\bcoast[- ]to[- ]coast\s+flight|\bNew\s+York\W+(?:to\s+)?Los\s+Angeles/i},
  {slug: "rocky-mountains", anchor: "day-in-rocky-mountains", name: "a day in the Rocky Mountains", pattern: /\bRocky\s+Mountains\b|\bDenver\b/i},
  {slug: "chest-x-ray", anchor: "chest-x-ray-pa", name: "a chest X-ray", pattern: /\bchest\s+(?:x-?ray|radiograph)/i},
  {slug: "dental-x-ray", anchor: "dental-x-ray", name: "a dental X-ray", pattern: /\bdental\s+(?:x-?ray|radiograph)/i}
];

const HOURS = {hour: 1, day: 24, year: 24 * 365} as const;
/** A referent that is a limit or a rule, not an everyday dose: "below the limits set by the NRC". */
const LIMIT_WORDS = /\b(?:limits?|standards?|regulat\w*|requirements?|guidelines?|thresholds?)\b/i;
const cite = (e: EverydayDose) => `${e.source}${citeIds(e.sources)}, grade ${e.grade}`;
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const normal = (s: string) => s.toLowerCase().replace(/[\s-]+/g, " ");

type Match = {slug: string; name: string; entry: EverydayDose | null; referent: Referent | null; missing: string | null};

function matchReferent(words: string, everyday: readonly EverydayDose[]): Match {
  const known = REFERENTS.find((r) => r.pattern.test(words));
  const entry = known ? everyday.find((e) => e.id === known.anchor) : undefined;
  if (known && entry) return {slug: known.slug, name: known.name, entry, referent: known, missing: null};
  const text = normal(words);
  const byPhrase = everyday
    .flatMap((e) => e.phrases.map((p) => ({e, p: normal(p)})))
    .filter(({p}) => new RegExp(`(?:^|\\W)${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|\\W)`).test(text))
    .sort((a, b) => b.p.length - a.p.length)[0];
  if (byPhrase) return {slug: known?.slug ?? byPhrase.e.id, name: byPhrase.e.anchor, entry: byPhrase.e, referent: null, missing: null};
  if (known) return {slug: known.slug, name: known.name, entry: null, referent: known, missing: `entry "${known.anchor}" for ${known.name}`};
  const name = words.trim().replace(/^(?:(?:by|during|from|of|with|to)\s+)?(?:(?:exposure|the dose|a dose)\s+(?:received\s+)?(?:during|from|in|of)\s+)?/i, "");
  return {slug: slugify(name.split(/\s+/).slice(0, 4).join(" ")), name, entry: null, referent: null, missing: `entry for "${name}"`};
}

interface SubjectDose {
  low_uSv: number;
  high_uSv: number;
  /** Where the subject's dose comes from, as the explanation's opening sentence. */
  text: string;
  /** How the verdict sentence names it. */
  short: string;
  /** "the manufacturer's per-scan figure (< 0.1 µSv, grade C)". */
  against: string;
  gradeC: boolean;
}

function subjectDose(c: ComparisonStatement, statements: readonly PolicyStatement[]): SubjectDose | string {
  const doses = statements.filter((s): s is DoseStatement => s.kind === "dose");
  if (c.subject.kind === "direct-scan") {
    const stated = doses.find((s) => s.perScan && s.distance === null && s.relation !== "at-least");
    if (stated) {
      const r = statedRange(stated);
      return {low_uSv: r.low, high_uSv: r.high, text: `The policy states ${r.text} per scan for a person scanned ("${stated.sentence.text}").`, short: "per-scan dose", against: `the policy's per-scan figure (${r.text})`, gradeC: false};
    }
    const m = MANUFACTURER_PER_SCAN;
    return {
      low_uSv: m.value_uSv, high_uSv: m.value_uSv, short: "per-scan dose", against: `the manufacturer's per-scan figure (< ${m.value_uSv} µSv, grade ${m.grade})`, gradeC: m.grade === "C",
      text: `The policy gives no dose for a person directly scanned; the only per-scan figure is the manufacturer's ${m.stated} (${m.source}, grade ${m.grade}).`
    };
  }
  if (c.subject.kind === "distance") {
    const at = metres(c.subject.distance);
    const here = doses.filter((s) => s.distance !== null && metres(s.distance) === at && s.relation !== "at-least");
    const stated = here.find((s) => s.duration !== null || s.perScan) ?? here[0];
    if (!stated) return `The policy gives no dose at ${shortLabel(c.subject.distance)}, so there is nothing to compare with the everyday dose.`;
    const r = statedRange(stated);
    return {low_uSv: r.low, high_uSv: r.high, text: `The policy states ${r.text} at ${whereText(stated)}.`, short: `dose at ${shortLabel(c.subject.distance)}`, against: `the policy's ${shortLabel(c.subject.distance)} figures (${r.text})`, gradeC: false};
  }
  return "The statement does not say whose dose it compares (a person scanned, a bystander at a distance, or the level of radiation), so it cannot be checked.";
}

interface Level {
  /** "12 ft"; null for a rate stated without a distance (its numbers key is rate_anywhere_uSv_per_h). */
  distance: string | null;
  /** How the explanation names a level after the first: "at 12 ft it is", "the stated dose rate at 12 ft is at most". */
  said: string;
  /** The highest rate the statement allows (µSv/h), and the lowest (0 for "at most"). */
  rate_uSv_per_h: number;
  low_uSv_per_h: number;
  dose?: {written: string; uSv: number; duration: string; adjective: string; distance: string};
}

const levelsOf = new WeakMap<readonly PolicyStatement[], Level[]>();

/** The policy's levels: each dose statement over its duration, and each rate statement, highest first; one per place and rate. */
function levels(statements: readonly PolicyStatement[]): Level[] {
  const known = levelsOf.get(statements);
  if (known) return known;
  const out: Level[] = [];
  for (const s of statements) {
    if (s.kind === "dose" && s.distance && s.duration) {
      const top = byValue(s)[0]!;
      const uSv = inMicrosievert(top);
      const per_h = 3600 / seconds(s.duration);
      out.push({distance: shortLabel(s.distance), said: `at ${shortLabel(s.distance)} it is`, rate_uSv_per_h: uSv * per_h, low_uSv_per_h: statedRange(s).low * per_h, dose: {written: top.written, uSv, duration: shortLabel(s.duration), adjective: durationAdjective(s.duration), distance: shortLabel(s.distance)}});
    } else if (s.kind === "rate" && s.relation !== "at-least") {
      const distance = s.distance ? shortLabel(s.distance) : null;
      const r = statedRange(s);
      out.push({distance, said: `the stated dose rate${distance ? ` at ${distance}` : ""} is ${s.relation === "at-most" ? "at most" : "up to"}`, rate_uSv_per_h: r.high, low_uSv_per_h: r.low});
    }
  }
  const seen = new Set<string>();
  const distinct = out.sort((a, b) => b.rate_uSv_per_h - a.rate_uSv_per_h).filter((l) => {
    const key = `${l.said} ${l.rate_uSv_per_h}`;
    return !seen.has(key) && seen.add(key);
  });
  levelsOf.set(statements, distinct);
  return distinct;
}

/** At most this many other levels are named in an explanation (all are in its numbers). */
const OTHER_LEVELS_NAMED = 4;

/** "an hour", "a day": one period of an everyday rate. */
const onePer = (per: Per) => `${per === "hour" ? "an" : "a"} ${per}`;

const range = (low: number, high: number, unit = "") => (high === Infinity ? `at least ${r3(low)}${unit}` : r3(low) === r3(high) ? `${r3(low)}${unit}` : `${r3(low)} to ${r3(high)}${unit}`);

function levelClaim(c: ComparisonStatement, m: Match & {entry: EverydayDose}, statements: readonly PolicyStatement[], base: Omit<DraftClaim, "verdict" | "explanation" | "numbers">): DraftClaim {
  const e = m.entry;
  if (e.per === null) {
    return {...base, verdict: "unsupported", explanation: `A level (a dose rate) cannot be compared with ${m.name}, a one-off dose of ${range(e.value_uSv, e.value_high_uSv ?? e.value_uSv, " µSv")} (${cite(e)}), without a period, and the statement gives none.`, numbers: {}};
  }
  const all = levels(statements);
  const top = all[0];
  if (!top) return {...base, verdict: "unsupported", explanation: "The policy states no dose for a duration and no dose rate, so its level cannot be compared.", numbers: {}};
  const hours = HOURS[e.per];
  const refLow = e.value_uSv / hours;
  const refHigh = (e.value_high_uSv ?? e.value_uSv) / hours;
  // "No more than" is about every level the policy states; "similar" about the highest.
  const outcome = c.relation === "at-most"
    ? compare("at-most", all.reduce((m, l) => Math.max(m, l.low_uSv_per_h), 0), top.rate_uSv_per_h, refLow, refHigh)
    : compare("similar", top.low_uSv_per_h, top.rate_uSv_per_h, refLow, refHigh);
  const verdict = e.grade === "C" ? "unsupported" : VERDICT[outcome];
  // The referent without its article, as in "the short plane flight rate" and "a day's background".
  const bare = m.name.replace(/^(?:an?|the)\s+/i, "");
  const short = m.referent?.slug === "background" ? "background" : bare;
  const others = all.slice(1, 1 + OTHER_LEVELS_NAMED).map((l) => `${l.said} ${r3(l.rate_uSv_per_h)} µSv/h`);
  const opening =
    outcome === "fails" ? "The statement gives no period, and the policy's own figures contradict it as a level."
    : outcome === "holds" ? "The statement gives no period; as a level, the policy's own figures agree with it."
    : "The statement gives no period, and as a level the policy's own figures allow values on both sides of it.";
  const topText = top.dose ? `${top.dose.written} (${uSvText(top.dose.uSv)}) in ${top.dose.duration} at ${top.dose.distance} is a rate of ${r3(top.rate_uSv_per_h)} µSv/h` : `The policy's stated rate${top.distance ? ` at ${top.distance}` : ""} is ${r3(top.rate_uSv_per_h)} µSv/h`;
  const ref = `${range(top.rate_uSv_per_h / refHigh, top.rate_uSv_per_h / refLow)} times the ${bare} rate of ${range(refLow, refHigh)} µSv/h (${e.value_high === null ? e.value : `${e.value} to ${e.value_high}`} ${e.unit} ${onePer(e.per)}; ${cite(e)})`;
  let asDose = "";
  if (top.dose) {
    const d = top.dose;
    const minutes = (dose: number, rate: number) => (dose / rate) * 60;
    const high = e.value_high_uSv ?? e.value_uSv;
    const otherMinutes = all.slice(1, 1 + OTHER_LEVELS_NAMED).filter((l) => l.dose).map((l) => `${range(minutes(e.value_uSv, l.rate_uSv_per_h), minutes(high, l.rate_uSv_per_h))} minutes at ${l.distance}`);
    asDose =
      ` As a dose, one ${d.adjective} exposure (${uSvText(d.uSv)}) is ${range((d.uSv / high) * 100, (d.uSv / e.value_uSv) * 100)} % of ${onePer(e.per)}'s ${short}, ` +
      `but a person at ${d.distance} receives a whole ${e.per}'s ${short} after ${range(minutes(e.value_uSv, top.rate_uSv_per_h), minutes(high, top.rate_uSv_per_h))} minutes of beam-on time` +
      `${otherMinutes.length ? ` (${otherMinutes.join("; ")})` : ""}${outcome === "fails" ? ": the statement holds only for exposures of a few minutes." : "."}`;
  }
  const gradeNote = e.grade === "C" ? ` The everyday figure does not rest on a reliable source (grade C), so the comparison can be neither confirmed nor refuted.` : "";
  return {
    ...base, verdict,
    explanation: `${opening} ${topText}, ${ref}${others.length ? `; ${others.join("; ")}` : ""}.${asDose}${gradeNote}`,
    numbers: {
      ...Object.fromEntries(all.map((l) => [`rate_${(l.distance ?? "anywhere").replace(/\s+/g, "")}_uSv_per_h`, r3(l.rate_uSv_per_h)])),
      [`${short.replace(/\W+/g, "_")}_low_uSv_per_h`]: r3(refLow), [`${short.replace(/\W+/g, "_")}_high_uSv_per_h`]: r3(refHigh)
    }
  };
}

function doseClaim(c: ComparisonStatement, m: Match & {entry: EverydayDose}, subject: SubjectDose, everyday: readonly EverydayDose[], base: Omit<DraftClaim, "verdict" | "explanation" | "numbers">): DraftClaim {
  const e = m.entry;
  const over = m.referent?.over;
  // A rate entry counts for as many hours as the words mean; any other entry is taken as it is.
  const hours = over && e.per === "hour" ? over.hours : 1;
  const refLow = e.value_uSv * hours;
  const refHigh = (e.value_high_uSv ?? e.value_uSv) * hours;
  const ratioLow = refLow / subject.high_uSv;
  const ratioHigh = subject.low_uSv > 0 ? refHigh / subject.low_uSv : Infinity;
  const outcome = compare(c.relation, subject.low_uSv, subject.high_uSv, refLow, refHigh);
  // A grade C figure on either side decides nothing: the comparison is shown, but no default stands in for a figure
  // the policy does not give or a source that cannot be relied on.
  const unreliable = e.grade === "C" || subject.gradeC;
  const verdict = unreliable ? "unsupported" : VERDICT[outcome];
  let refText: string;
  if (e.per === "hour") {
    const minutes = (subject.high_uSv / e.value_uSv) * 60;
    const context = (m.referent?.context ?? []).map((id) => everyday.find((x) => x.id === id)).filter((x): x is EverydayDose => x !== undefined);
    refText =
      `At the ${e.anchor} of ${e.value} µSv/h (${cite(e)}) that is ${r3(minutes)} minute(s) of ${over?.activity ?? "it"}, while ${over ? `${over.hours === 1 ? "a one-hour" : `a ${over.hours}-hour`} ${over.activity === "flying" ? "flight" : over.activity}` : "one hour of it"} gives about ${uSvText(refLow)} ` +
      `(${range(ratioLow, ratioHigh)} times more${over ? `; ${over.note}` : ""})${context.map((x) => ` and ${x.anchor.replace(/^an? /, "")} about ${x.value} ${x.unit} (${range(x.value_uSv / subject.high_uSv, x.value_uSv / subject.low_uSv)} times more; ${cite(x)})`).join("")}.`;
  } else {
    const what = e.per === null || new RegExp(`\\b${e.per}\\b`, "i").test(e.anchor) ? e.anchor : `one ${e.per} of ${e.anchor}`;
    refText = `${m.name[0]!.toUpperCase()}${m.name.slice(1)} is taken as ${range(refLow, refHigh, " µSv")} (${what}; ${e.source}${citeIds(e.sources)}; grade ${e.grade}). Against ${subject.against} it is ${range(ratioLow, ratioHigh)} times ${ratioLow >= 1 ? "more" : "less"}.`;
  }
  let verdictText: string;
  if (unreliable) {
    refText = refText.replace(/\.$/, "");
    const which = e.grade !== "C" ? `the ${subject.short} does not rest` : subject.gradeC ? "neither side of the comparison rests" : "the everyday figure does not rest";
    verdictText = `, but ${which} on a reliable source, so it can be neither confirmed nor refuted.`;
  } else if (outcome === "open") {
    verdictText = ` The policy's figures (${range(subject.low_uSv, subject.high_uSv, " µSv")}) allow values for which the comparison holds and values for which it does not, so it can be neither confirmed nor refuted.`;
  } else if (c.relation === "similar") {
    verdictText = outcome === "holds"
      ? ` The two are within a factor of ${SIMILAR}, so the comparison holds.`
      : ratioLow > SIMILAR
        ? ` The comparison overstates the ${subject.short} by a factor of ${r3(ratioLow)} or more, far beyond "similar" (within a factor of ${SIMILAR}), so it does not hold as stated, though it errs on the side of caution.`
        : ` The comparison understates the ${subject.short} by a factor of ${r3(1 / ratioHigh)} or more, far beyond "similar" (within a factor of ${SIMILAR}), so it does not hold as stated, and not on the side of caution.`;
  } else {
    verdictText = outcome === "holds" ? ` The ${subject.short} is below it, so the comparison holds.` : ` The ${subject.short} is above it, so the comparison does not hold.`;
  }
  return {
    ...base, verdict,
    explanation: `${subject.text} ${refText}${verdictText}${c.subject.kind === "direct-scan" ? " No measurement of a directly scanned person is in the field data." : ""}`,
    numbers: {subject_low_uSv: r3(subject.low_uSv), subject_high_uSv: r3(subject.high_uSv), everyday_low_uSv: r3(refLow), everyday_high_uSv: r3(refHigh), ratio_low: r3(ratioLow), ratio_high: ratioHigh === Infinity ? null : r3(ratioHigh)}
  };
}

export function comparisonClaim(c: ComparisonStatement, statements: readonly PolicyStatement[], everyday: readonly EverydayDose[]): DraftClaim {
  const m = matchReferent(c.referent.text, everyday);
  const subjectId = c.subject.kind === "direct-scan" ? `direct-scan-${m.slug}` : c.subject.kind === "level" ? `${m.slug}-comparison` : c.subject.kind === "distance" ? `${idLabel(c.subject.distance)}-${m.slug}` : `comparison-${m.slug}`;
  const rel = c.relationText.toLowerCase();
  const check = c.subject.kind === "direct-scan"
    ? c.relation === "similar" ? `Does a direct scan compare with ${m.name}?` : `Is a direct scan ${rel} ${m.name}?`
    : c.subject.kind === "level"
      ? `Is the radiation level ${rel} ${m.name}?`
      : c.subject.kind === "distance"
        ? c.relation === "similar" ? `Does the dose at ${shortLabel(c.subject.distance)} compare with ${m.name}?` : `Is the dose at ${shortLabel(c.subject.distance)} ${rel} ${m.name}?`
        : `Is the dose ${rel} ${m.name}?`;
  const base = {id: subjectId, quote: c.quote.text, section: c.sentence.section, at: c.sentence.start, check};
  if (!m.entry && LIMIT_WORDS.test(c.referent.text)) {
    return {
      ...base, id: subjectId.replace(new RegExp(`${m.slug}$`), "limits"), verdict: "unsupported",
      explanation: `A comparison with "${c.referent.text.trim()}" is a claim of compliance, not a comparison with an everyday dose: the policy names no limit value here, so the words cannot be checked. This site judges the device against each limit from the field data (the compliance verdicts).`,
      numbers: {}
    };
  }
  if (!m.entry) {
    return {
      ...base, verdict: "unsupported",
      explanation: `The everyday-dose table (data/everyday-doses.json) has no ${m.missing}, so the comparison with ${m.name} cannot be checked; add one with its value, source and grade${m.referent ? "" : ", and the words the policy uses in its phrases"}.`,
      numbers: {}
    };
  }
  const entry = {...m, entry: m.entry};
  if (c.subject.kind === "level") return levelClaim(c, entry, statements, base);
  const subject = subjectDose(c, statements);
  if (typeof subject === "string") return {...base, verdict: "unsupported", explanation: subject, numbers: {}};
  return doseClaim(c, entry, subject, everyday, base);
}
