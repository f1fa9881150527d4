// Download links for a table as shown (after the page's filters): CSV that a spreadsheet opens safely (formulas
// neutralised, as in the published downloads) and JSON with exact values. Made in the browser from the rows, so a
// filtered view can be taken away exactly as the reader sees it.
import {tableToCsv, tableToJson, type Cell, type Table} from "../lib/publish/table-files.js";

export function tableDownloads(name: string, title: string, rows: readonly Record<string, Cell>[], options: {document?: Document} = {}): HTMLElement {
  const doc = options.document ?? document;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((c) => ({name: c, description: ""}));
  const table: Table = {name, title, description: `${title}, as shown on the page`, columns, rows: [...rows]};
  const link = (text: string, body: string, type: string, file: string) => {
    const a = doc.createElement("a");
    a.textContent = text;
    a.download = file;
    a.href = URL.createObjectURL(new Blob([body], {type}));
    return a;
  };
  const p = doc.createElement("p");
  p.className = "table-downloads";
  p.append(
    `Download these ${rows.length.toLocaleString("en-US")} rows: `,
    link("CSV", tableToCsv(table), "text/csv", `${name}.csv`),
    " · ",
    link("JSON", tableToJson(table), "application/json", `${name}.json`)
  );
  return p;
}
