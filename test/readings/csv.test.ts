// The CSV scanner (lib/readings/csv.ts): RFC 4180 fields, and the physical line every row and every field starts on,
// which each message about a reading names. Inputs and lines worked by hand.
import {describe, expect, it} from "vitest";
import {fieldLine, headerNames, MAX_FIELD_CHARS, parseCsv} from "../../lib/readings/csv.js";

describe("parseCsv", () => {
  it("splits rows on LF, CRLF and a lone CR, skips blank lines, and drops a leading byte-order mark", () => {
    expect(parseCsv("\uFEFFa,b\r\n1,2\n\n3,4\r5,\r\n\r\n")).toEqual({
      rows: [{line: 1, fields: ["a", "b"]}, {line: 2, fields: ["1", "2"]}, {line: 4, fields: ["3", "4"]}, {line: 5, fields: ["5", ""]}],
      errors: []
    });
    expect(parseCsv("x")).toEqual({rows: [{line: 1, fields: ["x"]}], errors: []});
    expect(parseCsv("")).toEqual({rows: [], errors: []});
  });

  it("reads quoted fields with commas, doubled quotes and line ends, and the line each field of such a row starts on", () => {
    const {rows, errors} = parseCsv('a,b,c\n"1,5","say ""hi""\r\nthen\rgo\nend",x\n"",y,"z"\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {line: 1, fields: ["a", "b", "c"]},
      {line: 2, fields: ["1,5", 'say "hi"\r\nthen\rgo\nend', "x"], fieldLines: [2, 2, 5]},
      {line: 6, fields: ["", "y", "z"]}
    ]);
    expect([0, 1, 2].map((k) => fieldLine(rows[1]!, k))).toEqual([2, 2, 5]);
    expect(fieldLine(rows[2]!, 2)).toBe(6);
  });

  it("ends a row after a closing quote at CRLF, CR, LF or the end of the text, and counts a line end that opens or closes a quoted field", () => {
    // Row 1: "\nx" spans lines 1-2, "a" starts on line 2, CRLF; row 2 "b" on line 3, CR; row 3 "c\r\n" spans
    // lines 4-5, LF; row 4 "d" on line 6, the end of the text.
    expect(parseCsv('"\nx","a"\r\n"b"\r"c\r\n"\n"d"')).toEqual({
      rows: [
        {line: 1, fields: ["\nx", "a"], fieldLines: [1, 2]},
        {line: 3, fields: ["b"]},
        {line: 4, fields: ["c\r\n"], fieldLines: [4]},
        {line: 6, fields: ["d"]}
      ],
      errors: []
    });
  });

  it("reports every quoting mistake in a row, and the row after a broken one starts on its own line whatever its line end, or at the end of the text", () => {
    const follows = 'text follows a closing double quote; quote the whole field and write each quote inside it as ""';
    const {rows, errors} = parseCsv('h\n"ab"c,"x"y\n"p"q\rnext\n"r"s\r\nlast\n"z"w');
    expect(rows).toEqual([{line: 1, fields: ["h"]}, {line: 4, fields: ["next"]}, {line: 6, fields: ["last"]}]);
    expect(errors).toEqual([2, 2, 3, 5, 7].map((line) => ({line, message: follows})));
  });

  it("leaves out a row with a quoting mistake, reporting it on its line, and reads the rows after it", () => {
    const {rows, errors} = parseCsv('h1,h2\n"ab"c,d\na"b,c\n"x",y\n"open,\nstill open');
    expect(rows).toEqual([{line: 1, fields: ["h1", "h2"]}, {line: 4, fields: ["x", "y"]}]);
    expect(errors).toEqual([
      {line: 2, message: 'text follows a closing double quote; quote the whole field and write each quote inside it as ""'},
      {line: 3, message: 'a double quote inside an unquoted field; wrap the field in double quotes and write each quote inside it as ""'},
      {line: 5, message: 'a quoted field opened on line 5 is never closed; add the closing double quote (write a quote inside a quoted field as "")'}
    ]);
  });

  it("refuses a quoted field longer than the limit, and reads no further", () => {
    const long = "x".repeat(MAX_FIELD_CHARS);
    expect(parseCsv(`a\n"${long}"\nb\n`)).toEqual({rows: [{line: 1, fields: ["a"]}, {line: 2, fields: [long]}, {line: 3, fields: ["b"]}], errors: []});
    // A doubled quote inside the field is one character of it.
    const quoted = `${"x".repeat(MAX_FIELD_CHARS - 1)}"`;
    expect(parseCsv(`"${"x".repeat(MAX_FIELD_CHARS - 1)}"""`)).toEqual({rows: [{line: 1, fields: [quoted]}], errors: []});
    expect(parseCsv(`"${"x".repeat(MAX_FIELD_CHARS)}"""`).errors.map((e) => e.line)).toEqual([1]);
    expect(parseCsv(`a\n"${long}x"\nb\n`)).toEqual({
      rows: [{line: 1, fields: ["a"]}],
      errors: [{line: 2, message: `a quoted field opened on line 2 is longer than ${MAX_FIELD_CHARS} characters, which no value of a reading is (is a closing double quote missing?); the file was not read further`}]
    });
  });
});

describe("headerNames", () => {
  it("trims the spaces around each column name", () => {
    expect(headerNames([" measured_at", "dose ", "\tnotes"])).toEqual(["measured_at", "dose", "notes"]);
  });
});
