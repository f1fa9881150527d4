// The byte scan that decides whether DuckDB's rows are the file's lines, and the line reader that fetches rows for the
// parser, against the parser's own idea of lines and independent values (SHA-256 test vectors, TextDecoder).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readLines, scanCsvBytes} from "../../lib/io/csv-bytes.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bytes-"));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function file(name: string, bytes: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** scanCsvBytes of a regular file, which always opens. */
async function scanned(path: string) {
  const out = await scanCsvBytes(path);
  expect(out).not.toBeNull();
  return out!;
}

describe("scanCsvBytes", () => {
  it("refuses what is not a regular file before reading a byte (the parser's reader then says why)", async () => {
    expect(await scanCsvBytes("/dev/zero")).toBeNull();
    expect(await scanCsvBytes(join(dir, "no-such.csv"))).toBeNull();
  });

  it("fingerprints with SHA-256 and reads the header without its byte-order mark", async () => {
    const scan = await scanned(await file("abc.csv", "abc"));
    // FIPS 180-2 test vector for "abc".
    expect(scan.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect((await scanned(await file("bom.csv", "\ufeffa,b\r\n1,2\r\n"))).header).toBe("a,b");
  });

  it("finds an empty line between rows in every line-end style, and lets trailing ones pass", async () => {
    const cases: [string, boolean][] = [
      ["a\n1\n\n2\n", true], ["a\r\n1\r\n\r\n2\r\n", true], ["a\r1\r\r2\r", true], ["a\n1\n\r\n2\n", true], ["a\r\n1\r\n\n2", true],
      ["a\n1\n2\n\n\n", false], ["a\r\n1\r\n2\r\n\r\n", false], ["a\n1\n2", false], ["a\r\n1\r\n2\r\n", false]
    ];
    for (const [text, blank] of cases) expect((await scanned(await file("b.csv", text))).blankLineInside, JSON.stringify(text)).toBe(blank);
  });

  it("checks UTF-8 across its 8 MB reads: a character split between two reads is valid, a stray byte is not", async () => {
    const size = 8 << 20;
    // "é" (two bytes) and "€" (three bytes) straddling the boundary between the first and the second read.
    for (const [char, offset] of [["é", 1], ["€", 1], ["€", 2]] as const) {
      const bytes = Buffer.concat([Buffer.alloc(size - offset, 0x61), Buffer.from(char), Buffer.from("\nb\n")]);
      expect((await scanned(await file("u.csv", bytes))).utf8, `${char} at ${offset}`).toBe(true);
    }
    const broken = Buffer.concat([Buffer.alloc(size - 1, 0x61), Buffer.from([0xc3]), Buffer.from("a\n")]);
    expect((await scanned(await file("v.csv", broken))).utf8).toBe(false);
    expect((await scanned(await file("w.csv", Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x0a])))).utf8).toBe(false);
    expect((await scanned(await file("x.csv", "a,b\n1,\u0000\n"))).nul).toBe(true);
    expect((await scanned(await file("y.csv", 'a,b\n1,"x"\n'))).quoted).toBe(true);
  });
});

describe("readLines", () => {
  it("returns the wanted lines as the parser counts them (CRLF, LF or CR ends)", async () => {
    const text = "h\r\nL2\nL3\rL4\r\nL5";
    const path = await file("lines.csv", text);
    expect(Object.fromEntries(await readLines(path, [2, 3, 4, 5]))).toEqual({2: "L2", 3: "L3", 4: "L4", 5: "L5"});
    expect(Object.fromEntries(await readLines(path, [4]))).toEqual({4: "L4"});
  });

  it("joins a line that straddles two reads, and a CRLF split between them", async () => {
    const size = 8 << 20;
    const long = "x".repeat(size - 3);
    const path = await file("straddle.csv", `h\n${long}\r\nlast-but-one-é\nlast\n`);
    const lines = await readLines(path, [2, 3, 4]);
    expect(lines.get(2)).toBe(long);
    expect(lines.get(3)).toBe("last-but-one-é");
    expect(lines.get(4)).toBe("last");
  });
});
