// Which files a list of readings paths names: files as given, folders searched (recursively) for readings files,
// in code-unit order so the result never depends on directory order. Readings files are CSV (*.csv) or Parquet
// (*.parquet) with the columns of docs/data-formats.md, "Field readings".
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {inspectPath} from "./open-input.js";
import type {Problem} from "./problems.js";

export type ReadingsFormat = "csv" | "parquet";

export function readingsFormat(path: string): ReadingsFormat {
  return path.toLowerCase().endsWith(".parquet") ? "parquet" : "csv";
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isReadingsFile = (name: string) => /\.(csv|parquet)$/i.test(name);

async function readingsFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((e) => e.isFile() && isReadingsFile(e.name)).map((e) => join(e.parentPath, e.name)).sort(byCodeUnit);
}

/** The files the paths name, each once, in order; a missing path or an empty folder is a problem. */
export async function resolveReadingsPaths(paths: readonly string[]): Promise<{files: string[]; problems: Problem[]}> {
  const problems: Problem[] = [];
  const files: string[] = [];
  for (const path of paths) {
    // A device, a pipe, a socket or a loop of links is refused before a byte is read (lib/io/open-input.ts).
    const kind = await inspectPath(path);
    if (kind.kind === "refused") {
      problems.push(kind.problem);
      continue;
    }
    if (kind.kind === "directory") {
      const found = await readingsFilesUnder(path);
      if (found.length === 0) problems.push({severity: "error", file: path, message: "the folder holds no readings files; put the readings files (*.csv or *.parquet) in it or name the files directly"});
      for (const f of found) files.push(f);
    } else files.push(path);
  }
  return {files: [...new Set(files)], problems};
}
