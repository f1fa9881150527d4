// What publish() says about each device and each reading, decided in lib/publish/publication.ts: the device's counts
// and dates, its certificate's status, each reading's one status and why, the flagged readings (largest residual
// first), the data's date, every file's span, the everyday doses' labels and the note when no policy is given.
// Small data sets built from the restricted-oracle fixture (one device); expected values counted from its files.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import type {Table} from "../../lib/publish/table-files.js";
import type {Reading} from "../../lib/readings/types.js";
import {TEST_NOW} from "../clock.js";
import {once} from "../once.js";

const fixture = await loadDataset("test/fixtures/programmes/restricted-oracle", {now: TEST_NOW});
const code = {package_version: "test", commit: null};
const publishOf = (dataset: Dataset) => publish(dataset, "internal", code, {now: TEST_NOW, withBriefing: false, withInfluence: false});
const rows = (tables: Table[], name: string) => tables.find((t) => t.name === name)!.rows as Record<string, unknown>[];

/** The fixture with one reading (not censored, not excluded) made 50 times larger: far beyond 3σ of its model. */
const OUTLIER = 20;
const withOutlier = once(() => {
  const readings = fixture.readings.map((r, i) => (i === OUTLIER ? {...r, net: r.net * 50, gross: r.gross * 50} : r));
  return {readings, result: publishOf({...fixture, readings})};
});

describe("a device's summary", () => {
  it("counts its readings, rate-meter readings, deployments, and gives its first and last reading's time", () => {
    const device = publishOf(fixture).publication.devices[0]!;
    const byTime = [...fixture.readings].sort((x, y) => x.measured_at_ms - y.measured_at_ms);
    expect(device).toMatchObject({
      device_id: "ZBV-0417", readings: fixture.readings.length,
      rate_meter: fixture.readings.filter((r) => r.instrument_type === "rate-meter").length,
      first_at: byTime[0]!.measured_at, last_at: byTime.at(-1)!.measured_at,
      deployments: fixture.deployments.length, certificate: "current", effective_energy_keV: 60, effective_energy_assumed: false,
      excluded: fixture.reviews.filter((r) => r.action === "exclude").length
    });
    expect(device.censored).toBe(fixture.readings.filter((r) => r.censored && !fixture.reviews.some((v) => v.action === "exclude" && v.reading_id === r.reading_id)).length);
    expect(device.without_exclusions).not.toBeNull();
    expect(device.without_exclusions!.excluded).toBe(1);
    expect(device.without_exclusions!.policy_points.map((p) => p.label)).toEqual(["5 ft for 10 s", "10 ft for 10 s"]);
  });

  it("has no certificate status, deployments or dates it does not have", () => {
    const device = publishOf({...fixture, readings: [], certificates: [], reviews: []}).publication.devices[0]!;
    expect(device).toMatchObject({readings: 0, first_at: null, last_at: null, model: null, distance_range_m: null, certificate: "missing", effective_energy_assumed: true, without_exclusions: null});
  });

  it("calls a certificate lapsed after its due date", () => {
    const certificates = fixture.certificates.map((c) => ({...c, next_due_on: "2026-03-01"}));
    expect(publishOf({...fixture, certificates}).publication.devices[0]!.certificate).toBe("lapsed");
  });
});

describe("the data's dates", () => {
  it("gives the newest reading as the data's date, and each file's first and last reading", () => {
    const p = publishOf(fixture).publication;
    const byTime = [...fixture.readings].sort((x, y) => x.measured_at_ms - y.measured_at_ms);
    expect(p.data_as_of).toBe(byTime.at(-1)!.measured_at);
    expect(p.status_on).toBe("2026-11-30");
    for (const f of p.files) {
      const inFile = byTime.filter((r) => r.source.file === f.path);
      expect([f.first, f.last]).toEqual(inFile.length === 0 ? [null, null] : [inFile[0]!.measured_at, inFile.at(-1)!.measured_at]);
    }
    expect(p.files.some((f) => f.first !== null)).toBe(true);
    expect(publishOf({...fixture, readings: [], reviews: []}).publication.data_as_of).toBeNull();
  });

  it("takes the newest reading wherever it is listed, and of two at the same instant the one listed first", () => {
    // Two readings only (a fast publish): 1 November 2026 at 10:00 in New York is 15:00 UTC, the same instant written
    // two ways; the other reading is a day older. The date is the reading's own text, so a tie is decided by order.
    const [a, b] = fixture.readings;
    const at = (r: typeof a, measured_at: string) => ({...r!, measured_at, measured_at_ms: Date.parse(measured_at)});
    const newYork = at(a, "2026-11-01T10:00:00-05:00");
    const utc = at(b, "2026-11-01T15:00:00Z");
    const older = at(b, "2026-10-31T15:00:00Z");
    const asOf = (readings: Reading[]) => publishOf({...fixture, readings, reviews: []}).publication.data_as_of;
    expect(asOf([newYork, older])).toBe("2026-11-01T10:00:00-05:00");
    expect(asOf([older, newYork])).toBe("2026-11-01T10:00:00-05:00");
    expect(asOf([newYork, utc])).toBe("2026-11-01T10:00:00-05:00");
    expect(asOf([utc, newYork])).toBe("2026-11-01T15:00:00Z");
  });
});

describe("each reading's status", () => {
  it("is excluded, censored or accepted, and says why", () => {
    const {tables} = publishOf(fixture);
    const readings = rows(tables, "readings");
    expect(readings.length).toBe(fixture.readings.length);
    const review = fixture.reviews.find((r) => r.action === "exclude")!;
    const excluded = readings.find((r) => r.reading_id === review.reading_id)!;
    expect(excluded.status).toBe("excluded");
    expect(excluded.status_detail).toBe(`excluded on ${review.reviewed_on}: ${review.reason}`);
    for (const row of readings.filter((r) => r.status === "censored")) expect(String(row.status_detail)).toMatch(/^below the detection limit: an upper limit/);
    const censored = fixture.readings.find((r) => r.censored && r.reading_id !== review.reading_id)!;
    expect(readings.find((r) => r.reading_id === censored.reading_id)!.status).toBe("censored");
    expect(readings.some((r) => r.status === "accepted")).toBe(true);
    // The internal tables name the dosimeter.
    expect(readings.find((r) => r.reading_id === censored.reading_id)!.dosimeter_id).toBe(censored.dosimeter_id);
  });

  it("is flagged far above its model, counted on the device, and listed first among the flagged readings", () => {
    const {readings, result} = withOutlier();
    const outlier = readings[OUTLIER]!;
    expect(outlier.censored).toBe(false);
    const row = rows(result.tables, "readings").find((r) => r.reading_id === outlier.reading_id)!;
    expect(row.status).toBe("flagged");
    expect(row.flagged).toBe(true);
    expect(row.normalised_residual as number).toBeGreaterThan(3);
    expect(String(row.status_detail)).toMatch(/^[0-9.e+]+ σ above its model/);
    const flagged = rows(result.tables, "flagged-readings");
    expect(flagged[0]!.reading_id).toBe(outlier.reading_id);
    const residuals = flagged.map((r) => Math.abs(r.normalised_residual as number));
    expect(residuals).toEqual([...residuals].sort((x, y) => y - x));
    expect(flagged.every((r) => r.flagged === true)).toBe(true);
    expect(result.publication.devices[0]!.flagged).toBe(flagged.length);
    expect(rows(result.tables, "readings").filter((r) => r.status === "flagged").length).toBe(flagged.length);
  });
});

describe("the everyday doses and the policy", () => {
  it("label a rate with the period it is shown over, unless the anchor already says it", () => {
    const per = {...fixture.everyday[0]!, id: "x", anchor: "cosmic rays on a flight", per: "hour" as const};
    const already = {...fixture.everyday[0]!, id: "y", anchor: "an hour of something", per: "hour" as const};
    const event = {...fixture.everyday[0]!, id: "z", anchor: "a dental X-ray", per: null};
    const everyday = publishOf({...fixture, everyday: [per, already, event]}).publication.everyday;
    expect(everyday.map((e) => e.label)).toEqual(["cosmic rays on a flight (one hour)", "an hour of something", "a dental X-ray"]);
    expect(everyday[0]!.sources).toBe(fixture.everyday[0]!.sources.join(", "));
  });

  it("says when no policy text is given, and quotes only what the policy says", () => {
    expect(publishOf({...fixture, policies: []}).publication).toMatchObject({claims_note: expect.stringContaining("no policy text"), policy_quotes: []});
    const p = publishOf(fixture).publication;
    expect(p.claims_note).toBeNull();
    const text = fixture.policies.at(-1)!.text.replace(/\s+/g, " ");
    expect(p.policy_quotes).toEqual(["limited-range", "fifo"].filter((id) => text.includes(id === "fifo" ? "first-in-first-out basis" : "limited effective use range")));
    expect(p.policy_quotes.length).toBeGreaterThan(0);
  });
});

describe("the influence check", () => {
  it("states its method: a screening bound, then a refit without each reading it cannot clear, judged on the figure's own uncertainty", () => {
    const {method} = publishOf({...fixture, readings: [], reviews: []}).publication.influence;
    expect(method).toMatch(/^every reading screened by a first-order bound/);
    expect(method).toContain("refitted without the reading");
    expect(method).toContain("moves by more than its own uncertainty");
    expect(method).toContain("or a verdict changes");
  });
});
