// No verdict without the data: what the publication says when a device has no deployments, no certificate or no
// readings, which limits it judges, and which day it judges certificates and calibrations on.
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {TEST_NOW} from "../clock.js";
import {once} from "../once.js";

const code = {package_version: "test", commit: null};
const sample = await loadDataset("data", {now: TEST_NOW});
const publicationOf = (dataset: Dataset, now = TEST_NOW) => publish(dataset, "public", code, {now, withBriefing: false}).publication;
const DEPLOYMENT_SCENARIOS = ["bystander-event", "bystander-hour", "cordon-hour", "occupant-year", "operator-shift", "operator-year", "public-annual"];

describe("a device without deployments", () => {
  const p = once(() => publicationOf({...sample, deployments: sample.deployments.filter((d) => d.device_id !== "ZBV-0417")}));
  const scenarios = () => p().scenarios.filter((s) => s.device_id === "ZBV-0417");

  it("keeps every scenario, and those that need the log cannot be determined, with the reason", () => {
    expect(scenarios().map((s) => s.id)).toEqual(["bystander-event", "bystander-hour", "cordon-hour", "occupant-scan", "occupant-year", "operator-shift", "operator-year", "public-annual"]);
    for (const s of scenarios().filter((s) => DEPLOYMENT_SCENARIOS.includes(s.id))) {
      expect(s.upper95_uSv).toBeNull();
      for (const v of s.verdicts) {
        expect(v.verdict).toBe("cannot-be-determined");
        expect(v.explanation).toMatch(/device ZBV-0417 has no deployments in the log/);
      }
    }
  });

  it("never judges a bystander's hour on a default duration (issue 14: 10 s gave a false 'within')", () => {
    const hour = scenarios().find((s) => s.id === "bystander-hour")!;
    expect(hour.verdicts.map((v) => v.verdict)).toEqual(["cannot-be-determined", "cannot-be-determined"]);
    // The same device with its deployments: the worst hour at 5 ft exceeds 20 µSv.
    const full = publicationOf(sample).scenarios.find((s) => s.device_id === "ZBV-0417" && s.id === "bystander-hour")!;
    expect(full.verdicts.map((v) => v.verdict)).toEqual(["exceeds", "exceeds"]);
  });

  it("still judges the per-scan dose, which comes from the certificate", () => {
    const scan = scenarios().find((s) => s.id === "occupant-scan")!;
    expect(scan.verdicts.find((v) => v.limit_id === "L1")!.verdict).toBe("within");
  });

  it("has no exclusion distance over a year's beam-on time, and says why", () => {
    const device = p().devices.find((d) => d.device_id === "ZBV-0417")!;
    expect(device.deployments).toBe(0);
    expect(device.exclusion.find((e) => e.limit_id === "L13")).toMatchObject({distance_m: null, reason: expect.stringMatching(/no deployments of ZBV-0417/)});
  });
});

describe("a device without a certificate", () => {
  const p = once(() => publicationOf({...sample, certificates: sample.certificates.filter((c) => c.device_id !== "ZBV-0417")}));

  it("cannot determine the dose to a person in a scanned vehicle", () => {
    for (const s of p().scenarios.filter((s) => s.device_id === "ZBV-0417" && s.id.startsWith("occupant"))) {
      for (const v of s.verdicts) expect(v.verdict).toBe("cannot-be-determined");
    }
  });

  it("states the assumed effective energy beside every verdict its model feeds", () => {
    const device = p().devices.find((d) => d.device_id === "ZBV-0417")!;
    expect(device).toMatchObject({certificate: "missing", effective_energy_keV: 60, effective_energy_assumed: true});
    const fromModel = p().scenarios.filter((s) => s.device_id === "ZBV-0417" && !s.id.startsWith("occupant"));
    expect(fromModel.length).toBe(6);
    for (const s of fromModel) expect(s.assumptions).toContain("No calibration certificate of ZBV-0417 states its effective energy, so 60 keV is assumed (typical of a 125 kVp tube; P. Rez [Rez-ASU], grade C). It sets the air attenuation in the models and the conversion of any air-kerma or exposure readings to H*(10).");
    expect(p().scenarios.filter((s) => s.device_id === "ZBV-0522").every((s) => s.assumptions.every((a) => !/is assumed \(typical/.test(a)))).toBe(true);
  });
});

describe("a device named only in the deployment log", () => {
  it("is listed, and every verdict about it cannot be determined", () => {
    const p = publicationOf({...sample, readings: sample.readings.filter((r) => r.device_id !== "ZBV-0522"), certificates: sample.certificates.filter((c) => c.device_id !== "ZBV-0522")});
    expect(p.devices.find((d) => d.device_id === "ZBV-0522")).toMatchObject({readings: 0, model: null, certificate: "missing"});
    const verdicts = p.scenarios.filter((s) => s.device_id === "ZBV-0522").flatMap((s) => s.verdicts.map((v) => v.verdict));
    expect(verdicts.length).toBeGreaterThan(20);
    expect(new Set(verdicts)).toEqual(new Set(["cannot-be-determined"]));
    // A figure "for the devices" is not given from the devices that happen to have one.
    const figures = publish({...sample, readings: sample.readings.filter((r) => r.device_id !== "ZBV-0522")}, "public", code, {now: TEST_NOW}).publication.briefing.key_figures;
    expect(figures.find((k) => k.id === "dose-5ft-10s")!.value).toBeNull();
    expect(figures.find((k) => k.id === "hour-exclusion")!.value).toBeNull();
  });
});

describe("the programme's limits", () => {
  it("gives verdicts against the limits dataset.json lists, and publishes only those", () => {
    const p = publicationOf({...sample, manifest: {...sample.manifest, limits: ["L5", "L6"]}});
    expect(p.limits.map((l) => l.id)).toEqual(["L5", "L6"]);
    expect(new Set(p.scenarios.flatMap((s) => s.verdicts.map((v) => v.limit_id)))).toEqual(new Set(["L5", "L6"]));
    // Scenarios no listed limit applies to are not published (the occupant's per-scan criteria, the operator's limits).
    expect(new Set(p.scenarios.map((s) => s.id))).toEqual(new Set(["bystander-event", "bystander-hour", "cordon-hour", "public-annual"]));
    expect(p.devices[0]!.exclusion.map((e) => e.limit_id)).toEqual(["L5"]);
    expect(publish({...sample, manifest: {...sample.manifest, limits: ["L5", "L6"]}}, "public", code, {now: TEST_NOW}).publication.briefing.questions.join(" ")).not.toMatch(/N43\.16/);
  });
});

describe("the build's day", () => {
  // ZBV-0522's newest certificate is due on 2026-09-23; the newest reading is from October 2026.
  it("judges certificate status on it, not on the newest reading", () => {
    const status = (now: Date) => publicationOf(sample, now).certificates.find((c) => c.device_id === "ZBV-0522" && c.status !== "superseded")!.status;
    expect(status(new Date("2026-09-23T23:00:00Z"))).toBe("current");
    expect(status(new Date("2026-09-24T00:00:00Z"))).toBe("lapsed");
    expect(publicationOf(sample, new Date("2026-09-24T00:00:00Z")).status_on).toBe("2026-09-24");
  });

  it("judges each instrument's calibration on it (12 calendar months)", () => {
    const epd = (now: Date) => publicationOf(sample, now).instruments.find((i) => i.instrument_id === "EPD-1987")!;
    // EPD-1987 was last calibrated on 2023-03-02 (the sample's out-of-calibration instrument).
    expect(epd(new Date("2024-03-02T12:00:00Z"))).toMatchObject({calibrated_on: "2023-03-02", status: "current"});
    expect(epd(new Date("2024-03-03T00:00:00Z")).status).toBe("lapsed");
  });
});

describe("the policy", () => {
  it("without a policy text, publishes no claim and no policy figure, and says why", () => {
    const p = publicationOf({...sample, policies: []});
    expect(p.claims).toEqual([]);
    expect(p.policy_figures).toEqual([]);
    expect(p.policy).toBeNull();
    expect(p.claims_note).toMatch(/no policy text/);
    expect(p.scenarios.find((s) => s.id === "bystander-hour")!.title).toBe("A bystander's worst hour, at 5 ft");
  });
});
