import { csvFormatRows } from "../../../_node/d3-dsv@3.0.2/index.8ca694c6.js";
const FORMULA_START = /^[=+\-@\t\r]/;
export function neutraliseFormula(text) {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
function csvCell(value) {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}
export function tableToCsv(table) {
  const header = table.columns.map((c) => c.unit ? `${c.name} [${c.unit}]` : c.name);
  const body = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.name] ?? null)));
  return csvFormatRows([header, ...body]) + "\n";
}
export function tableToJson(table) {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.name, row[c.name] ?? null])));
  return JSON.stringify({ name: table.name, title: table.title, description: table.description, columns: table.columns, rows }, null, 1) + "\n";
}
