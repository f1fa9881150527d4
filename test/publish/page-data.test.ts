// What the models page receives: every reading while there are few, the groups by distance and the readings that need
// the RSO's eye once there are many (a continuous monitor's millions would not fit a phone).
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {MAX_PAGE_READINGS, pageData} from "../../lib/publish/page-data.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR} from "../restricted-oracle.js";

type Row = Record<string, unknown>;
type FitsPage = {readings: Row[]; readings_total: number; readings_complete: boolean; groups: Row[] | null};

describe("the models page's data", () => {
  it("holds every reading up to its limit, then the groups and the readings not simply accepted", async () => {
    const dataset = await loadDataset(ORACLE_DATA_DIR, {now: TEST_NOW});
    const result = publish(dataset, "internal", {package_version: "test", commit: null}, {now: TEST_NOW});
    const all = result.tables.find((t) => t.name === "readings")!.rows;
    expect(all.length).toBeGreaterThan(3);
    expect(all.length).toBeLessThanOrEqual(MAX_PAGE_READINGS);

    const small = pageData("rso-fits", result) as FitsPage;
    expect(small.readings_complete).toBe(true);
    expect(small.readings.map((r) => r.reading_id)).toEqual(all.map((r) => r.reading_id));
    expect(small.groups).toBeNull();

    const large = pageData("rso-fits", result, {maxPageReadings: all.length - 1}) as FitsPage;
    expect(large.readings_complete).toBe(false);
    expect(large.readings_total).toBe(all.length);
    // Only readings that are flagged, excluded or warned, counted from the table independently of the cut.
    const needing = all.filter((r) => ["flagged", "excluded", "warned"].includes(String(r.status)));
    expect(large.readings.map((r) => r.reading_id)).toEqual(needing.map((r) => r.reading_id).slice(0, all.length - 1));
    // The groups carry every reading the fits use: above and below detection, summed over one device's all-angle groups.
    const groups = result.tables.find((t) => t.name === "reading-groups")!.rows;
    expect(large.groups).toEqual(groups);
    for (const device of new Set(all.map((r) => String(r.device_id)))) {
      const inGroups = groups.filter((g) => g.device_id === device && g.sector === null).reduce((n, g) => n + Number(g.readings) + Number(g.censored), 0);
      const fitted = all.filter((r) => r.device_id === device && r.status !== "excluded").length;
      expect(inGroups, device).toBe(fitted);
    }
  });
});
