// A plain-text policy as sections and sentences, each carrying its character offsets in the text. Every quote the
// policy check prints is `text.slice(start, end)` of the file itself, whatever its line endings, wrapping or tables,
// so a quote can never drift from the document it cites.
//
// The text is read in blocks (lines between blank lines). A block is a heading when it is a Markdown heading
// (`# …`), when none of its lines has a lower-case letter (HEALTH & SAFETY REPORTING), or when it is one short line
// without closing punctuation or figures ("Health and Safety"). Tables (`| … |` rows) are read cell by cell, list
// items line by line, and any other block as one paragraph, hard-wrapped or not.

export interface TextSpan {
  start: number;
  end: number;
  /** Always `text.slice(start, end)` of the policy. */
  text: string;
}

export interface PolicySentence extends TextSpan {
  /** Heading of the section it is in ("" before the first heading). */
  section: string;
}

export interface PolicySection {
  /** The heading as written, without Markdown marks, its whitespace collapsed; "" for the text before any heading. */
  heading: string;
  start: number;
  end: number;
  sentences: PolicySentence[];
}

export interface PolicyDocument {
  text: string;
  sections: PolicySection[];
}

/** A section whose heading names health, safety or radiation holds the statements the check reads. */
export const HEALTH_AND_SAFETY_HEADING = /\b(health|safety|radiation|radiological)\b/i;

/** Push every item (a loop, not push(...items): a text may hold more sentences than a call has arguments). */
export function append<T>(to: T[], items: readonly T[]): T[] {
  for (const item of items) to.push(item);
  return to;
}

export function span(text: string, start: number, end: number): TextSpan {
  return {start, end, text: text.slice(start, end)};
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < text.length) {
    const body = m[0].replace(/[\r\n]+$/, "");
    // Before the end of the text every match holds a character (a line's first, or its line ending), so the loop
    // always advances; the one empty match, at the very end, stops it.
    lines.push({start: m.index, end: m.index + body.length, text: body});
  }
  return lines;
}

function blocksOf(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+\S/;
const LIST_ITEM = /^\s*(?:[-*•▪◦]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)/;
const TABLE_ROW = /^\s*\|/;

function isCapsBlock(block: readonly Line[]): boolean {
  return block.every((l) => !TABLE_ROW.test(l.text) && l.text.length <= 120 && !/\p{Ll}/u.test(l.text)) && block.some((l) => (l.text.match(/\p{Lu}/gu) ?? []).length >= 2);
}

/** Words a title leaves in lower case. */
const MINOR_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]);

/**
 * One short line, no closing punctuation, no figures but a leading section number: "Health and Safety", "5.2 Safety".
 * "5. Radiation Safety" is also how a numbered list item starts, so it is a heading only in title case ("5. Keep the
 * public away" stays a list item).
 */
function isTitleLine(block: readonly Line[]): boolean {
  if (block.length !== 1) return false;
  const line = block[0]!.text.trim();
  const body = line.replace(/^(?:section\s+)?\d+(?:\.\d+)*[.:]?\s+/i, "");
  const words = body.split(/\s+/);
  const titleCase = words.every((w) => MINOR_WORDS.has(w) || !/^\p{Ll}/u.test(w));
  return line.length <= 80 && /^\p{Lu}/u.test(body) && !/[.;,!?]$/.test(line) && !/\d/.test(body) && words.length <= 10 && (titleCase || !LIST_ITEM.test(line)) && !TABLE_ROW.test(line);
}

const headingText = (raw: string) => raw.replace(/^\s*#{1,6}\s+/, "").replace(/\*\*|__/g, "").replace(/\s+/g, " ").trim();

/** Common abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "approx", "fig", "inc", "co", "ltd", "jr", "sr", "art", "sec", "vol", "pp", "cf", "al", "ca", "est", "dept", "govt"]);

const NEXT = /\s*(\S)/y;

function wordBefore(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && !/[\s(]/.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/** Split [start, end) of the text into sentences at a full stop, question or exclamation mark followed by a capital. */
function sentencesIn(text: string, start: number, end: number, section: string): PolicySentence[] {
  const out: PolicySentence[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({...span(text, s, e), section});
  };
  const re = /[.!?]["'”’)\]]*(?=\s+|$)/g;
  re.lastIndex = start;
  let from = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const stop = m.index + m[0].length;
    NEXT.lastIndex = stop;
    const nextChar = NEXT.exec(slice)?.[1] ?? "";
    if (nextChar !== "" && !/[\p{Lu}\d"“‘'(¹²³⁴⁵⁶⁷⁸⁹]/u.test(nextChar)) continue;
    if (text[m.index] === ".") {
      const word = wordBefore(text, from, m.index);
      // U.S., i.e., e.g., an initial, a listed abbreviation, or a list number at the start: not the end of a sentence.
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
      if (/^\d{1,3}$/.test(word) && text.slice(from, m.index).trim() === word) continue;
    }
    push(from, stop);
    from = stop;
  }
  push(from, end);
  return out;
}

/** The cells of a Markdown table row, as spans (an empty cell gives no sentence); separator rows (|---|) have none. */
function tableCells(text: string, line: Line): [number, number][] {
  if (/^\s*\|?[\s:|-]+$/.test(line.text)) return [];
  const cells: [number, number][] = [];
  let cellStart = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text[i] === "|") {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  return cells;
}

export function readPolicyText(text: string): PolicyDocument {
  const sections: PolicySection[] = [];
  let current: PolicySection = {heading: "", start: 0, end: 0, sentences: []};
  const open = (heading: string, start: number) => {
    current.end = start;
    if (current.heading !== "" || current.sentences.length > 0) sections.push(current);
    current = {heading, start, end: start, sentences: []};
  };
  for (const block of blocksOf(linesOf(text))) {
    const first = block[0]!;
    const last = block.at(-1)!;
    if (MARKDOWN_HEADING.test(first.text)) {
      open(headingText(first.text), first.start);
      if (block.length > 1) append(current.sentences, sentencesIn(text, block[1]!.start, last.end, current.heading));
    } else if (isCapsBlock(block) || isTitleLine(block)) {
      open(headingText(text.slice(first.start, last.end)), first.start);
    } else if (block.every((l) => TABLE_ROW.test(l.text))) {
      for (const line of block) for (const [s, e] of tableCells(text, line)) append(current.sentences, sentencesIn(text, s, e, current.heading));
    } else if (block.every((l) => LIST_ITEM.test(l.text))) {
      for (const line of block) append(current.sentences, sentencesIn(text, line.start, line.end, current.heading));
    } else {
      append(current.sentences, sentencesIn(text, first.start, last.end, current.heading));
    }
  }
  open("", text.length);
  return {text, sections};
}

/** The sections the check reads: those whose heading names health, safety or radiation. */
export function healthAndSafetySections(doc: PolicyDocument): PolicySection[] {
  return doc.sections.filter((s) => HEALTH_AND_SAFETY_HEADING.test(s.heading));
}
