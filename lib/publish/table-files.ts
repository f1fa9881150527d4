// Published tables as downloadable files. Every number a page shows comes from one of these tables, so a reader can
// check it in a spreadsheet; the CSV is made safe for spreadsheets, the JSON keeps exact values.
import {csvFormatRows} from "d3-dsv";

export type Cell = string | number | boolean | null;
export interface Table {
  /** File-name stem, e.g. "fits". */
  name: string;
  title: string;
  /** What a row is and how its numbers were made (shown on the Data page next to the download). */
  description: string;
  columns: {name: string; unit?: string; description: string}[];
  rows: Record<string, Cell>[];
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP): = + - @, a tab or a
// carriage return, also after leading spaces (spreadsheets trim them) and in their full-width forms ＝ ＋ － ＠ (which
// some spreadsheets read as the ASCII ones). Text cells that do are prefixed with an apostrophe; numbers are written as
// numbers, so -3 stays a negative number.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}

/** RFC 4180 CSV with a header row of column names (unit in brackets). */
export function tableToCsv(table: Table): string {
  const header = table.columns.map((c) => (c.unit ? `${c.name} [${c.unit}]` : c.name));
  const body = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.name] ?? null)));
  return csvFormatRows([header, ...body]) + "\n";
}

/** JSON with the column metadata, so the units travel with the numbers. */
export function tableToJson(table: Table): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.name, row[c.name] ?? null])));
  return JSON.stringify({name: table.name, title: table.title, description: table.description, columns: table.columns, rows}, null, 1) + "\n";
}
