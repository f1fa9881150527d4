// The council briefing on small hand-made publications (no data set is published here): the key figures (a figure
// "for the devices" only when every device has one), the data set as it stood before the previous briefing, the
// questions the findings raise in singular and plural, and the comparison with the previous briefing.
import {describe, expect, it} from "vitest";
import type {Dataset} from "../../lib/io/load-dataset.js";
import {briefing, cutDataset, keyFigures, questions} from "../../lib/publish/briefing.js";
import type {Publication} from "../../lib/publish/types.js";

type Loose = Record<string, unknown>;

/** A publication with nothing in it but what `parts` gives. */
const pub = (parts: Loose): Publication => ({
  devices: [], limits: [], certificates: [], claims: [], scenarios: [], instruments: [], data_as_of: null,
  deployments: {deployments: 0, vehicles: 0, beam_on_h: 0}, ...parts
}) as unknown as Publication;

const device = (device_id: string, parts: Loose = {}) => ({
  device_id, readings: 0, rate_meter: 0, flagged: 0, certificate: "valid", policy_points: [], exclusion: [], ...parts
});
const point = (label: string, upper95_uSv: number | null) => ({label, upper95_uSv});

describe("the key figures", () => {
  it("are the worst device's bounds, the totals and the counts, with their labels and units", () => {
    const p = pub({
      devices: [
        device("VAN-1", {readings: 40, policy_points: [point("5 ft for 10 s", 0.2), point("10 ft for 10 s", 0.05)], exclusion: [{limit_id: "L5", distance_m: 12}, {limit_id: "L4", distance_m: 30}]}),
        device("VAN-2", {readings: 2, policy_points: [point("5 ft for 10 s", 0.3)], exclusion: [{limit_id: "L5", distance_m: 15}]})
      ],
      limits: [{id: "L4", value: 1000, unit: "uSv"}, {id: "L5", value: 20, unit: "uSv"}],
      deployments: {deployments: 7, vehicles: 120, beam_on_h: 3.5},
      certificates: [{status: "lapsed"}, {status: "valid"}, {status: "lapsed"}],
      claims: [{verdict: "inconsistent"}, {verdict: "consistent"}, {verdict: "inconsistent"}]
    });
    expect(keyFigures(p)).toEqual([
      {id: "dose-5ft-10s", label: "Bystander, 5 ft for 10 s (upper bound)", value: 0.3, unit: "uSv"},
      // VAN-2 has no 10 ft figure: no figure for the devices rather than VAN-1's alone.
      {id: "dose-10ft-10s", label: "Bystander, 10 ft for 10 s (upper bound)", value: null, unit: "uSv"},
      {id: "hour-exclusion", label: "Distance beyond which any one hour stays under 20 uSv", value: 15, unit: "m"},
      {id: "readings", label: "Dosimeter readings", value: 42, unit: ""},
      {id: "deployments", label: "Deployments", value: 7, unit: ""},
      {id: "vehicles", label: "Vehicles scanned", value: 120, unit: ""},
      {id: "beam-on", label: "X-rays on", value: 3.5, unit: "h"},
      {id: "certificates-lapsed", label: "Device certificates lapsed", value: 2, unit: ""},
      {id: "claims-inconsistent", label: "Policy claims inconsistent", value: 2, unit: ""}
    ]);
  });

  it("say nothing for the devices without devices, leave out the hour distance without an hourly limit, and no claims count without claims", () => {
    const figures = keyFigures(pub({}));
    expect(figures.map((k) => k.id)).toEqual(["dose-5ft-10s", "dose-10ft-10s", "readings", "deployments", "vehicles", "beam-on", "certificates-lapsed", "claims-inconsistent"]);
    expect(figures.map((k) => k.value)).toEqual([null, null, 0, 0, 0, 0, 0, null]);
    // A device without the hourly exclusion distance: no distance for the devices.
    const partial = keyFigures(pub({limits: [{id: "L5", value: 20, unit: "uSv"}], devices: [device("A", {exclusion: [{limit_id: "L5", distance_m: 9}]}), device("B", {exclusion: [{limit_id: "L4", distance_m: 9}]})]}));
    expect(partial.find((k) => k.id === "hour-exclusion")!.value).toBeNull();
    // Every device with its 10 ft figure: the largest.
    const both = keyFigures(pub({devices: [device("A", {policy_points: [point("10 ft for 10 s", 0.07)]}), device("B", {policy_points: [point("10 ft for 10 s", 0.04)]})]}));
    expect(both[1]).toMatchObject({id: "dose-10ft-10s", value: 0.07});
    // A bound of zero is a number like any other.
    expect(keyFigures(pub({devices: [device("A", {policy_points: [point("5 ft for 10 s", 0)]})]}))[0]!.value).toBe(0);
  });
});

describe("the data set before the previous briefing", () => {
  it("holds what was taken, started, issued and reviewed before its day, and every problem", () => {
    const dataset = {
      readings: [{reading_id: "R1", measured_at: "2025-05-31T23:59:59-04:00"}, {reading_id: "R2", measured_at: "2025-06-01T00:00:00Z"}],
      deployments: [{start: "2025-05-31T08:00"}, {start: "2025-06-01T08:00"}],
      certificates: [{issued_on: "2025-05-31"}, {issued_on: "2025-06-01"}],
      reviews: [{reviewed_on: "2025-05-31"}, {reviewed_on: "2025-06-01"}],
      problems: [{message: "p"}], previousBriefing: "2025-06-01"
    } as unknown as Dataset;
    const cut = cutDataset(dataset, "2025-06-01");
    expect(cut).toEqual({
      readings: [dataset.readings[0]], deployments: [dataset.deployments[0]], certificates: [dataset.certificates[0]], reviews: [dataset.reviews[0]],
      problems: [{message: "p"}], previousBriefing: "2025-06-01"
    });
  });
});

describe("the briefing's questions", () => {
  it("ask, in the singular, about each finding", () => {
    const longQuote = `${"a".repeat(86)} ${"b".repeat(13)}`;
    const ninety = "c".repeat(90);
    const p = pub({
      devices: [device("VAN-1", {certificate: "missing", rate_meter: 1, flagged: 1}), device("VAN-2")],
      certificates: [{device_id: "VAN-2", status: "lapsed", next_due: "2025-03-01"}, {device_id: "VAN-3", status: "valid", next_due: "2026-03-01"}],
      claims: [{verdict: "consistent", quote: "ok"}, {verdict: "inconsistent", quote: longQuote}, {verdict: "unsupported", quote: ninety}, {verdict: "not-checked", quote: "q3"}],
      scenarios: [
        {title: "No Limit", device_id: "VAN-9", verdicts: [{verdict: "cannot-be-determined", limit_uSv: null}]},
        {title: "Bystander At 5 Ft", device_id: "VAN-1", verdicts: [{verdict: "within", limit_uSv: 50}, {verdict: "cannot-be-determined", limit_uSv: 20}]},
        {title: "Operator Year", device_id: "VAN-2", verdicts: [{verdict: "exceeds", limit_uSv: 1000}]}
      ],
      instruments: [{readings_out_of_calibration: 2}, {readings_out_of_calibration: 0}],
      limits: [{id: "N43.16"}]
    });
    expect(questions(p)).toEqual([
      "Device VAN-1 has no calibration certificate on record. When was it last calibrated, and by whom?",
      "The calibration certificate of device VAN-2 was due on 2025-03-01. When will the device be recalibrated, and was it used after that date?",
      `1 numerical statement in the policy does not agree with itself or with the others (for example: "${"a".repeat(86)}…"). Will the department correct the policy?`,
      `1 comparison in the policy has no source we could find (for example: "${ninety}"). What is the department's source?`,
      `1 statement in the policy could not be checked as written (for example: "q3"). Will the department restate it in rem or sievert, with distance and time?`,
      "For 1 exposure situation the data cannot show compliance (for example: bystander at 5 ft, device VAN-1). Will the department take the measurements needed?",
      "1 exposure situation exceeds a limit (for example: operator year). What has the department changed?",
      "1 field readings were taken with rate meters, which can misread a sweeping beam. Will future surveys use integrating dosimeters only?",
      "1 readings lie far from the model of the device's dose. Has the Radiation Safety Officer reviewed them?",
      "1 instrument was used more than 12 months after calibration. What is the recalibration schedule for survey instruments?",
      "The N43.16 standard for vehicle screening is not publicly available. Has the department obtained it and checked the device against it?"
    ]);
  });

  it("ask in the plural when there are several, quoting the first, summing over devices", () => {
    const p = pub({
      devices: [device("VAN-1", {certificate: "missing", rate_meter: 2}), device("VAN-2", {certificate: "missing", rate_meter: 3})],
      claims: [
        {verdict: "inconsistent", quote: "i1"}, {verdict: "inconsistent", quote: "i2"}, {verdict: "unsupported", quote: "u1"}, {verdict: "unsupported", quote: "u2"},
        {verdict: "not-checked", quote: "n1"}, {verdict: "not-checked", quote: "n2"}
      ],
      scenarios: [
        {title: "A", device_id: "VAN-1", verdicts: [{verdict: "cannot-be-determined", limit_uSv: 1}, {verdict: "exceeds", limit_uSv: 1}]},
        {title: "B", device_id: "VAN-2", verdicts: [{verdict: "exceeds", limit_uSv: 1}, {verdict: "cannot-be-determined", limit_uSv: 2}]}
      ],
      instruments: [{readings_out_of_calibration: 1}, {readings_out_of_calibration: 4}],
      limits: [{id: "L5"}]
    });
    expect(questions(p)).toEqual([
      "Devices VAN-1, VAN-2 have no calibration certificate on record. When were they last calibrated, and by whom?",
      `2 numerical statements in the policy do not agree with themselves or each other (for example: "i1"). Will the department correct the policy?`,
      `2 comparisons in the policy have no source we could find (for example: "u1"). What is the department's source?`,
      `2 statements in the policy could not be checked as written (for example: "n1"). Will the department restate them in rem or sievert, with distance and time?`,
      "For 2 exposure situations the data cannot show compliance (for example: a, device VAN-1). Will the department take the measurements needed?",
      "2 exposure situations exceed a limit (for example: a). What has the department changed?",
      "5 field readings were taken with rate meters, which can misread a sweeping beam. Will future surveys use integrating dosimeters only?",
      "2 instruments were used more than 12 months after calibration. What is the recalibration schedule for survey instruments?"
    ]);
  });

  it("ask nothing when nothing is wrong", () => {
    expect(questions(pub({devices: [device("VAN-1")], certificates: [{status: "valid"}], claims: [{verdict: "consistent", quote: "q"}]}))).toEqual([]);
  });
});

describe("the briefing", () => {
  const reading = (reading_id: string, measured_at: string, line: number) => ({reading_id, device_id: "VAN-1", measured_at, source: {file: "r.csv", line}});
  const review = (reading_id: string, action: string, reason: string, reviewed_on: string, line: number) =>
    ({reading_id, action, reason, reviewed_on, reviewed_by: "R. Soe", source: {file: "reviews.csv", line}});
  const dataset = (previousBriefing: string | null, firstReading = "2025-01-10T10:00:00Z") => ({
    readings: [reading("R1", firstReading, 2), reading("R2", "2025-06-05T10:00:00Z", 3)],
    reviews: [review("R1", "exclude", "swapped", "2025-02-01", 2), review("R2", "exclude", "wet", "2025-06-10", 3)],
    deployments: [], certificates: [], problems: [], previousBriefing
  }) as unknown as Dataset;
  const now = pub({data_as_of: "2025-06-05T10:00:00Z", devices: [device("VAN-1", {readings: 2})], deployments: {deployments: 3, vehicles: 9, beam_on_h: 2}});

  it("compares the figures now with the data set recomputed as it stood on the previous briefing's day", () => {
    const calls: {readings: string[]; day: string}[] = [];
    const b = briefing(now, dataset("2025-06-01"), (cut, day) => {
      calls.push({readings: cut.readings.map((r) => r.reading_id), day: day.toISOString()});
      return pub({data_as_of: "2025-01-10T10:00:00Z", devices: [device("VAN-1", {readings: 1})], deployments: {deployments: 1, vehicles: 4, beam_on_h: 0.5}});
    });
    expect(calls).toEqual([{readings: ["R1"], day: "2025-06-01T00:00:00.000Z"}]);
    expect(b.previous_as_of).toBe("2025-01-10T10:00:00Z");
    expect(b.key_figures).toEqual(keyFigures(now));
    const change = (id: string) => b.changes.find((c) => c.id === id);
    expect(change("readings")).toEqual({id: "readings", label: "Dosimeter readings", unit: "", current: 2, previous: 1});
    expect(change("beam-on")).toEqual({id: "beam-on", label: "X-rays on", unit: "h", current: 2, previous: 0.5});
    expect(change("dose-5ft-10s")).toEqual({id: "dose-5ft-10s", label: "Bystander, 5 ft for 10 s (upper bound)", unit: "uSv", current: null, previous: null});
    expect(b.changes.map((c) => c.id)).toEqual(b.key_figures.map((k) => k.id));
    // R1 was set aside before the briefing, R2 since (for being wet).
    expect(b.exclusions).toEqual({current: 2, previous: 1, added: [{reason: "wet", readings: 1}], removed: 0});
    expect(b.questions).toEqual([]);
  });

  it("has no previous figures without a previous briefing, or when no reading was taken before it", () => {
    const never = () => {
      throw new Error("no previous publication should be made");
    };
    for (const d of [dataset(null), dataset("2025-01-01"), dataset("2025-01-10", "2025-01-10T00:00:00Z")]) {
      const b = briefing(now, d, never);
      expect(b.previous_as_of).toBeNull();
      expect(b.changes.every((c) => c.previous === null)).toBe(true);
      expect(b.exclusions).toEqual({current: 2, previous: null, added: [{reason: "swapped", readings: 1}, {reason: "wet", readings: 1}], removed: 0});
    }
  });
});
