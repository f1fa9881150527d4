// What the models page receives: every reading while there are few, the groups by distance and the readings that need
// the RSO's eye once there are many (a continuous monitor's millions would not fit a phone).
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {MAX_PAGE_READINGS, MAX_REVIEW_READINGS, pageData, readingsForPages} from "../../lib/publish/page-data.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR} from "../restricted-oracle.js";

type Row = Record<string, unknown>;
type FitsPage = {readings: Row[]; readings_total: number; readings_complete: boolean; readings_needing_review: number; groups: Row[] | null};

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
    // Only readings that are excluded, flagged or warned, in that order, counted from the table independently of the cut.
    const ofStatus = (status: string) => all.filter((r) => r.status === status).map((r) => r.reading_id);
    const needing = [...ofStatus("excluded"), ...ofStatus("flagged"), ...ofStatus("warned")];
    expect(ofStatus("excluded").length).toBeGreaterThan(0);
    expect(ofStatus("warned").length).toBeGreaterThan(0);
    expect(large.readings.map((r) => r.reading_id)).toEqual(needing);
    expect(large.readings_needing_review).toBe(needing.length);
    // At most MAX_REVIEW_READINGS of them: here the first two, still in that order, and the count of all.
    const cut = pageData("rso-fits", result, {maxPageReadings: all.length - 1, maxReviewReadings: 2}) as FitsPage;
    expect(cut.readings.map((r) => r.reading_id)).toEqual(needing.slice(0, 2));
    expect(cut.readings_needing_review).toBe(needing.length);
    // The groups carry every reading the fits use: above and below detection, summed over one device's all-angle groups.
    const groups = result.tables.find((t) => t.name === "reading-groups")!.rows;
    expect(large.groups).toEqual(groups);
    for (const device of new Set(all.map((r) => String(r.device_id)))) {
      const inGroups = groups.filter((g) => g.device_id === device && g.sector === null).reduce((n, g) => n + Number(g.readings) + Number(g.censored), 0);
      const fitted = all.filter((r) => r.device_id === device && r.status !== "excluded").length;
      expect(inGroups, device).toBe(fitted);
    }
  });

  it("keeps for the pages every reading of a survey, and of a monitor's millions the first needing review, excluded and flagged first", () => {
    const statuses = ["accepted", "warned", "censored", "flagged", "accepted", "excluded", "warned", "flagged"];
    const rows = statuses.map((status, i) => ({reading_id: `R${i}`, status}));
    expect(readingsForPages(rows, 8)).toEqual(rows);
    expect(readingsForPages(rows, 7).map((r) => r.reading_id)).toEqual(["R5", "R3", "R7", "R1", "R6"]);
    const many = Array.from({length: MAX_PAGE_READINGS + 1}, (_, i) => ({reading_id: `M${i}`, status: i % 2 === 0 ? "warned" : "flagged"}));
    const kept = readingsForPages(many);
    expect(kept).toHaveLength(MAX_REVIEW_READINGS);
    expect(kept.every((r) => r.status === "flagged")).toBe(true);
    expect(kept[0]!.reading_id).toBe("M1");
  });
});
