import {describe, expect, it} from "vitest";
import {fitByGroup, sectorCentre} from "../../lib/models/index.js";
import {point, range} from "./helpers.js";

describe("sectorCentre", () => {
  it("puts angles in 45° sectors centred on 0°, 45°, … covering [c − 22.5°, c + 22.5°)", () => {
    expect([0, 22.4, 22.5, 44, 67.4, 180, 337.4, 337.5, 359.9].map((a) => sectorCentre(a))).toEqual([0, 0, 45, 45, 45, 180, 315, 0, 0]);
    expect(sectorCentre(100, 90)).toBe(90);
  });
});

describe("fitByGroup", () => {
  it("fits each device, and each angle sector of a device whose readings state angles", () => {
    const front = range(1, 5, 6).map((r, i) => point(r, 200 / r ** 2, 1, {reading_id: `f${i}`, angle_deg: 2}));
    const side = range(1, 5, 6).map((r, i) => point(r, 50 / r ** 2, 1, {reading_id: `s${i}`, angle_deg: 88}));
    const other = range(1, 5, 6).map((r, i) => point(r, 10 / r ** 2, 1, {reading_id: `o${i}`, device_id: "VAN-2"}));
    const groups = fitByGroup([...front, ...side, ...other], "inverse-square");
    expect(groups.map((g) => g.label)).toEqual(["VAN-1, all angles", "VAN-1, 0° ± 22.5°", "VAN-1, 90° ± 22.5°", "VAN-2, all angles"]);
    expect(groups[1]!.fit.parameters.S!.value).toBeCloseTo(200, 9);
    expect(groups[2]!.fit.parameters.S!.value).toBeCloseTo(50, 9);
    expect(groups[3]!.fit.parameters.S!.value).toBeCloseTo(10, 9);
    expect(groups[1]!.sector).toEqual({centre_deg: 0, width_deg: 45});
  });

  it("keeps readings without an angle in their own group when others state one", () => {
    const pts = [point(1, 1, 0.1, {angle_deg: 0}), point(2, 0.25, 0.1, {angle_deg: 0}), point(3, 0.1, 0.1)];
    expect(fitByGroup(pts, "inverse-square").map((g) => g.sector)).toEqual([null, {centre_deg: 0, width_deg: 45}, "unstated"]);
  });

  it("refuses a sector width that does not divide 360°", () => {
    expect(() => fitByGroup([], "inverse-square", {}, {sectorWidth_deg: 50})).toThrow(/divide 360/);
  });
});

describe("sectorCentre: angles outside [0°, 360°)", () => {
  it("wraps negative angles and angles past a turn onto the same sectors", () => {
    // −10° is within 22.5° of 0°; −30° is 330°, in the 315° sector; 400° is 40°, in the 45° sector.
    expect([-10, -30, -180, 400, 720].map((a) => sectorCentre(a))).toEqual([0, 315, 180, 45, 0]);
    expect(sectorCentre(-100, 90)).toBe(270);
  });
});

describe("fitByGroup: order, labels and refusals", () => {
  it("lists devices by id and sectors by angle, whatever the order of the readings", () => {
    const at = (device_id: string, angle_deg: number | null, scale: number) =>
      range(1, 4, 4).map((r, i) => point(r, scale / r ** 2, 0.01, {reading_id: `${device_id}-${angle_deg}-${i}`, device_id, angle_deg}));
    const groups = fitByGroup([...at("VAN-2", null, 5), ...at("VAN-1", 316, 30), ...at("VAN-1", 91, 20), ...at("VAN-1", 1, 10)], "inverse-square");
    expect(groups.map((g) => g.label)).toEqual(["VAN-1, all angles", "VAN-1, 0° ± 22.5°", "VAN-1, 90° ± 22.5°", "VAN-1, 315° ± 22.5°", "VAN-2, all angles"]);
    expect(groups.map((g) => g.device_id)).toEqual(["VAN-1", "VAN-1", "VAN-1", "VAN-1", "VAN-2"]);
    expect(groups.slice(1, 4).map((g) => g.fit.parameters.S!.value)).toEqual([10, 20, 30].map((s) => expect.closeTo(s, 9)));
    // The device's own fit holds every reading of it.
    expect(groups[0]!.fit.n).toBe(12);
  });

  it("a 90° sector is labelled ± 45°; readings without an angle are labelled so", () => {
    const pts = [point(1, 1, 0.1, {angle_deg: 80}), point(2, 0.25, 0.1, {angle_deg: 100}), point(3, 0.1, 0.1)];
    expect(fitByGroup(pts, "inverse-square", {}, {sectorWidth_deg: 90}).map((g) => g.label)).toEqual(["VAN-1, all angles", "VAN-1, 90° ± 45°", "VAN-1, angle not stated"]);
  });

  it("refuses a sector width that is not positive, naming it", () => {
    for (const w of [0, -45, NaN]) expect(() => fitByGroup([], "inverse-square", {}, {sectorWidth_deg: w})).toThrow(`sector width ${w}° must divide 360°`);
  });
});
