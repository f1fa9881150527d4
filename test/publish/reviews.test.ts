// What the site publishes of the RSO's reviews, on hand-made reviews (no data set is published here): each excluded
// reading with its reason, who decided only in the internal build; the reasons by count; the exclusions made and undone
// since the previous briefing.
import {describe, expect, it} from "vitest";
import type {Exclusion} from "../../lib/reviews/apply.js";
import type {Review} from "../../lib/reviews/parse.js";
import type {Reading} from "../../lib/readings/types.js";
import {byReason, exclusionChanges, publishReviews} from "../../lib/publish/reviews.js";

const exclusion = (reading_id: string, device_id: string, reason: string): Exclusion => ({
  reading_id, device_id, reason, reviewed_by: "R. Soe", reviewed_on: "2025-02-01", review: {file: "reviews.csv", line: 4}, reading: {file: "readings.csv", line: 17}
});
const reading = (reading_id: string, measured_at: string, line: number) => ({reading_id, device_id: "VAN-1", measured_at, source: {file: "r.csv", line}}) as unknown as Reading;
const review = (reading_id: string, action: Review["action"], reason: string, reviewed_on: string, line: number): Review =>
  ({reading_id, action, reason, reviewed_on, reviewed_by: "R. Soe", source: {file: "reviews.csv", line}});

describe("the reasons readings were set aside", () => {
  it("count each reason's readings and name its devices once, sorted, the most frequent reason first, ties by reason", () => {
    const groups = byReason([
      exclusion("R1", "VAN-2", "wet"), exclusion("R2", "VAN-2", "swapped"), exclusion("R3", "VAN-1", "swapped"), exclusion("R4", "VAN-1", "swapped"),
      exclusion("R5", "VAN-1", "dropped"), exclusion("R6", "VAN-3", "wet"), exclusion("R7", "VAN-1", "cracked")
    ]);
    expect(groups).toEqual([
      {reason: "swapped", readings: 3, devices: ["VAN-1", "VAN-2"]},
      {reason: "wet", readings: 2, devices: ["VAN-2", "VAN-3"]},
      {reason: "cracked", readings: 1, devices: ["VAN-1"]},
      {reason: "dropped", readings: 1, devices: ["VAN-1"]}
    ]);
    expect(byReason([])).toEqual([]);
  });
});

describe("the published reviews", () => {
  const excluded = [exclusion("R1", "VAN-1", "wet")];
  const reviews = [review("R1", "exclude", "wet", "2025-02-01", 4), review("R1", "note", "checked", "2025-02-02", 5), review("R2", "note", "odd", "2025-02-03", 6)];

  it("name who decided only in the internal build", () => {
    const row = {reading_id: "R1", device_id: "VAN-1", reason: "wet", reviewed_on: "2025-02-01", review: "reviews.csv:4", source: "readings.csv:17"};
    expect(publishReviews(excluded, reviews, "internal")).toEqual({
      excluded: [{...row, reviewed_by: "R. Soe"}], by_reason: [{reason: "wet", readings: 1, devices: ["VAN-1"]}], notes: 2
    });
    const pub = publishReviews(excluded, reviews, "public");
    expect(pub.excluded).toEqual([{...row, reviewed_by: null}]);
    expect(JSON.stringify(pub)).not.toContain("R. Soe");
  });
});

describe("the exclusions since the previous briefing", () => {
  it("without one, are every exclusion in force, by reason", () => {
    const readings = [reading("R1", "2025-01-10T10:00:00Z", 2), reading("R2", "2025-01-11T10:00:00Z", 3)];
    expect(exclusionChanges(readings, [review("R1", "exclude", "wet", "2025-02-01", 2), review("R2", "exclude", "wet", "2025-02-01", 3)], null))
      .toEqual({current: 2, previous: null, added: [{reason: "wet", readings: 2}], removed: 0});
  });

  it("count what was in force before its day (readings taken and reviews made before it), what was set aside since, and what was put back", () => {
    const readings = [
      reading("R1", "2025-01-10T10:00:00Z", 2), reading("R2", "2025-01-11T10:00:00Z", 3), reading("R3", "2025-06-01T00:00:00Z", 4),
      reading("R4", "2025-05-31T23:00:00Z", 5)
    ];
    const reviews = [
      review("R1", "exclude", "wet", "2025-02-01", 2),
      // R2 set aside before the briefing and put back since.
      review("R2", "exclude", "swapped", "2025-02-01", 3), review("R2", "include", "swapped back", "2025-06-02", 4),
      // R3 taken on the briefing's day: not in the earlier data set.
      review("R3", "exclude", "cracked", "2025-06-02", 5),
      // R4 taken before, reviewed on the briefing's day: set aside since.
      review("R4", "exclude", "cracked", "2025-06-01", 6)
    ];
    expect(exclusionChanges(readings, reviews, "2025-06-01")).toEqual({current: 3, previous: 2, added: [{reason: "cracked", readings: 2}], removed: 1});
  });

  it("before the briefing, hold only readings taken before its day, even if a review (misdated) set one aside earlier", () => {
    // The reviews parser stops the build on a review dated before its reading; the rule holds here on its own.
    const readings = [reading("R1", "2025-05-31T10:00:00Z", 2), reading("R2", "2025-06-01T08:00:00Z", 3), reading("R3", "2025-07-01T08:00:00Z", 4)];
    const reviews = [review("R1", "exclude", "wet", "2025-05-31", 2), review("R2", "exclude", "wet", "2025-05-31", 3), review("R3", "exclude", "wet", "2025-05-31", 4)];
    expect(exclusionChanges(readings, reviews, "2025-06-01")).toEqual({current: 3, previous: 1, added: [{reason: "wet", readings: 2}], removed: 0});
  });
});
