// How a plain-text policy is cut into sections and sentences, on short hand-written texts: which blocks are headings
// (Markdown, all capitals, one short title line) and which are not, how tables, lists and paragraphs become
// sentences, where a sentence ends and where it does not, and that every sentence is the text's own characters.
import {describe, expect, it} from "vitest";
import {append, healthAndSafetySections, HEALTH_AND_SAFETY_HEADING, readPolicyText, span} from "../../lib/compliance/policy-text.js";

const headings = (text: string) => readPolicyText(text).sections.map((s) => s.heading);
const sentences = (text: string) => readPolicyText(text).sections.flatMap((s) => s.sentences.map((x) => x.text));
const exact = (text: string) => {
  for (const s of readPolicyText(text).sections) for (const x of s.sentences) expect(text.slice(x.start, x.end)).toBe(x.text);
};

describe("headings", () => {
  it("takes a Markdown heading of one to six marks, indented up to three spaces, without its marks, bold or extra spaces", () => {
    expect(headings("# Safety\n\nText here.\n\n   ###### **Radiation**   __use__\n\nMore.\n")).toEqual(["Safety", "Radiation use"]);
    expect(headings("## Safety\nThe dose is 5 mrem.\n")).toEqual(["Safety"]);
    expect(sentences("## Safety\nThe dose is 5 mrem.\n")).toEqual(["The dose is 5 mrem."]);
  });

  it("does not take a hash without a space, seven hashes or four spaces of indent for a Markdown heading", () => {
    for (const line of ["#safety rules apply here.", "####### safety rules apply here.", "    # safety rules apply here.", "# "]) {
      expect(headings(`${line}\n`), line).toEqual([""]);
    }
  });

  it("takes a block in capitals with two capital letters as a heading, and not a table, a long line or one capital", () => {
    expect(headings("HEALTH & SAFETY\nREPORTING\n\nThe dose is low.\n")).toEqual(["HEALTH & SAFETY REPORTING"]);
    expect(headings("X 1.\n\nThe dose is low.\n")).toEqual([""]);
    expect(headings("5.\n\nThe dose is low.\n")).toEqual([""]);
    expect(headings(`${"SAFETY ".repeat(17)}SA\n\nThe dose is low.\n`)).toEqual([""]);
    expect(headings(`${"SAFETY ".repeat(17)}S\n\nThe dose is low.\n`)).toEqual([`${"SAFETY ".repeat(17)}S`]);
    expect(headings("| DOSE | RATE |\n\nThe dose is low.\n")).toEqual([""]);
    expect(headings("SAFETY\nThe rules.\n")).toEqual([""]);
  });

  it("takes a numbered line like a list item's (\"5. \") as a heading only in title case", () => {
    expect(headings("5. Radiation Safety\n\nText.\n")).toEqual(["5. Radiation Safety"]);
    expect(headings("12. Health & Safety of the Public\n\nText.\n")).toEqual(["12. Health & Safety of the Public"]);
    const policy = "1. Purpose\n\nThe van screens vehicles.\n\n5. Health and Safety\n\nThe dose is 0.016 mrem at 5 ft for 10 s.\n";
    expect(healthAndSafetySections(readPolicyText(policy)).map((s) => [s.heading, s.sentences.map((x) => x.text)])).toEqual([
      ["5. Health and Safety", ["The dose is 0.016 mrem at 5 ft for 10 s."]]
    ]);
    // A one-line list item in sentence case stays text of its section, as does every line of a list.
    expect(headings("Rules\n\n1. Keep the public away\n\nText.\n")).toEqual(["Rules"]);
    expect(sentences("Rules\n\n1. Keep the public away\n\nText.\n")).toEqual(["1. Keep the public away", "Text."]);
    expect(headings("Rules\n\n1. Radiation Safety\n2. Health and Safety\n")).toEqual(["Rules"]);
  });

  it("takes one short line starting with a capital, without closing punctuation or figures, as a heading", () => {
    expect(headings("Health and Safety\n\nText.\n")).toEqual(["Health and Safety"]);
    expect(headings("5 Radiation Safety\n\nText.\n")).toEqual(["5 Radiation Safety"]);
    expect(headings("5.2: Radiation Safety\n\nText.\n")).toEqual(["5.2: Radiation Safety"]);
    expect(headings("5.2.1 Radiation Safety\n\nText.\n")).toEqual(["5.2.1 Radiation Safety"]);
    expect(headings("Section 4.2: Safety\n\nText.\n")).toEqual(["Section 4.2: Safety"]);
    expect(headings("section 12 Safety\n\nText.\n")).toEqual(["section 12 Safety"]);
    expect(headings("One two three four five six seven eight nine ten\n\nText.\n")).toEqual(["One two three four five six seven eight nine ten"]);
    for (const line of ["health and Safety", "Health and safety.", "Health and safety;", "Health and safety,", "Health and safety!", "Health and safety?", "Safety at 5 ft",
      "One two three four five six seven eight nine ten eleven", `Safety ${"x".repeat(74)}`, "- Safety first", "1) Safety first", "a. Safety first", "|Safety"]) {
      expect(headings(`${line}\n\nText.\n`), line).toEqual([""]);
    }
    expect(headings(`Safety ${"x".repeat(73)}\n\nText.\n`)).toEqual([`Safety ${"x".repeat(73)}`]);
    expect(headings("Health and Safety\nSecond line\n\nText.\n")).toEqual([""]);
  });

  it("keeps a heading with no sentences, and the text before the first heading only when it has sentences", () => {
    const doc = readPolicyText("Intro text.\n\nSAFETY\n\nPURPOSE\n\nIt is used.\n");
    expect(doc.sections.map((s) => [s.heading, s.start, s.end, s.sentences.length])).toEqual([["", 0, 13, 1], ["SAFETY", 13, 21, 0], ["PURPOSE", 21, 42, 1]]);
    expect(readPolicyText("SAFETY\n\nIt is used.").sections.map((s) => [s.heading, s.start, s.end])).toEqual([["SAFETY", 0, 19]]);
    expect(readPolicyText("").sections).toEqual([]);
  });
});

describe("health and safety", () => {
  it("reads the sections whose heading names health, safety, radiation or radiological, as whole words", () => {
    const text = "HEALTH\n\nA.\n\nSAFETY\n\nB.\n\nRADIATION\n\nC.\n\nRadiological Protection\n\nD.\n\nHEALTHCARE\n\nE.\n\nUNSAFETY\n\nF.\n\nPURPOSE\n\nG.\n";
    expect(healthAndSafetySections(readPolicyText(text)).map((s) => s.heading)).toEqual(["HEALTH", "SAFETY", "RADIATION", "Radiological Protection"]);
    expect(HEALTH_AND_SAFETY_HEADING.test("radiation use")).toBe(true);
  });
});

describe("line endings, blocks, tables and lists", () => {
  it("reads Windows, old Mac and Unix line endings, and blank lines of spaces, quoting exactly", () => {
    for (const nl of ["\r\n", "\r", "\n"]) {
      const text = `SAFETY${nl}  ${nl}The dose is low.${nl}It is${nl}measured.${nl}`;
      expect(headings(text), JSON.stringify(nl)).toEqual(["SAFETY"]);
      expect(sentences(text), JSON.stringify(nl)).toEqual(["The dose is low.", `It is${nl}measured.`]);
      exact(text);
    }
    expect(sentences("SAFETY\n\n\n\nOne.\n\n\nTwo.")).toEqual(["One.", "Two."]);
  });

  it("reads a table cell by cell, without its separator row", () => {
    const text = "SAFETY\n\n| Distance | Dose |\n|:---|---:|\n| 5 ft | 0.016 mrem. It is low |\n|  | |\n";
    expect(sentences(text)).toEqual(["Distance", "Dose", "5 ft", "0.016 mrem.", "It is low"]);
    expect(sentences("SAFETY\n\n|---|\n| - |\n")).toEqual([]);
    expect(sentences("SAFETY\n\nDistance | Dose\n5 ft | 1 mrem\n")).toEqual(["Distance | Dose\n5 ft | 1 mrem"]);
    exact(text);
  });

  it("reads list items line by line, and a block that is not all list items as one paragraph", () => {
    const items = ["- a dose of 5 mrem", "* at 5 ft", "• in 10 s", "▪ per scan", "◦ by day", "1. first", "(2) second", "3) third", "a) fourth", "(b) fifth", "c. sixth"];
    expect(sentences(`SAFETY\n\n${items.join("\n")}\n`)).toEqual(items);
    expect(sentences("SAFETY\n\n- one item\nand its second line\n")).toEqual(["- one item\nand its second line"]);
    expect(sentences("SAFETY\n\n- one item alone\n")).toEqual(["- one item alone"]);
    expect(sentences("SAFETY\n\n-one\n-two\n")).toEqual(["-one\n-two"]);
    expect(sentences("SAFETY\n\n1234. one\n1234. two\n")).toEqual(["1234. one\n1234. two"]);
  });
});

describe("sentences", () => {
  it("ends a sentence at a full stop, question or exclamation mark, with closing quotes or brackets, before a capital, figure, quote or bracket", () => {
    const text = "SAFETY\n\nIs it low? Yes! It is \"low.\" 5 ft is near. “Quoted.” ‘Single.’ 'Plain.' (Aside.) [Note.] ¹Footnote. ²Two. It ends.";
    expect(sentences(text)).toEqual(["Is it low?", "Yes!", "It is \"low.\"", "5 ft is near.", "“Quoted.”", "‘Single.’", "'Plain.'", "(Aside.) [Note.]", "¹Footnote.", "²Two.", "It ends."]);
    exact(text);
  });

  it("does not end a sentence before a lower-case word, inside a number, or at an abbreviation, an initial, U.S. or a list number", () => {
    expect(sentences("SAFETY\n\nThe dose. is low. It is 0.016 mrem.Next one.")).toEqual(["The dose. is low.", "It is 0.016 mrem.Next one."]);
    expect(sentences("SAFETY\n\nAsk Dr. Smith and Mr. Jones, approx. Ten of them. Dept. Heads agree. Sec. Four says so. J. Smith agrees. The U.S. Army too.")).toEqual([
      "Ask Dr. Smith and Mr. Jones, approx. Ten of them.", "Dept. Heads agree.", "Sec. Four says so.", "J. Smith agrees.", "The U.S. Army too."
    ]);
    expect(sentences("SAFETY\n\n1. The dose is low. 2. It is measured.")).toEqual(["1. The dose is low.", "2. It is measured."]);
    expect(sentences("SAFETY\n\nWe saw 12. The dose is low.")).toEqual(["We saw 12.", "The dose is low."]);
    expect(sentences("SAFETY\n\nSee (e.g. Annex B) Page 2. Then go.")).toEqual(["See (e.g. Annex B) Page 2.", "Then go."]);
    expect(sentences("SAFETY\n\nIt is OK. Then go.")).toEqual(["It is OK.", "Then go."]);
    expect(sentences("SAFETY\n\nIt is A. Then go.")).toEqual(["It is A. Then go."]);
    expect(sentences("SAFETY\n\nIt is 1234. Then go.")).toEqual(["It is 1234.", "Then go."]);
  });

  it("trims the spaces around a sentence and gives each its section", () => {
    const doc = readPolicyText("SAFETY\n\n   The dose is low.    It is measured.   \n");
    expect(doc.sections[0]!.sentences.map((s) => [s.text, s.start, s.section])).toEqual([["The dose is low.", 11, "SAFETY"], ["It is measured.", 31, "SAFETY"]]);
  });
});

describe("helpers", () => {
  it("append pushes every item and returns the array; span quotes the text", () => {
    const to = [1];
    expect(append(to, [2, 3])).toBe(to);
    expect(to).toEqual([1, 2, 3]);
    expect(span("a dose of 5 mrem", 10, 16)).toEqual({start: 10, end: 16, text: "5 mrem"});
  });
});
