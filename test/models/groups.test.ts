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
