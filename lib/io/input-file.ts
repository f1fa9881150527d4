// The one place input files are opened. Every reader of user files (readings CSV and Parquet, whole or streamed, and
// the files DuckDB reads by path) opens them here first, so a check that must happen before any byte is read (a
// FIFO or a device file, a size cap) is written once.
import {open, type FileHandle} from "node:fs/promises";

export interface OpenedInput {
  path: string;
  handle: FileHandle;
  size: number;
}

/** Opens a file for reading; throws the file system's error (ENOENT, EISDIR…) for the caller to turn into a Problem. */
export async function openInput(path: string): Promise<OpenedInput> {
  const handle = await open(path, "r");
  try {
    const info = await handle.stat();
    return {path, handle, size: info.size};
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The whole file's bytes, through openInput. */
export async function readInput(path: string): Promise<Buffer> {
  const input = await openInput(path);
  try {
    return await input.handle.readFile();
  } finally {
    await input.handle.close();
  }
}
