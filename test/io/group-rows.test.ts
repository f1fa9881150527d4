import {describe, expect, it} from "vitest";
import {convertGroupRows, type GroupRow} from "../../lib/io/group-rows.js";

const row = (over: Partial<GroupRow>): GroupRow => ({
  device_id: "VAN-1", sector_deg: 0, quantity: "H*(10)", bin: 10, n: 1, sum_w: 1, sum_wy: 1, sum_wyy: 1, sum_wr: 1,
  min_r: 1, max_r: 1, min_y: 1, max_y: 1, censored: 0, instrument_id: null, instrument_type: null,
  calibration_uncertainty: null, energy_response_uncertainty: null, ...over
});

describe("convertGroupRows", () => {
  it("adds a group's rows in one order whatever order they come in, so the sums are the same to the bit", () => {
    // Floating-point addition is not associative: (1 + 1e-16) + 1e-16 = 1, but 1e-16 + 1e-16 + 1 = 1 + 2.2e-16.
    expect(1 + 1e-16 + 1e-16).not.toBe(1e-16 + 1e-16 + 1);
    const rows = [
      row({instrument_id: "A", sum_w: 1}),
      row({instrument_id: "B", sum_w: 1e-16}),
      row({instrument_id: "C", sum_w: 1e-16})
    ];
    const conversion = {"H*(10)": []};
    const orders = [[0, 1, 2], [1, 2, 0], [2, 1, 0], [1, 0, 2]].map((o) => convertGroupRows("VAN-1", o.map((i) => rows[i]!), conversion));
    const sums = orders.map(([g]) => g!.sumW);
    expect(new Set(sums).size).toBe(1);
    // Instrument A first (code-unit order of the ids): 1 + 1e-16 + 1e-16, which is 1.
    expect(sums[0]).toBe(1);
    expect(orders.map(([g]) => g!.n)).toEqual([3, 3, 3, 3]);
  });
});
