// The exclusion distances publish() gives, checked by the definition they state: at the published distance, the
// device's most conservative model puts the 95 % upper bound of the dose over the period exactly at the limit (one
// hour's prediction bound for the hourly L5; the busiest year's beam-on time and the confidence bound for L13). The
// estimator is lib/publish/device-models.ts's, a second route to the same figure than lib/exposure's search.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {analyseDevices, publish} from "../../lib/publish/publication.js";
import {conservativeEstimator} from "../../lib/publish/device-models.js";
import {TEST_NOW} from "../clock.js";

const fixture = await loadDataset("test/fixtures/programmes/restricted-oracle", {now: TEST_NOW});
const code = {package_version: "test", commit: null};
const publicationOf = (dataset: Dataset) => publish(dataset, "internal", code, {now: TEST_NOW, withBriefing: false, withInfluence: false}).publication;
const base: Dataset = {...fixture, reviews: []};

describe("exclusion distances", () => {
  it("put the upper bound of the period's dose at the limit", () => {
    const [l5, l13] = publicationOf(base).devices[0]!.exclusion;
    const estimate = conservativeEstimator(analyseDevices(base)[0]!.models);
    expect(estimate({distance_m: l5!.distance_m!, duration_s: 3600, interval: "prediction"}).upper95_uSv).toBeCloseTo(20, 3);
    // The busiest year: the year whose deployments have the most beam-on time, counted by hand.
    const beam = new Map<string, number>();
    for (const d of fixture.deployments) beam.set(d.start.slice(0, 4), (beam.get(d.start.slice(0, 4)) ?? 0) + d.beam_on_s);
    const year_s = Math.max(...beam.values());
    expect(estimate({distance_m: l13!.distance_m!, duration_s: year_s, interval: "confidence"}).upper95_uSv).toBeCloseTo(10, 3);
  });

  it("bound one hour as one occasion (a prediction) and a year as an average (a confidence bound), on scattered readings", () => {
    // Readings scattered well beyond their stated uncertainties, so that a prediction bound is wider than a confidence bound.
    const readings = fixture.readings.map((r, i) => (r.censored ? r : {...r, net: r.net * (i % 2 === 0 ? 1.6 : 0.6), gross: r.gross * (i % 2 === 0 ? 1.6 : 0.6)}));
    const scattered: Dataset = {...base, readings};
    const [l5, l13] = publicationOf(scattered).devices[0]!.exclusion;
    const estimate = conservativeEstimator(analyseDevices(scattered)[0]!.models);
    const at = (distance_m: number, duration_s: number, interval: "prediction" | "confidence") => estimate({distance_m, duration_s, interval}).upper95_uSv!;
    expect(at(l5!.distance_m!, 3600, "prediction")).toBeCloseTo(20, 3);
    // The test can tell the two apart: at that distance the confidence bound is clearly below the limit.
    expect(at(l5!.distance_m!, 3600, "confidence")).toBeLessThan(19);
    const beam = new Map<string, number>();
    for (const d of fixture.deployments) beam.set(d.start.slice(0, 4), (beam.get(d.start.slice(0, 4)) ?? 0) + d.beam_on_s);
    expect(at(l13!.distance_m!, Math.max(...beam.values()), "confidence")).toBeCloseTo(10, 3);
  });

  it("are not given when the bound stays above the limit as far as the search goes", () => {
    const limits = {...fixture.limits, limits: fixture.limits.limits.map((l) => (l.id === "L13" ? {...l, value_uSv: 1e-12} : l))};
    const l13 = publicationOf({...base, limits}).devices[0]!.exclusion.find((e) => e.limit_id === "L13")!;
    expect(l13).toMatchObject({distance_m: null, extrapolated: false, reason: "the upper bound stays above the limit over the whole search range"});
  });
});
