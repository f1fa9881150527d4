// A long list an RSO can work through: one line per kind (how many, which devices, which files and lines, an example),
// each opening to its rows in pages; a search box and device, file and kind filters narrow every group at once.
// Used for the validation warnings (Data quality) and the flagged readings (Models and fits). Plain DOM with listeners
// attached here (no inline handlers: the site's CSP); text always set as text.
import {dataTable, type Column} from "./table.js";

export interface GroupedRow {
  kind: string;
  device_id: string | null;
  file: string;
  line: number | null;
}

export interface GroupedTableOptions<R extends GroupedRow> {
  /** The inner table's columns. */
  columns: readonly Column<R>[];
  /** A short name per kind; the kind itself otherwise. */
  titles?: Readonly<Record<string, string>>;
  /** What a row is: ["warning", "warnings"]. */
  noun: readonly [string, string];
  /** The text the search box looks in (besides file, line and device). */
  text: (row: R) => string;
  /** An example of the kind, shown on its line. */
  example?: (row: R) => string;
  pageSize?: number;
  document?: Document;
}

/** Sorted line numbers as ranges: [3, 4, 5, 9] → "3–5, 9"; at most `max` ranges, then how many more lines. */
export function lineRanges(lines: readonly number[], max = 4): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const n of sorted) {
    const last = ranges.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else ranges.push([n, n]);
  }
  const shown = ranges.slice(0, max).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  const rest = ranges.slice(max).reduce((n, [a, b]) => n + b - a + 1, 0);
  return shown.join(", ") + (rest > 0 ? ` and ${rest} more` : "");
}

const plural = (n: number, [one, many]: readonly [string, string]) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function groupedTable<R extends GroupedRow>(rows: readonly R[], options: GroupedTableOptions<R>): HTMLElement {
  const doc = options.document ?? document;
  const pageSize = options.pageSize ?? 25;
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
    const e = Object.assign(doc.createElement(tag), props);
    e.append(...children);
    return e;
  }
  const title = (kind: string) => options.titles?.[kind] ?? kind;
  const root = el("div", {className: "grouped"});

  const select = (label: string, values: string[]) => {
    const s = el("select");
    // Named by its label alone: a label wrapping a select otherwise takes in the options' text too.
    s.setAttribute("aria-label", label);
    s.append(el("option", {value: "", textContent: `all (${values.length})`}), ...values.map((v) => el("option", {value: v, textContent: v.length > 60 ? `${v.slice(0, 57)}…` : v})));
    return {control: s, label: el("label", {}, `${label} `, s)};
  };
  const sorted = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null))].sort();
  const search = el("input", {type: "search", placeholder: "Search text, file, line or device"});
  search.setAttribute("aria-label", "Search");
  const device = select("Device", sorted(rows.map((r) => r.device_id)));
  const file = select("File", sorted(rows.map((r) => r.file)));
  const kind = select("Kind", sorted(rows.map((r) => title(r.kind))));
  root.append(el("div", {className: "grouped-filters"}, el("label", {}, "Search ", search), device.label, file.label, kind.label));
  const status = el("p", {className: "grouped-status"});
  status.setAttribute("aria-live", "polite");
  const list = el("ul", {className: "grouped-list"});
  root.append(status, list);

  const matches = (r: R, q: string) =>
    (device.control.value === "" || r.device_id === device.control.value) &&
    (file.control.value === "" || r.file === file.control.value) &&
    (kind.control.value === "" || title(r.kind) === kind.control.value) &&
    (q === "" || `${options.text(r)} ${r.file}:${r.line ?? ""} ${r.device_id ?? ""}`.toLowerCase().includes(q));

  // Which groups are open survives filtering, so narrowing a search keeps the reader's place.
  const open = new Set<string>();

  const groupItem = (k: string, members: R[]) => {
    const files = new Map<string, number[]>();
    for (const r of members) files.set(r.file, [...(files.get(r.file) ?? []), ...(r.line === null ? [] : [r.line])]);
    const devices = sorted(members.map((r) => r.device_id));
    const summary = el("summary", {},
      el("span", {className: "grouped-count"}, members.length.toLocaleString("en-US")), " ",
      el("strong", {}, title(k)),
      el("span", {className: "grouped-meta"},
        ` · ${devices.length === 0 ? "no device" : devices.join(", ")} · ${plural(files.size, ["file", "files"])}`,
        ...(options.example ? [el("br"), el("q", {}, options.example(members[0]!))] : []))
    );
    const details = el("details", {open: open.has(k)}, summary);
    const body = el("div", {className: "grouped-body"});
    details.append(body);
    let page = 0;
    const render = () => {
      const pages = Math.ceil(members.length / pageSize);
      page = Math.min(page, pages - 1);
      const shown = members.slice(page * pageSize, (page + 1) * pageSize);
      const prev = el("button", {type: "button", textContent: "Previous", disabled: page === 0});
      const next = el("button", {type: "button", textContent: "Next", disabled: page >= pages - 1});
      prev.addEventListener("click", () => ((page -= 1), render()));
      next.addEventListener("click", () => ((page += 1), render()));
      body.replaceChildren(
        el("p", {className: "grouped-files"}, [...files].map(([f, lines]) => `${f}${lines.length ? `, lines ${lineRanges(lines)}` : ""}`).join("; ")),
        dataTable(shown, options.columns, {caption: `${title(k)}: ${members.length > pageSize ? `${page * pageSize + 1}–${page * pageSize + shown.length} of ` : ""}${plural(members.length, options.noun)}`, document: doc}),
        ...(pages > 1 ? [el("p", {className: "grouped-pager"}, prev, " ", `page ${page + 1} of ${pages}`, " ", next)] : [])
      );
    };
    // Rows are drawn when a group is opened, so a closed list of thousands stays light.
    details.addEventListener("toggle", () => {
      if (details.open) {
        open.add(k);
        if (body.childElementCount === 0) render();
      } else open.delete(k);
    });
    if (details.open) render();
    return el("li", {}, details);
  };

  const update = () => {
    const q = search.value.trim().toLowerCase();
    const byKind = new Map<string, R[]>();
    for (const r of rows) if (matches(r, q)) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    const groups = [...byKind].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
    const n = groups.reduce((s, [, m]) => s + m.length, 0);
    status.textContent = n === rows.length
      ? `${plural(n, options.noun)} of ${plural(groups.length, ["kind", "kinds"])}: open a line for its rows.`
      : `${plural(n, options.noun)} of ${rows.length.toLocaleString("en-US")} match, in ${plural(groups.length, ["kind", "kinds"])}.`;
    list.replaceChildren(...groups.map(([k, members]) => groupItem(k, members)));
  };
  search.addEventListener("input", update);
  for (const s of [device, file, kind]) s.control.addEventListener("change", update);
  update();
  return root;
}
