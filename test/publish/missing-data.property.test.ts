// Property tests (fast-check, seeded): a missing input never makes the product more reassuring.
//
// The invariant, stated precisely. Let D be a data set and D' be D with, for any set of devices, *all* of a device's
// rows of one or more kinds removed (its readings, its certificates, its deployment-log rows), and optionally the
// policy text and the briefing file. Then every (device, scenario, limit) verdict of D that is "exceeds" or "cannot
// be determined" is, in D',
//   - still there, unless the device is named in no remaining row at all, and
//   - not "within".
// This is what "no default stands in for missing data" means at the level of verdicts: what is gone can only make a
// verdict undeterminable, never favourable.
//
// What the property does not claim, and why: removing *some* of a device's rows can legitimately move a verdict either
// way. Fewer deployments are less exposure (a year with half the deployments has half the beam-on time), and fewer or
// different readings are a different fit (dropping the highest readings lowers the estimate). The product cannot tell
// a row that is missing from one that never happened; what it guarantees for any subset of rows is checked second:
// every device keeps every scenario, and a scenario whose inputs are absent in what remains (no deployment rows, no
// certificate, no usable model) is "cannot be determined", never judged on a default.
//
// The sample's certificates all state 60 keV, the energy the product assumes without a certificate, so removing a
// certificate changes no fitted model here; with another certificate energy the models (not the structure) would
// change, which is the measurement-dependence excluded above.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {deviceIds, publish} from "../../lib/publish/publication.js";
import type {Publication} from "../../lib/publish/types.js";
import {TEST_NOW} from "../clock.js";

const code = {package_version: "test", commit: null};
const sample = await loadDataset("data", {now: TEST_NOW});
const verdictsOf = (p: Publication) => new Map(p.scenarios.flatMap((s) => s.verdicts.map((v) => [`${s.device_id}|${s.id}|${v.limit_id}`, v.verdict] as const)));
// The influence check (which refits without each reading that could decide a figure) is not what these properties are
// about, and its refits would multiply the time of every run.
const publicationOf = (d: Dataset) => publish(d, "public", code, {now: TEST_NOW, withBriefing: false, withInfluence: false}).publication;
const KINDS = ["readings", "certificates", "deployments"] as const;
type Kind = (typeof KINDS)[number];

function without(d: Dataset, removed: ReadonlySet<string>, extras: {policy: boolean; briefing: boolean}): Dataset {
  const gone = (kind: Kind, device: string) => removed.has(`${device}|${kind}`);
  return {
    ...d,
    readings: d.readings.filter((r) => !gone("readings", r.device_id)),
    certificates: d.certificates.filter((c) => !gone("certificates", c.device_id)),
    deployments: d.deployments.filter((x) => !gone("deployments", x.device_id)),
    policies: extras.policy ? [] : d.policies,
    previousBriefing: extras.briefing ? null : d.previousBriefing
  };
}

describe("removing a device's inputs never turns 'exceeds' or 'cannot be determined' into 'within'", () => {
  const full = verdictsOf(publicationOf(sample));
  const units = deviceIds(sample).flatMap((device) => KINDS.map((kind) => `${device}|${kind}`));

  it("holds on the sample, which has both exceeds and cannot-be-determined verdicts to lose", () => {
    const values = [...full.values()];
    expect(values).toContain("exceeds");
    expect(values).toContain("cannot-be-determined");
    expect(units).toHaveLength(6);
  });

  it("for any removed set of (device, kind) and of the optional files", () => {
    fc.assert(
      fc.property(fc.subarray(units), fc.boolean(), fc.boolean(), (removedUnits, policy, briefing) => {
        const removed = new Set(removedUnits);
        const reduced = without(sample, removed, {policy, briefing});
        const after = verdictsOf(publicationOf(reduced));
        const remaining = new Set(deviceIds(reduced));
        for (const [key, verdict] of full) {
          if (verdict !== "exceeds" && verdict !== "cannot-be-determined") continue;
          const device = key.split("|")[0]!;
          if (!remaining.has(device)) {
            expect(KINDS.every((kind) => removed.has(`${device}|${kind}`)), `${key} vanished while ${device} still has rows`).toBe(true);
            continue;
          }
          expect(after.has(key), `${key} vanished`).toBe(true);
          expect(after.get(key), `${key}: ${verdict} became within`).not.toBe("within");
        }
      }),
      {seed: 14, numRuns: 24}
    );
  });
});

/** A small deterministic generator for row masks (mulberry32), so a fast-check seed reproduces the subset. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("removing any subset of rows never puts a default in place of what is gone", () => {
  // A quarter of the sample's readings keeps each run fast; every kind of row is still there to remove.
  const base: Dataset = {...sample, readings: sample.readings.filter((_, i) => i % 4 === 0)};
  const share = fc.constantFrom(0, 0.5, 0.9, 0.98, 1);
  // The scenarios the programme's limits give verdicts for: every device must keep all of them.
  const programmeScenarios = new Set(publicationOf(sample).scenarios.map((s) => s.id));

  it("every device keeps every scenario, and those without their inputs cannot be determined", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 2 ** 31 - 1}), share, share, share, (seed, dropReadings, dropCertificates, dropDeployments) => {
        const next = random(seed);
        const reduced: Dataset = {
          ...base,
          readings: base.readings.filter(() => next() >= dropReadings),
          certificates: base.certificates.filter(() => next() >= dropCertificates),
          deployments: base.deployments.filter(() => next() >= dropDeployments)
        };
        const p = publicationOf(reduced);
        const devices = deviceIds(reduced);
        expect(p.devices.map((d) => d.device_id)).toEqual(devices);
        for (const device of devices) {
          const scenarios = p.scenarios.filter((s) => s.device_id === device);
          expect(new Set(scenarios.map((s) => s.id))).toEqual(programmeScenarios);
          const cannot = (ids: string[], why: string) => {
            for (const s of scenarios.filter((s) => ids.includes(s.id))) {
              expect(s.upper95_uSv, `${device} ${s.id} judged with ${why}`).toBeNull();
              for (const v of s.verdicts) expect(v.verdict, `${device} ${s.id} ${v.limit_id} with ${why}`).toBe("cannot-be-determined");
            }
          };
          if (!reduced.deployments.some((d) => d.device_id === device)) {
            cannot(["bystander-event", "bystander-hour", "cordon-hour", "occupant-year", "operator-shift", "operator-year", "public-annual"], "no deployments");
          }
          if (!reduced.certificates.some((c) => c.device_id === device)) cannot(["occupant-scan", "occupant-year"], "no certificate");
          const readings = reduced.readings.filter((r) => r.device_id === device);
          if (readings.filter((r) => !r.censored).length < 5) {
            cannot(["bystander-event", "bystander-hour", "cordon-hour", "operator-shift", "operator-year", "public-annual"], "fewer than 5 readings above detection");
          }
        }
      }),
      {seed: 1414, numRuns: 30}
    );
  });
});
