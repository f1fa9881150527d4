export function dataTable(rows, columns, options = {}) {
  const doc = options.document ?? document;
  const table = doc.createElement("table");
  if (options.caption) {
    const caption = doc.createElement("caption");
    caption.textContent = options.caption;
    table.append(caption);
  }
  const head = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  for (const column of columns) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.numeric) th.className = "num";
    headRow.append(th);
  }
  head.append(headRow);
  const body = doc.createElement("tbody");
  for (const row of rows) {
    const tr = doc.createElement("tr");
    for (const column of columns) {
      const td = doc.createElement("td");
      td.textContent = column.value(row);
      const classes = [column.numeric ? "num" : "", column.className?.(row) ?? ""].filter(Boolean).join(" ");
      if (classes) td.className = classes;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(head, body);
  return table;
}
