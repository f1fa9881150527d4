// The one way the product opens an input file, for every reader (readings whole or streamed, certificates, deployment
// logs, JSON files, policy texts, and a database fast path: call openInput and hand it the handle or the path only
// when it says "file"). What is not a regular file (a device such as /dev/zero, a FIFO, a socket) is refused before a
// byte is read: a device never ends and a FIFO blocks forever. The bytes read are capped whatever `stat` says (a
// device reports size 0, a file can grow while it is read). A symbolic link loop is reported as a loop.
import {constants} from "node:fs";
import {open, stat, type FileHandle} from "node:fs/promises";
import type {Problem} from "./problems.js";

/** Largest file read whole (readings, certificates, logs, JSON): a JavaScript string cannot exceed about 512 MB. */
export const MAX_WHOLE_FILE_BYTES = 256 * 2 ** 20;

export type PathKind = {kind: "file" | "directory"} | {kind: "refused"; problem: Problem};

function refused(file: string, message: string): PathKind {
  return {kind: "refused", problem: {severity: "error", file, message}};
}

/** What a path would be read as, following links: a regular file, a folder, or refused with the reason. */
export async function inspectPath(file: string): Promise<PathKind> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return refused(file, "is a loop of symbolic links (a link that leads back to itself); point the link at the real file or folder");
    if (code === "EACCES" || code === "EPERM") return refused(file, "cannot be read: permission denied; check the file's permissions");
    if (code === "ENOTDIR") return refused(file, "no such file or folder: a part of the path is a file, not a folder; check the path");
    return refused(file, "no such file or folder; check the path");
  }
  if (info.isDirectory()) return {kind: "directory"};
  if (info.isFile()) return {kind: "file"};
  const what = info.isFIFO() ? "a named pipe (FIFO)" : info.isSocket() ? "a socket" : info.isCharacterDevice() || info.isBlockDevice() ? "a device" : "not a regular file";
  return refused(file, `is ${what}, not a file: only regular files are read (a device or a pipe may never end); name the data file itself`);
}

export type Opened = {ok: true; handle: FileHandle; size: number} | {ok: false; problem: Problem};

/**
 * Opens a regular file for reading. O_NONBLOCK keeps a FIFO swapped in after the check from blocking the open, and the
 * handle is checked again (fstat), so what is read is what was checked. The caller closes the handle.
 */
export async function openInput(file: string): Promise<Opened> {
  const kind = await inspectPath(file);
  if (kind.kind === "refused") return {ok: false, problem: kind.problem};
  if (kind.kind === "directory") return {ok: false, problem: {severity: "error", file, message: "is a folder, not a file; name a file in it"}};
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return {ok: false, problem: {severity: "error", file, message: "cannot be opened; check that it exists and can be read"}};
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    return {ok: false, problem: {severity: "error", file, message: "is not a regular file (it changed while it was opened); name the data file itself"}};
  }
  return {ok: true, handle, size: info.size};
}

export type ReadInput = {ok: true; bytes: Buffer} | {ok: false; problem: Problem};

/** A whole regular file, at most `maxBytes` (default MAX_WHOLE_FILE_BYTES) however large `stat` says it is. */
export async function readInput(file: string, options: {maxBytes?: number; tooLarge?: string} = {}): Promise<ReadInput> {
  const max = options.maxBytes ?? MAX_WHOLE_FILE_BYTES;
  const opened = await openInput(file);
  if (!opened.ok) return opened;
  const {handle} = opened;
  const tooLarge = (): ReadInput => ({ok: false, problem: {severity: "error", file, message: options.tooLarge ?? `is larger than ${(max / 2 ** 20).toFixed(0)} MB, more than any input of this product is read whole; split it or check that it is the right file`}});
  try {
    if (opened.size > max) return tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(4 << 20, max + 1 - total));
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return tooLarge();
    }
    return {ok: true, bytes: Buffer.concat(chunks, total)};
  } finally {
    await handle.close();
  }
}
