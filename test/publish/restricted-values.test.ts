// restrictedValues, the list of a data set's restricted values that the built-site scan of the sample looks for
// (test/e2e/restricted.test.ts): every restricted field, nothing public, values trimmed, shorter than four
// characters left out (they occur by chance in any text), sorted so the list is the same on every run.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {restrictedValues} from "../../lib/publish/restricted.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR, PUBLIC_CONTROLS, markersIn} from "../restricted-oracle.js";

const fixture = await loadDataset(ORACLE_DATA_DIR, {now: TEST_NOW});

/** The fixture cut to one deployment and one reading (and no reviews), with the given restricted fields. */
function tiny(deployment: Partial<Dataset["deployments"][number]>, reading: Partial<Dataset["readings"][number]>): Dataset {
  return {
    ...fixture,
    reviews: [],
    deployments: [{...fixture.deployments[0]!, operators: [], notes: null, location_restricted: false, extra: {}, ...deployment}],
    readings: [{...fixture.readings[0]!, notes: null, extra: {}, dosimeter_id: "EPD-2231", instrument_id: "EPD-2231", ...reading}]
  };
}

describe("restrictedValues", () => {
  it("lists no public value of the fixture", () => {
    expect(markersIn(restrictedValues(fixture).join("\n"), PUBLIC_CONTROLS)).toEqual([]);
  });

  it("lists a badge only when it is not the instrument itself", () => {
    expect(restrictedValues(tiny({}, {dosimeter_id: "EPD-2231", instrument_id: "EPD-2231"}))).toEqual([]);
    expect(restrictedValues(tiny({}, {dosimeter_id: "BADGE-1", instrument_id: "EPD-2231"}))).toEqual(["BADGE-1"]);
    expect(restrictedValues(tiny({}, {dosimeter_id: "BADGE-1", instrument_id: null}))).toEqual(["BADGE-1"]);
  });

  it("lists a location only where the log marks it restricted", () => {
    expect(restrictedValues(tiny({location: "Main Street", location_restricted: false}, {}))).toEqual([]);
    expect(restrictedValues(tiny({location: "Main Street", location_restricted: true}, {}))).toEqual(["Main Street"]);
  });

  it("lists every operator, note and undefined column, trimmed, in sorted order", () => {
    const values = restrictedValues(tiny(
      {operators: ["OP-9", "Zed Quill"], notes: "  gate B  ", extra: {plate: "KZQ-1"}},
      {notes: "phantom", extra: {worn_by: "Ann Bee"}}
    ));
    expect(values).toEqual(["Ann Bee", "KZQ-1", "OP-9", "Zed Quill", "gate B", "phantom"]);
  });

  it("lists who reviewed a reading, never the review's reason", () => {
    const review = {reading_id: fixture.readings[0]!.reading_id, action: "exclude" as const, reason: "slipped decimal", reviewed_by: "  Rhoswen Achterberg ", reviewed_on: "2026-02-01", source: {file: "reviews.csv", line: 2}};
    expect(restrictedValues({...tiny({}, {}), reviews: [review]})).toEqual(["Rhoswen Achterberg"]);
  });

  it("leaves out values shorter than four characters, and empty ones", () => {
    expect(restrictedValues(tiny({operators: ["OP1", "OP-1", " AB "], notes: "   "}, {notes: ""}))).toEqual(["OP-1"]);
  });

  it("lists a value once however often it occurs", () => {
    expect(restrictedValues(tiny({operators: ["OP-1", "OP-1"], notes: "OP-1"}, {notes: "OP-1"}))).toEqual(["OP-1"]);
  });
});
