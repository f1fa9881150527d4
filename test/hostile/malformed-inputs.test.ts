// Hostile and broken inputs (test/fixtures/malformed/): each is refused with a message naming the file (and line where
// there is one), or accepted as inert text, and never crashes, hangs or shows a stack trace.
// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {mkdtemp, open} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import {readReadingsPaths} from "../../lib/io/read-readings.js";
import {streamReadingsFile} from "../../lib/io/stream-readings.js";
import {tableToCsv} from "../../lib/publish/table-files.js";
import {dataTable} from "../../src/components/table.js";
import {TEST_NOW} from "../clock.js";

const DIR = "test/fixtures/malformed";
const now = new Date("2026-11-24T00:00:00Z");
const read = (name: string) => readReadingsPaths([`${DIR}/${name}`], {now});
const errors = async (name: string) => (await read(name)).problems.filter((p) => p.severity === "error");

describe("refused with a clear message", () => {
  const cases: [string, RegExp, number | undefined][] = [
    ["binary.csv", /not UTF-8 text/, undefined],
    ["latin1.csv", /not UTF-8 text/, undefined],
    ["utf16.csv", /not UTF-8 text/, undefined],
    ["empty.csv", /the file is empty/, 1],
    ["header-only.csv", /header but no readings/, 1],
    ["truncated.csv", /never closed/, 3]
  ];
  for (const [name, message, line] of cases) {
    it(name, async () => {
      const found = await errors(name);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.file).toBe(`${DIR}/${name}`);
      expect(found[0]!.message).toMatch(message);
      expect(found[0]!.line).toBe(line);
    });
  }

  it("enormous and vanishing numbers, each on its own line", async () => {
    const found = await errors("huge-values.csv");
    expect(found.map((p) => [p.line, p.column])).toEqual([[2, "distance"], [3, "duration"], [4, "distance"], [5, "dose"]]);
  });

  it("a 1 GB line: the whole-file reader refuses the size, the streaming reader stops at 1 MB", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hostile-"));
    const file = join(dir, "one-line.csv");
    const handle = await open(file, "w");
    await handle.truncate(2 ** 30); // sparse: a gigabyte of NUL bytes with no end of line, no disk space used
    await handle.close();
    const whole = await readReadingsPaths([file], {now: TEST_NOW});
    expect(whole.problems[0]!.message).toMatch(/not read whole/);
    const streamed = await streamReadingsFile(file, {now: TEST_NOW});
    expect(streamed.problems[0]!.message).toMatch(/longer than 1048576 bytes/);
    expect(streamed.rows).toBe(0);
  }, 60_000);
});

describe("accepted, and inert wherever it is shown", () => {
  it("spreadsheet formulas in text cells are neutralised in CSV downloads", async () => {
    const {readings} = await read("formula.csv");
    expect(readings).toHaveLength(2);
    const csv = tableToCsv({
      name: "t", title: "t", description: "",
      columns: [{name: "device_id", description: ""}, {name: "notes", description: ""}],
      rows: readings.map((r) => ({device_id: r.device_id, notes: r.notes}))
    });
    const cells = csvParseRows(csv).slice(1).flat();
    expect(cells).toEqual([`'=HYPERLINK("http://example.invalid","click")`, "'@SUM(A1:A9)", "D1", "'+cmd|' /C calc'!A0"]);
  });

  it("HTML and script in text fields stay text in a page's table", async () => {
    const {readings} = await read("html.csv");
    const table = dataTable(readings, [{label: "Device", value: (r) => r.device_id}, {label: "Notes", value: (r) => r.notes ?? ""}]);
    expect(table.querySelector("script, img")).toBeNull();
    expect(table.textContent).toContain("<script>alert('x')</script>");
  });

  it("path-like ids are only text: nothing is read or written from them", async () => {
    const {readings, problems} = await read("dotdot.csv");
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(readings[0]!.device_id).toBe("../../../tmp/x");
    expect(readings[0]!.source.file).toBe(`${DIR}/dotdot.csv`);
  });
});
