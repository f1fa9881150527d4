// Numbers with their units in a policy sentence, as written: "0.016 mrem", "five (5) feet", "10-second",
// "0.5 mrem per hour", "16 urem/microrem", "between 0.009 and 0.016 mrem". The English words and symbols a policy
// uses for units are mapped to the product's unit names here; lib/units parses and converts them. A number followed
// by a unit word the product does not convert ("mrad", "kVp", "%", "times") is kept as unread, with the reason, so
// the sentence is reported as not checked rather than dropped.
import {dimensionOf, parseUnit, type Dimension} from "../units/index.js";
import {append, span, type TextSpan} from "./policy-text.js";

export interface Quantity extends TextSpan {
  value: number;
  /** The unit as lib/units reads it: "mrem", "urem", "uR", "ft", "s", "mrem/h". */
  unit: string;
  dimension: Dimension;
  /** Number and unit as written, for explanations: "0.016 mrem", "five (5) feet" (a range's first number gets the unit written after the second). */
  written: string;
  /** Decimal places of the numeral: the figure is known to ± half a unit in its last place. */
  decimals: number;
  /** A number in words and numerals that disagree ("five (6)"), said in words; null when they agree. */
  mismatch: string | null;
  /** Restatements in other units in parentheses right after it: "(or 16 urem/microrem)". */
  alternatives: Quantity[];
  /** Alternatives in units the product does not read. */
  unreadAlternatives: Unread[];
  /** The first number of a range sharing the unit of the next ("between 0.009 and 0.016 mrem", "5 to 10 ft"). */
  rangeWithNext: boolean;
}

/** A number with a unit the product does not read, and why. */
export interface Unread extends TextSpan {
  reason: string;
}

const ONES: Record<string, number> = {zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9};
const TEENS: Record<string, number> = {ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19};
const TENS: Record<string, number> = {twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90};
const SCALES: Record<string, number> = {hundred: 100, thousand: 1000, million: 1e6};
const WORD = `(?:${[...Object.keys(TENS), ...Object.keys(TEENS), ...Object.keys(ONES), ...Object.keys(SCALES)].join("|")})`;
const NUMERAL = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
/** A numeral, or number words optionally followed by the numeral in parentheses: "0.016", "five (5)", "twenty-five". */
const NUMBER = new RegExp(String.raw`(?<![\p{L}\d.,/])(${NUMERAL})(?!\d|[.,]\d)|\b(${WORD}(?:[ -]${WORD})*)\b(?:\s*\(\s*(${NUMERAL})\s*\))?`, "giu");

/** The value of number words: "twenty-five" 25, "one hundred five" 105. */
export function wordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w in ONES) current += ONES[w]!;
    else if (w in TEENS) current += TEENS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === "hundred") current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    }
  }
  return total + current;
}

const numeralValue = (s: string) => Number(s.replace(/,/g, ""));
const decimalsOf = (s: string) => (s.includes(".") ? s.length - s.indexOf(".") - 1 : 0);

/** Unit names and symbols as policies write them → the unit lib/units reads. Symbols are matched case-sensitively, words not. */
const UNIT_FORMS: Record<string, string[]> = {
  Sv: ["Sv", "sievert", "sieverts"],
  mSv: ["mSv", "millisievert", "millisieverts"],
  uSv: ["µSv", "μSv", "uSv", "microsievert", "microsieverts"],
  nSv: ["nSv", "nanosievert", "nanosieverts"],
  rem: ["rem", "rems"],
  mrem: ["mrem", "mrems", "millirem", "millirems"],
  urem: ["µrem", "μrem", "urem", "microrem", "microrems"],
  R: ["R", "roentgen", "roentgens"],
  mR: ["mR", "milliroentgen", "milliroentgens"],
  uR: ["µR", "μR", "uR", "microroentgen", "microroentgens"],
  Gy: ["Gy"],
  mGy: ["mGy", "milligray", "milligrays"],
  uGy: ["µGy", "μGy", "uGy", "microgray", "micrograys"],
  nGy: ["nGy", "nanogray", "nanograys"],
  ft: ["ft", "feet", "foot"],
  inch: ["inch", "inches"],
  yd: ["yd", "yard", "yards"],
  m: ["m", "meter", "meters", "metre", "metres"],
  cm: ["cm", "centimeter", "centimeters", "centimetre", "centimetres"],
  km: ["km", "kilometer", "kilometers", "kilometre", "kilometres"],
  ms: ["ms", "millisecond", "milliseconds"],
  s: ["s", "sec", "secs", "second", "seconds"],
  min: ["min", "mins", "minute", "minutes"],
  h: ["h", "hr", "hrs", "hour", "hours"],
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
  year: ["yr", "yrs", "year", "years"]
};

const SPEED = "a speed, which the check does not compare";

/** Units a policy may state that the check does not read, with the reason it gives. */
const UNREAD_FORMS: [RegExp, string][] = [
  [/^(?:m|µ|μ|u|n|milli|micro|nano)?rads?$/i, "the rad (absorbed dose) is not a unit the product converts (a figure in rem or Sv would be)"],
  [/^(?:[kMGµμum]?Bq|becquerels?|[mµμu]?Ci|(?:milli|micro)?curies?)$/, "an activity, not a dose"],
  [/^(?:kVp?|keV|MeV|kilovolts?)$/, "an X-ray tube voltage or photon energy, which the check does not compare"],
  [/^(?:mA|mAs|milliamps?)$/, "an X-ray tube current, which the check does not compare"],
  [/^(?:%|percent|per cent)$/i, "a proportion, which the check does not read"],
  [/^(?:times|fold)$/i, "a ratio in words, which the check does not read"],
  [/^(?:mph|kph|miles per hour)$/i, SPEED]
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const allForms = Object.entries(UNIT_FORMS).flatMap(([unit, forms]) => forms.map((form) => ({unit, form, word: /^[a-z]{3,}$/.test(form)})));
const formAlternation = (word: boolean) => allForms.filter((f) => f.word === word).map((f) => escape(f.form)).sort((a, b) => b.length - a.length).join("|");
const SYMBOL = new RegExp(`(${formAlternation(false)})(?![\\p{L}\\d])`, "yu");
const UNIT_WORD = new RegExp(`(${formAlternation(true)})(?![\\p{L}\\d])`, "yiu");
const unitOfForm = (form: string) => allForms.find((f) => f.form === form || (f.word && f.form === form.toLowerCase()))!.unit;
const TIME_UNITS = new Set(["ms", "s", "min", "h", "day", "week", "month", "year"]);
const SYNONYM = new RegExp(`/(${formAlternation(false)}|${formAlternation(true)})(?![\\p{L}\\d])`, "yiu");
const DOSE_LIKE = new Set<string>(["dose-equivalent", "exposure", "absorbed-dose"]);
const RATE_JOIN = /\s*\/\s*|\s+per\s+|\s+an?\s+|\s+each\s+|\s+every\s+/y;
/** A length per time is a speed ("5 km/h", "3 ft per second"); only a slash or "per" joins them ("2 m a day later" is a distance). */
const SPEED_JOIN = /\s*\/\s*|\s+per\s+/y;
const UNREAD_TOKEN = /(%|per cent|miles per hour|[\p{L}µμ][\p{L}µμ]*)/yu;

/** The unit written at `at` (after optional space or hyphen): its lib/units name and end, or null. */
function unitAt(text: string, at: number, end: number): {unit: string; end: number; written: string} | null {
  const gap = /\s*-?\s*/y;
  gap.lastIndex = at;
  const start = at + gap.exec(text)![0].length;
  const slice = text.slice(0, end);
  let best: {unit: string; end: number} | null = null;
  for (const re of [SYMBOL, UNIT_WORD]) {
    re.lastIndex = start;
    const m = re.exec(slice);
    if (m && (!best || start + m[0].length > best.end)) best = {unit: unitOfForm(m[1]!), end: start + m[0].length};
  }
  if (!best) return null;
  let {unit, end: unitEnd} = best;
  // "urem/microrem": two names of one unit.
  SYNONYM.lastIndex = unitEnd;
  const syn = SYNONYM.exec(slice);
  if (syn && unitOfForm(syn[1]!) === unit) unitEnd += syn[0].length;
  // "mrem per hour", "µSv/h": a rate of a dose. "km/h", "ft per second": a speed, not a distance.
  const dimension = dimensionOf(parseUnit(unit)) ?? "";
  const join = DOSE_LIKE.has(dimension) ? RATE_JOIN : dimension === "length" ? SPEED_JOIN : null;
  const per = join && perTime(slice, unitEnd, join);
  if (per) {
    unit = `${unit}/${per.unit}`;
    unitEnd = per.end;
  }
  return {unit, end: unitEnd, written: text.slice(start, unitEnd)};
}

/** A unit of time after `join` at `at`: "per hour", "/h". */
function perTime(slice: string, at: number, join: RegExp): {unit: string; end: number} | null {
  join.lastIndex = at;
  const j = join.exec(slice);
  if (!j) return null;
  for (const re of [SYMBOL, UNIT_WORD]) {
    re.lastIndex = at + j[0].length;
    const t = re.exec(slice);
    if (t && TIME_UNITS.has(unitOfForm(t[1]!))) return {unit: unitOfForm(t[1]!), end: re.lastIndex};
  }
  return null;
}

function unreadAt(text: string, at: number, end: number): {end: number; reason: string} | null {
  const gap = /\s*-?\s*/y;
  gap.lastIndex = at;
  UNREAD_TOKEN.lastIndex = at + gap.exec(text)![0].length;
  const m = UNREAD_TOKEN.exec(text.slice(0, end));
  if (!m) return null;
  const hit = UNREAD_FORMS.find(([re]) => re.test(m[1]!));
  return hit ? {end: UNREAD_TOKEN.lastIndex, reason: hit[1]} : null;
}

interface NumberToken {
  start: number;
  end: number;
  value: number;
  decimals: number;
  mismatch: string | null;
}

function numbersIn(text: string, s: TextSpan): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER.lastIndex = s.start;
  const slice = text.slice(0, s.end);
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(slice)) !== null) {
    const [all, numeral, words, wordNumeral] = m;
    if (numeral !== undefined) {
      out.push({start: m.index, end: m.index + all.length, value: numeralValue(numeral), decimals: decimalsOf(numeral), mismatch: null});
    } else {
      const fromWords = wordsValue(words!);
      const fromNumeral = wordNumeral === undefined ? null : numeralValue(wordNumeral);
      out.push({
        start: m.index, end: m.index + all.length, value: fromNumeral ?? fromWords, decimals: wordNumeral ? decimalsOf(wordNumeral) : 0,
        mismatch: fromNumeral !== null && fromNumeral !== fromWords ? `"${all}": the words say ${fromWords}, the numeral ${fromNumeral}` : null
      });
    }
  }
  return out;
}

/** Filler allowed inside the parentheses of a restatement: "(or 16 urem)", "(i.e., 0.16 µSv)", "(about 3 µrem)". */
/** A restatement without parentheses: "0.016 mrem, or 16 µrem", "0.016 mrem or 0.16 µSv" (another unit of the same kind). */
const RESTATEMENT_JOIN = /\s*,?\s*(?:or|i\.e\.,?|that is,?)\s+/y;
const RESTATEMENT_FILLER = /^[\s,;/]*(?:(?:or|i\.e\.,?|that is,?|about|approximately|approx\.|roughly|=|≈|~)[\s,;/]*)*$/i;

/** Every number with a unit in the span, restatements attached to the figure they restate, and unread units. */
export function quantitiesIn(text: string, s: TextSpan): {quantities: Quantity[]; unread: Unread[]} {
  const numbers = numbersIn(text, s);
  const found: (Quantity | Unread)[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    const unit = unitAt(text, n.end, s.end);
    let rangeUnit: ReturnType<typeof unitAt> = null;
    if (!unit) {
      // "between 0.009 and 0.016 mrem", "5 to 10 ft": the first number takes the unit of the second.
      const next = numbers[i + 1];
      if (next && /^\s*(?:to|and|through|–|—|-)\s*$/.test(text.slice(n.end, next.start))) rangeUnit = unitAt(text, next.end, s.end);
    }
    const u = unit ?? rangeUnit;
    if (u) {
      const dimension = dimensionOf(parseUnit(u.unit));
      const end = unit ? u.end : n.end;
      // A length per time (the only unit read here without a dimension of the product).
      if (dimension === null) {
        found.push({...span(text, n.start, end), reason: SPEED});
        continue;
      }
      found.push({
        ...span(text, n.start, end), value: n.value, unit: u.unit, dimension, written: unit ? text.slice(n.start, end) : `${text.slice(n.start, n.end)} ${u.written}`,
        decimals: n.decimals, mismatch: n.mismatch, alternatives: [], unreadAlternatives: [], rangeWithNext: !unit
      });
      continue;
    }
    const unread = unreadAt(text, n.end, s.end);
    if (unread) found.push({...span(text, n.start, unread.end), reason: unread.reason});
  }
  return attachRestatements(text, s, found);
}

const isQuantity = (x: Quantity | Unread): x is Quantity => "unit" in x;
const DOSE_KINDS = new Set(["dose-equivalent", "exposure"]);
const RATE_KINDS = new Set(["dose-equivalent-rate", "exposure-rate"]);
const sameKind = (a: Quantity, b: Quantity) => (DOSE_KINDS.has(a.dimension) && DOSE_KINDS.has(b.dimension)) || (RATE_KINDS.has(a.dimension) && RATE_KINDS.has(b.dimension));

function attachRestatements(text: string, s: TextSpan, found: (Quantity | Unread)[]): {quantities: Quantity[]; unread: Unread[]} {
  const quantities: Quantity[] = [];
  const unread: Unread[] = [];
  let i = 0;
  while (i < found.length) {
    const item = found[i]!;
    i++;
    if (!isQuantity(item)) {
      unread.push(item);
      continue;
    }
    quantities.push(item);
    RESTATEMENT_JOIN.lastIndex = item.end;
    const next = found[i];
    if (next && isQuantity(next) && RESTATEMENT_JOIN.exec(text) && RESTATEMENT_JOIN.lastIndex === next.start && next.unit !== item.unit && sameKind(item, next)) {
      item.alternatives.push(next);
      i++;
      continue;
    }
    const open = /\s*\(/y;
    open.lastIndex = item.end;
    if (!open.exec(text.slice(0, s.end))) continue;
    const close = text.indexOf(")", open.lastIndex);
    if (close < 0 || close >= s.end) continue;
    const inside: (Quantity | Unread)[] = [];
    while (i + inside.length < found.length && found[i + inside.length]!.end <= close) inside.push(found[i + inside.length]!);
    if (inside.length === 0) continue;
    let filler = "";
    let at = open.lastIndex;
    for (const x of inside) {
      filler += text.slice(at, x.start);
      at = x.end;
    }
    filler += text.slice(at, close);
    if (!RESTATEMENT_FILLER.test(filler)) continue;
    append(item.alternatives, inside.filter(isQuantity));
    append(item.unreadAlternatives, inside.filter((x): x is Unread => !isQuantity(x)));
    i += inside.length;
  }
  return {quantities, unread};
}

/** "5 ft", "1.5 m", "10 s": a quantity as a short label (numerals, unit symbol). */
export function shortLabel(q: Pick<Quantity, "value" | "unit">): string {
  return `${q.value} ${q.unit === "inch" ? "in" : q.unit}`;
}
