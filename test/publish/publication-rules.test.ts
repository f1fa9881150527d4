// The rules lib/publish/publication.ts itself decides, on small data sets built from the restricted-oracle fixture
// (one device): which devices are listed, each device's measured range and effective energy, where the policy's
// 5 ft / 10 ft points are and when they are extrapolated, the exclusion distances' labels and reasons, which scenarios
// are judged and with what, and how limits and verdicts are carried. Expected values are worked out from the fixture's
// files by hand (its certificate's per-scan dose, its deployments' beam-on times, its limits), not from the code.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {analyseDevices, deviceIds, publish} from "../../lib/publish/publication.js";
import type {Certificate} from "../../lib/certificates/index.js";
import {InputError} from "../../lib/io/problems.js";
import type {Reading} from "../../lib/readings/types.js";
import {TEST_NOW} from "../clock.js";

const FIXTURE = "test/fixtures/programmes/restricted-oracle";
const fixture = await loadDataset(FIXTURE, {now: TEST_NOW});
const code = {package_version: "test", commit: null};
const FOOT_M = 0.3048;

/** The fixture without its reviews, its readings optionally replaced. */
const base = (over: Partial<Dataset> = {}): Dataset => ({...fixture, reviews: [], ...over});
const publicationOf = (dataset: Dataset) => publish(dataset, "internal", code, {now: TEST_NOW, withBriefing: false, withInfluence: false}).publication;
/** The readings moved so that the nearest is at `nearest_m` (every distance shifted by the same amount). */
const shifted = (nearest_m: number): Reading[] => {
  const min = Math.min(...fixture.readings.map((r) => r.distance_m));
  return fixture.readings.map((r) => ({...r, distance_m: r.distance_m - min + nearest_m}));
};

describe("deviceIds", () => {
  it("lists every device any file names, once each, sorted", () => {
    const d = (device_id: string) => ({device_id});
    expect(deviceIds({readings: [d("B"), d("A"), d("B")], certificates: [d("C"), d("A")], deployments: [d("D"), d("C")]} as never)).toEqual(["A", "B", "C", "D"]);
    expect(deviceIds({readings: [], certificates: [d("C")], deployments: []} as never)).toEqual(["C"]);
    expect(deviceIds({readings: [], certificates: [], deployments: [d("D")]} as never)).toEqual(["D"]);
    expect(deviceIds({readings: [d("R")], certificates: [], deployments: []} as never)).toEqual(["R"]);
  });
});

describe("analyseDevices", () => {
  it("measures each device's range over its fitted readings, and lists a device only deployed with nothing", () => {
    const deployed = {...fixture.deployments[0]!, device_id: "ZZZ-1"};
    const analyses = analyseDevices(base({deployments: [...fixture.deployments, deployed]}));
    expect(analyses.map((a) => a.device_id)).toEqual(["ZBV-0417", "ZZZ-1"]);
    const [a, z] = analyses;
    const distances = fixture.readings.map((r) => r.distance_m);
    expect(a!.range).toEqual([Math.min(...distances), Math.max(...distances)]);
    expect(a!.readings.length).toBe(fixture.readings.length);
    expect(a!.points.length).toBe(fixture.readings.length);
    expect(a!.excludedPoints).toEqual([]);
    expect(a!.withoutExclusions).toBeNull();
    expect(z).toMatchObject({readings: [], points: [], range: null, excluded: []});
    expect(z!.energy).toMatchObject({energy_keV: 60, assumed: true});
    // The assumption says itself where the energy came from (it reaches the model's context beside μ's source).
    expect(z!.energy.source).toMatch(/^assumed: about 60 keV .*no certificate states it$/);
  });

  it("takes the effective energy from the device's newest certificate", () => {
    const [older, newer] = [...fixture.certificates].sort((x, y) => x.issued_on.localeCompare(y.issued_on));
    const withEnergy = (c: Certificate, keV: number): Certificate => ({...c, source: {...c.source, effective_energy_keV: keV}});
    const a = analyseDevices(base({certificates: [withEnergy(newer!, 71), withEnergy(older!, 52)]}))[0]!;
    expect(a.energy).toMatchObject({energy_keV: 71, assumed: false});
    expect(a.energy.source).toBe(`${newer!.source_file} ($.source.effective_energy_keV)`);
  });

  it("fits without a reading a review excludes, keeps its point apart, and measures the range without it", () => {
    // One reading moved 5 m beyond the farthest, then excluded.
    const max = Math.max(...fixture.readings.map((r) => r.distance_m));
    const readings = fixture.readings.map((r, i) => (i === 3 ? {...r, distance_m: max + 5} : r));
    const far = readings[3]!;
    const review = {...fixture.reviews.find((r) => r.action === "exclude")!, reading_id: far.reading_id};
    const a = analyseDevices(base({readings, reviews: [review]}))[0]!;
    expect(a.excludedPoints.map((p) => p.reading_id)).toEqual([far.reading_id]);
    expect(a.excludedPoints[0]!.distance_m).toBe(max + 5);
    expect(a.points.length).toBe(fixture.readings.length - 1);
    expect(a.points.some((p) => p.reading_id === far.reading_id)).toBe(false);
    expect(a.excluded.map((e) => e.reading_id)).toEqual([far.reading_id]);
    const rest = readings.filter((r) => r !== far).map((r) => r.distance_m);
    expect(a.range).toEqual([Math.min(...rest), Math.max(...rest)]);
    expect(a.withoutExclusions).not.toBeNull();
  });

  it("converts a reading's value to µSv only when it is not already a dose equivalent", () => {
    const a = analyseDevices(base())[0]!;
    const r = fixture.readings[0]!;
    expect(a.toUSv(2.5, r)).toBe(2.5);
    // A personal dose equivalent in µSv is taken as recorded, not converted to H*(10) through air kerma (at 60 keV
    // that route would multiply by about 1.74 / 1.89 = 0.92, ICRP 74 Tables A.21 and A.24 at 60 keV).
    expect(a.toUSv(2.5, {...r, quantity: "Hp(10)"} as Reading)).toBe(2.5);
    // 1 µGy of air kerma at 60 keV is 1.74 µSv of H*(10) (ICRP 74 Table A.21, H*(10)/Ka at 60 keV).
    expect(a.toUSv(1, {...r, unit: "uGy", quantity: "air-kerma"} as Reading)).toBeCloseTo(1.74, 1);
  });

  it("keeps each device's exclusions to itself", () => {
    // The fixture's review excludes one of ZBV-0417's readings; a second device is only deployed.
    const review = fixture.reviews.find((r) => r.action === "exclude")!;
    const deployed = {...fixture.deployments[0]!, device_id: "ZZZ-1"};
    const [a, z] = analyseDevices({...fixture, deployments: [...fixture.deployments, deployed]});
    expect(a!.excluded.map((e) => e.reading_id)).toEqual([review.reading_id]);
    expect(z!.excluded).toEqual([]);
  });

  it("stops at a reading that cannot become a fit point, naming its file and line", () => {
    const [first, second, ...rest] = fixture.readings;
    const error = (() => {
      try {
        analyseDevices(base({readings: [first!, {...second!, distance_m: 0}, ...rest]}));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InputError);
    const errors = (error as InputError).problems.filter((p) => p.severity === "error");
    expect(errors).toMatchObject([{file: second!.source.file, line: second!.source.line, column: "distance"}]);
    // The fixture's readings mix H*(10), Hp(10) and exposure: a warning, which the analysis does not stop for.
    expect(analyseDevices(base())[0]!.points.length).toBe(fixture.readings.length);
  });
});

describe("the policy's 5 ft and 10 ft points", () => {
  it("are at 5 ft and 10 ft for 10 s, bounds around the estimate, inside the measured range", () => {
    const device = publicationOf(base()).devices[0]!;
    expect(device.policy_points.map((p) => [p.label, p.distance_m, p.duration_s])).toEqual([["5 ft for 10 s", 5 * FOOT_M, 10], ["10 ft for 10 s", 10 * FOOT_M, 10]]);
    for (const p of device.policy_points) {
      expect(p.lower95_uSv).toBeLessThan(p.dose_uSv);
      expect(p.upper95_uSv).toBeGreaterThan(p.dose_uSv);
      expect(p.extrapolated).toBe(false);
    }
    // Farther is less.
    expect(device.policy_points[1]!.dose_uSv).toBeLessThan(device.policy_points[0]!.dose_uSv);
  });

  it("are extrapolated only beyond the measured distances, with a 1 % margin", () => {
    const extrapolated = (nearest_m: number) => publicationOf(base({readings: shifted(nearest_m)})).devices[0]!.policy_points.map((p) => p.extrapolated);
    // 1.524 m ≥ 0.99 × 1.535 = 1.51965 m: inside the margin.
    expect(extrapolated(1.535)).toEqual([false, false]);
    // 1.524 m < 0.99 × 1.56 = 1.5444 m: outside.
    expect(extrapolated(1.56)).toEqual([true, false]);
    // Exactly at the margin (0.99 × 1.524 / 0.99 is 1.524 in floating point too): still inside.
    expect(extrapolated((5 * FOOT_M) / 0.99)).toEqual([false, false]);
  });

  it("are extrapolated beyond the farthest reading, with a 1 % margin", () => {
    const near = fixture.readings.filter((r) => r.distance_m <= 3.0);
    const max = Math.max(...near.map((r) => r.distance_m));
    expect(max).toBe(3);
    // 3.048 m ≤ 1.01 × 3 = 3.03 m? No: 3.048 > 3.03, so the 10 ft point is extrapolated.
    expect(publicationOf(base({readings: near})).devices[0]!.policy_points.map((p) => p.extrapolated)).toEqual([false, true]);
    // Readings up to 3.02 m: 3.048 ≤ 1.01 × 3.02 = 3.0502, inside the margin.
    const stretched = near.map((r) => (r.distance_m === 3 ? {...r, distance_m: 3.02} : r));
    expect(publicationOf(base({readings: stretched})).devices[0]!.policy_points.map((p) => p.extrapolated)).toEqual([false, false]);
    // Exactly at the margin (1.01 × 3.048 / 1.01 is 3.048 in floating point too): still inside.
    const atMargin = near.map((r) => (r.distance_m === 3 ? {...r, distance_m: (10 * FOOT_M) / 1.01} : r));
    expect(publicationOf(base({readings: atMargin})).devices[0]!.policy_points.map((p) => p.extrapolated)).toEqual([false, false]);
  });

  it("are not given for a device without a usable model", () => {
    const device = publicationOf(base({readings: []})).devices[0]!;
    expect(device.policy_points).toEqual([]);
  });
});

describe("exclusion distances", () => {
  const L5 = fixture.limits.limits.find((l) => l.id === "L5")!;
  const L13 = fixture.limits.limits.find((l) => l.id === "L13")!;

  it("are given for the hourly limit and the year's negligible dose, labelled with their values", () => {
    const device = publicationOf(base()).devices[0]!;
    expect(device.exclusion.map((e) => [e.limit_id, e.label])).toEqual([
      ["L5", `${L5.value} ${L5.unit} in any one hour of continuous operation`],
      ["L13", `${L13.value} ${L13.unit} over the busiest year's beam-on time`]
    ]);
    const distances = fixture.readings.map((r) => r.distance_m);
    const [lo, hi] = [Math.min(...distances), Math.max(...distances)];
    for (const e of device.exclusion) {
      expect(e.reason).toBeNull();
      expect(e.distance_m).toBeGreaterThan(0);
      expect(e.extrapolated).toBe(e.distance_m! < lo * 0.99 || e.distance_m! > hi * 1.01);
      expect(e).not.toHaveProperty("point_distance_m");
    }
    // A year of beam-on time at the negligible dose reaches farther than one hour at 20 µSv.
    expect(device.exclusion[1]!.distance_m).toBeGreaterThan(device.exclusion[0]!.distance_m!);
  });

  it("are given only for the limits the programme applies", () => {
    const without = (id: string) => base({manifest: {...fixture.manifest, limits: fixture.manifest.limits.filter((l) => l !== id)}});
    expect(publicationOf(without("L5")).devices[0]!.exclusion.map((e) => e.limit_id)).toEqual(["L13"]);
    expect(publicationOf(without("L13")).devices[0]!.exclusion.map((e) => e.limit_id)).toEqual(["L5"]);
  });

  it("over a year need the deployment log; the hourly one does not", () => {
    const [l5, l13] = publicationOf(base({deployments: []})).devices[0]!.exclusion;
    expect(l5!.distance_m).toBeGreaterThan(0);
    expect(l13).toEqual({limit_id: "L13", label: `${L13.value} ${L13.unit} over the busiest year's beam-on time`, distance_m: null, extrapolated: false,
      reason: "no deployments of ZBV-0417 in the log, so its year's beam-on time is not known", rests_on: []});
  });

  it("are not given without a usable model, with the model's reason", () => {
    const [l5] = publicationOf(base({readings: []})).devices[0]!.exclusion;
    expect(l5).toMatchObject({distance_m: null, extrapolated: false});
    expect(l5!.reason).not.toBe("no usable model");
    expect(l5!.reason!.length).toBeGreaterThan(0);
  });
});

describe("scenarios", () => {
  const longest = () => fixture.deployments.reduce((d, e) => (e.beam_on_s > d.beam_on_s ? e : d));

  it("judges every scenario of a device with deployments and a certificate, the bystander ones at the policy's 5 ft", () => {
    const p = publicationOf(base());
    const scenarios = p.scenarios.filter((s) => s.device_id === "ZBV-0417");
    expect(scenarios.map((s) => s.id)).toEqual(["bystander-event", "bystander-hour", "cordon-hour", "occupant-scan", "occupant-year", "operator-shift", "operator-year", "public-annual"]);
    for (const s of scenarios) {
      expect(s.title.endsWith(", at 5 ft (the policy's distance)")).toBe(s.id.startsWith("bystander"));
      expect(s.upper95_uSv).not.toBeNull();
    }
    const event = scenarios[0]!;
    expect(event.assumptions[0]).toBe(`The beam-on time is that of the deployment with the most (${longest().deployment_id}, ${longest().beam_on_s} s).`);
  });

  it("says 5 ft without claiming it is the policy's distance when no policy states it", () => {
    const scenarios = publicationOf(base({policies: []})).scenarios;
    for (const s of scenarios.filter((s) => s.id.startsWith("bystander"))) {
      expect(s.title.endsWith(", at 5 ft")).toBe(true);
    }
  });

  it("carries each verdict's limit as the registry states it", () => {
    const p = publicationOf(base());
    const seen = new Set<string>();
    for (const s of p.scenarios) {
      for (const v of s.verdicts) {
        const limit = fixture.limits.limits.find((l) => l.id === v.limit_id)!;
        expect(v.limit_label).toBe(limit.stated);
        expect(v.period).toBe(limit.period.split("-").join(" "));
        expect(v.kind).toBe(limit.kind.split("-").join(" "));
        expect(v.alara === null || !v.alara.includes("-")).toBe(true);
        seen.add(v.limit_id);
      }
    }
    expect(seen.has("L5")).toBe(true);
    const cordon = p.scenarios.find((s) => s.id === "cordon-hour")!.verdicts.find((v) => v.limit_id === "L5")!;
    expect(cordon.limit_uSv).toBe(20);
    expect(cordon.period).toBe("any one hour");
    expect(cordon.kind).toBe("legal limit");
  });

  it("carries the ALARA flags a verdict's explanation states, as words, and none when it states none", () => {
    // ALARA levels applied to every period, so that some verdicts carry flags.
    const periods = [...new Set(fixture.limits.limits.map((l) => l.period))];
    // A level at 24 % of a limit: for the per-scan dose (0.053 µSv, bound 0.066 µSv) against L1 (0.25 µSv) its
    // 0.06 µSv lies between the estimate and the bound, so it is possibly reached.
    const levels = [...fixture.limits.alara!.levels, {id: "Level P", fraction: 0.24, action: "Possibly reached: a test level."}];
    const limits = {...fixture.limits, alara: {...fixture.limits.alara!, applies_to_periods: periods, levels}};
    const verdicts = publicationOf(base({limits})).scenarios.flatMap((s) => s.verdicts);
    expect(verdicts.find((v) => v.limit_id === "L1")!.alara).toBe("Level I reached; Level P possibly reached");
    let flagged = 0;
    for (const v of verdicts) {
      const stated = /ALARA: (.*)\.$/.exec(v.explanation)?.[1];
      if (stated === undefined) {
        expect(v.alara).toBeNull();
        continue;
      }
      flagged++;
      // "level (x % of the limit, y µSv) status; ..." → "level status; ..." with the status's dash as a space.
      const words = stated.split("; ").map((f) => f.replace(/ \(.*?\) /, " ").replace("-", " ")).join("; ");
      expect(v.alara).toBe(words);
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(verdicts.length);
  });

  it("adds no assumption to a scenario it cannot estimate, and every assumption is a sentence", () => {
    for (const s of publicationOf(base({deployments: [], certificates: []})).scenarios) {
      for (const a of s.assumptions) expect(a).toMatch(/[.)]$/);
      if (s.dose_uSv === null) expect(s.assumptions.some((a) => a.startsWith("Estimated with"))).toBe(false);
    }
  });

  it("judges only against the limits the programme applies", () => {
    const p = publicationOf(base({manifest: {...fixture.manifest, limits: fixture.manifest.limits.filter((l) => l !== "L5")}}));
    expect(p.scenarios.flatMap((s) => s.verdicts.map((v) => v.limit_id))).not.toContain("L5");
    expect(p.limits.map((l) => l.id)).not.toContain("L5");
    expect(p.limits.map((l) => l.id)).toContain("L13");
  });

  it("takes the per-scan dose and its one-sided 95 % bound from the newest certificate", () => {
    const scan = publicationOf(base()).scenarios.find((s) => s.id === "occupant-scan")!;
    // CAL of 2026-02-10: 0.053 µSv ± 15 % (1σ) at 1.5 m, 5 km/h; upper = 0.053 + 1.6449 × 0.00795.
    expect(scan.dose_uSv).toBeCloseTo(0.053, 12);
    expect(scan.upper95_uSv).toBeCloseTo(0.053 + 1.6448536 * 0.053 * 0.15, 6);
    const newest = [...fixture.certificates].sort((x, y) => x.issued_on.localeCompare(y.issued_on)).at(-1)!;
    expect(scan.assumptions).toContain(`Estimated with the certificate ${newest.certificate_id}: per-scan dose at the scan plane, 1.5 m, 5 km/h (H*(10)).`);
  });

  it("counts a person scanned once at each deployment of the busiest year", () => {
    const byYear = new Map<number, {beam: number; n: number}>();
    for (const d of fixture.deployments) {
      const y = Number(d.start.slice(0, 4));
      const seen = byYear.get(y) ?? {beam: 0, n: 0};
      byYear.set(y, {beam: seen.beam + d.beam_on_s, n: seen.n + 1});
    }
    const [year, busiest] = [...byYear].reduce((a, b) => (b[1].beam > a[1].beam ? b : a));
    const annual = publicationOf(base()).scenarios.find((s) => s.id === "occupant-year")!;
    expect(annual.assumptions[0]).toBe(`A person is taken to be scanned once at each of the ${busiest.n} deployments of ${year}, the device's busiest year: the log records vehicles scanned, not how often one person was.`);
    expect(annual.dose_uSv).toBeCloseTo(busiest.n * 0.053, 10);
  });

  it("without deployments judges one scan, and nothing that needs the log", () => {
    const scenarios = publicationOf(base({deployments: []})).scenarios;
    const scan = scenarios.find((s) => s.id === "occupant-scan")!;
    expect(scan.dose_uSv).toBeCloseTo(0.053, 12);
    const year = scenarios.find((s) => s.id === "occupant-year")!;
    expect(year.dose_uSv).toBeNull();
    expect(year.verdicts.every((v) => v.verdict === "cannot-be-determined" && /has no deployments in the log/.test(v.explanation))).toBe(true);
    expect(year.description).toBe("The annual dose to a person scanned at every deployment of the busiest year.");
    for (const id of ["bystander-event", "bystander-hour", "cordon-hour", "operator-shift", "operator-year", "public-annual"]) {
      const s = scenarios.find((x) => x.id === id)!;
      expect(s.verdicts.every((v) => v.verdict === "cannot-be-determined")).toBe(true);
      expect(s.verdicts[0]!.explanation).toContain("device ZBV-0417 has no deployments in the log, so how long and how close people were exposed is not known");
    }
  });

  it("without a certificate or deployments gives both reasons for the annual occupant dose", () => {
    const scenarios = publicationOf(base({deployments: [], certificates: []})).scenarios;
    const year = scenarios.find((s) => s.id === "occupant-year")!;
    expect(year.verdicts[0]!.explanation).toContain("device ZBV-0417 has no calibration certificate, which is where the dose of one scan at the scan plane comes from; and device ZBV-0417 has no deployments in the log");
    const scan = scenarios.find((s) => s.id === "occupant-scan")!;
    expect(scan.verdicts[0]!.explanation).toContain("device ZBV-0417 has no calibration certificate");
    expect(scan.verdicts[0]!.explanation).not.toContain("; and ");
  });

  it("without a certificate states the assumed energy beside the model's doses only", () => {
    const scenarios = publicationOf(base({certificates: []})).scenarios;
    const year = scenarios.find((s) => s.id === "occupant-year")!;
    expect(year.verdicts[0]!.explanation).toContain("no calibration certificate");
    expect(year.verdicts[0]!.explanation).not.toContain("; and ");
    for (const s of scenarios) {
      expect(s.assumptions.some((a) => /60 keV is assumed/.test(a))).toBe(!s.id.startsWith("occupant"));
    }
    for (const s of publicationOf(base()).scenarios) expect(s.assumptions.some((a) => /60 keV is assumed/.test(a))).toBe(false);
  });

  it("does not judge a per-scan dose the certificate gives in another quantity", () => {
    const certificates = fixture.certificates.map((c) => ({...c, scan_plane_dose: {...c.scan_plane_dose, unit: "uGy", quantity: "air-kerma"}})) as Certificate[];
    const scan = publicationOf(base({certificates})).scenarios.find((s) => s.id === "occupant-scan")!;
    expect(scan.dose_uSv).toBeNull();
    expect(scan.verdicts.every((v) => v.verdict === "cannot-be-determined")).toBe(true);
    expect(scan.verdicts[0]!.explanation).toContain("the certificate's per-scan dose is air-kerma, not a dose equivalent");
    expect(scan.assumptions.some((a) => a.startsWith("Estimated with"))).toBe(false);
  });

  it("does not judge a bystander when no deployment has beam-on time", () => {
    const scenarios = publicationOf(base({deployments: fixture.deployments.map((d) => ({...d, beam_on_s: 0}))})).scenarios;
    for (const id of ["bystander-event", "bystander-hour"]) {
      const s = scenarios.find((x) => x.id === id)!;
      expect(s.verdicts.every((v) => v.verdict === "cannot-be-determined")).toBe(true);
      expect(s.verdicts[0]!.explanation).toContain("no deployment of ZBV-0417 in the log has any beam-on time");
    }
    // The cordon's hour is of continuous operation: it needs the cordon, not the beam-on time.
    expect(scenarios.find((x) => x.id === "cordon-hour")!.upper95_uSv).not.toBeNull();
  });

  it("gives no year's exclusion distance, and no error, when no deployment has beam-on time (zero beam-on is valid input)", () => {
    const device = publicationOf(base({deployments: fixture.deployments.map((d) => ({...d, beam_on_s: 0}))})).devices[0]!;
    expect(device.exclusion.find((e) => e.limit_id === "L5")!.distance_m).toBeGreaterThan(0);
    expect(device.exclusion.find((e) => e.limit_id === "L13")).toMatchObject({
      distance_m: null, extrapolated: false, reason: expect.stringContaining("no deployment of ZBV-0417 in the log has any beam-on time")
    });
  });

  it("judges the cordon's hour at the nearest cordon of any deployment", () => {
    const nearest = Math.min(...fixture.deployments.map((d) => d.cordon_m));
    const deployments = fixture.deployments.map((d, i) => (i === 0 ? {...d, cordon_m: nearest / 2} : d));
    const cordon = publicationOf(base({deployments})).scenarios.find((s) => s.id === "cordon-hour")!;
    expect(cordon.description).toContain(`${nearest / 2} m from the device`);
  });
});

describe("the published limits", () => {
  it("are the registry's, with words for its codes", () => {
    const limits = publicationOf(base()).limits;
    const L5 = limits.find((l) => l.id === "L5")!;
    expect(L5).toMatchObject({clause: "(4)", protects: "anyone outside screening zone", period: "any one hour", kind: "legal limit", grade: "A", value: 20, value_uSv: 20});
    const L13 = limits.find((l) => l.id === "L13")!;
    expect(L13.clause).toBe("");
    // A limit that protects two groups names both, in words.
    expect(limits.find((l) => l.id === "L4")!.protects).toBe("worker, member of the public");
    for (const l of limits) {
      const raw = fixture.limits.limits.find((x) => x.id === l.id)!;
      expect(l.label).toBe(raw.stated);
      expect(l.sources).toBe(raw.sources.join(", "));
      expect(l.note).toBe(raw.note ? raw.note : null);
      expect(l.grade).toBe(raw.grade ?? "–");
    }
  });
});
