// Which deployments and certificate publish() takes a device's scenarios from, and what an undeterminable scenario
// says it is about, on the restricted-oracle fixture (one device, ZBV-0417) with a second device's records planted
// beside it. Expected values come from the fixture's files and the planted records, not from the code.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {TEST_NOW} from "../clock.js";

const FIXTURE = "test/fixtures/programmes/restricted-oracle";
const fixture = await loadDataset(FIXTURE, {now: TEST_NOW});
const code = {package_version: "test", commit: null};
const base = (over: Partial<Dataset> = {}): Dataset => ({...fixture, reviews: [], ...over});
const scenariosOf = (dataset: Dataset, device = "ZBV-0417") =>
  publish(dataset, "internal", code, {now: TEST_NOW, withBriefing: false, withInfluence: false}).publication.scenarios.filter((s) => s.device_id === device);

describe("a device's scenarios", () => {
  it("take only its own deployments and certificate, never another device's", () => {
    const own = fixture.deployments;
    const longest = own.reduce((d, e) => (e.beam_on_s > d.beam_on_s ? e : d));
    const nearest = Math.min(...own.map((d) => d.cordon_m));
    // Another device deployed far longer, with a nearer cordon, and certified with a per-scan dose ten times higher.
    const other = {...own[0]!, deployment_id: "DEP-OTHER-1", device_id: "ZZZ-9", beam_on_s: longest.beam_on_s * 10, cordon_m: nearest / 4};
    const cert = [...fixture.certificates].sort((x, y) => y.issued_on.localeCompare(x.issued_on))[0]!; // the newest: 0.053 µSv per scan
    const otherCert = {...cert, certificate_id: "CERT-OTHER", device_id: "ZZZ-9", scan_plane_dose: {...cert.scan_plane_dose, dose: cert.scan_plane_dose.dose * 10}};
    const s = scenariosOf(base({deployments: [other, ...own], certificates: [otherCert, ...fixture.certificates]}));
    expect(s.find((x) => x.id === "bystander-event")!.assumptions[0]).toBe(`The beam-on time is that of the deployment with the most (${longest.deployment_id}, ${longest.beam_on_s} s).`);
    expect(s.find((x) => x.id === "cordon-hour")!.description).toContain(`${nearest} m from the device`);
    expect(s.find((x) => x.id === "occupant-scan")!.dose_uSv).toBeCloseTo(0.053, 12);
    // The other device has no readings, so its own scenarios are judged on its own records only.
    expect(scenariosOf(base({deployments: [other, ...own], certificates: [otherCert, ...fixture.certificates]}), "ZZZ-9").find((x) => x.id === "occupant-scan")!.dose_uSv).toBeCloseTo(0.53, 12);
  });

  it("print where the operator is taken to stand first among the operator scenarios' assumptions", () => {
    const s = scenariosOf(base());
    for (const id of ["operator-shift", "operator-year"]) {
      expect(s.find((x) => x.id === id)!.assumptions[0]).toBe("The operator is taken to stand 3 m from the source during scans: an assumption of this product, because the deployment log does not record where operators stand.");
    }
  });

  it("name the first deployment in the log when two share the most beam-on time", () => {
    const most = Math.max(...fixture.deployments.map((d) => d.beam_on_s)) + 100;
    const deployments = fixture.deployments.map((d, i) => (i === 0 || i === 1 ? {...d, beam_on_s: most} : d));
    const event = scenariosOf(base({deployments})).find((x) => x.id === "bystander-event")!;
    expect(event.assumptions[0]).toBe(`The beam-on time is that of the deployment with the most (${deployments[0]!.deployment_id}, ${most} s).`);
  });

  it("say what each undeterminable scenario is about, word for word", () => {
    const described = (dataset: Dataset) => Object.fromEntries(scenariosOf(dataset).map((x) => [x.id, x.description]));
    const noLog = described(base({deployments: []}));
    expect(noLog["bystander-event"]).toBe("The dose to a person standing 1.524 m from the device for a deployment's beam-on time.");
    expect(noLog["bystander-hour"]).toBe("The most dose a person standing 1.524 m from the device can receive in any one hour.");
    expect(noLog["cordon-hour"]).toBe("The dose in any one hour of continuous operation to a person at the cordon.");
    expect(noLog["operator-shift"]).toBe("The dose to an operator during the deployment with the most beam-on time.");
    expect(noLog["operator-year"]).toBe("The dose to the most-exposed operator over the busiest year's deployments.");
    expect(noLog["public-annual"]).toBe("A member of the public at the cordon of every deployment of the busiest year for all its beam-on time.");
    expect(noLog["occupant-year"]).toBe("The annual dose to a person scanned at every deployment of the busiest year.");
    const noBeam = described(base({deployments: fixture.deployments.map((d) => ({...d, beam_on_s: 0}))}));
    expect(noBeam["bystander-event"]).toBe("The dose to a person standing 1.524 m from the device for a deployment's beam-on time.");
    expect(noBeam["bystander-hour"]).toBe("The most dose a person standing 1.524 m from the device can receive in any one hour.");
    const noCert = described(base({certificates: []}));
    expect(noCert["occupant-scan"]).toBe("The effective dose to an occupant of a vehicle from one scan.");
    expect(noCert["occupant-year"]).toBe("The annual dose to a person scanned at every deployment of the busiest year.");
  });
});

describe("the model's assumptions beside a device's scenarios", () => {
  it("say which directions the readings cover, beside the doses from the model only, once, when they miss one", () => {
    const all45 = fixture.readings.map((r) => ({...r, angle_deg: 45}));
    const sentence = "The readings of ZBV-0417 that a model could be fitted to have the direction 45° from the beam axis only: the dose in other directions is taken to be no higher than the highest of these.";
    const s = scenariosOf(base({readings: all45}));
    // The certificate gives the occupant's doses; the deployments and the model every other scenario's.
    expect(s.map((x) => x.id)).toEqual(["bystander-event", "bystander-hour", "cordon-hour", "occupant-scan", "occupant-year", "operator-shift", "operator-year", "public-annual"]);
    for (const x of s) {
      expect(x.assumptions.filter((a) => a === sentence).length).toBe(x.id.startsWith("occupant") ? 0 : 1);
    }
    // The fixture's readings cover 0°, 45°, 90°, 135° and 180° (one half-plane, taken as mirrored): nothing to add.
    // The certificate states the energy, so no assumption of the model's is added at all: each model scenario's
    // own assumptions end with its bounds' kind, followed only by what it was estimated with.
    for (const x of scenariosOf(base())) {
      expect(x.assumptions.some((a) => a.startsWith("The readings of"))).toBe(false);
      if (!x.id.startsWith("occupant")) expect(x.assumptions.filter((a) => !a.startsWith("Estimated with the ")).at(-1)).toMatch(/^The bounds are /);
    }
  });
});

describe("a scenario no limit of the programme applies to", () => {
  it("is not published", () => {
    // L3 (the annual dose of a person screened) is the occupant-year scenario's only limit.
    const s = scenariosOf(base({manifest: {...fixture.manifest, limits: fixture.manifest.limits.filter((l) => l !== "L3")}}));
    expect(s.map((x) => x.id)).toEqual(["bystander-event", "bystander-hour", "cordon-hour", "occupant-scan", "operator-shift", "operator-year", "public-annual"]);
  });
});

describe("the per-scan dose from the certificate", () => {
  // ANSI/HPS N43.17's 0.25 µSv per screening (L1). One-sided 95 %: dose ± 1.6449 σ.
  const scanVerdict = (dose: number, sigma: number) => {
    const certificates = fixture.certificates.map((c) => ({...c, scan_plane_dose: {...c.scan_plane_dose, dose, sigma}}));
    const scan = scenariosOf(base({certificates})).find((x) => x.id === "occupant-scan")!;
    return scan.verdicts.find((v) => v.limit_id === "L1")!.verdict;
  };

  it("exceeds the per-screening limit only when its lower bound is above it", () => {
    // 0.4 − 1.6449 × 0.06 = 0.301 µSv > 0.25: exceeds whatever the point.
    expect(scanVerdict(0.4, 0.06)).toBe("exceeds");
    // 0.3 − 1.6449 × 0.045 = 0.226 µSv < 0.25 < 0.374 µSv: the bounds straddle the limit, so not "exceeds".
    expect(scanVerdict(0.3, 0.045)).not.toBe("exceeds");
    expect(scanVerdict(0.3, 0.045)).not.toBe("within");
    // 0.1 + 1.6449 × 0.015 = 0.125 µSv < 0.25: within.
    expect(scanVerdict(0.1, 0.015)).toBe("within");
  });
});
