// The RSO's reviews (reviews.csv): every mistake is an error naming the file, line and column; the last exclude or
// include of a reading decides, by date and then by line; notes change nothing; the data folder applies them before
// fitting and lists what they exclude.
import {cp, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {applyReviews, parseReviews, reviewedIds, REVIEW_COLUMNS} from "../../lib/reviews/index.js";
import {readDataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import type {Reading} from "../../lib/readings/types.js";
import {TEST_NOW} from "../clock.js";

const HEADER = REVIEW_COLUMNS.join(",");
const readings = new Map([
  ["R1", {measured_at: "2026-03-14T09:30:00-04:00"}],
  ["R2", {measured_at: "2026-03-14T09:31:00-04:00"}],
  ["R3", {measured_at: "2026-11-02T09:31:00-05:00"}]
]);
const parse = (body: string) => parseReviews(`${HEADER}\n${body}`, "data/reviews.csv", {now: TEST_NOW, readings});

describe("parseReviews", () => {
  it("reads valid reviews with their file and line", () => {
    const {reviews, problems} = parse("R1,exclude,dosimeter dropped during the scan,RSO-7,2026-03-15\nR2,note,\"checked, fine\",RSO-7,2026-03-16\n");
    expect(problems).toEqual([]);
    expect(reviews).toEqual([
      {reading_id: "R1", action: "exclude", reason: "dosimeter dropped during the scan", reviewed_by: "RSO-7", reviewed_on: "2026-03-15", source: {file: "data/reviews.csv", line: 2}},
      {reading_id: "R2", action: "note", reason: "checked, fine", reviewed_by: "RSO-7", reviewed_on: "2026-03-16", source: {file: "data/reviews.csv", line: 3}}
    ]);
  });

  it("refuses an unknown reading, a missing reason, a date in the future, a review before its reading, and names line and column", () => {
    const {reviews, problems} = parse([
      "R9,exclude,typo in the id,RSO-7,2026-03-15",
      "R1,exclude,,RSO-7,2026-03-15",
      "R1,exclude,dropped,RSO-7,2026-12-01",
      "R3,exclude,dropped,RSO-7,2026-11-01",
      "R1,remove,dropped,RSO-7,2026-03-15",
      "R1,exclude,dropped,,2026-03-15",
      "R1,exclude,dropped,RSO-7,15/03/2026"
    ].join("\n"));
    expect(reviews).toEqual([]);
    expect(problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ["error", 2, "reading_id"], ["error", 3, "reason"], ["error", 4, "reviewed_on"], ["error", 5, "reviewed_on"],
      ["error", 6, "action"], ["error", 7, "reviewed_by"], ["error", 8, "reviewed_on"]
    ]);
    expect(problems.every((p) => p.file === "data/reviews.csv")).toBe(true);
    expect(problems[0]!.message).toMatch(/no reading has the id "R9"/);
    expect(problems[1]!.message).toMatch(/needs a reason/);
    // TEST_NOW is 2026-11-30: the build's day is named so the user sees why.
    expect(problems[2]!.message).toMatch(/2026-12-01 is in the future \(this build's day is 2026-11-30\)/);
    expect(problems[3]!.message).toMatch(/before the reading was taken \(2026-11-02\)/);
  });

  it("refuses a file without the required columns, or with unknown ones", () => {
    const {problems} = parseReviews("reading_id,action,reason,reviewed_on,who\n", "r.csv", {now: TEST_NOW, readings});
    expect(problems.map((p) => [p.line, p.column])).toEqual([[1, "who"], [1, "reviewed_by"]]);
    expect(parseReviews("", "r.csv", {now: TEST_NOW, readings}).problems[0]!.message).toMatch(/empty/);
  });

  it("accepts a header-only file (no reviews yet)", () => {
    expect(parseReviews(`${HEADER}\n`, "r.csv", {now: TEST_NOW, readings})).toEqual({reviews: [], problems: [], skipped: 0});
  });

  it("leaves out, and counts, reviews of other readings when told the readings are only some of them", () => {
    const text = [HEADER, "R9,exclude,another file's reading,RSO-7,2026-03-15", "R1,exclude,dropped,RSO-7,2026-03-15", "R8,note,fine,RSO-7,2026-03-15", "R1,exclude,,RSO-7,2026-03-16"].join("\n");
    const {reviews, problems, skipped} = parseReviews(text, "r.csv", {now: TEST_NOW, readings, otherReadings: "skip"});
    expect(skipped).toBe(2);
    expect(reviews.map((r) => [r.reading_id, r.source.line])).toEqual([["R1", 3]]);
    // A review of a reading given is still validated.
    expect(problems.map((p) => [p.line, p.column])).toEqual([[5, "reason"]]);
  });

  it("names the reading ids a file reviews, each once, before validating it (columns in any order, quoted fields)", () => {
    const text = ["reason,reviewed_on,reading_id,action,reviewed_by", '"high, then checked",2026-03-15, R1 ,exclude,RSO-7', "x,2026-03-15,R2,note,RSO-7", "y,2026-03-16,R1,include,RSO-7", "z,2026-03-16,,note,RSO-7"].join("\n");
    expect(reviewedIds(text)).toEqual(["R1", "R2"]);
    expect(reviewedIds("action,reason\nexclude,x\n")).toEqual([]);
    expect(reviewedIds("")).toEqual([]);
  });

  it("warns about an include with nothing to undo", () => {
    const {problems} = parse("R1,include,was fine after all,RSO-7,2026-03-15\n");
    expect(problems).toEqual([expect.objectContaining({severity: "warning", line: 2, column: "action", code: "review-include-without-exclude"})]);
  });
});

describe("applyReviews", () => {
  const reading = (reading_id: string, line: number) => ({reading_id, device_id: "VAN-1", source: {file: "r.csv", line}}) as Reading;
  const all = [reading("R1", 2), reading("R2", 3), reading("R3", 4)];
  const review = (line: number, reading_id: string, action: "exclude" | "include" | "note", reviewed_on: string, reason = "why") =>
    ({reading_id, action, reason, reviewed_by: "RSO-7", reviewed_on, source: {file: "data/reviews.csv", line}});

  it("excludes, and an include on a later day puts the reading back", () => {
    const r = applyReviews(all, [review(2, "R1", "exclude", "2026-03-15", "dropped"), review(3, "R2", "exclude", "2026-03-15"), review(4, "R2", "include", "2026-04-01")]);
    expect(r.kept.map((x) => x.reading_id)).toEqual(["R2", "R3"]);
    expect(r.excluded).toEqual([{
      reading_id: "R1", device_id: "VAN-1", reason: "dropped", reviewed_by: "RSO-7", reviewed_on: "2026-03-15",
      review: {file: "data/reviews.csv", line: 2}, reading: {file: "r.csv", line: 2}
    }]);
  });

  it("decides by date first, whatever the line order, and by line within a day", () => {
    // The include is written first but dated later: it wins. On one day, the later line wins.
    const byDate = applyReviews(all, [review(2, "R1", "include", "2026-04-01"), review(3, "R1", "exclude", "2026-03-15")]);
    expect(byDate.excluded).toEqual([]);
    const byLine = applyReviews(all, [review(2, "R1", "include", "2026-03-15"), review(3, "R1", "exclude", "2026-03-15", "second thoughts")]);
    expect(byLine.excluded.map((e) => e.reason)).toEqual(["second thoughts"]);
  });

  it("keeps a noted reading and lists the note", () => {
    const r = applyReviews(all, [review(2, "R3", "note", "2026-11-03", "high but real")]);
    expect(r.kept).toHaveLength(3);
    expect(r.notes.get("R3")!.map((n) => n.reason)).toEqual(["high but real"]);
  });
});

describe("reviews in a data folder", () => {
  it("are validated against the folder's readings and applied before fitting, the excluded readings listed with their reasons", async () => {
    const dir = await mkdtemp(join(tmpdir(), "reviews-"));
    try {
      await cp("data", dir, {recursive: true});
      await writeFile(join(dir, "reviews.csv"), `${HEADER}\nZBV-0417-2025-0030,exclude,phantom knocked over,RSO-7,2025-02-01\nZBV-0417-2025-0002,note,checked,RSO-7,2025-02-01\nNOPE-1,exclude,x,RSO-7,2025-02-01\n`);
      const bad = await readDataset(dir, {now: TEST_NOW, root: dir});
      expect(bad.dataset).toBeNull();
      expect(bad.problems.filter((p) => p.severity === "error")).toEqual([expect.objectContaining({file: "reviews.csv", line: 4, column: "reading_id"})]);

      await writeFile(join(dir, "reviews.csv"), `${HEADER}\nZBV-0417-2025-0030,exclude,phantom knocked over,RSO-7,2025-02-01\nZBV-0417-2025-0002,note,checked,RSO-7,2025-02-01\n`);
      const {dataset} = await readDataset(dir, {now: TEST_NOW, root: dir});
      expect(dataset!.files.find((f) => f.kind === "reviews")).toMatchObject({path: "reviews.csv", rows: 2});
      const code = {package_version: "test", commit: null};
      const {publication: internal, tables} = publish(dataset!, "internal", code, {now: TEST_NOW});
      expect(internal.reviews.excluded).toEqual([{
        reading_id: "ZBV-0417-2025-0030", device_id: "ZBV-0417", reason: "phantom knocked over", reviewed_on: "2025-02-01", reviewed_by: "RSO-7",
        review: "reviews.csv:2", source: "readings/ZBV-0417-2025.csv:31"
      }]);
      const device = internal.devices.find((d) => d.device_id === "ZBV-0417")!;
      expect(device.excluded).toBe(1);
      expect(device.without_exclusions!.fits.every((f) => f.selected)).toBe(true);
      // The excluded reading is not fitted: the all-angles fits count one reading fewer than without the exclusion.
      const withAll = device.without_exclusions!.fits.find((f) => f.sector === null)!;
      const used = internal.fits.find((f) => f.device_id === "ZBV-0417" && f.sector === null && f.model === withAll.model)!;
      expect(withAll.n - used.n).toBe(1);
      const row = tables.find((t) => t.name === "readings")!.rows.find((r) => r.reading_id === "ZBV-0417-2025-0030")!;
      expect(row).toMatchObject({status: "excluded", status_detail: "excluded on 2025-02-01: phantom knocked over", normalised_residual: null});

      // The public build says how many and why, never who.
      const {publication: pub} = publish(dataset!, "public", code, {now: TEST_NOW});
      // Who decided is not on the public build's allow-list (lib/publish/allow-list.ts): the field is cut.
      expect(pub.reviews.excluded[0]!).not.toHaveProperty("reviewed_by");
      expect(pub.reviews.by_reason).toEqual([{reason: "phantom knocked over", readings: 1, devices: ["ZBV-0417"]}]);
      expect(JSON.stringify(pub)).not.toContain("RSO-7");
      // The previous briefing (2026-06-01) came after the review: the exclusion is not a change since it.
      expect(pub.briefing.exclusions).toEqual({current: 1, previous: 1, added: [], removed: 0});
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
