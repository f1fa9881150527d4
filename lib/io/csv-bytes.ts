// One pass over a CSV file's bytes before any parser sees it: its SHA-256 (provenance), whether it is UTF-8, and what
// decides whether DuckDB's row k is the file's line k + 1 (no NUL byte, no blank line between rows, line ends the
// parser also splits on) and whether fields may hold quotes. Native scans (indexOf, isUtf8) only: about 1 GB/s.
import {createHash} from "node:crypto";
import {isUtf8} from "node:buffer";
import {openInput} from "./open-input.js";

export interface CsvBytes {
  sha256: string;
  size: number;
  utf8: boolean;
  nul: boolean;
  /** A double quote somewhere: a field may then hold a comma, a quote or a line end. */
  quoted: boolean;
  /** A carriage return somewhere (CRLF or CR line ends, or a stray CR). */
  carriageReturn: boolean;
  /** An empty line with more text after it: the parser skips it, so row positions and lines would part. */
  blankLineInside: boolean;
  /** The first line (without its line end and a leading byte-order mark), when it is shorter than 1 MB. */
  header: string | null;
}

const CHUNK = 8 << 20;
const LF = 10;
const CR = 13;
const isLineEnd = (b: number) => b === LF || b === CR;

/** null when the path is not a regular file that can be opened (the parser's reader then says why). */
export async function scanCsvBytes(path: string): Promise<CsvBytes | null> {
  const input = await openInput(path);
  if (!input.ok) return null;
  const hash = createHash("sha256");
  const out: CsvBytes = {sha256: "", size: input.size, utf8: true, nul: false, quoted: false, carriageReturn: false, blankLineInside: false, header: null};
  let headerBytes: Buffer[] = [];
  let headerDone = false;
  let utf8Tail = Buffer.alloc(0);
  // An empty line is a line end followed at once by another (CRLF being one end): the byte pairs LF LF, LF CR and
  // CR CR, and nothing else. It matters only with text after it (trailing empty lines are harmless).
  let blankSeen = false;
  let lastByte = -1;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const {bytesRead} = await input.handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      if (out.utf8) {
        // A character may straddle chunks: the bytes carried from the last chunk are checked with the start of this
        // one, and this chunk up to its last character start; the rest is carried.
        let cut = chunk.length;
        for (let i = chunk.length - 1; i >= Math.max(0, chunk.length - 4); i--) {
          if ((chunk[i]! & 0xc0) !== 0x80) {
            cut = i;
            break;
          }
        }
        let head = 0;
        if (utf8Tail.length > 0) {
          // The carried bytes need at most 3 more to complete their character.
          while (head < Math.min(3, cut) && (chunk[head]! & 0xc0) === 0x80) head++;
          if (!isUtf8(Buffer.concat([utf8Tail, chunk.subarray(0, head)]))) out.utf8 = false;
        }
        if (!isUtf8(chunk.subarray(head, cut))) out.utf8 = false;
        utf8Tail = Buffer.from(chunk.subarray(cut));
      }
      if (!out.nul && chunk.indexOf(0) >= 0) out.nul = true;
      if (!out.quoted && chunk.indexOf(34) >= 0) out.quoted = true;
      if (!out.carriageReturn && chunk.indexOf(CR) >= 0) out.carriageReturn = true;
      if (!headerDone) {
        const end = nextLineEnd(chunk, 0);
        // A copy: the read buffer is reused for the next chunk.
        if (headerBytes.length < 2) headerBytes.push(Buffer.from(chunk.subarray(0, end < 0 ? chunk.length : end)));
        if (end >= 0) headerDone = true;
      }
      if (!out.blankLineInside) {
        let from = 0;
        if (!blankSeen) {
          const at = firstBlankLine(chunk, lastByte);
          if (at >= 0) {
            blankSeen = true;
            from = at;
          }
        }
        if (blankSeen) {
          for (let i = from; i < chunk.length; i++) {
            if (!isLineEnd(chunk[i]!)) {
              out.blankLineInside = true;
              break;
            }
          }
        }
      }
      lastByte = chunk[chunk.length - 1]!;
    }
    if (utf8Tail.length > 0 && !isUtf8(utf8Tail)) out.utf8 = false;
  } finally {
    await input.handle.close();
  }
  out.sha256 = hash.digest("hex");
  const header = Buffer.concat(headerBytes);
  headerBytes = [];
  if (header.length < 1 << 20) out.header = header.toString("utf8").replace(/^\uFEFF/, "");
  return out;
}

/** Where the second line end of an empty line is in the chunk (the previous chunk's last byte counts), or -1. */
function firstBlankLine(chunk: Buffer, lastByte: number): number {
  if (lastByte === LF && isLineEnd(chunk[0]!)) return 0;
  if (lastByte === CR && chunk[0] === CR) return 0;
  const found = [chunk.indexOf("\n\n"), chunk.indexOf("\n\r"), chunk.indexOf("\r\r")].filter((i) => i >= 0);
  return found.length === 0 ? -1 : Math.min(...found) + 1;
}

function nextLineEnd(chunk: Buffer, from: number): number {
  const lf = chunk.indexOf(LF, from);
  const cr = chunk.indexOf(CR, from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}

/**
 * The text of the given lines (1-based, sorted ascending) of a file, split as the parser splits lines (CRLF, LF or CR),
 * read in one pass that stops after the last one. For files where every row is one line.
 */
export async function readLines(path: string, lines: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (lines.length === 0) return out;
  const input = await openInput(path);
  // The file was read whole a moment ago: failing now means it was swapped or removed while it was being read.
  if (!input.ok) throw new Error(`${path} ${input.problem.message}`);
  try {
    let next = 0;
    let line = 1;
    /** The start of a wanted line that continues in the next chunk (a copy: the read buffer is reused). */
    let carry: Buffer | null = null;
    let afterCR = false;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const {bytesRead} = await input.handle.read(buffer, 0, CHUNK, null);
      const final = bytesRead === 0;
      const chunk = final ? Buffer.alloc(0) : buffer.subarray(0, bytesRead);
      let start = 0;
      let i = 0;
      if (afterCR && chunk.length > 0 && chunk[0] === LF) start = i = 1;
      afterCR = false;
      // The next CR and LF from i, each searched again only once passed (a file without CR is searched once).
      let nextLF = -2;
      let nextCR = -2;
      for (;;) {
        if (nextLF !== -1 && nextLF < i) nextLF = chunk.indexOf(LF, i);
        if (nextCR !== -1 && nextCR < i) nextCR = chunk.indexOf(CR, i);
        const end = nextLF < 0 ? nextCR : nextCR < 0 ? nextLF : Math.min(nextLF, nextCR);
        if (end < 0) break;
        if (line === lines[next]) {
          out.set(line, carry ? Buffer.concat([carry, chunk.subarray(start, end)]).toString("utf8") : chunk.toString("utf8", start, end));
          next++;
          if (next === lines.length) return out;
        }
        carry = null;
        line++;
        if (chunk[end] === CR) {
          if (end + 1 < chunk.length) {
            if (chunk[end + 1] === LF) i = end + 2;
            else i = end + 1;
          } else {
            afterCR = true;
            i = end + 1;
          }
        } else i = end + 1;
        start = i;
      }
      if (final) {
        if (carry && line === lines[next]) out.set(line, carry.toString("utf8"));
        return out;
      }
      if (line === lines[next]) carry = Buffer.concat(carry ? [carry, chunk.subarray(start)] : [chunk.subarray(start)]);
    }
  } finally {
    await input.handle.close();
  }
}
