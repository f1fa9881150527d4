// The quantitative statements of a policy's health-and-safety section(s), found in the text itself:
//   - dose statements: figures in rem, Sv or R with their restatements, the distance and the duration or the scan
//     they hold for, and how the figures are stated (between two figures, at most, at least, about, exactly);
//   - dose-rate statements ("does not exceed 0.5 mrem per hour", at a distance or not);
//   - comparisons in words ("is similar to … a short plane flight", "no more than the background radiation"): whose
//     dose (a person directly scanned, the level of radiation, the dose at a distance), the relation, the referent;
//   - recognised phrases that are not numbers (PHRASES below): standards named, a risk called trivial by a body;
//   - every other number with a unit, kept with its sentence as not read, never dropped.
// Statements are read one sentence at a time; a figure is never taken from another sentence.
import {append, healthAndSafetySections, readPolicyText, span, type PolicyDocument, type PolicySentence, type TextSpan} from "./policy-text.js";
import {quantitiesIn, type Quantity, type Unread} from "./policy-quantities.js";
import {isAbsorbed} from "./policy-figures.js";

/** How a statement's figures bound the quantity. */
export type Relation = "between" | "at-most" | "at-least" | "about" | "equals";

export interface DoseStatement {
  kind: "dose";
  sentence: PolicySentence;
  distance: Quantity | null;
  duration: Quantity | null;
  /** The figures are per scan (per screening, a person directly scanned) rather than for a duration. */
  perScan: boolean;
  relation: Relation;
  /** One figure, or two for "between". */
  figures: Quantity[];
}

export interface RateStatement {
  kind: "rate";
  sentence: PolicySentence;
  distance: Quantity | null;
  relation: Relation;
  figures: Quantity[];
}

/** Whose dose a comparison in words is about. */
export type Subject = {kind: "direct-scan"} | {kind: "level"} | {kind: "distance"; distance: Quantity} | {kind: "unstated"};

export interface ComparisonStatement {
  kind: "comparison";
  sentence: PolicySentence;
  subject: Subject;
  relation: "similar" | "at-most";
  /** The words of the relation as written ("similar to", "no more than"). */
  relationText: string;
  /** What the dose is compared with, as written ("exposure received during a short plane flight"). */
  referent: TextSpan;
  /** The sentence up to the end of this referent (the whole sentence for the last one). */
  quote: TextSpan;
}

export interface PhraseStatement {
  kind: "phrase";
  phrase: (typeof PHRASES)[number]["id"];
  sentence: PolicySentence;
  /** Bodies named (ANSI, ICRP…), in order of appearance. */
  bodies: string[];
  /** Document designations named (N43.17-2009, Publication 103, 10 CFR 20…). */
  documents: string[];
  /** The word the phrase turns on ("trivial"), when it has one. */
  word: string | null;
}

export interface UnreadStatement {
  kind: "unread";
  sentence: PolicySentence;
  /** Each number and unit not read, and why. */
  items: Unread[];
}

export type PolicyStatement = DoseStatement | RateStatement | ComparisonStatement | PhraseStatement | UnreadStatement;

export interface PolicyStatements {
  /** Headings of the sections read as health and safety. */
  sections: string[];
  statements: PolicyStatement[];
  /** Where the text says distances are measured from ("… feet away from the center of the device"), anywhere in it. */
  centre: TextSpan | null;
}

const BODY = String.raw`ANSI|HPS|Euratom|ICRP|NCRP|IEC|IAEA|NRC|FDA|CDRH|NIST|EPA|OSHA|CRCPD|UNSCEAR`;
// Euratom directives before 2000 number their year with two digits (96/29/Euratom).
const DOCUMENT = /\b(?:N43\.\d+(?:-\d{4})?|(?:Publication|Report|Commentary)\s+(?:No\.\s*)?\d+|(?:\d{2}){1,2}\/\d+\/Euratom|Directive\s+(?:\d{2}){1,2}\/\d+|\d+\s+CFR\s+[\d.]+|IEC\s+\d+(?:-\d+)*)/g;

/**
 * Statements recognised by their wording rather than their numbers, checked in lib/compliance/policy-claims.ts.
 * The first match wins: a risk called trivial by a body is not also a standards statement.
 */
export const PHRASES = [
  // A risk called trivial or negligible by a named body.
  {
    id: "trivial",
    match: (s: string) => new RegExp(String.raw`\b(trivial|negligible|insignificant|de minimis)\b[^.]{0,200}?\b(?:by|according to|under)\s+(?:the\s+)?(${BODY})\b`, "i").exec(s)
  },
  // Measurement or compliance according to the standards of named bodies.
  {
    id: "standards-named",
    match: (s: string) => (/\b(?:standards?|guidelines?|procedures?|measured|complian\w*|compl(?:y|ies)|accordance|conform\w*)\b/i.test(s) ? new RegExp(String.raw`\b(?:${BODY})\b`).exec(s) : null)
  }
] as const;

const PER_SCAN = /\bper\s+(?:scan|screening|inspection|pass)\b|\beach\s+(?:scan|screening|inspection)\b|\b(?:a|one|single)\s+(?:scan|screening)\b|directly\s+scanned|\b(?:person|people|individual|occupant|driver|passenger)s?\s+(?:who\s+(?:is|are)\s+|being\s+)?(?:directly\s+)?(?:scanned|screened)\b|\boccupants?\b/i;
const LEVEL = /\blevels?\b|\brates?\b|\bradiation\s+(?:used|emitted|produced)\b/i;

/** A relation in words, not followed by a figure: "is similar to", "no more than". */
// Written with single spaces, read across any run of spaces or a line break ("similar\nto" in a wrapped paragraph).
const COMPARISON = new RegExp(String.raw`\b(similar to|comparable to|equivalent to|(?:about |roughly |approximately )?the same as|akin to|(?:no|not) (?:more|greater|higher) than|(?:far |much |well )?(?:less|lower|smaller) than|(?:far |well )?below|a (?:small )?fraction of)\s+`.replaceAll(" ", String.raw`\s+`), "gi");
// The words of a relation start a word: "moreover 0.5 mrem" is not "over", nor "thereabout" "about".
const AT_MOST_BEFORE = /(?:(?<![\p{L}\d])(?:(?:does|do|will|shall|would|can|should)\s+not\s+exceed|never\s+exceeds?|not\s+to\s+exceed|(?:no|not)\s+(?:more|greater|higher)\s+than|(?:less|lower|smaller)\s+than|below|under|up\s+to|at\s+most|(?:a\s+)?maximum(?:\s+of)?|within)|<|≤|<=)\s*$/iu;
const AT_LEAST_BEFORE = /(?:(?<![\p{L}\d])(?:at\s+least|more\s+than|greater\s+than|higher\s+than|above|over|exceeds?|(?:a\s+)?minimum(?:\s+of)?)|>|≥|>=)\s*$/iu;
const ABOUT_BEFORE = /(?:(?<![\p{L}\d])(?:about|approximately|approx\.|around|roughly|nearly|some)|~|≈)\s*$/iu;

function relationBefore(text: string, first: Quantity, from: number, second: Quantity | undefined): Relation | null {
  const before = text.slice(from, first.start);
  if (second) {
    const lastEnd = [...first.alternatives, ...first.unreadAlternatives].reduce((e, a) => Math.max(e, a.end), first.end);
    const gap = text.slice(lastEnd, second.start);
    if ((/\bbetween\s*$/i.test(before) || /\bfrom\s*$/i.test(before) || first.rangeWithNext) && /^\)?\s*(?:and|to|through|–|—|-)\s*$/i.test(gap.replace(/^\s*\)/, ""))) return "between";
    return null;
  }
  if (AT_MOST_BEFORE.test(before)) return "at-most";
  if (AT_LEAST_BEFORE.test(before)) return "at-least";
  if (ABOUT_BEFORE.test(before)) return "about";
  return "equals";
}

function phraseOf(sentence: PolicySentence): PhraseStatement | null {
  for (const p of PHRASES) {
    const m = p.match(sentence.text);
    if (!m) continue;
    const bodies = [...new Set([...sentence.text.matchAll(new RegExp(String.raw`\b(${BODY})\b`, "g"))].map((b) => b[1]!))];
    const documents = [...new Set([...sentence.text.matchAll(DOCUMENT)].map((d) => d[0]))];
    return {kind: "phrase", phrase: p.id, sentence, bodies: p.id === "trivial" ? [m[2]!] : bodies, documents, word: p.id === "trivial" ? m[1]!.toLowerCase() : null};
  }
  return null;
}

const hasNumber = (s: string) => /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)\b/i.test(s);

function comparisonsIn(text: string, sentence: PolicySentence, distances: readonly Quantity[], used: Set<Quantity>): ComparisonStatement[] {
  const out: ComparisonStatement[] = [];
  const body = sentence.text.replace(/[.!?]["'”’)]*$/, "");
  for (const m of body.matchAll(COMPARISON)) {
    const relStart = sentence.start + m.index;
    const refStart = relStart + m[0].length;
    const refText = text.slice(refStart, sentence.start + body.length);
    if (refText.trim() === "" || hasNumber(refText.split(/[,;]/)[0]!)) continue;
    const subjectText = text.slice(sentence.start, relStart);
    const distance = distances.find((d) => d.end <= relStart);
    const subject: Subject = PER_SCAN.test(subjectText)
      ? {kind: "direct-scan"}
      : distance
        ? {kind: "distance", distance}
        : LEVEL.test(subjectText)
          ? {kind: "level"}
          : {kind: "unstated"};
    if (distance && subject.kind === "distance") used.add(distance);
    const relationText = m[1]!.replace(/\s+/g, " ");
    const relation = /^(?:similar|comparable|equivalent|about|roughly|approximately|the same|akin)/i.test(relationText) ? "similar" : "at-most";
    // "… a short plane flight or by spending a day in the Rocky Mountains": one comparison per alternative.
    const parts: [number, number][] = [];
    let at = refStart;
    for (const sep of refText.matchAll(/,?\s+or\s+/g)) {
      parts.push([at, refStart + sep.index]);
      at = refStart + sep.index + sep[0].length;
    }
    parts.push([at, sentence.start + body.length]);
    parts.forEach(([s, e], i) => {
      out.push({
        kind: "comparison", sentence, subject, relation, relationText, referent: span(text, s, e),
        quote: span(text, sentence.start, i === parts.length - 1 ? sentence.end : e)
      });
    });
    break; // one relation per sentence: a second would be part of the first's referent
  }
  return out;
}

function statementsOf(text: string, sentence: PolicySentence): PolicyStatement[] {
  const {quantities, unread} = quantitiesIn(text, sentence);
  const out: PolicyStatement[] = [];
  // The numbers already accounted for (read into a statement, or kept as not read with their own reason): a distance
  // or duration left out of it is reported as applying to no figure.
  const used = new Set<Quantity>();
  const notRead: Unread[] = [...unread, ...quantities.flatMap((q) => q.unreadAlternatives)];
  const phrase = phraseOf(sentence);
  if (phrase) out.push(phrase);

  // "…, comparable to two minutes of flying": a comparison in numbers. Its distances and durations are not the
  // statement's; they are reported as not read.
  const numericComparison = [...sentence.text.matchAll(COMPARISON)]
    .map((m) => sentence.start + m.index + m[0].length)
    .find((at) => quantities.some((q) => q.start === at && q.dimension !== "dose-equivalent" && q.dimension !== "exposure" && !q.dimension.endsWith("rate")));
  const inComparison = (q: Quantity) => numericComparison !== undefined && q.start >= numericComparison && (q.dimension === "length" || q.dimension === "time");
  for (const q of quantities.filter(inComparison)) {
    notRead.push({...span(text, q.start, q.end), reason: "part of a comparison in numbers, which the check does not read"});
    used.add(q);
  }
  const distances = quantities.filter((q) => q.dimension === "length" && !inComparison(q));
  const durations = quantities.filter((q) => q.dimension === "time" && !inComparison(q));
  const doses = quantities.filter((q) => q.dimension === "dose-equivalent" || q.dimension === "exposure");
  // A dose per day or per year is a dose averaged over time, not the level while the beam is on: it cannot be set
  // against the figures for seconds or hours, so it is listed as not read.
  const averaged = (q: Quantity) => /\/(?:day|week|month|year)$/.test(q.unit);
  const rates = quantities.filter((q) => (q.dimension === "dose-equivalent-rate" || q.dimension === "exposure-rate") && !averaged(q));
  for (const q of quantities.filter((x) => x.dimension.endsWith("rate") && averaged(x))) {
    notRead.push({...span(text, q.start, q.end), reason: `a dose per ${q.unit.split("/")[1]}, averaged over time: the check compares doses for stated durations and hourly rates only`});
    used.add(q);
  }
  append(out, comparisonsIn(text, sentence, distances, used));

  const whyNot = (q: Quantity, reason: string) => notRead.push({...span(text, q.start, q.end), reason});
  if (doses.length + rates.length > 0) {
    if (distances.length > 1 || durations.length > 1) {
      for (const q of quantities) if (!used.has(q)) whyNot(q, `one of ${distances.length > 1 ? `${distances.length} distances` : `${durations.length} durations`} in one sentence: which figure holds where is not recognised`);
      for (const q of quantities) used.add(q);
    } else {
      const distance = distances[0] ?? null;
      const duration = durations[0] ?? null;
      for (const [figures, kind] of [[doses, "dose"], [rates, "rate"]] as const) {
        if (figures.length === 0) continue;
        const from = quantities.filter((q) => q.end <= figures[0]!.start && !figures.includes(q)).reduce((e, q) => Math.max(e, q.end), sentence.start);
        const relation = figures.length <= 2 ? relationBefore(text, figures[0]!, from, figures[1]) : null;
        if (relation === null) {
          for (const q of figures) whyNot(q, `one of ${figures.length} figures whose relation ("between … and …") is not recognised`);
          continue;
        }
        if (kind === "dose") out.push({kind, sentence, distance, duration, perScan: duration === null && PER_SCAN.test(sentence.text), relation, figures});
        else out.push({kind, sentence, distance, relation, figures});
        if (distance) used.add(distance);
        if (duration && kind === "dose") used.add(duration);
      }
    }
  }
  for (const q of [...distances, ...durations]) {
    if (!used.has(q)) whyNot(q, `a ${q.dimension === "length" ? "distance" : "duration"} with no dose or dose rate it applies to`);
  }
  for (const q of quantities.filter(isAbsorbed)) {
    whyNot(q, "an absorbed dose or air kerma (Gy): turning it into a dose equivalent needs the beam's energy, so it is not compared");
  }
  if (notRead.length > 0) out.push({kind: "unread", sentence, items: notRead.sort((a, b) => a.start - b.start)});
  return out;
}

/** The phrase saying where distances are measured from, e.g. "five (5) and ten (10) feet away from the center of the device". */
function centreOf(doc: PolicyDocument): TextSpan | null {
  const sentences = [...healthAndSafetySections(doc), ...doc.sections].flatMap((s) => s.sentences);
  for (const s of sentences) {
    const m = /\b(?:center|centre)\s+of\s+the\s+[\p{L}-]+/iu.exec(s.text);
    if (!m) continue;
    const first = quantitiesIn(doc.text, s).quantities.find((q) => q.dimension === "length" && q.start < s.start + m.index);
    return span(doc.text, first ? first.start : s.start, s.start + m.index + m[0].length);
  }
  return null;
}

export function extractStatements(text: string): PolicyStatements {
  const document = readPolicyText(text);
  const sections = healthAndSafetySections(document);
  return {
    sections: sections.map((s) => s.heading),
    statements: sections.flatMap((s) => s.sentences.flatMap((sentence) => statementsOf(text, sentence))),
    centre: centreOf(document)
  };
}

/** Statements about doses: figures, rates, comparisons in words and numbers not read (a phrase naming standards is not one). */
export const isQuantitative = (s: PolicyStatement) => s.kind === "dose" || s.kind === "rate" || s.kind === "unread" || s.kind === "comparison";
