import type {Table} from "../../../lib/publish/table-files.js";

export function pickTable(tables: readonly Table[], name: string | undefined): Table {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new Error(`no published table "${name}"; the tables are ${tables.map((t) => t.name).join(", ")}`);
  return table;
}
