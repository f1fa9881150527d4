// CSV rows with the 1-based line each starts on, so that problems can point at the line a person sees in an
// editor even when a quoted field spans several lines.
import {csvParseRows} from "d3-dsv";

export interface CsvRow {
  line: number;
  fields: string[];
}

export function csvRowsWithLines(text: string): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is not a header character
  const rows: CsvRow[] = [];
  let line = 1;
  for (const fields of csvParseRows(body)) {
    rows.push({line, fields});
    // d3-dsv keeps line breaks inside quoted fields, so counting them gives where the next row starts.
    line += 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  }
  return rows;
}

/** True for a row with nothing in it (an empty line). */
export function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === "");
}
