import {describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {neutraliseFormula, tableToCsv, tableToJson, type Table} from "../../lib/publish/table-files.js";

const table: Table = {
  name: "t",
  title: "T",
  description: "d",
  columns: [
    {name: "label", description: "text"},
    {name: "dose", unit: "uSv", description: "a dose"},
    {name: "ok", description: "flag"}
  ],
  rows: [
    {label: '=HYPERLINK("http://x","y")', dose: -3, ok: true},
    {label: 'quote " and, comma\nnewline', dose: null, ok: false},
    {label: "+1", dose: 0.016, ok: null}
  ]
};

describe("published table files", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("-2+3")).toBe("'-2+3");
    expect(neutraliseFormula("\tcmd")).toBe("'\tcmd");
    expect(neutraliseFormula("ZBV-0417")).toBe("ZBV-0417");
  });

  it("neutralises a formula after leading whitespace and in full-width form (the issue's cells, OWASP)", () => {
    expect(neutraliseFormula(" =1+1")).toBe("' =1+1");
    expect(neutraliseFormula("\u3000=1+1")).toBe("'\u3000=1+1");
    expect(neutraliseFormula("\n=1+1")).toBe("'\n=1+1");
    for (const c of ["＝", "＋", "－", "＠"]) expect(neutraliseFormula(`${c}SUM(A1)`)).toBe(`'${c}SUM(A1)`);
    expect(neutraliseFormula("  a = b")).toBe("  a = b");
    expect(neutraliseFormula("1 µSv")).toBe("1 µSv");
  });

  it("writes RFC 4180 CSV that parses back to the same cells, numbers untouched", () => {
    const rows = csvParseRows(tableToCsv(table));
    expect(rows[0]).toEqual(["label", "dose [uSv]", "ok"]);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x","y")', "-3", "true"]);
    expect(rows[2]).toEqual(['quote " and, comma\nnewline', "", "false"]);
    expect(rows[3]).toEqual(["'+1", "0.016", ""]);
  });

  it("keeps exact values and column units in JSON", () => {
    const parsed = JSON.parse(tableToJson(table));
    expect(parsed.columns[1]).toEqual({name: "dose", unit: "uSv", description: "a dose"});
    expect(parsed.rows[0].label).toBe('=HYPERLINK("http://x","y")');
    expect(parsed.rows[2].dose).toBe(0.016);
  });
});

describe("published table files, line by line", () => {
  it("end each file with a newline, and write a number that is not finite as an empty cell", () => {
    const t: Table = {name: "n", title: "N", description: "", columns: [{name: "x", description: ""}, {name: "y", description: ""}], rows: [{x: Number.NaN, y: Infinity}, {x: 1}]};
    expect(tableToCsv(t)).toBe("x,y\n,\n1,\n");
    const json = tableToJson(t);
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json).rows).toEqual([{x: null, y: null}, {x: 1, y: null}]);
  });

  it("neutralise a tab or carriage return only at the start of a cell", () => {
    expect(neutraliseFormula("a\tb")).toBe("a\tb");
    expect(neutraliseFormula("a\rb")).toBe("a\rb");
    expect(neutraliseFormula("\rcmd")).toBe("'\rcmd");
  });
});
