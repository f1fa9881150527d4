// The public build publishes a field only if it is on the allow-list (lib/publish/allow-list.ts); a badge id is never
// published, whatever the row lacks.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {tableToCsv, tableToJson} from "../../lib/publish/table-files.js";
import {
  INTERNAL_TABLE_COLUMNS, PUBLIC_PUBLICATION_FIELDS, PUBLIC_TABLE_COLUMNS, publicPublication, publicTables, unclassifiedFields
} from "../../lib/publish/allow-list.js";
import type {Publication} from "../../lib/publish/types.js";
import {TEST_NOW} from "../clock.js";

const code = {package_version: "test", commit: null};
const dataset = await loadDataset("data", {now: TEST_NOW});

/** Every leaf path of a value, arrays written `[]`. */
function leafPaths(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((x) => leafPaths(x, `${path}[]`)))];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leafPaths(v, `${path}.${k}`));
  return [path];
}
const covered = (path: string) => PUBLIC_PUBLICATION_FIELDS.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[]`));

describe("the allow-list", () => {
  it("classifies every field the internal publication carries (a new field must be put on a list)", () => {
    expect(unclassifiedFields(publish(dataset, "internal", code, {now: TEST_NOW}).publication)).toEqual([]);
  });

  it("the public publication carries no field off the list", () => {
    const {publication} = publish(dataset, "public", code, {now: TEST_NOW});
    const off = leafPaths(publication).filter((p) => !covered(p) && !PUBLIC_PUBLICATION_FIELDS.some((q) => q.startsWith(p)));
    expect(off).toEqual([]);
  });

  it("drops a field nobody listed, however deep, and keeps the listed ones", () => {
    const {publication} = publish(dataset, "internal", code, {now: TEST_NOW});
    const planted = structuredClone(publication) as Publication & {secret?: string};
    planted.secret = "top";
    (planted.devices[0] as unknown as Record<string, unknown>).wearer = "J. Doe";
    (planted.devices[0]!.policy_points[0] as unknown as Record<string, unknown>).badge = "BADGE-1";
    const cut = publicPublication(planted);
    expect(JSON.stringify(cut)).not.toMatch(/J\. Doe|BADGE-1|"top"/);
    expect(cut.devices[0]!.policy_points[0]!.upper95_uSv).toBe(publication.devices[0]!.policy_points[0]!.upper95_uSv);
  });

  it("public tables keep only listed columns and row fields; an unlisted table is not published", () => {
    const table = {
      name: "readings", title: "t", description: "d",
      columns: [{name: "reading_id", description: ""}, {name: "dosimeter_id", description: ""}],
      rows: [{reading_id: "R1", dosimeter_id: "BADGE-9"}]
    };
    const [cut, ...rest] = publicTables([table, {...table, name: "wearers"}]);
    expect(rest).toEqual([]);
    expect(cut!.columns.map((c) => c.name)).toEqual(["reading_id"]);
    expect(cut!.rows).toEqual([{reading_id: "R1"}]);
  });

  it("classifies every column of every internal table (a new column must be put on a list)", () => {
    for (const t of publish(dataset, "internal", code, {now: TEST_NOW}).tables) {
      const known = [...(PUBLIC_TABLE_COLUMNS[t.name] ?? []), ...(INTERNAL_TABLE_COLUMNS[t.name] ?? [])];
      expect(t.columns.map((c) => c.name).filter((c) => !known.includes(c)), t.name).toEqual([]);
    }
  });

  it("every public table's columns are on the list", () => {
    for (const t of publish(dataset, "public", code, {now: TEST_NOW}).tables) {
      const allowed = PUBLIC_TABLE_COLUMNS[t.name] ?? [];
      expect(t.columns.map((c) => c.name).filter((c) => !allowed.includes(c)), t.name).toEqual([]);
    }
  });
});

describe("a badge id is never published", () => {
  // The case: a reading whose instrument_id is empty, with its wearer's badge in dosimeter_id.
  const badge = "BADGE-7731";
  const withBadge: Dataset = {
    ...dataset,
    readings: dataset.readings.map((r, k) => (k === 0 ? {...r, instrument_id: null, dosimeter_id: badge} : r))
  };

  it("the public instruments table says 'not stated', and no public file holds the badge", () => {
    const {publication, tables} = publish(withBadge, "public", code, {now: TEST_NOW});
    expect(publication.instruments.map((i) => i.instrument_id)).toContain("not stated");
    const everything = JSON.stringify(publication) + tables.map((t) => tableToCsv(t) + tableToJson(t)).join("");
    expect(everything).not.toContain(badge);
  });

  it("nor the internal instruments table: an instrument is not a badge", () => {
    const {publication} = publish(withBadge, "internal", code, {now: TEST_NOW});
    expect(publication.instruments.map((i) => i.instrument_id)).not.toContain(badge);
  });
});
