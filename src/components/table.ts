// A plain, accessible HTML table. Cell text is always set with textContent, so text from data files can never
// become markup (a note saying <script> stays text). The table sits in its own scrolling box, so a table wider than a
// phone scrolls inside the box and never the page (the box is focusable, so a keyboard can scroll it too).

export interface Column<T> {
  /** Header text. */
  label: string;
  /** The cell's text. */
  value: (row: T) => string;
  /** Right-align numbers. */
  numeric?: boolean;
  /** Extra class for the cell (e.g. a verdict colour). */
  className?: (row: T) => string | undefined;
}

export function dataTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: {caption?: string; document?: Document} = {}): HTMLElement {
  const doc = options.document ?? document;
  const box = doc.createElement("div");
  box.className = "table-scroll";
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", options.caption ?? columns.map((c) => c.label).join(", "));
  box.tabIndex = 0;
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
  box.append(table);
  return box;
}
