import { tableToCsv, tableToJson } from "../lib/publish/table-files.29eb5b65.js";
export function tableDownloads(name, title, rows, options = {}) {
  const doc = options.document ?? document;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((c) => ({ name: c, description: "" }));
  const table = { name, title, description: `${title}, as shown on the page`, columns, rows: [...rows] };
  const link = (text, body, type, file) => {
    const a = doc.createElement("a");
    a.textContent = text;
    a.download = file;
    a.href = URL.createObjectURL(new Blob([body], { type }));
    return a;
  };
  const p = doc.createElement("p");
  p.className = "table-downloads";
  p.append(
    `Download these ${rows.length.toLocaleString("en-US")} rows: `,
    link("CSV", tableToCsv(table), "text/csv", `${name}.csv`),
    " \xB7 ",
    link("JSON", tableToJson(table), "application/json", `${name}.json`)
  );
  return p;
}
