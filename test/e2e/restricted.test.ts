// The public build must not contain a single restricted value of the sample data (operators, notes, restricted
// locations, personal badges, undefined columns): every file in dist/ is scanned for each. The internal build is
// scanned too and must contain them, which shows the scan can see what it looks for.
import {describe, expect, it} from "vitest";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {restrictedValues} from "../../lib/publish/restricted.js";
import {TEST_NOW} from "../clock.js";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every restricted value found in a built site, with the file it was found in. */
async function scan(dist: string, values: readonly string[]): Promise<{value: string; file: string}[]> {
  const hits: {value: string; file: string}[] = [];
  for (const file of await filesUnder(dist)) {
    const bytes = await readFile(file);
    // JSON escapes non-ASCII and quotes; search the raw text and its JSON-escaped form.
    const text = bytes.toString("utf8");
    for (const value of values) {
      if (text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1))) hits.push({value, file});
    }
  }
  return hits;
}

describe("restricted data", async () => {
  const values = restrictedValues(await loadDataset("data", {now: TEST_NOW}));

  it("the sample data has restricted values to look for", () => {
    expect(values.length).toBeGreaterThan(5);
  });

  it("none of them is anywhere in the public build", async () => {
    expect(await scan("dist", values)).toEqual([]);
  });

  it("the internal build has them, so the scan can find them", async () => {
    const found = new Set((await scan("dist-internal", values)).map((h) => h.value));
    const operators = values.filter((v) => /^OP-\d+$/.test(v));
    expect(operators.length).toBeGreaterThan(0);
    for (const op of operators) expect(found).toContain(op);
  });
});
