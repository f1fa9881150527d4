import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseDeploymentLog, summariseDeployments} from "../../lib/deployments/index.js";

const file = "test/fixtures/deployments/valid.csv";
const {deployments} = parseDeploymentLog(readFileSync(file, "utf8"), file);

describe("summariseDeployments", () => {
  it("totals the whole log (hand-added from the fixture)", () => {
    const s = summariseDeployments(deployments);
    // Vehicles 200 + 100 + 0; beam-on 1300 + 650 + 0 s; deployed 14 h + 13 h + 8 h.
    expect(s).toMatchObject({count: 3, vehicles: 300, beam_on_s: 1950, deployed_s: 35 * 3600});
  });

  it("counts a deployment in the local month it starts, even when it ends in the next", () => {
    expect(summariseDeployments(deployments).by_month).toEqual([
      {month: "2025-09", count: 1, vehicles: 200, beam_on_s: 1300, deployed_s: 14 * 3600},
      {month: "2025-12", count: 1, vehicles: 100, beam_on_s: 650, deployed_s: 13 * 3600},
      {month: "2026-01", count: 1, vehicles: 0, beam_on_s: 0, deployed_s: 8 * 3600}
    ]);
  });

  it("splits by device and by event", () => {
    const s = summariseDeployments(deployments);
    expect(s.by_device).toEqual([
      {device_id: "ZBV-0417", count: 2, vehicles: 200, beam_on_s: 1300, deployed_s: 22 * 3600},
      {device_id: "ZBV-0522", count: 1, vehicles: 100, beam_on_s: 650, deployed_s: 13 * 3600}
    ]);
    expect(s.by_event.map((e) => e.event)).toEqual(["Loading dock inspection", "New Year's Eve", "UN General Assembly week"]);
  });

  it("keeps deployments starting in [from, to)", () => {
    // DEP-2 starts 2025-12-31T14:00-05:00 = 19:00 UTC.
    expect(summariseDeployments(deployments, {from: new Date("2025-12-31T19:00:00Z")}).count).toBe(2);
    expect(summariseDeployments(deployments, {from: new Date("2025-12-31T19:00:01Z")}).count).toBe(1);
    expect(summariseDeployments(deployments, {to: new Date("2025-12-31T19:00:00Z")}).count).toBe(1);
    expect(summariseDeployments(deployments, {from: new Date("2030-01-01T00:00:00Z")})).toMatchObject({count: 0, vehicles: 0, by_month: []});
  });
});
