// Inputs that cannot hang the tool: devices, FIFOs and sockets refused before a byte is read, the bytes capped, a long
// quoted field refused at its line in linear time, a symbolic link loop reported as a loop, in every reader.
import {spawnSync} from "node:child_process";
import {cp, mkdtemp, open, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {main} from "../../cli/main.js";
import type {Io} from "../../cli/command.js";
import {dataAsOf} from "../../lib/io/data-as-of.js";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {inspectPath, readInput} from "../../lib/io/open-input.js";
import {readReadingsPaths} from "../../lib/io/read-readings.js";
import {streamReadingsFile} from "../../lib/io/stream-readings.js";
import {MAX_FIELD_CHARS, parseCsv} from "../../lib/readings/csv.js";
import {TEST_NOW} from "../clock.js";

let dir: string;
let fifo: string;
const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,notes";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "open-input-"));
  fifo = join(dir, "readings.csv");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  await symlink(join(dir, "loop-b"), join(dir, "loop-a"));
  await symlink(join(dir, "loop-a"), join(dir, "loop-b"));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)};
  return {io, out, err};
}

describe("what is not a regular file is refused before it is read", () => {
  it.each(["/dev/zero", "/dev/urandom"])("xray-dose validate %s exits 1 with a message (the real command, with a generous timeout)", (device) => {
    const run = spawnSync(process.execPath, ["bin/xray-dose.js", "validate", device], {encoding: "utf8", timeout: 60_000, env: {...process.env, SOURCE_DATE_EPOCH: String(TEST_NOW.getTime() / 1000)}});
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${device}: is a device, not a file`);
  }, 70_000);

  it("a FIFO: validate exits 1 (it does not block waiting for a writer)", async () => {
    const {io, err} = capture();
    expect(await main(["validate", fifo], io)).toBe(1);
    expect(err.join("\n")).toContain("is a named pipe (FIFO), not a file");
  }, 30_000);

  it("a FIFO or a device: the streaming reader, the whole-file reader and the data set loader refuse it", async () => {
    for (const path of [fifo, "/dev/zero"]) {
      expect((await streamReadingsFile(path, {now: TEST_NOW})).problems[0]!.message).toMatch(/not a file/);
      expect((await readInput(path)).ok).toBe(false);
    }
    const data = join(dir, "data");
    await cp("data", data, {recursive: true});
    await rm(join(data, "limits.json"));
    spawnSync("mkfifo", [join(data, "limits.json")]);
    await expect(loadDataset(data, {now: TEST_NOW})).rejects.toThrow(/limits\.json: is a named pipe/);
  }, 60_000);

  it("a symbolic link loop is reported as a loop, not as a missing file", async () => {
    const kind = await inspectPath(join(dir, "loop-a"));
    expect(kind.kind).toBe("refused");
    const {io, err} = capture();
    expect(await main(["validate", join(dir, "loop-a")], io)).toBe(1);
    expect(err.join("\n")).toMatch(/loop-a: is a loop of symbolic links/);
  });

  it("caps the bytes read whatever stat says", async () => {
    const big = join(dir, "big.json");
    await writeFile(big, "x".repeat(1000));
    const read = await readInput(big, {maxBytes: 999});
    expect(read.ok).toBe(false);
    expect((await readInput(big, {maxBytes: 1000})).ok).toBe(true);
  });
});

describe("a long quoted field", () => {
  it("is refused at its line, in linear time, by the CSV reader", () => {
    const text = `${HEADER}\nR1,V,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,"${"a".repeat(MAX_FIELD_CHARS + 1)}"\n`;
    const {rows, errors} = parseCsv(text);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{line: 2, message: expect.stringContaining(`longer than ${MAX_FIELD_CHARS} characters`)}]);
    // At the limit it is a value like any other, quotes inside it included.
    const fine = parseCsv(`a\n"${"b".repeat(MAX_FIELD_CHARS - 2)}"""\n`);
    expect(fine.errors).toEqual([]);
    expect(fine.rows[1]!.fields[0]!.length).toBe(MAX_FIELD_CHARS - 1);
  });

  it("a 200 MB quoted field gives a clear error naming the file and line, in both readers", async () => {
    const file = join(dir, "huge-field.csv");
    const handle = await open(file, "w");
    await handle.write(`${HEADER}\nR1,V,2026-03-14T09:30:00Z,2,m,60,s,0.5,uSv,"`);
    const block = Buffer.alloc(8 << 20, "a");
    for (let written = 0; written < 200 << 20; written += block.length) await handle.write(block);
    await handle.write(`"\n`);
    await handle.close();
    const whole = await readReadingsPaths([file], {now: TEST_NOW});
    expect(whole.problems).toEqual([expect.objectContaining({severity: "error", file, line: 2, message: expect.stringContaining("quoted field opened on line 2 is longer than")})]);
    const streamed = await streamReadingsFile(file, {now: TEST_NOW});
    expect(streamed.problems).toEqual([expect.objectContaining({severity: "error", file, line: 2, message: expect.stringContaining("longer than")})]);
    await rm(file);
  }, 120_000);
});

describe("one header reader", () => {
  it("a header ' measured_at' (leading space) is read the same by validation and the data-as-of date", async () => {
    const data = join(dir, "spaced");
    await cp("data", data, {recursive: true});
    const file = join(data, "readings", "ZBV-0522-2026.csv");
    await writeFile(file, (await readFile(file, "utf8")).replace("measured_at", " measured_at"));
    const validated = await readReadingsPaths([join(data, "readings")], {now: TEST_NOW});
    expect(validated.problems.filter((p) => p.severity === "error")).toEqual([]);
    const newest = validated.readings.reduce((a, b) => (b.measured_at_ms > a.measured_at_ms ? b : a));
    expect((await dataAsOf(data)).newest).toBe(newest.measured_at);
  }, 60_000);
});
