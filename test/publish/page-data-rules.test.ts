// What each page receives, on a small hand-made publication (no data set is published here): each page exactly its
// part of the publication; the devices without the comparison fits except on the models page; the warnings each with
// the device of its reading, at most MAX_WARNING_ROWS_PER_KIND per kind; the models page every reading while the build
// kept them all and they are few, else the readings needing review and the groups by distance.
import {describe, expect, it} from "vitest";
import {
  MAX_PAGE_READINGS, MAX_REVIEW_READINGS, MAX_WARNING_ROWS_PER_KIND, PAGE_IDS, needsReview, pageData, readingsForPages, readingsForReview
} from "../../lib/publish/page-data.js";
import type {PublishResult} from "../../lib/publish/publication.js";
import type {Cell, Table} from "../../lib/publish/table-files.js";

type Row = Record<string, Cell>;

const reading = (reading_id: string, device_id: string, source: string, status: string): Row => ({reading_id, device_id, source, status});

/** A publication whose every part is a small value of its own, and its tables. */
function result(readings: Row[] | null, entry: {rows: number; needing_review: number} | null, groups: Row[] | null = [{device_id: "VAN-1", distance_m: 1}]): PublishResult {
  const warning = (file: string, line: number | null, kind: string, message: string) => ({severity: "warning", file, line, column: 3, message, kind});
  const publication = {
    audience: "public", programme: "Prog", agency: "Agency", jurisdiction: "Town", site_url: "https://x/", synthetic: true,
    status_on: "2026-01-02", data_as_of: "2025-12-31T10:00:00Z", dataset_description: "desc", code: {package_version: "t", commit: null},
    devices: [
      {device_id: "VAN-1", readings: 3, effective_energy_keV: 60, effective_energy_assumed: false, without_exclusions: {fits: "w1"}},
      {device_id: "VAN-2", readings: 1, effective_energy_keV: null, effective_energy_assumed: true, without_exclusions: null}
    ],
    limits: [{id: "L1", body: "ICRP"}, {id: "L2", body: "NRC"}, {id: "L3", body: "ICRP"}],
    policy_figures: [{label: "5 ft for 10 s"}, {label: "10 ft for 1 h"}],
    everyday: [{id: "E1"}], deployments: {deployments: 2}, claims: [{id: "C1"}], claims_note: "claims note", policy_quotes: ["Q1"],
    reviews: {excluded: [{reading_id: "R1"}, {reading_id: "R2"}], by_reason: [{reason: "swapped", readings: 2, devices: ["VAN-1"]}], notes: 4},
    certificates: [{device_id: "VAN-1"}], instruments: [{instrument_id: "SN-1"}], warning_groups: [{kind: "rate-meter"}], constancy: [{device_id: "VAN-1"}],
    influence: {method: "m"}, fits: [{device_id: "VAN-1"}], fields: [{device_id: "VAN-1"}], scenarios: [{id: "S1"}], period_totals: {as_of: "x"},
    briefing: {questions: ["?"]}, policy: {path: "policy.md"}, files: [{path: "a.csv"}, {path: "b.csv"}, {path: "c.csv"}],
    tables: [{name: "fits", rows: 9, needing_review: 0}, ...(entry ? [{name: "readings", ...entry}] : [])],
    problems: [
      {...warning("a.csv", 2, "rate-meter", "m2"), severity: "error"},
      warning("a.csv", 2, "rate-meter", "m2"), warning("a.csv", 5, "rate-meter", "m5"), warning("b.csv", 7, "far-off", "m7"),
      warning("dataset.json", null, "no-policy-text", "none")
    ]
  };
  const table = (name: string, rows: Row[]): Table => ({name, title: name, description: "", columns: [], rows});
  const tables = [table("fits", [{device_id: "VAN-1"}]), ...(readings ? [table("readings", readings)] : []), ...(groups ? [table("reading-groups", groups)] : [])];
  return {publication: publication as unknown as PublishResult["publication"], tables};
}

const READINGS = [
  reading("R1", "VAN-1", "a.csv:2", "accepted"), reading("R2", "VAN-1", "a.csv:3", "warned"), reading("R3", "VAN-2", "b.csv:7", "excluded"),
  reading("R4", "VAN-2", "b.csv:8", "flagged")
];
/** The devices as most pages have them: without `without_exclusions`. */
const DEVICES = [
  {device_id: "VAN-1", readings: 3, effective_energy_keV: 60, effective_energy_assumed: false},
  {device_id: "VAN-2", readings: 1, effective_energy_keV: null, effective_energy_assumed: true}
];

describe("the readings needing review", () => {
  it("are the excluded, flagged and warned ones, nothing else", () => {
    expect(["excluded", "flagged", "warned"].map((status) => needsReview({status}))).toEqual([true, true, true]);
    expect(["accepted", "censored", "", "toString", "constructor", "undefined"].map((status) => needsReview({status}))).toEqual([false, false, false, false, false, false]);
    expect(needsReview({})).toBe(false);
  });

  it("come excluded first, then flagged, then warned, each in file order, the first `max` of them", () => {
    const rows = ["warned", "flagged", "accepted", "excluded", "warned", "excluded", "flagged"].map((status, i) => ({i, status}));
    expect(readingsForReview(rows).map((r) => r.i)).toEqual([3, 5, 1, 6, 0, 4]);
    expect(readingsForReview(rows, 3).map((r) => r.i)).toEqual([3, 5, 1]);
    expect(readingsForReview(rows, 0)).toEqual([]);
  });

  it("are at most MAX_REVIEW_READINGS by default", () => {
    const rows = Array.from({length: MAX_REVIEW_READINGS + 1}, (_, i) => ({i, status: "warned"}));
    expect(readingsForReview(rows)).toHaveLength(MAX_REVIEW_READINGS);
    expect(readingsForReview(rows.slice(1))).toHaveLength(MAX_REVIEW_READINGS);
  });
});

describe("the readings the pages can be given", () => {
  it("are all of them up to the limit (a copy), then only those needing review", () => {
    const rows = [{status: "accepted"}, {status: "warned"}, {status: "accepted"}];
    const kept = readingsForPages(rows, 3);
    expect(kept).toEqual(rows);
    expect(kept).not.toBe(rows);
    expect(readingsForPages(rows, 2)).toEqual([{status: "warned"}]);
  });

  it("are all of them up to MAX_PAGE_READINGS by default", () => {
    const rows = Array.from({length: MAX_PAGE_READINGS}, () => ({status: "accepted"}));
    expect(readingsForPages(rows)).toHaveLength(MAX_PAGE_READINGS);
    expect(readingsForPages([...rows, {status: "accepted"}])).toEqual([]);
  });
});

describe("each page's data", () => {
  it("overview: who runs the programme, the devices, the limits' bodies once each, the policy's distances", () => {
    expect(pageData("overview", result(READINGS, {rows: 4, needing_review: 3}))).toEqual({
      programme: "Prog", agency: "Agency", jurisdiction: "Town", devices: ["VAN-1", "VAN-2"], bodies: ["ICRP", "NRC"], policy_distances: ["5 ft", "10 ft"]
    });
  });

  it("public-index: the public summary, and how many readings were set aside and why, never who", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const p = r.publication;
    expect(pageData("public-index", r)).toEqual({
      agency: "Agency", devices: DEVICES, policy_figures: p.policy_figures, everyday: p.everyday, limits: p.limits, deployments: p.deployments,
      claims: p.claims, claims_note: "claims note", excluded: {readings: 2, by_reason: [{reason: "swapped", readings: 2, devices: ["VAN-1"]}]}
    });
  });

  it("public-method and public-limits: the energies, whether assumed; the limits and everyday doses", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    expect(pageData("public-method", r)).toEqual({
      synthetic: true, devices: [
        {device_id: "VAN-1", effective_energy_keV: 60, effective_energy_assumed: false}, {device_id: "VAN-2", effective_energy_keV: null, effective_energy_assumed: true}
      ]
    });
    expect(pageData("public-limits", r)).toEqual({limits: r.publication.limits, everyday: [{id: "E1"}]});
  });

  it("rso-quality: the quality summary, and each warning with the device of its reading (none without a line or reading)", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const p = r.publication;
    expect(pageData("rso-quality", r)).toEqual({
      status_on: "2026-01-02", devices: DEVICES, certificates: p.certificates, instruments: p.instruments, warning_groups: p.warning_groups,
      warnings: [
        {kind: "rate-meter", file: "a.csv", line: 2, column: 3, message: "m2", device_id: "VAN-1"},
        {kind: "rate-meter", file: "a.csv", line: 5, column: 3, message: "m5", device_id: null},
        {kind: "far-off", file: "b.csv", line: 7, column: 3, message: "m7", device_id: "VAN-2"},
        {kind: "no-policy-text", file: "dataset.json", line: null, column: 3, message: "none", device_id: null}
      ],
      max_rows_per_kind: MAX_WARNING_ROWS_PER_KIND, constancy: p.constancy, reviews: p.reviews, influence: p.influence
    });
  });

  it("rso-quality: at most MAX_WARNING_ROWS_PER_KIND warnings of each kind, counted per kind", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const many = Array.from({length: MAX_WARNING_ROWS_PER_KIND + 1}, (_, i) => ({severity: "warning", file: "a.csv", line: i + 10, column: null, message: `w${i}`, kind: "rate-meter"}));
    const other = {severity: "warning", file: "b.csv", line: 1, column: null, message: "other", kind: "far-off"};
    r.publication.problems = [...many, other] as typeof r.publication.problems;
    const {warnings} = pageData("rso-quality", r) as {warnings: {kind: string; message: string}[]};
    expect(warnings).toHaveLength(MAX_WARNING_ROWS_PER_KIND + 1);
    expect(warnings.filter((w) => w.kind === "rate-meter").map((w) => w.message)).toEqual(many.slice(0, MAX_WARNING_ROWS_PER_KIND).map((w) => w.message));
    expect(warnings.at(-1)!.message).toBe("other");
  });

  it("rso-fits: every reading while the build kept them all and they are few; no groups then", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const p = r.publication;
    const page = {devices: p.devices, fits: p.fits, fields: p.fields, reviews: p.reviews, readings: READINGS, readings_total: 4, readings_complete: true, readings_needing_review: 3, groups: null};
    expect(pageData("rso-fits", r)).toEqual(page);
    // The devices here keep their comparison fits (the page draws them).
    expect((pageData("rso-fits", r) as {devices: unknown[]}).devices[0]).toHaveProperty("without_exclusions", {fits: "w1"});
    // Exactly at the limit is still every reading.
    expect(pageData("rso-fits", r, {maxPageReadings: 4})).toEqual(page);
  });

  it("rso-fits: past the limit, or when the build kept only some, the readings needing review in order and the groups", () => {
    const needing = [READINGS[2], READINGS[3], READINGS[1]];
    const over = pageData("rso-fits", result(READINGS, {rows: 4, needing_review: 3}), {maxPageReadings: 3});
    expect(over).toMatchObject({readings: needing, readings_total: 4, readings_complete: false, readings_needing_review: 3, groups: [{device_id: "VAN-1", distance_m: 1}]});
    // The build kept 4 of 9 readings (the others are in the download): not complete, whatever the limit.
    const kept = pageData("rso-fits", result(READINGS, {rows: 9, needing_review: 5}));
    expect(kept).toMatchObject({readings: needing, readings_total: 9, readings_complete: false, readings_needing_review: 5});
    expect(pageData("rso-fits", result(READINGS, {rows: 9, needing_review: 5}), {maxReviewReadings: 2})).toMatchObject({readings: needing.slice(0, 2)});
    // Without a groups table, no groups (an empty list, not null: the page draws none).
    expect(pageData("rso-fits", result(READINGS, {rows: 9, needing_review: 5}, null))).toMatchObject({groups: []});
  });

  it("rso-fits: without a readings entry, the readings the build kept are all there are, and their count needing review is counted", () => {
    expect(pageData("rso-fits", result(READINGS, null))).toMatchObject({readings: READINGS, readings_total: 4, readings_complete: true, readings_needing_review: 3, groups: null});
    expect(pageData("rso-fits", result(READINGS, null), {maxPageReadings: 1})).toMatchObject({readings_needing_review: 3, readings_complete: false});
    expect(pageData("rso-fits", result(null, null))).toMatchObject({readings: [], readings_total: 0, readings_complete: true, readings_needing_review: 0});
  });

  it("rso-compliance, explore-field, explore-checkpoint, explore-imaging: their parts", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const p = r.publication;
    expect(pageData("rso-compliance", r)).toEqual({devices: DEVICES, limits: p.limits, scenarios: p.scenarios, period_totals: p.period_totals, status_on: "2026-01-02"});
    expect(pageData("explore-field", r)).toEqual({fields: p.fields, limits: p.limits, policy_figures: p.policy_figures});
    expect(pageData("explore-checkpoint", r)).toEqual({fields: p.fields, everyday: p.everyday});
    expect(pageData("explore-imaging", r)).toEqual({policy_quotes: ["Q1"]});
  });

  it("council-briefing and downloads: their parts, the briefing with the number of input files", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    const p = r.publication;
    expect(pageData("council-briefing", r)).toEqual({
      programme: "Prog", site_url: "https://x/", synthetic: true, status_on: "2026-01-02", data_as_of: "2025-12-31T10:00:00Z", code: p.code, files: 3,
      briefing: p.briefing, scenarios: p.scenarios, deployments: p.deployments, claims: p.claims, claims_note: "claims note", policy: p.policy
    });
    expect(pageData("downloads", r)).toEqual({
      synthetic: true, status_on: "2026-01-02", data_as_of: "2025-12-31T10:00:00Z", dataset_description: "desc", code: p.code, files: p.files, tables: p.tables
    });
  });

  it("every page id has data; any other name stops the build naming the pages", () => {
    const r = result(READINGS, {rows: 4, needing_review: 3});
    for (const id of PAGE_IDS) expect(pageData(id, r), id).toBeTypeOf("object");
    expect(PAGE_IDS).toHaveLength(12);
    expect(() => pageData("wearers", r)).toThrow(`no page data "wearers"; the pages are ${PAGE_IDS.join(", ")}`);
    expect(() => pageData(undefined, r)).toThrow('no page data "undefined"');
  });
});
