// The restricted-data oracle, in process: the fixture's planted values (test/restricted-oracle.ts, written out by
// hand) never reach the public publication or its tables, and the internal ones carry the fields the RSO reads.
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {restrictedValues} from "../../lib/publish/restricted.js";
import {tableToCsv, tableToJson} from "../../lib/publish/table-files.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR, PLANTED, PUBLIC_CONTROLS, markersIn} from "../restricted-oracle.js";

const dataset = await loadDataset(ORACLE_DATA_DIR, {now: TEST_NOW});
const code = {package_version: "test", commit: null};

function published(audience: "public" | "internal"): string {
  const {publication, tables} = publish(dataset, audience, code, {now: TEST_NOW});
  return [JSON.stringify(publication), ...tables.map(tableToCsv), ...tables.map(tableToJson)].join("\n");
}

describe("the restricted-data oracle", () => {
  // Published inside the tests that read them: a failure while publishing fails a test, not the file's collection.
  const texts = new Map<string, string>();
  const text = (audience: "public" | "internal") => texts.get(audience) ?? texts.set(audience, published(audience)).get(audience)!;

  it("plants every value in the fixture's inputs", () => {
    const inputs = JSON.stringify([dataset.readings, dataset.deployments, dataset.reviews]);
    expect(markersIn(inputs)).toEqual(PLANTED.map((p) => p.marker));
  });

  it("publishes none of them in the public build", () => {
    expect(markersIn(text("public"))).toEqual([]);
  });

  it("publishes the public values of the same rows, so the scan is looking in the right place", () => {
    expect(markersIn(text("public"), PUBLIC_CONTROLS)).toEqual(PUBLIC_CONTROLS.map((p) => p.marker));
  });

  it("shows the RSO's restricted fields in the internal build, and still no undefined column", () => {
    expect(markersIn(text("internal"))).toEqual(PLANTED.filter((p) => p.internal).map((p) => p.marker));
  });

  it("lists every planted value among restrictedValues, which the built-site scan of the sample relies on", () => {
    const listed = restrictedValues(dataset).join("\n");
    expect(markersIn(listed)).toEqual(PLANTED.map((p) => p.marker));
  });
});
