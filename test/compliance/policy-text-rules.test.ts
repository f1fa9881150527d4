// The near-misses of the policy reader's rules, on short hand-written texts: whitespace of any width where a rule
// allows whitespace, multi-digit numbers where it allows numbers, every listed abbreviation, and the edges of a table
// row, a caps heading and a list. Each expected value is read off the text by hand.
import {describe, expect, it} from "vitest";
import {readPolicyText} from "../../lib/compliance/policy-text.js";

const headings = (text: string) => readPolicyText(text).sections.map((s) => s.heading);
const sentences = (text: string) => readPolicyText(text).sections.flatMap((s) => s.sentences.map((x) => x.text));

describe("headings: near-misses", () => {
  it("takes a Markdown heading with several spaces after its marks, and drops the spaces after it", () => {
    expect(headings("#  Safety  \n\nText.\n")).toEqual(["Safety"]);
  });

  it("keeps a hash inside a heading in capitals", () => {
    expect(headings("HEALTH # SAFETY\n\nText.\n")).toEqual(["HEALTH # SAFETY"]);
  });

  it("takes a capitals block with exactly two capitals, and one whose other lines have fewer", () => {
    expect(headings("HS 5.\n\nText.\n")).toEqual(["HS 5."]);
    expect(headings("HS 5.\nAB 6.\n\nText.\n")).toEqual(["HS 5. AB 6."]);
    expect(headings("RADIATION SAFETY\n(2024)\n\nText.\n")).toEqual(["RADIATION SAFETY (2024)"]);
    expect(headings("H 5.\n\nText.\n")).toEqual([""]);
  });

  it("measures a capitals line of 120 characters without its Windows line ending", () => {
    const line = `${"SAFETY ".repeat(17)}S`;
    expect(line.length).toBe(120);
    expect(headings(`${line}\r\n\r\nThe dose is low.\r\n`)).toEqual([line]);
  });

  it("reads a title line indented, with multi-digit section numbers and several spaces", () => {
    expect(headings("  Health and Safety\n\nText.\n")).toEqual(["Health and Safety"]);
    expect(headings("5.12 Radiation Safety\n\nText.\n")).toEqual(["5.12 Radiation Safety"]);
    expect(headings("5.2  Radiation Safety\n\nText.\n")).toEqual(["5.2 Radiation Safety"]);
    expect(headings("Section  4.2: Safety\n\nText.\n")).toEqual(["Section 4.2: Safety"]);
    expect(headings("One two three four five six seven eight nine  ten\n\nText.\n")).toEqual(["One two three four five six seven eight nine ten"]);
    // The ten-word limit counts the words after the section number.
    expect(headings("5 One two three four five six seven eight nine\n\nText.\n")).toEqual(["5 One two three four five six seven eight nine"]);
    // After the number the title must still start with a capital.
    expect(headings("5 radiation safety\n\nText.\n")).toEqual([""]);
  });
});

describe("tables and lists: near-misses", () => {
  it("reads table rows without spaces, indented, or without a closing pipe", () => {
    expect(sentences("SAFETY\n\n|Dose|Rate|\n")).toEqual(["Dose", "Rate"]);
    expect(sentences("SAFETY\n\n  | Dose | Rate |\n")).toEqual(["Dose", "Rate"]);
    expect(sentences("SAFETY\n\n| Dose | Rate\n")).toEqual(["Dose", "Rate"]);
    // A word inside a cell is its own: an abbreviation is read from the cell's first character, not the pipe before.
    expect(sentences("SAFETY\n\n|Mr. Smith|\n")).toEqual(["Mr. Smith"]);
  });

  it("reads a block that mixes a table row with plain lines as one paragraph", () => {
    expect(sentences("SAFETY\n\n| Dose | Rate |\nthe dose is low\n")).toEqual(["| Dose | Rate |\nthe dose is low"]);
  });

  it("reads list items with several spaces after the marker, and numbers up to three digits", () => {
    for (const items of [["-  one", "-  two"], ["1.  one", "2.  two"], ["a)  one", "b)  two"], ["12. one", "13. two"], ["123) one", "124) two"]]) {
      expect(sentences(`SAFETY\n\n${items.join("\n")}\n`), items[0]).toEqual(items);
    }
  });
});

describe("sentences: near-misses", () => {
  it("does not end a sentence at any listed abbreviation", () => {
    const abbreviations = ["Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "vs", "etc", "approx", "Fig", "Inc", "Co", "Ltd", "Jr", "Sr", "Art", "Sec", "Vol", "pp", "cf", "al", "ca", "est", "Dept", "Govt"];
    for (const a of abbreviations) expect(sentences(`SAFETY\n\nSee ${a}. Ten more here.`), a).toEqual([`See ${a}. Ten more here.`]);
  });

  it("applies abbreviations only to a full stop, not to a question or exclamation mark", () => {
    expect(sentences("SAFETY\n\nWho is Dr? Nobody here. Call Mr! Now.")).toEqual(["Who is Dr?", "Nobody here.", "Call Mr!", "Now."]);
  });

  it("looks past several spaces to the next word", () => {
    expect(sentences("SAFETY\n\nThe dose.  is low.  It is measured.")).toEqual(["The dose.  is low.", "It is measured."]);
  });

  it("keeps dotted initials whole, and only them", () => {
    expect(sentences("SAFETY\n\nThe U.S.A. Army too.")).toEqual(["The U.S.A. Army too."]);
    expect(sentences("SAFETY\n\nSee file.x. Then go.")).toEqual(["See file.x.", "Then go."]);
    expect(sentences("SAFETY\n\nSee x.yz. Then go.")).toEqual(["See x.yz.", "Then go."]);
  });

  it("keeps a list number of up to three digits with its sentence, and nothing else that merely holds digits", () => {
    expect(sentences("SAFETY\n\n12. The dose is low.")).toEqual(["12. The dose is low."]);
    expect(sentences("SAFETY\n\nAB12. Then go.")).toEqual(["AB12.", "Then go."]);
    expect(sentences("SAFETY\n\n12AB. Then go.")).toEqual(["12AB.", "Then go."]);
  });
});
